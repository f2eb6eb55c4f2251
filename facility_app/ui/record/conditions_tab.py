"""Chronic conditions: list, add, update (status, follow-up interval...).
The diagnosis is chosen with the ICD-10 picker."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from care_core.domain import rules
from care_core.domain import history
from care_core.domain.entities import Condition, ConditionStatusChange, Resident
from care_core.domain.enums import ConditionStatus
from care_core.domain.permissions import Permission
from . import labels
from .fields import DateField, EnumCombo, NumberField
from .form_base import EditForm, not_a_date, not_a_number, not_a_whole_number
from .icd_picker import Icd10Picker
from .list_tab import ListTab
from .models import condition_model, icd_name
from .table_view import fit_columns, record_table, selected_row

EDITABLE = ("icd10", "onset_date", "status", "follow_up_days", "note")


class ConditionForm(EditForm):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, "condition", parent)
        self.setObjectName("conditionForm")
        self._resident: Resident | None = None
        self._base: Condition | None = None
        today = session.services.clinical.today()
        self.icd = Icd10Picker(session.lang, "condition", self)
        self.onset = DateField(today)
        self.onset.setObjectName("conditionOnset")
        self.status = EnumCombo([(s, labels.condition_status(s)) for s in ConditionStatus])
        self.status.setObjectName("conditionStatus")
        # the day a new status began: the report of a past period reads the status of its time
        self.status_from = DateField(today)
        self.status_from.setObjectName("conditionStatusFrom")
        self.status.currentIndexChanged.connect(self._status_changed)
        self.follow_up = NumberField(4)
        self.follow_up.setObjectName("conditionFollowUp")
        self.note = QLineEdit(self)
        self.note.setObjectName("conditionNote")
        self.note.setMaxLength(rules.MAX_TEXT)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.add_field(grid, 0, "icd10", self.tr("Diagnosis (ICD-10)"), self.icd, error_below=True)
        self.add_field(grid, 2, "onset_date", self.tr("Found on"), self.onset, error_below=True)
        self.add_field(grid, 4, "status", self.tr("Status"), self.status, error_below=True)
        self.add_field(grid, 5, "changed_on", self.tr("New status from"), self.status_from, error_below=True)
        self.add_field(grid, 6, "follow_up_days", self.tr("Follow up every"), self.follow_up, self.tr("days"), error_below=True)
        self.add_field(grid, 8, "note", self.tr("Note"), self.note, error_below=True)
        self.build_frame(grid, self.tr("Save (Ctrl+S)"), self.tr("Cancel (Esc)"))
        self.first_input = self.icd.search
        for first, second in zip([self.icd.search, self.icd.results, self.onset.edit, self.status, self.status_from.edit,
                                  self.follow_up, self.note, self.cancel_button],
                                 [self.icd.results, self.onset.edit, self.status, self.status_from.edit, self.follow_up,
                                  self.note, self.cancel_button, self.save_button]):
            QWidget.setTabOrder(first, second)

    def start_new(self, resident: Resident) -> None:
        self._resident, self._base = resident, None
        self.heading.setText(self.tr("Add a chronic condition"))
        self._fill(None)

    def start_update(self, resident: Resident, condition: Condition) -> None:
        self._resident, self._base = resident, condition
        self.heading.setText(self.tr("Update %1").replace("%1", f"{condition.icd10} {icd_name(condition.icd10, self.session.lang)}"))
        self._fill(condition)

    def _fill(self, c: Condition | None) -> None:
        self._loading = True
        self.icd.set_value(c.icd10 if c else None)
        self.onset.set_value(c.onset_date if c else None)
        self.status.set_current(c.status if c else ConditionStatus.ACTIVE)
        self.follow_up.setText("" if c is None or c.follow_up_days is None else str(c.follow_up_days))
        self.note.setText(c.note if c else "")
        self.status_from.set_value(self.session.services.clinical.today())
        self._status_changed()
        self._loading = False
        self.reset_state()

    def _status_changed(self, *_a) -> None:
        """The date of a new status is asked only when the status changes."""
        self.status_from.setEnabled(self._base is not None and self.status.current() != self._base.status)

    def collect(self) -> tuple[Condition, list]:
        lang = self.session.lang
        slips = []
        try:
            onset = self.onset.value()
        except ValueError:
            onset = None
            slips.append(not_a_date("onset_date", self.onset.text(), lang))
        try:
            days = self.follow_up.int_value()
        except ValueError:
            days = None
            text = self.follow_up.text().strip()
            try:
                float(text.replace(",", "."))
                slips.append(not_a_whole_number("follow_up_days", text, lang))
            except ValueError:
                slips.append(not_a_number("follow_up_days", text, lang))
        condition = Condition(resident_id=self._resident.id if self._resident else "", icd10=self.icd.value() or "",
                              onset_date=onset, status=self.status.current(), follow_up_days=days,
                              note=self.note.text().strip())
        return condition, slips

    def _status_from(self) -> tuple:
        """(date or None, slips) of the new status's first day, when asked."""
        if not self.status_from.isEnabled():
            return None, []
        try:
            return self.status_from.value(), []
        except ValueError:
            return None, [not_a_date("changed_on", self.status_from.text(), self.session.lang)]

    def problems(self) -> list:
        condition, slips = self.collect()
        since, more = self._status_from()
        slips += more
        if self._resident is None:
            return slips
        slipped = {s.field for s in slips}
        today = self.session.services.clinical.today()
        found = rules.check_condition(condition, self._resident, today)
        if since is not None:
            found += rules.check_status_change(ConditionStatusChange(condition.id, self._resident.id, condition.status,
                                                                     since), self._resident, today)
        return slips + [p for p in found if p.field not in slipped]

    def submit(self) -> Callable[[], Condition]:
        condition, _slips = self.collect()
        clinical, actor, base = self.session.services.clinical, self.session.actor, self._base
        if base is None:
            return lambda: clinical.add_condition(actor, condition)
        changes = {f: getattr(condition, f) for f in EDITABLE if getattr(condition, f) != getattr(base, f)}
        since, _more = self._status_from()
        if "status" in changes and since is not None:
            changes["status_changed_on"] = since
        return lambda: clinical.update_condition(actor, base.id, changes, base.version)


