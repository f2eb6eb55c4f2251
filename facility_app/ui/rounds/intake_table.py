"""The intake checkups of a nursing round in one table: one row per person,
the vital signs across, typed from the keyboard without a mouse.

Enter or Tab moves to the next cell; leaving a row (or Enter on its last
cell, or Ctrl+S) saves that row as an admission checkup, off the GUI thread,
while the nurse goes on typing the next one. A row already saved and typed
again is saved as a correction (the first version stays in history). A slip
(letters in a number, a value the rules refuse) marks its cell red, says why
in the row's status cell and saves nothing of that row; the other rows are
not held up.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from care_core import fields
from care_core.domain.entities import Checkup, Resident, VitalSigns
from care_core.domain.enums import CheckupKind
from care_core.domain.messages import ValidationError
from care_core.domain.permissions import Permission
from .. import style
from ..record import labels
from ..record.form_base import not_a_number, not_a_whole_number
from ..record.feedback import unexpected_text
from ...logs import log_unexpected

VITALS = [f for f in fields.VITALS]
FIRST_VITAL = 3  # code, name, age, then the vital signs
ERROR_BRUSH = QBrush(QColor("#f9dedc"))


class _Grid(QTableWidget):
    """Tab, Enter and the arrows walk the vital-sign cells only: after the
    last one of a row comes the first one of the next row."""

    def __init__(self, last_column: int, parent=None):
        super().__init__(parent)
        self.last_column = last_column
        self.itemDelegate().closeEditor.connect(self._editor_closed)

    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt naming
        r, c = self.currentRow(), self.currentColumn()
        A = QAbstractItemView.CursorAction
        if r < 0 or action not in (A.MoveNext, A.MovePrevious):
            return super().moveCursor(action, modifiers)
        if action == A.MoveNext:
            if c < FIRST_VITAL:
                c = FIRST_VITAL
            elif c < self.last_column:
                c += 1
            elif r + 1 < self.rowCount():
                r, c = r + 1, FIRST_VITAL
        else:
            if c > FIRST_VITAL:
                c -= 1
            elif r > 0:
                r, c = r - 1, self.last_column
        return self.model().index(r, c)

    def _editor_closed(self, _editor, hint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter in a cell: on to the next
            self.next_cell()  # the view's own slot, connected first, has closed the editor

    def next_cell(self) -> None:
        if self.currentRow() < 0:
            return
        index = self.moveCursor(QAbstractItemView.CursorAction.MoveNext, Qt.KeyboardModifier.NoModifier)
        if index == self.currentIndex():
            self.parent().save_row(self.currentRow())  # Enter on the very last cell saves it
        else:
            self.setCurrentIndex(index)

    def keyPressEvent(self, event):  # noqa: N802 - Qt naming
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self.next_cell()
            return
        super().keyPressEvent(event)


@dataclass
class _Row:
    resident: Resident
    saved: Checkup | None = None
    dirty: bool = False
    saving: bool = False
    again: bool = False  # typed again while its save was under way


class RoundIntakeTable(QWidget):
    """``load(people, day)``; ``sig_row_saved(row, checkup)`` after each row is saved."""

    sig_row_saved = Signal(int, object)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("roundIntakeTable")
        self.session = session
        self.editable = session.can(Permission.RECORD_CLINICAL)  # a director reads the table, a nurse types in it
        self._rows: list[_Row] = []
        self._day: date | None = None
        self._filling = False
        self.table = _Grid(FIRST_VITAL + len(VITALS) - 1, self)
        self.table.setObjectName("roundIntakeGrid")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setTabKeyNavigation(True)
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(self._typed)
        self.table.currentCellChanged.connect(self._moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_current)
        self._headers()

    # --- filling ------------------------------------------------------------

    def _headers(self) -> None:
        lang = self.session.lang
        names = [self.tr("Code"), self.tr("Full name"), self.tr("Age")]
        names += [f"{f.text_label(lang)}\n({f.unit_text(lang)})" for f in VITALS]
        names.append(self.tr("Status"))
        self.table.setColumnCount(len(names))
        self.table.setHorizontalHeaderLabels(names)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(names) - 1, QHeaderView.ResizeMode.Stretch)  # the status says why

    @property
    def status_column(self) -> int:
        return FIRST_VITAL + len(VITALS)

    def load(self, people: list[Resident], day: date, saved: dict[str, Checkup] | None = None) -> None:
        """One row per person, in the order given; ``saved`` holds the intake
        checkups already recorded (by resident id), shown and corrected in place."""
        saved = saved or {}
        self._day = day
        self._rows = [_Row(p, saved.get(p.id)) for p in people]
        self._filling = True
        try:
            self.table.setRowCount(len(people))
            for r, row in enumerate(self._rows):
                p = row.resident
                age = day.year - p.birth_date.year - ((day.month, day.day) < (p.birth_date.month, p.birth_date.day))
                for c, text in enumerate((p.code, p.full_name, str(age))):
                    item = QTableWidgetItem(text)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self.table.setItem(r, c, item)
                for i, f in enumerate(VITALS):
                    value = getattr(row.saved.vitals, f.name) if row.saved else None
                    text = "" if value is None else labels.number(value, self.session.lang, decimals=f.decimals or 0)
                    item = QTableWidgetItem(text)
                    if not self.editable:
                        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                    self.table.setItem(r, FIRST_VITAL + i, item)
                status = QTableWidgetItem(self._saved_text() if row.saved else "")
                status.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(r, self.status_column, status)
        finally:
            self._filling = False
        if people:
            self.table.setCurrentCell(0, FIRST_VITAL)

    # --- reading what is typed ------------------------------------------------

    def _typed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() < FIRST_VITAL or item.column() >= self.status_column:
            return
        row = self._rows[item.row()]
        row.dirty = True
        if row.saving:
            row.again = True
        if item.background().style() != Qt.BrushStyle.NoBrush:
            self._filling = True  # a colour is not typing
            item.setBackground(QBrush())
            self._filling = False

    def _read(self, r: int) -> tuple[VitalSigns | None, list]:
        lang = self.session.lang
        values, slips = {}, []
        for i, f in enumerate(VITALS):
            text = (self.table.item(r, FIRST_VITAL + i).text() or "").strip()
            try:
                number = labels.parse_number(text)
            except ValueError:
                slips.append(not_a_number(f.name, text, lang))
                continue
            if number is not None and f.whole and number != int(number):
                slips.append(not_a_whole_number(f.name, text, lang))
                continue
            values[f.name] = int(number) if (number is not None and f.whole) else number
        return (None, slips) if slips else (VitalSigns(**values), [])

    # --- saving ---------------------------------------------------------------

    def _moved(self, row: int, _col: int, previous_row: int, _previous_col: int) -> None:
        if previous_row >= 0 and previous_row != row:
            self.save_row(previous_row)

    def save_current(self) -> None:
        self.table.setFocus()  # closes an open editor, which commits its text
        if self.table.currentRow() >= 0:
            self.save_row(self.table.currentRow())

    def save_row(self, r: int) -> bool:
        """Start saving row ``r`` if it was typed in; False when nothing goes (no change, a slip)."""
        if r >= len(self._rows):
            return False
        row = self._rows[r]
        if not row.dirty or row.saving:
            return False
        vitals, slips = self._read(r)
        if slips:
            self._refuse(r, slips)
            return False
        if vitals == VitalSigns() and row.saved is None:
            row.dirty = False
            return False  # a row left blank is a person not yet examined
        checkup = Checkup(resident_id=row.resident.id, checkup_date=self._day, kind=CheckupKind.ADMISSION,
                          vitals=vitals)
        actor = self.session.actor
        clinical = self.session.services.clinical
        if row.saved is None:
            call = lambda: clinical.record_checkup(actor, checkup)  # noqa: E731
        else:
            earlier = row.saved
            call = lambda: clinical.correct_checkup(actor, earlier.id, replace(  # noqa: E731
                earlier, vitals=vitals, id=checkup.id, version=0))
        row.dirty = False
        row.saving = True
        self._status(r, self.tr("Saving…"))
        self.session.run(call, lambda saved: self._saved(r, saved), lambda exc: self._failed(r, exc), owner=self)
        return True

    def _saved(self, r: int, checkup: Checkup) -> None:
        row = self._rows[r]
        row.saving = False
        row.saved = checkup
        self._status(r, self._saved_text())
        self.sig_row_saved.emit(r, checkup)
        if row.again:  # typed on while it was saving: save what is there now
            row.again = False
            row.dirty = True
            if self.table.currentRow() != r:
                self.save_row(r)

    def _failed(self, r: int, exc: BaseException) -> None:
        row = self._rows[r]
        row.saving = False
        row.dirty = True  # nothing of this row was saved: it goes again once fixed
        if isinstance(exc, ValidationError):
            self._refuse(r, exc.problems)
        elif hasattr(exc, "message"):
            self._status(r, exc.message(self.session.lang), error=True)
        else:
            log_unexpected(exc)
            self._status(r, unexpected_text(), error=True)

    def _refuse(self, r: int, problems: list) -> None:
        names = [f.name for f in VITALS]
        self._filling = True  # a colour is not typing
        try:
            for p in problems:
                if p.field in names:
                    self.table.item(r, FIRST_VITAL + names.index(p.field)).setBackground(ERROR_BRUSH)
        finally:
            self._filling = False
        self._status(r, " ".join(p.message(self.session.lang) for p in problems), error=True)

    def _status(self, r: int, text: str, error: bool = False) -> None:
        item = self.table.item(r, self.status_column)
        self._filling = True
        try:
            item.setText(text)
            item.setToolTip(text)
            item.setForeground(QBrush(QColor(style.ERROR_COLOUR if error else style.OK_COLOUR)))
        finally:
            self._filling = False

    def _saved_text(self) -> str:
        return self.tr("Saved")

    # --- for the round screen and tests ------------------------------------------

    def saving(self) -> bool:
        return any(row.saving for row in self._rows)

    def saved(self) -> dict[str, Checkup]:
        return {row.resident.id: row.saved for row in self._rows if row.saved is not None}

    def unsaved_rows(self) -> list[int]:
        return [r for r, row in enumerate(self._rows) if row.dirty or row.saving]
