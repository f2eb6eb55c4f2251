"""One vocabulary: a test walks the label table (care_core.domain.vocabulary)
and finds each coded value under the same name on the screens (the combo
boxes and check boxes a nurse picks from), in the periodic report's PDF and
the health book (read back with pdftotext), in the report's CSV and XLSX, and
in the residents export, which writes the name and the code in a column of
its own."""
from __future__ import annotations

import csv
import io
import re
import subprocess

import openpyxl
import pytest

from care_core.domain import periods, vocabulary
from care_core.domain.enums import (BeneficiaryGroup, CheckupKind, ConditionStatus, DisabilitySeverity, DisabilityType,
                                    DischargeReason, HealthClass, ReferralOutcome, RehabType, ScreeningResult, Sex)
from facility_app.reports import run
from facility_app.services.reports import ReportService
from facility_app.ui import i18n
from tests.conftest import ADMIN, DIRECTOR, DOCTOR
from tests.reports_fixtures import make_fixture_store


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True, timeout=60)
    return re.sub(r"\s+", " ", out.stdout)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    services, residents = make_fixture_store(tmp_path_factory.mktemp("vocab") / "data")
    out = tmp_path_factory.mktemp("vocab-out")
    reports = ReportService.of(services)
    year = periods.parse_period("2026")
    files = {fmt: run.periodic_report(reports, DIRECTOR, year, out / f"year.{fmt}") for fmt in ("pdf", "csv", "xlsx")}
    books = [run.health_book_pdf(reports, DOCTOR, residents[k].code, out / f"{k}.pdf") for k in "ABD"]
    for lang in ("vi", "en"):
        services.exports.residents_csv(ADMIN, out / f"residents-{lang}.csv", lang)
    yield services, residents, files, books, out
    services.close()


def test_the_table_names_every_value_once_in_each_language():
    for kind, names in vocabulary.LABELS.items():
        assert set(names) == set(kind), kind
        for lang in (0, 1):
            values = [pair[lang] for pair in names.values()]
            assert all(v.strip() for v in values) and len(set(values)) == len(values), (kind, lang)


def _combo_items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i) != "— chọn —"
            and not combo.itemText(i).startswith("—")]


def screens(services, resident, lang: str) -> dict[type, list[str]]:
    """The names the record screens offer, built as a nurse opens them."""
    from facility_app.ui.record.checkup_form import CheckupForm
    from facility_app.ui.record.conditions_tab import ConditionForm
    from facility_app.ui.record.rehab_tab import RehabForm
    from facility_app.ui.record.discharge_dialog import DischargeForm
    from facility_app.ui.record.profile_form import ProfileForm
    from facility_app.ui.record.referrals_tab import ReferralCloseForm
    from facility_app.ui.session import Session

    session = Session(services, DOCTOR, lang)
    profile = ProfileForm(session, admitting=True)
    shown = {
        Sex: _combo_items(profile.sex),
        BeneficiaryGroup: [box.text() for box in profile.groups.values()],
        DischargeReason: _combo_items(DischargeForm(session, resident).reason),
        ConditionStatus: _combo_items(ConditionForm(session).status),
        ReferralOutcome: _combo_items(ReferralCloseForm(session).outcome),
        DisabilityType: _combo_items(profile.disability_type),
        DisabilitySeverity: _combo_items(profile.disability_severity),
    }
    checkup = CheckupForm(session)
    shown.update({CheckupKind: _combo_items(checkup.kind), HealthClass: _combo_items(checkup.classification)[1:],
                  ScreeningResult: _combo_items(checkup.screening)[1:],
                  RehabType: _combo_items(RehabForm(session).type)})
    for w in (profile,):
        w.deleteLater()
    return shown


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_screens_use_the_table(qapp, made, lang):
    services, residents, *_ = made
    i18n.install(lang)
    try:
        shown = screens(services, residents["A"], lang)
    finally:
        i18n.install("vi")
    for kind, items in shown.items():
        expected = [vocabulary.label(v, lang) for v in kind]
        if kind is ReferralOutcome:  # closing a referral: every outcome but "still there"
            expected = [vocabulary.label(v, lang) for v in kind if v is not ReferralOutcome.PENDING]
        assert items == expected, (kind, items)


def test_pdf_csv_and_xlsx_use_the_table(made):
    _services, _residents, files, books, _out = made
    pdf = pdf_text(files["pdf"])
    book = " ".join(pdf_text(b) for b in books)
    raw_csv = files["csv"].read_bytes().decode("utf-8-sig")
    cells_csv = {c for row in csv.reader(io.StringIO(raw_csv)) for c in row}
    wb = openpyxl.load_workbook(files["xlsx"])
    cells_xlsx = {str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None}
    for kind in (Sex, BeneficiaryGroup, DischargeReason):
        for value in kind:
            name = vocabulary.label(value)
            assert name in pdf and name in cells_csv and name in cells_xlsx, name
    for value in ReferralOutcome:  # the referrals table: "Kết quả: <outcome>"
        cell = f"Kết quả: {vocabulary.label(value)}"
        assert cell in pdf and cell in cells_csv and cell in cells_xlsx, cell
    for value in ConditionStatus:  # the health book lists each condition with its status (A, B: I10, E11; D: J44)
        assert vocabulary.label(value) in book, value
    # no other name for the same thing anywhere
    for other in ("Từ trần", "Về gia đình", "Đã ổn định", "Khuyết tật,"):
        assert other not in pdf and other not in book and other not in raw_csv, other


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_residents_export_writes_names_and_codes(made, lang):
    services, residents, _files, _books, out = made
    rows = list(csv.DictReader(io.StringIO((out / f"residents-{lang}.csv").read_bytes().decode("utf-8-sig"))))
    sex, groups, reason = (("Giới tính", "Nhóm đối tượng", "Lý do ra") if lang == "vi"
                           else ("Sex", "Groups", "Discharge reason"))
    by_code = {r["sex_code"] + r["groups_code"] + r["discharge_reason_code"]: r for r in rows}
    assert len(rows) == len(residents)
    for key, person in residents.items():
        current = services.residents.get(DOCTOR, person.id)
        row = next(r for r in rows if r[sex] == vocabulary.label(current.sex, lang)
                   and r["groups_code"] == ",".join(g.value for g in current.groups)
                   and r["discharge_reason_code"] == (current.discharge_reason.value if current.discharge_reason else ""))
        assert row["sex_code"] == current.sex.value and row[sex] not in ("M", "F")
        assert row[groups] == "; ".join(vocabulary.label(g, lang) for g in current.groups)
        assert row[reason] == vocabulary.label(current.discharge_reason, lang)
    assert {r[reason] for r in rows} >= {vocabulary.label(v, lang) for v in DischargeReason}
    assert by_code
