"""provincial-server, the command the province's IT officer types."""
from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from provincial_server.cli import main
from tests.server_fixtures import BACKENDS, free_port, fresh_database

EXE = [sys.executable, "-m", "provincial_server.cli"]


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run(db: str, *args: str, env: dict | None = None) -> Ran:
    """The CLI's own main() in this process (a subprocess per call costs seconds
    on a busy machine); the entry point itself is run as a process below."""
    out, err = io.StringIO(), io.StringIO()
    saved = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--db", db, *args])
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return Ran(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory):
    return fresh_database(request.param, tmp_path_factory.mktemp("cli"), "cli")


def test_commands_before_migrate_say_so(tmp_path):
    r = run(f"sqlite:///{tmp_path}/x.db", "device", "list")
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == ["error: the database schema is not up to date: "
                                             "run `provincial-server --db URL migrate` first"]


def test_migrate_facility_enrol_list_revoke(db):
    assert run(db, "migrate").returncode == 0
    assert run(db, "migrate").stdout.strip() == "schema at 0006_officer_scopes"  # idempotent
    r = run(db, "facility", "add", "--code", "TTBTXH-LS", "--name", "Trung tâm BTXH Lạng Sơn", "--province", "20")
    assert r.returncode == 0, r.stderr
    dup = run(db, "facility", "add", "--code", "TTBTXH-LS", "--name", "Khác")
    assert dup.returncode == 1 and dup.stderr.strip() == "error: Facility TTBTXH-LS already exists."
    bad = run(db, "facility", "add", "--code", "lower case", "--name", "X Y")
    assert bad.returncode == 1 and "Facility code" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    r = run(db, "device", "enrol", "--facility", "TTBTXH-LS", "--name", "PC-1")
    assert r.returncode == 0, r.stderr
    code = r.stdout.strip().splitlines()[-1]
    assert len(code) == 19 and code.count("-") == 3  # alone on its last line
    missing = run(db, "device", "enrol", "--facility", "NOPE")
    assert missing.returncode == 1 and missing.stderr.strip() == "error: No facility NOPE."
    listed = run(db, "device", "list").stdout.strip().splitlines()
    assert len(listed) == 1 and "TTBTXH-LS" in listed[0] and "waiting" in listed[0]
    device_id = listed[0].split("\t")[0]
    assert run(db, "device", "revoke", device_id).returncode == 0
    assert "revoked" in run(db, "device", "list", "--facility", "TTBTXH-LS").stdout
    again = run(db, "device", "revoke", device_id)
    assert again.returncode == 1 and "already revoked" in again.stderr


def test_officer_password_from_env_and_rules(db):
    run(db, "migrate")
    weak = run(db, "officer", "add", "canbo.so", env={"PROVINCIAL_OFFICER_PASSWORD": "short"})
    assert weak.returncode == 1 and "at least 8" in weak.stderr
    no_pw = subprocess.run([*EXE, "--db", db, "officer", "add", "canbo.so"], capture_output=True, text=True,
                           timeout=60, stdin=subprocess.DEVNULL,
                           env={k: v for k, v in os.environ.items() if k != "PROVINCIAL_OFFICER_PASSWORD"})
    assert no_pw.returncode == 1 and "PROVINCIAL_OFFICER_PASSWORD" in no_pw.stderr
    ok = run(db, "officer", "add", "canbo.so", env={"PROVINCIAL_OFFICER_PASSWORD": "mat khau dai"})
    assert ok.returncode == 0, ok.stderr


def test_bad_database_url_is_one_line():
    r = run("mysql://somewhere/db", "migrate")
    assert r.returncode == 1 and r.stderr.strip().splitlines() == [
        "error: unsupported database URL 'mysql': use postgresql://... or sqlite:///FILE"]


