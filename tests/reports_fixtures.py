"""A small facility with known figures, built through the services (real
SQLCipher store, permission checks, validation, audit), for the report tests.

The names carry every Vietnamese tone mark (ngang, sắc, huyền, hỏi, ngã,
nặng) and the letters ă â đ ê ô ơ ư. The expected figures are worked out by
hand in tests/test_reports.py from the table below, not by the code under
test.

code  name                   sex born        admitted    left (reason)              groups
A     Nguyễn Thị Ngọc Ánh    F   02/03/1940  01/05/2020  -                          NCT
B     Đặng Hữu Quỳnh         M   02/03/1955  01/02/2026  -                          NCC, NKT
C     Phạm Thị Hằng          F   05/05/2012  10/07/2026  01/09/2026 returned home   TE
D     Trương Văn Tuấn        M   01/09/1946  01/01/2018  20/08/2026 deceased        NCC   (no checkups)
E     Võ Thị Nguyệt          F   01/06/1945  01/01/2015  30/06/2026 transferred     NCT
F     Hoàng Văn Hải          M   12/12/1990  01/01/2024  -                          BTXH
G     Đỗ Thị Lụa             F   01/01/1938  15/10/2026  -                          NCT
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from care_core.domain.entities import Checkup, Condition, Referral, RehabSession, Resident, VitalSigns
from care_core.domain.enums import (
    BeneficiaryGroup as G,
    CheckupKind as K,
    ConditionStatus as CS,
    DisabilitySeverity,
    DisabilityType,
    DischargeReason,
    HealthClass as H,
    ReferralOutcome,
    RehabType as R,
    Sex,
)
from tests.conftest import DIRECTOR, DOCTOR, NURSE, make_services

DIRECTOR_NAME = "Nông Văn Dũng"
RECIPIENT = "Sở Y tế tỉnh Lạng Sơn"
HOSPITAL = "Bệnh viện Đa khoa tỉnh Lạng Sơn"

PEOPLE = {
    "A": dict(full_name="Nguyễn Thị Ngọc Ánh", sex=Sex.FEMALE, birth_date=date(1940, 3, 2),
              admission_date=date(2020, 5, 1), groups=[G.ELDERLY], bhyt_number="HT2202012345678",
              bhyt_valid_from=date(2026, 1, 1), bhyt_valid_to=date(2026, 12, 31), room="A101"),
    "B": dict(full_name="Đặng Hữu Quỳnh", sex=Sex.MALE, birth_date=date(1955, 3, 2),
              admission_date=date(2026, 2, 1), groups=[G.MERIT, G.DISABILITY],
              disability_type=DisabilityType.MOBILITY, disability_severity=DisabilitySeverity.SEVERE,
              bhyt_number="CC1200012345678", bhyt_valid_from=date(2025, 7, 1), bhyt_valid_to=date(2026, 6, 30)),
    "C": dict(full_name="Phạm Thị Hằng", sex=Sex.FEMALE, birth_date=date(2012, 5, 5),
              admission_date=date(2026, 7, 10), groups=[G.CHILD]),
    "D": dict(full_name="Trương Văn Tuấn", sex=Sex.MALE, birth_date=date(1946, 9, 1),
              admission_date=date(2018, 1, 1), groups=[G.MERIT], bhyt_number="CC1200012345679",
              bhyt_valid_to=date(2027, 12, 31)),
    "E": dict(full_name="Võ Thị Nguyệt", sex=Sex.FEMALE, birth_date=date(1945, 6, 1),
              admission_date=date(2015, 1, 1), groups=[G.ELDERLY]),
    "F": dict(full_name="Hoàng Văn Hải", sex=Sex.MALE, birth_date=date(1990, 12, 12),
              admission_date=date(2024, 1, 1), groups=[G.SOCIAL_ASSISTANCE], bhyt_number="0123456789"),
    "G": dict(full_name="Đỗ Thị Lụa", sex=Sex.FEMALE, birth_date=date(1938, 1, 1),
              admission_date=date(2026, 10, 15), groups=[G.ELDERLY]),
}
DISCHARGES = {
    "C": (date(2026, 9, 1), DischargeReason.RETURNED_HOME),
    "D": (date(2026, 8, 20), DischargeReason.DECEASED),
    "E": (date(2026, 6, 30), DischargeReason.TRANSFERRED),
}


def build(services) -> dict[str, Resident]:
    f = services.facility.get()
    services.facility.update(DIRECTOR, {
        "report_symbol": "BC-TTBTXH", "director_name": DIRECTOR_NAME, "report_recipient": RECIPIENT,
        "provincial_target_2025": 0.3, "provincial_target_2030": 0.7}, f.version)
    rs = {k: services.residents.admit(NURSE, Resident(**v)) for k, v in PEOPLE.items()}
    A, B, C, D, E, F, G_ = (rs[k].id for k in "ABCDEFG")
    clin = services.clinical

    # checkups
    wrong = clin.record_checkup(NURSE, Checkup(A, date(2026, 8, 10), K.PERIODIC, VitalSigns(systolic=150, diastolic=90, pulse=80, temperature=36.8, spo2=97, respiratory_rate=18, weight_kg=52.0, height_cm=150.0, glucose=7.2),
                                               classification=H.IV, examiner="BS. Lý Thị Hoa"))
    clin.correct_checkup(NURSE, wrong.id, Checkup(A, date(2026, 8, 10), K.PERIODIC,
                                                  VitalSigns(systolic=150, diastolic=90, pulse=80, temperature=36.8, spo2=97, respiratory_rate=18, weight_kg=52.0, height_cm=150.0, glucose=7.2),
                                                  classification=H.III, examiner="BS. Lý Thị Hoa",
                                                  findings="Tăng huyết áp, tiếp tục điều trị"))
    clin.record_checkup(NURSE, Checkup(A, date(2025, 9, 1), K.PERIODIC, VitalSigns(systolic=140, diastolic=85, pulse=78, temperature=36.6, spo2=98, respiratory_rate=18, weight_kg=53.5, height_cm=150.0, glucose=6.8),
                                       classification=H.II))
    clin.record_checkup(NURSE, Checkup(A, date(2024, 9, 3), K.PERIODIC, VitalSigns(systolic=135, diastolic=80, pulse=76, temperature=36.7, spo2=98, respiratory_rate=18, weight_kg=54.0, height_cm=150.0, glucose=6.1),
                                       classification=H.II))
    clin.record_checkup(NURSE, Checkup(B, date(2026, 2, 1), K.ADMISSION, VitalSigns(systolic=130, diastolic=80, pulse=72, temperature=36.5, spo2=98, respiratory_rate=16, weight_kg=60.0, height_cm=165.0, glucose=8.5),
                                       classification=H.IV))
    clin.record_checkup(NURSE, Checkup(C, date(2026, 7, 10), K.ADMISSION, VitalSigns(systolic=105, diastolic=65, pulse=90, temperature=36.9, spo2=99, respiratory_rate=20, weight_kg=38.0, height_cm=148.0),
                                       classification=H.II))
    clin.record_checkup(NURSE, Checkup(E, date(2026, 5, 1), K.PERIODIC, classification=H.III))
    clin.record_checkup(NURSE, Checkup(F, date(2025, 8, 1), K.PERIODIC, classification=H.I))
    mistaken = clin.record_checkup(NURSE, Checkup(F, date(2026, 8, 5), K.PERIODIC, classification=H.II))
    clin.void_checkup(NURSE, mistaken.id, "Nhập nhầm đối tượng")

    # chronic conditions
    clin.add_condition(DOCTOR, Condition(A, "I10", date(2019, 1, 1), CS.CONTROLLED, 90))
    clin.add_condition(DOCTOR, Condition(B, "I10", date(2026, 8, 1), CS.ACTIVE, 30))
    clin.add_condition(DOCTOR, Condition(B, "E11.9", date(2026, 3, 1), CS.CONTROLLED, 90))
    clin.add_condition(DOCTOR, Condition(D, "J44", date(2020, 1, 1), CS.RESOLVED))
    clin.add_condition(DOCTOR, Condition(F, "F20", date(2010, 1, 1), CS.ACTIVE, 30))
    clin.add_condition(DOCTOR, Condition(C, "G40", date(2026, 10, 5), CS.ACTIVE))
    clin.add_condition(DOCTOR, Condition(G_, "I10", date(2015, 1, 1), CS.ACTIVE))

    # rehabilitation
    clin.record_rehab(NURSE, RehabSession(B, date(2026, 7, 5), R.PHYSIOTHERAPY, 45, "KTV Bế Văn Đức", barthel=50))
    clin.record_rehab(NURSE, RehabSession(B, date(2026, 9, 20), R.PHYSIOTHERAPY, 75, barthel=65))
    clin.record_rehab(NURSE, RehabSession(B, date(2026, 8, 1), R.OCCUPATIONAL, 30))
    clin.record_rehab(NURSE, RehabSession(A, date(2026, 8, 1), R.PHYSIOTHERAPY, 30, barthel=40))
    typo = clin.record_rehab(NURSE, RehabSession(A, date(2026, 9, 1), R.PHYSIOTHERAPY, 20, barthel=40))
    clin.correct_rehab(NURSE, typo.id, RehabSession(A, date(2026, 9, 1), R.PHYSIOTHERAPY, 30, barthel=40))
    clin.record_rehab(NURSE, RehabSession(C, date(2026, 7, 15), R.PSYCHOLOGICAL, 90, barthel=90))
    clin.record_rehab(NURSE, RehabSession(F, date(2026, 6, 15), R.SPEECH, 30))

    # referrals
    back = clin.open_referral(NURSE, Referral(A, date(2026, 7, 20), HOSPITAL, "Cơn tăng huyết áp", "I10"))
    clin.close_referral(NURSE, back.id, ReferralOutcome.RETURNED, date(2026, 7, 25), "Ổn định", back.version)
    clin.open_referral(NURSE, Referral(B, date(2026, 8, 15), HOSPITAL, "Đau ngực", "I20"))
    clin.open_referral(NURSE, Referral(D, date(2026, 5, 10), "Bệnh viện Phổi tỉnh Lạng Sơn", "Khó thở", "J44"))

    for key, (day, reason) in DISCHARGES.items():
        current = services.residents.get(NURSE, rs[key].id)
        rs[key] = services.residents.discharge(DOCTOR, current.id, day, reason, current.version)
    return rs


def make_fixture_store(data_dir: Path):
    services = make_services(data_dir)
    return services, build(services)


def pdftotext_page(path: Path, page: int, layout: bool = True) -> str:
    """One page of a PDF as poppler's ``pdftotext`` reads it (``-f``/``-l``)."""
    import subprocess
    args = ["pdftotext", "-f", str(page), "-l", str(page)] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=60).stdout


def page_count(path: Path) -> int:
    import pypdf
    return len(pypdf.PdfReader(path).pages)


def top_line(path: Path, page: int) -> str:
    """The first printed line of a page, as pdftotext lays it out."""
    return next((line.strip() for line in pdftotext_page(path, page).splitlines() if line.strip()), "")


def assert_decree30_page_numbers(path: Path) -> int:
    """Decree 30: page 1 carries no number; from page 2 the bare number is
    the first line, at the top centre. Returns the page count."""
    n = page_count(path)
    assert top_line(path, 1) != "1" and "Trang" not in pdftotext_page(path, 1)
    for i in range(2, n + 1):
        assert top_line(path, i) == str(i), (i, top_line(path, i))
        assert "Trang" not in pdftotext_page(path, i)
    return n
