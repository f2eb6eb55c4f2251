"""The intake checkups of a round typed in one table, by keyboard only: each
row is saved as the nurse leaves it; slips keep the row unsaved and say why."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, Sex
from facility_app.ui.rounds.intake_table import FIRST_VITAL, VITALS, RoundIntakeTable
from tests.conftest import NURSE
from tests.ui_record_fixtures import record_qm, services, session_for, settled, translated  # noqa: F401 - fixtures

DAY = date(2026, 11, 2)
COLUMNS = [f.name for f in VITALS]


GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Khánh"]
MIDDLE = ["Văn", "Hữu", "Đình", "Quang", "Minh"]


def _people(services, n: int) -> list[Resident]:
    return [services.residents.admit(NURSE, Resident(
        f"Nguyễn {MIDDLE[i % 5]} {GIVEN[i % 8]}", Sex.MALE, date(1950 + i % 20, 1 + i % 12, 1 + i % 28), DAY,
        [BeneficiaryGroup.MERIT])) for i in range(n)]


def _table(qtbot, services, people) -> RoundIntakeTable:
    table = RoundIntakeTable(session_for(services))
    qtbot.addWidget(table)
    table.resize(1400, 700)
    table.show()
    table.load(people, DAY)
    table.table.setFocus()
    return table


def _type_row(qtbot, table: RoundIntakeTable, values: dict[str, str]) -> None:
    """Type every vital-sign cell of the current row, Enter after each."""
    for name in COLUMNS:
        qtbot.keyClicks(table.table, values.get(name, "") or " ")  # any key opens the cell's editor
        editor = table.table.focusWidget()
        editor.selectAll()
        qtbot.keyClicks(editor, values.get(name, ""))
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.wait(1)


def test_forty_intake_checkups_typed_by_keyboard_are_saved_row_by_row(qtbot, services):
    people = _people(services, 40)
    table = _table(qtbot, services, people)
    for i in range(40):
        assert table.table.currentRow() == i and table.table.currentColumn() == FIRST_VITAL
        _type_row(qtbot, table, {"systolic": str(110 + i), "diastolic": "70", "pulse": "72",
                                 "temperature": "36,6", "weight_kg": f"{50 + i % 10},5", "height_cm": "160"})
    settled(qtbot)
    saved = table.saved()
    assert len(saved) == 40
    for i, p in enumerate(people):
        stored = services.clinical.checkups(NURSE, p.id)
        assert len(stored) == 1
        c = stored[0]
        assert c.kind == CheckupKind.ADMISSION and c.checkup_date == DAY
        assert c.vitals.systolic == 110 + i and c.vitals.temperature == 36.6
        assert c.vitals.weight_kg == 50 + i % 10 + 0.5 and c.vitals.spo2 is None
    assert table.unsaved_rows() == []


def test_a_slip_keeps_its_row_unsaved_and_says_why_while_the_next_rows_go_on(qtbot, services, translated):
    translated("vi")
    people = _people(services, 3)
    table = _table(qtbot, services, people)
    _type_row(qtbot, table, {"systolic": "12O", "diastolic": "80"})  # letter O for zero
    _type_row(qtbot, table, {"systolic": "400", "diastolic": "80"})  # outside the valid range
    _type_row(qtbot, table, {"systolic": "125", "diastolic": "85"})
    settled(qtbot)
    status = table.status_column
    assert "12O" in table.table.item(0, status).text()
    assert table.table.item(0, FIRST_VITAL).background().color().name() == "#f9dedc"
    assert "400" in table.table.item(1, status).text()
    assert services.clinical.checkups(NURSE, people[0].id) == []
    assert services.clinical.checkups(NURSE, people[1].id) == []
    assert [c.vitals.systolic for c in services.clinical.checkups(NURSE, people[2].id)] == [125]
    assert table.unsaved_rows() == [0, 1]
    # the nurse goes back to the first row, fixes it; leaving the row saves it
    table.table.setCurrentCell(0, FIRST_VITAL)
    qtbot.keyClicks(table.table, "1")
    editor = table.table.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "120")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    table.table.setCurrentCell(1, FIRST_VITAL)
    settled(qtbot)
    assert [c.vitals.systolic for c in services.clinical.checkups(NURSE, people[0].id)] == [120]
    assert table.table.item(0, status).text() == "Đã lưu"


def test_a_saved_row_typed_again_is_saved_as_a_correction(qtbot, services):
    people = _people(services, 2)
    table = _table(qtbot, services, people)
    _type_row(qtbot, table, {"systolic": "150", "diastolic": "90"})
    settled(qtbot)
    table.table.setCurrentCell(0, FIRST_VITAL)
    qtbot.keyClicks(table.table, "1")
    editor = table.table.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "135")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    table.save_current()
    settled(qtbot)
    current = services.clinical.checkups(NURSE, people[0].id)
    assert [c.vitals.systolic for c in current] == [135]
    assert len(services.clinical.checkup_history(NURSE, current[0].id)) == 2
