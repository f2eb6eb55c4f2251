"""The periodic health report dialog (báo cáo định kỳ) for the director.

Left: the period (presets counted from today, or two dates), the report's
number, who prepared the figures, and the director's remarks (section VII
of the report, printed as typed). Right: the preview. Below: Preview,
Print, Save PDF, Export CSV, Export XLSX. Each of them is one run of
``ReportService.periodic`` (permission checked, audited with its format:
preview, print, pdf, csv, xlsx) on a worker; saving goes through
``reports.run.periodic_report`` (path checked first, file written whole).

Changing a choice after a preview marks the preview out of date rather
than re-running it on every keystroke (every run is an audit entry).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QEvent, QRegularExpression, Qt
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from care_core.domain import numbers, periods
from care_core.domain.messages import DomainError
from care_core.domain.dates import QT_DMY, dmy
from care_core.domain.periods import Period
from ...reports import periodic as periodic_pdf
from ...reports import run as report_run
from .. import i18n
from ..forms import ErrorLabel
from ..style import fit_to_screen, mark
from . import presets
from .base import ReportDialogBase

MAX_NOTES = 20000  # as the CLI's --notes-file
_NUMBER = re.compile(r"^\d{1,6}$")
PREPARED_BY_KEY = "reports/prepared_by"


@dataclass(frozen=True)
class Choice:
    """Everything that decides the report's content."""
    period: Period
    number: str
    prepared_by: str
    notes: str

    def options(self) -> periodic_pdf.PeriodicOptions:
        return periodic_pdf.PeriodicOptions(number=self.number or None, notes=self.notes,
                                            prepared_by=self.prepared_by)


