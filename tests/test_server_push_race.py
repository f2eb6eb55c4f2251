"""A push is merged before it takes its facility's lock (PostgreSQL); under
the lock the plan stands only if nothing it read has changed. Here another
push commits in exactly that gap (run from inside the first push, just
before it takes the lock), on a real PostgreSQL, and the outcome must be
the one the two pushes would have had one after the other: no lost update,
no change stored twice, ``server_seq`` without a gap.
"""
from __future__ import annotations

import time
import uuid

import pytest
import sqlalchemy as sa

from care_core import protocol as p
from provincial_server import admin, ingest, migrate
from provincial_server.db import make_engine, write_conn
from tests.server_fixtures import checkup_fields, fresh_database, hlc_at, resident_fields

FACILITY = "FAC-RACE"
MINUTE_AGO = int(time.time() * 1000) - 60_000


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(fresh_database("postgresql", tmp_path, "push_race"))
    migrate.upgrade(engine)
    with write_conn(engine) as conn, conn.begin():
        admin.add_facility(conn, FACILITY, "Trung tâm thử đua khóa", 20)
    yield engine
    engine.dispose()


class PC:
    def __init__(self, engine: sa.Engine, name: str):
        with write_conn(engine) as conn, conn.begin():
            code = admin.enrol_device(conn, FACILITY, name)[1]
            done = admin.exchange_code(conn, code, name)
        self.engine, self.device = engine, ingest.Device(done.device_id, FACILITY)
        self.seq = 0

    def change(self, table: str, row_id: str, op: str, fields: dict, base: int = 0, at: int = 0) -> p.Change:
        """``at``: the change's clock, in ms after a minute ago."""
        self.seq += 1
        return p.Change(str(uuid.uuid4()), self.seq, table, row_id, op, fields, base,
                        hlc_at(MINUTE_AGO + at, self.device.id))

    def push(self, *changes: p.Change, batch_id: str | None = None) -> p.PushAnswer:
        seqs = [c.device_seq for c in changes]
        batch = p.PushBatch(batch_id or str(uuid.uuid4()), self.device.id, min(seqs), max(seqs), list(changes))
        with write_conn(self.engine) as conn, conn.begin():
            return ingest.push(conn, self.device, batch)


@pytest.fixture
def meanwhile(monkeypatch):
    """``meanwhile(work)``: run ``work`` (another push, committed) right
    before the next push takes its lock; returns the list of plans made
    from then on (their batch ids)."""
    plans = []
    real_plan, real_lock = ingest._plan, ingest._lock
    pending = []

    def counted_plan(*args, **kw):
        plans.append(args[2].batch_id)
        return real_plan(*args, **kw)

    def lock_after_work(*args, **kw):
        while pending:
            pending.pop(0)()
        return real_lock(*args, **kw)

    monkeypatch.setattr(ingest, "_plan", counted_plan)
    monkeypatch.setattr(ingest, "_lock", lock_after_work)

    def schedule(work):
        pending.append(work)
        plans.clear()
        return plans
    return schedule


def _stream(engine) -> list[tuple]:
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT server_seq, status FROM changes WHERE facility_code = :f "
                                    "ORDER BY server_seq"), {"f": FACILITY}).all()


def test_an_edit_committed_while_a_batch_was_merged_is_merged_again_not_lost(engine, meanwhile):
    a, b = PC(engine, "A"), PC(engine, "B")
    a.push(a.change("residents", "r1", "insert", resident_fields(room="P1"), at=1))
    inner = []
    plans = meanwhile(lambda: inner.append(b.push(b.change("residents", "r1", "update", {"room": "P2"}, 1, at=5))))
    answer = a.push(a.change("residents", "r1", "update", {"room": "P3"}, base=1, at=10))
    assert inner[0].results[0].status == "applied"
    # A's plan (made before B's edit) was dropped and A's edit merged against B's
    assert len(plans) == 3  # B's own, A's before the lock, A's again under it
    assert answer.results[0].status == "conflict" and answer.results[0].conflict_fields == ["room"]
    assert answer.results[0].version == 3
    with engine.connect() as conn:
        row = conn.execute(sa.text("SELECT data, version FROM records WHERE row_id = 'r1'")).one()
        conflicts = conn.execute(sa.text("SELECT field, losing_value, winning_value FROM conflicts")).all()
    assert '"room":"P3"' in row.data and row.version == 3
    assert conflicts == [("room", '"P2"', '"P3"')]
    assert [s for s, _ in _stream(engine)] == [1, 2, 3]


