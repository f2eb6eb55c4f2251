"""ICD-10 picker: type a code (`I10`) or a Vietnamese name without
diacritics (`tang huyet ap`), pick from the list with the arrow keys and
Enter, or a click. Any valid WHO code typed in full is accepted too."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from care_core.domain import icd10
from .. import style


class Icd10Picker(QWidget):
    sig_edited = Signal()
    tall = True  # its caption aligns with the search box, not the middle

    def __init__(self, lang: str, prefix: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self._code: str | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName(f"{prefix}IcdSearch")
        self.search.setPlaceholderText(self.tr("Type a code (I10) or a name without accents (tang huyet ap)"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(self._search)
        self.search.returnPressed.connect(self._enter)
        self.search.installEventFilter(self)
        self.results = QListWidget(self)
        self.results.setObjectName(f"{prefix}IcdResults")
        self.results.setMaximumHeight(self.fontMetrics().height() * 8 + 16)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setUniformItemSizes(True)
        self.results.itemActivated.connect(self._choose)
        self.results.itemClicked.connect(self._choose)
        self.results.hide()
        self.chosen = QLabel(self)
        self.chosen.setObjectName(f"{prefix}IcdChosen")
        self.chosen.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.chosen)
        self.setFocusProxy(self.search)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        self._show_chosen()

    def value(self) -> str | None:
        return self._code

    def set_value(self, code: str | None) -> None:
        self._code = code or None
        self.search.clear()
        self.results.clear()
        self.results.hide()
        self._show_chosen()

    def set_error(self, on: bool) -> None:
        self.search.setStyleSheet(style.ERROR_INPUT if on else "")

    def _show_chosen(self) -> None:
        if not self._code:
            self.chosen.setText(self.tr("No diagnosis chosen yet."))
            self.chosen.setStyleSheet(f"color: {style.HINT_COLOUR};")
            return
        found = icd10.lookup(self._code)
        name = found.name(self.lang) if found else self.tr("(not in the ICD-10 list)")
        self.chosen.setText(self.tr("Chosen: %1 — %2").replace("%1", self._code).replace("%2", name))
        self.chosen.setStyleSheet("font-weight: bold;")

    def _search(self, text: str) -> None:
        self.results.clear()
        found = icd10.search(text, limit=30) if text.strip() else []
        for code in found:
            item = QListWidgetItem(f"{code.code}  {code.name(self.lang)}")
            item.setData(Qt.ItemDataRole.UserRole, code.code)
            item.setToolTip(code.name(self.lang))
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)
        elif text.strip():
            item = QListWidgetItem(self.tr("Nothing found. Try fewer words, or the code."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        self.results.setVisible(bool(text.strip()))

    def _enter(self) -> None:
        item = self.results.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self._choose(item)
            return
        typed = self.search.text().strip()
        if typed and icd10.lookup(typed) is not None:
            self._set(icd10.normalise_code(typed))

    def _choose(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        if code:
            self._set(code)

    def _set(self, code: str) -> None:
        self.set_value(code)
        self.sig_edited.emit()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt naming
        # Up/Down in the search box move through the results.
        if obj is self.search and event.type() == event.Type.KeyPress and self.results.isVisible():
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                row = self.results.currentRow() + (1 if event.key() == Qt.Key.Key_Down else -1)
                self.results.setCurrentRow(max(0, min(row, self.results.count() - 1)))
                return True
        return super().eventFilter(obj, event)
