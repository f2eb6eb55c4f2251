"""Sync benchmark: 10,000 changes from one facility PC to the provincial server.

A real encrypted facility store is filled through the services (admissions,
each followed by its checkups, rehab sessions, a condition and a profile
edit: the order a backlog of paper records is typed in), enrolled with a
real server (uvicorn on 127.0.0.1, PostgreSQL), and pushed with the real
sync client (``sync_once``). Figures:

- ``bytes_vs_gzip``: every byte that crossed the link during that sync
  (both directions, HTTP heads included, counted by a TCP proxy) over the
  gzip (level 9) of the changes' canonical JSON
  (``protocol.changes_canonical_json``). Goal <= 1.2.
- ``round_trips_over_min``: HTTP requests of the sync (push, pull and
  anything else) minus ceil(changes / 500). Goal <= 2.
- ``slow_link_utilisation``: a second facility's PC pushes the same kind of
  data through a proxy that models a 256 kbit/s link (each direction) with a
  600 ms round trip; the share of the upstream capacity used while pushing
  (bytes sent up / (capacity x push time)). Goal >= 0.7.
- ``ingest_vs_copy``: the server's ingest rate (changes per second of the
  push over the fast loopback link, end to end: client, HTTP, merge,
  validation, commit) over the rate of PostgreSQL's own fastest way in:
  ``COPY ... FROM STDIN`` (psycopg 3's ``cursor.copy``) of the same rows (one
  ``records`` row per distinct record and one ``changes`` row per change, in
  one transaction) into ``LIKE ... INCLUDING ALL`` copies of the server's
  tables (same columns, keys and indexes) in the same database, right after
  the push. Goal >= 0.5. This shared 2-core machine swings the times by a
  third from one run to the next, so the push runs ``--runs`` times
  (default 3), each from a copy of the same filled PC into a fresh
  database; the figure is median COPY time over median push time, and the
  per-run ratios are printed too.
  Printed beside it, for comparison only: ``ingest_vs_executemany``, the
  same rows through SQLAlchemy's ``executemany`` (a slower baseline, which
  flatters the ingest), and ``server_ingest_vs_copy``, with the server's own
  time instead of the client's (the union of the intervals in which the
  server was handling a push request, from its first byte to its answer:
  what the server spends, without the PC's outbox reading and bookkeeping
  around it).
- the machine's load (``os.getloadavg()``, CPU count) is printed beside the
  figures and is the ``machine`` object of the JSON.

The server runs in a process of its own, started as ``provincial-server
serve`` starts it (``runtime.tune_for_serving``), because that is how it is
deployed: the province's machine is not the facility's PC. On this shared
2-core machine the two still compete for cores with PostgreSQL and whatever
else runs. ``--server-thread`` runs it in a thread of this process instead,
where the PC's Python and the server's share one interpreter lock (every
CPU second the client spends is one the server cannot); ``--untuned`` leaves
the server's collector at CPython's defaults; ``--workers N`` runs it as
``provincial-server serve --workers N`` does (N processes on one socket).

    .venv/bin/python -m benchmarks.sync [--changes 10000] [--slow-changes 10000] [--runs 3] [--json]
                                        [--keep] [--server-thread] [--untuned] [--workers N]

PostgreSQL: ``FACILITY_TEST_PG_URL`` (fresh databases are made on it), else
a throw-away cluster is started in a temp folder (as the ``postgres`` user
when run as root) and stopped at the end. ``--sqlite`` uses the server's
SQLite backend instead. The data is synthetic; temp folders are deleted
unless ``--keep``. With ``--json`` the last line is one JSON object.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa
import uvicorn

from care_core.domain.entities import (
    Actor, Checkup, Condition, Facility, RehabSession, Resident, VitalSigns,
)
from care_core.domain.enums import (
    BeneficiaryGroup, CheckupKind, ConditionStatus, FacilityType, HealthClass, RehabType, Role, Sex,
)
from facility_app.services.container import Services
from facility_app.storage.store import Store
from facility_app.storage.tables import change_log
from facility_app.sync import setup
from facility_app.sync.engine import sync_once
from facility_app.sync.outbox import OutRow
from care_core.protocol import MAX_BATCH_CHANGES, changes_canonical_json
from provincial_server import admin, migrate
from provincial_server.api import create_app
from provincial_server.db import make_engine, write_conn
from provincial_server.runtime import tune_for_serving

from benchmarks.machine import describe, machine

SYSTEM = Actor("facility-admin", Role.SYSTEM)
NURSE = Actor("bench", Role.NURSE)
PASSPHRASE = "benchmark passphrase 2026"

_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
_MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang"]
_GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Linh", "Mai",
          "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Yến"]
_FINDINGS = ["Tỉnh táo, tiếp xúc tốt, ăn ngủ được", "Huyết áp ổn định, tiếp tục theo dõi",
             "Ho nhẹ, phổi không ran", "Đau khớp gối hai bên, đi lại khó khăn",
             "Da niêm hồng, không phù", "Đường huyết cao, nhắc chế độ ăn", "Ngủ kém, hay quên"]
_ICD = ["I10", "E11", "M17", "J44", "F03", "G20", "I63", "M81"]


# --- PostgreSQL ---------------------------------------------------------------------

class Postgres:
    """Databases for the run: on FACILITY_TEST_PG_URL, or a throw-away cluster."""

    def __init__(self):
        self.dir = None
        base = os.environ.get("FACILITY_TEST_PG_URL")
        if not base:
            base = self._start_cluster()
        self.admin_url = base
        self.names: list[str] = []

    def new_database(self) -> str:
        name = "bench_sync_" + uuid.uuid4().hex[:8]
        engine = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        self.names.append(name)
        return sa.engine.make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    @staticmethod
    def _bindir() -> Path:
        try:
            return Path(subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True,
                                       check=True).stdout.strip())
        except (OSError, subprocess.CalledProcessError):
            found = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
            if not found:
                raise SystemExit("PostgreSQL not found: set FACILITY_TEST_PG_URL or use --sqlite") from None
            return found[-1]

    def _start_cluster(self) -> str:
        bindir = self._bindir()
        self.dir = Path(tempfile.mkdtemp(prefix="bench-pg."))
        as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        port = random.randrange(20000, 40000)
        subprocess.run([*as_pg, str(bindir / "initdb"), "-D", str(self.dir / "data"), "-A", "trust", "-U",
                        "postgres", "-E", "UTF8"], check=True, capture_output=True)
        subprocess.run([*as_pg, str(bindir / "pg_ctl"), "-D", str(self.dir / "data"), "-l",
                        str(self.dir / "server.log"), "-w", "-o",
                        f"-c listen_addresses=127.0.0.1 -p {port} -k {self.dir} -c fsync=off", "start"],
                       check=True, capture_output=True)
        self._pg_ctl = [*as_pg, str(bindir / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop"]
        return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"

    def close(self) -> None:
        engine = sa.create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            for name in self.names:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
        if self.dir is not None:
            subprocess.run(self._pg_ctl, capture_output=True)
            shutil.rmtree(self.dir, ignore_errors=True)


# --- the server and the links ----------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PushTimes:
    """ASGI wrapper: the (start, end) of every /v1/push request the server
    handles, appended to ``intervals`` (and to a file, for a server process)."""

    def __init__(self, app, path: str | None = None):
        self.app, self.path = app, path
        self.intervals: list[tuple[float, float]] = []

    async def __call__(self, scope, receive, send):
        if scope.get("type") != "http" or scope.get("path") != "/v1/push":
            return await self.app(scope, receive, send)
        started = time.time()
        try:
            return await self.app(scope, receive, send)
        finally:
            self.intervals.append((started, time.time()))
            if self.path:
                with open(self.path, "a") as f:
                    f.write(f"{started} {time.time()}\n")


def busy_seconds(intervals: list[tuple[float, float]]) -> float:
    """The length of the union of the intervals."""
    total, end = 0.0, float("-inf")
    for a, b in sorted(intervals):
        if a > end:
            total += b - a
            end = b
        elif b > end:
            total += b - end
            end = b
    return total


class ServerThread:
    """uvicorn in a thread; ``ingest_seconds`` sums the time the server spent
    inside its push transaction (merge, validation, writes, commit), and
    ``busy_seconds()`` is the time it was handling push requests at all."""

    def __init__(self, engine: sa.Engine):
        import provincial_server.api as server_api
        real_push = server_api.push
        self.ingest_seconds = 0.0

        def timed_push(*a, **kw):
            started = time.perf_counter()
            try:
                return real_push(*a, **kw)
            finally:
                self.ingest_seconds += time.perf_counter() - started
        server_api.push = timed_push
        self.port = _free_port()
        self.times = PushTimes(create_app(engine=engine))
        config = uvicorn.Config(self.times, host="127.0.0.1", port=self.port, log_level="error", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        while not self.server.started:
            time.sleep(0.02)

    def reset(self) -> None:
        self.ingest_seconds = 0.0
        self.times.intervals.clear()

    def busy_seconds(self) -> float:
        return busy_seconds(self.times.intervals)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


class ServerProcess:
    """The server in a process of its own (the default)."""

    def __init__(self, url: str, folder: Path, tuned: bool = True, workers: int = 1):
        self.port = _free_port()
        self.stats = folder / "push-times.txt"
        self.proc = subprocess.Popen([sys.executable, "-m", "benchmarks.sync", "--serve", url, str(self.port),
                                      str(self.stats), "--workers", str(workers), *([] if tuned else ["--untuned"])],
                                     cwd=Path(__file__).resolve().parent.parent)
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise SystemExit("the server process did not start")
                time.sleep(0.1)
        self.ingest_seconds = 0.0  # not measured inside another process

    def reset(self) -> None:
        self.stats.unlink(missing_ok=True)

    def busy_seconds(self) -> float:
        if not self.stats.exists():
            return 0.0
        return busy_seconds([tuple(map(float, line.split())) for line in self.stats.read_text().splitlines()])

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def serve(url: str, port: int, stats: str, tuned: bool, workers: int = 1) -> None:
    """The server process, set up as ``provincial-server serve --workers N``
    sets it up: with N > 1, uvicorn's supervisor and N worker processes on one
    socket, each building its app (``_worker_app``)."""
    if workers > 1:
        os.environ.update({_DB_ENV: url, _STATS_ENV: stats, _TUNED_ENV: "1" if tuned else ""})
        uvicorn.run(f"{__name__}:_worker_app", factory=True, workers=workers, host="127.0.0.1", port=port,
                    log_level="error", lifespan="off")
        return
    engine = make_engine(url)
    app = PushTimes(create_app(engine=engine), stats)
    if tuned:
        tune_for_serving()
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="error", lifespan="off")


_DB_ENV, _STATS_ENV, _TUNED_ENV = "BENCH_SYNC_DB", "BENCH_SYNC_STATS", "BENCH_SYNC_TUNED"


def _worker_app():
    """One worker process's app: the server's, timed like the single process."""
    app = PushTimes(create_app(engine=make_engine(os.environ[_DB_ENV])), os.environ[_STATS_ENV])
    if os.environ.get(_TUNED_ENV):
        tune_for_serving()
    return app


class _Direction:
    """One direction of a link: serialisation at ``rate`` bytes/s shared by
    every connection, then ``delay`` seconds of propagation."""

    def __init__(self, rate: float | None, delay: float):
        self.rate, self.delay = rate, delay
        self.free_at = 0.0
        self.bytes = 0
        self.lock = threading.Lock()

    def reserve(self, n: int) -> float:
        """When ``n`` bytes handed over now have left the sender."""
        with self.lock:
            self.bytes += n
            if self.rate is None:
                return time.monotonic()
            start = max(time.monotonic(), self.free_at)
            self.free_at = start + n / self.rate
            return self.free_at


class LinkProxy:
    """A TCP proxy that counts bytes and can model a slow link."""

    def __init__(self, upstream_port: int, rate_bytes: float | None = None, rtt: float = 0.0):
        self.upstream_port = upstream_port
        self.up = _Direction(rate_bytes, rtt / 2)
        self.down = _Direction(rate_bytes, rtt / 2)
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(32)
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.upstream_port))
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=self._pump, args=(client, server, self.up), daemon=True).start()
            threading.Thread(target=self._pump, args=(server, client, self.down), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket, link: _Direction) -> None:
        queue: list[tuple[float, bytes]] = []
        ready = threading.Condition()
        done = [False]

        def deliver():
            while True:
                with ready:
                    while not queue and not done[0]:
                        ready.wait()
                    if not queue:
                        break
                    due, data = queue.pop(0)
                wait = due - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                try:
                    dst.sendall(data)
                except OSError:
                    break
            try:
                dst.shutdown(socket.SHUT_WR)
            except OSError:
                pass

        threading.Thread(target=deliver, daemon=True).start()
        try:
            while True:
                data = src.recv(4096 if link.rate else 65536)
                if not data:
                    break
                sent_at = link.reserve(len(data))
                with ready:
                    queue.append((sent_at + link.delay, data))
                    ready.notify()
                pause = sent_at - time.monotonic()
                if pause > 0:  # the sender's socket buffer: it cannot get ahead of the link
                    time.sleep(pause)
        except OSError:
            pass
        with ready:
            done[0] = True
            ready.notify()

    def close(self) -> None:
        self.listener.close()


# --- the data ---------------------------------------------------------------------------

def fill(services: Services, changes: int, rng: random.Random) -> int:
    """Typed-in backlog: each admission followed by that resident's records."""
    today = date.today()
    made = 0
    with services.store.batch():
        while made < changes:
            sex = rng.choice([Sex.MALE, Sex.FEMALE])
            middle = "Thị" if sex == Sex.FEMALE else rng.choice(_MIDDLE)
            admitted = today - timedelta(days=200 + rng.randrange(1500))
            resident = services.residents.admit(NURSE, Resident(
                f"{rng.choice(_FAMILY)} {middle} {rng.choice(_GIVEN)}", sex,
                date(1935 + rng.randrange(45), 1 + rng.randrange(12), 1 + rng.randrange(28)), admitted,
                groups=[rng.choice([BeneficiaryGroup.ELDERLY, BeneficiaryGroup.DISABILITY, BeneficiaryGroup.MERIT])],
                room=f"Phòng {rng.randrange(1, 40)}", next_of_kin_name=f"{rng.choice(_FAMILY)} {rng.choice(_GIVEN)}",
                next_of_kin_relation=rng.choice(["Con", "Cháu", "Em"]),
                next_of_kin_phone=f"09{rng.randrange(10**8):08d}", province_code=20))
            made += 1
            for _ in range(min(rng.randrange(4, 8), changes - made)):
                day = admitted + timedelta(days=rng.randrange((today - admitted).days))
                services.clinical.record_checkup(NURSE, Checkup(
                    resident.id, day, CheckupKind.PERIODIC,
                    VitalSigns(systolic=100 + rng.randrange(70), diastolic=60 + rng.randrange(30),
                               pulse=55 + rng.randrange(50), temperature=round(36 + rng.random() * 1.8, 1),
                               weight_kg=round(40 + rng.random() * 35, 1)),
                    findings=rng.choice(_FINDINGS), classification=rng.choice(list(HealthClass)),
                    examiner="BS. Nguyễn Thị Lan"))
                made += 1
            if made < changes and rng.random() < 0.5:
                services.clinical.record_rehab(NURSE, RehabSession(
                    resident.id, admitted + timedelta(days=rng.randrange((today - admitted).days)),
                    rng.choice(list(RehabType)), 30 + rng.randrange(60), therapist="KTV Trần Văn Nam",
                    barthel=rng.randrange(20, 100)))
                made += 1
            if made < changes and rng.random() < 0.4:
                services.clinical.add_condition(NURSE, Condition(
                    resident.id, rng.choice(_ICD), admitted, ConditionStatus.ACTIVE, follow_up_days=30))
                made += 1
            if made < changes and rng.random() < 0.5:
                services.residents.update(NURSE, resident.id, {"room": f"Phòng {rng.randrange(1, 40)}B"},
                                          resident.version)  # always a new room: one change
                made += 1
    return made


