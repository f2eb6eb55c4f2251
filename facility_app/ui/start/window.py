"""The window before the main one: unlock, then log in, on one calm card."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QStackedWidget, QVBoxLayout, QWidget

from ..language_box import LanguageBox
from ..style import fit_to_screen, mark
from .login import LoginWidget
from .unlock import UnlockWidget


class StartWindow(QWidget):
    sig_language = Signal(str)

    def __init__(self, unlock: UnlockWidget, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("startWindow")
        self.unlock = unlock
        self.login: LoginWidget | None = None
        self.product = mark(QLabel(), "subheading")
        self.facility = mark(QLabel(objectName="startFacility"), "heading")
        self.facility.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(unlock)
        self.busy_page = QWidget(objectName="startBusy")
        self.busy_text = QLabel()
        self.busy_text.setWordWrap(True)
        bar = QProgressBar()
        bar.setRange(0, 0)
        busy_lay = QVBoxLayout(self.busy_page)
        busy_lay.addWidget(self.busy_text)
        busy_lay.addWidget(bar)
        busy_lay.addStretch(1)
        self.pages.addWidget(self.busy_page)
        self.language_label = QLabel()
        self.language = LanguageBox(lang)
        self.language_label.setBuddy(self.language)
        self.language.sig_chosen.connect(self.sig_language)

        card = QFrame(objectName="startCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(620)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.addWidget(self.product)
        inner.addWidget(self.facility)
        inner.addSpacing(6)
        inner.addWidget(self.pages, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.language_label)
        bottom.addWidget(self.language)
        inner.addLayout(bottom)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row, 4)
        outer.addStretch(1)
        fit_to_screen(self, 900, 620)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Health records of the facility"))
        self.product.setText(self.tr("Residents' health records"))
        self.language_label.setText(self.tr("&Language:"))

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_facility(self, name: str) -> None:
        self.facility.setText(name)
        self.facility.setVisible(bool(name))

    def show_busy(self, text: str) -> None:
        self.busy_text.setText(text)
        self.pages.setCurrentWidget(self.busy_page)

    def show_unlock(self) -> None:
        self.pages.setCurrentWidget(self.unlock)

    def show_login(self, login: LoginWidget, username: str = "") -> None:
        if self.login is not None and self.login is not login:
            self.pages.removeWidget(self.login)
            self.login.deleteLater()
        self.login = login
        if self.pages.indexOf(login) < 0:
            self.pages.addWidget(login)
        self.pages.setCurrentWidget(login)
        login.reset(username)
        login.setFocus(Qt.FocusReason.OtherFocusReason)
        login.reset(username)
