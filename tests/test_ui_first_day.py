"""The first day and the user guide, as people meet them: the checklist on an
empty facility (its buttons do the step), F1 from the main window, a record
tab and a modal dialog, in the current language; the guide's files."""
from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QWidget

from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, Role, Sex
from facility_app.ui import help as guide
from tests.conftest import SYSTEM, make_services
from tests.ui_shell_fixtures import (  # noqa: F401 - fixtures
    PASSWORD,
    ROOT,
    make_store,
    qm_folder,
    screenshots,
    shell_app,
    shoot,
    start_logged_in,
    wait_idle,
)

DOCS = ROOT / "docs"


def _empty_facility(data_dir, *accounts: tuple[str, Role]):
    services = make_services(data_dir)
    for username, role in accounts:
        services.users.add(SYSTEM, username, f"Người dùng {username}", role, PASSWORD)
    return services


def _checklist(main):
    return main.findChild(QWidget, "firstDayChecklist")


def _button(main, key: str) -> QPushButton:
    return main.findChild(QPushButton, f"firstDay_{key}")


def test_checklist_on_an_empty_facility_goes_once_residents_and_staff_exist(shell_app, qtbot, tmp_path, screenshots):
    data = tmp_path / "data"
    _empty_facility(data, ("admin", Role.ADMIN)).close()
    controller = start_logged_in(qtbot, data, "admin")
    main = controller.main
    checklist = _checklist(main)
    assert checklist.isVisible()
    assert "Ngày đầu tiên" in checklist.title.text()
    assert [_button(main, k).isVisible() for k in ("accounts", "admit", "import", "guide")] == [True] * 4
    shoot(main, screenshots, "first-day-admin-vi")

    # "create staff accounts" opens Administration, where it is done
    _button(main, "accounts").click()
    qtbot.waitUntil(lambda: controller.admin_dialog is not None and controller.admin_dialog.isVisible())
    controller.admin_dialog.close()
    QApplication.processEvents()

    # "bring in an existing list": the admin gets the import dialog itself
    assert "Excel" in checklist.rows["import"][1].text()
    _button(main, "import").click()
    qtbot.waitUntil(lambda: getattr(main, "_import_dialog", None) is not None and main._import_dialog.isVisible())
    main._import_dialog.close()
    QApplication.processEvents()

    # a nurse's account: that step is ticked, the box stays (no resident yet)
    s = controller.session
    s.perform(lambda: s.services.users.add(s.actor, "lan", "Hoàng Thị Lan", Role.NURSE, PASSWORD))
    assert checklist.isVisible() and checklist.rows["accounts"][0].text() == "✓"
    assert checklist.rows["admit"][0].text() == "•"

    # the first resident: the box goes
    s.perform(lambda: s.services.residents.admit(SYSTEM, Resident("Nguyễn Văn An", Sex.MALE, date(1940, 5, 2),
                                                                   date(2024, 1, 10), [BeneficiaryGroup.ELDERLY])))
    qtbot.waitUntil(lambda: not checklist.isVisible(), timeout=10_000)
    assert main.residents.model.rowCount() == 1


def test_a_nurse_is_told_who_makes_accounts_and_can_admit(shell_app, qtbot, tmp_path):
    data = tmp_path / "data"
    _empty_facility(data, ("admin", Role.ADMIN), ("lan", Role.NURSE)).close()
    controller = start_logged_in(qtbot, data, "lan")
    main = controller.main
    checklist = _checklist(main)
    assert checklist.isVisible()
    assert not _button(main, "accounts").isVisible()
    assert "quản trị viên" in checklist.rows["accounts"][1].text()
    assert checklist.rows["accounts"][0].text() == "✓"  # her own account is a staff account
    _button(main, "admit").click()
    dialog = QApplication.activeModalWidget() or main.findChild(QWidget, "admitDialog")
    assert dialog is not None and dialog.objectName() == "admitDialog"
    dialog.close()

    # "import a list": a nurse may not import; the guide opens at the section that says who does
    _button(main, "import").click()
    window = guide.current_guide()
    assert window is not None and window.isVisible()
    assert window.browser.verticalScrollBar().value() > 0
    assert window.show_section("import")


def test_no_checklist_when_the_facility_has_residents_and_staff(shell_app, qtbot, tmp_path):
    services, _ = make_store(tmp_path / "data")
    services.close()
    controller = start_logged_in(qtbot, tmp_path / "data", "lan")
    assert not _checklist(controller.main).isVisible()


def _guide_text() -> str:
    window = guide.current_guide()
    assert window is not None and window.isVisible()
    return window.browser.toPlainText()


