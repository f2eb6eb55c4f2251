"""A checkup voided on two PCs offline (issue 12, point 9): the two voids
merge idempotently - both are kept as history with their reasons, the
checkup is void once, and no screen, count or report shows it twice or
still counts it. Real PCs, real HTTP, a real server, a real record screen."""
from __future__ import annotations

import random

import pytest
import sqlalchemy as sa

from care_core.domain.messages import ValidationError
from facility_app.storage import repositories as repo
from facility_app.storage.tables import checkups
from provincial_server.tables import conflicts
from tests.sync_fixtures import NURSE, admit, assert_same, checkup, converge, first_pc, joined_pc
from tests.sync_fixtures import sqlite_server  # noqa: F401 (fixture)
from tests.ui_record_fixtures import open_record


def _voids_of(pc, checkup_id: str) -> list[tuple[str, str]]:
    with pc.store.read() as conn:
        return sorted(conn.execute(sa.select(checkups.c.id, checkups.c.findings).where(
            checkups.c.supersedes_id == checkup_id, checkups.c.voided.is_(True))).all())


def test_two_pcs_void_the_same_checkup_one_effective_void_both_reasons_kept(qtbot, sqlite_server, tmp_path):
    server = sqlite_server
    rng = random.Random(9)
    pc1 = first_pc(tmp_path, server)
    person = admit(pc1, rng)
    wrong, kept = checkup(pc1, rng, person.id), checkup(pc1, rng, person.id)
    assert pc1.sync().complete
    pc2 = joined_pc(tmp_path, server)
    try:
        pc1.services.clinical.void_checkup(NURSE, wrong.id, "Nhập nhầm đối tượng")
        pc2.services.clinical.void_checkup(NURSE, wrong.id, "Trùng với lần khám khác")
        converge(pc1, pc2)
        assert_same(server, pc1, pc2)
        for pc in (pc1, pc2):
            # history: both voids, with their reasons, on every copy
            assert [reason for _, reason in _voids_of(pc, wrong.id)] == sorted(
                ["Nhập nhầm đối tượng", "Trùng với lần khám khác"])
            # effect: void once - the timeline, the report's checkups and the
            # history chain each hold the checkup as nothing more than voided
            assert [c.id for c in pc.services.clinical.checkups(NURSE, person.id)] == [kept.id]
            with pc.store.read() as conn:
                assert [c.id for c in repo.current_checkups(conn)] == [kept.id]
            # and it cannot be voided a third time, here or anywhere
            with pytest.raises(ValidationError) as again:
                pc.services.clinical.void_checkup(NURSE, wrong.id, "Lần nữa")
            assert "already corrected or voided" in again.value.message("en")
        with server.engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(conflicts)).scalar() == 0
        record = open_record(qtbot, pc2.services, person.id)
        record.tabs.setCurrentWidget(record.checkups)
        assert record.checkups.table.model().rowCount() == 1
    finally:
        pc1.close()
        pc2.close()
