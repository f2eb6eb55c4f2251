"""Two PCs of one facility work offline and sync through a real server
(real HTTP on 127.0.0.1, SQLite and PostgreSQL): every copy ends equal."""
from __future__ import annotations

import random

from tests.sync_fixtures import NURSE, admit, assert_same, checkup, converge, edit, first_pc, joined_pc
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