def pc_store(folder: Path, code: str, changes: int, seed: int) -> Services:
    store = Store.create(folder, PASSPHRASE)
    services = Services(store)
    services.facility.initialise(SYSTEM, Facility(code, f"Trung tâm thử {code}", FacilityType.SOCIAL_ASSISTANCE,
                                                  province_code=20))
    services.users.add(SYSTEM, "admin", "Quản trị", Role.ADMIN, "admin password 1")
    fill(services, changes - 2, random.Random(seed))
    return services


def outbox_changes(store: Store) -> list:
    c = change_log.c
    with store.read() as conn:
        rows = conn.execute(sa.select(c.seq, c.change_id, c.table_name, c.row_id, c.op, c.fields, c.base_version, c.hlc)
                            .order_by(c.seq)).all()
    return [OutRow(*r).to_change() for r in rows]


def _bulk_rows(changes: list, facility_code: str) -> tuple[list[dict], list[dict]]:
    """The server's rows for the changes: one ``records`` row per distinct
    record (its fields merged), one ``changes`` row per change."""
    rows: dict[tuple[str, str], dict] = {}
    change_rows = []
    for i, ch in enumerate(changes, 1):
        key = (ch.table, ch.row_id)
        data = {**rows.get(key, {}).get("_data", {}), **ch.fields}
        rows[key] = {"_data": data, "version": rows.get(key, {}).get("version", 0) + 1}
        change_rows.append({"facility_code": facility_code, "server_seq": i, "change_id": ch.change_id,
                            "origin_device": "bench", "table_name": ch.table, "row_id": ch.row_id, "op": ch.op,
                            "fields": json.dumps(ch.fields, ensure_ascii=False), "hlc": ch.hlc, "version": 1,
                            "deleted": False, "status": "applied", "clock_suspect": False,
                            "received_at": "2026-01-01T00:00:00+00:00"})
    record_rows = [{"table_name": t, "row_id": r, "facility_code": facility_code,
                    "data": json.dumps(v["_data"], ensure_ascii=False),
                    "field_meta": json.dumps({k: [changes[0].hlc, "bench", 1] for k in v["_data"]}),
                    "version": v["version"], "deleted": False, "updated_seq": 1}
                   for (t, r), v in rows.items()]
    return record_rows, change_rows


