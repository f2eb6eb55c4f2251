"""The resident's profile as a form: used to admit a resident and to edit
the profile. Three columns of short groups fit a 1366x768 screen without
scrolling; messages appear under their field.

Discharge is not edited here (only roles allowed to discharge see the
discharge dialog of the profile tab).
"""
from __future__ import annotations

import dataclasses
from typing import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from care_core.domain import divisions, rules
from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, DisabilitySeverity, DisabilityType, Sex
from . import labels
from .fields import DateField, EnumCombo, SearchCombo, field_error
from .form_base import EditForm, not_a_date
from .list_tab import scrolled

TEXT_FIELDS = {  # field: (objectName, max length)
    "code": ("profileCode", 20),
    "full_name": ("profileFullName", 100),
    "cccd": ("profileCccd", 12),
    "bhyt_number": ("profileBhytNumber", 15),
    "bhyt_place": ("profileBhytPlace", rules.MAX_SHORT_TEXT),
    "room": ("profileRoom", rules.MAX_SHORT_TEXT),
    "next_of_kin_name": ("profileKinName", rules.MAX_SHORT_TEXT),
    "next_of_kin_relation": ("profileKinRelation", rules.MAX_SHORT_TEXT),
    "next_of_kin_phone": ("profileKinPhone", 10),
    "address_detail": ("profileAddressDetail", rules.MAX_SHORT_TEXT),
    "old_address": ("profileOldAddress", 500),
}
DATE_FIELDS = {
    "birth_date": "profileBirthDate",
    "bhyt_valid_from": "profileBhytFrom",
    "bhyt_valid_to": "profileBhytTo",
    "admission_date": "profileAdmissionDate",
}
OPTIONAL_TEXT = {"cccd", "bhyt_number"}  # blank is stored as "not known" (None)


