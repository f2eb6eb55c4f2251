"""The province's figures: officer login, JSON and the Vietnamese page,
computed from synced rows with the client's own indicator definitions."""
from __future__ import annotations

import uuid
from datetime import date

import pytest
import requests

from care_core.domain import indicators as ind
from care_core.domain.entities import Checkup, Condition, Referral, RehabSession, Resident, VitalSigns
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, HealthClass, RehabType, Sex
from care_core.domain.periods import year
from provincial_server import admin
from provincial_server.db import write_conn
from provincial_server.entities import today_in_vietnam
from tests.server_fixtures import BACKENDS, FakePC, checkup_fields, resident_fields, server_for

PASSWORD = "mat khau can bo"


@pytest.fixture(scope="module", params=BACKENDS)
def server(request, tmp_path_factory):
    s = server_for(request, tmp_path_factory, "figures")
    with write_conn(s.engine) as conn, conn.begin():
        admin.add_officer(conn, "canbo.so", PASSWORD)
    return s


@pytest.fixture(scope="module")
def synced(server):
    """One facility's PC pushes residents and clinical records."""
    code = server.add_facility("TTBTXH-HN", "Trung tâm Bảo trợ xã hội Hà Nội")
    pc = FakePC.enrol(server, code)
    day = today_in_vietnam().replace(day=1).isoformat()
    r1, r2, r3, gone = (str(uuid.uuid4()) for _ in range(4))
    pc.change("residents", r1, "insert", resident_fields("Nguyễn Văn An", bhyt_number="CC1010123456789",
                                                         bhyt_valid_to="2099-12-31"))
    pc.change("residents", r2, "insert", resident_fields("Trần Thị Bình", sex="F"))
    pc.change("residents", r3, "insert", resident_fields("Lê Văn Cường", admission_date=day))
    pc.change("residents", gone, "insert", resident_fields("Phạm Văn Dũng"))
    pc.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(r1, checkup_date=day))
    pc.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(r2, checkup_date=day, kind="ad-hoc",
                                                                       classification=3))
    pc.change("conditions", str(uuid.uuid4()), "insert", {"resident_id": r1, "icd10": "I10", "status": "active",
                                                          "note": ""})
    pc.change("rehab_sessions", str(uuid.uuid4()), "insert", {
        "resident_id": r2, "session_date": day, "rehab_type": "physiotherapy", "minutes": 45, "therapist": "",
        "note": "", "voided": False})
    pc.change("referrals", str(uuid.uuid4()), "insert", {
        "resident_id": r3, "referral_date": day, "hospital": "Bệnh viện Bạch Mai", "reason": "Đau ngực",
        "outcome": "pending", "outcome_note": ""})
    pc.change("residents", gone, "delete", {"deleted": True}, 1)
    assert {r.status for r in pc.push().results} == {"applied"}
    return code, date.fromisoformat(day), (r1, r2, r3)


def _login_session(server) -> requests.Session:
    s = requests.Session()
    r = s.post(f"{server.url}/login", data={"username": "canbo.so", "password": PASSWORD},
               allow_redirects=False, timeout=10)
    assert r.status_code == 303 and r.headers["location"] == "/indicators"
    return s


def test_indicators_need_an_officer_login(server, synced):
    r = requests.get(f"{server.url}/v1/indicators", timeout=10)
    assert r.status_code == 401 and r.json()["error"] == "login-required"
    r = requests.get(f"{server.url}/v1/indicators", auth=("canbo.so", "sai mat khau"), timeout=10)
    assert r.status_code == 401
    r = requests.get(f"{server.url}/indicators", allow_redirects=False, timeout=10)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    r = requests.post(f"{server.url}/login", data={"username": "canbo.so", "password": "x"}, timeout=10)
    assert r.status_code == 401 and "không đúng" in r.text
    # a device token is not an officer's login
    pc = FakePC.enrol(server, synced[0])
    assert pc.http.get(f"{server.url}/v1/indicators", timeout=10).status_code == 401


def test_figures_match_the_client_definitions(server, synced):
    code, day, (r1, r2, r3) = synced
    r = requests.get(f"{server.url}/v1/indicators", auth=("canbo.so", PASSWORD), timeout=30)
    assert r.status_code == 200, r.text
    figures = {f["code"]: f for f in r.json()["facilities"]}[code]
    # the same records as domain entities, computed by the client's module
    residents = [
        Resident("Nguyễn Văn An", Sex.MALE, date(1950, 3, 4), date(2024, 1, 10), [BeneficiaryGroup.ELDERLY],
                 bhyt_number="CC1010123456789", bhyt_valid_to=date(2099, 12, 31), id=r1),
        Resident("Trần Thị Bình", Sex.FEMALE, date(1950, 3, 4), date(2024, 1, 10), [BeneficiaryGroup.ELDERLY], id=r2),
        Resident("Lê Văn Cường", Sex.MALE, date(1950, 3, 4), day, [BeneficiaryGroup.ELDERLY], id=r3),
    ]
    checkups = [Checkup(r1, day, CheckupKind.PERIODIC, VitalSigns(systolic=130, diastolic=80, pulse=76), classification=HealthClass.II),
                Checkup(r2, day, CheckupKind.AD_HOC, VitalSigns(systolic=130, diastolic=80, pulse=76), classification=HealthClass.III)]
    as_of = today_in_vietnam()
    expected = ind.compute(year(as_of.year), as_of, residents, checkups, [Condition(r1, "I10")],
                           [RehabSession(r2, day, RehabType.PHYSIOTHERAPY, 45)],
                           [Referral(r3, day, "Bệnh viện Bạch Mai", "Đau ngực")])
    assert figures["residents_in_care"] == expected.census.total.at_end == 3  # the deleted one is left out
    assert figures["tracked_electronically"]["numerator"] == expected.tracking.share.numerator == 2
    assert figures["tracked_electronically"]["denominator"] == 3
    assert figures["checkup_coverage_period"]["numerator"] == expected.checkups.in_period.numerator == 1
    assert figures["chronic"]["residents_with_condition"] == 1
    assert figures["rehab"] == {"residents": 1, "sessions": 1, "hours": 0.8}
    assert figures["referrals"]["count"] == 1 and figures["referrals"]["still_open"] == 1
    assert figures["insurance_valid"]["numerator"] == 1
    # people and stays: no stay rows were sent, each resident reads as one implied stay
    st = expected.stays
    assert figures["stays"] == {"people": st.people, "stays": st.stays, "admitted": st.admitted,
                                "discharged": st.discharged, "bed_days": st.bed_days, "ended_stay_days": 0}
    assert (st.people, st.stays) == (3, 3)


def test_html_page_in_vietnamese_after_form_login(server, synced):
    s = _login_session(server)
    r = s.get(f"{server.url}/indicators", timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Trung tâm Bảo trợ xã hội Hà Nội" in r.text
    assert "Được quản lý, theo dõi bằng hồ sơ điện tử" in r.text and "66,7% <small>(2/3)</small>" in r.text
    assert f"Năm {today_in_vietnam().year}" in r.text
    assert "Lượt lưu trú trong kỳ" in r.text
    bad = s.get(f"{server.url}/indicators", params={"period": "năm ngoái"}, timeout=10)
    assert bad.status_code == 422
    r = s.get(f"{server.url}/v1/indicators", params={"period": f"{today_in_vietnam().year}-Q1"}, timeout=30)
    assert r.status_code == 200 and r.json()["period"]["title_vi"].startswith("Quý I")
