"""Form inputs a nurse can type into freely: dates as on paper (20/11/2026),
numbers with a comma or a point, searchable pickers that ignore diacritics,
and the red message shown beside a field.

Inputs accept anything typed; the domain's rules then say what is wrong.
(A spin box would silently clamp 300 to 260 and hide the slip.)
"""
from __future__ import annotations

import re
from datetime import date
from typing import Callable

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from care_core.domain.text import fold
from .. import style
from ..forms import ErrorLabel
from . import labels

_DATE = re.compile(r"^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$")
_DATE8 = re.compile(r"^(\d{2})(\d{2})(\d{4})$")

ERROR_INPUT_STYLE = style.ERROR_INPUT  # kept for the record forms' inputs


def parse_date(text: str, today: date) -> date | None:
    """'20/11/2026', '20-11-2026', '20.11.26', '20112026' -> date; '' -> None.

    Raises ValueError for anything else, so the form can say how to type it.
    """
    text = text.strip()
    if not text:
        return None
    m = _DATE.match(text) or _DATE8.match(text)
    if not m:
        raise ValueError(text)
    d, mo, y = (int(g) for g in m.groups())
    if len(m.group(3)) == 2:  # 26 -> 2026, 45 -> 1945
        y += 2000 if 2000 + y <= today.year else 1900
    return date(y, mo, d)


class DateField(QWidget):
    """A date typed as dd/mm/yyyy, or picked from a calendar; may be blank."""

    sig_edited = Signal()

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self._today = today
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.edit.setMaxLength(10)
        self.edit.textEdited.connect(lambda _t: self.sig_edited.emit())
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Choose the date on a calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self._pick)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit)
        row.addWidget(self.button)
        self.setFocusProxy(self.edit)
        fm = self.edit.fontMetrics()
        widest = max(fm.horizontalAdvance("00/00/00000"), fm.horizontalAdvance(self.edit.placeholderText() + "  "))
        self.setFixedWidth(widest + 48)

    def text(self) -> str:
        return self.edit.text()

    def value(self) -> date | None:
        return parse_date(self.edit.text(), self._today)

    def set_value(self, value: date | None) -> None:
        self.edit.setText(labels.day(value))

    def setObjectName(self, name: str) -> None:  # noqa: N802 - Qt naming
        super().setObjectName(name + "Box")
        self.edit.setObjectName(name)

    def set_error(self, on: bool) -> None:
        self.edit.setStyleSheet(ERROR_INPUT_STYLE if on else "")

    def _pick(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setGridVisible(True)
        calendar.setMaximumDate(QDate(self._today.year + 2, 12, 31))
        try:
            current = self.value()
        except ValueError:
            current = None
        current = current or self._today
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))

        def chosen(qd: QDate) -> None:
            self.set_value(date(qd.year(), qd.month(), qd.day()))
            calendar.close()
            self.edit.setFocus()
            self.sig_edited.emit()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.show()


class NumberField(QLineEdit):
    """A measurement; accepts 36,8 or 36.8. ``value()`` raises ValueError on junk."""

    sig_edited = Signal()

    def __init__(self, width_chars: int = 6, parent: QWidget | None = None, lang: Callable[[], str] | None = None):
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaxLength(8)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("0" * width_chars) + 24)
        self.textEdited.connect(lambda _t: self.sig_edited.emit())
        self._lang = lang
        if lang is not None:
            self.editingFinished.connect(self._show_language_mark)

    def _show_language_mark(self) -> None:
        """36.7 typed in Vietnamese shows as 36,7 once the nurse leaves the box
        (36,7 as 36.7 in English); the digits stay as typed, junk stays for its message."""
        try:
            if self.value() is None:
                return
        except ValueError:
            return
        point = "," if self._lang() == "vi" else "."
        text = self.text().strip().replace(",", point).replace(".", point)
        if text != self.text():
            self.setText(text)

    def value(self) -> float | None:
        return labels.parse_number(self.text())

    def int_value(self) -> int | None:
        value = self.value()
        if value is None:
            return None
        if not float(value).is_integer():
            raise ValueError(self.text())
        return int(value)

    def set_value(self, value: float | int | None, lang: str) -> None:
        self.setText(labels.number(value, lang))

    def set_error(self, on: bool) -> None:
        self.setStyleSheet(ERROR_INPUT_STYLE if on else "")


def field_error(parent: QWidget | None = None) -> ErrorLabel:
    """The shell's red sentence, sized to sit beside a record field."""
    label = ErrorLabel(parent)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.setMinimumWidth(220)
    return label


