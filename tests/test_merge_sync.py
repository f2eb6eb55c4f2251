"""Issue 15, point 3, the check: a merge on PC A while PC B edits the
merged-away record offline. After sync both PCs and the provincial server
(real HTTP, SQLite and PostgreSQL) hold one person with every record:
nothing lost, nothing doubled; an edit that cannot land on the survivor
waits in the conflict inbox."""
from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

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
