"""Referrals to hospitals: open one (hospital, reason, diagnosis, date) and
close it when the resident comes back or the outcome is known."""
from __future__ import annotations

import dataclasses
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QGridLayout, QLineEdit, QWidget

from care_core.domain import rules
from care_core.domain.entities import Referral, Resident
from care_core.domain.enums import ReferralOutcome
from care_core.domain.messages import Problem
from care_core.domain.permissions import Permission
from . import labels
from .fields import DateField, EnumCombo
from .form_base import EditForm, not_a_date
from .icd_picker import Icd10Picker
from .list_tab import ListTab
from .models import referral_model
from .table_view import fit_columns, record_table, selected_row


class ReferralOpenForm(EditForm):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, "referral", parent)
        self.setObjectName("referralForm")
        self._resident: Resident | None = None
        self.date = DateField(session.services.clinical.today())
        self.date.setObjectName("referralDate")
        self.hospital = QLineEdit(self)
        self.hospital.setObjectName("referralHospital")
        self.hospital.setMaxLength(rules.MAX_SHORT_TEXT)
        self.hospital.setMinimumWidth(420)
        self.hospital.setPlaceholderText(self.tr("e.g. Lạng Sơn General Hospital"))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("referralReason")
        self.reason.setMaxLength(rules.MAX_TEXT)
        self.reason.setMinimumWidth(420)
        self.icd = Icd10Picker(session.lang, "referral", self)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.add_field(grid, 0, "referral_date", self.tr("Referred on"), self.date, error_below=True)
        self.add_field(grid, 2, "hospital", self.tr("Hospital"), self.hospital, error_below=True)
        self.add_field(grid, 4, "reason", self.tr("Reason"), self.reason, error_below=True)
        self.add_field(grid, 6, "icd10", self.tr("Diagnosis (ICD-10, optional)"), self.icd, error_below=True)
        self.build_frame(grid, self.tr("Save referral (Ctrl+S)"), self.tr("Cancel (Esc)"))
        self.first_input = self.date.edit
        chain = [self.date.edit, self.hospital, self.reason, self.icd.search, self.icd.results, self.cancel_button, self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def start(self, resident: Resident, known_hospitals: list[str]) -> None:
        self._resident = resident
        self.heading.setText(self.tr("Refer to a hospital"))
        self._loading = True
        self.date.set_value(self.session.services.clinical.today())
        self.hospital.clear()
        self.reason.clear()
        self.icd.set_value(None)
        completer = QCompleter(sorted(set(known_hospitals)), self.hospital)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.hospital.setCompleter(completer)
        self._loading = False
        self.reset_state()

    def collect(self) -> tuple[Referral, list]:
        slips = []
        try:
            day = self.date.value()
        except ValueError:
            day = None
            slips.append(not_a_date("referral_date", self.date.text(), self.session.lang))
        referral = Referral(resident_id=self._resident.id if self._resident else "", referral_date=day,
                            hospital=self.hospital.text().strip(), reason=self.reason.text().strip(),
                            icd10=self.icd.value())
        return referral, slips

    def problems(self) -> list:
        referral, slips = self.collect()
        if self._resident is None:
            return slips
        slipped = {s.field for s in slips}
        found = rules.check_referral(referral, self._resident, self.session.services.clinical.today())
        return slips + [p for p in found if p.field not in slipped]

    def submit(self) -> Callable[[], Referral]:
        referral, _slips = self.collect()
        clinical, actor = self.session.services.clinical, self.session.actor
        return lambda: clinical.open_referral(actor, referral)


class ReferralCloseForm(EditForm):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, "referralClose", parent)
        self.setObjectName("referralCloseForm")
        self._resident: Resident | None = None
        self._referral: Referral | None = None
        outcomes = [o for o in ReferralOutcome if o != ReferralOutcome.PENDING]
        self.outcome = EnumCombo([(o, labels.referral_outcome(o)) for o in outcomes], blank=self.tr("— choose —"))
        self.outcome.setObjectName("referralOutcome")
        self.return_date = DateField(session.services.clinical.today())
        self.return_date.setObjectName("referralReturnDate")
        self.note = QLineEdit(self)
        self.note.setObjectName("referralOutcomeNote")
        self.note.setMaxLength(rules.MAX_TEXT)
        self.note.setMinimumWidth(420)
        self.note.setPlaceholderText(self.tr("Diagnosis and treatment at the hospital, advice on return"))
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.add_field(grid, 0, "outcome", self.tr("Outcome"), self.outcome, error_below=True)
        self.add_field(grid, 2, "return_date", self.tr("Returned on"), self.return_date, error_below=True)
        self.add_field(grid, 4, "outcome_note", self.tr("Note"), self.note, error_below=True)
        self.build_frame(grid, self.tr("Close referral (Ctrl+S)"), self.tr("Cancel (Esc)"))
        self.first_input = self.outcome
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        chain = [self.outcome, self.return_date.edit, self.note, self.cancel_button, self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def start(self, resident: Resident, referral: Referral) -> None:
        self._resident, self._referral = resident, referral
        self.heading.setText(self.tr("Close the referral of %1 to %2").replace("%1", labels.day(referral.referral_date))
                             .replace("%2", referral.hospital))
        self._loading = True
        self.outcome.set_current(None)
        self.return_date.set_value(None)
        self.note.clear()
        self._loading = False
        self._outcome_changed()
        self.reset_state()

    def _outcome_changed(self, *_a) -> None:
        returned = self.outcome.current() == ReferralOutcome.RETURNED
        self.return_date.setEnabled(returned)
        if returned and not self.return_date.text():
            self.return_date.set_value(self.session.services.clinical.today())
        if not returned:
            self.return_date.set_value(None)

    def collect(self):
        slips = []
        try:
            back = self.return_date.value()
        except ValueError:
            back = None
            slips.append(not_a_date("return_date", self.return_date.text(), self.session.lang))
        return self.outcome.current(), back, self.note.text().strip(), slips

    def problems(self) -> list:
        outcome, back, note, slips = self.collect()
        if self._referral is None or self._resident is None:
            return slips
        found = []
        if outcome is None:
            found.append(Problem("outcome", "required"))
        else:
            updated = dataclasses.replace(self._referral, outcome=outcome, return_date=back, outcome_note=note)
            found = rules.check_referral(updated, self._resident, self.session.services.clinical.today())
        slipped = {s.field for s in slips}
        return slips + [p for p in found if p.field not in slipped]

    def submit(self) -> Callable[[], Referral]:
        outcome, back, note, _slips = self.collect()
        clinical, actor, r = self.session.services.clinical, self.session.actor, self._referral
        return lambda: clinical.close_referral(actor, r.id, outcome, back, note, r.version)


class ReferralsTab(ListTab):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, "tabReferrals", "referrals", parent)
        self._resident: Resident | None = None
        self._referrals: list[Referral] = []
        may = session.can(Permission.RECORD_CLINICAL)
        self.new_button = self.add_button("referralNew", self.tr("Refer to a hospital"), self.start_new, may)
        self.close_button = self.add_button("referralClose", self.tr("Close the selected referral"), self.start_close, may)
        self.close_button.setToolTip(self.tr("First click a line in the table."))
        self.finish_toolbar()
        self.model = referral_model(session.lang, self)
        self.table = record_table("referralTable", self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        if may:
            self.table.doubleClicked.connect(lambda _i: self.start_close())
        self.empty = self.empty_label("referralEmpty", self.tr("No referral to a hospital recorded."))
        self.browse_layout.addWidget(self.empty)
        self.browse_layout.addWidget(self.table, 1)
        self._selection_changed()

    @property
    def open_form_widget(self) -> ReferralOpenForm:
        return self.form_for("open", lambda: ReferralOpenForm(self.session, self))

    @property
    def close_form_widget(self) -> ReferralCloseForm:
        return self.form_for("close", lambda: ReferralCloseForm(self.session, self))

    def set_data(self, resident: Resident, referrals: list[Referral]) -> None:
        self._resident = resident
        self._referrals = sorted(referrals, key=lambda r: r.referral_date, reverse=True)
        self._referrals.sort(key=lambda r: not r.is_open)  # open ones first, newest first within
        self.model.set_rows(self._referrals)
        fit_columns(self.table)
        self.table.setVisible(bool(self._referrals))
        self.empty.setVisible(not self._referrals)
        self._selection_changed()

    def selected(self) -> Referral | None:
        return self.model.row_at(selected_row(self.table))

    def _selection_changed(self, *_a) -> None:
        chosen = self.selected()
        self.close_button.setEnabled(chosen is not None and chosen.is_open)
        self.new_button.setEnabled(self._resident is not None)

    def start_new(self) -> None:
        if self._resident is not None:
            self.open_form_widget.start(self._resident, [r.hospital for r in self._referrals])
            self.open_form(self.open_form_widget)

    def start_close(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.is_open and self._resident is not None:
            self.close_form_widget.start(self._resident, chosen)
            self.open_form(self.close_form_widget)

    def saved_text(self, form, result: Referral) -> str:
        if isinstance(form, ReferralCloseForm):
            return self.tr("Referral to %1 closed.").replace("%1", result.hospital)
        return self.tr("Referral to %1 saved.").replace("%1", result.hospital)
