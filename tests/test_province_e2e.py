"""End to end: three real facility stores (SQLCipher, the desktop's own
services) of three types sync to one real server, and the province's
totals equal the sum of the three facilities' own periodic reports for the
same finished period; each governing body's officer sees its facility
only."""
from __future__ import annotations

import random
from datetime import timedelta

import pytest
import requests

from care_core.domain.entities import Checkup, Facility, Resident, VitalSigns
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, FacilityType, Sex
from care_core.domain.periods import quarter
from facility_app.services.container import Services
from facility_app.services.reports import ReportService
from facility_app.storage.store import Store
from facility_app.sync import setup
from facility_app.sync.engine import sync_once
from provincial_server import admin
from provincial_server.db import write_conn
from provincial_server.province import add_up
from provincial_server.indicators import summary
from tests.conftest import DIRECTOR, NURSE, PASSPHRASE, SYSTEM, TODAY
from tests.server_fixtures import BACKENDS, server_for

PASSWORD = "mat khau can bo"
FACILITIES = {"TTNCC-LS": FacilityType.MERIT_CARE, "TTBTXH-LS": FacilityType.SOCIAL_ASSISTANCE,
              "CSCN-LS": FacilityType.DRUG_REHAB}
PERIOD = quarter(2026, 3)  # finished for the PCs' clock (20/11/2026) and the server's
FAST = {"read_timeout": 5.0, "connect_timeout": 2.0, "retries": 1, "pause": lambda s: None}


@pytest.fixture(scope="module", params=BACKENDS)
def server(request, tmp_path_factory):
    s = server_for(request, tmp_path_factory, "e2e_province")
    with write_conn(s.engine) as conn, conn.begin():
        admin.add_officer(conn, "so.tinh", PASSWORD)
        for body in ("noi-vu", "y-te", "cong-an"):
            admin.add_officer(conn, f"can.bo.{body.replace('-', '')}", PASSWORD, governs=body)
    return s


@pytest.fixture(scope="module")
def stores(server, tmp_path_factory):
    rng = random.Random(30)
    out = {}
    for code, kind in FACILITIES.items():
        services = Services(Store.create(tmp_path_factory.mktemp(code) / "data", PASSPHRASE), today=lambda: TODAY)
        services.facility.initialise(SYSTEM, Facility(code, f"Cơ sở {code}", kind, province_code=20,
                                                      provincial_target_2025=0.9, provincial_target_2030=1.0))
        server.add_facility(code, f"Cơ sở {code}")
        with write_conn(server.engine) as conn, conn.begin():
            _, enrolment, _ = admin.enrol_device(conn, code, "PC-1", "officer")
        setup.enrol(services.store, server.url, enrolment)
        group = {FacilityType.MERIT_CARE: BeneficiaryGroup.MERIT, FacilityType.DRUG_REHAB: BeneficiaryGroup.DRUG_USER}
        for i in range(rng.randrange(5, 9)):
            admitted = TODAY - timedelta(days=rng.randrange(20, 400))
            resident = services.residents.admit(NURSE, Resident(
                f"Nguyễn Văn {chr(65 + i)}", rng.choice(list(Sex)), admitted.replace(year=1950 + i), admitted,
                [group.get(kind, BeneficiaryGroup.ELDERLY)]))
            for _ in range(rng.randrange(0, 3)):
                day = admitted + timedelta(days=rng.randrange(max(1, (TODAY - admitted).days)))
                services.clinical.record_checkup(NURSE, Checkup(resident.id, day, CheckupKind.PERIODIC,
                                                                VitalSigns(systolic=120, diastolic=80, pulse=70), examiner="BS Lan"))
        report = sync_once(services.store, **FAST)
        assert report.error is None and report.complete, report.error
        out[code] = services
    yield out
    for services in out.values():
        services.close()


def test_province_totals_equal_the_sum_of_the_facilities_own_reports(server, stores):
    own = {code: summary(ReportService.of(s).periodic(DIRECTOR, PERIOD, output="preview").indicators)
           for code, s in stores.items()}
    r = requests.get(f"{server.url}/v1/dashboard", params={"period": PERIOD.key()}, auth=("so.tinh", PASSWORD),
                     timeout=60)
    assert r.status_code == 200, r.text
    dash = r.json()
    assert dash["totals"] == add_up(list(own.values()))
    assert dash["totals"]["residents_in_care"] == sum(x["residents_in_care"] for x in own.values()) > 0
    # the governing bodies the desktop filled in by default, read back by the server
    assert dash["by_body"] == {"noi-vu": add_up([own["TTNCC-LS"]]), "y-te": add_up([own["TTBTXH-LS"]]),
                               "cong-an": add_up([own["CSCN-LS"]])}
    assert dash["targets"]["province_2025"] == 0.9
    # the trend's last quarter is the period itself: the same shares as the totals
    last = dash["trend"][-1]
    assert last["key"] == "2026-Q3" and len(dash["trend"]) == 6
    assert last["tracked"] == dash["totals"]["tracked_electronically"]
    assert last["checkup_coverage_12_months"] == dash["totals"]["checkup_coverage_12_months"]


@pytest.mark.parametrize("officer,code", [("can.bo.noivu", "TTNCC-LS"), ("can.bo.yte", "TTBTXH-LS"),
                                          ("can.bo.congan", "CSCN-LS")])
def test_each_governing_body_sees_its_facility_only(server, stores, officer, code):
    r = requests.get(f"{server.url}/v1/dashboard", auth=(officer, PASSWORD), timeout=60)
    assert [f["code"] for f in r.json()["facilities"]] == [code]
    for other in set(FACILITIES) - {code}:
        assert requests.get(f"{server.url}/facilities/{other}", auth=(officer, PASSWORD),
                            timeout=30).status_code == 403
