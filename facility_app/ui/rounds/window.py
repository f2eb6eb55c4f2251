"""The nursing rounds of a merit-care centre (đợt điều dưỡng) on one screen:
the year's rounds against its quota, a new round, the province's list of
people loaded and matched to the records already kept, the whole round
admitted or discharged in one step, and the round's intake checkups typed
in one table.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from care_core.domain import numbers
from care_core.domain.entities import NursingRound
from care_core.domain.permissions import Permission
from .. import dialogs
from ..forms import ErrorLabel
from ..record import labels
from ..record.fields import DateField
from .intake_table import RoundIntakeTable

ROUND_DAYS = 10  # a round usually lasts ten days: the end date offered


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class RoundsWindow(QWidget):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("roundsWindow")
        self.session = session
        self.services = session.services
        self._rounds: list[NursingRound] = []
        self.busy = False  # a whole round's admission or discharge under way
        today = self.services.clinical.today()
        self.setWindowTitle(self.tr("Nursing rounds"))

        self.year = QSpinBox(self, objectName="roundsYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.valueChanged.connect(self.refresh)
        self.quota = QLabel(self, objectName="roundsQuota")
        self.table = QTableWidget(0, 6, self, objectName="roundsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Round"), self.tr("Starts"), self.tr("Ends"), self.tr("Places"),
                                              self.tr("People"), self.tr("Intake checkups")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(180)
        self.table.itemSelectionChanged.connect(self._round_chosen)

        # a new round
        self.new_box = QGroupBox(self.tr("New round"), self, objectName="roundsNew")
        self.number = QSpinBox(self, objectName="roundsNumber")
        self.number.setRange(1, 99)
        self.starts = DateField(today)
        self.starts.setObjectName("roundsStarts")
        self.ends = DateField(today)
        self.ends.setObjectName("roundsEnds")
        self.starts.sig_edited.connect(self._offer_end)
        self.places = QSpinBox(self, objectName="roundsPlaces")
        self.places.setRange(1, 2000)
        self.places.setValue(40)
        self.year_quota = QLineEdit(self, objectName="roundsYearQuota")
        self.year_quota.setPlaceholderText(self.tr("unchanged"))
        self.year_quota.setMaxLength(6)
        self.year_quota.setMaximumWidth(140)
        self.add_button = QPushButton(self.tr("Add the round"), self, objectName="roundsAdd")
        self.add_button.clicked.connect(self.add_round)
        self.new_error = ErrorLabel(self)
        self.new_error.setObjectName("roundsNewError")
        grid = QGridLayout(self.new_box)
        for col, (caption, widget) in enumerate(((self.tr("Round no."), self.number), (self.tr("Starts"), self.starts),
                                                 (self.tr("Ends"), self.ends), (self.tr("Places"), self.places),
                                                 (self.tr("Year's quota"), self.year_quota))):
            label = QLabel(caption)
            label.setBuddy(widget)
            grid.addWidget(label, 0, col)
            grid.addWidget(widget, 1, col)
        grid.addWidget(self.add_button, 1, 5)
        grid.addWidget(self.new_error, 2, 0, 1, 6)
        self.new_box.setVisible(session.can(Permission.MANAGE_ROUNDS))

        # the chosen round
        self.heading = QLabel(self, objectName="roundsHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.load_button = QPushButton(self.tr("Load the province's list and admit…"), self, objectName="roundsLoad")
        self.load_button.clicked.connect(self.load_list)
        self.discharge_button = QPushButton(self.tr("Discharge the whole round…"), self, objectName="roundsDischarge")
        self.discharge_button.clicked.connect(self.discharge_round)
        self.load_button.setVisible(session.can(Permission.MANAGE_ROUNDS))
        self.discharge_button.setVisible(session.can(Permission.DISCHARGE_RESIDENT))
        self.message = QLabel(self, objectName="roundsMessage")
        self.message.setWordWrap(True)
        self.intake = RoundIntakeTable(session, self)
        self.intake.sig_row_saved.connect(lambda *_a: self._count_intake())
        self.intake_hint = QLabel(self.tr("Intake checkups: type each person's vital signs across; Enter or Tab moves "
                                          "on, leaving a row saves it."), self)
        self.intake_hint.setProperty("role", "hint")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.quota, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.heading, 1)
        actions.addWidget(self.load_button)
        actions.addWidget(self.discharge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.new_box)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.intake_hint)
        layout.addWidget(self.intake, 1)
        self.resize(1280, 820)
        self.refresh()

    # --- the year's rounds -----------------------------------------------------

    def refresh(self) -> None:
        actor, year = self.session.actor, self.year.value()
        chosen = self.chosen()
        self._rounds = self.services.rounds.list(actor, year)
        counts = {r.id: (len(self.services.rounds.members(actor, r.id)),
                         len(self.services.rounds.intake_checkups(actor, r.id))) for r in self._rounds}
        self.table.setRowCount(len(self._rounds))
        for row, r in enumerate(self._rounds):
            people, intake = counts[r.id]
            for col, text in enumerate((f"{r.number}/{r.year}", labels.day(r.starts_on), labels.day(r.ends_on),
                                        str(r.places), str(people), f"{intake}/{people}")):
                self.table.setItem(row, col, _cell(text))
        quota = self.services.rounds.year_quota(actor, year)
        used = sum(people for people, _i in counts.values())
        if quota is None:
            self.quota.setText(self.tr("Quota for %1 not entered yet; %2 stays in its rounds.")
                               .replace("%1", str(year)).replace("%2", str(used)))
        else:
            self.quota.setText(self.tr("Quota for %1: %2 stays; used by the rounds: %3 (%4).")
                               .replace("%1", str(year)).replace("%2", str(quota)).replace("%3", str(used))
                               .replace("%4", numbers.fmt(100 * used / quota if quota else 0, self.session.lang, 1) + " %"))
        self.number.setValue(max((r.number for r in self._rounds), default=0) + 1)
        index = next((i for i, r in enumerate(self._rounds) if chosen and r.id == chosen.id), len(self._rounds) - 1)
        if index >= 0:
            self.table.selectRow(index)
        self._round_chosen()

    def chosen(self) -> NursingRound | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self._rounds[rows[0].row()] if rows and rows[0].row() < len(self._rounds) else None

    def _round_chosen(self) -> None:
        r = self.chosen()
        for w in (self.load_button, self.discharge_button, self.intake):
            w.setEnabled(r is not None)
        if r is None:
            self.heading.setText(self.tr("No round yet this year."))
            self.intake.load([], self.services.clinical.today())
            return
        self.heading.setText(self.tr("Round %1: %2 to %3").replace("%1", f"{r.number}/{r.year}")
                             .replace("%2", labels.day(r.starts_on)).replace("%3", labels.day(r.ends_on)))
        actor = self.session.actor
        members = self.services.rounds.members(actor, r.id)
        self.intake.load([m.resident for m in members], r.starts_on, self.services.rounds.intake_checkups(actor, r.id))

    def _count_intake(self) -> None:
        r = self.chosen()
        row = self.table.currentRow()
        if r is not None and row >= 0:
            members = self.table.item(row, 4).text()
            self.table.setItem(row, 5, _cell(f"{len(self.intake.saved())}/{members}"))

    # --- a new round -----------------------------------------------------------

    def _offer_end(self) -> None:
        """A whole first day typed and no last day yet: offer ten days."""
        if len(self.starts.text().strip()) < 10 or self.ends.text().strip():
            return
        try:
            start = self.starts.value()
        except ValueError:
            return
        if start:
            self.ends.set_value(start + timedelta(days=ROUND_DAYS - 1))

    def add_round(self) -> None:
        self.new_error.show_text("")
        try:
            starts, ends = self.starts.value(), self.ends.value()
        except ValueError:
            self.new_error.show_text(self.tr("Type the dates as day/month/year, for example 04/05/2026."))
            return
        quota_text = self.year_quota.text().strip().replace(".", "").replace(" ", "")
        if quota_text and not quota_text.isdigit():
            self.new_error.show_text(self.tr("The year's quota is a whole number of stays, for example 300."))
            return
        if starts is None or ends is None:
            self.new_error.show_text(self.tr("Enter the round's first and last day."))
            return
        r = NursingRound(starts.year, self.number.value(), starts, ends, self.places.value(),
                         int(quota_text) if quota_text else None)
        try:
            self.session.perform(lambda: self.services.rounds.create(self.session.actor, r))
        except Exception as exc:  # noqa: BLE001 - every refusal is shown here
            self.new_error.show_text(dialogs.explain(exc, self.session.lang))
            return
        for box in (self.starts, self.ends):
            box.set_value(None)
        self.year_quota.clear()
        self.year.setValue(r.year)
        self.refresh()
        self.table.selectRow(next(i for i, x in enumerate(self._rounds) if x.id == r.id))

    # --- the province's list ----------------------------------------------------

    def load_list(self) -> None:
        r = self.chosen()
        if r is None:
            return
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("The province's list of people for the round"), "",
                                                    self.tr("Spreadsheets (*.xlsx *.csv)"))
        if path:
            self.preview_list(Path(path))

    def preview_list(self, path: Path) -> "RoundListDialog | None":
        r = self.chosen()
        try:
            loaded = self.services.rounds.read_list(self.session.actor, path)
        except Exception as exc:  # noqa: BLE001
            dialogs.show_error(self, exc, self.session.lang)
            return None
        dialog = RoundListDialog(self.session, r, loaded, self)
        dialog.accepted.connect(lambda: self._admit(r, loaded.entries))
        dialog.open()
        return dialog

    def _admit(self, r: NursingRound, entries) -> None:
        heading = self.tr("Admitted to round %1: %2").replace("%1", f"{r.number}/{r.year}")
        actor = self.session.actor
        self._run(lambda: self.services.rounds.admit_round(actor, r.id, entries), heading)

    def _run(self, call, heading: str) -> None:
        """A whole round's admission or discharge, off the GUI thread; the
        screen waits greyed and then says what was done."""
        self.busy = True
        self.setEnabled(False)
        self.message.setText(self.tr("Working…"))
        self.session.run(call, lambda outcome: self._done(outcome, heading), self._failed, owner=self)

    def _done(self, outcome, heading: str) -> None:
        self.busy = False
        self.setEnabled(True)
        self._tell(outcome, heading)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.setEnabled(True)
        self.message.setText(dialogs.explain(exc, self.session.lang))

    def discharge_round(self) -> None:
        r = self.chosen()
        if r is None:
            return
        day = min(r.ends_on, self.services.clinical.today())
        dialogs.confirm(self, self.tr("Discharge the whole round"),
                        self.tr("Everyone of round %1 still in the centre leaves on %2 (returned home). "
                                "Their records stay; they can come again in a later round.")
                        .replace("%1", f"{r.number}/{r.year}").replace("%2", labels.day(day)),
                        self.tr("Discharge everyone"), lambda: self._discharge(r, day))

    def _discharge(self, r: NursingRound, day: date) -> None:
        actor = self.session.actor
        self._run(lambda: self.services.rounds.discharge_round(actor, r.id, day),
                  self.tr("Discharged from round %1: %2").replace("%1", f"{r.number}/{r.year}"))

    def _tell(self, outcome, heading: str) -> None:
        lang = self.session.lang
        text = heading.replace("%2", outcome.summary(lang))
        if outcome.refused:
            text += " " + " ".join(f"{name}: {vi if lang == 'vi' else en}" for name, vi, en in outcome.refused)
        self.message.setText(text)


class RoundListDialog(QDialog):
    """The list as read: each person matched to a record or new, the rows
    that cannot be read; admitting takes the readable ones."""

    def __init__(self, session, r: NursingRound, loaded, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("roundListDialog")
        self.setWindowTitle(self.tr("Round %1: the province's list").replace("%1", f"{r.number}/{r.year}"))
        lang = session.lang
        table = QTableWidget(len(loaded.entries), 5, self, objectName="roundListTable")
        table.setHorizontalHeaderLabels([self.tr("Full name"), self.tr("Birth date"), self.tr("CCCD"),
                                         self.tr("Merit category"), self.tr("Record")])
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        for row, (entry, found) in enumerate(zip(loaded.entries, loaded.found)):
            p = entry.person
            record = (self.tr("known: %1 (%2)").replace("%1", found.code).replace("%2", found.why(lang))
                      if found is not None else self.tr("new record"))
            for col, text in enumerate((p.full_name, labels.day(p.birth_date), p.cccd or "", entry.note, record)):
                table.setItem(row, col, _cell(text))
        known = sum(f is not None for f in loaded.found)
        summary = QLabel(self.tr("%1 people: %2 already have a record, %3 new.")
                         .replace("%1", str(len(loaded.entries))).replace("%2", str(known))
                         .replace("%3", str(len(loaded.entries) - known)), self, objectName="roundListSummary")
        errors = QLabel("\n".join(e.line(lang) for e in loaded.errors), self, objectName="roundListErrors")
        errors.setProperty("role", "error")
        errors.setWordWrap(True)
        errors.setVisible(bool(loaded.errors))
        buttons = QDialogButtonBox(self)
        admit = buttons.addButton(self.tr("Admit %1 people").replace("%1", str(len(loaded.entries))),
                                  QDialogButtonBox.ButtonRole.AcceptRole)
        admit.setObjectName("roundListAdmit")
        admit.setEnabled(bool(loaded.entries))
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        layout.addWidget(errors)
        layout.addWidget(buttons)
        self.resize(900, 600)