class Banner(QLabel):
    """A message across the top of a form: what went wrong, or what was saved."""

    _STYLES = {"error": style.ERROR_BOX, "info": style.OK_BOX}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, "error")

    def show_info(self, text: str) -> None:
        self._show(text, "info")

    def clear_message(self) -> None:
        self.setText("")
        self.hide()

    def kind(self) -> str:
        return self.property("kind") or ""

    def _show(self, text: str, kind: str) -> None:
        self.setProperty("kind", kind)
        self.setStyleSheet(self._STYLES[kind])
        self.setText(text)
        self.show()


class _FoldFilter(QSortFilterProxyModel):
    """Keeps the rows whose name contains every typed word, diacritics ignored."""

    FOLDED = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        # invalidateRowsFilter, not begin/endFilterChange: the latter pair
        # is whole only from Qt 6.10, and the Windows build pins 6.9.
        self._words = fold(text).split()
        self.invalidateRowsFilter()

    def filterAcceptsRow(self, row, parent):  # noqa: N802 - Qt naming
        folded = self.sourceModel().index(row, 0, parent).data(self.FOLDED) or ""
        return all(w in folded for w in self._words)


class SearchCombo(QComboBox):
    """A list you can type into: `lang son` finds `Lạng Sơn`.

    Items are (data, text); ``current()`` is the chosen data or None.
    """

    sig_edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self._filter = _FoldFilter(self)
        self._filter.setSourceModel(self._items)
        completer = QCompleter(self._filter, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        completer.activated[str].connect(self._completed)
        self.lineEdit().textEdited.connect(self._typed)
        self.lineEdit().editingFinished.connect(self._settle)
        self.activated.connect(lambda _i: self.sig_edited.emit())

    def set_items(self, items: list[tuple[object, str]], blank: str = "") -> None:
        self.blockSignals(True)
        self._items.clear()
        for data, text in [(None, blank)] + list(items):
            item = QStandardItem(text)
            item.setData(data, Qt.ItemDataRole.UserRole)
            item.setData(fold(text), _FoldFilter.FOLDED)
            self._items.appendRow(item)
        self.setCurrentIndex(0)
        self.blockSignals(False)

    def current(self):
        return self.currentData(Qt.ItemDataRole.UserRole)

    def set_current(self, data) -> None:
        for row in range(self._items.rowCount()):
            if self._items.item(row).data(Qt.ItemDataRole.UserRole) == data:
                self.setCurrentIndex(row)
                return
        self.setCurrentIndex(0)

    def set_error(self, on: bool) -> None:
        self.setStyleSheet(ERROR_INPUT_STYLE if on else "")

    def _typed(self, text: str) -> None:
        self._filter.set_query(text)
        if text.strip():
            self.completer().complete()

    def _completed(self, text: str) -> None:
        row = self.findText(text, Qt.MatchFlag.MatchExactly)
        if row >= 0:
            self.setCurrentIndex(row)
            self.sig_edited.emit()

    def _settle(self) -> None:
        """Leaving the box with text that names one item (ignoring diacritics:
        `lang son`) chooses it; text that names none, or several, keeps the
        last choice."""
        text = self.lineEdit().text()
        chosen = self.itemText(self.currentIndex())  # currentText() is the typed text
        if text == chosen:
            return
        folded, words = fold(text), fold(text).split()
        names = [self._items.item(r).data(_FoldFilter.FOLDED) for r in range(self._items.rowCount())]
        matches = [r for r, name in enumerate(names) if folded and name == folded]
        if not matches:  # or the only item holding every typed word
            matches = [r for r, name in enumerate(names) if words and all(w in name for w in words)]
        if len(matches) == 1:
            self.setCurrentIndex(matches[0])
            self.lineEdit().setText(self.itemText(matches[0]))
            self.sig_edited.emit()
        else:
            self.lineEdit().setText(chosen)


class EnumCombo(QComboBox):
    """A fixed choice (kind, status, ...); optional blank first item.

    The values stay Python objects in a list beside the combo, so an
    ``int`` enum such as HealthClass comes back as itself, not as an int.
    """

    sig_edited = Signal()

    def __init__(self, items: list[tuple[object, str]], blank: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._values: list[object] = []
        if blank is not None:
            self.addItem(blank)
            self._values.append(None)
        for data, text in items:
            self.addItem(text)
            self._values.append(data)
        self.currentIndexChanged.connect(lambda _i: self.sig_edited.emit())

    def current(self):
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_current(self, data) -> None:
        for index, value in enumerate(self._values):
            if value == data and (value is None) == (data is None):
                self.setCurrentIndex(index)
                return
        self.setCurrentIndex(0)

    def set_error(self, on: bool) -> None:
        self.setStyleSheet(ERROR_INPUT_STYLE if on else "")
