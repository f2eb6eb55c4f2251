"""Admission dialog and profile tab: admit, refused admission, edit with
optimistic version, NKT-only disability fields, addresses, discharge by role."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton

from care_core.domain.enums import BeneficiaryGroup, DischargeReason, DisabilityType, Sex
from facility_app.ui.record.admit_dialog import AdmitDialog
from tests.conftest import DOCTOR, NURSE
from tests.ui_record_fixtures import (  # noqa: F401 - fixtures
    settled,
    answers,
    child,
    open_record,
    resident,
    services,
    session_for,
    type_into,
)


def admit_dialog(qtbot, services, actor=NURSE):
    session = session_for(services, actor)
    dialog = AdmitDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return session, dialog


def test_admit_dialog_admits_a_resident_and_announces_it(qtbot, services):
    session, dialog = admit_dialog(qtbot, services)
    type_into(qtbot, dialog, "profileFullName", "trần thị mai")
    dialog.form.sex.set_current(Sex.FEMALE)
    type_into(qtbot, dialog, "profileBirthDate", "05/01/1945")
    child(dialog, "profileGroup_NCT", QCheckBox).setChecked(True)
    type_into(qtbot, dialog, "profileRoom", "B1-02")
    type_into(qtbot, dialog, "profileKinPhone", "0912345678")
    # province and commune typed without diacritics
    province = dialog.form.province
    province.lineEdit().selectAll()
    qtbot.keyClicks(province.lineEdit(), "lang son")
    province.completer().popup().setCurrentIndex(province.completer().completionModel().index(0, 0))
    qtbot.keyClick(province.completer().popup(), Qt.Key.Key_Return)
    assert province.current() == 20 and "Lạng Sơn" in province.currentText()
    assert dialog.form.ward.count() > 10  # the communes of Lạng Sơn

    with qtbot.waitSignal(session.sig_changes, timeout=5000) as changed:  # what the save wrote, from the service
        qtbot.mouseClick(child(dialog, "profileSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert dialog.result() == AdmitDialog.DialogCode.Accepted
    admitted = dialog.admitted
    rooms = services.residents.rooms(NURSE, admitted.id)  # the admission starts the room's history
    assert changed.args[0].rows == {"residents": {admitted.id}, "room_changes": {rooms[0].id}}
    assert admitted is not None and admitted.full_name == "Trần Thị Mai" and admitted.code.startswith("DT-")
    stored = services.residents.get(NURSE, admitted.id)
    assert (stored.birth_date, stored.province_code, stored.room, stored.groups) == (
        date(1945, 1, 5), 20, "B1-02", [BeneficiaryGroup.ELDERLY])
    assert stored.admission_date == date(2026, 11, 20)  # defaults to today


def test_a_refused_admission_shows_messages_beside_fields_and_keeps_the_form(qtbot, services, answers):
    _session, dialog = admit_dialog(qtbot, services)
    type_into(qtbot, dialog, "profileFullName", "Lê Văn Tám")
    type_into(qtbot, dialog, "profileCccd", "12345")
    qtbot.mouseClick(child(dialog, "profileSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert services.residents.list(NURSE) == []
    assert dialog.isVisible() and dialog.admitted is None
    assert "12" in child(dialog, "profileError_cccd", QLabel).text()
    assert child(dialog, "profileError_groups", QLabel).isVisible()
    assert child(dialog, "profileError_sex", QLabel).isVisible()
    assert child(dialog, "profileFullName", QLineEdit).text() == "Lê Văn Tám"
    # Esc on a dirty dialog asks; "keep editing" keeps it open
    answers["confirm"].append(False)
    dialog.reject()
    assert dialog.isVisible()


def test_disability_fields_are_enabled_only_for_the_nkt_group(qtbot, services):
    _session, dialog = admit_dialog(qtbot, services)
    form = dialog.form
    assert not form.disability_type.isEnabled()
    child(dialog, "profileGroup_NKT", QCheckBox).setChecked(True)
    assert form.disability_type.isEnabled() and form.disability_severity.isEnabled()
    form.disability_type.set_current(DisabilityType.MOBILITY)
    child(dialog, "profileGroup_NKT", QCheckBox).setChecked(False)
    assert not form.disability_type.isEnabled() and form.disability_type.current() is None


def test_profile_edit_saves_only_the_changes_with_the_version_it_read(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)
    record.tabs.setCurrentWidget(record.profile)
    type_into(qtbot, record, "profileRoom", "C3-10")
    type_into(qtbot, record, "profileBhytNumber", "bt2201234567890")
    qtbot.mouseClick(child(record, "profileSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    stored = services.residents.get(NURSE, resident.id)
    assert (stored.room, stored.bhyt_number, stored.version) == ("C3-10", "BT2201234567890", 2)
    assert "C3-10" in child(record, "recordDetails", QLabel).text()


def test_a_change_made_meanwhile_elsewhere_is_not_overwritten(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)
    record.tabs.setCurrentWidget(record.profile)
    type_into(qtbot, record, "profileRoom", "D1")
    services.residents.update(NURSE, resident.id, {"room": "E9"}, resident.version)  # another PC
    assert record.profile.form.save()
    settled(qtbot)
    assert services.residents.get(NURSE, resident.id).room == "E9"
    assert "người khác" in child(record, "profileBanner", QLabel).text()
    assert child(record, "profileRoom", QLineEdit).text() == "D1"


def test_a_nurse_cannot_see_discharge(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id, actor=NURSE)
    record.tabs.setCurrentWidget(record.profile)
    assert not child(record, "profileDischarge", QPushButton).isVisible()


def test_a_doctor_discharges_with_date_and_reason(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id, actor=DOCTOR)
    record.tabs.setCurrentWidget(record.profile)
    button = child(record, "profileDischarge", QPushButton)
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = child(record, "dischargeDialog")
    type_into(qtbot, dialog, "dischargeDate", "15/11/2026")
    qtbot.mouseClick(child(dialog, "dischargeSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert services.residents.get(NURSE, resident.id).discharge_date is None  # no reason chosen yet
    assert child(dialog, "dischargeError_discharge_reason", QLabel).isVisible()
    dialog.form.reason.set_current(DischargeReason.RETURNED_HOME)
    qtbot.mouseClick(child(dialog, "dischargeSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    stored = services.residents.get(NURSE, resident.id)
    assert (stored.discharge_date, stored.discharge_reason) == (date(2026, 11, 15), DischargeReason.RETURNED_HOME)
    assert child(record, "profileDischargeStatus", QLabel).isVisible()
    assert "15/11/2026" in child(record, "recordAlerts", QLabel).text()
    assert not button.isEnabled()


def test_a_commune_typed_without_diacritics_is_chosen_on_leaving_the_box(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)
    form = record.profile.form
    record.tabs.setCurrentWidget(record.profile)
    province = form.province
    province.lineEdit().setFocus()
    province.lineEdit().selectAll()
    qtbot.keyClicks(province.lineEdit(), "lang son")
    province.lineEdit().editingFinished.emit()  # Tab out of the box
    assert province.current() == 20
    ward = form.ward
    names = [ward.itemText(i) for i in range(ward.count())]
    assert "Phường Kỳ Lừa" in names
    ward.lineEdit().setFocus()
    ward.lineEdit().selectAll()
    qtbot.keyClicks(ward.lineEdit(), "ky lua")
    ward.lineEdit().editingFinished.emit()
    assert ward.currentText() == "Phường Kỳ Lừa"
    qtbot.mouseClick(child(record, "profileSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    stored = services.residents.get(NURSE, resident.id)
    assert stored.province_code == 20 and stored.ward_code == ward.current()
    ward.lineEdit().selectAll()
    qtbot.keyClicks(ward.lineEdit(), "phuong")  # many communes: the choice stays
    ward.lineEdit().editingFinished.emit()
    assert ward.currentText() == "Phường Kỳ Lừa"


def test_esc_closes_an_untouched_admit_dialog_at_once(qtbot, services):
    """Esc on an empty admission form closes it (it once recursed for ever
    through the form's sig_closed and crashed the program)."""
    _, dialog = admit_dialog(qtbot, services)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert dialog.result() == AdmitDialog.DialogCode.Rejected
    assert dialog.admitted is None


def test_closing_a_typed_admit_dialog_asks_and_keeps_it_when_refused(qtbot, services, answers):
    _, dialog = admit_dialog(qtbot, services)
    type_into(qtbot, dialog, "profileFullName", "trần thị mai")
    answers["confirm"].append(False)  # "discard what was typed?" -> no
    dialog.close()
    assert dialog.isVisible() and dialog.form.texts["full_name"].text() == "trần thị mai"
    answers["confirm"].append(True)
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
