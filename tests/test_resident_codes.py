"""Resident codes: each PC numbers in its own series; a duplicate that
arrived by sync never blocks later edits."""
from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, Sex
from care_core.domain.messages import ValidationError
from facility_app.services.residents import CODE_PREFIX_KEY
from facility_app.storage import repositories as repo
from facility_app.storage.tables import residents

from .conftest import NURSE


def _resident(name="Lò Văn Páo", code=""):
    return Resident(name, Sex.MALE, date(1950, 5, 1), date(2024, 3, 1), [BeneficiaryGroup.ELDERLY], code=code)


def test_codes_follow_the_pcs_own_series(services):
    assert services.residents.admit(NURSE, _resident()).code == "DT-00001"
    assert services.residents.admit(NURSE, _resident("Lò Thị Xuân")).code == "DT-00002"
    with services.store.write(NURSE, "set-prefix") as w:  # what joining a facility as PC no. 3 stores
        repo.set_meta_value(w.conn, CODE_PREFIX_KEY, "DT3-")
    assert services.residents.admit(NURSE, _resident("Nông Văn Dìn")).code == "DT3-00001"
    assert services.residents.admit(NURSE, _resident("Hà Thị Mai")).code == "DT3-00002"


def test_a_code_duplicated_by_sync_does_not_block_edits(services):
    a = services.residents.admit(NURSE, _resident())
    b = services.residents.admit(NURSE, _resident("Lò Thị Xuân"))
    with services.store.engine.begin() as conn:  # as a pulled change from another PC would leave it
        conn.execute(sa.update(residents).where(residents.c.id == b.id).values(code=a.code))
    b = services.residents.get(NURSE, b.id)
    updated = services.residents.update(NURSE, b.id, {"room": "A-102"}, b.version)
    assert updated.room == "A-102" and updated.code == a.code
    services.residents.update(NURSE, a.id, {"code": "DT-00099"}, a.version)
    with pytest.raises(ValidationError) as refused:  # choosing a code in use is still refused
        services.residents.update(NURSE, b.id, {"code": "DT-00099"}, updated.version)
    assert "DT-00099" in refused.value.message("vi")
