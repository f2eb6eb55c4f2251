"""The record screen shows the histories: the cards a resident has had, the
rooms, and a condition's status changes with the day each began."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget

from care_core.domain.entities import Condition
from care_core.domain.enums import ConditionStatus
from facility_app.ui.record import labels
from tests.conftest import DOCTOR, NURSE
from tests.ui_record_fixtures import (  # noqa: F401 - fixtures
    child,
    open_record,
    record_qm,
    resident,
    services,
    settled,
    translated,
    type_into,
)


def test_a_renewed_card_and_a_move_add_to_the_history_shown_on_the_profile(qtbot, services, resident, translated):
    translated("vi")
    r = services.residents.update(NURSE, resident.id, {"bhyt_number": "BT2201234567890",
                                                       "bhyt_valid_from": date(2025, 1, 1),
                                                       "bhyt_valid_to": date(2025, 12, 31)}, resident.version)
    record = open_record(qtbot, services, r.id)
    record.tabs.setCurrentWidget(record.profile)
    table = child(record, "profileCards", QTableWidget)
    assert table.rowCount() == 1
    # the nurse renews the card and moves the resident
    type_into(qtbot, record, "profileBhytNumber", "BT2201234567891")
    type_into(qtbot, record, "profileBhytFrom", "01/01/2026")
    type_into(qtbot, record, "profileBhytTo", "31/12/2026")
    type_into(qtbot, record, "profileRoom", "C3-10")
    qtbot.mouseClick(child(record, "profileSave", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=5000)
    assert [table.item(i, 0).text() for i in range(2)] == ["BT2201234567891", "BT2201234567890"]  # newest first
    assert table.item(1, 2).text() == "31/12/2025"
    rooms = child(record, "profileRooms", QLabel).text()
    assert "A2-05 từ 01/03/2019" in rooms and "C3-10 từ 20/11/2026" in rooms


def test_a_status_change_asks_its_date_and_the_timeline_shows_it(qtbot, services, resident, translated):
    translated("vi")
    cond = services.clinical.add_condition(DOCTOR, Condition(resident.id, "I10", date(2020, 1, 1)))
    record = open_record(qtbot, services, resident.id, actor=DOCTOR)
    tab = record.conditions
    record.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)
    timeline = child(record, "conditionStatusTimeline", QLabel)
    assert timeline.isVisible() and "01/01/2020" in timeline.text()
    tab.start_update()
    form = tab.form
    assert not form.status_from.isEnabled()  # asked only when the status changes
    form.status.set_current(ConditionStatus.CONTROLLED)
    assert form.status_from.isEnabled()
    type_into(qtbot, record, "conditionStatusFrom", "01/10/2026")
    assert form.save()
    settled(qtbot)
    steps = services.clinical.condition_history(DOCTOR, cond.id)
    assert [(s.status, s.changed_on) for s in steps] == [(ConditionStatus.ACTIVE, date(2020, 1, 1)),
                                                         (ConditionStatus.CONTROLLED, date(2026, 10, 1))]
    qtbot.waitUntil(lambda: "01/10/2026" in timeline.text() or not timeline.isVisible(), timeout=5000)
    tab.table.selectRow(0)
    expected = f"{labels.condition_status(ConditionStatus.CONTROLLED)} từ 01/10/2026"
    qtbot.waitUntil(lambda: expected in timeline.text(), timeout=5000)


def test_a_status_date_in_the_future_is_refused_beside_the_field(qtbot, services, resident):
    cond = services.clinical.add_condition(DOCTOR, Condition(resident.id, "I10", date(2020, 1, 1)))
    record = open_record(qtbot, services, resident.id, actor=DOCTOR)
    tab = record.conditions
    record.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)
    tab.start_update()
    tab.form.status.set_current(ConditionStatus.RESOLVED)
    type_into(qtbot, record, "conditionStatusFrom", "01/01/2027")
    assert not tab.form.save()  # refused by the form itself, before any saving starts
    settled(qtbot)
    assert len(services.clinical.condition_history(DOCTOR, cond.id)) == 1  # nothing written
