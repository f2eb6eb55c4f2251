"""Checkups tab: record (refused and accepted), correct, void, charts, keys."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget

from care_core.domain.entities import Checkup, VitalSigns
from care_core.domain.enums import CheckupKind, Role
from care_core.domain.entities import Actor
from facility_app.ui.record import checkup_form
from tests.conftest import NURSE, TODAY
from tests.ui_record_fixtures import (  # noqa: F401 - fixtures
    settled,
    answers,
    child,
    open_record,
    resident,
    services,
    type_into,
)

VALID = {"checkupSystolic": "135", "checkupDiastolic": "85", "checkupPulse": "78", "checkupTemperature": "36,8",
         "checkupSpo2": "97", "checkupRespiratoryRate": "18", "checkupWeight": "52,5", "checkupHeight": "158",
         "checkupGlucose": "6,1"}


def open_form(qtbot, record):
    record.tabs.setCurrentWidget(record.checkups)
    qtbot.mouseClick(child(record, "checkupNew", QPushButton), Qt.MouseButton.LeftButton)
    form = child(record, "checkupForm")
    assert record.checkups.form_open() and form.isVisible()
    return form


def fill(qtbot, record, values: dict[str, str]):
    for name, text in values.items():
        type_into(qtbot, record, name, text)


def error_text(record, field: str) -> str:
    label = child(record, f"checkupError_{field}", QLabel)
    return label.text() if label.isVisible() else ""


def test_out_of_range_value_is_refused_beside_its_field_and_keeps_what_was_typed(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)
    open_form(qtbot, record)
    fill(qtbot, record, {**VALID, "checkupSystolic": "300"})
    # validated while typing, before any save
    assert "300" in error_text(record, "systolic") and "260" in error_text(record, "systolic")
    assert "Huyết áp tâm thu" in error_text(record, "systolic")  # the domain's Vietnamese message
    assert error_text(record, "pulse") == ""

    qtbot.mouseClick(child(record, "checkupSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)

    assert services.clinical.checkups(NURSE, resident.id) == []
    assert record.checkups.form_open()
    banner = child(record, "checkupBanner", QLabel)
    assert banner.isVisible() and banner.text()
    for name, text in {**VALID, "checkupSystolic": "300"}.items():
        assert child(record, name, QLineEdit).text() == text


def test_letters_in_a_number_get_a_message_and_nothing_is_saved(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)
    open_form(qtbot, record)
    fill(qtbot, record, {**VALID, "checkupPulse": "7x"})
    assert "7x" in error_text(record, "pulse")
    assert not record.checkups.form.save()
    assert services.clinical.checkups(NURSE, resident.id) == []


def test_a_valid_checkup_is_saved_shown_in_the_table_and_charted(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)
    form = open_form(qtbot, record)
    fill(qtbot, record, VALID)
    child(record, "checkupFindings").setPlainText("Ổn định")
    assert child(record, "checkupBmi", QLabel).text().startswith("21")  # 52.5 / 1.58² = 21.0

    qtbot.keyClick(child(record, "checkupGlucose", QLineEdit), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settled(qtbot)

    saved = services.clinical.checkups(NURSE, resident.id)
    assert len(saved) == 1
    c = saved[0]
    assert (c.vitals.systolic, c.vitals.diastolic, c.vitals.temperature, c.vitals.weight_kg) == (135, 85, 36.8, 52.5)
    assert c.checkup_date == TODAY and c.kind == CheckupKind.ADMISSION  # first checkup: admission screening
    assert not record.checkups.form_open() and not form.isVisible()
    table = child(record, "checkupTable")
    assert table.model().rowCount() == 1
    assert table.model().index(0, 2).data() == "135/85"
    chart = record.checkups.chart
    assert chart.point_count() == 2  # systolic and diastolic
    record.checkups.show_chart("glucose")
    assert chart.point_count() == 1
    assert child(record, "checkupsBanner", QLabel).text()


def test_newest_checkup_comes_first(qtbot, services, resident):
    for day in (date(2024, 5, 1), date(2026, 1, 10), date(2025, 3, 2)):
        services.clinical.record_checkup(NURSE, Checkup(resident.id, day, CheckupKind.PERIODIC, VitalSigns(systolic=120, diastolic=80)))
    record = open_record(qtbot, services, resident.id)
    model = child(record, "checkupTable").model()
    assert [model.index(r, 0).data() for r in range(3)] == ["10/01/2026", "02/03/2025", "01/05/2024"]


def test_correcting_a_checkup_keeps_both_versions(qtbot, services, resident):
    first = services.clinical.record_checkup(NURSE, Checkup(resident.id, date(2026, 10, 1), CheckupKind.PERIODIC,
                                                             VitalSigns(systolic=150, diastolic=90, pulse=80)))
    record = open_record(qtbot, services, resident.id)
    record.checkups.table.selectRow(0)
    qtbot.mouseClick(child(record, "checkupCorrect", QPushButton), Qt.MouseButton.LeftButton)
    assert child(record, "checkupSystolic", QLineEdit).text() == "150"  # pre-filled
    assert child(record, "checkupDate", QLineEdit).text() == "01/10/2026"
    type_into(qtbot, record, "checkupSystolic", "130")
    qtbot.mouseClick(child(record, "checkupSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)

    current = services.clinical.checkups(NURSE, resident.id)
    assert [c.vitals.systolic for c in current] == [130]
    history = services.clinical.checkup_history(NURSE, current[0].id)
    assert [c.vitals.systolic for c in history] == [150, 130]
    assert history[0].id == first.id
    assert child(record, "checkupTable").model().index(0, 2).data() == "130/90"

    record.checkups.table.selectRow(0)
    qtbot.mouseClick(child(record, "checkupVersions", QPushButton), Qt.MouseButton.LeftButton)
    dialog = child(record, "checkupVersionsDialog")
    assert dialog.table.model().rowCount() == 2


def test_voiding_asks_a_reason_and_removes_the_checkup_from_the_table(qtbot, services, resident, answers):
    services.clinical.record_checkup(NURSE, Checkup(resident.id, date(2026, 10, 1), CheckupKind.PERIODIC, VitalSigns(systolic=120, diastolic=80)))
    record = open_record(qtbot, services, resident.id)
    record.checkups.table.selectRow(0)
    answers["ask_text"].append("   ")  # a blank reason is refused
    record.checkups.void_selected()
    settled(qtbot)
    assert len(services.clinical.checkups(NURSE, resident.id)) == 1
    assert child(record, "checkupsBanner", QLabel).property("kind") == "error"
    answers["ask_text"].append("Nhập nhầm người")
    record.checkups.table.selectRow(0)
    record.checkups.void_selected()
    settled(qtbot)
    assert services.clinical.checkups(NURSE, resident.id) == []
    assert child(record, "checkupTable").model().rowCount() == 0


def test_escape_asks_before_discarding_typed_values(qtbot, services, resident, answers):
    record = open_record(qtbot, services, resident.id)
    form = open_form(qtbot, record)
    type_into(qtbot, record, "checkupPulse", "80")
    answers["confirm"].append(False)  # "keep editing"
    form.cancel()
    assert record.checkups.form_open()
    assert child(record, "checkupPulse", QLineEdit).text() == "80"
    answers["confirm"].append(True)
    form.cancel()
    assert not record.checkups.form_open()


def test_escape_on_an_untouched_form_closes_without_asking(qtbot, services, resident, answers):
    record = open_record(qtbot, services, resident.id)
    form = open_form(qtbot, record)
    qtbot.keyClick(child(record, "checkupPulse", QLineEdit), Qt.Key.Key_Escape)
    assert not record.checkups.form_open()
    assert answers["confirm"] == []


def test_tab_order_follows_the_paper_form(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)
    form = open_form(qtbot, record)
    record.activateWindow()
    start = child(record, "checkupDate", QLineEdit)
    start.setFocus()
    order = [start.objectName()]
    widget: QWidget = start
    # the vital signs' boxes in the field table's order (a new sign takes its place there)
    boxes = [name for _field, _whole, name in checkup_form.VITALS]
    for _ in range(len(boxes) + 4):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible() or not widget.objectName():
            widget = widget.nextInFocusChain()
        order.append(widget.objectName())
    assert order == ["checkupDate", "checkupKind", *boxes, "checkupClassification", "checkupFindings", "checkupNextDue"]
    paper = ["checkupSystolic", "checkupDiastolic", "checkupPulse", "checkupTemperature", "checkupSpo2",
             "checkupRespiratoryRate", "checkupWeight", "checkupHeight", "checkupGlucose"]
    assert [b for b in boxes if b in paper] == paper
    assert form.isVisible()


def test_admission_screening_shows_only_for_admission_checkups(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)
    form = open_form(qtbot, record)
    assert form.kind.current() == CheckupKind.ADMISSION and form.screening_box.isVisible()
    form.kind.set_current(CheckupKind.PERIODIC)
    assert not form.screening_box.isVisible()
    form.kind.set_current(CheckupKind.ADMISSION)
    form.isolation.setChecked(True)  # isolation without a suspected/positive screening
    assert "cách ly" in child(record, "checkupError_screening", QLabel).text()


def test_a_role_that_may_not_record_sees_no_record_buttons_and_the_service_refuses(qtbot, services, resident):
    director = Actor("director1", Role.DIRECTOR)
    record = open_record(qtbot, services, resident.id, actor=director)
    assert not child(record, "checkupNew", QPushButton).isVisible()
    assert not child(record, "checkupCorrect", QPushButton).isVisible()
    # even if the form is reached, the service refuses with its own sentence
    record.checkups.start_new()
    fill(qtbot, record, VALID)
    assert record.checkups.form.save()  # sent off the GUI thread; the service's refusal comes back
    settled(qtbot)
    assert record.checkups.form_open() and record.checkups.form.is_dirty()
    assert "không được phép" in child(record, "checkupBanner", QLabel).text()
    assert services.clinical.checkups(NURSE, resident.id) == []


def test_an_unexpected_failure_becomes_a_sentence_and_a_log_line(qtbot, services, resident, monkeypatch, caplog):
    record = open_record(qtbot, services, resident.id)
    open_form(qtbot, record)
    fill(qtbot, record, VALID)

    def broken(*_a, **_k):
        raise RuntimeError(f"disk on fire: {resident.full_name}")  # a message quoting patient data

    monkeypatch.setattr(services.clinical, "record_checkup", broken)
    with caplog.at_level("ERROR", logger="facility_app"):
        assert record.checkups.form.save()
        settled(qtbot)
    banner = child(record, "checkupBanner", QLabel).text()
    assert "Traceback" not in banner and "disk on fire" not in banner and banner
    assert "RuntimeError" in caplog.text and "Hoàng Văn Thụ" not in caplog.text
    assert record.checkups.form_open()
    assert child(record, "checkupSystolic", QLineEdit).text() == "135"
    assert QApplication.instance() is not None
