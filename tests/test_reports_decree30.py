"""The periodic report's Decree 30/2020/NĐ-CP form, point by point, read
back from the PDF with poppler's ``pdftotext`` (page by page for the page
numbers): the governing body with its province, wrapped between words; the
number with its leading zero and the symbol; the place in the date line; the
legal basis quoted exactly and the province's plan; Nơi nhận; who signs;
the compiler's block only when asked for."""
from __future__ import annotations

import re
from datetime import date

import pytest

from care_core.domain import periods
from care_core.domain.entities import Facility
from care_core.domain.enums import FacilityType
from care_core.domain.messages import ValidationError
from facility_app.reports import run
from facility_app.reports.periodic import PeriodicOptions
from facility_app.services.container import Services
from facility_app.services.reports import ReportService
from facility_app.storage.store import Store
from tests.conftest import DIRECTOR, PASSPHRASE, SYSTEM, TODAY
from tests.reports_fixtures import (
    DIRECTOR_NAME,
    assert_decree30_page_numbers,
    make_fixture_store,
    pdftotext_page,
    page_count,
)

LEGAL_BASIS = ("Thực hiện Quyết định số 1942/QĐ-TTg ngày 18/11/2021 của Thủ tướng Chính phủ phê duyệt Chương trình "
               "nâng cao chất lượng bảo vệ, chăm sóc sức khỏe người có công với cách mạng, người cao tuổi, trẻ em, "
               "người khuyết tật và các đối tượng cần trợ giúp xã hội giai đoạn 2021-2030")


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def whole(path) -> str:
    return words(" ".join(pdftotext_page(path, i, layout=False) for i in range(1, page_count(path) + 1)))


@pytest.fixture(scope="module")
def fixture(tmp_path_factory):
    services, residents = make_fixture_store(tmp_path_factory.mktemp("decree") / "data")
    yield services
    services.close()


def _report(services, out, options=None, period="2026"):
    return run.periodic_report(ReportService.of(services), DIRECTOR, periods.parse_period(period), out,
                               options=options or PeriodicOptions())


def test_defaults_governing_body_with_province_number_and_signature(fixture, tmp_path):
    path = _report(fixture, tmp_path / "year.pdf", PeriodicOptions(number="5"))
    first = pdftotext_page(path, 1)
    text = whole(path)
    assert re.split(r"\s{2,}", first.splitlines()[0].strip())[0] == "SỞ Y TẾ TỈNH LẠNG SƠN"
    assert "Số: 05/BC-TTBTXH" in text and "Số: 5/" not in text
    assert "Lạng Sơn, ngày 20 tháng 11 năm 2026" in text
    assert LEGAL_BASIS + "; căn cứ hồ sơ sức khỏe điện tử của đơn vị" in text  # no plan set: none quoted
    assert "Nơi nhận: GIÁM ĐỐC - Sở Y tế tỉnh Lạng Sơn; - Lưu: VT, YT." in text
    # the director signs; no compiler's block, no hints an administrative report does not carry
    assert re.search(r"Nơi nhận:\s+GIÁM ĐỐC\s.*\s" + DIRECTOR_NAME + "$", text) and "KT." not in text
    assert "NGƯỜI LẬP BIỂU" not in text and "(Ký" not in text and "đóng dấu" not in text
    assert "Trang" not in text
    assert assert_decree30_page_numbers(path) >= 5


def test_settings_change_the_form(fixture, tmp_path):
    f = fixture.facility.get()
    f = fixture.facility.update(DIRECTOR, {
        "province_code": 31, "report_place": "Hải Phòng", "governing_body": "SỞ NỘI VỤ THÀNH PHỐ HẢI PHÒNG",
        "report_recipient": "Sở Nội vụ thành phố Hải Phòng; Ủy ban nhân dân thành phố Hải Phòng",
        "report_symbol": "BC-TTĐDNCC", "signature": "deputy", "deputy_name": "Hoàng Thị Mai",
        "plan_number": "125/KH-UBND", "plan_date": date(2022, 5, 20),
        "plan_issuer": "Ủy ban nhân dân thành phố Hải Phòng"}, f.version)
    try:
        path = _report(fixture, tmp_path / "hp.pdf", PeriodicOptions(number="12", prepared_by="Lý Thị Hoa"))
        lines = [line for line in pdftotext_page(path, 1).splitlines() if line.strip()]
        left = [re.split(r"\s{2,}", line.strip())[0] for line in lines[:2]]
        # wrapped between words, never inside the place name
        assert left == ["SỞ NỘI VỤ", "THÀNH PHỐ HẢI PHÒNG"]
        text = whole(path)
        assert "Số: 12/BC-TTĐDNCC" in text and "Hải Phòng, ngày 20 tháng 11 năm 2026" in text
        assert (LEGAL_BASIS + "; Kế hoạch số 125/KH-UBND ngày 20/05/2022 của Ủy ban nhân dân thành phố Hải Phòng; "
                "căn cứ hồ sơ sức khỏe điện tử") in text
        assert "- Sở Nội vụ thành phố Hải Phòng; - Ủy ban nhân dân thành phố Hải Phòng; - Lưu: VT, YT." in text
        # KT. GIÁM ĐỐC over PHÓ GIÁM ĐỐC, the deputy's name; the compiler's block because one was named
        assert re.search(r"KT\. GIÁM ĐỐC\s+PHÓ GIÁM ĐỐC", text)
        assert "Hoàng Thị Mai" in text and DIRECTOR_NAME not in text
        assert "NGƯỜI LẬP BIỂU" in text and "Lý Thị Hoa" in text
    finally:
        f = fixture.facility.get()
        fixture.facility.update(DIRECTOR, {"province_code": 20, "report_place": "Lạng Sơn", "governing_body": "",
                                           "report_recipient": "Sở Y tế tỉnh Lạng Sơn", "report_symbol": "BC-TTBTXH",
                                           "signature": "director", "deputy_name": "", "plan_number": "",
                                           "plan_date": None, "plan_issuer": ""}, f.version)


