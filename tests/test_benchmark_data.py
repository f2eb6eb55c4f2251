"""The stores the benchmarks build are built through the services as they
stand: a benchmark whose data builder no longer runs (an entity that changed
its signature) is found here, not after minutes of a benchmark run."""
from __future__ import annotations

import random

from benchmarks import ui_data
from facility_app.services.container import Services
from facility_app.storage.store import Store
from tests.conftest import SYSTEM


def test_the_ui_benchmarks_store_builds_with_its_ten_year_record(tmp_path):
    facts = ui_data.build(tmp_path / "ui", residents=15, seed=3, log=lambda *a: None)
    services = Services(Store.open(tmp_path / "ui", ui_data.PASSPHRASE))
    try:
        timeline = services.clinical.timeline(SYSTEM, facts["long_stay_id"])
        assert timeline.resident.full_name == ui_data.LONG_STAY_NAME
        assert len(timeline.checkups) >= 120  # monthly for ten years
        assert all(c.vitals.systolic and c.vitals.glucose for c in timeline.checkups)
        assert len(services.residents.list(SYSTEM)) == 16
    finally:
        services.close()


def test_the_ui_benchmarks_plain_residents_carry_their_vital_signs(tmp_path):
    store = Store.create(tmp_path / "plain", ui_data.PASSPHRASE)
    services = Services(store, today=lambda: ui_data.TODAY)
    try:
        from care_core.domain.entities import Facility
        from care_core.domain.enums import FacilityType
        services.facility.initialise(SYSTEM, Facility("TT-TEST", "Trung tâm thử", FacilityType.SOCIAL_ASSISTANCE,
                                                      province_code=20))
        ui_data._plain_residents(services, 5, random.Random(1))
        people = services.residents.list(SYSTEM)
        assert len(people) == 5
        checkups = [c for p in people for c in services.clinical.timeline(SYSTEM, p.id).checkups]
        assert checkups and all(c.vitals.systolic and c.vitals.spo2 == 97 for c in checkups)
    finally:
        services.close()
