"""Qt table models over the service results of one resident.

One generic model (rows of domain objects, columns described once) and the
column sets of each table. Every model passes pytest-qt's qtmodeltester.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from care_core import fields
from care_core.domain import icd10
from care_core.domain.entities import AuditEntry, Checkup, Resident
from .. import style
from . import labels, norms

translate = QCoreApplication.translate
RED = QColor(style.ERROR_COLOUR)
GREY = QColor(style.HINT_COLOUR)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


BOLD = _bold()
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ROLES = frozenset({_DISPLAY, _ALIGNMENT, _FOREGROUND, _FONT, _TOOLTIP})  # the roles these tables answer


@dataclass
class Column:
    header: Callable[[], str]
    text: Callable[[Any], str]
    numeric: bool = False
    alarm: Callable[[Any], bool] | None = None  # red when true
    tooltip: Callable[[Any], str] | None = None
    stretch: bool = False  # long text: shares the spare width, elided


class RowsModel(QAbstractTableModel):
    """Read-only rows of domain objects; ``row_at(i)`` gives the object back."""

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self._columns = columns
        self._rows: list[Any] = []
        self._cache: dict[int, tuple[list[str], list[bool]]] = {}

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cache: dict[int, tuple[list[str], list[bool]]] = {}
        self.endResetModel()

    def stretch_columns(self) -> list[int]:
        return [i for i, c in enumerate(self._columns) if c.stretch]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self._columns)

    def _cells(self, row: int) -> tuple[list[str], list[bool]]:
        """A row's texts and alarms, worked out once (views ask many times)."""
        cells = self._cache.get(row)
        if cells is None:
            item = self._rows[row]
            cells = ([c.text(item) for c in self._columns],
                     [bool(c.alarm and c.alarm(item)) for c in self._columns])
            self._cache[row] = cells
        return cells

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(self._columns)):
            return None
        return self._value(index.row(), index.column(), role)

    def _value(self, row: int, column: int, role):
        if role == _DISPLAY:
            return self._cells(row)[0][column]
        if role == _ALIGNMENT:
            return RIGHT if self._columns[column].numeric else LEFT
        if role == _FOREGROUND:
            return RED if self._cells(row)[1][column] else None
        if role == _FONT:
            return BOLD if self._cells(row)[1][column] else None
        if role == _TOOLTIP:
            tip = self._columns[column].tooltip
            return tip(self._rows[row]) if tip else None
        return None

    def multiData(self, index, span) -> None:  # noqa: N802 - Qt naming
        """What a painted cell asks for (about ten roles) in one call from Qt,
        rather than one Python call per role: a record's tables paint in
        half the time."""
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self._columns)):
            return
        for k in range(len(span)):
            slot = span[k]
            role = slot.role()
            if role in _ROLES:
                slot.setData(self._value(row, column, role))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header()
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# --- checkups ---------------------------------------------------------------

def _bp(c: Checkup) -> str:
    v = c.vitals
    if v.systolic is None and v.diastolic is None:
        return ""
    return f"{v.systolic or '?'}/{v.diastolic or '?'}"


def _vital(name: str, lang: str):
    """A vital sign as the table shows it: to the field table's decimals, fixed."""
    fixed = fields.vital(name).decimals > 0
    return lambda c: labels.number(getattr(c.vitals, name), lang, fixed=fixed)


def _head(caption: str, name: str, lang: str) -> str:
    """A column's caption over the field table's unit."""
    return f"{caption}\n({fields.vital(name).unit_text(lang)})"


_OWN_COLUMNS = {"systolic", "diastolic", "pulse", "temperature", "spo2", "respiratory_rate", "weight_kg",
                "height_cm", "glucose"}
"""Vital signs with a column of their own above; any other the field table
declares gets a column made from its declaration."""


