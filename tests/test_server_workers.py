"""Several server processes on one PostgreSQL database keep each facility's
stream in order: ``server_seq`` gap-free and unique, every change pulled
exactly once, edits of one record merged without a lost update - whichever
process takes which push. And ``serve --workers N`` really runs N processes.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from care_core import protocol as p
from provincial_server import admin, migrate
from provincial_server.db import make_engine, write_conn
from tests.server_fixtures import FakePC, free_port, fresh_database, resident_fields

EXE = [sys.executable, "-m", "provincial_server.cli"]
ROOT = Path(__file__).resolve().parent.parent


def _start(db: str, *extra: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([*EXE, "--db", db, "serve", "--host", "127.0.0.1", "--port", str(port),
                             "--request-budget", "off", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if requests.get(f"{url}/health", timeout=2).status_code == 200:
                return proc, url
        except requests.ConnectionError:
            pass
        if proc.poll() is not None:
            raise AssertionError(proc.stderr.read().decode())
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.1)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


@pytest.fixture
def db(tmp_path):
    url = fresh_database("postgresql", tmp_path, "workers")
    engine = make_engine(url)
    migrate.upgrade(engine)
    with write_conn(engine) as conn, conn.begin():
        admin.add_facility(conn, "FAC-W", "Trung tâm thử nhiều tiến trình", 20)
    yield url, engine
    engine.dispose()


def _enrol(engine: sa.Engine, url: str, name: str) -> FakePC:
    with write_conn(engine) as conn, conn.begin():
        code = admin.enrol_device(conn, "FAC-W", name)[1]
    r = requests.post(f"{url}/v1/enrol", json={"code": code, "device_name": name}, timeout=10)
    assert r.status_code == 200, r.text
    a = p.enrol_answer_from_dict(r.json())
    return FakePC(url, a.device_id, a.token, a.facility_code, number=a.device_number)


def _push_rounds(pc: FakePC, urls: list[str], shared: str, rounds: int, errors: list) -> None:
    """Each round: five new residents and an edit of the shared one, pushed
    to the next server in turn."""
    try:
        for i in range(rounds):
            pc.now_ms[0] = int(time.time() * 1000)
            for _ in range(5):
                pc.change("residents", str(uuid.uuid4()), "insert", resident_fields())
            pc.change("residents", shared, "update", {"room": f"P{pc.number}-{i}"}, base_version=1)
            pc.base_url = urls[i % len(urls)]
            answer = pc.push()
            bad = [r for r in answer.results if r.status not in ("applied", "merged", "conflict")]
            assert not bad, bad[:2]
    except Exception as exc:  # noqa: BLE001 - reported by the test's thread
        errors.append(exc)


def _check_stream(engine: sa.Engine, reader: FakePC, pushed: int, shared: str) -> None:
    with engine.connect() as conn:
        seqs = [r[0] for r in conn.execute(sa.text(
            "SELECT server_seq FROM changes WHERE facility_code = 'FAC-W' ORDER BY server_seq"))]
        last = conn.execute(sa.text("SELECT last_seq FROM facilities WHERE code = 'FAC-W'")).scalar()
        version = conn.execute(sa.text("SELECT version FROM records WHERE row_id = :r"), {"r": shared}).scalar()
    assert seqs == list(range(1, pushed + 1)) and last == pushed  # gap-free, unique, counter in step
    got, cursor = reader.pull_all(limit=97)
    ids = [c.change_id for c in got]
    assert len(ids) == len(set(ids)) == pushed and cursor == pushed  # every change exactly once
    assert [c.server_seq for c in got] == seqs
    # every edit of the shared resident made a new version: none overwrote another unseen
    edits = sum(1 for c in got if c.row_id == shared and c.op == "update" and c.fields)
    assert version == 1 + edits


def test_two_server_processes_keep_one_facility_in_order(db):
    url, engine = db
    servers = [_start(url), _start(url)]
    try:
        urls = [u for _, u in servers]
        first = _enrol(engine, urls[0], "PC-0")
        shared = str(uuid.uuid4())
        first.change("residents", shared, "insert", resident_fields("Người dùng chung"))
        first.push()
        pcs = [_enrol(engine, urls[i % 2], f"PC-{i + 1}") for i in range(4)]
        errors: list = []
        threads = [threading.Thread(target=_push_rounds, args=(pc, urls[i % 2:] + urls[:i % 2], shared, 12, errors))
                   for i, pc in enumerate(pcs)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert not errors, errors
        reader = _enrol(engine, urls[1], "PC-reader")
        _check_stream(engine, reader, 1 + 4 * 12 * 6, shared)
    finally:
        for proc, _ in servers:
            _stop(proc)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="counts worker processes through /proc")
def test_serve_with_workers_runs_that_many_processes_and_syncs(db):
    url, engine = db
    proc, server = _start(url, "--workers", "3")
    try:
        workers = [c for c in _children(proc.pid)
                   if "multiprocessing.resource_tracker" not in Path(f"/proc/{c}/cmdline").read_text()]
        assert len(workers) == 3, workers
        first = _enrol(engine, server, "PC-0")
        shared = str(uuid.uuid4())
        first.change("residents", shared, "insert", resident_fields("Người dùng chung"))
        first.push()
        pcs = [_enrol(engine, server, f"PC-{i + 1}") for i in range(3)]
        errors: list = []
        threads = [threading.Thread(target=_push_rounds, args=(pc, [server], shared, 8, errors)) for pc in pcs]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert not errors, errors
        _check_stream(engine, _enrol(engine, server, "PC-reader"), 1 + 3 * 8 * 6, shared)
    finally:
        _stop(proc)
    assert proc.returncode is not None


def test_workers_out_of_range_is_one_line(db):
    url, _ = db
    r = subprocess.run([*EXE, "--db", url, "serve", "--workers", "0"], capture_output=True, text=True, timeout=60,
                       cwd=ROOT)
    assert r.returncode == 1 and r.stderr.strip() == "error: --workers must be between 1 and 64, not 0"
