"""Later runs, step 2 (and after every auto-lock): who is using the program.

``services.users.login`` decides; its refusals (wrong password, account
locked for some minutes, disabled account) are shown as they are written.
The password check (argon2id) runs off the GUI thread.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ..dialogs import explain
from ..forms import ErrorLabel
from ..style import mark
from ..workers import run_async


class LoginWidget(QWidget):
    """Emits ``sig_logged_in(actor)``."""

    sig_logged_in = Signal(object)

    def __init__(self, services, lang: str = "vi", *, locked: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lockLogin" if locked else "loginWidget")
        self.services, self.lang, self.locked = services, lang, locked
        self.busy_now = False
        self.heading = mark(QLabel(), "heading")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.username = QLineEdit(objectName="loginUsername")
        self.password = QLineEdit(objectName="loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = mark(QPushButton(objectName="loginButton"), "primary")
        self.button.setDefault(True)
        self.error = ErrorLabel()
        self.error.setObjectName("loginError")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.user_label, self.password_label = QLabel(), QLabel()
        self.user_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.user_label, self.username)
        form.addRow(self.password_label, self.password)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.explanation)
        lay.addSpacing(8)
        lay.addLayout(form)
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        lay.addWidget(self.error)
        lay.addWidget(self.busy)
        lay.addStretch(1)
        self.button.clicked.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submit)
        self.retranslate()

    def retranslate(self) -> None:
        if self.locked:
            self.heading.setText(self.tr("Locked"))
            self.explanation.setText(self.tr("The screen was locked to protect the residents' records. "
                                             "Log in to continue where you left off."))
        else:
            self.heading.setText(self.tr("Log in"))
            self.explanation.setText(self.tr("Each person uses their own account, so the record shows "
                                             "who wrote what."))
        self.user_label.setText(self.tr("&Username"))
        self.password_label.setText(self.tr("Pass&word"))
        self.button.setText(self.tr("&Log in"))

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reset(self, username: str = "") -> None:
        self.username.setText(username)
        self.password.clear()
        self.error.show_text("")
        (self.password if username else self.username).setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        if self.busy_now:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username:
            self.error.show_text(self.tr("Type your username."))
            self.username.setFocus()
            return
        self.busy_now = True
        self.error.show_text("")
        self.busy.show()
        self.button.setEnabled(False)
        users = self.services.users
        run_async(lambda: users.login(username, password), self._done, self._failed)

    def _idle(self) -> None:
        self.busy_now = False
        self.busy.hide()
        self.button.setEnabled(True)

    def _done(self, actor) -> None:
        self._idle()
        self.password.clear()
        self.sig_logged_in.emit(actor)

    def _failed(self, exc) -> None:
        self._idle()
        self.error.show_text(explain(exc, self.lang))
        self.password.selectAll()
        self.password.setFocus()