def _scratch_tables(engine: sa.Engine, meta: sa.MetaData) -> dict[str, sa.Table]:
    """Empty copies of the server's ``records`` and ``changes``. On PostgreSQL
    ``LIKE ... INCLUDING ALL`` (the same columns, keys, defaults and indexes:
    storing a row in the server's schema means keeping its indexes); SQLite
    gets the columns and keys."""
    from provincial_server.tables import changes as changes_table, records
    scratch = {}
    for table in (records, changes_table):
        name = f"bench_bulk_{table.name}"
        if engine.dialect.name == "postgresql":
            with engine.begin() as conn:
                conn.execute(sa.text(f'DROP TABLE IF EXISTS "{name}"'))
                conn.execute(sa.text(f'CREATE TABLE "{name}" (LIKE "{table.name}" INCLUDING ALL)'))
            scratch[table.name] = sa.Table(name, meta, autoload_with=engine)
        else:
            scratch[table.name] = sa.Table(name, meta, *[c._copy() for c in table.columns])
            scratch[table.name].drop(engine, checkfirst=True)
            scratch[table.name].create(engine)
    return scratch


def _copy_rows(conn: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    """``COPY table (columns) FROM STDIN`` with psycopg 3, row by row (psycopg
    encodes each value for its column's type)."""
    columns = list(rows[0])
    cursor = conn.connection.driver_connection.cursor()
    names = ", ".join(f'"{c}"' for c in columns)
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


def bulk_seconds(engine: sa.Engine, changes: list, facility_code: str, copy_first: bool = True) -> dict[str, float]:
    """The same rows stored without the sync protocol, in one transaction
    each, into fresh scratch copies of the server's ``records`` and
    ``changes`` tables in the same database: ``copy`` (PostgreSQL's ``COPY``
    through psycopg 3, the fastest way rows get into PostgreSQL: the honest
    baseline) and ``executemany`` (SQLAlchemy's insert with a list of rows,
    printed beside it). Rows are built before the clock starts; which way
    goes first alternates from run to run (``copy_first``), so neither always
    finds the warmer database. SQLite has no COPY: there ``copy`` is None."""
    record_rows, change_rows = _bulk_rows(changes, facility_code)
    out: dict[str, float | None] = {"copy": None}
    ways = ["executemany"] + (["copy"] if engine.dialect.name == "postgresql" else [])
    if copy_first:
        ways.reverse()
    for way in ways:
        meta = sa.MetaData()
        scratch = _scratch_tables(engine, meta)
        started = time.perf_counter()
        with engine.begin() as conn:
            if way == "copy":
                _copy_rows(conn, scratch["records"], record_rows)
                _copy_rows(conn, scratch["changes"], change_rows)
            else:
                conn.execute(scratch["records"].insert(), record_rows)
                conn.execute(scratch["changes"].insert(), change_rows)
        out[way] = time.perf_counter() - started
        with engine.begin() as conn:  # the copy's rows really are there
            stored = conn.execute(sa.select(sa.func.count()).select_from(scratch["changes"])).scalar()
        if stored != len(change_rows):
            raise SystemExit(f"{way}: {stored} rows stored of {len(change_rows)}")
        meta.drop_all(engine)
    return out


# --- the run --------------------------------------------------------------------------

def enrol(engine: sa.Engine, store: Store, url: str, code: str) -> None:
    with write_conn(engine) as conn, conn.begin():
        if not conn.execute(sa.text("SELECT 1 FROM facilities WHERE code = :c"), {"c": code}).first():
            admin.add_facility(conn, code, f"Trung tâm thử {code}", 20)
        _, enrol_code, _ = admin.enrol_device(conn, code, "bench")
    setup.enrol(store, url, enrol_code)


class Backend:
    """A fresh server database and the server on it: every fast-link run
    starts from empty tables, as the first one does."""

    def __init__(self, args, pg: Postgres | None, tmp: Path, name: str):
        self.url = f"sqlite:///{tmp / (name + '.db')}" if pg is None else pg.new_database()
        self.engine = make_engine(self.url)
        migrate.upgrade(self.engine)
        if args.server_thread:
            self.server = ServerThread(self.engine)
        else:
            self.server = ServerProcess(self.url, tmp, tuned=not args.untuned, workers=args.workers)

    def close(self) -> None:
        self.server.stop()
        self.engine.dispose()


def fast_run(args, pg, tmp: Path, filled: Path, i: int) -> dict:
    """Push a copy of the filled PC (enrolled anew) to an empty server;
    then COPY and executemany of the same rows into the same database."""
    folder = tmp / f"pc-fast-{i}"
    shutil.copytree(filled, folder)
    backend = Backend(args, pg, tmp, f"fast-{i}")
    pc = Services(Store.open(folder, PASSPHRASE))
    try:
        fast = LinkProxy(backend.server.port)
        enrol(backend.engine, pc.store, fast.url, "BENCH-FAST")
        enrol_bytes = fast.up.bytes + fast.down.bytes
        up0, down0 = fast.up.bytes, fast.down.bytes
        backend.server.reset()
        report = sync_once(pc.store)
        assert report.complete, report.error
        changes = outbox_changes(pc.store)
        run = dict(changes=changes, report=report, wire=fast.up.bytes + fast.down.bytes - enrol_bytes,
                   wire_up=fast.up.bytes - up0, wire_down=fast.down.bytes - down0,
                   server_busy=backend.server.busy_seconds(), server_ingest=backend.server.ingest_seconds)
        bulk = bulk_seconds(backend.engine, changes, "BENCH-BULK", copy_first=i % 2 == 0)
        run["copy"], run["bulk"] = bulk["copy"], bulk["executemany"]
        return run
    finally:
        pc.close()
        backend.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--changes", type=int, default=10_000)
    ap.add_argument("--slow-changes", type=int, default=10_000, help="changes pushed over the slow link")
    ap.add_argument("--runs", type=int, default=3, help="fast-link runs (push, COPY, executemany); medians are reported")
    ap.add_argument("--sqlite", action="store_true", help="use the server's SQLite backend")
    ap.add_argument("--json", action="store_true", help="print a JSON object of the figures as the last line")
    ap.add_argument("--keep", action="store_true", help="keep the temp folders")
    ap.add_argument("--server-thread", action="store_true", help="run the server in a thread of this process")
    ap.add_argument("--untuned", action="store_true", help="leave the server's garbage collector at its defaults")
    ap.add_argument("--workers", type=int, default=1, help="server processes (provincial-server serve --workers N)")
    ap.add_argument("--serve", nargs=3, metavar=("URL", "PORT", "STATS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.serve:
        serve(args.serve[0], int(args.serve[1]), args.serve[2], tuned=not args.untuned, workers=args.workers)
        return 0
    if args.server_thread and not args.untuned:
        tune_for_serving()
    tmp = Path(tempfile.mkdtemp(prefix="bench-sync."))
    pg = None if args.sqlite else Postgres()
    figures: dict = {"changes": args.changes, "backend": "sqlite" if args.sqlite else "postgresql",
                     "server": "thread" if args.server_thread else "process", "tuned": not args.untuned,
                     "runs": args.runs}
    try:
        # fast link: bytes, round trips, ingest rate (median of the runs)
        t = time.perf_counter()
        pc_store(tmp / "pc-filled", "BENCH-FAST", args.changes, seed=1).close()
        print(f"filled {args.changes} changes in {time.perf_counter() - t:.1f} s")
        runs = []
        for i in range(max(1, args.runs)):
            run = fast_run(args, pg, tmp, tmp / "pc-filled", i)
            runs.append(run)
            copy_text = f"COPY {run['copy']:.3f} s, " if run["copy"] is not None else ""
            print(f"fast link, run {i + 1}: push {run['report'].push_seconds:.2f} s (server busy "
                  f"{run['server_busy']:.2f} s), {copy_text}executemany {run['bulk']:.3f} s")
        first = runs[0]
        changes, report = first["changes"], first["report"]
        gz = len(gzip.compress(changes_canonical_json(changes), compresslevel=9))
        minimum = math.ceil(len(changes) / MAX_BATCH_CHANGES)
        push_s = statistics.median(r["report"].push_seconds for r in runs)
        busy_s = statistics.median(r["server_busy"] for r in runs)
        bulk_s = statistics.median(r["bulk"] for r in runs)
        copy_s = statistics.median(r["copy"] for r in runs) if runs[0]["copy"] is not None else None
        figures.update(
            wire_up=first["wire_up"], wire_down=first["wire_down"],
            wire_bytes=first["wire"], gzip_bytes=gz, bytes_vs_gzip=round(first["wire"] / gz, 3),
            requests=report.wire.requests, push_requests=report.push_rounds,
            round_trips_over_min=report.wire.requests - minimum,
            push_seconds_runs=[round(r["report"].push_seconds, 2) for r in runs],
            server_busy_seconds_runs=[round(r["server_busy"], 2) for r in runs],
            push_seconds=round(push_s, 2), server_busy_seconds=round(busy_s, 2),
            # inside the push transaction: measurable only with the server in this process
            server_ingest_seconds=(round(statistics.median(r["server_ingest"] for r in runs), 2)
                                   if args.server_thread else None),
            ingest_per_s=round(len(changes) / push_s, 1),
            copy_seconds=round(copy_s, 3) if copy_s else None,
            copy_seconds_runs=[round(r["copy"], 3) for r in runs] if copy_s else None,
            copy_per_s=round(len(changes) / copy_s, 1) if copy_s else None,
            ingest_vs_copy=round(copy_s / push_s, 3) if copy_s else None,
            ingest_vs_copy_runs=[round(r["copy"] / r["report"].push_seconds, 3) for r in runs] if copy_s else None,
            server_ingest_vs_copy=round(copy_s / busy_s, 3) if copy_s and busy_s else None,
            executemany_seconds=round(bulk_s, 3), executemany_per_s=round(len(changes) / bulk_s, 1),
            executemany_seconds_runs=[round(r["bulk"], 3) for r in runs],
            ingest_vs_executemany=round(bulk_s / push_s, 3),
            ingest_vs_executemany_runs=[round(r["bulk"] / r["report"].push_seconds, 3) for r in runs],
        )
        print(f"fast link: {len(changes)} changes, {first['wire']:,} bytes on the wire vs gzip {gz:,}; "
              f"{report.wire.requests} requests; median push {push_s:.2f} s, median COPY "
              f"{copy_s if copy_s is None else round(copy_s, 3)} s, median executemany {bulk_s:.3f} s")
        # slow link: utilisation while pushing
        t = time.perf_counter()
        backend = Backend(args, pg, tmp, "slow")
        pc2 = pc_store(tmp / "pc-slow", "BENCH-SLOW", args.slow_changes, seed=2)
        try:
            print(f"filled {args.slow_changes} changes in {time.perf_counter() - t:.1f} s")
            rate = 256_000 / 8
            enrol(backend.engine, pc2.store, LinkProxy(backend.server.port).url, "BENCH-SLOW")
            slow = LinkProxy(backend.server.port, rate_bytes=rate, rtt=0.6)
            with pc2.store.engine.begin() as conn:
                conn.execute(sa.text("UPDATE sync_state SET server_url = :u"), {"u": slow.url})
            report2 = sync_once(pc2.store)
            assert report2.complete, report2.error
        finally:
            pc2.close()
            backend.close()
        figures.update(slow_push_seconds=round(report2.push_seconds, 1), slow_up_bytes=slow.up.bytes,
                       slow_link_utilisation=round(slow.up.bytes / (rate * report2.push_seconds), 3),
                       slow_requests=report2.wire.requests)
        print(f"slow link: {args.slow_changes} changes pushed in {report2.push_seconds:.1f} s, "
              f"{slow.up.bytes:,} bytes up ({slow.up.bytes / report2.push_seconds / 1024:.1f} KiB/s of "
              f"{rate / 1024:.1f})")
    finally:
        if pg is not None:
            pg.close()
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    goals = {"bytes_vs_gzip": ("<=", 1.2), "round_trips_over_min": ("<=", 2),
             "slow_link_utilisation": (">=", 0.7), "ingest_vs_copy": (">=", 0.5)}
    for name, (op, goal) in goals.items():
        value = figures[name]
        if value is None:
            print(f"{name}: not measured (SQLite has no COPY)")
            continue
        ok = value <= goal if op == "<=" else value >= goal
        print(f"{name} = {value} (goal {op} {goal}) {'OK' if ok else 'MISSED'}")
    print(f"ingest_vs_copy per run = {figures['ingest_vs_copy_runs']}")
    print(f"ingest_vs_executemany = {figures['ingest_vs_executemany']} (for comparison, no goal; per run "
          f"{figures['ingest_vs_executemany_runs']})")
    print(f"server_ingest_vs_copy = {figures.get('server_ingest_vs_copy')} "
          f"(the server's own time: {figures.get('server_busy_seconds')} s handling pushes; "
          f"COPY {figures.get('copy_seconds')} s)")
    figures["machine"] = machine()
    print(describe())
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
