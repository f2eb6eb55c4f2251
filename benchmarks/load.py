"""Load benchmark: 900 PCs of 300 facilities sync a day's changes in one minute.

The province's morning: every facility's PCs sync at about the same time.
The server runs as it is deployed (``provincial-server serve --workers N``,
N = the machine's cores unless ``--workers``, PostgreSQL), on loopback.
Before the clock starts: 300 facilities, 3 PCs each enrolled through
``/v1/enrol``, each facility's residents (80) pushed by its first PC and
every PC's pull cursor at the end of them (they all synced yesterday), and
each PC's day of changes built and encoded (30: checkups, rehab sessions and
edits of residents, some of one resident on two PCs).

Then each PC starts at a random moment of the minute (seeded) and syncs as
the client does: one push (msgpack + zstd, compact answer), pull pages until
``has_more`` is false, and the conflict inbox when it pulled something - one
``requests`` session per PC, a thread each (a pool of ``--threads``), so a
server that falls behind shows as growing latencies, not as a slower client.
Figures: p50 / p95 / max seconds of the push requests and of the pull
requests, errors (any answer but 200, a refused change, a time-out), the
time from the first start to the last PC done, and a check that the server
holds exactly the changes sent (nothing lost, nothing doubled).

``first_pull_s``: a facility of ``--first-pull-records`` (100,000) records -
a first PC's real store (facility, accounts) synced with the real client,
the rest residents and their checkups pushed at the protocol level - is
joined by a new PC through the real client's ``setup.join`` (a new SQLCipher
store, enrolment, the full pull, each page applied in its transaction).

Bounded in time: a watchdog ends the run (server and PostgreSQL stopped,
temp folders removed, exit status 2) after ``--timeout`` seconds. Loopback
only: the server listens on 127.0.0.1.

    .venv/bin/python -m benchmarks.load [--facilities 300] [--pcs-per-facility 3] [--window 60]
                                        [--changes-per-pc 30] [--residents 80] [--workers N] [--threads 300]
                                        [--first-pull-records 100000] [--timeout 900] [--seed 1] [--json] [--keep]
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import requests
import sqlalchemy as sa

from care_core import protocol as p
from care_core.domain.hlc import Clock
from provincial_server import admin, migrate
from provincial_server.db import make_engine, write_conn

from benchmarks.machine import describe, machine
from benchmarks.sync import PASSPHRASE, Postgres, _free_port, pc_store

ROOT = Path(__file__).resolve().parent.parent
GOALS = {"load_push_p95_s": 2.0, "load_pull_p95_s": 2.0, "first_pull_s": 60.0}
_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
_GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Lan", "Mai", "Nam", "Tâm", "Thảo", "Yến"]
_FINDINGS = ["Tỉnh táo, ăn ngủ được", "Huyết áp ổn định", "Ho nhẹ, phổi không ran", "Đau khớp gối",
             "Ngủ kém, hay quên"]
_REHAB = ["physiotherapy", "occupational", "speech", "psychological"]


# --- the server --------------------------------------------------------------------------

class Server:
    """``provincial-server serve --workers N`` in its own process group."""

    def __init__(self, url: str, workers: int, log: Path):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(log, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "provincial_server.cli", "--db", url, "serve", "--host", "127.0.0.1",
             "--port", str(self.port), "--workers", str(workers)],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{self.base}/health", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start (log: {log})")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self.log.close()


# --- the PCs -------------------------------------------------------------------------------

@dataclass
class PC:
    facility: str
    device_id: str
    token: str
    seq: int = 0
    cursor: int = 0
    clock: Clock | None = None
    day: tuple | None = None  # (body, headers, change ids) of the day's push

    def __post_init__(self):
        self.clock = Clock(self.device_id)

    def change(self, table: str, row_id: str, op: str, fields: dict, base_version: int = 0) -> p.Change:
        self.seq += 1
        return p.Change(str(uuid.uuid4()), self.seq, table, row_id, op, fields, base_version,
                        self.clock.tick().encode())

    def encode(self, changes: list[p.Change]) -> tuple:
        batch = p.PushBatch(str(uuid.uuid4()), self.device_id, changes[0].device_seq, changes[-1].device_seq,
                            changes, compact_answer=True)
        body, headers = p.encode_push(batch, p.MSGPACK)
        return body, {**headers, "Accept": p.MSGPACK, "Authorization": f"Bearer {self.token}"}, \
            [c.change_id for c in changes]


def enrol_all(engine: sa.Engine, base: str, facilities: list[str], per_facility: int) -> dict[str, list[PC]]:
    with write_conn(engine) as conn, conn.begin():
        for code in facilities:
            admin.add_facility(conn, code, f"Trung tâm thử {code}", 20)
        codes = [(f, admin.enrol_device(conn, f, f"PC-{i}")[1]) for f in facilities for i in range(per_facility)]

    def one(item) -> PC:
        r = requests.post(f"{base}/v1/enrol", json={"code": item[1], "device_name": "PC"}, timeout=60)
        r.raise_for_status()
        a = p.enrol_answer_from_dict(r.json())
        return PC(a.facility_code, a.device_id, a.token)
    with ThreadPoolExecutor(8) as pool:
        pcs = list(pool.map(one, codes))
    by_facility: dict[str, list[PC]] = {}
    for pc in pcs:
        by_facility.setdefault(pc.facility, []).append(pc)
    return by_facility


def resident(rng: random.Random) -> dict:
    name = f"{rng.choice(_FAMILY)} Văn {rng.choice(_GIVEN)}"
    return {"code": "", "full_name": name, "name_folded": name.lower(), "sex": "M",
            "birth_date": f"19{40 + rng.randrange(40)}-0{1 + rng.randrange(9)}-1{rng.randrange(10)}",
            "groups": "NCT", "admission_date": "2024-01-10", "room": f"P{rng.randrange(1, 40)}", "notes": ""}


def checkup(rng: random.Random, resident_id: str, day: str) -> dict:
    return {"resident_id": resident_id, "checkup_date": day, "kind": "periodic",
            "systolic": 100 + rng.randrange(60), "diastolic": 60 + rng.randrange(30),
            "pulse": 55 + rng.randrange(45),
            "temperature": round(36 + rng.random() * 1.5, 1), "findings": rng.choice(_FINDINGS),
            "classification": 1 + rng.randrange(4), "examiner": "BS. Nguyễn Thị Lan", "isolation": False,
            "voided": False}


def rehab(rng: random.Random, resident_id: str, day: str) -> dict:
    return {"resident_id": resident_id, "session_date": day, "rehab_type": rng.choice(_REHAB),
            "minutes": 30 + rng.randrange(40), "therapist": "KTV Trần Văn Nam", "barthel": rng.randrange(20, 100),
            "voided": False}


def push(session: requests.Session, base: str, encoded: tuple) -> tuple[int, p.PushAnswer | None]:
    body, headers, ids = encoded
    r = session.post(f"{base}/v1/push", data=body, headers=headers, timeout=(10, 40))
    if r.status_code != 200:
        return r.status_code, None
    return 200, p.decode_answer(r.content, r.headers.get("content-type"), r.headers.get("content-encoding"), ids)


def seed(base: str, by_facility: dict[str, list[PC]], residents: int, rng: random.Random) -> dict[str, list[str]]:
    """Each facility's residents, pushed by its first PC; every PC's cursor
    then at the facility's end (as after yesterday's sync)."""
    plan = {}
    for code, pcs in by_facility.items():
        ids = [str(uuid.uuid4()) for _ in range(residents)]
        plan[code] = (ids, pcs[0].encode([pcs[0].change("residents", i, "insert", resident(rng)) for i in ids]))

    def one(code: str) -> int:
        with requests.Session() as s:
            status, answer = push(s, base, plan[code][1])
        if status != 200 or any(r.status != "applied" for r in answer.results):
            raise SystemExit(f"seeding {code} failed: {status} {answer}")
        return max(r.server_seq for r in answer.results)
    with ThreadPoolExecutor(4) as pool:
        last = dict(zip(plan, pool.map(one, plan)))
    for code, pcs in by_facility.items():
        for pc in pcs:
            pc.cursor = last[code]
    return {code: ids for code, (ids, _) in plan.items()}


def plan_day(by_facility: dict[str, list[PC]], residents: dict[str, list[str]], per_pc: int,
             rng: random.Random) -> int:
    day = (date.today() - timedelta(days=1)).isoformat()
    total = 0
    for code, pcs in by_facility.items():
        ids = residents[code]
        shared = rng.choice(ids)  # a resident two PCs edit the same day
        for pc in pcs:
            changes = []
            for k in range(per_pc):
                roll = rng.random()
                if k < 2:
                    changes.append(pc.change("residents", shared if k == 0 else rng.choice(ids), "update",
                                             {"room": f"P{rng.randrange(1, 40)}"}, base_version=1))
                elif roll < 0.8:
                    changes.append(pc.change("checkups", str(uuid.uuid4()), "insert",
                                             checkup(rng, rng.choice(ids), day)))
                else:
                    changes.append(pc.change("rehab_sessions", str(uuid.uuid4()), "insert",
                                             rehab(rng, rng.choice(ids), day)))
            pc.day = pc.encode(changes)
            total += len(changes)
    return total


@dataclass
class Tally:
    push: list[float] = field(default_factory=list)
    pull: list[float] = field(default_factory=list)
    inbox: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    pulled: int = 0
    accepted: int = 0
    conflicts: int = 0
    done_at: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float) -> None:
        with self.lock:
            getattr(self, kind).append(seconds)

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


def sync_pc(pc: PC, base: str, tally: Tally, t0: float) -> None:
    """One PC's sync, as the client makes it: push, pull pages, inbox."""
    try:
        with requests.Session() as s:
            started = time.perf_counter()
            status, answer = push(s, base, pc.day)
            tally.add("push", time.perf_counter() - started)
            if answer is None:
                tally.error(f"push {status}")
                return
            bad = [r for r in answer.results if r.status not in ("applied", "merged", "conflict")]
            if bad:
                tally.error(f"push: {len(bad)} changes {bad[0].status}: {bad[0].reason_en}")
            with tally.lock:
                tally.accepted += len(answer.results) - len(bad)
                tally.conflicts += sum(r.status == "conflict" for r in answer.results)
            pulled = 0
            while True:
                started = time.perf_counter()
                r = s.get(f"{base}/v1/pull", params={"after": pc.cursor, "limit": p.DEFAULT_PULL_LIMIT},
                          headers={"Accept": p.MSGPACK, "Authorization": f"Bearer {pc.token}"}, timeout=(10, 40))
                page = p.decode_page(r.content, r.headers.get("content-type"),
                                     r.headers.get("content-encoding")) if r.status_code == 200 else None
                tally.add("pull", time.perf_counter() - started)
                if page is None:
                    tally.error(f"pull {r.status_code}")
                    return
                pulled += len(page.changes)
                pc.cursor = page.cursor
                if not page.has_more:
                    break
            if pulled:
                started = time.perf_counter()
                r = s.get(f"{base}/v1/conflicts", params={"resolved": "false"},
                          headers={"Authorization": f"Bearer {pc.token}"}, timeout=(10, 40))
                tally.add("inbox", time.perf_counter() - started)
                if r.status_code != 200:
                    tally.error(f"conflicts {r.status_code}")
            with tally.lock:
                tally.pulled += pulled
                tally.done_at.append(time.perf_counter() - t0)
    except requests.RequestException as exc:
        tally.error(f"{type(exc).__name__}: {exc}")