def test_f1_opens_the_guide_from_the_main_window_a_record_tab_and_a_dialog(shell_app, qtbot, tmp_path, screenshots):
    services, admitted = make_store(tmp_path / "data")
    services.close()
    controller = start_logged_in(qtbot, tmp_path / "data", "binh")
    main = controller.main
    qtbot.keyClick(main.residents.search, Qt.Key.Key_F1)
    assert "Hướng dẫn sử dụng" in _guide_text() and "Ghi một lần khám" in _guide_text()
    assert guide.current_guide().windowTitle() == "Hướng dẫn sử dụng"
    shoot(guide.current_guide(), screenshots, "guide-vi")
    guide.current_guide().close()

    # from a record tab, with the focus in one of its fields
    main.open_resident(admitted[0].id)
    record = main.tabs.currentWidget()
    assert record.objectName() == "residentRecord"
    record.tabs.setCurrentWidget(record.checkups)
    qtbot.mouseClick(record.findChild(QPushButton, "checkupNew"), Qt.MouseButton.LeftButton)
    field = record.findChild(QLineEdit, "checkupSystolic")
    field.setFocus()
    qtbot.keyClicks(field, "128")
    qtbot.keyClick(field, Qt.Key.Key_F1)
    assert "Ghi một lần khám" in _guide_text()
    assert guide.current_guide().parent() is main
    guide.current_guide().close()
    assert field.text() == "128" and field.isVisible()  # the typed value is still there

    # from a modal dialog (the health book preview or any other): the guide is its child, not blocked
    dialog = QDialog(main)
    dialog.setModal(True)
    box = QLineEdit(dialog)
    dialog.show()
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    qtbot.keyClick(box, Qt.Key.Key_F1)
    assert guide.current_guide().parent() is dialog and "Ghi một lần khám" in _guide_text()
    guide.current_guide().close()
    dialog.close()

    # in English once the language is English
    controller.set_language("en")
    qtbot.keyClick(main.residents.search, Qt.Key.Key_F1)
    assert "User guide" in _guide_text() and "Recording a checkup" in _guide_text()
    assert "Ghi một lần khám" not in _guide_text()
    assert guide.current_guide().windowTitle() == "User guide"
    shoot(guide.current_guide(), screenshots, "guide-en")
    guide.current_guide().close()
    # and the Help menu's entry does the same
    main.help_actions.act_guide.trigger()
    assert "Recording a checkup" in _guide_text()
    assert main.help_actions.act_guide.text() == "&User guide"


_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


def test_guide_files_exist_and_their_images_resolve(shell_app):
    for lang in ("vi", "en"):
        md = DOCS / f"user-guide.{lang}.md"
        text = md.read_text(encoding="utf-8")
        links = _IMAGE.findall(text)
        assert len(links) >= 4, md
        for link in links:
            image = QImage(str((md.parent / link).resolve()))
            assert not image.isNull() and image.width() >= 400, link
        assert any(line.startswith("#") and guide.SECTIONS["import"][lang] in line
                   for line in text.splitlines()), "the heading the checklist jumps to"
        # the browser finds the images the way the app loads them
        window = guide.GuideWindow(lang)
        doc = window.browser.document()
        for link in links:
            assert doc.resource(QTextDocument.ResourceType.ImageResource, window.browser.source().resolved(link)) is not None
        window.close()
        pdf = DOCS / f"user-guide.{lang}.pdf"
        assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")


def test_printable_guide_is_current_and_reads_back(tmp_path):
    """The committed PDFs say what scripts/make-guide-pdf.py makes from the
    Markdown now (same text, pages and pictures; bytes may differ with another
    reportlab), and their text is the guide's, Vietnamese letters included."""
    import subprocess
    import sys

    import pypdfium2 as pdfium

    def read(path):
        pdf = pdfium.PdfDocument(str(path))
        try:
            text = " ".join(" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf)))
            images = sum(1 for i in range(len(pdf)) for obj in pdf[i].get_objects()
                         if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE)
            return len(pdf), text, images
        finally:
            pdf.close()

    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "make-guide-pdf.py"), "--out-dir", str(tmp_path)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    for lang, words in (("vi", ["Hướng dẫn sử dụng", "Ghi một lần khám", "Nhập danh sách có sẵn", "Khóa màn hình"]),
                        ("en", ["User guide", "Recording a checkup", "Bringing in an existing list", "Lock the screen"])):
        fresh = read(tmp_path / f"user-guide.{lang}.pdf")
        committed = read(DOCS / f"user-guide.{lang}.pdf")
        assert committed == fresh, f"user-guide.{lang}.pdf is stale: run scripts/make-guide-pdf.py"
        pages, text, images = fresh
        for word in words:
            assert word in text, (lang, word)
        assert images == len(_IMAGE.findall((DOCS / f"user-guide.{lang}.md").read_text(encoding="utf-8")))
        assert pages >= 3


def test_f1_works_before_anyone_logs_in(shell_app, qtbot, tmp_path):
    services, _ = make_store(tmp_path / "data")
    services.close()
    from facility_app.ui.controller import AppController
    from tests.conftest import TODAY

    if guide._filter is not None:  # as on a fresh start: no main window has installed it yet
        shell_app.removeEventFilter(guide._filter)
        guide._filter = None
    controller = AppController(tmp_path / "data", "vi", today=lambda: TODAY)
    controller.start()
    window = controller.start_window
    qtbot.addWidget(window)
    window.unlock.passphrase.setFocus()
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_F1)
    assert "Đăng nhập" in _guide_text() and guide.current_guide().parent() is window
    guide.current_guide().close()
    assert window.unlock.passphrase.text() == ""  # F1 typed nothing
