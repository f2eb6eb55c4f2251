"""Two PCs of one facility work offline and sync through a real server
(real HTTP on 127.0.0.1, SQLite and PostgreSQL): every copy ends equal."""
from __future__ import annotations

import random
import time

import pytest
import sqlalchemy as sa

from facility_app.services.sync import SyncService
from facility_app.storage.tables import residents
from tests.conftest import SYSTEM
from tests.sync_fixtures import NURSE, admit, assert_same, checkup, converge, edit, first_pc, joined_pc
from tests.sync_fixtures import sqlite_server  # noqa: F401 (fixture)
from tests.sync_fixtures import sync_server as server  # noqa: F401 (fixture)


def test_second_pc_joins_and_both_converge(server, tmp_path):
    rng = random.Random(1)
    pc1 = first_pc(tmp_path, server)
    residents = [admit(pc1, rng) for _ in range(3)]
    checkup(pc1, rng, residents[0].id)
    report = pc1.sync()
    assert report.error is None and report.complete, report.error
    assert report.pushed >= 6  # facility, admin user, 3 residents, a checkup
    pc2 = joined_pc(tmp_path, server)
    try:
        assert pc2.store.facility_code == "TTBTXH-LS"
        assert {r.id for r in pc2.services.residents.list(NURSE)} == {r.id for r in residents}
        assert pc2.services.users.login("admin1", "admin password 1").username == "admin1"
        # offline work on both
        new2 = admit(pc2, rng)
        checkup(pc2, rng, residents[1].id)
        edit(pc1, residents[2].id, room="P99")
        edit(pc2, residents[2].id, next_of_kin_phone="0912345678")
        converge(pc1, pc2)
        assert_same(server, pc1, pc2)
        r = pc1.services.residents.get(NURSE, residents[2].id)
        assert (r.room, r.next_of_kin_phone) == ("P99", "0912345678")
        assert pc1.services.residents.get(NURSE, new2.id).full_name == new2.full_name
    finally:
        pc2.close()
        pc1.close()


def _two_pcs(tmp_path, server, rng):
    pc1 = first_pc(tmp_path, server)
    residents = [admit(pc1, rng) for _ in range(2)]
    assert pc1.sync().complete
    pc2 = joined_pc(tmp_path, server)
    return pc1, pc2, residents


ORDERS = {
    "pc1-first": ("pc1", "pc2", "pc1"),
    "pc2-first": ("pc2", "pc1", "pc2"),
    "pc2-twice": ("pc2", "pc2", "pc1", "pc2"),
}


@pytest.mark.parametrize("order", list(ORDERS))
def test_offline_work_in_any_order_converges_and_records_the_collision(sqlite_server, tmp_path, order):
    server = sqlite_server
    rng = random.Random(7)
    pc1, pc2, (r1, r2) = _two_pcs(tmp_path, server, rng)
    pcs = {"pc1": pc1, "pc2": pc2}
    try:
        # offline: new residents and checkups on both, different fields of r1,
        # and the same field of r2 (pc2's edit is the later one)
        a1, a2 = admit(pc1, rng), admit(pc2, rng)
        c1, c2 = checkup(pc1, rng, r1.id), checkup(pc2, rng, r1.id)
        edit(pc1, r1.id, room="P10")
        edit(pc2, r1.id, notes="Dị ứng penicillin")
        edit(pc1, r2.id, next_of_kin_phone="0911111111")
        time.sleep(0.01)
        edit(pc2, r2.id, next_of_kin_phone="0922222222")
        for name in ORDERS[order]:
            assert pcs[name].sync().error is None
        converge(pc1, pc2)
        assert_same(server, pc1, pc2)
        for pc in (pc1, pc2):
            ids = {r.id for r in pc.services.residents.list(NURSE)}
            assert {r1.id, r2.id, a1.id, a2.id} <= ids and len(ids) == 4
            assert {c.id for c in pc.services.clinical.checkups(NURSE, r1.id)} == {c1.id, c2.id}
            got = pc.services.residents.get(NURSE, r1.id)
            assert (got.room, got.notes) == ("P10", "Dị ứng penicillin")
            assert pc.services.residents.get(NURSE, r2.id).next_of_kin_phone == "0922222222"
        # the collision is one conflict, in both PCs' inboxes
        inbox1 = SyncService(pc1.store).conflicts(NURSE)
        inbox2 = SyncService(pc2.store).conflicts(NURSE)
        assert [(c.row_id, c.field) for c in inbox1] == [(r2.id, "next_of_kin_phone")]
        assert [c.id for c in inbox2] == [inbox1[0].id]
        # each side sees its own value as "mine"
        assert (inbox1[0].mine, inbox1[0].theirs, inbox1[0].mine_is_current) == ("0911111111", "0922222222", False)
        assert (inbox2[0].mine, inbox2[0].theirs, inbox2[0].mine_is_current) == ("0922222222", "0911111111", True)
    finally:
        pc1.close()
        pc2.close()


