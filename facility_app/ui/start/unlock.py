"""Later runs, step 1: unlock the encrypted store.

The passphrase becomes the key off the GUI thread (argon2id, ~0.2 s). If an
admin chose to remember the key on this PC, the OS credential store gives
it back and no typing is needed. ``FACILITY_APP_PASSPHRASE`` in the
environment (set by the demo launcher; a kiosk convenience) is used the same
way. Either way the user still logs in next.
"""
from __future__ import annotations

import os

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ...services.startup import StoreBusy, StoreGate
from ..dialogs import explain
from ..forms import ErrorLabel
from ..keystore import KeyStore
from ..style import mark
from ..workers import run_async

PASSPHRASE_ENV = "FACILITY_APP_PASSPHRASE"


class UnlockWidget(QWidget):
    """Emits ``sig_unlocked(key, services)`` once the store is open."""

    sig_unlocked = Signal(object, object)

    def __init__(self, gate: StoreGate, keystore: KeyStore, lang: str = "vi", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unlockWidget")
        self.gate, self.keystore, self.lang = gate, keystore, lang
        self.busy_now = False
        self.heading = mark(QLabel(), "heading")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.label = QLabel()
        self.passphrase = QLineEdit(objectName="unlockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.label.setBuddy(self.passphrase)
        self.button = mark(QPushButton(objectName="unlockButton"), "primary")
        self.button.setDefault(True)
        self.error = ErrorLabel()
        self.error.setObjectName("unlockError")
        self.status = mark(QLabel(objectName="unlockStatus"), "hint")
        self.status.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(12)
        self.wait_check = QTimer(self, interval=500)  # while opening: is a rekey/restore what we wait for?
        self.wait_check.timeout.connect(self._say_why_waiting)
        self.busy.setTextVisible(False)
        self.busy.hide()

        row = QHBoxLayout()
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.explanation)
        lay.addSpacing(8)
        lay.addWidget(self.label)
        lay.addLayout(row)
        lay.addWidget(self.error)
        lay.addWidget(self.busy)
        lay.addWidget(self.status)
        lay.addStretch(1)
        self.button.clicked.connect(self.submit)
        self.passphrase.returnPressed.connect(self.submit)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Unlock the records"))
        self.explanation.setText(self.tr("The facility's records are encrypted. Type the passphrase chosen "
                                         "when the program was set up."))
        self.label.setText(self.tr("&Passphrase"))
        self.button.setText(self.tr("&Unlock"))
        self.passphrase.setPlaceholderText(self.tr("the records' passphrase"))

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start(self) -> None:
        """Try the remembered key, then the environment, else wait for typing."""
        remembered = self.keystore.get()
        if remembered:
            self.status.setText(self.tr("Opening with the key remembered on this computer…"))
            self._run(lambda: self._open(self.gate.key_from_hex(remembered)), remembered=True)
            return
        env = os.environ.get(PASSPHRASE_ENV)
        if env:
            self.status.setText(self.tr("Opening with the passphrase given by the launcher (demo or kiosk mode)…"))
            self._run(lambda: self._open(self.gate.derive_key(env)))
            return
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        if self.busy_now:
            return
        text = self.passphrase.text()
        if not text:
            self.error.show_text(self.tr("Type the passphrase first."))
            return
        self._run(lambda: self._open(self.gate.derive_key(text)))

    def _open(self, key):
        """Worker thread: the key opens the store (migrations, if any, run here too)."""
        return key, self.gate.open(key)

    def _run(self, fn, remembered: bool = False) -> None:
        self.busy_now = True
        self.error.show_text("")
        self.busy.show()
        self.button.setEnabled(False)
        self.passphrase.setEnabled(False)

        def failed(exc):
            self._idle()
            if isinstance(exc, StoreBusy):  # a rekey or restore is running: say so, forget nothing
                self.status.setText("")
                self.error.show_text(explain(exc, self.lang))
            elif remembered:  # rekeyed or restored since: forget it, ask for the passphrase
                self.keystore.delete()
                self.status.setText(self.tr("The remembered key no longer opens the records; type the passphrase."))
            else:
                self.status.setText("")
                self.error.show_text(explain(exc, self.lang))
            self.passphrase.selectAll()
            self.passphrase.setFocus()

        run_async(fn, self._unlocked, failed)
        self.wait_check.start()

    def _say_why_waiting(self) -> None:
        if self.busy_now and self.gate.busy():
            self.status.setText(self.tr("The IT officer is changing the passphrase or restoring a backup; "
                                        "waiting for that to finish…"))

    def _idle(self) -> None:
        self.wait_check.stop()
        self.busy_now = False
        self.busy.hide()
        self.button.setEnabled(True)
        self.passphrase.setEnabled(True)

    def _unlocked(self, result) -> None:
        self._idle()
        self.passphrase.clear()
        self.status.setText("")
        key, services = result
        self.sig_unlocked.emit(key, services)
