"""Sync's database half (storage/sync_store.py) on a real encrypted store:
the outbox states, the resend after a server restore, parked changes and
the conflict inbox the sync service and the engine share."""
from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, Sex
from care_core.protocol import ConflictRecord
from facility_app.storage import sync_store as ss
from facility_app.storage.tables import change_log, sync_state
from facility_app.sync import state
from tests.conftest import NURSE, SYSTEM


def _admit(services, name: str) -> Resident:
    return services.residents.admit(NURSE, Resident(
        full_name=name, sex=Sex.FEMALE, birth_date=date(1950, 1, 1), admission_date=date(2026, 1, 1),
        groups=[BeneficiaryGroup.ELDERLY]))


def _set_state(services, state_value: str, seq: int | None = None) -> None:
    with services.store.write(SYSTEM, "test") as w:
        q = sa.update(change_log)
        if seq is not None:
            q = q.where(change_log.c.seq == seq)
        w.conn.execute(q.values(state=state_value))


def _conflict(cid: int, row_id: str, winning="Nguyễn Thị A", losing="Nguyễn Thị B") -> ConflictRecord:
    return ConflictRecord(cid, "residents", row_id, "full_name", winning, "1-0-other", "other-pc",
                          losing, "1-0-mine", "this-pc", False, 40 + cid)


def test_outbox_counts_by_state(services):
    with services.store.read() as conn:
        start = ss.count_by_state(conn).get(ss.PENDING, 0)
    a = _admit(services, "Lê Thị Hoa")
    _admit(services, "Trần Văn Nam")
    with services.store.read() as conn:
        assert ss.count_by_state(conn)[ss.PENDING] == start + 2
        assert ss.pending_count(conn) == start + 2
        assert ss.record_states(conn, "residents", a.id) == {ss.PENDING}
        assert ss.record_states(conn, "residents", "nobody") == set()


def test_a_server_restored_from_backup_gets_every_acknowledged_change_again(services):
    _admit(services, "Lê Thị Hoa")
    with services.store.write(SYSTEM, "test") as w:
        state.save_enrolment(w.conn, server_url="https://so-y-te.example", token="t", server_device_id="dev-1",
                             facility_code="TTBTXH-LS", ca_bundle=None)
        state.move_cursor(w.conn, 57)
    _set_state(services, ss.ACKED)
    with services.store.read() as conn:
        acked = ss.count_by_state(conn)[ss.ACKED]
        assert ss.enrolment(conn)["pull_cursor"] == 57
    with services.store.write(SYSTEM, "test") as w:
        assert ss.resend_acked(w.conn) == acked
    with services.store.read() as conn:
        assert ss.count_by_state(conn) == {ss.PENDING: acked}
        assert conn.execute(sa.select(sync_state.c.pull_cursor)).scalar() == 0


def test_parked_changes_are_listed_then_dismissed(services):
    _admit(services, "Lê Thị Hoa")
    _admit(services, "Trần Văn Nam")
    with services.store.read() as conn:
        seqs = list(conn.execute(sa.select(change_log.c.seq).order_by(change_log.c.seq)).scalars())
    for seq in seqs[-2:]:
        _set_state(services, ss.PARKED, seq)
    with services.store.read() as conn:
        assert [r.seq for r in ss.parked_rows(conn, 10)] == seqs[-2:]
        assert [r.seq for r in ss.parked_rows(conn, 1)] == seqs[-2:-1]
    with services.store.write(SYSTEM, "test") as w:
        assert ss.dismiss_parked(w.conn, seqs[-1]) == 1
        assert ss.dismiss_parked(w.conn, seqs[-1]) == 0  # no longer parked
        assert ss.dismiss_parked(w.conn, 10_000) == 0
    with services.store.read() as conn:
        assert ss.count_by_state(conn)[ss.DISMISSED] == 1
    with services.store.write(SYSTEM, "test") as w:
        assert ss.dismiss_parked(w.conn) == 1
    with services.store.read() as conn:
        assert ss.parked_rows(conn, 10) == []


