"""The rounds screen as a merit-care centre uses it: a round set up, its
people admitted, their intake checkups typed across one table by keyboard,
everyone discharged in one step; the report counts the stays."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget

from care_core.domain import periods
from care_core.domain.entities import NursingRound, Resident
from care_core.domain.enums import BeneficiaryGroup, FacilityType, StayKind
from facility_app.services.rounds import RoundEntry
from facility_app.ui.rounds.intake_table import FIRST_VITAL
from facility_app.ui.rounds.window import RoundsWindow
from tests.conftest import DIRECTOR, DOCTOR, NURSE, make_services
from tests.test_rounds import _merit_person
from tests.test_ui_round_intake import _type_row
from tests.ui_record_fixtures import answers, child, record_qm, services, session_for, settled, translated  # noqa: F401

import pytest


@pytest.fixture
def merit(tmp_path):
    s = make_services(tmp_path / "merit", FacilityType.MERIT_CARE)
    yield s
    s.close()


def _window(qtbot, services, actor=DOCTOR) -> RoundsWindow:
    w = RoundsWindow(session_for(services, actor))
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_round_of_forty_set_up_admitted_examined_by_keyboard_and_discharged(qtbot, merit, answers, translated):
    translated("vi")
    w = _window(qtbot, merit)
    assert child(w, "roundsHeading", QLabel).text()  # "no round yet"
    # the director sets up round 2 of 2026: 4 to 13 May, 40 places, a quota of 300
    child(w, "roundsNumber", QSpinBox).setValue(2)
    qtbot.keyClicks(child(w, "roundsStarts", QLineEdit), "04/05/2026")
    child(w, "roundsEnds", QLineEdit).clear()
    qtbot.keyClicks(child(w, "roundsEnds", QLineEdit), "13/05/2026")
    qtbot.keyClicks(child(w, "roundsYearQuota", QLineEdit), "300")
    qtbot.mouseClick(child(w, "roundsAdd", QPushButton), Qt.MouseButton.LeftButton)
    [r] = merit.rounds.list(DIRECTOR, 2026)
    assert (r.number, r.starts_on, r.ends_on, r.year_quota) == (2, date(2026, 5, 4), date(2026, 5, 13), 300)
    assert "300" in child(w, "roundsQuota", QLabel).text()
    # its people come in (the list's loading is tested beside the import)
    merit.rounds.admit_round(DIRECTOR, r.id, [RoundEntry(_merit_person(i)) for i in range(40)])
    w.year.setValue(2025)
    w.year.setValue(2026)  # the screen reads the round again
    table = child(w, "roundsTable", QTableWidget)
    assert table.item(0, 4).text() == "40" and table.item(0, 5).text() == "0/40"
    # the nurse types the forty intake checkups across the table
    grid = w.intake.table
    grid.setFocus()
    grid.setCurrentCell(0, FIRST_VITAL)
    for i in range(40):
        _type_row(qtbot, w.intake, {"systolic": str(120 + i % 30), "diastolic": "75", "pulse": "70",
                                    "temperature": "36,5", "weight_kg": "55"})
    settled(qtbot)
    assert len(merit.rounds.intake_checkups(NURSE, r.id)) == 40
    assert table.item(0, 5).text() == "40/40"
    # everyone leaves on the round's last day, in one step
    answers["confirm"].append(True)
    qtbot.mouseClick(child(w, "roundsDischarge", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.busy)
    assert "40" in child(w, "roundsMessage", QLabel).text()
    assert all(not m.stay.is_open() for m in merit.rounds.members(NURSE, r.id))
    ix = merit.reports.periodic(DIRECTOR, periods.parse_period("2026"), output="csv").indicators
    assert (ix.stays.stays, ix.stays.by_kind[StayKind.NURSING_ROUND], ix.stays.bed_days) == (40, 40, 40 * 9)


def test_a_nurse_sees_the_rounds_but_cannot_set_one_up_a_director_cannot_type_checkups(qtbot, merit):
    w = _window(qtbot, merit, NURSE)
    assert not child(w, "roundsNew").isVisibleTo(w)
    assert not child(w, "roundsLoad", QPushButton).isVisibleTo(w)
    r = merit.rounds.create(DIRECTOR, NursingRound(2026, 1, date(2026, 3, 2), date(2026, 3, 11), 40))
    merit.rounds.admit_round(DIRECTOR, r.id, [RoundEntry(_merit_person(0))])
    director = _window(qtbot, merit, DIRECTOR)
    cell = director.intake.table.item(0, FIRST_VITAL)
    assert not cell.flags() & Qt.ItemFlag.ItemIsEditable


def test_the_residents_menu_offers_the_rounds_in_a_merit_care_centre_only(qtbot, merit, services):
    from PySide6.QtGui import QAction

    from facility_app.ui.main_window import MainWindow

    main = MainWindow(session_for(merit, DOCTOR), "Trung tâm Điều dưỡng người có công")
    qtbot.addWidget(main)
    action = main.findChild(QAction, "actRounds")
    assert action is not None and action in main.menu_residents.actions()
    action.trigger()
    window = main.round_actions.window
    assert isinstance(window, RoundsWindow) and window.isVisible()
    other = MainWindow(session_for(services, DOCTOR), "Trung tâm Bảo trợ xã hội")  # a social-assistance centre
    qtbot.addWidget(other)
    assert other.findChild(QAction, "actRounds") is None
    window.close()


def test_the_today_panel_shows_the_round_under_way(qtbot, merit):
    from facility_app.ui import today_panel

    r = merit.rounds.create(DIRECTOR, NursingRound(2026, 3, date(2026, 11, 16), date(2026, 11, 25), 40))
    merit.rounds.admit_round(DIRECTOR, r.id, [RoundEntry(_merit_person(i)) for i in range(3)])
    panel = today_panel.TodayPanel(session_for(merit, NURSE))
    qtbot.addWidget(panel)
    panel.show()
    panel.reload()
    qtbot.waitUntil(lambda: panel.current is not None)
    text = child(panel, "todayRound", QLabel).text()
    assert child(panel, "todayRound", QLabel).isVisible()
    assert "3/2026" in text and "3 people" in text and "3 of them have no intake checkup" in text


def test_the_provinces_list_loaded_previewed_and_the_round_admitted_from_the_screen(qtbot, merit, tmp_path, translated):
    from tests.test_rounds import _cccd, _list_file
    from care_core.domain.enums import DischargeReason, Sex

    translated("vi")
    known = merit.residents.admit(NURSE, Resident("Đặng Đình Đức", Sex.MALE, date(1948, 2, 3), date(2024, 4, 1),
                                                  [BeneficiaryGroup.MERIT]))
    merit.residents.discharge(DIRECTOR, known.id, date(2024, 4, 10), DischargeReason.RETURNED_HOME, known.version)
    r = merit.rounds.create(DIRECTOR, NursingRound(2026, 1, date(2026, 5, 4), date(2026, 5, 13), 40))
    rows = [("Dang Dinh Duc", "03/02/1948", "", "Bệnh binh", "")]
    rows += [(f"Nguyễn Văn {g}", f"0{1 + i % 9}/0{1 + i % 9}/195{i % 10}",
              _cccd(Sex.MALE, date(1950 + i % 10, 1 + i % 9, 1 + i % 9), 500 + i), "Thương binh", "")
             for i, g in enumerate(["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khánh", "Lâm", "Minh"])]
    rows.append(("Ng", "99/99/1950", "", "", ""))  # a slip: named in the preview, left out
    w = _window(qtbot, merit)
    dialog = w.preview_list(_list_file(tmp_path / "dot1.csv", rows))
    qtbot.addWidget(dialog)
    assert child(dialog, "roundListTable", QTableWidget).rowCount() == 10
    assert "Dòng 12" in child(dialog, "roundListErrors", QLabel).text()
    assert known.code in child(dialog, "roundListTable", QTableWidget).item(0, 4).text()
    qtbot.mouseClick(child(dialog, "roundListAdmit", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.busy)
    assert len(merit.rounds.members(NURSE, r.id)) == 10
    assert len(merit.residents.list(NURSE)) == 10  # the known person came back on the old record
    assert w.intake.table.rowCount() == 10
