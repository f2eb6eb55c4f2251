"""The report form's settings (Decree 30): governing body, recipients, place,
symbol, who signs, the director's and deputy's names, the province's plan.
One widget, shown by the setup wizard and by the settings tab alike; the
keys are ``report_form.SETTINGS`` (what ``facility-admin settings`` sets)."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from care_core.domain import report_form
from care_core.domain.entities import Facility
from care_core.domain.messages import ValidationError
from ..forms import ErrorLabel, FieldErrors

TEXT_KEYS = tuple(k for k in report_form.SETTINGS if k != "signature")


class ReportFormFields(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportFormFields")
        self.edits = {k: QLineEdit(objectName=f"setting_{k}") for k in TEXT_KEYS}
        self.signature = QComboBox(objectName="setting_signature")
        # the long choice must not widen the settings page past the dialog
        self.signature.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.signature.setMinimumContentsLength(18)
        self.widgets: dict[str, QWidget] = {**self.edits, "signature": self.signature}
        self.errors = FieldErrors({k: ErrorLabel() for k in report_form.SETTINGS}, ErrorLabel())
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key in report_form.SETTINGS:
            label = QLabel()
            label.setBuddy(self.widgets[key])
            self.labels[key] = label
            cell = QWidget()
            lay = QVBoxLayout(cell)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(self.widgets[key])
            lay.addWidget(self.errors.labels[key])
            form.addRow(label, cell)
        self.retranslate()

    def retranslate(self) -> None:
        texts = {
            "governing_body": self.tr("&Governing body (printed above the name)"),
            "report_recipient": self.tr("Reports are &sent to (separate with ;)"),
            "report_place": self.tr("Place in the report &date"),
            "report_symbol": self.tr("Report &symbol"),
            "signature": self.tr("Signed &by"),
            "director_name": self.tr("&Director's name"),
            "deputy_name": self.tr("D&eputy director's name"),
            "plan_number": self.tr("Province's &plan: number"),
            "plan_date": self.tr("Province's plan: da&te"),
            "plan_issuer": self.tr("Province's plan: &issued by"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        holders = {
            "governing_body": self.tr("e.g. SỞ Y TẾ TỈNH LẠNG SƠN"),
            "report_recipient": self.tr("e.g. Sở Y tế tỉnh Lạng Sơn"),
            "report_place": self.tr("e.g. Lạng Sơn"),
            "report_symbol": self.tr("e.g. BC-TTBTXH"),
            "plan_number": self.tr("e.g. 125/KH-UBND"),
            "plan_date": self.tr("e.g. 20/05/2022"),
            "plan_issuer": self.tr("e.g. Ủy ban nhân dân tỉnh Lạng Sơn"),
        }
        for key, text in holders.items():
            self.edits[key].setPlaceholderText(text)
        current = self.signature.currentData()
        self.signature.clear()
        self.signature.addItem(self.tr("The director (GIÁM ĐỐC)"), report_form.Signature.DIRECTOR.value)
        self.signature.addItem(self.tr("A deputy for the director (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)"),
                               report_form.Signature.DEPUTY.value)
        self.signature.setCurrentIndex(max(0, self.signature.findData(current)))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self, f: Facility) -> None:
        for key, edit in self.edits.items():
            edit.setText(report_form.show_setting(getattr(f, key)))
        self.signature.setCurrentIndex(max(0, self.signature.findData(f.signature or "director")))

    def values(self) -> dict:
        """The settings as Facility fields; a date that is none raises the
        domain's ValidationError (shown beside its field)."""
        out, problems = {}, []
        for key in report_form.SETTINGS:
            text = self.signature.currentData() if key == "signature" else self.edits[key].text()
            try:
                out[key] = report_form.parse_setting(key, text)
            except ValidationError as exc:
                problems += exc.problems
        if problems:
            raise ValidationError(problems)
        return out
