"""The whole record of one resident: a header and six tabs.

``ResidentRecordWidget(session, resident_id, parent=None)`` loads everything
with one ``services.clinical.timeline`` call (the history tab loads its own
audit entries the first time it is shown), and reloads when
``session.sig_data_changed`` names one of the record's tables.

Stable objectName()s for tests and end-to-end drivers (find them with
``widget.findChild(QtWidgets.QWidget, name)``):

Header: recordName, recordDetails, recordAlerts; recordTabs (QTabWidget).
Tabs (pages): tabProfile, tabCheckups, tabConditions, tabRehab, tabReferrals, tabHistory.

Profile: profileFullName, profileSex, profileBirthDate, profileCccd, profileCode,
  profileGroup_NCC / _NCT / _TE / _NKT / _BTXH / _NCMT, profileDisabilityType,
  profileDisabilitySeverity, profileBhytNumber, profileBhytFrom, profileBhytTo,
  profileAdmissionDate, profileRoom, profileKinName, profileKinRelation, profileKinPhone,
  profileProvince, profileWard, profileAddressDetail, profileOldAddress, profileNotes,
  profileSave, profileCancel, profileBanner, profileError_<field>, profileDischarge
  (only for roles that may discharge), profileDischargeStatus.
  Discharge dialog: dischargeDialog, dischargeDate, dischargeReason, dischargeSave, dischargeCancel.
  Date inputs are QLineEdits named as above (their box is "<name>Box").

Checkups: checkupNew, checkupCorrect, checkupVoid, checkupVersions, checkupTable,
  checkupEmpty, checkupsBanner, checkupChart, chartBloodPressure, chartWeight, chartBmi,
  chartGlucose. Form: checkupForm, checkupHeading, checkupDate, checkupKind,
  checkupSystolic, checkupDiastolic, checkupPulse, checkupTemperature, checkupSpo2,
  checkupRespiratoryRate, checkupWeight, checkupHeight, checkupBmi, checkupGlucose,
  checkupClassification, checkupFindings, checkupNextDue, checkupExaminer,
  checkupScreening, checkupScreeningNote, checkupIsolation, checkupSave,
  checkupCancel, checkupBanner, checkupError_<field> (field names of
  domain.rules: checkup_date, systolic, diastolic, pulse, temperature, spo2,
  respiratory_rate, weight_kg, height_cm, glucose, next_due_date, ...).
  Versions dialog: checkupVersionsDialog, checkupVersionsTable.

Conditions: conditionNew, conditionEdit, conditionTable, conditionEmpty, tabConditionsBanner;
  form: conditionForm, conditionIcdSearch, conditionIcdResults, conditionIcdChosen,
  conditionOnset, conditionStatus, conditionFollowUp, conditionNote, conditionSave,
  conditionCancel, conditionBanner, conditionError_<field>.

Rehabilitation: rehabNew, rehabCorrect, rehabTable, rehabEmpty, rehabChart, tabRehabBanner;
  form: rehabForm, rehabDate, rehabType, rehabMinutes, rehabTherapist, rehabBarthel,
  rehabNote, rehabSave, rehabCancel, rehabBanner, rehabError_<field>.

Referrals: referralNew, referralClose, referralTable, referralEmpty, tabReferralsBanner;
  open form: referralForm, referralDate, referralHospital, referralReason,
  referralIcdSearch, referralIcdResults, referralIcdChosen, referralSave, referralCancel,
  referralError_<field>; close form: referralCloseForm, referralOutcome,
  referralReturnDate, referralOutcomeNote, referralCloseSave, referralCloseCancel,
  referralCloseError_<field>.

History: historyTable.

Modal questions go through ``record.feedback.confirm`` / ``ask_text`` (tests
monkeypatch them).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from ...domain.entities import Resident
from . import feedback, labels
from .checkups_tab import CheckupsTab
from .conditions_tab import ConditionsTab
from .history_tab import HistoryTab
from .profile_tab import ProfileTab
from .referrals_tab import ReferralsTab
from .rehab_tab import RehabTab

RECORD_TABLES = {"residents", "checkups", "conditions", "rehab_sessions", "referrals"}


class ResidentRecordWidget(QWidget):
    def __init__(self, session, resident_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.resident_id = resident_id
        self._resident: Resident | None = None
        self.setObjectName("residentRecord")

        self.name = QLabel(self)
        self.name.setObjectName("recordName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel(self)
        self.details.setObjectName("recordDetails")
        self.details.setWordWrap(True)
        self.alerts = QLabel(self)
        self.alerts.setObjectName("recordAlerts")
        self.alerts.setWordWrap(True)
        self.alerts.setStyleSheet("color: #8a0010; font-weight: bold;")

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("recordTabs")
        self.tabs.setDocumentMode(True)
        self._language_pending = False
        self._build_tabs()
        self.tabs.setCurrentWidget(self.checkups)

        header = QVBoxLayout()
        header.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addStretch(1)
        header.addLayout(top)
        header.addWidget(self.details)
        header.addWidget(self.alerts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        session.sig_data_changed.connect(self._data_changed)
        session.sig_language_changed.connect(self._language_changed)
        self.reload()

    def _build_tabs(self) -> None:
        session = self.session
        self.profile = ProfileTab(session, self)
        self.profile.setObjectName("tabProfile")
        self.checkups = CheckupsTab(session, self)
        self.checkups.setObjectName("tabCheckups")
        self.conditions = ConditionsTab(session, self)
        self.rehab = RehabTab(session, self)
        self.referrals = ReferralsTab(session, self)
        self.history = HistoryTab(session, self)
        self.tabs.addTab(self.profile, self.tr("Profile"))
        self.tabs.addTab(self.checkups, self.tr("Checkups"))
        self.tabs.addTab(self.conditions, self.tr("Chronic conditions"))
        self.tabs.addTab(self.rehab, self.tr("Rehabilitation"))
        self.tabs.addTab(self.referrals, self.tr("Referrals"))
        self.tabs.addTab(self.history, self.tr("Change history"))
        for tab in (self.profile, self.checkups, self.conditions, self.rehab, self.referrals):
            tab.sig_changed.connect(session.changed)
        for form in self._forms():
            form.sig_closed.connect(self._apply_pending_language)

    def _apply_pending_language(self) -> None:
        if self._language_pending and not any(form.is_dirty() for form in self._forms()):
            self._language_changed(self.session.lang)

    def _forms(self):
        return [self.profile.form, self.checkups.form, self.conditions.form, self.rehab.form,
                self.referrals.open_form_widget, self.referrals.close_form_widget]

    def _language_changed(self, _lang: str) -> None:
        """Rebuild the tabs in the new language, unless a form holds unsaved typing
        (then after that form is saved or closed: nothing typed is ever lost)."""
        if any(form.is_dirty() for form in self._forms()):
            self._language_pending = True
            return
        self._language_pending = False
        index = self.tabs.currentIndex()
        old = [self.tabs.widget(i) for i in range(self.tabs.count())]
        self.tabs.clear()
        for page in old:
            page.setParent(None)  # gone from findChild at once, freed by the event loop
            page.deleteLater()
        self._build_tabs()
        self.tabs.setCurrentIndex(index)
        self.reload()

    # --- loading ---------------------------------------------------------------

    def resident(self) -> Resident | None:
        return self._resident

    def reload(self) -> bool:
        """Read the record once and hand each tab its part. False if it could not be read."""
        timeline = feedback.load(lambda: self.session.services.clinical.timeline(self.session.actor, self.resident_id),
                                 self, self.session.lang)
        if timeline is None:
            self.name.setText(self.tr("This record cannot be shown."))
            self.tabs.setEnabled(False)
            return False
        self._resident = r = timeline.resident
        self._show_header(r, timeline)
        self.profile.set_data(r)
        self.checkups.set_data(r, timeline.checkups)
        self.conditions.set_data(r, timeline.conditions)
        self.rehab.set_data(r, timeline.rehab)
        self.referrals.set_data(r, timeline.referrals)
        self.history.set_resident(r.id)
        return True

    def _data_changed(self, table: str) -> None:
        if self._language_pending and not any(form.is_dirty() for form in self._forms()):
            self._language_changed(self.session.lang)  # rebuilds and reloads
        elif table in RECORD_TABLES:
            self.reload()

    def _show_header(self, r: Resident, timeline) -> None:
        today = self.session.services.clinical.today()
        self.name.setText(r.full_name)
        parts = [
            self.tr("Code %1").replace("%1", r.code),
            labels.sex(r.sex),
            self.tr("born %1 (%2 years)").replace("%1", labels.day(r.birth_date)).replace("%2", str(r.age_on(today))),
            ", ".join(g.value for g in r.groups),
        ]
        if r.room:
            parts.append(self.tr("room %1").replace("%1", r.room))
        parts.append(self.tr("admitted %1").replace("%1", labels.day(r.admission_date)))
        self.details.setText("  ·  ".join(p for p in parts if p))
        alerts = []
        if r.discharge_date is not None:
            alerts.append(self.tr("Discharged on %1 (%2)").replace("%1", labels.day(r.discharge_date))
                          .replace("%2", labels.discharge_reason(r.discharge_reason)))
        if r.bhyt_valid_to is not None and r.bhyt_valid_to < today:
            alerts.append(self.tr("Health-insurance card expired on %1").replace("%1", labels.day(r.bhyt_valid_to)))
        current = timeline.checkups
        due = max(current, key=lambda c: c.checkup_date).next_due_date if current else None
        if r.discharge_date is None and due is not None and due < today:
            alerts.append(self.tr("Checkup overdue since %1").replace("%1", labels.day(due)))
        if r.discharge_date is None and not current:
            alerts.append(self.tr("No checkup recorded yet"))
        open_referrals = [x for x in timeline.referrals if x.is_open]
        if open_referrals:
            alerts.append(self.tr("At the hospital: %1").replace("%1", open_referrals[-1].hospital))
        self.alerts.setText("  ·  ".join(alerts))
        self.alerts.setVisible(bool(alerts))
