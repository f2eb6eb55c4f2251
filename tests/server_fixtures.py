"""A real provincial server over real HTTP, on SQLite or PostgreSQL.

``ServerRunner`` runs uvicorn in a thread on 127.0.0.1 with a free port.
Each test module gets its own database (a fresh SQLite file, or a fresh
PostgreSQL database on the server ``FACILITY_TEST_PG_URL`` points at, which
``scripts/test.sh`` starts), so modules never collide. ``FakePC`` plays a
facility PC at the protocol level: its own device sequence, HLC clock and
outbox-shaped changes.
"""
from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import date

import pytest
import requests
import sqlalchemy as sa
import uvicorn

from care_core.domain.hlc import Clock
from care_core import protocol as p
from provincial_server import admin, migrate
from provincial_server.api import create_app
from provincial_server.db import make_engine, write_conn

PG_ENV = "FACILITY_TEST_PG_URL"
BACKENDS = ["sqlite", "postgresql"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fresh_database(backend: str, tmp_dir, name: str) -> str:
    """A URL of an empty database of its own."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_dir}/{name}.db"
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set: scripts/test.sh starts a throw-away PostgreSQL and sets it")
    db = f"{name}_{uuid.uuid4().hex[:8]}".lower()
    admin_engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{db}"'))
    admin_engine.dispose()
    return base.rsplit("/", 1)[0] + "/" + db


class ServerRunner:
    def __init__(self, db_url: str, **app_options):
        self.engine = make_engine(db_url)
        migrate.upgrade(self.engine)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(engine=self.engine, **app_options), host="127.0.0.1", port=self.port,
                                log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> "ServerRunner":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.engine.dispose()

    # --- administration, as the CLI does it ---
    def add_facility(self, code: str, name: str = "Trung tâm Bảo trợ xã hội thử nghiệm") -> str:
        with write_conn(self.engine) as conn, conn.begin():
            admin.add_facility(conn, code, name, 20)
        return code

    def enrolment_code(self, facility: str) -> str:
        with write_conn(self.engine) as conn, conn.begin():
            return admin.enrol_device(conn, facility)[1]

    def scalar(self, sql: str, **params):
        with self.engine.connect() as conn:
            return conn.execute(sa.text(sql), params).scalar()


def server_for(request, tmp_path_factory, name: str, **app_options) -> ServerRunner:
    backend = request.param
    url = fresh_database(backend, tmp_path_factory.mktemp(name), name)
    runner = ServerRunner(url, **app_options).start()
    request.addfinalizer(runner.stop)
    return runner


def hlc_at(clock_ms: int, device: str, counter: int = 0) -> str:
    return f"{clock_ms:015d}-{counter:05d}-{device}"


@dataclass
class FakePC:
    """A facility PC at the wire level: enrolled token, sequence, HLC clock."""

    base_url: str
    device_id: str
    token: str
    facility_code: str
    seq: int = 0
    now_ms: list = field(default_factory=lambda: [int(time.time() * 1000)])
    clock: Clock | None = None
    pending: list = field(default_factory=list)
    number: int = 0  # the device number the enrolment answer gave

    def __post_init__(self):
        self.clock = Clock(self.device_id, now_ms=lambda: self.now_ms[0])
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {self.token}"

    @classmethod
    def enrol(cls, server: ServerRunner, facility: str, name: str = "PC") -> "FakePC":
        code = server.enrolment_code(facility)
        r = requests.post(f"{server.url}/v1/enrol", json={"code": code, "device_name": name}, timeout=10)
        assert r.status_code == 200, r.text
        a = p.enrol_answer_from_dict(r.json())
        assert a.facility_code == facility
        return cls(server.url, a.device_id, a.token, a.facility_code, number=a.device_number)

    def change(self, table: str, row_id: str, op: str, fields: dict, base_version: int = 0,
               hlc: str | None = None) -> p.Change:
        self.seq += 1
        c = p.Change(str(uuid.uuid4()), self.seq, table, row_id, op, fields, base_version,
                     hlc or self.clock.tick().encode())
        self.pending.append(c)
        return c

    def batch(self, changes: list[p.Change] | None = None) -> p.PushBatch:
        changes = self.pending if changes is None else changes
        seqs = [c.device_seq for c in changes] or [0]
        return p.PushBatch(str(uuid.uuid4()), self.device_id, min(seqs), max(seqs), list(changes))

    def push(self, batch: p.PushBatch | None = None, content_type: str = p.MSGPACK) -> p.PushAnswer:
        batch = batch or self.batch()
        body, headers = p.encode_push(batch, content_type)
        r = self.http.post(f"{self.base_url}/v1/push", data=body, headers=headers, timeout=30)
        assert r.status_code == 200, r.text
        if batch.changes is self.pending or batch.changes == self.pending:
            self.pending = []
        return p.decode_answer(r.content, r.headers.get("content-type"), r.headers.get("content-encoding"),
                               [c.change_id for c in batch.changes])

    def pull_page(self, after: int, limit: int = 500) -> p.PullPage:
        r = self.http.get(f"{self.base_url}/v1/pull", params={"after": after, "limit": limit},
                          headers={"Accept": p.MSGPACK}, timeout=30)
        assert r.status_code == 200, r.text
        return p.decode_page(r.content, r.headers.get("content-type"), r.headers.get("content-encoding"))

    def pull_all(self, after: int = 0, limit: int = 500) -> tuple[list[p.PulledChange], int]:
        got = []
        while True:
            page = self.pull_page(after, limit)
            got += page.changes
            assert page.cursor >= after
            after = page.cursor
            if not page.has_more:
                return got, after


def resident_fields(name: str = "Nguyễn Văn An", **extra) -> dict:
    fields = {"code": "", "full_name": name, "name_folded": name.lower(), "sex": "M",
              "birth_date": "1950-03-04", "groups": "NCT", "admission_date": "2024-01-10",
              "room": "P1", "notes": ""}
    fields.update(extra)
    return fields


def checkup_fields(resident_id: str, **extra) -> dict:
    fields = {"resident_id": resident_id, "checkup_date": date.today().replace(day=1).isoformat(),
              "kind": "periodic", "systolic": 130, "diastolic": 80, "pulse": 76, "findings": "Ổn định",
              "classification": 2, "isolation": False, "voided": False}
    fields.update(extra)
    return fields
