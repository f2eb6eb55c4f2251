"""Where the reports meet the rest of the app: the main window's Reports
menu (directors and admins only) and the record's "Print health book"
button (doctors, directors, admins), and the health book dialog itself:
made at once, previewed, saved, printed, every run audited."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QPushButton

from facility_app.ui import i18n
from facility_app.ui.main_window import MainWindow
from facility_app.ui.record.window import ResidentRecordWidget
from facility_app.ui.reports.health_book import HealthBookDialog
from facility_app.ui.reports.periodic_dialog import PeriodicReportDialog
from tests.conftest import ADMIN, DIRECTOR, DOCTOR, NURSE
from tests.test_ui_reports import difference
from tests.ui_reports_fixtures import (  # noqa: F401 - fixtures
    FACILITY_NAME,
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


def main_window(qtbot, services, actor) -> MainWindow:
    main = MainWindow(session(services, actor), FACILITY_NAME)
    qtbot.addWidget(main)
    main.show()
    return main


def menu_titles(main: MainWindow) -> list[str]:
    return [a.text() for a in main.menuBar().actions() if a.isVisible()]


# --- the main window ----------------------------------------------------------------------------

@pytest.mark.parametrize("actor", [DIRECTOR, ADMIN])
def test_director_and_admin_find_the_periodic_report(qtbot, shell_app, world, actor):
    services, _ = world
    main = main_window(qtbot, services, actor)
    action = main.findChild(QAction, "actPeriodicReport")
    assert action is not None and action.isVisible() and action.text() == "Báo cáo &định kỳ…"
    assert menu_titles(main).index("&Báo cáo") < menu_titles(main).index("&Quản trị") if actor is ADMIN \
        else "&Báo cáo" in menu_titles(main)
    assert action in main.toolbar.actions()

    action.trigger()
    dialog = main.report_actions.dialog
    assert isinstance(dialog, PeriodicReportDialog) and dialog.isVisible() and dialog.parent() is main
    assert dialog.windowTitle() == "Báo cáo sức khỏe định kỳ"
    action.trigger()  # a second press brings the same dialog forward
    assert main.report_actions.dialog is dialog

    main.lock()  # nothing stays on screen while the screen is locked
    assert not dialog.isVisible()
    action.trigger()
    assert main.report_actions.dialog is dialog
    main.unlock()
    assert dialog.isVisible()

    i18n.install("en")
    QApplication.processEvents()  # Qt posts LanguageChange to each window
    assert action.text() == "&Periodic report…" and "Re&ports" in menu_titles(main)
    i18n.install("vi")
    QApplication.processEvents()
    assert action.text() == "Báo cáo &định kỳ…"
    dialog.close()
    qtbot.waitUntil(lambda: main.report_actions.dialog is None)


@pytest.mark.parametrize("actor", [NURSE, DOCTOR])
def test_nurses_and_doctors_see_no_periodic_report(qtbot, shell_app, world, actor):
    services, _ = world
    main = main_window(qtbot, services, actor)
    assert main.report_actions is None
    assert main.findChild(QAction, "actPeriodicReport") is None
    assert "&Báo cáo" not in menu_titles(main)
    assert all("Báo cáo" not in a.text() for a in main.toolbar.actions())


# --- the record's button ------------------------------------------------------------------------

def record(qtbot, services, actor, resident_id) -> ResidentRecordWidget:
    widget = ResidentRecordWidget(session(services, actor), resident_id)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    return widget


@pytest.mark.parametrize("actor, shown", [(NURSE, False), (DOCTOR, True), (DIRECTOR, True), (ADMIN, True)])
def test_print_health_book_button_only_for_roles_that_may(qtbot, shell_app, world, actor, shown):
    services, residents = world
    widget = record(qtbot, services, actor, residents["A"].id)
    button = widget.findChild(QPushButton, "recordPrintHealthBook")
    assert (button is not None and button.isVisible()) is shown
    if shown:
        assert button.text() == "In sổ sức khỏe…"


def test_doctor_previews_saves_and_prints_a_health_book(qtbot, shell_app, world, tmp_path):
    services, residents = world
    resident = residents["A"]
    before = len(audit_rows(services))
    widget = record(qtbot, services, DOCTOR, resident.id)
    button = widget.findChild(QPushButton, "recordPrintHealthBook")
    button.click()
    dialog = button.dialog
    assert isinstance(dialog, HealthBookDialog)
    assert dialog.windowTitle() == f"Sổ theo dõi sức khỏe · {resident.full_name} ({resident.code})"
    wait_done(qtbot)
    assert dialog.last_error is None
    pages = dialog.preview.page_count()
    assert pages >= 1 and pages == pdf_page_count(dialog.previewed)
    text = flat(pdf_text(dialog.previewed))
    assert "SỔ THEO DÕI SỨC KHỎE" in text and resident.full_name.upper() in text
    assert f"Mã đối tượng: {resident.code}" in text

    out = tmp_path / "out"
    out.mkdir()
    assert dialog.save(str(out / "so.pdf"))
    wait_done(qtbot)
    assert flat(pdf_text((out / "so.pdf").read_bytes())) == text
    assert dialog.status.text() == f"Đã lưu: {out / 'so.pdf'}"

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out / "in.pdf"))
    printer.setResolution(120)
    assert dialog.print_to(printer)
    wait_done(qtbot)
    printed = (out / "in.pdf").read_bytes()
    assert pdf_page_count(printed) == pages
    assert all(difference(printed, i, dialog.previewed, i) < 2 for i in range(pages))

    new = audit_rows(services)[before:]
    assert [(a["actor"], a["table_name"], a["row_id"], a["detail"]["report"], a["detail"]["format"],
             a["detail"]["file"]) for a in new] == [
        ("doctor1", "residents", resident.id, "health-book", "preview", ""),
        ("doctor1", "residents", resident.id, "health-book", "pdf", "so.pdf"),
        ("doctor1", "residents", resident.id, "health-book", "print", "in.pdf")]

    button.click()  # already open: the same window comes forward
    assert button.dialog is dialog
    dialog.close()
    qtbot.waitUntil(lambda: button.dialog is None)


def test_health_book_refusal_is_shown_in_the_users_language(qtbot, shell_app, world):
    services, residents = world
    before = len(audit_rows(services))
    dialog = HealthBookDialog(session(services, NURSE, "en"), residents["B"].code, residents["B"].full_name)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_done(qtbot)
    qtbot.waitUntil(lambda: len(message_boxes()) == 1)
    assert "print health books" in message_boxes()[0].text()
    assert dialog.preview.page_count() == 0 and not dialog.busy() and dialog.print_button.isEnabled()
    close_boxes()
    missing = HealthBookDialog(session(services, DOCTOR), "DT-99999")
    qtbot.addWidget(missing)
    missing.show()
    wait_done(qtbot)
    qtbot.waitUntil(lambda: len(message_boxes()) == 1)
    assert message_boxes()[0].text() == "Không tìm thấy đối tượng có mã “DT-99999”."
    close_boxes()
    assert len(audit_rows(services)) == before


def test_a_health_book_and_a_periodic_report_made_at_the_same_time(qtbot, shell_app, world):
    services, residents = world
    report = PeriodicReportDialog(session(services, DIRECTOR))
    book = HealthBookDialog(session(services, DIRECTOR), residents["A"].code)
    qtbot.addWidget(report)
    qtbot.addWidget(book)
    report.show()
    report.make_preview()
    book.show()  # starts making the book while the report is still being made
    assert report.busy() and book.busy()
    wait_done(qtbot)
    assert report.last_error is None and book.last_error is None
    assert report.preview.page_count() == pdf_page_count(report.previewed)
    assert book.preview.page_count() == pdf_page_count(book.previewed)