def the_minute(base: str, pcs: list[PC], window: float, threads: int, rng: random.Random) -> tuple[Tally, float]:
    starts = sorted(rng.random() * window for _ in pcs)
    order = list(pcs)
    rng.shuffle(order)
    tally = Tally()
    t0 = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        for at, pc in zip(starts, order):
            wait = t0 + at - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            pool.submit(sync_pc, pc, base, tally, t0)
    return tally, time.perf_counter() - t0


def quantiles(values: list[float]) -> dict:
    if not values:
        return {"p50": None, "p95": None, "max": None, "n": 0}
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"p50": round(statistics.median(ordered), 3), "p95": round(pick(0.95), 3),
            "max": round(ordered[-1], 3), "n": len(ordered)}


# --- a new PC's first pull -------------------------------------------------------------------------

def first_pull(engine: sa.Engine, base: str, tmp: Path, records: int, rng: random.Random,
               profile: Path | None = None) -> dict:
    from facility_app.sync import setup
    from facility_app.sync.engine import sync_once

    with write_conn(engine) as conn, conn.begin():
        admin.add_facility(conn, "BIG", "Trung tâm lớn", 20)
        first_code = admin.enrol_device(conn, "BIG", "PC-1")[1]
        feeder_code = admin.enrol_device(conn, "BIG", "PC-2")[1]
        new_code = admin.enrol_device(conn, "BIG", "PC-new")[1]
        probe_code = admin.enrol_device(conn, "BIG", "PC-probe")[1]
    first = pc_store(tmp / "big-first", "BIG", 40, seed=3)  # the facility, its admin, a few residents
    setup.enrol(first.store, base, first_code)
    report = sync_once(first.store)
    assert report.complete, report.error
    first.close()
    r = requests.post(f"{base}/v1/enrol", json={"code": feeder_code, "device_name": "PC-2"}, timeout=60)
    r.raise_for_status()
    a = p.enrol_answer_from_dict(r.json())
    feeder = PC("BIG", a.device_id, a.token)
    day = (date.today() - timedelta(days=1)).isoformat()
    with engine.connect() as conn:
        todo = records - conn.execute(sa.text("SELECT count(*) FROM records WHERE facility_code = 'BIG'")).scalar()
    started = time.perf_counter()
    made, ids = 0, []
    with requests.Session() as s:
        while made < todo:
            changes = []
            while len(changes) < p.MAX_BATCH_CHANGES and made < todo:
                if not ids or rng.random() < 0.08:
                    ids.append(str(uuid.uuid4()))
                    changes.append(feeder.change("residents", ids[-1], "insert", resident(rng)))
                elif rng.random() < 0.85:
                    changes.append(feeder.change("checkups", str(uuid.uuid4()), "insert",
                                                 checkup(rng, rng.choice(ids[-200:]), day)))
                else:
                    changes.append(feeder.change("rehab_sessions", str(uuid.uuid4()), "insert",
                                                 rehab(rng, rng.choice(ids[-200:]), day)))
                made += 1
            status, answer = push(s, base, feeder.encode(changes))
            if status != 200 or any(r.status != "applied" for r in answer.results):
                raise SystemExit(f"filling BIG failed: {status}")
    fill_s = time.perf_counter() - started
    with engine.connect() as conn:
        held = conn.execute(sa.text("SELECT count(*) FROM records WHERE facility_code = 'BIG'")).scalar()
    profiler = cProfile.Profile() if profile else None
    started, cpu = time.perf_counter(), time.process_time()
    if profiler:
        profiler.enable()
    store, _, report = setup.join(tmp / "big-new", PASSPHRASE, base, new_code)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    join_s, join_cpu_s = time.perf_counter() - started, time.process_time() - cpu
    try:
        assert report.error is None, report.error
        with store.read() as conn:
            local = sum(conn.execute(sa.text(f'SELECT count(*) FROM "{t}"')).scalar()
                        for t in ("residents", "checkups", "rehab_sessions", "conditions", "users", "facility"))
    finally:
        store.close()
    server_s, server_pages = server_pull(base, probe_code)
    return {"first_pull_server_s": round(server_s, 1), "first_pull_server_pages": server_pages,
            "first_pull_records": held, "first_pull_s": round(join_s, 1), "first_pull_cpu_s": round(join_cpu_s, 1),
            "first_pull_sync_s": round(report.seconds, 1), "first_pull_pulled": report.pulled,
            "first_pull_pages": report.pull_rounds, "first_pull_local_rows": local,
            "first_pull_fill_s": round(fill_s, 1), "first_pull_fill_per_s": round(made / fill_s, 1)}