def test_conflict_inbox_mirrors_the_server_and_remembers_what_to_tell_it(services):
    a = _admit(services, "Lê Thị Hoa")
    with services.store.write(SYSTEM, "test") as w:
        assert ss.mirror_conflicts(w.conn, [_conflict(7, a.id), _conflict(8, a.id)]) == 2
        assert ss.mirror_conflicts(w.conn, [_conflict(7, a.id), _conflict(8, a.id)]) == 0  # known already
    with services.store.read() as conn:
        assert ss.open_conflict_count(conn) == 2
        assert [r["id"] for r in ss.conflict_rows(conn)] == [7, 8]
        assert ss.conflict_row(conn, 7)["losing_value"] == '"Nguyễn Thị B"'
        assert ss.conflict_row(conn, 99) is None
        assert ss.conflicts_to_tell(conn) == []
    with services.store.write(SYSTEM, "test") as w:
        ss.mark_resolved(w.conn, 7, "nurse1", "losing")
    with services.store.read() as conn:
        assert ss.conflicts_to_tell(conn) == [(7, "Nguyễn Thị B")]
        assert [r["id"] for r in ss.conflict_rows(conn)] == [8]
        assert [r["id"] for r in ss.conflict_rows(conn, include_resolved=True)] == [7, 8]
    with services.store.write(SYSTEM, "test") as w:
        ss.mark_told(w.conn, 7)
        # the server no longer lists 8: someone resolved it on another PC
        assert ss.mirror_conflicts(w.conn, []) == 0
    with services.store.read() as conn:
        assert ss.conflicts_to_tell(conn) == []
        assert ss.open_conflict_count(conn) == 0
        assert ss.conflict_row(conn, 8)["resolved_by"] == ss.OTHER_PC


def test_wire_values_take_their_column_types(services):
    assert ss.wire_to_column("residents", "birth_date", "1950-01-02") == date(1950, 1, 2)
    assert ss.wire_to_column("residents", "deleted", 1) is True
    assert ss.wire_to_column("residents", "full_name", "Lê Thị Hoa") == "Lê Thị Hoa"
    assert ss.wire_to_column("residents", "bhyt_valid_to", None) is None
    with services.store.read() as conn:
        assert ss.user_id_with_username(conn, "nobody") is None
        assert ss.clock_skew_ms(conn) == 0
        assert ss.enrolment(conn) is None


def test_pushed_versions_raise_the_known_version_and_set_each_rows_version(services):
    """merge.note_pushed_versions after a push answer: row_sync's known
    version is raised (never lowered) to the answered one, and a row's
    version column becomes the known version plus its changes still waiting,
    rewritten only where it differs; a row this PC does not hold still gets
    its known version."""
    from facility_app.storage.tables import residents, row_sync
    from facility_app.sync import merge

    new, edited, ahead, behind = (_admit(services, f"Lê Thị {n}") for n in ("Mới", "Sửa", "Trước", "Sau"))
    with services.store.write(SYSTEM, "test") as w:
        w.conn.execute(sa.update(residents).where(residents.c.id == edited.id).values(version=3))
        w.conn.exec_driver_sql("INSERT INTO row_sync(table_name, row_id, seen_version, known_version) "
                               "VALUES ('residents', ?, 4, 7)", (behind.id,))
        merge.note_pushed_versions(w.conn, [
            ("residents", new.id, 1),  # a new record, nothing else waiting: stays at 1
            ("residents", edited.id, 1), ("residents", edited.id, 2),  # its insert and one update answered...
            ("residents", ahead.id, 5),  # the server had edits from elsewhere
            ("residents", behind.id, 2),  # an old change answered again (duplicate): the known 7 stays
            ("residents", "not-here", 4),
            ("residents", new.id, 0),  # a server that does not say: ignored
        ], {("residents", edited.id): 1, ("residents", behind.id): 1})  # ...and one more still waits
    with services.store.read() as conn:
        known = dict(conn.execute(sa.select(row_sync.c.row_id, row_sync.c.known_version)).all())
        seen = dict(conn.execute(sa.select(row_sync.c.row_id, row_sync.c.seen_version)).all())
        version = dict(conn.execute(sa.select(residents.c.id, residents.c.version)).all())
    assert known == {new.id: 1, edited.id: 2, ahead.id: 5, behind.id: 7, "not-here": 4}
    assert seen == {new.id: 0, edited.id: 0, ahead.id: 0, behind.id: 4, "not-here": 0}
    assert {k: version[k] for k in (new.id, edited.id, ahead.id, behind.id)} == {
        new.id: 1, edited.id: 3, ahead.id: 5, behind.id: 8}
