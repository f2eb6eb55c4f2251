"""A language chooser (Tiếng Việt / English), shown on every start screen and
in the main window's menu. Language names are written in their own language,
so they never need translating."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

LANGUAGE_NAMES = (("vi", "Tiếng Việt"), ("en", "English"))


class LanguageBox(QComboBox):
    sig_chosen = Signal(str)

    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("languageBox")
        for code, name in LANGUAGE_NAMES:
            self.addItem(name, code)
        self.set_language(lang)
        self.activated.connect(lambda i: self.sig_chosen.emit(self.itemData(i)))

    def set_language(self, lang: str) -> None:
        self.setCurrentIndex(max(0, self.findData(lang)))
