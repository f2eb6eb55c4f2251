"""The periodic report dialog, driven as a director would: pick a period,
preview, save PDF/CSV/XLSX, print; every run through the service and
audited; refusals shown in the user's language; the dialog keeps working
while a report is made.

The figures themselves are checked in tests/test_reports*.py; here the
question is whether what the screen shows, saves and prints is that report.
"""
from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pypdf
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPageSize, QWheelEvent
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog

from facility_app.ui.reports import presets
from facility_app.ui.reports.periodic_dialog import PeriodicReportDialog
from facility_app.ui.reports.printing import print_pdf
from tests.conftest import ADMIN, DIRECTOR, NURSE, TODAY
from tests.ui_reports_fixtures import (  # noqa: F401 - fixtures
    FACILITY_NAME,
    MOTTO,
    audit_rows,
    close_boxes,
    message_boxes,
    pdf_page_count,
    pdf_text,
    session,
    wait_done,
    world,
)
from tests.ui_shell_fixtures import qm_folder, shell_app  # noqa: F401 - fixtures


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def out(tmp_path):
    """Where files are saved (tmp_path also holds the test's QSettings)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def dialog(qtbot, shell_app, world):
    services, _ = world
    d = PeriodicReportDialog(session(services, DIRECTOR))
    qtbot.addWidget(d)
    d.resize(1366, 740)
    d.show()
    qtbot.waitExposed(d)
    yield d
    wait_done(qtbot)
    close_boxes()


# --- presets and names (pure) ------------------------------------------------------------

@pytest.mark.parametrize("today, key, start, end", [
    (date(2026, 11, 20), "this-month", date(2026, 11, 1), date(2026, 11, 30)),
    (date(2026, 1, 15), "last-month", date(2025, 12, 1), date(2025, 12, 31)),
    (date(2026, 3, 31), "last-month", date(2026, 2, 1), date(2026, 2, 28)),
    (date(2026, 11, 20), "this-quarter", date(2026, 10, 1), date(2026, 12, 31)),
    (date(2026, 11, 20), "last-quarter", date(2026, 7, 1), date(2026, 9, 30)),
    (date(2026, 2, 10), "last-quarter", date(2025, 10, 1), date(2025, 12, 31)),
    (date(2026, 11, 20), "this-year", date(2026, 1, 1), date(2026, 12, 31)),
    (date(2026, 1, 5), "last-year", date(2025, 1, 1), date(2025, 12, 31)),
])
def test_presets_count_from_today(today, key, start, end):
    period = presets.preset(key, today)
    assert (period.start, period.end) == (start, end)
    assert presets.matching_preset(period, today) == key


def test_default_file_names():
    assert presets.report_file_name(presets.preset("last-quarter", TODAY), "pdf") == "bao-cao-2026-Q3.pdf"
    assert presets.report_file_name(presets.preset("last-month", TODAY), "xlsx") == "bao-cao-2026-10.xlsx"
    assert presets.report_file_name(presets.preset("last-year", TODAY), "csv") == "bao-cao-2025.csv"
    assert presets.book_file_name(" dt-00012 ") == "so-suc-khoe-DT-00012.pdf"
    assert presets.book_file_name("A/B 1") == "so-suc-khoe-A-B-1.pdf"


# --- preview ---------------------------------------------------------------------------------------

def test_director_previews_last_quarter(qtbot, dialog, world):
    services, _ = world
    before = len(audit_rows(services))
    dialog.choose_preset("last-quarter")
    assert "Quý III năm 2026" in dialog.preset.currentText()
    assert dialog.date_from.date().toPython() == date(2026, 7, 1)
    assert dialog.date_to.date().toPython() == date(2026, 9, 30)

    dialog.preview_button.click()
    # the click returns at once: the report is made on a worker while the dialog waits, not freezes
    assert dialog.busy() and dialog.busy_bar.isVisible()
    assert not dialog.preview_button.isEnabled() and not dialog.pdf_button.isEnabled()
    assert dialog.close_button.isEnabled() and dialog.notes.isEnabled()
    assert dialog.preview_button.click() is None and not dialog.make_preview()  # a second run waits its turn
    wait_done(qtbot)

    assert not dialog.busy() and dialog.preview_button.isEnabled() and not dialog.busy_bar.isVisible()
    assert dialog.last_error is None
    pages = dialog.preview.page_count()
    assert pages == pdf_page_count(dialog.previewed) and pages >= 3
    assert dialog.preview.page_label.text() == f"Trang 1/{pages}"
    assert dialog.status.text() == f"Đã có bản xem trước: {pages} trang."
    text = flat(pdf_text(dialog.previewed))
    assert MOTTO in text and "quý III năm 2026" in text and FACILITY_NAME in text

    new = audit_rows(services)[before:]
    assert [(a["actor"], a["row_id"], a["detail"]["format"]) for a in new] == [("director1", "2026-Q3", "preview")]


def test_preview_pages_are_drawn_and_zoom_and_paging_work(qtbot, dialog):
    dialog.make_preview()
    wait_done(qtbot)
    preview = dialog.preview
    count = preview.page_count()
    image = preview.canvas.grab().toImage()
    first = preview.canvas.page_rects()[0]
    # the first page is drawn: white paper with dark text, not the grey background or a blank sheet
    colours = {image.pixelColor(x, y).lightness() // 32 for x in range(first.left() + 5, first.right() - 5, 7)
               for y in range(first.top() + 5, min(first.bottom(), image.height()) - 5, 7)}
    assert 7 in colours and 0 in colours

    fit = preview.scale()
    assert preview.fit_button.isChecked()
    assert abs(first.width() - (preview.scroll.viewport().width() - 2 * 12 - 4)) <= 2
    preview.real_button.click()
    assert preview.zoom_label.text() == "100 %" and preview.real_button.isChecked()
    assert abs(preview.scale() - preview.logicalDpiX() / 72) < 1e-6
    preview.in_button.click()
    assert preview.zoom_label.text() == "110 %"
    wheel = QWheelEvent(QPointF(50, 50), QPointF(50, 50), QPoint(0, 0), QPoint(0, 120), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(preview.scroll.viewport(), wheel)  # Ctrl + wheel up
    assert preview.zoom_label.text() == "125 %"
    preview.fit_button.click()
    assert abs(preview.scale() - fit) < 1e-6

    preview.go_to_page(2)
    assert preview.current_page() == 2 and preview.page_label.text() == f"Trang 3/{count}"
    preview.next_button.click()
    assert preview.page_label.text() == f"Trang 4/{count}"
    preview.go_to_page(count + 5)
    assert preview.page_label.text() == f"Trang {count}/{count}" and not preview.next_button.isEnabled()


def test_changing_a_choice_marks_the_preview_out_of_date(qtbot, dialog):
    dialog.make_preview()
    wait_done(qtbot)
    assert not dialog.stale.isVisible()
    dialog.notes.setPlainText("Đề nghị bổ sung thuốc huyết áp.")
    assert dialog.stale.isVisible()
    dialog.notes.setPlainText("")
    assert not dialog.stale.isVisible()  # back to what was previewed
    dialog.choose_preset("this-year")
    assert dialog.stale.isVisible()
    dialog.make_preview()
    wait_done(qtbot)
    assert not dialog.stale.isVisible() and "năm 2026" in flat(pdf_text(dialog.previewed))


# --- saving and exporting ------------------------------------------------------------------------

def test_save_pdf_writes_the_report_with_the_directors_choices(qtbot, dialog, world, out, monkeypatch):
    services, _ = world
    before = len(audit_rows(services))
    asked = {}

    def fake_dialog(parent, title, suggested, filters):
        asked.update(title=title, suggested=suggested, filters=filters)
        return str(out / "bao-cao-quy-3"), filters  # no extension typed: .pdf is added

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    dialog.choose_preset("last-quarter")
    dialog.number.setText("12")
    dialog.prepared_by.setText("Lò Thị Mai")
    dialog.notes.setPlainText("Đề nghị Sở Y tế hỗ trợ máy đo đường huyết.\nTăng cường khám định kỳ.")
    dialog.pdf_button.click()
    wait_done(qtbot)

    assert asked["suggested"].endswith("bao-cao-2026-Q3.pdf") and asked["title"] == "Lưu thành tệp"
    saved = out / "bao-cao-quy-3.pdf"
    assert dialog.last_error is None and saved.is_file()
    assert dialog.status.text() == f"Đã lưu: {saved}"
    text = flat(pdf_text(saved.read_bytes()))
    assert MOTTO in text and FACILITY_NAME in text
    assert "Số: 12/BC-TTBTXH" in text
    assert "Lò Thị Mai" in text and "Đề nghị Sở Y tế hỗ trợ máy đo đường huyết." in text
    assert list(out.iterdir()) == [saved]  # written whole: no .part left
    new = audit_rows(services)[before:]
    assert [(a["actor"], a["row_id"], a["detail"]["format"], a["detail"]["file"]) for a in new] == [
        ("director1", "2026-Q3", "pdf", "bao-cao-quy-3.pdf")]
    # the next save offers the folder used this time
    dialog.ask_save_path("bao-cao-2026-Q3.xlsx", "xlsx")
    assert asked["suggested"] == str(out / "bao-cao-2026-Q3.xlsx") and asked["filters"] == "Excel (*.xlsx)"


def test_csv_and_xlsx_exports_write_the_tables(qtbot, dialog, world, out):
    services, _ = world
    before = len(audit_rows(services))
    dialog.choose_preset("last-quarter")
    assert dialog.save("csv", str(out / "bao-cao-2026-Q3.csv"))
    wait_done(qtbot)
    assert dialog.save("xlsx", str(out / "bao-cao-2026-Q3.xlsx"))
    wait_done(qtbot)
    assert dialog.last_error is None

    rows = list(csv.reader(io.StringIO((out / "bao-cao-2026-Q3.csv").read_text(encoding="utf-8-sig"))))
    cells = {c for row in rows for c in row}
    assert FACILITY_NAME in cells and len(rows) > 20
    book = openpyxl.load_workbook(out / "bao-cao-2026-Q3.xlsx", read_only=True)
    assert len(book.sheetnames) > 3
    book.close()
    new = audit_rows(services)[before:]
    assert [(a["detail"]["format"], a["detail"]["file"]) for a in new] == [
        ("csv", "bao-cao-2026-Q3.csv"), ("xlsx", "bao-cao-2026-Q3.xlsx")]


def test_a_refused_save_shows_the_reason_and_writes_nothing(qtbot, dialog, world, out):
    services, _ = world
    before = len(audit_rows(services))
    assert dialog.save("pdf", str(out / "khong-co" / "bao-cao.pdf"))
    wait_done(qtbot)
    boxes = message_boxes()
    assert len(boxes) == 1 and f"Thư mục {out / 'khong-co'} không tồn tại." == boxes[0].text()
    assert dialog.status.text() == "" and dialog.preview_button.isEnabled()
    assert len(audit_rows(services)) == before and list(out.iterdir()) == []


# --- printing ----------------------------------------------------------------------------------------

def _pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)  # enough to compare; a real printer brings its own
    return printer


def printed_image(printed: bytes, page: int) -> Image.Image:
    """What went to the printer for one page: the bitmaps Qt's PDF printer
    embedded (one per band, top to bottom), stacked."""
    bands = [im.image.convert("L") for im in pypdf.PdfReader(io.BytesIO(printed)).pages[page].images]
    out = Image.new("L", (bands[0].width, sum(b.height for b in bands)), 255)
    y = 0
    for band in bands:
        out.paste(band, (0, y))
        y += band.height
    return out


def difference(printed: bytes, page: int, original: bytes, original_page: int) -> float:
    """Mean grey-level difference (0-255) between a printed page's pixels and
    the original page drawn by PDFium at the same size (JPEG in Qt's PDF
    output costs about 0.3; another page costs over 15)."""
    a = printed_image(printed, page)
    doc = pdfium.PdfDocument(original)
    width = doc[original_page].get_width()
    b = doc[original_page].render(scale=a.width / width).to_pil().convert("L").crop((0, 0, a.width, a.height))
    return ImageStat.Stat(ImageChops.difference(a, b)).mean[0]


def test_printing_sends_every_page_as_previewed(qtbot, dialog, world, out):
    services, _ = world
    dialog.choose_preset("last-quarter")
    dialog.make_preview()
    wait_done(qtbot)
    original = dialog.previewed
    before = len(audit_rows(services))

    out = out / "in.pdf"
    assert dialog.print_to(_pdf_printer(out))
    wait_done(qtbot)
    assert dialog.last_error is None
    printed = out.read_bytes()
    count = dialog.preview.page_count()
    assert pdf_page_count(printed) == count
    assert dialog.status.text() == f"Đã gửi {count} trang tới in.pdf."
    page = pypdf.PdfReader(io.BytesIO(printed)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)  # A4
    for i in range(count):  # each printed page is the report's page, at the printer's 150 dpi
        assert printed_image(printed, i).width == 1240 - 1  # A4 at 150 dpi (Qt rounds the paper down)
        assert difference(printed, i, original, i) < 2, i
    assert difference(printed, 0, original, 1) > 10  # the comparison tells pages apart
    new = audit_rows(services)[before:]
    assert [(a["detail"]["format"], a["detail"]["file"]) for a in new] == [("print", "in.pdf")]


def test_printing_honours_the_page_range_and_current_page(qtbot, dialog, out):
    dialog.make_preview()
    wait_done(qtbot)
    original = dialog.previewed
    printer = _pdf_printer(out / "range.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    dialog.print_to(printer)
    wait_done(qtbot)
    printed = (out / "range.pdf").read_bytes()
    assert pdf_page_count(printed) == 2
    assert difference(printed, 0, original, 1) < 2 and difference(printed, 1, original, 2) < 2

    printer = _pdf_printer(out / "current.pdf")
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    dialog.preview.go_to_page(dialog.preview.page_count() - 1)
    dialog.print_to(printer, dialog.preview.current_page())
    wait_done(qtbot)
    printed = (out / "current.pdf").read_bytes()
    assert pdf_page_count(printed) == 1
    assert difference(printed, 0, original, dialog.preview.page_count() - 1) < 2


def test_print_pdf_draws_in_bands_like_a_whole_page(qtbot, shell_app, world, out, monkeypatch):
    """A page printed in many narrow bands looks the same as one drawn whole."""
    from facility_app.reports import periodic as periodic_pdf
    from facility_app.ui.reports import printing

    services, _ = world
    data = periodic_pdf.render(services.reports.periodic(ADMIN, presets.preset("last-quarter", TODAY)))
    whole, banded = out / "whole.pdf", out / "banded.pdf"
    assert print_pdf(data, _pdf_printer(whole), 0, 0) == 1
    monkeypatch.setattr(printing, "BAND_BYTES", 64 * 1024)  # about 13 rows of pixels per band
    assert print_pdf(data, _pdf_printer(banded), 0, 0) == 1
    assert len(pypdf.PdfReader(banded).pages[0].images) > 100  # really drawn in bands
    whole_image, banded_image = printed_image(whole.read_bytes(), 0), printed_image(banded.read_bytes(), 0)
    assert whole_image.size == banded_image.size
    assert ImageStat.Stat(ImageChops.difference(whole_image, banded_image)).mean[0] < 1
    assert difference(banded.read_bytes(), 0, data, 0) < 2
    assert print_pdf(data, _pdf_printer(out / "none.pdf"), 5, 2) == 0


# --- refusals -------------------------------------------------------------------------------------------

def test_dates_that_make_no_period_are_refused_beside_the_dates(qtbot, dialog, world):
    services, _ = world
    before = len(audit_rows(services))
    dialog.set_dates(date(2026, 9, 30), date(2026, 7, 1))
    assert dialog.preset_key() == "custom"
    assert not dialog.make_preview()
    assert dialog.period_error.isVisible()
    assert dialog.period_error.text() == "Ngày kết thúc 01/07/2026 trước ngày bắt đầu 30/09/2026."

    dialog.set_dates(date(2026, 12, 1), date(2026, 12, 31))
    assert dialog.period_error.text() == "Kỳ này chưa bắt đầu."
    assert not dialog.make_preview()
    assert dialog.period_error.text().startswith("Kỳ báo cáo từ ngày 01/12/2026 đến ngày 31/12/2026 chưa bắt đầu")

    dialog.set_dates(date(2026, 7, 1), date(2026, 9, 30))  # exactly a quarter: the preset follows
    assert dialog.preset_key() == "last-quarter" and not dialog.period_error.isVisible()
    dialog.set_dates(date(2026, 7, 15), date(2026, 11, 30))
    assert dialog.preset_key() == "custom"
    assert "Số liệu tính đến hôm nay, 20/11/2026." in dialog.period_title.text()
    dialog.number.clear()
    qtbot.keyClicks(dialog.number, "12a-3")
    assert dialog.number.text() == "123"  # only digits can be typed
    dialog.number.setText("12a")  # as a paste by program would
    assert not dialog.make_preview()
    assert dialog.number_error.text() == "Số báo cáo “12a” phải gồm 1 đến 6 chữ số."
    dialog.number.setText("12")
    assert not dialog.number_error.isVisible()
    dialog.notes.setPlainText("x" * 20001)
    assert not dialog.make_preview()
    assert dialog.notes_error.text() == "Phần nhận xét dài quá 20.000 ký tự; hãy rút gọn."
    assert len(audit_rows(services)) == before and dialog.preview.page_count() == 0


def test_a_role_without_the_right_sees_the_services_refusal(qtbot, shell_app, world):
    """The menu hides the dialog from nurses; should one reach it anyway, the service refuses."""
    services, _ = world
    before = len(audit_rows(services))
    d = PeriodicReportDialog(session(services, NURSE))
    qtbot.addWidget(d)
    d.show()
    d.preview_button.click()
    wait_done(qtbot)
    boxes = message_boxes()
    assert len(boxes) == 1 and "lập báo cáo định kỳ" in boxes[0].text()
    assert d.preview.page_count() == 0 and d.preview.empty.isVisible()
    close_boxes()
    d.session.lang = "en"
    d.preview_button.click()
    wait_done(qtbot)
    assert "run periodic reports" in message_boxes()[0].text()
    close_boxes()
    assert len(audit_rows(services)) == before


def test_print_button_asks_which_printer_and_pages_then_prints(qtbot, dialog, out):
    """The Print button opens the print dialog (window-modal) limited to the
    previewed pages; its OK prints what it chose."""
    dialog.make_preview()
    wait_done(qtbot)
    count = dialog.preview.page_count()
    dialog.print_button.click()
    ask = dialog.findChild(QPrintDialog, "reportPrintDialog")
    assert ask is not None and ask.isVisible() and ask.windowTitle() == "In"
    assert (ask.minPage(), ask.maxPage()) == (1, count)
    assert ask.testOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage)
    printer = ask.printer()
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert printer.docName() == "bao-cao-2026-Q3.pdf"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out / "chon.pdf"))
    printer.setResolution(100)
    ask.done(QPrintDialog.DialogCode.Accepted)
    wait_done(qtbot)
    assert dialog.last_error is None
    assert pdf_page_count((out / "chon.pdf").read_bytes()) == count