def checkup_model(lang: str, parent=None, resident: Callable[[], Resident | None] = lambda: None) -> RowsModel:
    """Current checkups, newest first (the caller sorts), BMI derived; red
    outside the normal band for the resident's age that day."""

    def birth() -> date | None:
        who = resident()
        return who.birth_date if who else None

    def alarm(*names: str):
        return lambda c: any(norms.abnormal(n, getattr(c.vitals, n), birth(), c.checkup_date) for n in names)

    def bmi_tip(c: Checkup) -> str | None:
        found = norms.bmi_for_age(resident(), c.checkup_date, c.vitals)
        if found is None:
            return None
        return translate("RecordTables", "BMI-for-age (WHO 2006): z = %1").replace("%1", labels.number(found.z, lang, fixed=True, signed=True))

    columns = [
        Column(lambda: translate("RecordTables", "Date"), lambda c: labels.day(c.checkup_date),
               tooltip=lambda c: translate("RecordTables", "Corrected: earlier versions are kept") if c.supersedes_id else None),
        Column(lambda: translate("RecordTables", "Kind"), lambda c: labels.checkup_kind_short(c.kind) + (" ✎" if c.supersedes_id else ""),
               tooltip=lambda c: labels.checkup_kind(c.kind)),
        Column(lambda: _head(translate("RecordTables", "BP"), "systolic", lang), _bp, numeric=True,
               alarm=alarm("systolic", "diastolic")),
        Column(lambda: translate("RecordTables", "Pulse"), _vital("pulse", lang), True, alarm("pulse")),
        Column(lambda: _head(translate("RecordTables", "Temp."), "temperature", lang), _vital("temperature", lang), True, alarm("temperature")),
        Column(lambda: _head(translate("RecordTables", "SpO2"), "spo2", lang), _vital("spo2", lang), True, alarm("spo2")),
        Column(lambda: translate("RecordTables", "Resp."), _vital("respiratory_rate", lang), True, alarm("respiratory_rate")),
        Column(lambda: _head(translate("RecordTables", "Weight"), "weight_kg", lang), _vital("weight_kg", lang), True),
        Column(lambda: _head(translate("RecordTables", "Height"), "height_cm", lang), _vital("height_cm", lang), True),
        Column(lambda: translate("RecordTables", "BMI"), lambda c: labels.number(c.vitals.bmi, lang, fixed=True), True,
               lambda c: norms.bmi_abnormal(resident(), c.checkup_date, c.vitals), tooltip=bmi_tip),
        Column(lambda: _head(translate("RecordTables", "Glucose"), "glucose", lang), _vital("glucose", lang), True, alarm("glucose")),
        *[Column(lambda f=f: _head(f.text_label(lang), f.name, lang), _vital(f.name, lang), True,
                 alarm(f.name) if f.normal else None)
          for f in fields.VITALS if f.name not in _OWN_COLUMNS],
        Column(lambda: translate("RecordTables", "Class"), lambda c: labels.health_class(c.classification, long=False),
               tooltip=lambda c: labels.health_class(c.classification)),
        Column(lambda: translate("RecordTables", "Next\ndue"), lambda c: labels.day(c.next_due_date)),
        Column(lambda: translate("RecordTables", "Findings"), lambda c: (c.findings or "").replace("\n", " "), tooltip=lambda c: c.findings or None,
               stretch=True),
    ]
    return RowsModel(columns, parent)


def checkup_versions_model(lang: str, parent=None, resident: Callable[[], Resident | None] = lambda: None) -> RowsModel:
    """Every version of one checkup, oldest first, with what became of it."""
    base = checkup_model(lang, resident=resident)._columns
    status = Column(lambda: translate("RecordTables", "Version"), lambda c: translate("RecordTables", "Voided") if c.voided else (translate("RecordTables", "Correction") if c.supersedes_id else translate("RecordTables", "Original")))
    return RowsModel([status] + base, parent)


# --- conditions -----------------------------------------------------------------

def icd_name(code: str | None, lang: str) -> str:
    found = icd10.lookup(code) if code else None
    return found.name(lang) if found else ""


