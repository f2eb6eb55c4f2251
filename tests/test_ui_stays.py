"""Stays on the record screen: the list of a person's stays, and re-admission
of a discharged person through the GUI (a new stay on the same record, never
a second record). Real store, real widgets (offscreen), saves off the GUI thread."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget

from care_core.domain.enums import DischargeReason, StayKind
from facility_app.ui.resident_list import ResidentListWidget
from tests.conftest import DOCTOR, NURSE
from tests.ui_record_fixtures import (  # noqa: F401 - fixtures
    child,
    open_record,
    resident,
    services,
    session_for,
    settled,
    type_into,
)


def _cells(table: QTableWidget) -> list[list[str]]:
    return [[table.item(i, j).text() for j in range(table.columnCount())] for i in range(table.rowCount())]


def test_discharge_then_readmit_through_the_gui_keeps_one_person_with_two_stays(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id, actor=DOCTOR)
    record.tabs.setCurrentWidget(record.profile)
    stays = child(record, "profileStays", QTableWidget)
    assert _cells(stays) == [["Nuôi dưỡng tập trung", "01/03/2019", "", "", str((date(2026, 11, 20) - date(2019, 3, 1)).days)]]
    readmit = child(record, "profileReadmit", QPushButton)
    assert readmit.isVisible() and not readmit.isEnabled()  # still here: nothing to re-admit

    qtbot.mouseClick(child(record, "profileDischarge", QPushButton), Qt.MouseButton.LeftButton)
    dialog = child(record, "dischargeDialog")
    type_into(qtbot, dialog, "dischargeDate", "01/06/2026")
    dialog.form.reason.set_current(DischargeReason.RETURNED_HOME)
    qtbot.mouseClick(child(dialog, "dischargeSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    qtbot.waitUntil(lambda: readmit.isEnabled(), timeout=5000)

    qtbot.mouseClick(readmit, Qt.MouseButton.LeftButton)
    dialog = child(record, "readmitDialog")
    decision = child(dialog, "readmitDecision", QLineEdit)
    assert not decision.isVisible()  # only for a compulsory rehabilitation stay
    type_into(qtbot, dialog, "readmitDate", "20/05/2026")  # before the discharge: refused here
    qtbot.mouseClick(child(dialog, "readmitSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    error = child(dialog, "readmitError_admitted_on", QLabel)
    assert error.isVisible() and "01/06/2026" in error.text()
    assert len(services.residents.stays(NURSE, resident.id)) == 1  # nothing written

    type_into(qtbot, dialog, "readmitDate", "02/11/2026")
    type_into(qtbot, dialog, "readmitRoom", "C3-01")
    with qtbot.waitSignal(record.session.sig_changes, timeout=5000) as heard:
        qtbot.mouseClick(child(dialog, "readmitSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert "stays" in heard.args[0].rows and heard.args[0].touches_record(resident.id)
    assert not dialog.isVisible()

    kept = services.residents.stays(NURSE, resident.id)
    assert [(s.admitted_on, s.discharged_on) for s in kept] == [(date(2019, 3, 1), date(2026, 6, 1)),
                                                               (date(2026, 11, 2), None)]
    stored = services.residents.get(NURSE, resident.id)
    assert (stored.admission_date, stored.discharge_date, stored.room) == (date(2026, 11, 2), None, "C3-01")
    qtbot.waitUntil(lambda: stays.rowCount() == 2, timeout=5000)  # the record re-read itself
    assert _cells(stays)[0][:3] == ["Nuôi dưỡng tập trung", "02/11/2026", ""]
    assert _cells(stays)[1][1:4] == ["01/03/2019", "01/06/2026", "Trở về gia đình, cộng đồng"]
    assert not readmit.isEnabled() and child(record, "profileDischarge", QPushButton).isEnabled()

    listing = ResidentListWidget(session_for(services))
    qtbot.addWidget(listing)
    listing.reload()
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1, timeout=5000)  # one person, one row
    settled(qtbot)
    assert listing.model.rowCount() == 1


def test_a_compulsory_stay_asks_for_its_decision_and_term(qtbot, services, resident):
    services.residents.discharge(DOCTOR, resident.id, date(2025, 1, 1), DischargeReason.RETURNED_HOME, resident.version)
    record = open_record(qtbot, services, resident.id, actor=NURSE)
    record.tabs.setCurrentWidget(record.profile)
    qtbot.mouseClick(child(record, "profileReadmit", QPushButton), Qt.MouseButton.LeftButton)
    dialog = child(record, "readmitDialog")
    dialog.form.kind.set_current(StayKind.REHAB_COMPULSORY)
    decision = child(dialog, "readmitDecision", QLineEdit)
    assert decision.isVisible()
    type_into(qtbot, dialog, "readmitDate", "01/10/2026")
    qtbot.mouseClick(child(dialog, "readmitSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert "cai nghiện bắt buộc" in child(dialog, "readmitError_decision_number", QLabel).text()
    assert child(dialog, "readmitError_term_months", QLabel).isVisible()
    type_into(qtbot, dialog, "readmitDecision", "15/2026/QĐ-TA")
    type_into(qtbot, dialog, "readmitTerm", "12")
    qtbot.mouseClick(child(dialog, "readmitSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    last = services.residents.stays(NURSE, resident.id)[-1]
    assert (last.kind, last.decision_number, last.term_months) == (StayKind.REHAB_COMPULSORY, "15/2026/QĐ-TA", 12)


def test_a_stay_is_corrected_and_an_earlier_one_added_from_the_profile(qtbot, services, resident):
    services.residents.discharge(DOCTOR, resident.id, date(2025, 1, 1), DischargeReason.RETURNED_HOME, resident.version)
    record = open_record(qtbot, services, resident.id, actor=NURSE)
    record.tabs.setCurrentWidget(record.profile)
    stays = child(record, "profileStays", QTableWidget)
    correct = child(record, "profileCorrectStay", QPushButton)
    assert correct.isVisible() and not correct.isEnabled()  # nothing chosen yet

    # the nurse fixes the kind and adds the decision; the discharge is not hers to move
    stays.selectRow(0)
    assert correct.isEnabled()
    qtbot.mouseClick(correct, Qt.MouseButton.LeftButton)
    dialog = child(record, "stayDialog")
    assert not child(dialog, "stayDischarged", QLineEdit).isEnabled()
    dialog.form.kind.set_current(StayKind.REHAB_COMPULSORY)
    qtbot.mouseClick(child(dialog, "staySave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert "cai nghiện bắt buộc" in child(dialog, "stayError_decision_number", QLabel).text()
    assert services.residents.stays(NURSE, resident.id)[0].kind == StayKind.LONG_TERM  # nothing written
    type_into(qtbot, dialog, "stayDecision", "07/2019/QĐ-TA")
    type_into(qtbot, dialog, "stayTerm", "30")  # longer than the law allows
    qtbot.mouseClick(child(dialog, "staySave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert child(dialog, "stayError_term_months", QLabel).isVisible()
    type_into(qtbot, dialog, "stayTerm", "24")
    with qtbot.waitSignal(record.session.sig_changes, timeout=5000):
        qtbot.mouseClick(child(dialog, "staySave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert not dialog.isVisible()
    only = services.residents.stays(NURSE, resident.id)
    assert [(s.kind, s.decision_number, s.term_months, s.admitted_on, s.discharged_on) for s in only] == \
        [(StayKind.REHAB_COMPULSORY, "07/2019/QĐ-TA", 24, date(2019, 3, 1), date(2025, 1, 1))]
    qtbot.waitUntil(lambda: _cells(stays)[0][0] == "Cai nghiện bắt buộc", timeout=5000)

    # an earlier stay from the paper file: it must have ended and must not overlap
    qtbot.mouseClick(child(record, "profileAddStay", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    dialog = record.profile.stay_dialog
    assert dialog.isVisible() and child(dialog, "stayDischarged", QLineEdit).isEnabled()
    dialog.form.kind.set_current(StayKind.REHAB_VOLUNTARY)
    type_into(qtbot, dialog, "stayAdmitted", "01/02/2016")
    qtbot.mouseClick(child(dialog, "staySave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert child(dialog, "stayError_discharged_on", QLabel).isVisible()
    type_into(qtbot, dialog, "stayDischarged", "01/04/2019")  # into the stay of 2019
    dialog.form.reason.set_current(DischargeReason.RETURNED_HOME)
    qtbot.mouseClick(child(dialog, "staySave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert "01/03/2019" in child(dialog, "stayError_admitted_on", QLabel).text()
    assert len(services.residents.stays(NURSE, resident.id)) == 1
    type_into(qtbot, dialog, "stayDischarged", "01/08/2017")
    with qtbot.waitSignal(record.session.sig_changes, timeout=5000):
        qtbot.mouseClick(child(dialog, "staySave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    kept = services.residents.stays(NURSE, resident.id)
    assert [(s.kind, s.admitted_on, s.discharged_on) for s in kept] == [
        (StayKind.REHAB_VOLUNTARY, date(2016, 2, 1), date(2017, 8, 1)),
        (StayKind.REHAB_COMPULSORY, date(2019, 3, 1), date(2025, 1, 1))]
    stored = services.residents.get(NURSE, resident.id)
    assert (stored.admission_date, stored.discharge_date) == (date(2019, 3, 1), date(2025, 1, 1))  # the latest's
    qtbot.waitUntil(lambda: stays.rowCount() == 2, timeout=5000)
    assert _cells(stays)[1][:3] == ["Cai nghiện tự nguyện", "01/02/2016", "01/08/2017"]