def test_a_plan_stands_when_what_it_read_did_not_change(engine, meanwhile):
    a, b = PC(engine, "A"), PC(engine, "B")
    a.push(a.change("residents", "r1", "insert", resident_fields(), at=1))
    plans = meanwhile(lambda: b.push(b.change("residents", "r2", "insert", resident_fields("Trần Thị Bình"), at=2)))
    answer = a.push(a.change("checkups", "c1", "insert", checkup_fields("r1"), at=3),
                    a.change("residents", "r1", "update", {"room": "P9"}, base=1, at=4))
    assert len(plans) == 2  # B's, then A's once: B touched nothing A read
    assert [r.status for r in answer.results] == ["applied", "applied"]
    assert [r.server_seq for r in answer.results] == [3, 4]  # numbered after B's, under the lock
    assert [s for s, _ in _stream(engine)] == [1, 2, 3, 4]


def test_a_row_created_meanwhile_is_seen_under_the_lock(engine, meanwhile):
    """B creates the resident A's checkup names while A's batch is merged:
    the plan had refused the checkup (no resident yet); under the lock the
    resident is there and the checkup is applied, as it would be in turn."""
    a, b = PC(engine, "A"), PC(engine, "B")
    plans = meanwhile(lambda: b.push(b.change("residents", "r1", "insert", resident_fields())))
    answer = a.push(a.change("checkups", "c1", "insert", checkup_fields("r1")))
    assert len(plans) == 3
    assert answer.results[0].status == "applied", answer.results[0].reason_en
    assert [s for s, _ in _stream(engine)] == [1, 2]


def test_a_change_refused_meanwhile_is_answered_from_its_refusal(engine, meanwhile):
    """The same change in two batches (a split retry) that both miss the
    lock: the second answers with the first's refusal, and stores it once."""
    a = PC(engine, "A")
    orphan = a.change("checkups", "c1", "insert", checkup_fields("nobody"))
    first = []
    plans = meanwhile(lambda: first.append(a.push(orphan)))
    answer = a.push(orphan)
    assert first[0].results[0].status == "rejected"
    assert len(plans) == 3
    assert answer.results[0].status == "rejected"
    assert answer.results[0].reason_en == first[0].results[0].reason_en
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM rejected_changes")).scalar() == 1
    assert _stream(engine) == []


def test_a_plan_is_checked_against_the_stream_written_meanwhile_not_by_reading_its_rows_again(
        engine, meanwhile, monkeypatch):
    """Nothing committed in the gap: the facility's last number and the
    device's highest sequence say so. Another PC's push in the gap that
    touched nothing the plan read: its stream rows say so. Either way the
    plan's rows are not looked up again under the lock; only when the
    stream moved too far are they."""
    a, b = PC(engine, "A"), PC(engine, "B")
    a.push(a.change("residents", "r1", "insert", resident_fields(), at=1))
    asked = []
    real = ingest.Store.unchanged
    monkeypatch.setattr(ingest.Store, "unchanged", lambda self: asked.append(1) or real(self))
    plans = meanwhile(lambda: None)
    answer = a.push(a.change("checkups", "c1", "insert", checkup_fields("r1"), at=3))
    assert len(plans) == 1 and asked == []
    assert answer.results[0].status == "applied" and answer.results[0].server_seq == 2
    plans = meanwhile(lambda: b.push(b.change("residents", "r2", "insert", resident_fields("Trần Thị Bình"), at=4)))
    answer = a.push(a.change("checkups", "c2", "insert", checkup_fields("r1"), at=5))
    assert len(plans) == 2 and asked == []  # B's, A's once
    assert answer.results[0].server_seq == 4
    monkeypatch.setattr(ingest, "_STREAM_CHECK_LIMIT", 0)
    plans = meanwhile(lambda: b.push(b.change("residents", "r3", "insert", resident_fields("Lê Văn Cường"), at=6)))
    answer = a.push(a.change("checkups", "c3", "insert", checkup_fields("r1"), at=7))
    assert len(plans) == 2 and asked == [1]  # the rows read again: unchanged, the plan stands
    assert answer.results[0].server_seq == 6
    assert [s for s, _ in _stream(engine)] == [1, 2, 3, 4, 5, 6]