def test_a_conflict_resolved_on_one_pc_closes_everywhere(server, tmp_path):
    rng = random.Random(3)
    pc1, pc2, (r1, _) = _two_pcs(tmp_path, server, rng)
    try:
        edit(pc1, r1.id, room="P1")
        time.sleep(0.01)
        edit(pc2, r1.id, room="P2")
        converge(pc1, pc2)
        [conflict] = SyncService(pc1.store).conflicts(NURSE)
        assert pc1.services.residents.get(NURSE, r1.id).room == "P2"
        # pc1's nurse keeps her own value, offline: the record shows it at once
        resolved = SyncService(pc1.store).resolve(NURSE, conflict.id, "mine")
        assert resolved.chosen == "mine" and resolved.resolved_by == NURSE.username
        assert pc1.services.residents.get(NURSE, r1.id).room == "P1"
        assert SyncService(pc1.store).conflicts(NURSE) == []
        converge(pc1, pc2)
        assert_same(server, pc1, pc2)
        assert pc2.services.residents.get(NURSE, r1.id).room == "P1"
        assert SyncService(pc2.store).conflicts(NURSE) == []
        with server.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM conflicts WHERE resolved = false")).scalar() == 0
    finally:
        pc1.close()
        pc2.close()


def test_an_edit_meets_a_deletion_made_elsewhere(sqlite_server, tmp_path):
    """pc1 deletes a record (a tombstone) while pc2 edits it: the record stays
    deleted everywhere, nothing is resurrected silently, the edit waits in
    the conflict inbox; keeping it restores the record on every PC."""
    server = sqlite_server
    rng = random.Random(21)
    pc1, pc2, (r1, _) = _two_pcs(tmp_path, server, rng)
    try:
        with pc1.store.write(SYSTEM, "delete-resident") as w:
            w.tombstone(residents, r1.id)
        edit(pc2, r1.id, room="P-sửa")
        converge(pc1, pc2)
        # the room's history row of the edit is refused (its resident is deleted): parked on pc2, not lost
        [parked] = SyncService(pc2.store).parked(NURSE)
        assert parked.table == "room_changes"
        assert_same(server, pc1, pc2, skip={("room_changes", parked.row_id)})
        for pc in (pc1, pc2):
            assert r1.id not in {r.id for r in pc.services.residents.list(NURSE)}
        assert pc2.rows()["residents"][r1.id]["room"] == r1.room  # the edit did not stick to the tombstone
        [conflict] = SyncService(pc2.store).conflicts(NURSE)
        assert (conflict.field, conflict.mine, conflict.theirs) == ("room", "P-sửa", r1.room)
        SyncService(pc2.store).resolve(NURSE, conflict.id, "mine")
        converge(pc1, pc2)
        # the history row refused earlier stays parked (listed for a person), not lost
        assert [x.row_id for x in SyncService(pc2.store).parked(NURSE)] == [parked.row_id]
        assert_same(server, pc1, pc2, skip={("room_changes", parked.row_id)})
        for pc in (pc1, pc2):
            assert pc.services.residents.get(NURSE, r1.id).room == "P-sửa"
        assert SyncService(pc1.store).conflicts(NURSE) == []
    finally:
        pc1.close()
        pc2.close()


