"""Rehabilitation sessions: table (newest first), the Barthel trend, and the
form to record or correct a session (insert-only, like checkups)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from care_core.domain import rules
from care_core.domain.entities import RehabSession, Resident
from care_core.domain.enums import RehabType
from care_core.domain.permissions import Permission
from ..widgets.trend_chart import TrendChart
from . import charts, labels
from .fields import DateField, EnumCombo, NumberField, field_error
from .form_base import EditForm, not_a_date, not_a_number, not_a_whole_number
from .list_tab import ListTab
from .models import rehab_model
from .table_view import fit_columns, record_table, selected_row


class RehabForm(EditForm):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, "rehab", parent)
        self.setObjectName("rehabForm")
        self._resident: Resident | None = None
        self._correcting: RehabSession | None = None
        today = session.services.clinical.today()
        self.date = DateField(today)
        self.date.setObjectName("rehabDate")
        self.type = EnumCombo([(t, labels.rehab_type(t)) for t in RehabType], blank=self.tr("— choose —"))
        self.type.setObjectName("rehabType")
        self.minutes = NumberField(4)
        self.minutes.setObjectName("rehabMinutes")
        self.therapist = QLineEdit(self)
        self.therapist.setObjectName("rehabTherapist")
        self.therapist.setMaxLength(rules.MAX_SHORT_TEXT)
        self.barthel = NumberField(4)
        self.barthel.setObjectName("rehabBarthel")
        self.barthel.setToolTip(self.tr("0 = fully dependent, 100 = independent in daily activities"))
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("rehabNote")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.note.setPlaceholderText(self.tr("What was done and what progress was seen"))
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.add_field(grid, 0, "session_date", self.tr("Date"), self.date)
        self.add_field(grid, 1, "rehab_type", self.tr("Type of rehabilitation"), self.type)
        self.add_field(grid, 2, "minutes", self.tr("Duration"), self.minutes, self.tr("minutes"))
        self.add_field(grid, 3, "therapist", self.tr("Therapist"), self.therapist)
        self.add_field(grid, 4, "barthel", self.tr("Barthel index"), self.barthel, self.tr("0–100, optional"))
        note_error = field_error(self)
        note_error.setObjectName("rehabError_note")
        self.watch("note", self.note, note_error)
        self.note.textChanged.connect(lambda: self.edited("note"))
        caption = QLabel(self.tr("Progress note"))
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(caption, 5, 0)
        grid.addWidget(self.note, 5, 1)
        grid.addWidget(note_error, 5, 2)
        self.therapist.setMinimumWidth(320)
        self.build_frame(grid, self.tr("Save session (Ctrl+S)"), self.tr("Cancel (Esc)"))
        self.first_input = self.date.edit
        chain = [self.date.edit, self.type, self.minutes, self.therapist, self.barthel, self.note,
                 self.cancel_button, self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def start_new(self, resident: Resident, latest: RehabSession | None) -> None:
        self._resident, self._correcting = resident, None
        self.heading.setText(self.tr("New rehabilitation session"))
        self._fill(None)
        self.date.set_value(self.session.services.clinical.today())
        if latest is not None:  # the same programme usually continues
            self.type.set_current(latest.rehab_type)
            self.minutes.setText(str(latest.minutes))
            self.therapist.setText(latest.therapist)
        self.reset_state()

    def start_correction(self, resident: Resident, session: RehabSession) -> None:
        self._resident, self._correcting = resident, session
        self.heading.setText(self.tr("Correct the session of %1").replace("%1", labels.day(session.session_date)))
        self._fill(session)

    def correcting(self) -> RehabSession | None:
        return self._correcting

    def _fill(self, s: RehabSession | None) -> None:
        self._loading = True
        self.date.set_value(s.session_date if s else None)
        self.type.set_current(s.rehab_type if s else None)
        self.minutes.setText(str(s.minutes) if s else "")
        self.therapist.setText(s.therapist if s else "")
        self.barthel.setText("" if s is None or s.barthel is None else str(s.barthel))
        self.note.setPlainText(s.note if s else "")
        self._loading = False
        self.reset_state()

    def _whole(self, field: str, box: NumberField, slips: list) -> int | None:
        try:
            return box.int_value()
        except ValueError:
            text = box.text().strip()
            try:
                float(text.replace(",", "."))
                slips.append(not_a_whole_number(field, text, self.session.lang))
            except ValueError:
                slips.append(not_a_number(field, text, self.session.lang))
            return None

    def collect(self) -> tuple[RehabSession, list]:
        slips = []
        try:
            day = self.date.value()
        except ValueError:
            day = None
            slips.append(not_a_date("session_date", self.date.text(), self.session.lang))
        minutes = self._whole("minutes", self.minutes, slips)
        barthel = self._whole("barthel", self.barthel, slips)
        session = RehabSession(resident_id=self._resident.id if self._resident else "", session_date=day,
                               rehab_type=self.type.current(), minutes=minutes, therapist=self.therapist.text().strip(),
                               barthel=barthel, note=self.note.toPlainText().strip())
        return session, slips

    def problems(self) -> list:
        session, slips = self.collect()
        if self._resident is None:
            return slips
        slipped = {s.field for s in slips}
        found = rules.check_rehab(session, self._resident, self.session.services.clinical.today())
        return slips + [p for p in found if p.field not in slipped]

    def submit(self) -> Callable[[], RehabSession]:
        session, _slips = self.collect()
        clinical, actor, correcting = self.session.services.clinical, self.session.actor, self._correcting
        if correcting is not None:
            return lambda: clinical.correct_rehab(actor, correcting.id, session)
        return lambda: clinical.record_rehab(actor, session)


class RehabTab(ListTab):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, "tabRehab", "rehab_sessions", parent)
        self._resident: Resident | None = None
        self._sessions: list[RehabSession] = []
        may = session.can(Permission.RECORD_CLINICAL)
        self.new_button = self.add_button("rehabNew", self.tr("New session"), self.start_new, may)
        self.correct_button = self.add_button("rehabCorrect", self.tr("Correct the selected session"), self.start_correction, may)
        self.correct_button.setToolTip(self.tr("First click a line in the table."))
        self.finish_toolbar()
        self.model = rehab_model(session.lang, self)
        self.table = record_table("rehabTable", self)
        self.table.setModel(self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        if may:
            self.table.doubleClicked.connect(lambda _i: self.start_correction())
        self.empty = self.empty_label("rehabEmpty", self.tr("No rehabilitation session recorded yet."))
        self.chart = TrendChart(self)
        self.chart.setObjectName("rehabChart")
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.empty)
        top_layout.addWidget(self.table)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(self.chart)
        split.setChildrenCollapsible(False)
        self.browse_layout.addWidget(split, 1)
        self._selection_changed()

    @property
    def form(self) -> RehabForm:
        return self.form_for("rehab", lambda: RehabForm(self.session, self))

    def set_data(self, resident: Resident, sessions: list[RehabSession]) -> None:
        self._resident = resident
        self._sessions = sorted(sessions, key=lambda s: (s.session_date, s.id), reverse=True)
        self.model.set_rows(self._sessions)
        fit_columns(self.table)
        self.table.setVisible(bool(self._sessions))
        self.empty.setVisible(not self._sessions)
        charts.show_barthel(self.chart, list(reversed(self._sessions)), self.session.lang)
        self._selection_changed()

    def selected(self) -> RehabSession | None:
        return self.model.row_at(selected_row(self.table))

    def _selection_changed(self, *_a) -> None:
        self.correct_button.setEnabled(self.selected() is not None)
        self.new_button.setEnabled(self._resident is not None)

    def start_new(self) -> None:
        if self._resident is not None:
            self.form.start_new(self._resident, self._sessions[0] if self._sessions else None)
            self.open_form(self.form)

    def start_correction(self) -> None:
        chosen = self.selected()
        if chosen is not None and self._resident is not None:
            self.form.start_correction(self._resident, chosen)
            self.open_form(self.form)

    def saved_text(self, form, result: RehabSession) -> str:
        text = self.tr("Session of %1 corrected.") if form.correcting() else self.tr("Session of %1 saved.")
        return text.replace("%1", labels.day(result.session_date))
