"""Admit a new resident: the profile form in a dialog.

On success (the form saves through ``session.run``, so the list and the
Today panel hear of the new resident) the dialog keeps the new resident in
``.admitted`` and closes (accepted).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from care_core.domain.entities import Resident
from care_core.domain.permissions import Permission
from .profile_form import ProfileForm


class AdmitDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.admitted: Resident | None = None
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
        self.form = ProfileForm(session, admitting=True, parent=self)
        self.form.sig_saved.connect(self._admitted)
        self.form.sig_closed.connect(self._close)
        if not session.can(Permission.EDIT_RESIDENT):
            self.form.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.form, 1)
        self.resize(1280, 660)
        self.setSizeGripEnabled(True)
        self.form.texts["full_name"].setFocus(Qt.FocusReason.OtherFocusReason)

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
