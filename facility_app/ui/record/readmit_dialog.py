"""Re-admit a person the facility discharged: a new stay on the same record
(never a second record). Date, kind of stay, room; for a compulsory
rehabilitation stay the court's decision number and term too."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from care_core.domain import history, rules
from care_core.domain.entities import Resident, Stay
from care_core.domain.enums import StayKind
from care_core.domain.messages import Problem
from . import labels
from .fields import DateField, EnumCombo
from .form_base import EditForm, FormDialog, not_a_date, not_a_whole_number


class ReadmitForm(EditForm):
    def __init__(self, session, resident: Resident, kind: StayKind, parent: QWidget | None = None):
        super().__init__(session, "readmit", parent)
        self.resident = resident
        today = session.services.residents.today()
        self.date = DateField(today)
        self.date.setObjectName("readmitDate")
        self.date.set_value(today)
        self.kind = EnumCombo([(k, labels.stay_kind(k)) for k in StayKind])
        self.kind.setObjectName("readmitKind")
        self.kind.set_current(kind)
        self.room = QLineEdit(resident.room or "", self)
        self.room.setObjectName("readmitRoom")
        self.room.setMaxLength(200)
        self.decision = QLineEdit(self)
        self.decision.setObjectName("readmitDecision")
        self.decision.setMaxLength(50)
        self.decision.setPlaceholderText(self.tr("e.g. 15/2026/QĐ-TA"))
        self.term = QLineEdit(self)
        self.term.setObjectName("readmitTerm")
        self.term.setMaxLength(3)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.add_field(grid, 0, "admitted_on", self.tr("Date of re-admission"), self.date, error_below=True)
        self.add_field(grid, 2, "stay_kind", self.tr("Kind of stay"), self.kind, error_below=True)
        self.add_field(grid, 4, "room", self.tr("Room"), self.room, error_below=True)
        self._compulsory = [
            self.add_field(grid, 6, "decision_number", self.tr("Court decision number"), self.decision,
                           error_below=True),
            self.add_field(grid, 8, "term_months", self.tr("Term (months)"), self.term, error_below=True)]
        self._compulsory_rows = [(grid.itemAtPosition(r, c).widget()) for r in (6, 8) for c in (0, 1)]
        self.kind.sig_edited.connect(self._show_compulsory)
        self.small_dialog(grid, self.tr("Re-admit (Ctrl+S)"))
        self._show_compulsory()

    def _show_compulsory(self) -> None:
        """The decision and its term only for a compulsory rehabilitation stay."""
        on = self.kind.current() == StayKind.REHAB_COMPULSORY
        for widget in self._compulsory_rows:
            widget.setVisible(on)

    def collect(self) -> tuple[Stay, list]:
        slips: list = []
        try:
            on = self.date.value()
        except ValueError:
            on = None
            slips.append(not_a_date("admitted_on", self.date.text(), self.session.lang))
        term = None
        compulsory = self.kind.current() == StayKind.REHAB_COMPULSORY
        if compulsory and self.term.text().strip():
            try:
                term = int(self.term.text().strip())
            except ValueError:
                slips.append(not_a_whole_number("term_months", self.term.text(), self.session.lang))
        stay = Stay(self.resident.id, self.kind.current(), on,
                    decision_number=self.decision.text().strip() if compulsory else "", term_months=term)
        return stay, slips

    def problems(self) -> list:
        stay, slips = self.collect()
        if slips:
            return slips
        if stay.admitted_on is None:
            return [Problem("admitted_on", "required")]
        today = self.session.services.residents.today()
        found = rules.check_stay(stay, self.resident, today)
        if self.resident.discharge_date is not None and stay.admitted_on < self.resident.discharge_date:
            found.append(Problem("admitted_on", "stay_overlap", {
                "value": stay.admitted_on, "start": self.resident.admission_date, "end": self.resident.discharge_date}))
        return found

    def submit(self) -> Callable[[], Stay]:
        stay, _slips = self.collect()
        room = self.room.text().strip()
        residents, actor, resident = self.session.services.residents, self.session.actor, self.resident
        return lambda: residents.readmit(actor, resident.id, stay, room=room, base_version=resident.version)

    def cancel(self) -> None:  # a few fields: no "discard?" question
        self._dirty = False
        super().cancel()


class ReadmitDialog(FormDialog):
    """``.stay`` holds the new stay after a successful save."""

    def __init__(self, session, resident: Resident, kind: StayKind | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.place("readmitDialog", self.tr("Re-admit the resident"),
                   self.tr("%1 comes back: a new stay is added to the same record; the earlier stays and "
                           "everything recorded stay as they are.").replace("%1", resident.full_name),
                   ReadmitForm(session, resident, kind or history.implied_stay_kind(None), self), (640, 320))

    @property
    def stay(self) -> Stay | None:
        return self.saved