class ConditionsTab(ListTab):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, "tabConditions", "conditions", parent)
        self._resident: Resident | None = None
        may = session.can(Permission.RECORD_CLINICAL)
        self.new_button = self.add_button("conditionNew", self.tr("Add a chronic condition"), self.start_new, may)
        self.edit_button = self.add_button("conditionEdit", self.tr("Update the selected condition"), self.start_update, may)
        self.edit_button.setToolTip(self.tr("First click a line in the table."))
        self.finish_toolbar()
        self.model = condition_model(session.lang, self)
        self.table = record_table("conditionTable", self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        if may:
            self.table.doubleClicked.connect(lambda _i: self.start_update())
        self.empty = self.empty_label("conditionEmpty", self.tr("No chronic condition recorded."))
        self.timeline = QLabel(self)
        self.timeline.setObjectName("conditionStatusTimeline")
        self.timeline.setWordWrap(True)
        self._changes: list[ConditionStatusChange] = []
        self.browse_layout.addWidget(self.empty)
        self.browse_layout.addWidget(self.table, 1)
        self.browse_layout.addWidget(self.timeline)
        self._selection_changed()

    @property
    def form(self) -> ConditionForm:
        return self.form_for("condition", lambda: ConditionForm(self.session, self))

    def set_data(self, resident: Resident, conditions: list[Condition],
                 status_changes: list[ConditionStatusChange] = ()) -> None:
        self._resident = resident
        self._changes = list(status_changes)
        order = {ConditionStatus.ACTIVE: 0, ConditionStatus.CONTROLLED: 1, ConditionStatus.RESOLVED: 2}
        rows = sorted(conditions, key=lambda c: (order.get(c.status, 3), c.icd10))
        self.model.set_rows(rows)
        fit_columns(self.table)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self._selection_changed()

    def selected(self) -> Condition | None:
        return self.model.row_at(selected_row(self.table))

    def _selection_changed(self, *_a) -> None:
        chosen = self.selected()
        self.edit_button.setEnabled(chosen is not None)
        self.new_button.setEnabled(self._resident is not None)
        self.timeline.setVisible(chosen is not None)
        if chosen is not None:
            steps = history.status_history(chosen, [s for s in self._changes if s.condition_id == chosen.id])
            parts = [self.tr("%1 since %2").replace("%1", labels.condition_status(s.status))
                     .replace("%2", labels.day(s.changed_on)) if s.changed_on else labels.condition_status(s.status)
                     for s in steps]
            self.timeline.setText(self.tr("Status history: %1").replace("%1", " → ".join(parts)))

    def start_new(self) -> None:
        if self._resident is not None:
            self.form.start_new(self._resident)
            self.open_form(self.form)

    def start_update(self) -> None:
        condition = self.selected()
        if condition is not None and self._resident is not None:
            self.form.start_update(self._resident, condition)
            self.open_form(self.form)

    def saved_text(self, form, result: Condition) -> str:
        return self.tr("Saved: %1.").replace("%1", f"{result.icd10} {icd_name(result.icd10, self.session.lang)}")
