"""Issue 12.3: text a resident, a room or the facility carries is never a
live formula in an export (CSV: a leading quote; XLSX: a string cell)."""
from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import openpyxl

from care_core.domain import periods
from care_core.domain.cells import csv_text
from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, Sex
from facility_app.reports import run
from facility_app.services.reports import ReportService
from tests.conftest import ADMIN, SYSTEM, make_services

CALC = "=cmd|' /C calc'!A0"
# (A next of kin's name starting with "@" is refused by the name rule itself,
# so the "@" case rides on a second resident's room.)
AT_FORMULA = "@SUM(1+1)*cmd"
HOSTILE = {"room": CALC, "address_detail": "+1+cmd|' /C calc'!A0",
           "old_address": "-2+3+cmd|' /C calc'!A0", "next_of_kin_relation": "\t=1+1"}
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def test_csv_text_quotes_every_formula_start_and_leaves_numbers():
    for start in DANGEROUS:
        assert csv_text(start + "1+cmd") == "'" + start + "1+cmd"
    for safe in ("-3", "+1.5", "12,5%", "-0.3", "Phòng 101", "", 7, None):
        assert csv_text(safe) == safe


def hostile_store(tmp_path):
    services = make_services(tmp_path / "data")
    f = services.facility.get()
    services.facility.update(ADMIN, {"name": "=HYPERLINK(\"http://x\")", "governing_body": "@cmd|' /C calc'!A0"},
                             f.version)
    services.residents.admit(SYSTEM, Resident(
        "Nguyễn Văn An", Sex.MALE, date(1950, 1, 1), date(2026, 1, 5), [BeneficiaryGroup.ELDERLY],
        cccd="020050123456", bhyt_number="BT2201234567890", **HOSTILE))
    services.residents.admit(SYSTEM, Resident(
        "Trần Thị Bình", Sex.FEMALE, date(1948, 3, 2), date(2026, 1, 6), [BeneficiaryGroup.ELDERLY],
        room=AT_FORMULA))
    return services


def cells_starting_dangerously(rows) -> list[str]:
    return [c for row in rows for c in row if c.startswith(DANGEROUS) and not c.lstrip("+-").replace(".", "").replace(",", "").rstrip("%").isdigit()]


def test_residents_csv_holds_no_formula(tmp_path):
    services = hostile_store(tmp_path)
    try:
        path = tmp_path / "out" / "residents.csv"
        path.parent.mkdir()
        services.exports.residents_csv(ADMIN, path)
    finally:
        services.close()
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert cells_starting_dangerously(rows) == []
    row = rows[1]
    assert "'" + CALC in row and "'+1+cmd|' /C calc'!A0" in row and "'-2+3+cmd|' /C calc'!A0" in row
    assert any("'" + AT_FORMULA in r for r in rows[1:])


def test_report_csv_and_xlsx_hold_no_formula(tmp_path):
    services = hostile_store(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    try:
        reports = ReportService.of(services)
        period = periods.parse_period("2026")
        paths = {fmt: run.periodic_report(reports, ADMIN, period, out / f"r.{fmt}") for fmt in ("csv", "xlsx")}
    finally:
        services.close()
    rows = list(csv.reader(io.StringIO(paths["csv"].read_bytes().decode("utf-8-sig"))))
    assert cells_starting_dangerously(rows) == []
    preamble = {r[0]: r[1] for r in rows[:3]}
    assert preamble["Cơ sở"] == "'=HYPERLINK(\"http://x\")"
    assert preamble["Cơ quan chủ quản"] == "'@cmd|' /C calc'!A0"

    with zipfile.ZipFile(paths["xlsx"]) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and all(b"<f>" not in z.read(n) and b"<f " not in z.read(n) for n in sheets)
    wb = openpyxl.load_workbook(paths["xlsx"])
    info = wb["Thông tin"]
    values = {info.cell(row=i, column=1).value: info.cell(row=i, column=2) for i in range(1, 4)}
    assert values["Cơ sở"].data_type == "s" and values["Cơ sở"].value == "=HYPERLINK(\"http://x\")"
    assert values["Cơ quan chủ quản"].data_type == "s"
    assert all(c.data_type != "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
