"""A real provincial server on 127.0.0.1 (uvicorn in a thread, SQLite or
PostgreSQL), facility PCs with real encrypted stores, helpers to compare
what every copy holds, and a fault-injecting HTTP proxy.

Used by test_sync_client*, test_sync_e2e*, test_sync_faults*.
"""
from __future__ import annotations

import itertools
import json
import os
import random
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

import pytest
import sqlalchemy as sa
import uvicorn

from care_core.domain.entities import Actor, Checkup, Resident, VitalSigns
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, Role, Sex
from facility_app.services.container import Services
from facility_app.storage.tables import SYNCED_TABLES
from facility_app.sync import setup
from facility_app.sync.engine import Report, sync_once
from care_core.protocol import SYNCED_SCHEMA
from provincial_server import admin, migrate
from provincial_server.api import create_app
from provincial_server.db import make_engine, write_conn
from provincial_server.tables import records

from tests.conftest import SYSTEM, TODAY, make_services

FACILITY = "TTBTXH-LS"
NURSE = Actor("nurse1", Role.NURSE)
FAST = {"read_timeout": 3.0, "connect_timeout": 2.0, "retries": 1, "pause": lambda s: None}

PG_URL = os.environ.get("FACILITY_TEST_PG_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG_URL, reason="FACILITY_TEST_PG_URL not set (scripts/test.sh or scripts/pg.sh start sets it)"))]


# --- the server -------------------------------------------------------------

def _fresh_pg_database() -> tuple[str, Callable[[], None]]:
    """A new empty database on the test PostgreSQL, dropped afterwards."""
    base = sa.engine.make_url(PG_URL)
    name = "sync_" + uuid.uuid4().hex[:12]
    admin_engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop():
        with admin_engine.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()
    return base.set(database=name).render_as_string(hide_password=False), drop


class Server:
    """The provincial server, restartable on the same port."""

    def __init__(self, tmp: Path, backend: str = "sqlite", tls: tuple[str, str] | None = None, **app_options):
        self._drop = None
        self.tls = tls  # (certificate file, key file): serve https
        self.app_options = app_options  # for create_app (e.g. budget=)
        if backend == "postgresql":
            self.url, self._drop = _fresh_pg_database()
        else:
            self.url = f"sqlite:///{tmp / 'provincial.db'}"
        self.engine = make_engine(self.url)
        migrate.upgrade(self.engine)
        with write_conn(self.engine) as conn, conn.begin():
            admin.add_facility(conn, FACILITY, "Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn", 20)
        self.port = _free_port()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.start()

    @property
    def base_url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> None:
        config = uvicorn.Config(create_app(engine=self.engine, **self.app_options), host="127.0.0.1", port=self.port,
                                log_level="error", lifespan="off", timeout_keep_alive=30,
                                ssl_certfile=self.tls[0] if self.tls else None,
                                ssl_keyfile=self.tls[1] if self.tls else None)
        self._server = uvicorn.Server(config)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(10)
            self._server = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def close(self) -> None:
        self.stop()
        self.engine.dispose()
        if self._drop:
            self._drop()

    def enrol_code(self, name: str = "", accounts: bool = True) -> tuple[str, str]:
        """``accounts``: the officer vouches that the PC may change accounts
        (the test PCs make admins; a rogue device is enrolled without it)."""
        with write_conn(self.engine) as conn, conn.begin():
            device_id, code, _ = admin.enrol_device(conn, FACILITY, name, f"officer for {name}" if accounts else None)
        return device_id, code

    def revoke(self, device_id: str) -> None:
        with write_conn(self.engine) as conn, conn.begin():
            admin.revoke_device(conn, device_id)

    def rows(self) -> dict[str, dict[str, dict]]:
        """table -> row id -> {field: value, version, deleted} as the server holds it."""
        out: dict[str, dict[str, dict]] = {t: {} for t in SYNCED_SCHEMA}
        with self.engine.connect() as conn:
            for r in conn.execute(sa.select(records).where(records.c.facility_code == FACILITY)):
                data = json.loads(r.data)
                row = {k: data.get(k) for k in SYNCED_SCHEMA[r.table_name]}
                row.update(version=r.version, deleted=bool(r.deleted))
                out[r.table_name][r.row_id] = row
        return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(params=BACKENDS)
def sync_server(request, tmp_path):
    s = Server(tmp_path, request.param)
    yield s
    s.close()


@pytest.fixture
def sqlite_server(tmp_path):
    s = Server(tmp_path, "sqlite")
    yield s
    s.close()


# --- the PCs ------------------------------------------------------------------

@dataclass
class PC:
    name: str
    services: Services
    device_id: str = ""
    url: str = ""
    options: dict = field(default_factory=dict)

    @property
    def store(self):
        return self.services.store

    def sync(self, **options) -> Report:
        return sync_once(self.store, **{**FAST, **self.options, **options})

    def rows(self, with_meta: bool = False) -> dict[str, dict[str, dict]]:
        """The same shape as ``Server.rows`` (wire values), optionally with
        the row stamp and device too (to compare PCs with each other)."""
        out: dict[str, dict[str, dict]] = {}
        with self.store.read() as conn:
            for name, table in SYNCED_TABLES.items():
                out[name] = {}
                for r in conn.execute(sa.select(table)).mappings():
                    row = {k: _wire(r[k]) for k in SYNCED_SCHEMA[name]}
                    row.update(version=r["version"], deleted=bool(r["deleted"]))
                    if with_meta:
                        row.update(hlc=r["hlc"], device_id=r["device_id"])
                    out[name][r["id"]] = row
        return out

    def close(self) -> None:
        self.services.close()


def _wire(value):
    if isinstance(value, date):
        return value.isoformat()
    return value


def first_pc(tmp: Path, server: Server, name: str = "pc1", url: str | None = None) -> PC:
    """A facility's first PC: its own store (facility row, an admin), enrolled."""
    services = make_services(tmp / name)
    services.users.add(SYSTEM, "admin1", "Quản trị Một", Role.ADMIN, "admin password 1")
    device_id, code = server.enrol_code(name)
    setup.enrol(services.store, url or server.base_url, code)
    return PC(name, services, device_id, url or server.base_url)


def joined_pc(tmp: Path, server: Server, name: str = "pc2", url: str | None = None, **options) -> PC:
    """A second PC made by ``init --join``'s code path: empty store, enrol, full pull."""
    device_id, code = server.enrol_code(name)
    store, _, report = setup.join(tmp / name, "second pc passphrase", url or server.base_url, code,
                                  **{**FAST, **options})
    assert report.error is None, report.error
    return PC(name, Services(store, today=lambda: TODAY), device_id, url or server.base_url)


def converge(*pcs: PC, rounds: int = 4) -> None:
    """Sync every PC in turn until a whole round moves nothing."""
    for _ in range(rounds):
        moved = 0
        for pc in pcs:
            report = pc.sync()
            assert report.error is None, f"{pc.name}: {report.error.message('en')}"
            moved += report.pushed + report.pulled
        if moved == 0:
            return
    raise AssertionError("still moving after several rounds")


def assert_same(server: Server, *pcs: PC, skip: set[tuple[str, str]] = frozenset()) -> None:
    """Every PC holds exactly the server's rows; ``skip``: (table, row id) of
    rows a PC keeps parked (refused by the server, waiting for a person)."""
    def without_skipped(rows: dict) -> dict:
        return {t: {i: r for i, r in by_id.items() if (t, i) not in skip} for t, by_id in rows.items()}

    want = server.rows()
    for pc in pcs:
        got = without_skipped(pc.rows())
        for table in SYNCED_SCHEMA:
            assert got[table].keys() == want[table].keys(), f"{pc.name} {table}: rows differ"
            for row_id, row in want[table].items():
                assert got[table][row_id] == row, f"{pc.name} {table} {row_id}"
    first = without_skipped(pcs[0].rows(with_meta=True))
    for pc in pcs[1:]:
        assert without_skipped(pc.rows(with_meta=True)) == first, f"{pc.name} differs from {pcs[0].name}"


# --- making records ---------------------------------------------------------------

_GIVEN = ["Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Văn Hùng", "Thị Lan", "Văn Minh", "Thị Nga"]
_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]


