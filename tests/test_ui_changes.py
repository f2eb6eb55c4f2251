"""Screens refresh from what an operation changed, never from a hand-made
announcement: a save in a record window reaches the resident list and
another window open on the same resident; a window on someone else stays
as it is. Real store, real widgets (offscreen), saves off the GUI thread."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from PySide6.QtCore import Qt

from care_core.domain.entities import Checkup, RehabSession, Resident, VitalSigns
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, RehabType, Sex
from facility_app.ui.record.window import ResidentRecordWidget
from facility_app.ui.resident_list import ResidentListWidget
from tests.conftest import NURSE
from tests.ui_record_fixtures import (  # noqa: F401 - fixtures
    child,
    resident,
    services,
    session_for,
    settled,
    type_into,
)


def _window(qtbot, session, resident_id: str) -> ResidentRecordWidget:
    widget = ResidentRecordWidget(session, resident_id)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_profile_saved_in_a_record_reaches_the_list_and_the_other_window(qtbot, services, resident):
    other = services.residents.admit(NURSE, Resident("Lò Thị Sáu", Sex.FEMALE, date(1950, 2, 2), date(2020, 1, 1),
                                                     [BeneficiaryGroup.ELDERLY], room="B1"))
    session = session_for(services)
    listing = ResidentListWidget(session)
    qtbot.addWidget(listing)
    listing.reload()
    qtbot.waitUntil(lambda: listing.model.rowCount() == 2, timeout=5000)
    here, there, elsewhere = (_window(qtbot, session, resident.id), _window(qtbot, session, resident.id),
                              _window(qtbot, session, other.id))
    reads = {w: 0 for w in (here, there, elsewhere)}
    for w in reads:
        original = w.reload
        w.reload = lambda w=w, original=original: (reads.__setitem__(w, reads[w] + 1), original())[1]

    here.tabs.setCurrentWidget(here.profile)
    type_into(qtbot, here, "profileRoom", "Z9-99")
    with qtbot.waitSignal(session.sig_changes, timeout=5000) as heard:
        qtbot.mouseClick(child(here, "profileSave", QPushButton), Qt.MouseButton.LeftButton)
        assert not here.profile.form.isEnabled() and here.profile.form.saving()  # greyed while the worker saves
    settled(qtbot)
    # the profile's row, and the move's entry in the room history
    assert heard.args[0].rows.keys() == {"residents", "room_changes"}
    assert heard.args[0].rows["residents"] == {resident.id} and heard.args[0].touches_record(resident.id)
    assert here.profile.form.isEnabled() and not here.profile.form.saving()
    assert services.residents.get(NURSE, resident.id).room == "Z9-99"
    assert "Z9-99" in child(there, "recordDetails", QLabel).text()  # the other window re-read the record
    assert reads[elsewhere] == 0 and reads[there] == 1  # someone else's record is not read again
    qtbot.waitUntil(lambda: any(r.id == resident.id and r.room == "Z9-99" for r in listing.model.rows()),
                    timeout=5000)  # the list re-read the roster (debounced)


def test_a_checkup_saved_in_a_record_reaches_another_window_but_not_the_list(qtbot, services, resident):
    session = session_for(services)
    listing = ResidentListWidget(session)
    qtbot.addWidget(listing)
    listing.reload()
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1, timeout=5000)
    loads = []
    listing.sig_loaded.connect(loads.append)
    here, there = _window(qtbot, session, resident.id), _window(qtbot, session, resident.id)
    here.checkups.start_new()
    for name, text in {"checkupDate": "20/11/2026", "checkupSystolic": "128", "checkupDiastolic": "82"}.items():
        type_into(qtbot, here, name, text)
    assert here.checkups.form.save()
    settled(qtbot)
    (saved,) = services.clinical.checkups(NURSE, resident.id)
    assert [c.id for c in there.checkups.checkups()] == [saved.id]
    qtbot.wait(600)  # longer than the list's debounce: a checkup is not a roster change
    assert loads == []


def test_a_refused_save_keeps_the_form_and_publishes_nothing(qtbot, services, resident):
    session = session_for(services)
    here = _window(qtbot, session, resident.id)
    heard = []
    session.sig_changes.connect(heard.append)
    services.residents.update(NURSE, resident.id, {"room": "E9"}, resident.version)  # another PC, meanwhile
    here.tabs.setCurrentWidget(here.profile)
    type_into(qtbot, here, "profileRoom", "D1")
    assert here.profile.form.save()
    settled(qtbot)
    assert heard == [] and here.profile.form.is_dirty() and here.profile.form.isEnabled()
    assert child(here, "profileRoom", QLineEdit).text() == "D1"  # nothing typed is lost
    assert "người khác" in child(here, "profileBanner", QLabel).text()


def test_a_void_saves_off_the_gui_thread_and_the_record_reloads(qtbot, services, resident, monkeypatch):
    from facility_app.ui.record import feedback

    services.clinical.record_checkup(NURSE, Checkup(resident.id, date(2026, 10, 1), CheckupKind.PERIODIC,
                                                     VitalSigns(systolic=120, diastolic=80)))
    session = session_for(services)
    here = _window(qtbot, session, resident.id)
    monkeypatch.setattr(feedback, "ask_text", lambda *_a, **_k: "Nhập nhầm người")
    here.checkups.table.selectRow(0)
    here.checkups.void_selected()
    assert not here.checkups.void_button.isEnabled()  # never voided twice while the worker runs
    settled(qtbot)
    assert here.checkups.checkups() == [] and services.clinical.checkups(NURSE, resident.id) == []


def test_a_full_disk_during_a_save_says_what_to_do_and_keeps_the_form(qtbot, services, resident, monkeypatch):
    """The record form uses the shell's words for a known failure (here a full disk)."""
    import errno

    from facility_app.services.startup import known_failure

    def full(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    session = session_for(services)
    here = _window(qtbot, session, resident.id)
    services.clinical.record_rehab(NURSE, RehabSession(resident.id, date(2026, 9, 1), RehabType.PHYSIOTHERAPY, 45,
                                                       "KTV Hà", barthel=40))  # the form continues this programme
    here.reload()
    monkeypatch.setattr(services.clinical, "record_rehab", full)
    here.tabs.setCurrentWidget(here.rehab)
    qtbot.mouseClick(child(here, "rehabNew", QPushButton), Qt.MouseButton.LeftButton)
    type_into(qtbot, here, "rehabMinutes", "30")
    assert here.rehab.form.save()
    settled(qtbot)
    banner = child(here, "rehabBanner", QLabel).text()
    assert banner == known_failure(OSError(errno.ENOSPC, "x")).message("vi")
    assert here.rehab.form_open() and child(here, "rehabMinutes", QLineEdit).text() == "30"
