"""Correct one of a person's stays (kind, dates, the court's decision, a
note), or add a stay from the paper file that came before the current one.

A correction sends only the fields that changed, so a nurse may fix a
decision number while only a role that may discharge can move a discharge
date (the service says the same). The latest stay's dates are the record's
own admission and discharge: the service moves them together.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from care_core.domain import rules
from care_core.domain.entities import Resident, Stay
from care_core.domain.enums import DischargeReason, StayKind
from care_core.domain.messages import Problem
from care_core.domain.permissions import Permission
from . import labels
from .fields import DateField, EnumCombo
from .form_base import EditForm, FormDialog, not_a_date, not_a_whole_number

_FIELDS = ("kind", "admitted_on", "discharged_on", "discharge_reason", "decision_number", "term_months", "note")


class StayForm(EditForm):
    """``stay`` to correct, or None to add an earlier stay (which must have ended)."""

    def __init__(self, session, resident: Resident, stay: Stay | None, others: list[Stay], kind: StayKind,
                 parent: QWidget | None = None):
        super().__init__(session, "stay", parent)
        self.resident, self.stay = resident, stay
        self.others = [s for s in others if stay is None or s.id != stay.id]
        today = session.services.residents.today()
        self.kind = EnumCombo([(k, labels.stay_kind(k)) for k in StayKind])
        self.kind.setObjectName("stayKind")
        self.admitted = DateField(today)
        self.admitted.setObjectName("stayAdmitted")
        self.discharged = DateField(today)
        self.discharged.setObjectName("stayDischarged")
        self.reason = EnumCombo([(r, labels.discharge_reason(r)) for r in DischargeReason], blank=self.tr("— none —"))
        self.reason.setObjectName("stayReason")
        self.decision = QLineEdit(self)
        self.decision.setObjectName("stayDecision")
        self.decision.setMaxLength(50)
        self.decision.setPlaceholderText(self.tr("e.g. 15/2026/QĐ-TA"))
        self.term = QLineEdit(self)
        self.term.setObjectName("stayTerm")
        self.term.setMaxLength(3)
        self.note = QLineEdit(self)
        self.note.setObjectName("stayNote")
        self.note.setMaxLength(500)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.add_field(grid, 0, "stay_kind", self.tr("Kind of stay"), self.kind, error_below=True)
        self.add_field(grid, 2, "admitted_on", self.tr("Admitted on"), self.admitted, error_below=True)
        self.add_field(grid, 4, "discharged_on", self.tr("Left on"), self.discharged, error_below=True)
        self.add_field(grid, 6, "discharge_reason", self.tr("Reason for leaving"), self.reason, error_below=True)
        self.add_field(grid, 8, "decision_number", self.tr("Court decision number"), self.decision, error_below=True)
        self.add_field(grid, 10, "term_months", self.tr("Term (months)"), self.term, error_below=True)
        self.add_field(grid, 12, "note", self.tr("Note"), self.note, error_below=True)
        self._compulsory_rows = [grid.itemAtPosition(r, c).widget() for r in (8, 10) for c in (0, 1)]
        self.kind.sig_edited.connect(self._show_compulsory)
        self.small_dialog(grid, self.tr("Save (Ctrl+S)"))
        shown = stay or Stay(resident.id, kind, None)
        self.kind.set_current(shown.kind)
        self.admitted.set_value(shown.admitted_on)
        self.discharged.set_value(shown.discharged_on)
        self.reason.set_current(shown.discharge_reason)
        self.decision.setText(shown.decision_number)
        self.term.setText("" if shown.term_months is None else str(shown.term_months))
        self.note.setText(shown.note)
        # moving a discharge is for the roles that may discharge; an earlier stay is entered whole
        may_discharge = stay is None or session.can(Permission.DISCHARGE_RESIDENT)
        self.discharged.setEnabled(may_discharge)
        self.reason.setEnabled(may_discharge)
        self._show_compulsory()

    def _show_compulsory(self) -> None:
        """The decision and its term only for a compulsory rehabilitation stay (or one that has them)."""
        on = self.kind.current() == StayKind.REHAB_COMPULSORY or bool(self.decision.text() or self.term.text())
        for widget in self._compulsory_rows:
            widget.setVisible(on)

    def collect(self) -> tuple[Stay, list]:
        slips: list = []
        days = {}
        for name, box in (("admitted_on", self.admitted), ("discharged_on", self.discharged)):
            try:
                days[name] = box.value()
            except ValueError:
                days[name] = None
                slips.append(not_a_date(name, box.text(), self.session.lang))
        term = None
        if self.term.text().strip():
            try:
                term = int(self.term.text().strip())
            except ValueError:
                slips.append(not_a_whole_number("term_months", self.term.text(), self.session.lang))
        base = self.stay or Stay(self.resident.id, self.kind.current(), None)
        fixed = Stay(self.resident.id, self.kind.current(), days["admitted_on"], days["discharged_on"],
                     self.reason.current(), self.decision.text().strip(), term, base.round_id,
                     self.note.text().strip(), id=base.id, version=base.version)
        return fixed, slips

    def changes(self) -> dict:
        fixed, _slips = self.collect()
        if self.stay is None:
            return {f: getattr(fixed, f) for f in _FIELDS}
        return {f: getattr(fixed, f) for f in _FIELDS if getattr(fixed, f) != getattr(self.stay, f)}

    def problems(self) -> list:
        fixed, slips = self.collect()
        if slips:
            return slips
        found = rules.check_stay(fixed, self.resident, self.session.services.residents.today())
        found += rules.check_stay_among(fixed, self.others)
        if self.stay is None and fixed.discharged_on is None and not any(p.field == "discharged_on" for p in found):
            found.append(Problem("discharged_on", "required"))  # an earlier stay has ended
        return found

    def submit(self) -> Callable[[], Stay]:
        fixed, _slips = self.collect()
        residents, actor, resident_id = self.session.services.residents, self.session.actor, self.resident.id
        if self.stay is None:
            return lambda: residents.add_past_stay(actor, resident_id, fixed)
        stay_id, version, changes = self.stay.id, self.stay.version, self.changes()
        if not changes:
            return lambda: self.stay
        return lambda: residents.update_stay(actor, resident_id, stay_id, changes,
                                             None if stay_id.startswith("implied:") else version)

    def cancel(self) -> None:  # a few fields: no "discard?" question
        self._dirty = False
        super().cancel()


class StayDialog(FormDialog):
    """``.stay`` holds the saved stay after a successful save."""

    def __init__(self, session, resident: Resident, stay: Stay | None, others: list[Stay], kind: StayKind,
                 parent: QWidget | None = None):
        super().__init__(parent)
        if stay is None:
            title = self.tr("Add an earlier stay")
            intro = self.tr("A stay %1 had before the current one, from the paper file: it goes before the "
                            "current stay and changes nothing else.").replace("%1", resident.full_name)
        else:
            title = self.tr("Correct a stay")
            intro = self.tr("Correct what was typed wrong. The latest stay's dates are the record's own "
                            "admission and discharge, and change with it.")
        self.place("stayDialog", title, intro, StayForm(session, resident, stay, others, kind, self), (660, 360))

    @property
    def stay(self) -> Stay | None:
        return self.saved