def condition_model(lang: str, parent=None) -> RowsModel:
    columns = [
        Column(lambda: translate("RecordTables", "ICD-10"), lambda c: c.icd10),
        Column(lambda: translate("RecordTables", "Condition"), lambda c: icd_name(c.icd10, lang),
               tooltip=lambda c: icd_name(c.icd10, lang), stretch=True),
        Column(lambda: translate("RecordTables", "Onset"), lambda c: labels.day(c.onset_date)),
        Column(lambda: translate("RecordTables", "Status"), lambda c: labels.condition_status(c.status)),
        Column(lambda: translate("RecordTables", "Follow-up\nevery (days)"), lambda c: "" if c.follow_up_days is None else str(c.follow_up_days), True),
        Column(lambda: translate("RecordTables", "Note"), lambda c: (c.note or "").replace("\n", " "),
               tooltip=lambda c: c.note or None, stretch=True),
    ]
    return RowsModel(columns, parent)


# --- rehabilitation ----------------------------------------------------------------

def rehab_model(lang: str, parent=None) -> RowsModel:
    columns = [
        Column(lambda: translate("RecordTables", "Date"), lambda s: labels.day(s.session_date)),
        Column(lambda: translate("RecordTables", "Type"), lambda s: labels.rehab_type(s.rehab_type) + (" ✎" if s.supersedes_id else "")),
        Column(lambda: translate("RecordTables", "Minutes"), lambda s: str(s.minutes), True),
        Column(lambda: translate("RecordTables", "Therapist"), lambda s: s.therapist),
        Column(lambda: translate("RecordTables", "Barthel"), lambda s: "" if s.barthel is None else str(s.barthel), True),
        Column(lambda: translate("RecordTables", "Progress note"), lambda s: (s.note or "").replace("\n", " "),
               tooltip=lambda s: s.note or None, stretch=True),
    ]
    return RowsModel(columns, parent)


# --- referrals ------------------------------------------------------------------------

def referral_model(lang: str, parent=None) -> RowsModel:
    columns = [
        Column(lambda: translate("RecordTables", "Referred on"), lambda r: labels.day(r.referral_date)),
        Column(lambda: translate("RecordTables", "Hospital"), lambda r: r.hospital, tooltip=lambda r: r.hospital, stretch=True),
        Column(lambda: translate("RecordTables", "Reason"), lambda r: r.reason.replace("\n", " "), tooltip=lambda r: r.reason,
               stretch=True),
        Column(lambda: translate("RecordTables", "Diagnosis"), lambda r: (r.icd10 or "") + (f" {icd_name(r.icd10, lang)}" if r.icd10 else ""),
               tooltip=lambda r: icd_name(r.icd10, lang) or None, stretch=True),
        Column(lambda: translate("RecordTables", "Outcome"), lambda r: labels.referral_outcome(r.outcome), alarm=lambda r: r.is_open),
        Column(lambda: translate("RecordTables", "Returned on"), lambda r: labels.day(r.return_date)),
        Column(lambda: translate("RecordTables", "Note"), lambda r: (r.outcome_note or "").replace("\n", " "),
               tooltip=lambda r: r.outcome_note or None, stretch=True),
    ]
    return RowsModel(columns, parent)


# --- history ---------------------------------------------------------------------------

def history_model(describe: Callable[[AuditEntry], str], parent=None) -> RowsModel:
    """Newest first (the caller sorts); ``describe`` writes the change as a sentence."""
    columns = [
        Column(lambda: translate("RecordTables", "When"), lambda e: labels.moment(e.at)),
        Column(lambda: translate("RecordTables", "Who"), lambda e: e.actor),
        Column(lambda: translate("RecordTables", "What"), lambda e: labels.action(e.action)),
        Column(lambda: translate("RecordTables", "Details"), describe, tooltip=describe, stretch=True),
    ]
    return RowsModel(columns, parent)


__all__ = ["RowsModel", "Column", "checkup_model", "checkup_versions_model", "condition_model",
           "rehab_model", "referral_model", "history_model", "icd_name"]