def server_pull(base: str, code: str, limit: int = p.MAX_PULL_LIMIT) -> tuple[float, int]:
    """The same stream pulled by one more PC at the protocol level, page
    after page, nothing applied: what the server and the wire take alone
    (decoding included), the floor under a first pull."""
    r = requests.post(f"{base}/v1/enrol", json={"code": code, "device_name": "PC-probe"}, timeout=60)
    r.raise_for_status()
    token = p.enrol_answer_from_dict(r.json()).token
    headers = {"Accept": p.MSGPACK, "Authorization": f"Bearer {token}"}
    cursor, pages, started = 0, 0, time.perf_counter()
    with requests.Session() as s:
        while True:
            r = s.get(f"{base}/v1/pull", params={"after": cursor, "limit": limit}, headers=headers, timeout=120)
            r.raise_for_status()
            page = p.decode_page(r.content, r.headers.get("Content-Type"), r.headers.get("Content-Encoding"))
            pages += 1
            cursor = page.cursor
            if not page.has_more:
                return time.perf_counter() - started, pages


# --- the run -------------------------------------------------------------------------------------

def watchdog(seconds: float, cleanup) -> None:
    def fire():
        print(f"timeout: the run passed {seconds:.0f} s and was stopped", file=sys.stderr, flush=True)
        try:
            cleanup()
        finally:
            os._exit(2)
    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facilities", type=int, default=300)
    ap.add_argument("--pcs-per-facility", type=int, default=3)
    ap.add_argument("--residents", type=int, default=80, help="residents of each facility, synced before the day")
    ap.add_argument("--changes-per-pc", type=int, default=30, help="a PC's day of changes")
    ap.add_argument("--window", type=float, default=60.0, help="seconds over which the PCs start")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="server processes (default: cores)")
    ap.add_argument("--threads", type=int, default=300, help="PCs syncing at the same moment, at most")
    ap.add_argument("--first-pull-records", type=int, default=100_000, help="0 to skip")
    ap.add_argument("--timeout", type=float, default=900.0, help="hard limit of the whole run, seconds")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--profile", type=Path, help="write a cProfile of the new PC's join (the client) to this file")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="bench-load."))
    pg = Postgres()
    server: Server | None = None

    def cleanup():
        if server is not None:
            server.stop()
        pg.close()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    watchdog(args.timeout, cleanup)
    figures: dict = {"facilities": args.facilities, "pcs": args.facilities * args.pcs_per_facility,
                     "changes_per_pc": args.changes_per_pc, "window_s": args.window, "workers": args.workers}
    try:
        url = pg.new_database()
        engine = make_engine(url)
        migrate.upgrade(engine)
        server = Server(url, args.workers, tmp / "server.log")
        t = time.perf_counter()
        codes = [f"F{i:03d}" for i in range(args.facilities)]
        by_facility = enrol_all(engine, server.base, codes, args.pcs_per_facility)
        residents = seed(server.base, by_facility, args.residents, rng)
        day_changes = plan_day(by_facility, residents, args.changes_per_pc, rng)
        with engine.connect() as conn:
            before = conn.execute(sa.text("SELECT count(*) FROM changes")).scalar()
        pcs = [pc for pcs in by_facility.values() for pc in pcs]
        print(f"set up {len(pcs)} PCs of {len(by_facility)} facilities, {before:,} changes seeded, "
              f"in {time.perf_counter() - t:.1f} s; {server.base}, {args.workers} workers")
        print(describe())
        load_before = machine()
        tally, elapsed = the_minute(server.base, pcs, args.window, args.threads, rng)
        with engine.connect() as conn:
            after = conn.execute(sa.text("SELECT count(*) FROM changes")).scalar()
            distinct = conn.execute(sa.text("SELECT count(DISTINCT change_id) FROM changes")).scalar()
        push_q, pull_q, inbox_q = quantiles(tally.push), quantiles(tally.pull), quantiles(tally.inbox)
        # every PC pulls what the others of its facility pushed before its pull: at most 2 x 30 each
        figures.update(
            load_push_p50_s=push_q["p50"], load_push_p95_s=push_q["p95"], load_push_max_s=push_q["max"],
            load_pull_p50_s=pull_q["p50"], load_pull_p95_s=pull_q["p95"], load_pull_max_s=pull_q["max"],
            load_inbox_p95_s=inbox_q["p95"], load_requests=push_q["n"] + pull_q["n"] + inbox_q["n"],
            load_errors=len(tally.errors), load_error_kinds=sorted(set(tally.errors))[:5],
            load_synced_pcs=len(tally.done_at), load_last_done_s=round(max(tally.done_at, default=0.0), 1),
            load_elapsed_s=round(elapsed, 1), load_changes=day_changes, load_accepted=tally.accepted,
            load_conflicts=tally.conflicts, load_pulled=tally.pulled,
            load_stored_changes=after - before, load_doubled=after - distinct,
            load_changes_per_s=round(day_changes / max(tally.done_at, default=1.0), 1),
            machine_before=load_before)
        print(f"push  p50 {push_q['p50']} s, p95 {push_q['p95']} s, max {push_q['max']} s ({push_q['n']} requests)")
        print(f"pull  p50 {pull_q['p50']} s, p95 {pull_q['p95']} s, max {pull_q['max']} s ({pull_q['n']} requests)")
        print(f"inbox p50 {inbox_q['p50']} s, p95 {inbox_q['p95']} s ({inbox_q['n']} requests)")
        print(f"{len(tally.done_at)} of {len(pcs)} PCs synced, the last {figures['load_last_done_s']} s after the "
              f"first started; {day_changes:,} changes sent, {tally.accepted:,} accepted, {after - before:,} stored "
              f"({after - distinct} doubled), {tally.conflicts} conflicts, {tally.pulled:,} pulled; "
              f"errors {len(tally.errors)} {figures['load_error_kinds']}")
        print(describe())
        if args.first_pull_records:
            figures.update(first_pull(engine, server.base, tmp, args.first_pull_records, rng, args.profile))
            print(f"first pull: {figures['first_pull_records']:,} records on the server (filled at "
                  f"{figures['first_pull_fill_per_s']:,} changes/s), a new PC joined in {figures['first_pull_s']} s "
                  f"(sync {figures['first_pull_sync_s']} s, {figures['first_pull_pulled']:,} changes in "
                  f"{figures['first_pull_pages']} pages, {figures['first_pull_local_rows']:,} rows in its store)")
        engine.dispose()
    finally:
        cleanup()
    figures["machine"] = machine()
    print(describe())
    ok = True
    for name, goal in GOALS.items():
        value = figures.get(name)
        if value is None:
            continue
        met = value <= goal
        ok &= met
        print(f"{name} = {value} (goal <= {goal}) {'OK' if met else 'MISSED'}")
    lost = figures["load_stored_changes"] != figures["load_accepted"] or figures["load_doubled"]
    print(f"load_errors = {figures['load_errors']} (goal 0); stored {figures['load_stored_changes']} of "
          f"{figures['load_accepted']} accepted, doubled {figures['load_doubled']}")
    if args.json:
        print(json.dumps(figures))
    return 0 if ok and not lost and not figures["load_errors"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
