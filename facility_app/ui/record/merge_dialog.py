"""Merge two records of one person made by mistake (doctors, directors,
admins: ``Permission.MERGE_RESIDENTS``).

Find the other record (the residents' search), read both side by side with
the records each holds, choose which one stays, for each identity field the
two records fill differently choose the right value, confirm the
consequences, and the merge runs off the GUI thread (``session.run``).

objectNames: mergeDialog, mergeSearch, mergeResults, mergeComparison,
mergeKeepThis, mergeKeepOther, mergeChoice_<field>, mergeRun, mergeCancel,
mergeError, mergeNote.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPushButton, QRadioButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from care_core.domain import merging
from care_core.domain.entities import Resident
from care_core.domain.messages import DomainError, label
from .. import dialogs, style


class MergeDialog(QDialog):
    """``.survivor_id`` holds the record that stayed, after a merge."""

    SEARCH_LIMIT = 20

    def __init__(self, session, resident: Resident, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.resident = resident
        self.other: Resident | None = None
        self.comparison: merging.Comparison | None = None
        self.survivor_id: str | None = None
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge duplicate records"))

        intro = QLabel(self.tr("Find the other record of %1 made by mistake (name, code, room or CCCD):")
                       .replace("%1", f"{resident.full_name} ({resident.code})"), self)
        intro.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setObjectName("mergeSearch")
        self.search.setPlaceholderText(self.tr("Type at least two letters"))
        self.search.textChanged.connect(self._find)
        self.results = QListWidget(self)
        self.results.setObjectName("mergeResults")
        self.results.setMaximumHeight(80)
        self.results.currentItemChanged.connect(self._chosen)

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("mergeComparison")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.keep_this = QRadioButton(self)
        self.keep_this.setObjectName("mergeKeepThis")
        self.keep_this.setChecked(True)
        self.keep_other = QRadioButton(self)
        self.keep_other.setObjectName("mergeKeepOther")
        self.keep_this.toggled.connect(self._survivor_changed)
        keep = QHBoxLayout()
        keep.addWidget(self.keep_this)
        keep.addWidget(self.keep_other)
        keep.addStretch(1)
        self.choices = QFormLayout()
        self.choice_boxes: dict[str, QComboBox] = {}
        self.note = QLabel(self)
        self.note.setObjectName("mergeNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(style.NOTICE_BOX)
        self.note.hide()
        self.error = QLabel(self)
        self.error.setObjectName("mergeError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(style.ERROR_BOX)
        self.error.hide()

        self.run_button = QPushButton(self.tr("Merge…"), self)
        self.run_button.setObjectName("mergeRun")
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.ask)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("mergeCancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.run_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.table, 1)
        layout.addLayout(keep)
        layout.addLayout(self.choices)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._show_keep_labels()
        self.resize(780, 720)

    # --- finding the other record -----------------------------------------------

    def _find(self, text: str) -> None:
        self.results.clear()
        if len(text.strip()) < 2:
            return
        try:
            found = self.session.services.residents.search(self.session.actor, text, self.SEARCH_LIMIT + 1)
        except Exception as exc:  # noqa: BLE001
            self._show_error(dialogs.explain(exc, self.session.lang))
            return
        for r in found:
            if r.id == self.resident.id:
                continue
            item = QListWidgetItem(f"{r.code} · {r.full_name} · {merging.show(r.birth_date, self.session.lang)}")
            item.setData(Qt.ItemDataRole.UserRole, r)
            self.results.addItem(item)

    def _chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        self.other = item.data(Qt.ItemDataRole.UserRole)
        self._compare()

    # --- the comparison ------------------------------------------------------------

    def _pair(self) -> tuple[Resident, Resident]:
        """(the record that stays, the one merged away), as chosen."""
        if self.keep_this.isChecked():
            return self.resident, self.other
        return self.other, self.resident

    def _survivor_changed(self, _checked: bool = False) -> None:
        if self.other is not None:
            self._compare()

    def _compare(self) -> None:
        survivor, other = self._pair()
        self.error.hide()
        try:
            self.comparison = self.session.services.residents.compare(self.session.actor, survivor.id, other.id)
        except DomainError as exc:
            self.comparison = None
            self.table.setRowCount(0)
            self._show_choices(())
            self._show_error(exc.message(self.session.lang))
            return
        lang = self.session.lang
        rows = merging.comparison_rows(self.comparison, lang)
        self.table.setHorizontalHeaderLabels([
            "", self.tr("Stays: %1").replace("%1", survivor.code), self.tr("Merged away: %1").replace("%1", other.code)])
        self.table.setRowCount(len(rows))
        for i, (what, mine, theirs, differs) in enumerate(rows):
            for j, text in enumerate((what, mine, theirs)):
                item = QTableWidgetItem(text)
                if differs:
                    item.setForeground(QBrush(QColor(style.ERROR_COLOUR)))
                self.table.setItem(i, j, item)
        self._show_choices(self.comparison.disputed)
        self.note.setText(self.tr("Every checkup, condition, rehabilitation session, referral, card and room of %1 "
                                  "moves to %2. Fields %2 leaves empty take the values of %1.")
                          .replace("%1", other.code).replace("%2", survivor.code))
        self.note.show()
        self.run_button.setEnabled(True)
        self._show_keep_labels()
        self.layout().activate()

    def _show_choices(self, disputed) -> None:
        """One choice per identity field the two records fill differently."""
        while self.choices.rowCount():
            self.choices.removeRow(0)
        self.choice_boxes = {}
        if not disputed or self.comparison is None:
            return
        survivor, other = self.comparison.survivor, self.comparison.other
        lang = self.session.lang
        for name in disputed:
            box = QComboBox(self)
            box.setObjectName(f"mergeChoice_{name}")
            box.addItem(merging.show(getattr(survivor, name), lang), merging.SURVIVOR)
            box.addItem(merging.show(getattr(other, name), lang), merging.OTHER)
            self.choice_boxes[name] = box
            self.choices.addRow(self.tr("%1 (the records differ):").replace("%1", label(name, lang)), box)

    def _show_keep_labels(self) -> None:
        other = self.other.code if self.other is not None else "…"
        self.keep_this.setText(self.tr("Keep this record (%1)").replace("%1", self.resident.code))
        self.keep_other.setText(self.tr("Keep the other record (%1)").replace("%1", other))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.run_button.setEnabled(False)

    # --- merging -------------------------------------------------------------------

    def choices_made(self) -> dict[str, str]:
        return {name: box.currentData() for name, box in self.choice_boxes.items()}

    def ask(self) -> None:
        if self.comparison is None:
            return
        survivor, other = self.comparison.survivor, self.comparison.other
        text = self.tr("%1 (%2) and %3 (%4) will become one record, %4. Every record of %2 moves to %4; "
                       "%2 disappears from the list and cannot be opened again. Who merged, when and what is "
                       "written to the log. This cannot be undone here. Merge them?")
        for key, value in (("%1", other.full_name), ("%2", other.code), ("%3", survivor.full_name),
                           ("%4", survivor.code)):
            text = text.replace(key, value)
        dialogs.confirm(self, self.tr("Merge two records?"), text, self.tr("Merge"), self.run,
                        no=self.tr("Do not merge"))

    def run(self) -> None:
        """The merge itself, off the GUI thread."""
        survivor, other = self.comparison.survivor, self.comparison.other
        choices = self.choices_made()
        residents, actor = self.session.services.residents, self.session.actor
        self.setEnabled(False)
        self.run_button.setText(self.tr("Merging…"))
        self.session.run(lambda: residents.merge(actor, survivor.id, other.id, choices), self._done, self._failed,
                         owner=self)

    def _done(self, survivor: Resident) -> None:
        self.survivor_id = survivor.id
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        self.run_button.setText(self.tr("Merge…"))
        self._show_error(dialogs.explain(exc, self.session.lang))
