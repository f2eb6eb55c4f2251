"""Language, and remembering the store key on this computer."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from care_core.domain.permissions import Permission
from ..dialogs import explain
from ..forms import ErrorLabel
from ..language_box import LanguageBox
from ..style import mark


class GeneralTab(QWidget):
    def __init__(self, session, shell, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("generalTab")
        self.session, self.shell = session, shell
        self.language_box = QGroupBox()
        self.language_label = QLabel()
        self.language = LanguageBox(session.lang)
        self.language_label.setBuddy(self.language)
        self.language.sig_chosen.connect(shell.set_language)
        form = QFormLayout(self.language_box)
        form.addRow(self.language_label, self.language)
        self.key_box = QGroupBox()
        self.remember = QCheckBox(objectName="rememberKey")
        self.remember_note = mark(QLabel(objectName="rememberNote"), "hint")
        self.remember_note.setWordWrap(True)
        self.remember_error = ErrorLabel()
        k = QVBoxLayout(self.key_box)
        k.addWidget(self.remember)
        k.addWidget(self.remember_note)
        k.addWidget(self.remember_error)
        lay = QVBoxLayout(self)
        lay.addWidget(self.language_box)
        lay.addWidget(self.key_box)
        lay.addStretch(1)
        self.key_box.setVisible(session.can(Permission.BACKUP_RESTORE))
        self.available = shell.keystore.available()
        self.remember.setEnabled(self.available)
        self.remember.setChecked(self.available and shell.key_remembered())
        self.remember.toggled.connect(self._toggled)
        session.sig_language_changed.connect(self.language.set_language)
        self.retranslate()

    def retranslate(self) -> None:
        self.language_box.setTitle(self.tr("Language"))
        self.language_label.setText(self.tr("Language of the program:"))
        self.key_box.setTitle(self.tr("Unlocking on this computer"))
        self.remember.setText(self.tr("&Remember the records' key on this computer"))
        if self.available:
            self.remember_note.setText(self.tr("The key is kept in this computer's credential store (on Windows, the "
                                         "Credential Manager of this Windows account), so the program opens without "
                                         "the passphrase; everyone still logs in with their own password. Turn it "
                                         "off on a computer that several Windows users share."))
        else:
            self.remember_note.setText(self.tr("Not available: this computer has no credential store the program can "
                                         "use, so the passphrase must be typed at each start."))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _toggled(self, on: bool) -> None:
        self.remember_error.show_text("")
        try:
            self.shell.remember_key(on)
        except Exception as exc:
            self.remember_error.show_text(explain(exc, self.session.lang))
            self.remember.blockSignals(True)
            self.remember.setChecked(not on)
            self.remember.blockSignals(False)