def test_serve_answers_health_and_openapi(tmp_path: Path):
    db = f"sqlite:///{tmp_path}/serve.db"
    assert run(db, "migrate").returncode == 0
    port = free_port()
    proc = subprocess.Popen([*EXE, "--db", db, "serve", "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = requests.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except requests.ConnectionError:
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
        assert r.json() == {"status": "ok"}
        spec = requests.get(f"http://127.0.0.1:{port}/openapi.json", timeout=5).json()
        push = spec["paths"]["/v1/push"]["post"]
        assert set(push["requestBody"]["content"]) == {"application/json", "application/x-msgpack"}
        assert "/v1/pull" in spec["paths"] and "/v1/enrol" in spec["paths"]
    finally:
        proc.terminate()
        proc.wait(10)


def test_migrations_build_exactly_the_declared_schema(db):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from provincial_server.db import make_engine
    from provincial_server.tables import metadata
    assert run(db, "migrate").returncode == 0
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    finally:
        engine.dispose()


@pytest.mark.parametrize("backend", BACKENDS)
def test_upgrade_numbers_the_devices_already_enrolled(backend, tmp_path):
    """0003 numbers each facility's enrolled devices in enrolment order;
    a device still waiting for its code gets its number when it enrols."""
    import sqlalchemy as sa
    from alembic import command

    from provincial_server import admin, migrate
    from provincial_server.db import make_engine, write_conn
    engine = make_engine(fresh_database(backend, tmp_path, "mig"))
    try:
        with engine.connect() as conn:
            command.upgrade(migrate.config(conn), "0002")
            conn.commit()
        rows = [("d-b2", "B", "2026-01-03"), ("d-a2", "A", "2026-01-02"), ("d-a1", "A", "2026-01-01"),
                ("d-a3", "A", None), ("d-b1", "B", "2026-01-02")]
        with engine.begin() as conn:
            for code in ("A", "B"):
                conn.execute(sa.text("INSERT INTO facilities(code, name, last_seq, created_at) "
                                     "VALUES (:c, 'x', 0, '2026')"), {"c": code})
            for device_id, code, enrolled in rows:
                conn.execute(sa.text("INSERT INTO devices(id, facility_code, name, created_at, enrolled_at, highest_seq) "
                                     "VALUES (:i, :c, '', '2026', :e, 0)"), {"i": device_id, "c": code, "e": enrolled})
        migrate.upgrade(engine)
        with engine.connect() as conn:
            numbers = dict(conn.execute(sa.text("SELECT id, number FROM devices")).all())
        assert numbers == {"d-a1": 1, "d-a2": 2, "d-a3": None, "d-b1": 1, "d-b2": 2}
        with write_conn(engine) as conn, conn.begin():
            _, code, _ = admin.enrol_device(conn, "A")
            assert admin.exchange_code(conn, code).device_number == 3
    finally:
        engine.dispose()


def test_serve_refuses_a_malformed_request_budget(db):
    r = run(db, "serve", "--request-budget", "lots")
    assert r.returncode == 1
    assert r.stderr.strip() == "error: --request-budget must be BURST,PER_SECOND (e.g. 300,5) or off, not 'lots'"


def test_device_trust_for_accounts_is_given_by_name_listed_and_withdrawn(db):
    assert run(db, "migrate").returncode == 0
    run(db, "facility", "add", "--code", "TTBTXH-TR", "--name", "Trung tâm BTXH (tin cậy)")
    r = run(db, "device", "enrol", "--facility", "TTBTXH-TR", "--name", "PC-QT", "--accounts", "--by", "Trần Văn Sở")
    assert r.returncode == 0, r.stderr
    r = run(db, "device", "enrol", "--facility", "TTBTXH-TR", "--name", "PC-KHOA")
    assert r.returncode == 0, r.stderr
    listed = {line.split("\t")[2]: line for line in run(db, "device", "list", "--facility", "TTBTXH-TR").stdout.splitlines()}
    assert "accounts=Trần Văn Sở" in listed["PC-QT"] and "accounts=-" in listed["PC-KHOA"]
    ward = listed["PC-KHOA"].split("\t")[0]
    r = run(db, "device", "trust", ward, "--by", "Lê Thị Cán Bộ")
    assert r.returncode == 0 and "accepted" in r.stdout
    assert "accounts=Lê Thị Cán Bộ" in run(db, "device", "list", "--facility", "TTBTXH-TR").stdout
    r = run(db, "device", "trust", ward, "--withdraw")
    assert r.returncode == 0 and "refused" in r.stdout
    assert sum("accounts=-" in line for line in run(db, "device", "list", "--facility", "TTBTXH-TR").stdout.splitlines()) == 1
    missing = run(db, "device", "trust", "no-such-device", "--by", "X")
    assert missing.returncode == 1 and missing.stderr.strip() == "error: No device no-such-device."
    blank = run(db, "device", "trust", ward, "--by", "  ")
    assert blank.returncode == 1 and "who vouches" in blank.stderr


@pytest.mark.parametrize("backend", BACKENDS)
def test_upgrade_trusts_only_each_facilitys_first_device_for_accounts(backend, tmp_path):
    """0005: a facility's device number 1 (the PC that made the facility and
    its first admin) keeps making accounts; every other device needs the
    province's word (``device trust``)."""
    import sqlalchemy as sa
    from alembic import command

    from provincial_server import migrate
    from provincial_server.db import make_engine
    engine = make_engine(fresh_database(backend, tmp_path, "trust"))
    try:
        with engine.connect() as conn:
            command.upgrade(migrate.config(conn), "0003")
            conn.commit()
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO facilities(code, name, last_seq, created_at) VALUES ('A', 'x', 0, '2026')"))
            for device_id, number, revoked in (("d1", 1, None), ("d2", 2, None), ("d3", None, None), ("d0", 1, "x")):
                facility = "A"
                if device_id == "d0":  # number 1 of another facility, revoked
                    conn.execute(sa.text("INSERT INTO facilities(code, name, last_seq, created_at) "
                                         "VALUES ('B', 'y', 0, '2026')"))
                    facility = "B"
                conn.execute(sa.text("INSERT INTO devices(id, facility_code, name, created_at, enrolled_at, "
                                     "highest_seq, number, revoked_at) VALUES (:i, :f, '', '2026', '2026', 0, :n, :r)"),
                             {"i": device_id, "f": facility, "n": number, "r": revoked})
        migrate.upgrade(engine)
        with engine.connect() as conn:
            trusted = {i for i, by in conn.execute(sa.text("SELECT id, accounts_by FROM devices")).all() if by}
        assert trusted == {"d1"}
    finally:
        engine.dispose()
