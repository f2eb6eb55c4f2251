"""Issue 15, point 3, the check: a merge on PC A while PC B edits the
merged-away record offline. After sync both PCs and the provincial server
(real HTTP, SQLite and PostgreSQL) hold one person with every record:
nothing lost, nothing doubled; an edit that cannot land on the survivor
waits in the conflict inbox."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from care_core import protocol as p

from care_core.domain.entities import Actor, Condition
from care_core.domain.enums import DischargeReason, Role
from facility_app.services.sync import SyncService
from tests.conftest import TODAY
from tests.sync_fixtures import NURSE, admit, assert_same, checkup, converge, edit, first_pc, joined_pc
from tests.sync_fixtures import sqlite_server  # noqa: F401 (fixture)
from tests.sync_fixtures import sync_server as server  # noqa: F401 (fixture)

DOCTOR = Actor("doctor1", Role.DOCTOR)


def _setup(tmp_path, server):
    """PC A holds two records of one person: X (present) and Y (made by
    mistake, discharged), each with records; PC B joins and has them too."""
    rng = random.Random(15)
    a = first_pc(tmp_path, server, "pca")
    x = admit(a, rng, next_of_kin_phone="", notes="Tăng huyết áp")
    y = admit(a, rng, next_of_kin_phone="", notes="Hồ sơ lập lần hai")
    x_checkup = checkup(a, rng, x.id)
    y_checkup = checkup(a, rng, y.id)
    y_condition = a.services.clinical.add_condition(NURSE, Condition(y.id, "E11", y.admission_date))
    a.services.residents.discharge(DOCTOR, y.id, TODAY - timedelta(days=1), DischargeReason.TRANSFERRED,
                                   a.services.residents.get(NURSE, y.id).version)
    assert a.sync().complete
    b = joined_pc(tmp_path, server, "pcb")
    return rng, a, b, x, y, {x_checkup.id, y_checkup.id}, y_condition


ORDERS = {"merge-first": ("pca", "pcb"), "edit-first": ("pcb", "pca")}


@pytest.mark.parametrize("order", list(ORDERS))
def test_a_merge_meets_offline_edits_of_the_merged_away_record(server, tmp_path, order):
    rng, a, b, x, y, checkups, y_condition = _setup(tmp_path, server)
    pcs = {"pca": a, "pcb": b}
    try:
        # offline, at once: A merges Y into X; B records on Y and edits Y
        a.services.residents.merge(DOCTOR, x.id, y.id)
        new_on_b = checkup(b, rng, y.id)
        b.services.clinical.update_condition(NURSE, y_condition.id, {"note": "Theo dõi đường huyết"},
                                             y_condition.version)
        edit(b, y.id, next_of_kin_phone="0987654321", notes="Sửa trên máy B")
        checkups.add(new_on_b.id)

        for name in ORDERS[order]:
            report = pcs[name].sync()
            assert report.error is None, report.error
        converge(a, b)

        assert_same(server, a, b)
        want = server.rows()
        # one person: Y is a tombstone pointing at X, everywhere
        assert want["residents"][y.id]["deleted"] and want["residents"][y.id]["merged_into"] == x.id
        live = {rid for rid, r in want["residents"].items() if not r["deleted"]}
        assert live == {x.id}
        # every record on X: nothing lost, nothing doubled
        assert {cid: r["resident_id"] for cid, r in want["checkups"].items()} == {cid: x.id for cid in checkups}
        assert all(r["resident_id"] == x.id for t in ("conditions", "condition_status_changes", "room_changes",
                                                       "bhyt_cards") for r in want[t].values())
        for pc in (a, b):
            assert [r.id for r in pc.services.residents.list(NURSE)] == [x.id]
            assert {c.id for c in pc.services.clinical.checkups(NURSE, x.id)} == checkups
            timeline = pc.services.clinical.timeline(NURSE, x.id)
            [condition] = [c for c in timeline.conditions if c.id == y_condition.id]
            assert condition.note == "Theo dõi đường huyết"
            survivor = pc.services.residents.get(NURSE, x.id)
            # X had no phone: B's edit of Y's phone landed on X
            assert survivor.next_of_kin_phone == "0987654321"
            assert "Tăng huyết áp" in survivor.notes
            # X had notes of its own: B's notes wait in the inbox, on X's row
            conflicts = [(c.row_id, c.field) for c in SyncService(pc.store).conflicts(NURSE)]
            assert (x.id, "notes") in conflicts, conflicts
            [notes] = [c for c in SyncService(pc.store).conflicts(NURSE) if c.field == "notes"]
            assert "Sửa trên máy B" in (notes.mine, notes.theirs)
            assert SyncService(pc.store).parked(NURSE) == []
    finally:
        a.close()
        b.close()


def test_keeping_the_edit_from_the_inbox_sets_the_survivors_value(sqlite_server, tmp_path):
    rng, a, b, x, y, _, _ = _setup(tmp_path, sqlite_server)
    try:
        a.services.residents.merge(DOCTOR, x.id, y.id)
        edit(b, y.id, notes="Sửa trên máy B")
        converge(a, b)
        [conflict] = SyncService(b.store).conflicts(NURSE)
        assert (conflict.row_id, conflict.mine) == (x.id, "Sửa trên máy B")
        SyncService(b.store).resolve(NURSE, conflict.id, "mine")
        converge(a, b)
        assert_same(sqlite_server, a, b)
        for pc in (a, b):
            assert pc.services.residents.get(NURSE, x.id).notes == "Sửa trên máy B"
            assert [r.id for r in pc.services.residents.list(NURSE)] == [x.id]
    finally:
        a.close()
        b.close()


def test_a_pc_that_pulls_the_merge_before_pushing_moves_its_waiting_records(sqlite_server, tmp_path):
    """B pulls A's merge while its own checkup for Y still waits in the outbox
    (a pull without a push): the checkup and its waiting change move to X."""
    import json

    import sqlalchemy as sa

    from facility_app.storage.tables import change_log, checkups as checkup_rows
    from facility_app.sync import api, merge, state
    from facility_app.sync.client import Transport

    rng, a, b, x, y, _, _ = _setup(tmp_path, sqlite_server)
    try:
        a.services.residents.merge(DOCTOR, x.id, y.id)
        assert a.sync().error is None
        waiting = checkup(b, rng, y.id)
        with b.store.read() as conn:
            settings = state.require(conn)
        transport = Transport(settings.server_url, settings.token)
        try:
            page = api.pull(transport, settings.pull_cursor)
        finally:
            transport.close()
        merge.apply_page(b.store, page, my_device=settings.server_device_id)
        with b.store.read() as conn:
            assert conn.execute(sa.select(checkup_rows.c.resident_id)
                                .where(checkup_rows.c.id == waiting.id)).scalar() == x.id
            [fields] = conn.execute(sa.select(change_log.c.fields).where(
                change_log.c.row_id == waiting.id, change_log.c.state == "pending")).scalars()
        assert json.loads(fields)["resident_id"] == x.id
        assert waiting.id in {c.id for c in b.services.clinical.checkups(NURSE, x.id)}
        converge(a, b)
        assert_same(sqlite_server, a, b)
        assert SyncService(b.store).parked(NURSE) == []
    finally:
        a.close()
        b.close()


# --- the server at the wire: what a merge may and may not do ---------------------------

from tests.server_fixtures import FakePC, checkup_fields, resident_fields  # noqa: E402
from tests.server_fixtures import BACKENDS, server_for  # noqa: E402


@pytest.fixture(scope="module", params=BACKENDS)
def wire_server(request, tmp_path_factory):
    return server_for(request, tmp_path_factory, "merge")


_n = iter(range(1, 10_000))


def _resident(pc: FakePC, **extra) -> str:
    import uuid
    rid = str(uuid.uuid4())
    pc.change("residents", rid, "insert", resident_fields(**extra))
    return rid


def _merge(pc: FakePC, merged: str, into: str, version: int = 1) -> None:
    pc.change("residents", merged, "delete", {"deleted": True, "merged_into": into}, base_version=version)


def test_a_checkup_moves_only_to_the_record_its_resident_was_merged_into(wire_server):
    import uuid
    facility = wire_server.add_facility(f"MRG-{next(_n)}")
    a = FakePC.enrol(wire_server, facility, "PC-1")
    x, y, z = _resident(a), _resident(a), _resident(a)
    cid = str(uuid.uuid4())
    a.change("checkups", cid, "insert", checkup_fields(y))
    assert {r.status for r in a.push().results} == {"applied"}
    # not merged: a checkup is insert-only, a move is refused
    a.change("checkups", cid, "update", {"resident_id": x}, base_version=1)
    [refused] = a.push().results
    assert refused.status == "rejected"
    # merged into x: the move to x is taken; a move to z (not the survivor) is refused
    _merge(a, y, x)
    a.change("checkups", cid, "update", {"resident_id": z}, base_version=1)
    a.change("checkups", cid, "update", {"resident_id": x}, base_version=1)
    a.change("checkups", cid, "update", {"checkup_date": "2020-01-01"}, base_version=1)
    statuses = [r.status for r in a.push().results]
    assert statuses == ["applied", "rejected", "applied", "rejected"]
    assert wire_server.scalar("SELECT data FROM records WHERE row_id = :r", r=cid).count(x) == 1


def test_records_follow_a_chain_of_merges_and_the_sender_is_told(wire_server):
    import json
    import uuid
    facility = wire_server.add_facility(f"MRG-{next(_n)}")
    a, b = FakePC.enrol(wire_server, facility, "PC-1"), FakePC.enrol(wire_server, facility, "PC-2")
    x, y, z = _resident(a), _resident(a, next_of_kin_phone=""), _resident(a, next_of_kin_phone="")
    a.push()
    _merge(a, y, x)
    _merge(a, x, z)
    a.push()
    # b had not heard: a checkup and a phone number for y
    cid = str(uuid.uuid4())
    b.change("checkups", cid, "insert", checkup_fields(y))
    b.change("residents", y, "update", {"next_of_kin_phone": "0912345678"}, base_version=1)
    answer = b.push()
    assert [r.status for r in answer.results] == ["applied", "merged"]
    data = json.loads(wire_server.scalar("SELECT data FROM records WHERE row_id = :r", r=cid))
    assert data["resident_id"] == z
    survivor = json.loads(wire_server.scalar("SELECT data FROM records WHERE row_id = :r", r=z))
    assert survivor["next_of_kin_phone"] == "0912345678"
    # b learns both from the server: where its checkup went, the phone on z, y's own value back
    got, _ = b.pull_all()
    told = [(c.table, c.row_id, c.fields, c.origin_device) for c in got if c.origin_device == p.SERVER_ORIGIN]
    assert ("checkups", cid, {"resident_id": z}, p.SERVER_ORIGIN) in told
    assert ("residents", z, {"next_of_kin_phone": "0912345678"}, p.SERVER_ORIGIN) in told
    assert ("residents", y, {"next_of_kin_phone": ""}, p.SERVER_ORIGIN) in told


def test_a_merge_that_would_close_a_loop_is_refused(wire_server):
    import json
    import uuid
    facility = wire_server.add_facility(f"MRG-{next(_n)}")
    a = FakePC.enrol(wire_server, facility, "PC-1")
    x, y = _resident(a), _resident(a)
    a.push()
    _merge(a, y, x)
    _merge(a, x, y)  # a broken client: x into y while y is merged into x
    results = a.push().results
    assert [r.status for r in results] == ["applied", "rejected"]
    assert "vòng lặp" in results[1].reason_vi and "loops" in results[1].reason_en
    cid = str(uuid.uuid4())
    a.change("checkups", cid, "insert", checkup_fields(y))
    [answer] = a.push().results
    assert answer.status == "applied"
    assert json.loads(wire_server.scalar("SELECT data FROM records WHERE row_id = :r", r=cid))["resident_id"] == x
