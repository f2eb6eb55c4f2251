"""The whole record of one resident: a header and six tabs.

``ResidentRecordWidget(session, resident_id, parent=None)`` loads everything
with one ``services.clinical.timeline`` call (the history tab loads its own
audit entries the first time it is shown), and reloads when
``session.sig_changes`` touches this resident's record (a save here or in
another window, or rows pulled from the server).

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
  Stays: profileStaysBox, profileStays (kind, admitted, discharged, reason, days; latest first),
  profileReadmit (enabled for a discharged person). Re-admit dialog: readmitDialog, readmitDate,
  readmitKind, readmitRoom, readmitDecision, readmitTerm (the last two for a compulsory stay),
  readmitSave, readmitCancel, readmitError_<field>.
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

Built when first needed, so a record opens fast: a tab's widgets exist once
the tab has been shown (or its attribute read: ``record.profile``...), a
form's once its button was pressed (``checkupNew``...) or ``tab.form`` read.
The Checkups tab is shown on opening.

Questions go through ``dialogs.confirm`` / ``record.feedback.ask_text`` (tests
monkeypatch them).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from care_core.domain.entities import Resident
from .. import style
from ..reports.health_book import health_book_button
from ..sync.record_state import RecordSyncLabel
from . import feedback, labels
from .checkups_tab import CheckupsTab
from .conditions_tab import ConditionsTab
from .history_tab import HistoryTab
from .models import icd_name
from .profile_tab import ProfileTab
from .referrals_tab import ReferralsTab
from .rehab_tab import RehabTab


class ResidentRecordWidget(QWidget):
    # (key, objectName) in tab order; the pages are built the first time they are shown
    TABS = (("profile", "tabProfile"), ("checkups", "tabCheckups"), ("conditions", "tabConditions"),
            ("rehab", "tabRehab"), ("referrals", "tabReferrals"), ("history", "tabHistory"))
    # the record's main actions from the keyboard (Vietnamese mnemonics: Khám, Bệnh, pHục hồi, chuyển Tuyến);
    # the main window has Ctrl+N (admit), F (find), W (close the record), L, Q, R, 1 and F5
    NEW_KEYS = {"checkups": "Ctrl+K", "conditions": "Ctrl+B", "rehab": "Ctrl+H", "referrals": "Ctrl+T"}
    PRINT_KEY = "Ctrl+P"

    def __init__(self, session, resident_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.resident_id = resident_id
        self._resident: Resident | None = None
        self._timeline = None
        self._pages: dict[str, QWidget] = {}
        self._language_pending = False
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
        self.alerts.setStyleSheet(f"color: {style.ALERT_COLOUR}; font-weight: bold;")

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("recordTabs")
        self.tabs.setDocumentMode(True)
        self._add_placeholders()
        self.tabs.currentChanged.connect(self._tab_shown)

        header = QVBoxLayout()
        header.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addStretch(1)
        self.sync_state = RecordSyncLabel(session, self)  # saved here / on the server (ui/sync)
        top.addWidget(self.sync_state)
        self.print_book = health_book_button(self)  # doctors, directors, admins only (ui/reports)
        if self.print_book is not None:
            top.addWidget(self.print_book)
        header.addLayout(top)
        header.addWidget(self.details)
        header.addWidget(self.alerts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        # shortcuts of the window the record is in; a hidden record (another tab) does not answer them
        self.shortcuts: dict[str, QShortcut] = {}
        for key, keys in self.NEW_KEYS.items():
            self.shortcuts[key] = QShortcut(QKeySequence(keys), self, activated=lambda k=key: self.start_new(k))
        if self.print_book is not None:
            self.shortcuts["print"] = QShortcut(QKeySequence(self.PRINT_KEY), self, activated=self._print_shortcut)

        session.sig_changes.connect(self._changed)
        session.sig_language_changed.connect(self._language_changed)
        if self.reload():
            self.tabs.setCurrentWidget(self.checkups)  # what a nurse opens a record for

    # --- tabs, built when first shown ---------------------------------------------

    def _titles(self) -> dict[str, str]:
        return {"profile": self.tr("Profile"), "checkups": self.tr("Checkups"),
                "conditions": self.tr("Chronic conditions"), "rehab": self.tr("Rehabilitation"),
                "referrals": self.tr("Referrals"), "history": self.tr("Change history")}

    def _add_placeholders(self) -> None:
        titles = self._titles()
        for key, _name in self.TABS:
            self.tabs.addTab(QWidget(), titles[key])

    def _page(self, key: str) -> QWidget:
        page = self._pages.get(key)
        if page is not None:
            return page
        makers = {"profile": ProfileTab, "checkups": CheckupsTab, "conditions": ConditionsTab,
                  "rehab": RehabTab, "referrals": ReferralsTab, "history": HistoryTab}
        page = makers[key](self.session, self)
        index = [k for k, _n in self.TABS].index(key)
        page.setObjectName(self.TABS[index][1])
        self._pages[key] = page
        if key in self.NEW_KEYS:
            page.new_button.setToolTip(self._new_tooltips()[key])
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        placeholder = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, self._titles()[key])
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        self._feed(key)
        if hasattr(page, "pages"):  # a form page closed: a language switch may be waiting
            page.pages.currentChanged.connect(lambda _i: self._apply_pending_language())
        elif hasattr(page, "form"):
            page.form.sig_closed.connect(self._apply_pending_language)
        return page

    def _new_tooltips(self) -> dict[str, str]:
        return {"checkups": self.tr("Record a new checkup (Ctrl+K)"),
                "conditions": self.tr("Add a chronic condition (Ctrl+B)"),
                "rehab": self.tr("Record a rehabilitation session (Ctrl+H)"),
                "referrals": self.tr("Refer the resident to a hospital (Ctrl+T)")}

    def start_new(self, key: str) -> bool:
        """A "new ..." shortcut: its tab, and its form, unless a form is already
        open there (then that form, with whatever was typed in it)."""
        page = self._page(key)
        self.tabs.setCurrentWidget(page)
        if page.form_open():
            return False
        button = page.new_button
        if not (button.isVisibleTo(page) and button.isEnabled()):
            return False  # this role may not, or the record is not loaded
        button.click()
        return True

    def _print_shortcut(self) -> None:
        if self.print_book.isVisible() and self.print_book.isEnabled():
            self.print_book.click()

    def _tab_shown(self, index: int) -> None:
        if 0 <= index < len(self.TABS):
            self._page(self.TABS[index][0])

    @property
    def profile(self) -> ProfileTab:
        return self._page("profile")

    @property
    def checkups(self) -> CheckupsTab:
        return self._page("checkups")

    @property
    def conditions(self) -> ConditionsTab:
        return self._page("conditions")

    @property
    def rehab(self) -> RehabTab:
        return self._page("rehab")

    @property
    def referrals(self) -> ReferralsTab:
        return self._page("referrals")

    @property
    def history(self) -> HistoryTab:
        return self._page("history")

    def _built_forms(self, key: str | None = None) -> list:
        pages = [self._pages[key]] if key else list(self._pages.values())
        return [form for page in pages if hasattr(page, "built_forms") for form in page.built_forms()]

    def _any_dirty(self) -> bool:
        return any(form.is_dirty() for form in self._built_forms())

    # --- language -------------------------------------------------------------------

    def _apply_pending_language(self) -> None:
        if self._language_pending and not self._any_dirty():
            self._language_changed(self.session.lang)

    def _language_changed(self, _lang: str) -> None:
        """Rebuild the tabs in the new language, unless a form holds unsaved typing
        (then after that form is saved or closed: nothing typed is ever lost)."""
        if self._any_dirty():
            self._language_pending = True
            return
        self._language_pending = False
        index = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        old = [self.tabs.widget(i) for i in range(self.tabs.count())]
        self.tabs.clear()
        for page in old:
            page.setParent(None)  # gone from findChild at once, freed by the event loop
            page.deleteLater()
        self._pages.clear()
        self._add_placeholders()
        self.tabs.blockSignals(False)
        self.tabs.setCurrentIndex(index)
        self._tab_shown(index)
        self.reload()

    # --- loading ---------------------------------------------------------------

    def resident(self) -> Resident | None:
        return self._resident

    def start_readmission(self) -> None:
        """The person comes back (found by the admission's duplicate check):
        the Profile tab, on its Re-admit dialog."""
        self.tabs.setCurrentWidget(self.profile)
        self.profile.readmit_when_ready()

    def reload(self) -> bool:
        """Read the record once and hand each built tab its part. False if it could not be read.
        A record merged into another (here or on another PC) shows the one it lives in now."""
        moved = feedback.load(lambda: self.session.services.residents.where_now(self.session.actor, self.resident_id),
                              self, self.session.lang)
        if moved is not None:
            self.resident_id = moved
        timeline = feedback.load(lambda: self.session.services.clinical.timeline(self.session.actor, self.resident_id),
                                 self, self.session.lang)
        if timeline is None:
            self.name.setText(self.tr("This record cannot be shown."))
            self.tabs.setEnabled(False)
            return False
        self._timeline = timeline
        self._resident = timeline.resident
        self.sync_state.track(timeline)
        self._show_header(timeline.resident, timeline)
        for key in list(self._pages):
            self._feed(key)
        return True

    def _feed(self, key: str) -> None:
        timeline = self._timeline
        if timeline is None:
            return
        r, page = timeline.resident, self._pages[key]
        if key == "profile":
            page.set_data(r, timeline.cards, timeline.rooms, timeline.stays)
        elif key == "checkups":
            page.set_data(r, timeline.checkups)
        elif key == "conditions":
            page.set_data(r, timeline.conditions, timeline.status_changes)
        elif key == "rehab":
            page.set_data(r, timeline.rehab)
        elif key == "referrals":
            page.set_data(r, timeline.referrals)
        elif key == "history":
            lang = self.session.lang
            subjects = {c.id: f"{c.icd10} {icd_name(c.icd10, lang)}" for c in timeline.conditions}
            subjects.update({x.id: f"{x.hospital} ({labels.day(x.referral_date)})" for x in timeline.referrals})
            page.set_resident(r.id, subjects)

    def _changed(self, changes) -> None:
        if self._language_pending and not self._any_dirty():
            self._language_changed(self.session.lang)  # rebuilds and reloads
        elif changes.touches_record(self.resident_id):
            self.reload()

    def _show_header(self, r: Resident, timeline) -> None:
        today = self.session.services.clinical.today()
        self.name.setText(r.full_name)
        parts = [
            self.tr("Code %1").replace("%1", r.code),
            labels.sex(r.sex),
            self.tr("born %1 (%n year(s))", "", r.age_on(today)).replace("%1", labels.day(r.birth_date)),
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
