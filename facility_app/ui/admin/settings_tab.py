"""Facility settings (directors and admins): identity, who governs it and
receives its reports, report heading, provincial targets, auto-lock time.
Saved through ``services.facility.update``; a refused value shows the
domain's sentence beside its field and nothing changes."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from care_core.domain import divisions, rules
from care_core.domain.enums import FacilityType
from .. import names
from ..dialogs import explain
from ..forms import ErrorLabel, FieldErrors
from ..style import mark
from .report_fields import ReportFormFields

_TEXT_FIELDS = ("name", "address")


def _cell(widget: QWidget, error: ErrorLabel | None) -> QWidget:
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(widget)
    if error is not None:
        lay.addWidget(error)
    return box


class SettingsTab(QWidget):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsTab")
        self.session = session
        self.facility = None
        self.edits = {f: QLineEdit(objectName=f"setting_{f}") for f in _TEXT_FIELDS}
        self.report_fields = ReportFormFields()
        self.edits.update(self.report_fields.edits)  # one dict of the text settings, whichever widget shows them
        self.code = QLabel(objectName="setting_code")
        self.kind = QComboBox(objectName="setting_type")
        self.province = QComboBox(objectName="setting_province")
        self.ward = QComboBox(objectName="setting_ward")
        self.target_2025 = self._percent("setting_target_2025")
        self.target_2030 = self._percent("setting_target_2030")
        self.lock_minutes = QSpinBox(objectName="setting_auto_lock")
        self.lock_minutes.setRange(*rules.AUTO_LOCK_RANGE)
        self.errors = FieldErrors({f: ErrorLabel() for f in ("facility_name", "facility_type", "province_code",
                                                              "ward_code", "provincial_target", "auto_lock_minutes")},
                                  ErrorLabel())
        self.saved = mark(QLabel(objectName="settingsSaved"), "hint")
        self.save_button = mark(QPushButton(objectName="saveSettings"), "primary")
        self.save_button.clicked.connect(self.save)
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [
            ("code", self.code, None), ("name", self.edits["name"], "facility_name"),
            ("type", self.kind, "facility_type"), ("province", self.province, "province_code"),
            ("ward", self.ward, "ward_code"), ("address", self.edits["address"], None),
            ("target_2025", self.target_2025, None),
            ("target_2030", self.target_2030, "provincial_target"), ("auto_lock", self.lock_minutes, "auto_lock_minutes"),
        ]
        for key, widget, problem_field in rows:
            label = QLabel()
            label.setBuddy(widget)
            self.labels[key] = label
            form.addRow(label, _cell(widget, self.errors.labels.get(problem_field) if problem_field else None))
        inner = QWidget()
        inner_lay = QVBoxLayout(inner)
        inner_lay.addLayout(form)
        self.report_box = QGroupBox(objectName="reportFormBox")
        QVBoxLayout(self.report_box).addWidget(self.report_fields)
        inner_lay.addWidget(self.report_box)
        inner_lay.addWidget(self.errors.general)
        inner_lay.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved, 1)
        bottom.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addLayout(bottom)
        self.province.activated.connect(lambda _i: self._fill_wards(None))
        self.retranslate()
        self.load()

    @staticmethod
    def _percent(name: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox(objectName=name)
        box.setRange(0, 100)
        box.setDecimals(0)
        box.setSuffix(" %")
        return box

    def retranslate(self) -> None:
        texts = {
            "code": self.tr("Facility code"), "name": self.tr("Facility &name"), "type": self.tr("Facility &type"),
            "province": self.tr("&Province"), "ward": self.tr("Commune / &ward"), "address": self.tr("&Address"),
            "target_2025": self.tr("Provincial target 20&25"), "target_2030": self.tr("Provincial target 20&30"),
            "auto_lock": self.tr("&Lock the screen after (minutes without use)"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.report_box.setTitle(self.tr("Report form (Decree 30/2020/NĐ-CP)"))
        for box in (self.target_2025, self.target_2030):
            box.setSpecialValueText(self.tr("not set"))
            box.setToolTip(self.tr("Share of residents with an electronic health record that the province set as "
                             "its target; 0 means the province set none."))
        self.save_button.setText(self.tr("&Save settings"))
        if self.facility is not None:
            self._fill_choices()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self) -> None:
        self.facility = self.session.services.facility.get()
        f = self.facility
        if f is None:
            return
        self.code.setText(f.code)
        for name in _TEXT_FIELDS:
            self.edits[name].setText(getattr(f, name) or "")
        self.report_fields.load(f)
        self._fill_choices()
        self.target_2025.setValue(round((f.provincial_target_2025 or 0) * 100))
        self.target_2030.setValue(round((f.provincial_target_2030 or 0) * 100))
        self.lock_minutes.setValue(f.auto_lock_minutes or 10)

    def _fill_choices(self) -> None:
        f = self.facility
        kind = self.kind.currentData() or f.type
        self.kind.clear()
        for t in FacilityType:
            self.kind.addItem(names.facility_type(t), t.value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(FacilityType(kind).value)))
        province = self.province.currentData() if self.province.count() else f.province_code
        self.province.clear()
        self.province.addItem(self.tr("(not chosen)"), None)
        for code, _name in divisions.provinces():
            self.province.addItem(divisions.short_province_name(code), code)
        self.province.setCurrentIndex(max(0, self.province.findData(province)))
        self._fill_wards(self.ward.currentData() if self.ward.count() else f.ward_code)

    def _fill_wards(self, keep) -> None:
        self.ward.clear()
        self.ward.addItem(self.tr("(not chosen)"), None)
        code = self.province.currentData()
        if code is not None:
            for ward_code, name in divisions.wards(code):
                self.ward.addItem(name, ward_code)
        self.ward.setCurrentIndex(max(0, self.ward.findData(keep)))

    def changes(self) -> dict:
        out = {name: self.edits[name].text().strip() for name in _TEXT_FIELDS}
        out.update(self.report_fields.values())
        out["type"] = FacilityType(self.kind.currentData())
        out["province_code"] = self.province.currentData()
        out["ward_code"] = self.ward.currentData()
        out["provincial_target_2025"] = self.target_2025.value() / 100 or None
        out["provincial_target_2030"] = self.target_2030.value() / 100 or None
        out["auto_lock_minutes"] = self.lock_minutes.value()
        return out

    def save(self) -> None:
        s = self.session
        self.saved.setText("")
        try:
            changes, version = self.changes(), self.facility.version
            self.facility = s.perform(lambda: s.services.facility.update(s.actor, changes, version))
        except Exception as exc:
            problems = getattr(exc, "problems", None)
            if problems:
                self.errors.show([p for p in problems if p.field not in self.report_fields.errors.labels], s.lang)
                self.report_fields.errors.show([p for p in problems if p.field in self.report_fields.errors.labels],
                                               s.lang)
            else:
                self.errors.clear()
                self.errors.general.show_text(explain(exc, s.lang))
            return
        self.errors.clear()
        self.report_fields.errors.clear()
        self.saved.setText(self.tr("Settings saved."))
