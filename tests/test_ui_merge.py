"""The record window's "Gộp hồ sơ trùng…" (issue 15, point 3) on a real
store and a real Qt window: a doctor finds the other record, reads both
side by side, picks which one stays and the right birth date, confirms,
and the merge runs off the GUI thread; the list keeps one row."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QPushButton, QRadioButton, QTableWidget

from care_core.domain.entities import Checkup, Resident, VitalSigns
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, DischargeReason, Sex
from facility_app.ui.resident_list import ResidentListWidget
from tests.conftest import DOCTOR, NURSE
from tests.ui_record_fixtures import (  # noqa: F401 - fixtures
    answers,
    child,
    open_record,
    services,
    session_for,
    settled,
    type_into,
)


def two_records(services, *, second_present: bool = False) -> tuple[Resident, Resident]:
    keep = services.residents.admit(NURSE, Resident(
        "Lý Thị Mai", Sex.FEMALE, date(1950, 4, 5), date(2024, 2, 1), [BeneficiaryGroup.ELDERLY], room="B1-02"))
    extra = {} if second_present else {"discharge_date": date(2024, 3, 1),
                                       "discharge_reason": DischargeReason.TRANSFERRED}
    other = services.residents.admit(NURSE, Resident(
        "Lý Thị Mai", Sex.FEMALE, date(1950, 5, 4), date(2023, 6, 1), [BeneficiaryGroup.ELDERLY],
        next_of_kin_phone="0912345678", **extra))
    services.clinical.record_checkup(NURSE, Checkup(other.id, date(2023, 7, 1), CheckupKind.PERIODIC,
                                                    VitalSigns(pulse=72)))
    return keep, other


def open_merge(qtbot, record):
    record.tabs.setCurrentWidget(record.profile)
    button = child(record, "profileMerge", QPushButton)
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = child(record, "mergeDialog")
    qtbot.waitExposed(dialog)
    return dialog


def pick_other(qtbot, dialog, text: str, code: str) -> None:
    type_into(qtbot, dialog, "mergeSearch", text)
    results = child(dialog, "mergeResults", QListWidget)
    qtbot.waitUntil(lambda: results.count() >= 1, timeout=2000)
    [row] = [i for i in range(results.count()) if results.item(i).text().startswith(code)]
    results.setCurrentRow(row)


def test_a_nurse_is_not_offered_the_merge(qtbot, services):
    keep, _ = two_records(services)
    record = open_record(qtbot, services, keep.id, actor=NURSE)
    record.tabs.setCurrentWidget(record.profile)
    assert not child(record, "profileMerge", QPushButton).isVisible()


def test_a_doctor_compares_chooses_and_merges(qtbot, services, answers, tmp_path):
    keep, other = two_records(services)
    from facility_app.ui.record.window import ResidentRecordWidget

    session = session_for(services, DOCTOR)
    listing = ResidentListWidget(session)
    qtbot.addWidget(listing)
    listing.reload()
    qtbot.waitUntil(lambda: listing.model.rowCount() == 2, timeout=5000)
    record = ResidentRecordWidget(session, keep.id)
    qtbot.addWidget(record)
    record.resize(1366, 700)
    record.show()
    qtbot.waitExposed(record)
    dialog = open_merge(qtbot, record)
    assert not child(dialog, "mergeRun", QPushButton).isEnabled()  # nothing chosen yet
    pick_other(qtbot, dialog, "ly thi mai", other.code)

    table = child(dialog, "mergeComparison", QTableWidget)
    cells = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    assert cells["Ngày sinh"] == ("05/04/1950", "04/05/1950")
    assert cells["Lần khám"] == ("0", "1")
    assert cells["Điện thoại người thân"] == ("—", "0912345678")
    birth = child(dialog, "mergeChoice_birth_date", QComboBox)
    assert [birth.itemText(i) for i in range(birth.count())] == ["05/04/1950", "04/05/1950"]
    birth.setCurrentIndex(1)  # the other record has the right birth date
    dialog.grab().save(str(tmp_path / "merge.png"))

    answers["confirm"].append(False)  # "Do not merge": nothing happens
    qtbot.mouseClick(child(dialog, "mergeRun", QPushButton), Qt.MouseButton.LeftButton)
    assert len(services.residents.list(NURSE)) == 2
    answers["confirm"].append(True)
    qtbot.mouseClick(child(dialog, "mergeRun", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)

    assert dialog.survivor_id == keep.id
    assert [r.id for r in services.residents.list(NURSE)] == [keep.id]
    merged = services.residents.get(NURSE, keep.id)
    assert merged.birth_date == date(1950, 5, 4) and merged.next_of_kin_phone == "0912345678"
    assert len(services.clinical.checkups(NURSE, keep.id)) == 1
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1, timeout=5000)
    assert child(record, "recordName", QLabel).text() == "Lý Thị Mai"


def test_keeping_the_other_record_moves_the_window_to_it(qtbot, services, answers):
    keep, other = two_records(services)
    record = open_record(qtbot, services, keep.id, actor=DOCTOR)
    dialog = open_merge(qtbot, record)
    pick_other(qtbot, dialog, other.code, other.code)
    child(dialog, "mergeKeepOther", QRadioButton).setChecked(True)
    table = child(dialog, "mergeComparison", QTableWidget)
    assert table.horizontalHeaderItem(1).text().endswith(other.code)
    answers["confirm"].append(True)
    qtbot.mouseClick(child(dialog, "mergeRun", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert dialog.survivor_id == other.id
    assert [r.id for r in services.residents.list(NURSE)] == [other.id]
    qtbot.waitUntil(lambda: record.resident_id == other.id, timeout=5000)


def test_two_open_stays_are_refused_with_the_reason(qtbot, services):
    keep, other = two_records(services, second_present=True)
    record = open_record(qtbot, services, keep.id, actor=DOCTOR)
    dialog = open_merge(qtbot, record)
    pick_other(qtbot, dialog, other.code, other.code)
    error = child(dialog, "mergeError", QLabel)
    assert error.isVisible() and error.text().startswith("Cả hai hồ sơ đang có lượt lưu trú")
    assert not child(dialog, "mergeRun", QPushButton).isEnabled()