class PeriodicReportDialog(ReportDialogBase):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.setObjectName("periodicReportDialog")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.service = session.services.reports
        self.today: date = self.service.today()
        facility = session.services.facility.get()
        self.symbol = (getattr(facility, "report_symbol", "") or "").strip()
        self._previewed_choice: Choice | None = None

        # period
        self.preset = QComboBox(objectName="reportPreset")
        for key in presets.PRESETS:
            self.preset.addItem("", key)
        self.date_from = self._date_edit("reportFrom")
        self.date_to = self._date_edit("reportTo")
        self.period_title = mark(QLabel(objectName="reportPeriodTitle"), "subheading")
        self.period_title.setWordWrap(True)
        self.period_error = ErrorLabel()
        self.period_error.setObjectName("reportPeriodError")
        self.preset.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preset.setMinimumContentsLength(18)  # long item texts never widen the panel
        self.from_label, self.to_label = QLabel(), QLabel()
        self.from_label.setBuddy(self.date_from)
        self.to_label.setBuddy(self.date_to)
        dates = QFormLayout()
        dates.addRow(self.from_label, self.date_from)
        dates.addRow(self.to_label, self.date_to)
        self.period_box = QGroupBox(objectName="reportPeriodBox")
        box = QVBoxLayout(self.period_box)
        box.addWidget(self.preset)
        box.addLayout(dates)
        box.addWidget(self.period_title)
        box.addWidget(self.period_error)

        # document details
        self.number = QLineEdit(objectName="reportNumber")
        self.number.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,6}"), self.number))
        self.number.setMaximumWidth(110)
        self.symbol_label = QLabel(f"/{self.symbol}" if self.symbol else "", objectName="reportSymbol")
        self.number_error = ErrorLabel()
        self.number_error.setObjectName("reportNumberError")
        self.number_hint = mark(QLabel(objectName="reportNumberHint"), "hint")
        self.number_hint.setWordWrap(True)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number)
        number_row.addWidget(self.symbol_label)
        number_row.addStretch(1)
        self.prepared_by = QLineEdit(objectName="reportPreparedBy")
        self.prepared_by.setMaxLength(100)
        self.prepared_by.setText(str(i18n.settings().value(PREPARED_BY_KEY, "") or ""))
        self.notes = QPlainTextEdit(objectName="reportNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(90)
        self.notes_error = ErrorLabel()
        self.notes_error.setObjectName("reportNotesError")
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.number_label, self.prepared_label = QLabel(), QLabel()
        self.number_label.setBuddy(self.number)
        self.prepared_label.setBuddy(self.prepared_by)
        self.form.addRow(self.number_label, number_row)
        self.form.addRow("", self.number_error)
        self.form.addRow("", self.number_hint)
        self.form.addRow(self.prepared_label, self.prepared_by)
        self.notes_label = QLabel()
        self.notes_label.setBuddy(self.notes)
        self.notes_label.setWordWrap(True)

        left = QWidget(objectName="reportChoices")
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 6, 0)
        lay.addWidget(self.period_box)
        lay.addLayout(self.form)
        lay.addWidget(self.notes_label)
        lay.addWidget(self.notes, 1)
        lay.addWidget(self.notes_error)
        scroller = QScrollArea(objectName="reportChoicesScroll")
        scroller.setWidget(left)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the fields wrap instead
        scroller.setMinimumWidth(330)

        self.stale = mark(QLabel(objectName="reportPreviewStale"), "banner")
        self.stale.setWordWrap(True)
        self.stale.hide()
        right = QWidget()
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(6, 0, 0, 0)
        rlay.addWidget(self.stale)
        rlay.addWidget(self.preview, 1)

        split = QSplitter(Qt.Orientation.Horizontal, objectName="reportSplit")
        split.addWidget(scroller)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 900])
        split.setChildrenCollapsible(False)

        self.preview_button = mark(QPushButton(objectName="reportPreview"), "primary")
        self.print_button = QPushButton(objectName="reportPrint")
        self.pdf_button = QPushButton(objectName="reportSavePdf")
        self.csv_button = QPushButton(objectName="reportExportCsv")
        self.xlsx_button = QPushButton(objectName="reportExportXlsx")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.make_preview)
        self.print_button.clicked.connect(self.print_report)
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        self.action_buttons = [self.preview_button, self.print_button, self.pdf_button, self.csv_button,
                               self.xlsx_button]
        buttons = QHBoxLayout()
        for b in self.action_buttons:
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.print_report)

        outer = QVBoxLayout(self)
        outer.addWidget(split, 1)
        outer.addLayout(self.status_row())
        outer.addLayout(buttons)

        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.date_from.dateChanged.connect(self._dates_edited)
        self.date_to.dateChanged.connect(self._dates_edited)
        for signal in (self.number.textChanged, self.prepared_by.textChanged, self.notes.textChanged):
            signal.connect(self._choice_changed)

        self.preset.setCurrentIndex(presets.PRESETS.index(presets.DEFAULT))
        self._preset_chosen()
        self.retranslate()
        fit_to_screen(self, 1300, 740)

    @staticmethod
    def _date_edit(name: str) -> QDateEdit:
        edit = QDateEdit(objectName=name, calendarPopup=True)
        edit.setDisplayFormat(QT_DMY)
        edit.setMinimumDate(QDate(periods.MIN_YEAR, 1, 1))
        edit.setMaximumDate(QDate(periods.MAX_YEAR, 12, 31))
        return edit

    # --- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Periodic health report"))
        self.period_box.setTitle(self.tr("Reporting period"))
        names = {"this-month": self.tr("This month"), "last-month": self.tr("Last month"),
                 "this-quarter": self.tr("This quarter"), "last-quarter": self.tr("Last quarter"),
                 "this-year": self.tr("This year"), "last-year": self.tr("Last year"),
                 "custom": self.tr("Other dates")}
        for i, key in enumerate(presets.PRESETS):
            text = names[key]
            if key != "custom":
                text = f"{text}: {presets.preset(key, self.today).title(self.session.lang)}"
            self.preset.setItemText(i, text)
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.number_label.setText(self.tr("Report &number"))
        self.number_hint.setText(self.tr("Leave blank to write the number by hand after printing."))
        self.number.setPlaceholderText(self.tr("e.g. 12"))
        self.prepared_label.setText(self.tr("Prepared &by"))
        self.prepared_by.setPlaceholderText(self.tr("Full name"))
        self.prepared_by.setToolTip(self.tr("Printed under “prepared by”, beside the director's signature"))
        self.notes_label.setText(self.tr("&Remarks, proposals and requests (section VII, printed as typed)"))
        self.notes.setPlaceholderText(self.tr("Left blank, the report leaves dotted lines to write on by hand."))
        self.stale.setText(self.tr("The choices changed after this preview: press Preview to see the report "
                                   "as it will be printed."))
        self.preview_button.setText(self.tr("Pre&view"))
        self.preview_button.setToolTip(self.tr("Make the report and show it here"))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print the report (Ctrl+P)"))
        self.pdf_button.setText(self.tr("&Save PDF…"))
        self.csv_button.setText(self.tr("Export &CSV…"))
        self.csv_button.setToolTip(self.tr("The report's tables as CSV, for other programs"))
        self.xlsx_button.setText(self.tr("Export E&xcel…"))
        self.xlsx_button.setToolTip(self.tr("The report's tables as an Excel workbook (XLSX), one sheet per table"))
        self.preview.retranslate()
        self.retranslate_base()
        self._show_period()

    def empty_text(self) -> str:
        return self.tr("Choose the period, then press Preview to see the report here.")

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the period ---------------------------------------------------------------------------

    def preset_key(self) -> str:
        return self.preset.currentData()

    def choose_preset(self, key: str) -> None:
        self.preset.setCurrentIndex(presets.PRESETS.index(key))

    def set_dates(self, start: date, end: date) -> None:
        """Type a custom range (as a person would with the two date boxes)."""
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))

    def _preset_chosen(self, _index: int = 0) -> None:
        key = self.preset_key()
        if key != "custom":
            period = presets.preset(key, self.today)
            for edit, day in ((self.date_from, period.start), (self.date_to, period.end)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self._choice_changed()

    def _dates_edited(self, _date: QDate) -> None:
        """Editing a date makes the range custom, or the preset it now exactly is."""
        try:
            key = presets.matching_preset(periods.custom(self._day(self.date_from), self._day(self.date_to)),
                                          self.today)
        except DomainError:
            key = "custom"
        if key != self.preset_key():
            self.preset.blockSignals(True)
            self.choose_preset(key)
            self.preset.blockSignals(False)
        self._choice_changed()

    @staticmethod
    def _day(edit: QDateEdit) -> date:
        d = edit.date()
        return date(d.year(), d.month(), d.day())

    def period(self) -> Period:
        """The chosen period; a PeriodError for dates that make none."""
        key = self.preset_key()
        if key != "custom":
            return presets.preset(key, self.today)
        return periods.custom(self._day(self.date_from), self._day(self.date_to))

    def _show_period(self) -> None:
        lang = self.session.lang
        try:
            period = self.period()
        except DomainError as exc:
            self.period_title.hide()
            self.period_error.show_text(exc.message(lang))
            return
        self.period_title.show()
        self.period_error.show_text("")
        span = f"{dmy(period.start)} – {dmy(period.end)}"
        title = period.title(lang)
        text = title if period.kind == "custom" else f"{title} ({span})"
        if period.start > self.today:
            self.period_error.show_text(self.tr("This period has not begun yet."))
        elif period.end > self.today:
            text += "\n" + self.tr("Figures up to today, %1.").replace("%1", dmy(self.today))
        self.period_title.setText(text)

    # --- the choice ------------------------------------------------------------------------------

    def _choice_changed(self, *_args) -> None:
        self._show_period()
        if len(self.notes.toPlainText()) <= MAX_NOTES:
            self.notes_error.show_text("")
        if _NUMBER.match(self.number.text().strip() or "0"):
            self.number_error.show_text("")
        stale = self.previewed is not None and self._current_or_none() != self._previewed_choice
        if stale and not self.stale.isVisible() and not self.busy():
            self.say("")  # "preview ready" no longer holds
        self.stale.setVisible(stale)

    def _current_or_none(self) -> Choice | None:
        try:
            return Choice(self.period(), self.number.text().strip(), self.prepared_by.text().strip(),
                          self.notes.toPlainText())
        except DomainError:
            return None

    def choice(self) -> Choice | None:
        """What to run, or None with the reasons shown beside the fields."""
        ok = True
        try:
            period = self.period()
            if period.start > self.today:
                period.as_of(self.today)  # raises the domain's own sentence
        except DomainError as exc:
            self.period_error.show_text(exc.message(self.session.lang))
            ok = False
        number = self.number.text().strip()
        if number and not _NUMBER.match(number):  # typing cannot make one; a program or paste might
            self.number_error.show_text(self.tr("The report number “%1” must be 1 to 6 digits.").replace("%1", number))
            ok = False
        notes = self.notes.toPlainText()
        if len(notes) > MAX_NOTES:
            self.notes_error.show_text(self.tr("The remarks are longer than %1 characters; shorten them.")
                                       .replace("%1", numbers.fmt(MAX_NOTES, self.session.lang, grouping=True)))
            ok = False
        if not ok:
            return None
        prepared = self.prepared_by.text().strip()
        i18n.settings().setValue(PREPARED_BY_KEY, prepared)
        return Choice(period, number, prepared, notes)

    # --- the actions -------------------------------------------------------------------------------

    def make_preview(self) -> bool:
        choice = self.choice()
        if choice is None:
            return False
        service, actor = self.service, self.session.actor

        def work() -> bytes:
            report = service.periodic(actor, choice.period, output="preview")
            return periodic_pdf.render(report, choice.options())

        def done(data: bytes) -> None:
            self._previewed_choice = choice
            self.show_pdf(data)
            self.stale.hide()

        return self.run(self.tr("Making the report for %1…").replace("%1", choice.period.title(self.session.lang)),
                        work, done)

    def _print_maker(self, choice: Choice):
        service, actor = self.service, self.session.actor

        def make_pdf(printer_name: str) -> bytes:  # on the worker, once the printer is chosen
            report = service.periodic(actor, choice.period, output="print", target=printer_name)
            return periodic_pdf.render(report, choice.options())

        return make_pdf

    def print_report(self):
        """Ask which printer and pages, then print (audited as a print)."""
        choice = self.choice()
        if choice is None:
            return None
        return self.start_print(self._print_maker(choice), presets.report_file_name(choice.period, "pdf"))

    def print_to(self, printer, current: int = 0) -> bool:
        """Print on a printer already set up: what the print dialog's OK does."""
        choice = self.choice()
        return choice is not None and self.print_now(self._print_maker(choice), printer, current)

    def save(self, fmt: str, path: str | None = None) -> bool:
        """Save the report (pdf) or its tables (csv, xlsx); asks where unless ``path`` is given."""
        choice = self.choice()
        if choice is None:
            return False
        if path is None:
            path = self.ask_save_path(presets.report_file_name(choice.period, fmt), fmt)
            if path is None:
                return False
        service, actor = self.service, self.session.actor

        def work():
            return report_run.periodic_report(service, actor, choice.period, path, fmt, choice.options())

        busy = {"pdf": self.tr("Saving the report…"), "csv": self.tr("Exporting the tables…"),
                "xlsx": self.tr("Exporting the tables…")}[fmt]
        return self.run(busy, work, self.saved)