def test_two_pcs_admitting_offline_make_different_codes(server, tmp_path):
    """The facility's first PC numbers DT-00001 ...; a PC that joins takes its
    device number from the server (DT2-00001 ...): no code is made twice."""
    rng = random.Random(5)
    pc1 = first_pc(tmp_path, server)
    assert pc1.sync().complete
    pc2 = joined_pc(tmp_path, server)
    try:
        a = admit(pc1, rng, code="")  # the service numbers them, offline
        b = admit(pc2, rng, code="")
        assert a.code == "DT-00001"
        assert b.code == "DT2-00001"  # the first PC enrolled as device 1
        converge(pc1, pc2)
        assert_same(server, pc1, pc2)
        for pc in (pc1, pc2):
            assert sorted(r.code for r in pc.services.residents.list(NURSE)) == ["DT-00001", "DT2-00001"]
        # each PC goes on in its own series after the sync
        assert admit(pc2, rng, code="").code == "DT2-00002"
        assert admit(pc1, rng, code="").code == "DT-00002"
    finally:
        pc2.close()
        pc1.close()


def test_a_pc_takes_the_servers_version_of_the_rows_it_wrote(sqlite_server, tmp_path):
    """Pulls leave out a PC's own changes: the push answer's version is what
    brings its version column to the server's."""
    server = sqlite_server
    rng = random.Random(9)
    pc1 = first_pc(tmp_path, server)
    try:
        r = admit(pc1, rng)
        assert pc1.sync().complete
        with server.engine.begin() as conn:  # the server's count moved on (as after writes this PC saw no echo of)
            conn.execute(sa.text("UPDATE records SET version = version + 5 WHERE row_id = :r"), {"r": r.id})
        edit(pc1, r.id, room="P42")
        assert pc1.services.residents.get(NURSE, r.id).version == 2  # local count, before the push
        assert pc1.sync().complete
        assert pc1.services.residents.get(NURSE, r.id).version == 7 == server.rows()["residents"][r.id]["version"]
        edit(pc1, r.id, room="P43")  # the next edit builds on it
        assert pc1.services.residents.get(NURSE, r.id).version == 8
        assert pc1.sync().complete
        assert_same(server, pc1)
    finally:
        pc1.close()


def test_versions_count_the_changes_still_waiting_even_those_made_during_the_push(sqlite_server, tmp_path):
    """One change per batch: after each answer the row's version is the
    server's plus what still waits here, including an edit the nurse saved
    while the push was running."""
    server = sqlite_server
    rng = random.Random(11)
    pc1 = first_pc(tmp_path, server)
    try:
        r = admit(pc1, rng)
        assert pc1.sync().complete
        with server.engine.begin() as conn:  # the server's count is ahead (version 6)
            conn.execute(sa.text("UPDATE records SET version = version + 5 WHERE row_id = :r"), {"r": r.id})
        edit(pc1, r.id, room="P1")
        edit(pc1, r.id, notes="hai")
        seen = []

        def progress(step):
            if step.phase != "push":
                return
            seen.append(pc1.services.residents.get(NURSE, r.id).version)
            if len(seen) == 1:
                edit(pc1, r.id, next_of_kin_phone="0912000111")  # saved while the push runs

        report = pc1.sync(max_changes=1, window=1, progress=progress)
        assert report.complete, report.error
        # 7 + 1 waiting; then 8 + the edit made meanwhile; the room's history row (a batch of its
        # own, the resident unchanged); then 9
        assert seen == [8, 9, 9, 9]
        assert pc1.services.residents.get(NURSE, r.id).version == 9 == server.rows()["residents"][r.id]["version"]
    finally:
        pc1.close()
