"""Admit a new resident: the profile form in a dialog, with the duplicate check.

As the nurse types, the panel above the form lists persons already on
record who may be this one (``person_matches``). Saving while a certain
match (the same CCCD or card) is listed asks first: a second record of one
person is the mistake this guards against. ``sig_open_record(resident_id)``
asks the main window to open a found record (the dialog closes).

On success (the form saves through ``session.run``, so the list and the
Today panel hear of the new resident) the dialog keeps the new resident in
``.admitted`` and closes (accepted).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from care_core.domain.dates import dmy
from care_core.domain.entities import Resident
from care_core.domain.identity import PersonDraft
from care_core.domain.permissions import Permission
from .. import dialogs
from .person_matches import PersonMatchPanel
from .profile_form import ProfileForm


class _AdmitForm(ProfileForm):
    """The profile form whose save first passes the dialog's duplicate check."""

    def __init__(self, session, guard, parent: QWidget | None = None):
        self.guard = guard
        super().__init__(session, admitting=True, parent=parent)

    def save(self) -> bool:
        if not self.isVisible() or not self.isEnabled() or self.saving():
            return False
        if self.revalidate():
            return super().save()  # shows what to correct first
        self.guard(lambda: ProfileForm.save(self))
        return False


class AdmitDialog(QDialog):
    sig_open_record = Signal(str)
    sig_readmit_record = Signal(str)  # re-admit this person: the old record opens on its Re-admit dialog

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.admitted: Resident | None = None
        self._confirmed_new = False
        self.setObjectName("admitDialog")
        self.setWindowTitle(self.tr("Admit a new resident"))
        heading = QLabel(self.tr("Admit a new resident"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel(self.tr("Fields in red must be corrected before saving. Dates are typed day/month/year, "
                              "for example 05/01/1950. The resident code is given automatically if left blank."), self)
        hint.setWordWrap(True)
        self.form = _AdmitForm(session, self._before_saving, parent=self)
        self.form.sig_saved.connect(self._admitted)
        self.form.sig_closed.connect(self._close)
        self.matches = PersonMatchPanel(session, self)
        self.matches.open_requested.connect(self._open_record)
        # someone who was here before: a new stay on the old record, never a second record
        self.matches.readmit_requested.connect(self._readmit_record)
        for field in ("full_name", "cccd", "bhyt_number"):
            self.form.texts[field].textChanged.connect(self._typed)
        self.form.dates["birth_date"].sig_edited.connect(self._typed)
        self.form.ward.currentIndexChanged.connect(self._typed)
        if not session.can(Permission.EDIT_RESIDENT):
            self.form.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.matches)
        layout.addWidget(self.form, 1)
        self.resize(1280, 660)
        self.setSizeGripEnabled(True)
        self.form.texts["full_name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def draft(self) -> PersonDraft:
        f = self.form
        try:
            birth = f.dates["birth_date"].value()
        except ValueError:
            birth = None
        return PersonDraft(f.texts["full_name"].text(), birth, f.texts["cccd"].text().strip() or None,
                           f.texts["bhyt_number"].text().strip() or None, f.ward.current())

    def _typed(self, *_args) -> None:
        self._confirmed_new = False
        self.matches.set_draft(self.draft())

    def _before_saving(self, save) -> None:
        """Save, unless a certain match is listed: then only once the nurse confirms it is someone else."""
        def decide(_matches) -> None:
            certain = self.matches.certain()
            if not certain or self._confirmed_new:
                save()
                return
            m = certain[0]

            def anyway() -> None:
                self._confirmed_new = True
                save()
            dialogs.confirm(
                self, self.tr("Already on record?"),
                self.tr("%1 (%2, born %3) is already on record: %4.\n\nOne person keeps one record: open the old "
                        "record instead. Make a second record only if this is really someone else.")
                .replace("%1", m.resident.full_name).replace("%2", m.resident.code)
                .replace("%3", dmy(m.resident.birth_date))
                .replace("%4", m.reason_text(self.session.lang)),
                self.tr("Someone else: make a new record"), anyway, self.tr("Go back"))
        self.matches.set_draft(self.draft())
        self.matches.when_current(decide)

    def _open_record(self, resident_id: str) -> None:
        self.sig_open_record.emit(resident_id)
        self._close()

    def _readmit_record(self, resident_id: str) -> None:
        self.sig_readmit_record.emit(resident_id)
        self._close()

    def _admitted(self, resident: Resident) -> None:
        self.admitted = resident
        self.accept()

    def reject(self) -> None:
        """Esc or the window's close button: ask first if something was typed."""
        self.form.cancel()

    def _close(self) -> None:
        # Not ``connect(super().reject)``: Qt resolves that slot by name back to
        # the override above, which cancels the form again, for ever.
        super().reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        # Enter in a field must not close the dialog; Ctrl+S saves.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
