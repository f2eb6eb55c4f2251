"""The record from the nurse's seat (issue 11): the examiner filled in with
who is logged in (point 5), keyboard shortcuts for the record's main
actions (point 6), and messages that go as soon as the value is right
(point 7). Real record widget over a real encrypted store, offscreen.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from care_core.domain.entities import Actor
from care_core.domain.enums import Role
from tests.conftest import NURSE, SYSTEM
from tests.ui_record_fixtures import (  # noqa: F401 - fixtures
    settled,
    answers,
    child,
    open_record,
    record_qm,
    resident,
    services,
    translated,
    type_into,
)

VALID = {"checkupSystolic": "135", "checkupDiastolic": "85", "checkupPulse": "78"}
NURSE_NAME = "Nguyễn Thị Lan"


def press(qtbot, keys: str) -> None:
    """A key combination to the widget with the focus, as a keyboard sends it."""
    sequence = QKeySequence(keys)[0]
    qtbot.keyClick(QApplication.focusWidget(), sequence.key(), sequence.keyboardModifiers())


# --- point 5: the examiner ------------------------------------------------------------------

def test_new_checkup_names_the_logged_in_nurse_as_examiner_editable(qtbot, services, resident, answers):
    services.users.add(SYSTEM, NURSE.username, NURSE_NAME, Role.NURSE, "mat-khau-2026")
    record = open_record(qtbot, services, resident.id)
    record.tabs.setCurrentWidget(record.checkups)
    qtbot.mouseClick(child(record, "checkupNew", QPushButton), Qt.MouseButton.LeftButton)
    form = record.checkups.form
    assert child(record, "checkupExaminer", QLineEdit).text() == NURSE_NAME
    assert not form.is_dirty()  # a prefill is not typing: Esc closes without asking
    for name, text in VALID.items():
        type_into(qtbot, record, name, text)
    type_into(qtbot, record, "checkupExaminer", "BS. Lò Văn Minh")  # a doctor examined, the nurse types
    assert form.save()
    settled(qtbot)
    (saved,) = services.clinical.checkups(NURSE, resident.id)
    assert saved.examiner == "BS. Lò Văn Minh"
    # a correction keeps who examined, not who corrects
    record.checkups.table.selectRow(0)
    record.checkups.start_correction()
    assert child(record, "checkupExaminer", QLineEdit).text() == "BS. Lò Văn Minh"


def test_without_an_account_name_the_examiner_starts_blank(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)  # "nurse1" has no account in this store
    record.checkups.start_new()
    assert child(record, "checkupExaminer", QLineEdit).text() == ""


# --- point 6: shortcuts -----------------------------------------------------------------------

def test_shortcuts_start_each_new_record_entry_and_never_drop_typing(qtbot, services, resident, answers, translated):
    translated("vi")
    record = open_record(qtbot, services, resident.id)
    record.checkups.table.setFocus()
    press(qtbot, "Ctrl+B")
    assert record.tabs.currentWidget() is record.conditions and record.conditions.form_open()
    press(qtbot, "Ctrl+H")
    assert record.tabs.currentWidget() is record.rehab and record.rehab.form_open()
    press(qtbot, "Ctrl+T")
    assert record.tabs.currentWidget() is record.referrals and record.referrals.form_open()
    record.profile.setFocus()
    press(qtbot, "Ctrl+K")
    assert record.tabs.currentWidget() is record.checkups and record.checkups.form_open()
    type_into(qtbot, record, "checkupSystolic", "142")
    record.tabs.setCurrentWidget(record.history)
    record.history.setFocus()
    press(qtbot, "Ctrl+K")  # the open form again, with what was typed
    assert record.tabs.currentWidget() is record.checkups
    assert child(record, "checkupSystolic", QLineEdit).text() == "142" and record.checkups.form.is_dirty()
    tips = {key: record._page(key).new_button.toolTip() for key in record.NEW_KEYS}
    assert tips == {"checkups": "Ghi một lần khám mới (Ctrl+K)", "conditions": "Thêm một bệnh mạn tính (Ctrl+B)",
                    "rehab": "Ghi một buổi phục hồi chức năng (Ctrl+H)",
                    "referrals": "Chuyển tuyến đối tượng đến bệnh viện (Ctrl+T)"}


def test_english_tooltips_name_the_keys(qtbot, services, resident, translated):
    translated("en")
    record = open_record(qtbot, services, resident.id, lang="en")
    for key, keys in record.NEW_KEYS.items():
        tip = record._page(key).new_button.toolTip()
        assert tip.endswith(f"({keys})") and tip.isascii(), tip


def test_roles_that_may_not_record_get_no_form_from_a_shortcut(qtbot, services, resident):
    director = Actor("giamdoc", Role.DIRECTOR)
    record = open_record(qtbot, services, resident.id, actor=director)
    record.checkups.table.setFocus()
    press(qtbot, "Ctrl+K")
    assert not record.checkups.form_open() and record.checkups.built_forms() == []


def test_ctrl_p_opens_the_health_book_where_the_button_is_shown(qtbot, services, resident):
    doctor = Actor("bacsi", Role.DOCTOR)
    record = open_record(qtbot, services, resident.id, actor=doctor)
    assert record.print_book is not None and "(Ctrl+P)" in record.print_book.toolTip()
    record.checkups.table.setFocus()
    press(qtbot, "Ctrl+P")
    dialog = record.print_book.dialog
    assert dialog is not None and dialog.isVisible() and dialog.code == resident.code
    from facility_app.ui import workers
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=20_000)
    dialog.close()


# --- point 7: messages go once the value is right -------------------------------------------------

def test_not_saved_banner_and_field_message_go_as_soon_as_the_value_is_fixed(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)
    record.checkups.start_new()
    for name, text in {**VALID, "checkupSystolic": "300"}.items():
        type_into(qtbot, record, name, text)
    assert not record.checkups.form.save()
    banner = child(record, "checkupBanner", QLabel)
    error = child(record, "checkupError_systolic", QLabel)
    assert banner.isVisible() and banner.text().startswith("Not saved")
    assert error.isVisible()
    type_into(qtbot, record, "checkupSystolic", "30")  # still wrong: both stay
    assert banner.isVisible() and error.isVisible()
    type_into(qtbot, record, "checkupSystolic", "135")
    assert not banner.isVisible() and not error.isVisible()
    assert services.clinical.checkups(NURSE, resident.id) == []  # fixing saves nothing by itself
    assert record.checkups.form.save()
    settled(qtbot)
    assert len(services.clinical.checkups(NURSE, resident.id)) == 1
