"""Shared fixtures: real SQLCipher stores in temp folders, real services."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from care_core.domain.entities import Actor, Facility  # noqa: E402
from care_core.domain.enums import FacilityType, Role  # noqa: E402
from facility_app.services.container import Services  # noqa: E402
from facility_app.storage.store import Store  # noqa: E402

PASSPHRASE = "test passphrase 2026"
TODAY = date(2026, 11, 20)
SYSTEM = Actor("facility-admin", Role.SYSTEM)
NURSE = Actor("nurse1", Role.NURSE)
DOCTOR = Actor("doctor1", Role.DOCTOR)
DIRECTOR = Actor("director1", Role.DIRECTOR)
ADMIN = Actor("admin1", Role.ADMIN)


def make_services(data_dir: Path, facility_type=FacilityType.SOCIAL_ASSISTANCE) -> Services:
    store = Store.create(data_dir, PASSPHRASE)
    services = Services(store, today=lambda: TODAY)
    services.facility.initialise(SYSTEM, Facility(
        "TTBTXH-LS", "Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn", facility_type, province_code=20))
    return services


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def services(data_dir):
    s = make_services(data_dir)
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _ui_language_back_to_default():
    """A test that switched the UI to English leaves the next one in
    Vietnamese, the default: the vocabulary's labels follow the UI language."""
    yield
    import sys

    i18n = sys.modules.get("facility_app.ui.i18n")
    if i18n is not None:
        i18n._current = i18n.DEFAULT