def test_a_store_with_the_old_bare_defaults_prints_the_province(fixture, tmp_path):
    """Releases before these settings stored 'SỞ Y TẾ' / 'Sở Y tế' without the province."""
    f = fixture.facility.get()
    fixture.facility.update(DIRECTOR, {"governing_body": "SỞ Y TẾ", "report_recipient": "Sở Y tế"}, f.version)
    try:
        path = _report(fixture, tmp_path / "old.pdf")
        assert re.split(r"\s{2,}", pdftotext_page(path, 1).splitlines()[0].strip())[0] == "SỞ Y TẾ TỈNH LẠNG SƠN"
        assert "- Sở Y tế tỉnh Lạng Sơn;" in whole(path)
    finally:
        f = fixture.facility.get()
        fixture.facility.update(DIRECTOR, {"governing_body": "", "report_recipient": "Sở Y tế tỉnh Lạng Sơn"},
                                f.version)


def test_referrals_in_a_past_period_are_worded_for_the_past(fixture, tmp_path):
    text = whole(_report(fixture, tmp_path / "q1.pdf", period="2026-Q1"))
    assert "hiện còn" not in text
    assert "đến cuối kỳ không còn lượt nào đang điều trị tại tuyến trên." in text
    current = whole(_report(fixture, tmp_path / "now.pdf", period="2026-Q4"))
    assert re.search(r"hiện còn \d+ lượt đang điều trị tại tuyến trên\.", current)


@pytest.mark.parametrize("kind, province, heading, recipient", [
    (FacilityType.DRUG_REHAB, 31, "CÔNG AN THÀNH PHỐ HẢI PHÒNG", "Công an thành phố Hải Phòng"),
    (FacilityType.MERIT_CARE, 31, "SỞ NỘI VỤ THÀNH PHỐ HẢI PHÒNG", "Sở Nội vụ thành phố Hải Phòng"),
    (FacilityType.SOCIAL_ASSISTANCE, 20, "SỞ Y TẾ TỈNH LẠNG SƠN", "Sở Y tế tỉnh Lạng Sơn"),
])
def test_defaults_by_facility_type_follow_the_2025_split(tmp_path, kind, province, heading, recipient):
    services = Services(Store.create(tmp_path / "data", PASSPHRASE), today=lambda: TODAY)
    try:
        f = services.facility.initialise(SYSTEM, Facility("CS-HP", "Cơ sở cai nghiện ma túy số 1", kind,
                                                         province_code=province))
        assert (f.governing_body, f.report_recipient, f.report_symbol) == (heading, recipient, "BC-CSCNMTS1")
    finally:
        services.close()


@pytest.mark.parametrize("changes, field", [
    ({"report_symbol": "12/BC"}, "report_symbol"),
    ({"signature": "chairman"}, "signature"),
    ({"plan_number": "kế hoạch 5"}, "plan_number"),
    ({"plan_issuer": "UBND tỉnh"}, "plan_number"),  # an issuer without the plan's number
    ({"deputy_name": "Hoàng Thị Mai " * 10}, "deputy_name"),  # longer than 100 characters
])
def test_bad_settings_are_refused_and_change_nothing(fixture, changes, field):
    before = fixture.facility.get()
    with pytest.raises(ValidationError) as caught:
        fixture.facility.update(DIRECTOR, changes, before.version)
    assert field in caught.value.fields()
    assert caught.value.message("vi") and caught.value.message("en") != caught.value.message("vi")
    assert fixture.facility.get() == before