class ProfileForm(EditForm):
    """``admitting=True``: a new resident (``submit`` admits); else edits ``resident``."""

    def __init__(self, session, admitting: bool, parent: QWidget | None = None):
        super().__init__(session, "profile", parent)
        self.setObjectName("profileForm")
        self.admitting = admitting
        self._base: Resident | None = None
        today = session.services.residents.today()

        self.texts: dict[str, QLineEdit] = {}
        for field, (name, length) in TEXT_FIELDS.items():
            box = QLineEdit(self)
            box.setObjectName(name)
            box.setMaxLength(length)
            self.texts[field] = box
        self.texts["code"].setPlaceholderText(self.tr("given automatically"))
        self.texts["cccd"].setPlaceholderText(self.tr("12 digits, if known"))
        self.texts["bhyt_number"].setPlaceholderText(self.tr("e.g. BT2201234567890"))
        self.texts["next_of_kin_phone"].setPlaceholderText("09xxxxxxxx")
        self.texts["old_address"].setPlaceholderText(self.tr("as written on the old papers"))
        self.dates: dict[str, DateField] = {}
        for field, name in DATE_FIELDS.items():
            box = DateField(today)
            box.setObjectName(name)
            self.dates[field] = box
        self.sex = EnumCombo([(s, labels.sex(s)) for s in Sex], blank=self.tr("— choose —"))
        self.sex.setObjectName("profileSex")
        self.groups: dict[BeneficiaryGroup, QCheckBox] = {}
        for group in BeneficiaryGroup:
            box = QCheckBox(labels.group(group), self)
            box.setObjectName(f"profileGroup_{group.value}")
            box.toggled.connect(self._groups_changed)
            self.groups[group] = box
        self.disability_type = EnumCombo([(d, labels.disability_type(d)) for d in DisabilityType], blank=self.tr("—"))
        self.disability_type.setObjectName("profileDisabilityType")
        self.disability_severity = EnumCombo([(d, labels.disability_severity(d)) for d in DisabilitySeverity], blank=self.tr("—"))
        self.disability_severity.setObjectName("profileDisabilitySeverity")
        self.province = SearchCombo(self)
        self.province.setObjectName("profileProvince")
        self.province.set_items(divisions.provinces(), self.tr("— type or choose —"))
        self.province.sig_edited.connect(self._province_changed)
        self.ward = SearchCombo(self)
        self.ward.setObjectName("profileWard")
        self.ward.set_items([], self.tr("— choose the province first —"))
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("profileNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.notes.textChanged.connect(lambda: self.edited("notes"))

        self.save_button = QPushButton(self.tr("Admit (Ctrl+S)") if admitting else self.tr("Save changes (Ctrl+S)"), self)
        self.save_button.setObjectName("profileSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)") if admitting else self.tr("Undo changes (Esc)"), self)
        self.cancel_button.setObjectName("profileCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self._layout()
        self.load(None)

    # --- layout ------------------------------------------------------------------

    def _group_box(self, title: str) -> tuple[QGroupBox, QGridLayout]:
        box = QGroupBox(title, self)
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(3)
        return box, grid

    def _layout(self) -> None:
        t = self.texts
        identity, g = self._group_box(self.tr("Identity"))
        self.add_field(g, 0, "full_name", self.tr("Full name"), t["full_name"], error_below=True)
        self.add_field(g, 2, "sex", self.tr("Sex"), self.sex, error_below=True)
        self.add_field(g, 4, "birth_date", self.tr("Date of birth"), self.dates["birth_date"], error_below=True)
        self.add_field(g, 6, "cccd", self.tr("Citizen ID (CCCD)"), t["cccd"], error_below=True)
        self.add_field(g, 8, "code", self.tr("Resident code"), t["code"], error_below=True)

        groups, g = self._group_box(self.tr("Beneficiary groups (tick every one that applies)"))
        for i, box in enumerate(self.groups.values()):
            g.addWidget(box, i, 0, 1, 2)
        groups_error = field_error(self)
        groups_error.setObjectName("profileError_groups")
        g.addWidget(groups_error, 6, 0, 1, 2)
        self._fields["groups"] = (self.groups[BeneficiaryGroup.MERIT], groups_error)
        self.add_field(g, 7, "disability_type", self.tr("Disability type"), self.disability_type, error_below=True)
        self.add_field(g, 9, "disability_severity", self.tr("Severity"), self.disability_severity, error_below=True)

        insurance, g = self._group_box(self.tr("Health insurance (BHYT)"))
        self.add_field(g, 0, "bhyt_number", self.tr("Card number"), t["bhyt_number"], error_below=True)
        self.add_field(g, 2, "bhyt_valid_from", self.tr("Valid from"), self.dates["bhyt_valid_from"], error_below=True)
        self.add_field(g, 4, "bhyt_valid_to", self.tr("Valid to"), self.dates["bhyt_valid_to"], error_below=True)
        self.add_field(g, 6, "bhyt_place", self.tr("First registered at"), t["bhyt_place"], error_below=True)

        stay, g = self._group_box(self.tr("Stay at the facility"))
        self.add_field(g, 0, "admission_date", self.tr("Admission date"), self.dates["admission_date"], error_below=True)
        self.add_field(g, 2, "room", self.tr("Room"), t["room"], error_below=True)

        kin, g = self._group_box(self.tr("Next of kin"))
        self.add_field(g, 0, "next_of_kin_name", self.tr("Name"), t["next_of_kin_name"], error_below=True)
        self.add_field(g, 2, "next_of_kin_relation", self.tr("Relationship"), t["next_of_kin_relation"], error_below=True)
        self.add_field(g, 4, "next_of_kin_phone", self.tr("Phone"), t["next_of_kin_phone"], error_below=True)

        address, g = self._group_box(self.tr("Address (current provinces and communes)"))
        self.add_field(g, 0, "province_code", self.tr("Province"), self.province, error_below=True)
        self.add_field(g, 2, "ward_code", self.tr("Commune/ward"), self.ward, error_below=True)
        self.add_field(g, 4, "address_detail", self.tr("Village, street"), t["address_detail"], error_below=True)
        self.add_field(g, 6, "old_address", self.tr("Old address"), t["old_address"], error_below=True)

        notes, g = self._group_box(self.tr("Notes"))
        notes_error = field_error(self)
        notes_error.setObjectName("profileError_notes")
        self.watch("notes", self.notes, notes_error)
        g.addWidget(self.notes, 0, 0, 1, 2)
        g.addWidget(notes_error, 1, 0, 1, 2)

        self._boxes = (identity, groups, insurance, stay, kin, address, notes)
        self._columns = QHBoxLayout()
        self._column_count = 0
        self._arrange(3)

        buttons = QHBoxLayout()
        self.extra_buttons = QHBoxLayout()  # the profile tab puts "Discharge..." here
        buttons.addLayout(self.extra_buttons)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        fields = QWidget(self)
        fields.setLayout(self._columns)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.banner)
        outer.addWidget(scrolled(fields), 1)  # the fields scroll; the buttons stay in sight
        outer.addLayout(buttons)

        chain = [t["full_name"], self.sex, self.dates["birth_date"].edit, t["cccd"], t["code"],
                 *self.groups.values(), self.disability_type, self.disability_severity,
                 t["bhyt_number"], self.dates["bhyt_valid_from"].edit, self.dates["bhyt_valid_to"].edit,
                 t["bhyt_place"], self.dates["admission_date"].edit, t["room"], t["next_of_kin_name"], t["next_of_kin_relation"],
                 t["next_of_kin_phone"], self.province, self.ward, t["address_detail"], t["old_address"],
                 self.notes, self.cancel_button, self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _arrange(self, count: int) -> None:
        """Three columns on a 1366-pixel screen, two when narrower (150 % scaling)."""
        if count == self._column_count:
            return
        self._column_count = count
        while self._columns.count():
            item = self._columns.takeAt(0)
            if item.layout() is not None:
                while item.layout().count():
                    item.layout().takeAt(0)
                item.layout().deleteLater()
        identity, groups, insurance, stay, kin, address, notes = self._boxes
        stacks = (((identity, groups), (insurance, stay, kin), (address, notes)) if count == 3 else
                  ((identity, groups, notes), (insurance, stay, kin, address)))
        for stack in stacks:
            column = QVBoxLayout()
            for box in stack:
                column.addWidget(box)
            column.addStretch(1)
            self._columns.addLayout(column, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self._arrange(3 if event.size().width() >= 1150 else 2)
        super().resizeEvent(event)

    # --- behaviour --------------------------------------------------------------------

    def _groups_changed(self, *_args) -> None:
        nkt = self.groups[BeneficiaryGroup.DISABILITY].isChecked()
        self.disability_type.setEnabled(nkt)
        self.disability_severity.setEnabled(nkt)
        if not nkt and not self._loading:
            self.disability_type.set_current(None)
            self.disability_severity.set_current(None)
        self.edited("groups")

    def _province_changed(self) -> None:
        code = self.province.current()
        keep = self.ward.current()
        self.ward.set_items(divisions.wards(code) if code else [],
                            self.tr("— type or choose —") if code else self.tr("— choose the province first —"))
        if keep is not None:
            self.ward.set_current(keep)
        self.edited("province_code")

    # --- filling -------------------------------------------------------------------------

    def load(self, resident: Resident | None) -> None:
        """Show ``resident`` (or a blank admission form with today's date)."""
        self._loading = True
        self._base = resident
        r = resident
        for field, box in self.texts.items():
            box.setText((getattr(r, field) or "") if r else "")
            box.setCursorPosition(0)  # show the start of a long address
        for field, box in self.dates.items():
            box.set_value(getattr(r, field) if r else None)
        if r is None:
            self.dates["admission_date"].set_value(self.session.services.residents.today())
        self.sex.set_current(r.sex if r else None)
        for group, box in self.groups.items():
            box.setChecked(bool(r and group in r.groups))
        self.disability_type.set_current(r.disability_type if r else None)
        self.disability_severity.set_current(r.disability_severity if r else None)
        self.province.set_current(r.province_code if r else None)
        self.ward.set_items(divisions.wards(r.province_code) if r and r.province_code else [],
                            self.tr("— type or choose —") if r and r.province_code else self.tr("— choose the province first —"))
        self.ward.set_current(r.ward_code if r else None)
        self.notes.setPlainText(r.notes if r else "")
        self.texts["code"].setReadOnly(not self.admitting)
        self._loading = False
        self._groups_changed()
        self.reset_state()

    def base(self) -> Resident | None:
        return self._base

    def collect(self) -> tuple[Resident, list]:
        lang = self.session.lang
        slips = []
        values: dict = {}
        for field, box in self.texts.items():
            text = box.text().strip()
            values[field] = (text or None) if field in OPTIONAL_TEXT else text
        values["code"] = values["code"].upper()
        if values["bhyt_number"]:
            values["bhyt_number"] = values["bhyt_number"].upper()
        for field, box in self.dates.items():
            try:
                values[field] = box.value()
            except ValueError:
                slips.append(not_a_date(field, box.text(), lang))
                values[field] = None
        values["sex"] = self.sex.current()
        values["groups"] = [g for g, box in self.groups.items() if box.isChecked()]
        values["disability_type"] = self.disability_type.current() if self.disability_type.isEnabled() else None
        values["disability_severity"] = self.disability_severity.current() if self.disability_severity.isEnabled() else None
        values["province_code"] = self.province.current()
        values["ward_code"] = self.ward.current()
        values["notes"] = self.notes.toPlainText().strip()
        if self._base is None:
            resident = Resident(**values)
        else:
            resident = dataclasses.replace(self._base, **values)
        return resident, slips

    def changes(self) -> dict:
        """The fields that differ from the stored profile."""
        resident, _slips = self.collect()
        if self._base is None:
            return {}
        return {f.name: getattr(resident, f.name) for f in dataclasses.fields(Resident)
                if f.name not in ("id", "version") and getattr(resident, f.name) != getattr(self._base, f.name)}

    def problems(self) -> list:
        resident, slips = self.collect()
        slipped = {s.field for s in slips}
        today = self.session.services.residents.today()
        found = rules.check_resident(resident, today)
        return slips + [p for p in found if p.field not in slipped]

    def submit(self) -> Callable[[], Resident]:
        residents, actor = self.session.services.residents, self.session.actor
        if self.admitting:
            resident, _slips = self.collect()
            return lambda: residents.admit(actor, resident)
        base, changes = self._base, self.changes()
        return lambda: residents.update(actor, base.id, changes, base.version)
