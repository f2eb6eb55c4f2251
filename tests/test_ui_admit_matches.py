"""The duplicate check in the admission dialog (a real Qt window, offscreen,
over a real store): typing shows who is already on record, a certain match
asks before a second record is made, a found record opens."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton

from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, DischargeReason, Sex
from care_core.domain.identity import PersonDraft
from facility_app.ui.record.admit_dialog import AdmitDialog
from tests.conftest import NURSE, SYSTEM
from tests.store_fixtures import cccd_for
from tests.ui_record_fixtures import (  # noqa: F401 - fixtures
    answers, child, record_qm, services, session_for, settled, translated, type_into,
)

CCCD = cccd_for(Sex.MALE, date(1950, 3, 4), 424242)


def stored_person(services) -> Resident:
    r = services.residents.admit(SYSTEM, Resident("Đặng Văn Đức", Sex.MALE, date(1950, 3, 4), date(2020, 1, 6),
                                                  [BeneficiaryGroup.ELDERLY], cccd=CCCD))
    return services.residents.discharge(SYSTEM, r.id, date(2022, 5, 1), DischargeReason.RETURNED_HOME, r.version)


def open_dialog(qtbot, services):
    session = session_for(services, NURSE)
    dialog = AdmitDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill(qtbot, dialog, name: str, birth: str) -> None:
    type_into(qtbot, dialog, "profileFullName", name)
    dialog.form.sex.set_current(Sex.MALE)
    type_into(qtbot, dialog, "profileBirthDate", birth)
    child(dialog, "profileGroup_NCT", QCheckBox).setChecked(True)


def test_typing_a_name_without_diacritics_and_birth_shows_the_person(qtbot, services):
    old = stored_person(services)
    dialog = open_dialog(qtbot, services)
    assert dialog.matches.isHidden()
    fill(qtbot, dialog, "dang van duc", "04/03/1950")  # Đ typed as d
    qtbot.waitUntil(lambda: len(dialog.matches.matches) == 1, timeout=3000)
    assert dialog.matches.isVisible()
    text = child(dialog, "personMatchText_0", QLabel).text()
    assert old.code in text and "Cùng họ tên và ngày sinh" in text and "01/05/2022" in text
    with qtbot.waitSignal(dialog.sig_open_record, timeout=2000) as opened:
        qtbot.mouseClick(child(dialog, "personMatchOpen_0", QPushButton), Qt.MouseButton.LeftButton)
    assert opened.args == [old.id]
    assert len(services.residents.list(SYSTEM)) == 1


def test_readmit_hook_is_there_for_a_discharged_person(qtbot, services):
    old = stored_person(services)
    dialog = open_dialog(qtbot, services)
    fill(qtbot, dialog, "Đặng Văn Đức", "04/03/1950")
    qtbot.waitUntil(lambda: len(dialog.matches.matches) == 1, timeout=3000)
    with qtbot.waitSignal(dialog.matches.readmit_requested, timeout=2000) as asked:
        qtbot.mouseClick(child(dialog, "personMatchReadmit_0", QPushButton), Qt.MouseButton.LeftButton)
    assert asked.args == [old.id]


def test_a_certain_match_asks_before_a_second_record(qtbot, services, answers, translated):
    translated("vi")
    stored_person(services)
    dialog = open_dialog(qtbot, services)
    fill(qtbot, dialog, "Đặng Văn Đứt", "04/03/1950")  # the name mistyped: only the CCCD finds him
    type_into(qtbot, dialog, "profileCccd", CCCD)
    qtbot.waitUntil(lambda: bool(dialog.matches.certain()), timeout=3000)
    assert "đã có hồ sơ" in dialog.matches.heading.text()

    answers["confirm"] = [False]  # "Go back"
    qtbot.mouseClick(child(dialog, "profileSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert dialog.result() != AdmitDialog.DialogCode.Accepted and dialog.isVisible()
    assert len(services.residents.list(SYSTEM)) == 1  # no second record

    # the CCCD is taken, so "someone else" is refused by the service's own rule, beside the field
    answers["confirm"] = [True]
    qtbot.mouseClick(child(dialog, "profileSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert len(services.residents.list(SYSTEM)) == 1


def test_a_likely_match_does_not_block_saving_someone_else(qtbot, services, answers):
    stored_person(services)
    dialog = open_dialog(qtbot, services)
    fill(qtbot, dialog, "Đặng Văn Đức", "04/03/1950")
    qtbot.waitUntil(lambda: len(dialog.matches.matches) == 1, timeout=3000)
    with qtbot.waitSignal(dialog.form.sig_saved, timeout=5000):
        qtbot.mouseClick(child(dialog, "profileSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert answers["confirm"] == [] and len(services.residents.list(SYSTEM)) == 2


def test_a_stale_answer_is_dropped(qtbot, services):
    stored_person(services)
    dialog = open_dialog(qtbot, services)
    panel = dialog.matches
    panel.set_draft(PersonDraft("Đặng Văn Đức", date(1950, 3, 4)))
    panel.set_draft(PersonDraft("Nguyễn Văn Khác", date(1950, 3, 4)))  # typed on before the first was asked
    qtbot.waitUntil(lambda: not panel._timer.isActive(), timeout=2000)
    settled(qtbot)
    assert panel.matches == []
    stale = panel._asked - 1
    panel._show(stale, services.residents.find_person(NURSE, PersonDraft("Đặng Văn Đức", date(1950, 3, 4))))
    assert panel.matches == [] and panel.isHidden()


def test_admit_again_opens_the_old_record_on_its_readmit_dialog_and_makes_no_second_record(qtbot, services):
    """The nurse starts a new admission, the duplicate check finds the person
    (Đ typed as d), "Admit again" opens the old record's Re-admit dialog, and
    the new stay lands on the old record."""
    from facility_app.ui.main_window import MainWindow

    old = stored_person(services)
    main = MainWindow(session_for(services, NURSE), "Trung tâm Bảo trợ xã hội")
    qtbot.addWidget(main)
    main.show()
    main.admit()
    dialog = main._admit_dialog
    fill(qtbot, dialog, "dang van duc", "04/03/1950")
    qtbot.waitUntil(lambda: len(dialog.matches.matches) == 1, timeout=3000)
    qtbot.mouseClick(child(dialog, "personMatchReadmit_0", QPushButton), Qt.MouseButton.LeftButton)
    record = main.tabs.currentWidget()
    assert record.resident_id_for_tab == old.id
    qtbot.waitUntil(lambda: record.profile.readmit_dialog is not None and record.profile.readmit_dialog.isVisible(),
                    timeout=5000)
    readmit = record.profile.readmit_dialog
    type_into(qtbot, readmit, "readmitDate", "02/11/2026")
    qtbot.mouseClick(child(readmit, "readmitSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    assert len(services.residents.list(SYSTEM)) == 1  # no second record
    assert [s.admitted_on for s in services.residents.stays(NURSE, old.id)] == [date(2020, 1, 6), date(2026, 11, 2)]
    assert services.residents.get(NURSE, old.id).discharge_date is None
