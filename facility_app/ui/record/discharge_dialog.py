"""Discharge a resident (returned home, transferred, deceased): date + reason.

Only roles with Permission.DISCHARGE_RESIDENT are offered this dialog; the
service refuses the others anyway.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QGridLayout, QWidget

from care_core.domain.entities import Resident
from care_core.domain.enums import DischargeReason
from care_core.domain.messages import Problem
from . import labels
from .fields import DateField, EnumCombo
from .form_base import EditForm, FormDialog, not_a_date


class DischargeForm(EditForm):
    def __init__(self, session, resident: Resident, parent: QWidget | None = None):
        super().__init__(session, "discharge", parent)
        self.resident = resident
        today = session.services.residents.today()
        self.date = DateField(today)
        self.date.setObjectName("dischargeDate")
        self.date.set_value(today)
        self.reason = EnumCombo([(r, labels.discharge_reason(r)) for r in DischargeReason], blank=self.tr("— choose —"))
        self.reason.setObjectName("dischargeReason")
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.add_field(grid, 0, "discharge_date", self.tr("Date of leaving"), self.date, error_below=True)
        self.add_field(grid, 2, "discharge_reason", self.tr("Reason"), self.reason, error_below=True)
        self.small_dialog(grid, self.tr("Discharge (Ctrl+S)"))
        self._dirty = True  # leaving without saving always asks: discharging is serious

    def collect(self):
        try:
            return self.date.value(), self.reason.current(), []
        except ValueError:
            return None, self.reason.current(), [not_a_date("discharge_date", self.date.text(), self.session.lang)]

    def problems(self) -> list:
        on, reason, slips = self.collect()
        if slips:
            return slips + ([Problem("discharge_reason", "required")] if reason is None else [])
        found = []
        if on is None:
            found.append(Problem("discharge_date", "required"))
        if reason is None:
            found.append(Problem("discharge_reason", "required"))
        if on is not None:
            today = self.session.services.residents.today()
            if on > today:
                found.append(Problem("discharge_date", "future_date", {"value": on, "today": today}))
            elif on < self.resident.admission_date:
                found.append(Problem("discharge_date", "discharge_before_admission",
                                     {"value": on, "admission_date": self.resident.admission_date}))
        return found

    def submit(self) -> Callable[[], Resident]:
        on, reason, _slips = self.collect()
        residents, actor, resident = self.session.services.residents, self.session.actor, self.resident
        return lambda: residents.discharge(actor, resident.id, on, reason, resident.version)

    def cancel(self) -> None:  # no "discard?" question for two fields
        self._dirty = False
        super().cancel()


class DischargeDialog(FormDialog):
    """``.discharged`` holds the updated resident after a successful save."""

    def __init__(self, session, resident: Resident, parent: QWidget | None = None):
        super().__init__(parent)
        self.place("dischargeDialog", self.tr("Discharge the resident"),
                   self.tr("%1 leaves the facility. The record stays and can still be read.")
                   .replace("%1", resident.full_name), DischargeForm(session, resident, self), (620, 240))

    @property
    def discharged(self) -> Resident | None:
        return self.saved
