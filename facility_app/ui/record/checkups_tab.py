"""Checkups: the table (newest first), trend charts, and the form to record,
correct or void a checkup. The form replaces the table while it is open,
so it has the whole width of a 1366x768 screen."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from care_core.domain.entities import Checkup, Resident
from care_core.domain.permissions import Permission
from .. import style
from ..widgets.trend_chart import TrendChart
from . import charts, feedback, labels
from .checkup_form import CheckupForm
from .fields import Banner
from .list_tab import scrolled
from .models import checkup_model, checkup_versions_model
from .table_view import fit_columns, record_table, selected_row


class CheckupsTab(QWidget):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("checkupsPage")
        self._resident: Resident | None = None
        self._checkups: list[Checkup] = []  # newest first
        self._chart_key = "blood_pressure"
        may_record = session.can(Permission.RECORD_CLINICAL)

        self.banner = Banner(self)
        self.banner.setObjectName("checkupsBanner")
        self.new_button = QPushButton(self.tr("New checkup"), self)
        self.new_button.setObjectName("checkupNew")
        self.correct_button = QPushButton(self.tr("Correct the selected checkup"), self)
        self.correct_button.setObjectName("checkupCorrect")
        self.void_button = QPushButton(self.tr("Cancel a checkup entered by mistake"), self)
        self.void_button.setObjectName("checkupVoid")
        self.versions_button = QPushButton(self.tr("Earlier versions"), self)
        self.versions_button.setObjectName("checkupVersions")
        for button in (self.new_button, self.correct_button, self.void_button):
            button.setVisible(may_record)
        for button in (self.correct_button, self.void_button, self.versions_button):
            button.setToolTip(self.tr("First click a checkup in the table."))
        self.new_button.clicked.connect(self.start_new)
        self.correct_button.clicked.connect(self.start_correction)
        self.void_button.clicked.connect(self.void_selected)
        self.versions_button.clicked.connect(self.show_versions)

        self.model = checkup_model(session.lang, self, resident=lambda: self._resident)
        self.table = record_table("checkupTable", self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.start_correction() if may_record else self.show_versions())
        self.empty = QLabel(self.tr("No checkup recorded yet. Press “New checkup” to record the first one."), self)
        self.empty.setObjectName("checkupEmpty")
        self.empty.setStyleSheet(f"color: {style.HINT_COLOUR}; padding: 12px;")

        self.chart = TrendChart(self)
        self.chart.setObjectName("checkupChart")
        self.chart_buttons = QButtonGroup(self)
        chart_row = QHBoxLayout()
        chart_row.addWidget(QLabel(self.tr("Trend:")))
        names = {"blood_pressure": "chartBloodPressure", "weight": "chartWeight", "bmi": "chartBmi", "glucose": "chartGlucose"}
        for key in charts.CHARTS:
            button = QPushButton(charts.chart_name(key), self)
            button.setObjectName(names[key])
            button.setCheckable(True)
            button.setChecked(key == self._chart_key)
            button.clicked.connect(lambda _c=False, k=key: self.show_chart(k))
            self.chart_buttons.addButton(button)
            chart_row.addWidget(button)
        chart_row.addStretch(1)

        browse = QWidget(self)
        top = QHBoxLayout()
        for button in (self.new_button, self.correct_button, self.void_button, self.versions_button):
            top.addWidget(button)
        top.addStretch(1)
        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.empty)
        table_layout.addWidget(self.table)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addLayout(chart_row)
        chart_layout.addWidget(self.chart, 1)
        split = QSplitter(Qt.Orientation.Vertical, browse)
        split.addWidget(table_box)
        split.addWidget(chart_box)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setChildrenCollapsible(False)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 3 + 60)  # header + 3 rows
        self.chart.setMinimumHeight(170)
        browse_layout = QVBoxLayout(browse)
        browse_layout.setContentsMargins(0, 0, 0, 0)
        browse_layout.addLayout(top)
        browse_layout.addWidget(self.banner)
        browse_layout.addWidget(split, 1)

        self._form: CheckupForm | None = None
        self.form_page = None
        self.pages = QStackedWidget(self)
        self.pages.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.pages)
        self._selection_changed()

    @property
    def form(self) -> CheckupForm:
        """Built the first time a checkup is recorded or corrected."""
        if self._form is None:
            self._form = CheckupForm(self.session, self)
            self._form.sig_saved.connect(self._saved)
            self._form.sig_closed.connect(self._show_browse)
            self.form_page = scrolled(self._form)
            self.pages.addWidget(self.form_page)
        return self._form

    def built_forms(self) -> list:
        return [self._form] if self._form is not None else []

    # --- data ---------------------------------------------------------------

    def set_data(self, resident: Resident, checkups: list[Checkup]) -> None:
        self._resident = resident
        self._checkups = sorted(checkups, key=lambda c: (c.checkup_date, c.id), reverse=True)
        self.model.set_rows(self._checkups)
        fit_columns(self.table)
        self.table.setVisible(bool(self._checkups))
        self.empty.setVisible(not self._checkups)
        self.show_chart(self._chart_key)
        self._selection_changed()

    def checkups(self) -> list[Checkup]:
        return list(self._checkups)

    def _birth(self):
        """The resident's birth date: the normal bands follow the age."""
        return self._resident.birth_date if self._resident else None

    def show_chart(self, key: str) -> None:
        self._chart_key = key
        for button in self.chart_buttons.buttons():
            button.setChecked(button.text() == charts.chart_name(key))
        charts.show_checkups(self.chart, key, list(reversed(self._checkups)), self.session.lang, self._birth())

    def selected(self) -> Checkup | None:
        return self.model.row_at(selected_row(self.table))

    def _selection_changed(self, *_args) -> None:
        chosen = self.selected() is not None
        self.correct_button.setEnabled(chosen)
        self.void_button.setEnabled(chosen)
        self.versions_button.setEnabled(chosen)
        self.new_button.setEnabled(self._resident is not None)

    # --- actions ------------------------------------------------------------------

    def form_open(self) -> bool:
        return self.form_page is not None and self.pages.currentWidget() is self.form_page

    def start_new(self) -> None:
        if self._resident is None:
            return
        self.banner.clear_message()
        form = self.form
        form.start_new(self._resident, self._checkups[0] if self._checkups else None)
        self.pages.setCurrentWidget(self.form_page)
        self.form.date.setFocus()

    def start_correction(self) -> None:
        checkup = self.selected()
        if checkup is None or self._resident is None:
            return
        self.banner.clear_message()
        form = self.form
        form.start_correction(self._resident, checkup)
        self.pages.setCurrentWidget(self.form_page)
        self.form.date.setFocus()

    def void_selected(self) -> None:
        checkup = self.selected()
        if checkup is None:
            return
        reason = feedback.ask_text(self, self.tr("Cancel a checkup"),
                                   self.tr("Why is the checkup of %1 cancelled? (for example: entered for the wrong resident)")
                                   .replace("%1", labels.day(checkup.checkup_date)),
                                   self.tr("Cancel the checkup"), self.tr("Keep it"))
        if reason is None:
            return
        if not reason.strip():
            self.banner.show_error(self.tr("Not cancelled: write the reason."))
            return
        s = self.session
        self.void_button.setEnabled(False)  # until the answer: never voided twice
        self.banner.clear_message()
        s.run(lambda: s.services.clinical.void_checkup(s.actor, checkup.id, reason),
              lambda _void: self.banner.show_info(self.tr("The checkup of %1 was cancelled; it stays in the history.")
                                                  .replace("%1", labels.day(checkup.checkup_date))),
              self._void_failed, owner=self)

    def _void_failed(self, exc: BaseException) -> None:
        self._selection_changed()
        feedback.refused(exc, self.session.lang, self.banner)

    def show_versions(self) -> None:
        checkup = self.selected()
        if checkup is None:
            return
        history = feedback.load(lambda: self.session.services.clinical.checkup_history(self.session.actor, checkup.id),
                                self, self.session.lang)
        if history is None:
            return
        dialog = VersionsDialog(self.session.lang, history, self, resident=self._resident)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def _saved(self, checkup: Checkup) -> None:
        corrected = self.form.correcting() is not None
        self._show_browse()
        text = self.tr("Checkup of %1 corrected.") if corrected else self.tr("Checkup of %1 saved.")
        self.banner.show_info(text.replace("%1", labels.day(checkup.checkup_date)))

    def _show_browse(self) -> None:
        self.pages.setCurrentIndex(0)
        self.table.setFocus()


class VersionsDialog(QDialog):
    """Every version of one checkup, oldest first: what was corrected and when."""

    def __init__(self, lang: str, history: list[Checkup], parent: QWidget | None = None,
                 resident: Resident | None = None):
        super().__init__(parent)
        self.setObjectName("checkupVersionsDialog")
        self.setWindowTitle(self.tr("Versions of this checkup"))
        self.model = checkup_versions_model(lang, self, resident=lambda: resident)
        self.model.set_rows(history)
        self.table = record_table("checkupVersionsTable", self)
        self.table.setModel(self.model)
        fit_columns(self.table)
        note = QLabel(self.tr("Oldest first. A correction never erases the earlier version."), self)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(1100, 320)
