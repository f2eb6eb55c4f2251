"""First run: the setup wizard (facility, report form, passphrase, first admin).

Mirrors ``facility-admin init`` through the same services and domain rules
(``services.startup``): each page checks its fields when the nurse presses
Next and shows the domain's sentence beside the field; the store is created
only at the end, off the GUI thread, and nothing is left behind on failure.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

import dataclasses

from care_core.domain import divisions, report_form, rules
from care_core.domain.entities import Facility
from care_core.domain.enums import FacilityType
from care_core.domain.text import fold
from ...services import startup
from .. import names
from ..dialogs import explain
from ..forms import ErrorLabel, FieldErrors, passphrase_strength
from ..language_box import LanguageBox
from ..style import fit_to_screen, mark
from ..workers import run_async
from ..admin.report_fields import ReportFormFields


_FORMER_ROLE = Qt.ItemDataRole.UserRole + 1  # on a former province's entry: its name


def _field(widget: QWidget, error: ErrorLabel) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(widget)
    lay.addWidget(error)
    return box


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class IntroPage(QWizardPage):
    def __init__(self, lang: str):
        super().__init__()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.language_label = QLabel()
        self.language = LanguageBox(lang)
        self.language_label.setBuddy(self.language)
        row = QHBoxLayout()
        row.addWidget(self.language_label)
        row.addWidget(self.language)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        lay.addStretch(1)
        lay.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome"))
        self.text.setText(self.tr(
            "This computer does not hold the facility's health records yet.\n\n"
            "In three short steps you will enter the facility's details, choose the passphrase "
            "that encrypts every record, and create the first administrator account.\n\n"
            "Have the facility code (given by the province) at hand."))
        self.language_label.setText(self.tr("&Language:"))


class FacilityPage(QWizardPage):
    def __init__(self, lang_of):
        super().__init__()
        self._lang = lang_of
        self.code = QLineEdit(objectName="facilityCode")
        self.code.setMaxLength(20)
        self.name = QLineEdit(objectName="facilityName")
        self.kind = QComboBox(objectName="facilityType")
        self.province = QComboBox(objectName="facilityProvince")
        self.errors = FieldErrors({f: ErrorLabel() for f in ("facility_code", "facility_name", "facility_type",
                                                              "province_code")}, ErrorLabel())
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = [QLabel() for _ in range(4)]
        for lab, widget, key in zip(self.labels, (self.code, self.name, self.kind, self.province),
                                    ("facility_code", "facility_name", "facility_type", "province_code")):
            lab.setBuddy(widget)
            self.form.addRow(lab, _field(widget, self.errors.labels[key]))
        self.province_note = mark(QLabel(objectName="facilityProvinceNote"), "hint")
        self.province_note.setWordWrap(True)
        self.province_note.hide()
        self.form.addRow("", self.province_note)
        self.province.currentIndexChanged.connect(self._show_province_note)
        self.form.addRow(self.errors.general)
        self.hint = mark(QLabel(), "hint")
        self.hint.setWordWrap(True)
        self.form.addRow(self.hint)
        self.checked = False  # Next was pressed once: messages are live from then on
        for edit in (self.code, self.name):
            edit.textChanged.connect(self._recheck)
        for combo in (self.kind, self.province):
            combo.currentIndexChanged.connect(self._recheck)
        self.retranslate()

    def _recheck(self, *_args) -> None:
        """Once Next has shown the messages, they follow the typing and go as soon as the field is right."""
        if not self.checked or self.kind.currentData() is None:  # None: the list is being refilled
            return
        self.errors.refresh(startup.facility_problems(self.facility()), self._lang())

    def retranslate(self) -> None:
        self.setTitle(self.tr("The facility"))
        self.setSubTitle(self.tr("As written on the facility's decision of establishment."))
        for lab, text in zip(self.labels, (self.tr("Facility &code"), self.tr("Facility &name"),
                                           self.tr("Facility &type"), self.tr("&Province"))):
            lab.setText(text)
        self.code.setPlaceholderText(self.tr("e.g. TTBTXH-LS"))
        self.name.setPlaceholderText(self.tr("e.g. Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn"))
        current_kind = self.kind.currentData()
        self.kind.clear()
        for t in FacilityType:
            self.kind.addItem(names.facility_type(t), t.value)
        if current_kind is not None:
            self.kind.setCurrentIndex(self.kind.findData(current_kind))
        current_province = self.province.currentIndex()
        self.province.blockSignals(True)
        self.province.clear()
        self.province.addItem(self.tr("(choose later)"), None)
        # current provinces and, among them, the former ones (before 1 July 2025) with where they went
        entries = [(divisions.short_province_name(code), code, None) for code, _full in divisions.provinces()]
        entries += [(self.tr("{former} (now {current})").format(
                        former=former, current=divisions.short_province_name(code)), code, former)
                    for former, code in divisions.former_provinces()]
        for text, code, former in sorted(entries, key=lambda e: fold(e[0])):
            self.province.addItem(text, code)
            self.province.setItemData(self.province.count() - 1, former, _FORMER_ROLE)
        self.province.setCurrentIndex(max(current_province, 0))
        self.province.blockSignals(False)
        self._show_province_note()
        self.hint.setText(self.tr("The code identifies the facility on the provincial server and cannot be "
                                  "changed later: capital letters, digits and hyphens."))

    def _show_province_note(self) -> None:
        """A former province chosen: say which current one it is now part of."""
        former = self.province.currentData(_FORMER_ROLE)
        if former:
            self.province_note.setText(divisions.former_note(former, self.province.currentData(), self._lang()))
        self.province_note.setVisible(bool(former))

    def facility(self) -> Facility:
        return Facility(self.code.text().strip().upper(), self.name.text().strip(),
                        FacilityType(self.kind.currentData()), province_code=self.province.currentData())

    def validatePage(self) -> bool:
        self.checked = True
        problems = startup.facility_problems(self.facility())
        self.errors.show(problems, self._lang())
        return not problems


class ReportPage(QWizardPage):
    """The report form's settings, filled with the defaults for the facility's
    type and province (the 2025 split); the director may change them now or
    later in the settings."""

    def __init__(self, lang_of, facility_of):
        super().__init__()
        self._lang = lang_of
        self._facility = facility_of
        self._defaults: dict[str, str] = {}
        self.fields = ReportFormFields()
        lay = QVBoxLayout(self)
        lay.addWidget(self.fields)
        lay.addWidget(self.fields.errors.general)
        lay.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The report form"))
        self.setSubTitle(self.tr("What the periodic reports print (Decree 30/2020/NĐ-CP). You can change it "
                                 "later in the settings."))

    def initializePage(self) -> None:
        """Fill each field the director has not typed in with its default."""
        f = self._facility()
        defaults = {
            "governing_body": report_form.default_heading(f.type, f.province_code),
            "report_recipient": report_form.governing_body(f.type, f.province_code),
            "report_place": divisions.short_province_name(f.province_code),
            "report_symbol": report_form.default_symbol(f.name),
        }
        for key, value in defaults.items():
            edit = self.fields.edits[key]
            if not edit.text().strip() or edit.text() == self._defaults.get(key):
                edit.setText(value)
        self._defaults = defaults

    def apply(self, facility: Facility) -> Facility:
        return dataclasses.replace(facility, **self.fields.values())

    def validatePage(self) -> bool:
        try:
            problems = rules.check_report_settings(self.apply(self._facility()))
        except Exception as exc:  # a date that is none
            problems = getattr(exc, "problems", [])
        self.fields.errors.show(problems, self._lang())
        return not problems


class PassphrasePage(QWizardPage):
    def __init__(self, lang_of):
        super().__init__()
        self._lang = lang_of
        self.first = _password_edit("passphrase")
        self.again = _password_edit("passphraseAgain")
        self.strength = mark(QLabel(objectName="passphraseStrength"), "hint")
        self.error_first, self.error_again = ErrorLabel(), ErrorLabel()
        self.warning = mark(QLabel(), "banner")
        self.warning.setWordWrap(True)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.label_first, self.label_again = QLabel(), QLabel()
        self.label_first.setBuddy(self.first)
        self.label_again.setBuddy(self.again)
        first_box = _field(self.first, self.error_first)
        first_box.layout().insertWidget(1, self.strength)
        self.form.addRow(self.label_first, first_box)
        self.form.addRow(self.label_again, _field(self.again, self.error_again))
        self.form.addRow(self.warning)
        self.first.textChanged.connect(self._update_strength)
        self.checked = False
        self.first.textChanged.connect(self._recheck)
        self.again.textChanged.connect(self._recheck)
        self.retranslate()

    def _recheck(self, *_args) -> None:
        """Once Next has shown the messages, they follow the typing and go once it is right."""
        if not self.checked:
            return
        problems = startup.passphrase_problems(self.first.text())
        self.error_first.show_text(" ".join(p.message(self._lang()) for p in problems))
        if not self.error_again.isHidden() and self.first.text() == self.again.text():
            self.error_again.show_text("")

    def _update_strength(self, text: str) -> None:
        score, words = passphrase_strength(text)
        self.strength.setText(words)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Passphrase of the records"))
        self.setSubTitle(self.tr("Every record on this computer is encrypted with it."))
        self.label_first.setText(self.tr("&Passphrase"))
        self.label_again.setText(self.tr("&Again"))
        self.first.setPlaceholderText(self.tr("at least 10 characters; a short sentence is easy to remember"))
        self.warning.setText(self.tr(
            "Write the passphrase down and keep it in a locked place. Without it nobody, "
            "not even the IT officer, can open the records or a backup."))
        self._update_strength(self.first.text())

    def validatePage(self) -> bool:
        self.checked = True
        problems = startup.passphrase_problems(self.first.text())
        self.error_first.show_text(" ".join(p.message(self._lang()) for p in problems))
        mismatch = not problems and self.first.text() != self.again.text()
        self.error_again.show_text(self.tr("The two entries differ; type the passphrase again.") if mismatch else "")
        return not problems and not mismatch


class AdminPage(QWizardPage):
    def __init__(self, lang_of):
        super().__init__()
        self._lang = lang_of
        self.username = QLineEdit(objectName="adminUsername")
        self.full_name = QLineEdit(objectName="adminFullName")
        self.password = _password_edit("adminPassword")
        self.password_again = _password_edit("adminPasswordAgain")
        self.errors = FieldErrors({f: ErrorLabel() for f in ("username", "full_name", "password")}, ErrorLabel())
        self.error_again = ErrorLabel()
        self.busy = QProgressBar(objectName="setupBusy")
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.busy_text = mark(QLabel(), "hint")
        self.busy_text.hide()
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels = [QLabel() for _ in range(4)]
        rows = ((self.username, self.errors.labels["username"]), (self.full_name, self.errors.labels["full_name"]),
                (self.password, self.errors.labels["password"]), (self.password_again, self.error_again))
        for lab, (widget, err) in zip(self.labels, rows):
            lab.setBuddy(widget)
            self.form.addRow(lab, _field(widget, err))
        self.form.addRow(self.errors.general)
        self.form.addRow(self.busy_text)
        self.form.addRow(self.busy)
        self.checked = False
        for edit in (self.username, self.full_name, self.password, self.password_again):
            edit.textChanged.connect(self._recheck)
        self.retranslate()

    def _recheck(self, *_args) -> None:
        """Once Create has shown the messages, they follow the typing and go once it is right."""
        if not self.checked:
            return
        self.errors.refresh(startup.admin_problems(self.username.text(), self.full_name.text(),
                                                   self.password.text()), self._lang())
        if not self.error_again.isHidden() and self.password.text() == self.password_again.text():
            self.error_again.show_text("")

    def retranslate(self) -> None:
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(self.tr("The administrator adds the nurses', doctors' and director's accounts later."))
        for lab, text in zip(self.labels, (self.tr("&Username"), self.tr("&Full name"), self.tr("Pass&word"),
                                           self.tr("Password a&gain"))):
            lab.setText(text)
        self.username.setPlaceholderText(self.tr("e.g. admin (lower-case letters, no accents)"))
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.busy_text.setText(self.tr("Creating the encrypted records store…"))

    def check(self) -> bool:
        self.checked = True
        problems = startup.admin_problems(self.username.text(), self.full_name.text(), self.password.text())
        self.errors.show(problems, self._lang())
        mismatch = not problems and self.password.text() != self.password_again.text()
        self.error_again.show_text(self.tr("The two entries differ; type the password again.") if mismatch else "")
        return not problems and not mismatch

    def set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_text.setVisible(busy)


class SetupWizard(QWizard):
    """Emits ``sig_created(services, key)`` once the store exists."""

    sig_created = Signal(object, object)

    def __init__(self, gate: startup.StoreGate, lang: str = "vi", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.gate = gate
        self.lang = lang
        self._creating = False
        self._done = False
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.intro = IntroPage(lang)
        self.facility_page = FacilityPage(lambda: self.lang)
        self.report_page = ReportPage(lambda: self.lang, self.facility_page.facility)
        self.passphrase_page = PassphrasePage(lambda: self.lang)
        self.admin_page = AdminPage(lambda: self.lang)
        for page in (self.intro, self.facility_page, self.report_page, self.passphrase_page, self.admin_page):
            self.addPage(page)
        fit_to_screen(self, 760, 560)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up the facility's health records"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Create"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        for page in (self.intro, self.facility_page, self.report_page, self.passphrase_page, self.admin_page):
            page.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def validateCurrentPage(self) -> bool:
        if self.currentPage() is not self.admin_page:
            return super().validateCurrentPage()
        if self._done:
            return True
        if self._creating or not self.admin_page.check():
            return False
        self._create()
        return False  # accept() follows when the store exists

    def _create(self) -> None:
        request = startup.SetupRequest(
            self.report_page.apply(self.facility_page.facility()), self.passphrase_page.first.text(),
            self.admin_page.username.text(), self.admin_page.full_name.text(), self.admin_page.password.text())
        self._creating = True
        self.admin_page.set_busy(True)
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(False)
        run_async(lambda: self.gate.create(request), self._created, self._failed)

    def _unbusy(self) -> None:
        self._creating = False
        self.admin_page.set_busy(False)
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(True)

    def _created(self, result) -> None:
        self._unbusy()
        self._done = True
        services, key = result
        self.passphrase_page.first.clear()
        self.passphrase_page.again.clear()
        self.admin_page.password.clear()
        self.admin_page.password_again.clear()
        self.sig_created.emit(services, key)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._unbusy()
        problems = getattr(exc, "problems", None)
        if problems:
            self.admin_page.errors.show(problems, self.lang)
        else:
            self.admin_page.errors.general.show_text(explain(exc, self.lang))
        self.admin_page.errors.general.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

