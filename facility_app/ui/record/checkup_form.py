"""Record or correct one checkup, in the order of the paper form.

Tab order: date, kind, blood pressure (systolic, diastolic), pulse,
temperature, SpO2, respiratory rate, weight, height, glucose, health
classification, findings, next due date, examiner; then the admission
screening (shown only for an admission checkup).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from care_core import fields
from care_core.domain import rules
from care_core.domain.entities import Checkup, Resident, VitalSigns
from care_core.domain.enums import CheckupKind, HealthClass, ScreeningResult
from .. import style
from . import labels, norms
from .fields import DateField, EnumCombo, NumberField, field_error
from .form_base import EditForm, not_a_date, not_a_number, not_a_whole_number



def _object_name(f) -> str:
    """checkupSystolic, checkupWeight (weight_kg): the field's name in camel
    case, without its unit."""
    words = f.name.removesuffix("_" + f.unit.ucum if f.unit else "").split("_")
    return "checkup" + "".join(w[:1].upper() + w[1:] for w in words)


# (field, whole number?, objectName) in paper order: the field table's vital signs
VITALS = [(f.name, f.whole, _object_name(f)) for f in fields.VITALS]
BLOOD_PRESSURE = ("systolic", "diastolic")  # two boxes on one line

FLAGGED = f"color: {style.ERROR_COLOUR}; font-weight: bold;"  # a value outside its normal band


class CheckupForm(EditForm):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, "checkup", parent)
        self.setObjectName("checkupForm")
        self._resident: Resident | None = None
        self._correcting: Checkup | None = None
        today = session.services.clinical.today()

        self.heading = QLabel(self)
        self.heading.setObjectName("checkupHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.previous = QLabel(self)
        self.previous.setObjectName("checkupPrevious")
        self.previous.setWordWrap(True)
        self.previous.setStyleSheet(f"color: {style.HINT_COLOUR};")

        self.date = DateField(today)
        self.date.setObjectName("checkupDate")
        self.kind = EnumCombo([(k, labels.checkup_kind(k)) for k in CheckupKind])
        self.kind.setObjectName("checkupKind")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.inputs: dict[str, NumberField] = {}
        for field, whole, name in VITALS:
            box = NumberField(5, lang=lambda: self.session.lang)
            box.setObjectName(name)
            self.inputs[field] = box
        self.bmi = QLabel(self)
        self.bmi.setObjectName("checkupBmi")
        self.classification = EnumCombo([(c, labels.health_class(c)) for c in HealthClass], blank=self.tr("Not classified"))
        self.classification.setObjectName("checkupClassification")
        self.findings = QPlainTextEdit(self)
        self.findings.setObjectName("checkupFindings")
        self.findings.setTabChangesFocus(True)
        self.findings.setPlaceholderText(self.tr("What the examiner found and advised"))
        self.findings.setMinimumHeight(90)
        self.findings.setMaximumHeight(180)
        self.next_due = DateField(today)
        self.next_due.setObjectName("checkupNextDue")
        self.next_due.edit.setPlaceholderText(self.tr("automatic"))
        self.next_due.setToolTip(self.tr("Leave blank: one year later, or three months for a resident with a chronic condition."))
        self.examiner = QLineEdit(self)
        self.examiner.setObjectName("checkupExaminer")
        self.examiner.setMaxLength(rules.MAX_SHORT_TEXT)
        self.screening = EnumCombo([(s, labels.screening(s)) for s in ScreeningResult], blank=self.tr("Not recorded"))
        self.screening.setObjectName("checkupScreening")
        self.screening_note = QLineEdit(self)
        self.screening_note.setObjectName("checkupScreeningNote")
        self.screening_note.setPlaceholderText(self.tr("Tuberculosis, hepatitis, scabies, ..."))
        self.isolation = QCheckBox(self.tr("Isolate the resident"), self)
        self.isolation.setObjectName("checkupIsolation")

        self.save_button = QPushButton(self.tr("Save checkup (Ctrl+S)"), self)
        self.save_button.setObjectName("checkupSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"), self)
        self.cancel_button.setObjectName("checkupCancel")
        self.cancel_button.clicked.connect(self.cancel)

        self._layout()
        for field in ("weight_kg", "height_cm"):
            self.inputs[field].textChanged.connect(self._show_bmi)
        self.findings.textChanged.connect(lambda: self.edited("findings"))
        self.isolation.toggled.connect(lambda _on: self.edited("screening"))
        self.screening_note.textEdited.connect(lambda _t: self.edited("screening"))
        self._tab_order()

    # --- layout -------------------------------------------------------------

    def _layout(self) -> None:
        vitals = QGridLayout()
        vitals.setHorizontalSpacing(10)
        vitals.setVerticalSpacing(6)
        vitals.setColumnStretch(2, 1)
        row = 0
        self.add_field(vitals, row, "checkup_date", self.tr("Checkup date"), self.date); row += 1
        self.add_field(vitals, row, "kind", self.tr("Kind of checkup"), self.kind); row += 1
        # blood pressure: two boxes on one line, one message cell for both
        bp = QWidget()
        line = QHBoxLayout(bp)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.inputs["systolic"])
        line.addWidget(QLabel("/"))
        line.addWidget(self.inputs["diastolic"])
        line.addWidget(QLabel(fields.vital("systolic").unit_text(self.session.lang)))
        line.addStretch(1)
        caption = QLabel(self.tr("Blood pressure"))
        caption.setBuddy(self.inputs["systolic"])
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bp_errors = QWidget()
        stack = QVBoxLayout(bp_errors)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(0)
        for field in ("systolic", "diastolic"):
            error = field_error(self)
            error.setObjectName(f"checkupError_{field}")
            stack.addWidget(error)
            self.watch(field, self.inputs[field], error)
        vitals.addWidget(caption, row, 0)
        vitals.addWidget(bp, row, 1)
        vitals.addWidget(bp_errors, row, 2)
        row += 1
        lang = self.session.lang
        for field, _whole, _name in VITALS:
            if field in BLOOD_PRESSURE:
                continue
            f = fields.vital(field)
            self.add_field(vitals, row, field, f.text_label(lang), self.inputs[field], f.unit_text(lang))
            row += 1
            if field == "height_cm":
                bmi_caption = QLabel(self.tr("BMI"))
                bmi_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                vitals.addWidget(bmi_caption, row, 0)
                vitals.addWidget(self.bmi, row, 1, 1, 2)
                row += 1
        vitals.setRowStretch(row, 1)

        right = QGridLayout()
        right.setHorizontalSpacing(10)
        right.setVerticalSpacing(6)
        right.setColumnStretch(1, 1)
        self.add_field(right, 0, "classification", self.tr("Health classification"), self.classification, error_below=True)
        findings_caption = QLabel(self.tr("Findings and advice"))
        findings_caption.setBuddy(self.findings)
        findings_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        findings_error = field_error(self)
        findings_error.setObjectName("checkupError_findings")
        self.watch("findings", self.findings, findings_error)
        right.addWidget(findings_caption, 2, 0)
        right.addWidget(self.findings, 2, 1)
        right.addWidget(findings_error, 3, 1)
        self.add_field(right, 4, "next_due_date", self.tr("Next checkup due"), self.next_due, error_below=True)
        self.add_field(right, 6, "examiner", self.tr("Examined by"), self.examiner, error_below=True)

        self.screening_box = QGroupBox(self.tr("Admission screening (infectious diseases)"), self)
        screening = QGridLayout(self.screening_box)
        screening.setColumnStretch(1, 1)
        self.add_field(screening, 0, "screening", self.tr("Result"), self.screening, error_below=True)
        note_caption = QLabel(self.tr("Screened for"))
        note_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        screening.addWidget(note_caption, 2, 0)
        screening.addWidget(self.screening_note, 2, 1)
        screening.addWidget(self.isolation, 3, 1)
        right.addWidget(self.screening_box, 8, 0, 1, 2)
        right.setRowStretch(9, 1)

        columns = QHBoxLayout()
        columns.addLayout(vitals, 5)
        divider = QFrame()
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        columns.addWidget(divider)
        columns.addLayout(right, 4)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addWidget(self.previous)
        outer.addWidget(self.banner)
        outer.addLayout(columns, 1)
        outer.addLayout(buttons)

    def _tab_order(self) -> None:
        chain = [self.date.edit, self.kind] + [self.inputs[f] for f, _w, _n in VITALS] + [
            self.classification, self.findings, self.next_due.edit, self.examiner,
            self.screening, self.screening_note, self.isolation, self.cancel_button, self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # --- filling ---------------------------------------------------------------

    def start_new(self, resident: Resident, latest: Checkup | None) -> None:
        self._resident, self._correcting = resident, None
        self.heading.setText(self.tr("New checkup"))
        self._fill(None)
        self._loading = True
        self.date.set_value(self.session.services.clinical.today())
        self.examiner.setText(self._own_name())  # usually who types it; editable
        self.kind.set_current(CheckupKind.PERIODIC if latest else CheckupKind.ADMISSION)
        self._loading = False
        self._kind_changed()
        self.reset_state()
        self._show_previous(latest)
        self.date.setFocus()

    def _own_name(self) -> str:
        if not hasattr(self, "_examiner_name"):
            try:
                self._examiner_name = self.session.services.users.own_name(self.session.actor)
            except Exception:  # noqa: BLE001 - a prefill, never a reason to refuse the form
                self._examiner_name = ""
        return self._examiner_name

    def start_correction(self, resident: Resident, checkup: Checkup) -> None:
        self._resident, self._correcting = resident, checkup
        self.heading.setText(self.tr("Correct the checkup of %1").replace("%1", labels.day(checkup.checkup_date)))
        self._fill(checkup)
        self._show_previous(None)
        self.previous.setText(self.tr("The version before this correction stays in the record's history."))
        self.previous.show()
        self.date.setFocus()

    def correcting(self) -> Checkup | None:
        return self._correcting

    def _fill(self, c: Checkup | None) -> None:
        self._loading = True
        lang = self.session.lang
        self.date.set_value(c.checkup_date if c else None)
        self.kind.set_current(c.kind if c else CheckupKind.PERIODIC)
        for field, _whole, _name in VITALS:
            self.inputs[field].set_value(getattr(c.vitals, field) if c else None, lang)
        self.classification.set_current(c.classification if c else None)
        self.findings.setPlainText(c.findings if c else "")
        self.next_due.set_value(c.next_due_date if c else None)
        self.examiner.setText(c.examiner if c else "")
        self.screening.set_current(c.screening if c else None)
        self.screening_note.setText(c.screening_note if c else "")
        self.isolation.setChecked(bool(c and c.isolation))
        self._loading = False
        self._kind_changed()
        self._show_bmi()
        self.reset_state()

    def _show_previous(self, latest: Checkup | None) -> None:
        if latest is None:
            self.previous.hide()
            return
        lang = self.session.lang
        v = latest.vitals
        parts = []
        if v.systolic is not None:
            parts.append(self.tr("BP %1/%2").replace("%1", str(v.systolic)).replace("%2", str(v.diastolic)))
        if v.pulse is not None:
            parts.append(self.tr("pulse %1").replace("%1", str(v.pulse)))
        for name in ("temperature", "weight_kg"):
            if getattr(v, name) is not None:
                parts.append(f"{labels.number(getattr(v, name), lang)} {fields.vital(name).unit_text(lang)}")
        if v.glucose is not None:
            parts.append(self.tr("glucose %1").replace("%1", labels.number(v.glucose, lang, fixed=True)))
        self.previous.setText(self.tr("Previous checkup (%1): %2").replace("%1", labels.day(latest.checkup_date))
                              .replace("%2", ", ".join(parts) or "—"))
        self.previous.show()

    def _kind_changed(self, *_args) -> None:
        self.screening_box.setVisible(self.kind.current() == CheckupKind.ADMISSION
                                      or self.screening.current() is not None or self.isolation.isChecked())

    def _show_bmi(self) -> None:
        try:
            vitals = VitalSigns(weight_kg=self.inputs["weight_kg"].value(), height_cm=self.inputs["height_cm"].value())
            bmi = vitals.bmi if (vitals.height_cm or 0) > 0 else None
        except ValueError:
            bmi = None
        if bmi is None:
            self.bmi.setText(self.tr("calculated from weight and height"))
            self.bmi.setStyleSheet(f"color: {style.HINT_COLOUR};")
            return
        text = labels.number(bmi, self.session.lang)
        birth, day = self._age_on()
        young = norms.bmi_for_age(self._resident, day, vitals)
        if young is not None:  # under 5: the WHO standards for age and sex
            z = labels.number(young.z, self.session.lang, fixed=True, signed=True)
            verdict = {"low": self.tr("thin for age"), "high": self.tr("overweight for age")}.get(
                young.flag, self.tr("normal for age"))
            self.bmi.setText(f"{text} ({self.tr('WHO z-score %1: %2').replace('%1', z).replace('%2', verdict)})")
            self.bmi.setStyleSheet(FLAGGED if young.flag else "")
        elif norms.normal_range("bmi", birth, day) is None:
            self.bmi.setText(f"{text} ({self.tr('under 18: adult norms do not apply')})")
            self.bmi.setStyleSheet("")
        elif norms.abnormal("bmi", bmi, birth, day):
            low, _high = norms.normal_range("bmi", birth, day)
            key = self.tr("below normal") if bmi < low else self.tr("above normal")
            self.bmi.setText(f"{text} ({key})")
            self.bmi.setStyleSheet(FLAGGED)
        else:
            self.bmi.setText(f"{text} ({self.tr('normal')})")
            self.bmi.setStyleSheet("")

    def _age_on(self):
        """Birth date and checkup day (today while the date is blank or mistyped):
        the BMI's norm follows the age."""
        birth = self._resident.birth_date if self._resident else None
        try:
            day = self.date.value()
        except ValueError:
            day = None
        return birth, day or self.session.services.clinical.today()

    # --- reading and checking -----------------------------------------------------

    def collect(self) -> tuple[Checkup, list]:
        lang = self.session.lang
        slips = []
        values = {}
        for field, whole, _name in VITALS:
            box = self.inputs[field]
            try:
                values[field] = box.int_value() if whole else box.value()
            except ValueError:
                text = box.text().strip()
                try:
                    float(text.replace(",", "."))
                    slips.append(not_a_whole_number(field, text, lang))
                except ValueError:
                    slips.append(not_a_number(field, text, lang))
                values[field] = None
        dates = {}
        for field, box in (("checkup_date", self.date), ("next_due_date", self.next_due)):
            try:
                dates[field] = box.value()
            except ValueError:
                slips.append(not_a_date(field, box.text(), lang))
                dates[field] = None
        kind = self.kind.current()
        admission = kind == CheckupKind.ADMISSION
        checkup = Checkup(
            resident_id=self._resident.id if self._resident else "",
            checkup_date=dates["checkup_date"],
            kind=kind,
            vitals=VitalSigns(**values),
            findings=self.findings.toPlainText().strip(),
            classification=self.classification.current(),
            next_due_date=dates["next_due_date"],
            examiner=self.examiner.text().strip(),
            screening=self.screening.current() if (admission or self.screening_box.isVisible()) else None,
            screening_note=self.screening_note.text().strip(),
            isolation=self.isolation.isChecked(),
        )
        return checkup, slips

    def problems(self) -> list:
        checkup, slips = self.collect()
        if self._resident is None:
            return slips
        slipped = {s.field for s in slips}
        today = self.session.services.clinical.today()
        found = [p for p in rules.check_checkup(checkup, self._resident, today) if p.field not in slipped]
        if "checkup_date" in slipped:  # no date: the next-due comparison means nothing yet
            found = [p for p in found if p.field != "next_due_date"]
        return slips + found

    def submit(self) -> Callable[[], Checkup]:
        checkup, _slips = self.collect()
        clinical, actor, correcting = self.session.services.clinical, self.session.actor, self._correcting
        if correcting is not None:
            return lambda: clinical.correct_checkup(actor, correcting.id, checkup)
        return lambda: clinical.record_checkup(actor, checkup)
