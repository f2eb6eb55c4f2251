"""The record's change history from the audit log: who did what, when, in
words (field names and values as a nurse reads them, never raw JSON).

Loaded the first time the tab is shown, so opening a record stays fast.
"""
from __future__ import annotations

import dataclasses
import json
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from care_core import fields
from care_core.domain import divisions
from care_core.domain.entities import AuditEntry, Checkup, Condition, Referral, RehabSession, Resident, VitalSigns
from care_core.domain.enums import (
    BeneficiaryGroup,
    CheckupKind,
    ConditionStatus,
    DischargeReason,
    DisabilitySeverity,
    DisabilityType,
    HealthClass,
    ReferralOutcome,
    RehabType,
    ScreeningResult,
    Sex,
)
from care_core.domain.messages import FIELD_LABELS
from . import feedback, labels
from .models import history_model, icd_name
from .table_view import fit_columns, record_table, selected_row

translate = QCoreApplication.translate

# Technical columns a nurse never needs to see.
HIDDEN = {"id", "resident_id", "supersedes_id", "name_folded", "facility_code", "version", "deleted",
          "updated_at", "updated_by", "device_id", "hlc"}
INSERT_ACTIONS = {"admit-resident", "record-checkup", "correct-checkup", "add-condition", "record-rehab",
                  "correct-rehab", "open-referral"}


def _field_order() -> dict[str, dict[str, int]]:
    """Per table, fields in the order the forms show them (vital signs in paper order)."""
    tables = {"residents": Resident, "checkups": Checkup, "conditions": Condition,
              "rehab_sessions": RehabSession, "referrals": Referral}
    orders = {}
    for table, cls in tables.items():
        names: list[str] = []
        for f in dataclasses.fields(cls):
            if f.name == "vitals":
                names += ["blood_pressure"] + [v.name for v in dataclasses.fields(VitalSigns)]
            else:
                names.append(f.name)
        orders[table] = {name: i for i, name in enumerate(names)}
    return orders


ORDER = _field_order()


def _extra_label(field: str) -> str:
    return {
        "blood_pressure": translate("RecordHistory", "Blood pressure"),
        "screening_note": translate("RecordHistory", "Screened for"),
        "isolation": translate("RecordHistory", "Isolation"),
        "outcome_note": translate("RecordHistory", "Outcome note"),
        "voided": translate("RecordHistory", "Cancelled"),
    }.get(field, field)


def _label(field: str, lang: str) -> str:
    extra = _extra_label(field)
    if extra != field:  # the history's own wording first ("Cancelled" for voided)
        return extra
    if field in FIELD_LABELS:
        vi, en = FIELD_LABELS[field]
        return vi if lang == "vi" else en
    return _extra_label(field)


def _enum(kind, fmt, value):
    try:
        return fmt(kind(value))
    except ValueError:
        return str(value)


def show_value(field: str, value, lang: str) -> str:
    """One stored value as the screens show it."""
    if value is None or value == "":
        return translate("RecordHistory", "(blank)")
    if isinstance(value, bool):
        return translate("RecordHistory", "yes") if value else translate("RecordHistory", "no")
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return labels.day(date.fromisoformat(value))
        except ValueError:
            pass
    simple = {
        "sex": (Sex, labels.sex), "kind": (CheckupKind, labels.checkup_kind),
        "status": (ConditionStatus, labels.condition_status), "rehab_type": (RehabType, labels.rehab_type),
        "outcome": (ReferralOutcome, labels.referral_outcome), "screening": (ScreeningResult, labels.screening),
        "discharge_reason": (DischargeReason, labels.discharge_reason),
        "disability_type": (DisabilityType, labels.disability_type),
        "disability_severity": (DisabilitySeverity, labels.disability_severity),
    }
    if field in simple:
        return _enum(*simple[field], value)
    if field == "classification":
        return _enum(HealthClass, labels.health_class, value)
    if field == "groups":
        return ", ".join(_enum(BeneficiaryGroup, labels.group, g) for g in str(value).split(",") if g)
    if field == "icd10":
        return f"{value} {icd_name(value, lang)}".strip()
    if field == "province_code":
        return divisions.province_name(int(value)) or str(value)
    if field == "ward_code":
        return divisions.ward_name(int(value)) or str(value)
    if isinstance(value, float):
        return labels.number(value, lang)
    return str(value)


def describe(entry: AuditEntry, lang: str, subjects: dict[str, str] | None = None) -> str:
    """'Huyết áp: 135/80 mmHg; Mạch: 80; ...' for one audit entry.

    ``subjects`` names the records an update touched ("I10 Bệnh tăng huyết áp"),
    since an update's detail holds only the changed fields.
    """
    text = _describe(entry, lang)
    subject = (subjects or {}).get(entry.row_id) if entry.action not in INSERT_ACTIONS else None
    return f"{subject} — {text}" if subject and text else (subject or text)


def _describe(entry: AuditEntry, lang: str) -> str:
    try:
        detail = json.loads(entry.detail) if entry.detail else {}
    except ValueError:
        return ""
    if not isinstance(detail, dict):
        return ""
    inserted = entry.action in INSERT_ACTIONS
    parts = []
    if entry.action == "void-checkup":
        when = show_value("checkup_date", detail.get("checkup_date"), lang)
        reason = detail.get("findings") or ""
        return translate("RecordHistory", "Checkup of %1; reason: %2").replace("%1", when).replace("%2", reason)
    if detail.get("systolic") is not None and detail.get("diastolic") is not None:
        bp = f"{detail.pop('systolic')}/{detail.pop('diastolic')} {fields.vital('systolic').unit_text(lang)}"
        detail = {"blood_pressure": bp, **detail}
    order = ORDER.get(entry.table, {})
    for field in sorted(detail, key=lambda f: order.get(f, len(order))):
        value = detail[field]
        if field in HIDDEN or (field == "voided" and not value):
            continue
        if inserted and (value is None or value == "" or value is False):
            continue
        parts.append(f"{_label(field, lang)}: {show_value(field, value, lang)}")
    return "; ".join(parts)


class HistoryTab(QWidget):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("tabHistory")
        self._resident_id: str | None = None
        self._stale = True
        self._subjects: dict[str, str] = {}
        self.model = history_model(lambda e: describe(e, session.lang, self._subjects), self)
        self.table = record_table("historyTable", self)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        note = QLabel(self.tr("Every change to this record, newest first. Entries cannot be edited or removed. "
                              "Select a line to read it in full below."), self)
        note.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setObjectName("historyDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("background: palette(base); border: 1px solid palette(mid); padding: 8px;")
        self.detail.setMinimumHeight(self.fontMetrics().height() * 4 + 16)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

    def set_resident(self, resident_id: str, subjects: dict[str, str] | None = None) -> None:
        self._resident_id = resident_id
        self._subjects.clear()
        self._subjects.update(subjects or {})
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        if self._resident_id is None:
            return
        entries = feedback.load(lambda: self.session.services.clinical.history(self.session.actor, self._resident_id),
                                self, self.session.lang)
        self._stale = False
        if entries is None:
            return
        self.model.set_rows(sorted(entries, key=lambda e: e.seq, reverse=True))
        fit_columns(self.table, max_width=260)
        self._show_detail()

    def _show_detail(self, *_a) -> None:
        entry = self.model.row_at(selected_row(self.table))
        if entry is None:
            self.detail.setText(self.tr("Select a line above to read the whole change."))
            return
        self.detail.setText(f"{labels.moment(entry.at)} · {entry.actor} · {labels.action(entry.action)}\n"
                            f"{describe(entry, self.session.lang, self._subjects)}")