_codes = itertools.count(1)


def admit(pc: PC, rng: random.Random, **extra) -> Resident:
    """A new resident; the code is given per PC (the service's own numbering
    counts per PC, so two PCs offline would both make DT-00002)."""
    extra.setdefault("code", f"{pc.name.upper()}-{next(_codes):05d}")
    sex = rng.choice([Sex.MALE, Sex.FEMALE])
    name = f"{rng.choice(_FAMILY)} {rng.choice(_GIVEN)}"
    resident = Resident(name, sex, date(1940 + rng.randrange(40), 1 + rng.randrange(12), 1 + rng.randrange(28)),
                        TODAY - timedelta(days=30 + rng.randrange(300)),
                        groups=[rng.choice([BeneficiaryGroup.ELDERLY, BeneficiaryGroup.DISABILITY])],
                        room=f"P{rng.randrange(1, 30)}", **extra)
    return pc.services.residents.admit(NURSE, resident)


def checkup(pc: PC, rng: random.Random, resident_id: str) -> Checkup:
    resident = pc.services.residents.get(NURSE, resident_id)
    day = resident.admission_date + timedelta(days=rng.randrange(max(1, (TODAY - resident.admission_date).days)))
    vitals = VitalSigns(systolic=100 + rng.randrange(60), diastolic=60 + rng.randrange(30),
                        pulse=60 + rng.randrange(40), temperature=round(36 + rng.random() * 1.5, 1))
    return pc.services.clinical.record_checkup(NURSE, Checkup(resident_id, day, CheckupKind.PERIODIC, vitals,
                                                              findings="Ổn định", examiner="BS Lan"))


def edit(pc: PC, resident_id: str, **changes) -> Resident:
    current = pc.services.residents.get(NURSE, resident_id)
    return pc.services.residents.update(NURSE, resident_id, changes, current.version)
