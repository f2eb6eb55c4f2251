"""CSV and XLSX exports hold the same tables and numbers as the PDF."""
from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest

from care_core.domain import periods
from facility_app.reports import run
from facility_app.services.reports import ReportService
from tests.conftest import ADMIN
from tests.reports_fixtures import make_fixture_store
from tests.test_reports import flat, pdf_pages


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    services, _ = make_fixture_store(tmp_path_factory.mktemp("exp") / "data")
    out = tmp_path_factory.mktemp("exp-out")
    reports = ReportService.of(services)
    q3 = periods.parse_period("2026-Q3")
    paths = {fmt: run.periodic_report(reports, ADMIN, q3, out / f"q3.{fmt}") for fmt in ("pdf", "csv", "xlsx")}
    yield paths
    services.close()


def csv_tables(path) -> tuple[bytes, list[str], dict[str, list[list[str]]]]:
    """(raw bytes, preamble rows, {table title: [header, rows...]})."""
    raw = path.read_bytes()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    blocks, current, preamble = {}, None, []
    for i, r in enumerate(rows):
        if not r:
            current = None
            continue
        if current is None and len(r) == 1 and r[0].startswith("Biểu"):
            current = blocks.setdefault(r[0], [])
        elif current is not None:
            current.append(r)
        else:
            preamble.append(r)
    return raw, preamble, blocks


def number(text: str) -> float | None:
    """'1.234' -> 1234, '60,0%' -> 0.6, '+7,5' -> 7.5, '–' -> None (the Vietnamese formats)."""
    if text in ("–", ""):
        return None
    pct = text.endswith("%")
    value = float(text.rstrip("%").replace(".", "").replace(",", "."))
    return value / 100 if pct else value


def is_number(text: str) -> bool:
    return bool(re.fullmatch(r"[+-]?[\d.]+(,\d+)?%?", text))


def test_csv_is_utf8_with_bom_and_names_the_period(outputs):
    raw, preamble, blocks = csv_tables(outputs["csv"])
    assert raw.startswith(b"\xef\xbb\xbf")
    assert ["Kỳ báo cáo", "Quý III năm 2026"] in preamble
    assert ["Số liệu tính đến ngày", "30/09/2026"] in preamble
    assert len(blocks) == 13  # Biểu 1 to 12, and 2a (people and stays)
    census = blocks["Biểu 1. Số đối tượng trong kỳ"]
    assert census[0] == ["TT", "Chỉ tiêu", "Đầu kỳ", "Tiếp nhận", "Ra khỏi cơ sở", "Trong đó tử vong", "Cuối kỳ",
                         "Được quản lý trong kỳ"]
    assert census[1] == ["1", "Tổng số đối tượng", "4", "1", "2", "1", "3", "5"]


def test_every_csv_row_is_printed_in_the_pdf(outputs):
    _, _, blocks = csv_tables(outputs["csv"])
    text = flat(pdf_pages(outputs["pdf"]))
    checked = 0
    for title, rows in blocks.items():
        assert title in text
        for r in rows[1:]:
            cells = [c for c in r if c]
            if len(cells) == 1 and not rows[0][0] == "TT":
                continue  # a note under the table
            assert " ".join(cells) in text, (title, cells)
            checked += 1
    assert checked >= 60


def test_xlsx_holds_the_same_numbers_as_real_numbers(outputs):
    _, preamble, blocks = csv_tables(outputs["csv"])
    wb = openpyxl.load_workbook(outputs["xlsx"])
    assert wb.sheetnames[0] == "Thông tin"
    info = {r[0]: r[1] for r in wb["Thông tin"].iter_rows(values_only=True)}
    assert info == {k: v for k, v in preamble}
    assert len(wb.sheetnames) == 1 + len(blocks)
    compared = 0
    for i, (title, rows) in enumerate(blocks.items(), 1):
        ws = wb[title.split(".", 1)[0]]  # each sheet named as its table is numbered
        assert ws["A1"].value == title
        assert [c.value for c in ws[3]][:len(rows[0])] == rows[0]
        for r_index, csv_row in enumerate(rows[1:]):
            if len(csv_row) == 1 and len(rows[0]) > 1 and r_index == len(rows) - 2 and not is_number(csv_row[0]):
                continue  # the note
            cells = ws[4 + r_index]
            for col, (cell, text) in enumerate(zip(cells, csv_row)):
                if col == 0 and rows[0][0] == "TT":
                    assert cell.value == text  # the row number "2.1" stays text
                elif is_number(text) or text == "–":
                    expected = number(text)
                    if expected is None:
                        assert cell.value is None, (title, text)
                    else:
                        assert isinstance(cell.value, (int, float)), (title, text, cell.value)
                        assert cell.value == pytest.approx(expected, abs=0.0006), (title, text, cell.value)
                        if text.endswith("%"):
                            assert cell.number_format == "0.0%"
                        compared += 1
                else:
                    assert (cell.value or "") == text, (title, text, cell.value)
    assert compared >= 80


def test_shares_in_xlsx_are_fractions(outputs):
    wb = openpyxl.load_workbook(outputs["xlsx"])
    ws = wb["Biểu 3"]  # tracking: 3 of 5 residents
    values = {r[0]: r[1] for r in ws.iter_rows(min_row=4, values_only=True) if r[0]}
    assert values["Tỷ lệ đối tượng được quản lý, theo dõi bằng hồ sơ sức khỏe điện tử"] == pytest.approx(0.6)
    assert values["Số đối tượng được quản lý trong kỳ"] == 5
