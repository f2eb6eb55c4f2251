"""The periodic report's tables as CSV (UTF-8 with BOM, for Excel) and XLSX.

Both write exactly the tables the PDF prints (``tables.all_tables``), from
the same indicator object: the CSV holds the cells as the PDF prints them,
the XLSX holds real numbers (shares as fractions formatted ``0.0%``) so
they can be summed and charted.
"""
from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from care_core.domain.cells import csv_row
from care_core.domain.dates import dmy
from ..services.reports import PeriodicReport
from .tables import Num, Pct, ReportTable, all_tables, text


def _preamble(report: PeriodicReport) -> list[list[str]]:
    ix = report.indicators
    f = report.facility
    return [
        ["Cơ quan chủ quản", f.governing_body],
        ["Cơ sở", f.name],
        ["Mã cơ sở", f.code],
        ["Kỳ báo cáo", ix.period.title("vi")],
        ["Từ ngày", dmy(ix.period.start)],
        ["Đến ngày", dmy(ix.period.end)],
        ["Số liệu tính đến ngày", dmy(ix.as_of)],
        ["Ngày lập", dmy(report.issued_on)],
    ]


def periodic_csv(report: PeriodicReport) -> bytes:
    """Every table one after another: its title, header row, rows, note."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    for row in _preamble(report):
        w.writerow(csv_row(row))
    for t in all_tables(report.indicators):
        w.writerow([])
        w.writerow(csv_row([t.title]))
        w.writerow(csv_row(t.headers))
        w.writerows(csv_row(row) for row in t.as_text())
        if t.note:
            w.writerow(csv_row([t.note]))
    return out.getvalue().encode("utf-8-sig")


_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEAD_FILL = PatternFill("solid", fgColor="EBEBEB")


def _value(cell):
    """(value, number format) for an XLSX cell."""
    if isinstance(cell, Pct):
        return cell.value, "0.0%"
    if isinstance(cell, Num):
        if cell.value is None:
            return None, None
        return round(cell.value, cell.decimals), ("+0.0;-0.0;0.0" if cell.signed else "0.0")
    if isinstance(cell, bool):
        return text(cell), None
    return cell, "#,##0" if isinstance(cell, int) else None


def _put(ws, row: int, column: int, value):
    """Every XLSX cell goes through here: text is always a string cell, never
    a formula (openpyxl would store "=..." as one), whatever it begins with."""
    c = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        c.data_type = "s"
    return c


def _sheet(wb: Workbook, index: int, t: ReportTable) -> None:
    # the sheet is named as the table is numbered on paper ("Biểu 2a"), else by its place
    number = t.title.split(".", 1)[0] if t.title.startswith("Biểu ") else f"Biểu {index}"
    ws = wb.create_sheet(number)
    _put(ws, 1, 1, t.title)
    ws["A1"].font = Font(bold=True, size=12)
    for j, h in enumerate(t.headers, 1):
        c = _put(ws, 3, j, h)
        c.font = Font(bold=True)
        c.fill = _HEAD_FILL
        c.border = _BOX
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, row in enumerate(t.rows):
        for j, cell in enumerate(row, 1):
            value, number_format = _value(cell)
            c = _put(ws, 4 + i, j, value)
            c.border = _BOX
            c.alignment = Alignment(vertical="top", wrap_text=isinstance(value, str))
            if number_format:
                c.number_format = number_format
            if i in t.strong:
                c.font = Font(bold=True)
    if t.note:
        _put(ws, 5 + len(t.rows), 1, t.note).font = Font(italic=True)
    total = sum(t.widths)
    for j, w in enumerate(t.widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = max(8.0, 110 * w / total)
    ws.freeze_panes = "A4"


def periodic_xlsx(report: PeriodicReport) -> bytes:
    """A 'Thông tin' sheet (facility, period) and one sheet per table."""
    wb = Workbook()
    info = wb.active
    info.title = "Thông tin"
    for i, (k, v) in enumerate(_preamble(report), 1):
        _put(info, i, 1, k).font = Font(bold=True)
        _put(info, i, 2, v)
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 60
    for index, t in enumerate(all_tables(report.indicators), 1):
        _sheet(wb, index, t)
    wb.properties.title = f"Báo cáo định kỳ {report.indicators.period.title('vi')}"
    wb.properties.creator = "facility-health-records"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
