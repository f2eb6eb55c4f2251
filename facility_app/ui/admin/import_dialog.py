"""Import a list of residents from Excel or CSV (go-live), with a preview.

Choose the file; it is read and checked off the GUI thread
(``ImportService.check``, nothing written) and every row is shown: new,
changed, already there, or with its problems, the cells at fault marked. "Import"
writes the valid rows in one transaction (``ImportService.run``); with
problems left it is allowed only when the person ticks "leave out the rows
with errors". The columns are those of ``export residents`` (docs/import.md).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.imports import ImportPlan
from ...services.resident_file import column_name
from .. import dialogs, style, workers

SHOWN = ("code", "full_name", "birth_date", "cccd")
BAD_CELL = QColor("#fde7e9")


class ImportDialog(QDialog):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.plan: ImportPlan | None = None
        self.imported: ImportPlan | None = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import a list of residents"))
        lang = session.lang
        intro = QLabel(self.tr("Choose an Excel (.xlsx) or CSV file with the columns of the residents' export. "
                               "Nothing is written until you press Import, and then only if every row is valid "
                               "(or you choose to leave out the rows with errors)."), self, wordWrap=True)
        self.choose_button = QPushButton(self.tr("Choose a file…"), self, objectName="importChoose")
        self.choose_button.clicked.connect(self.choose)
        self.file_label = QLabel(self, objectName="importFile")
        self.summary = QLabel(self, objectName="importSummary", wordWrap=True)
        self.table = QTableWidget(0, len(SHOWN) + 2, self, objectName="importPreview")
        self.table.setHorizontalHeaderLabels([self.tr("Row"), *(column_name(a, lang) for a in SHOWN), self.tr("Result")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.errors = QPlainTextEdit(self, objectName="importErrors", readOnly=True)
        self.errors.setMaximumHeight(140)
        self.errors.hide()
        self.skip_invalid = QCheckBox(self.tr("Leave out the rows with errors and import the others"), self,
                                      objectName="importSkipInvalid")
        self.skip_invalid.toggled.connect(self._update_buttons)
        self.import_button = QPushButton(self.tr("Import"), self, objectName="importRun")
        self.import_button.clicked.connect(self.run)
        self.close_button = QPushButton(self.tr("Close"), self, objectName="importClose")
        self.close_button.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip_invalid, 1)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.errors)
        layout.addLayout(bottom)
        self._busy = False
        self._update_buttons()
        self.resize(980, 600)

    # --- choosing and checking --------------------------------------------------------

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the list to import"), "",
                                              self.tr("Excel or CSV (*.xlsx *.csv)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read and check ``path`` off the GUI thread, then show the preview."""
        self.path, self.plan, self.imported = Path(path), None, None
        self.file_label.setText(self.path.name)
        self.summary.setText(self.tr("Reading and checking the file…"))
        self.table.setRowCount(0)
        self.errors.hide()
        self._set_busy(True)
        imports, actor = self.session.services.imports, self.session.actor
        workers.run_async(lambda: imports.check(actor, self.path), self._checked, self._failed, owner=self)

    def _checked(self, plan: ImportPlan) -> None:
        self._set_busy(False)
        self.plan = plan
        lang = self.session.lang
        results = {"new": self.tr("New"), "changed": self.tr("Changed"), "same": self.tr("Already there"),
                   "invalid": self.tr("Has errors")}
        bad = {}
        for e in plan.errors:
            bad.setdefault(e.row, set()).add(e.column)
        self.table.setRowCount(len(plan.rows))
        for i, row in enumerate(plan.rows):
            cells = [str(row.row), *(row.cells.get(a, "") for a in SHOWN), results[row.action]]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if row.action == "invalid" and (j == len(cells) - 1 or (0 < j <= len(SHOWN) and SHOWN[j - 1] in bad.get(row.row, ()))):
                    item.setBackground(QBrush(BAD_CELL))
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        if plan.errors:
            self.errors.setPlainText("\n".join(e.line(lang) for e in plan.errors))
            self.errors.show()
            self.summary.setStyleSheet(style.ERROR_BOX)
            self.summary.setText(self.tr("%1 problems (listed below). %2.").replace("%1", str(len(plan.errors)))
                                 .replace("%2", plan.summary(lang)))
        else:
            self.summary.setStyleSheet(style.OK_BOX)
            self.summary.setText(self.tr("Every row is valid: %1. Press Import to write them.").replace("%1", plan.summary(lang)))
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.summary.setStyleSheet(style.ERROR_BOX)
        self.summary.setText(dialogs.explain(exc, self.session.lang))
        self._update_buttons()

    # --- importing -------------------------------------------------------------------

    def can_import(self) -> bool:
        p = self.plan
        if self._busy or p is None or self.imported is not None or p.file_errors or not p.rows:
            return False
        return not p.errors or self.skip_invalid.isChecked()

    def run(self) -> None:
        if not self.can_import():
            return
        self._set_busy(True)
        self.summary.setText(self.tr("Importing…"))
        imports, actor, path, skip = self.session.services.imports, self.session.actor, self.path, self.skip_invalid.isChecked()
        self.session.run(lambda: imports.run(actor, path, skip), self._done, self._failed, owner=self)

    def _done(self, plan: ImportPlan) -> None:
        self._set_busy(False)
        self.imported = plan
        self.summary.setStyleSheet(style.OK_BOX)
        self.summary.setText(self.tr("Imported: %1.").replace("%1", plan.summary(self.session.lang)))
        self._update_buttons()

    def _set_busy(self, on: bool) -> None:
        self._busy = on
        self.choose_button.setEnabled(not on)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        self.import_button.setEnabled(self.can_import())
        self.skip_invalid.setEnabled(bool(self.plan and self.plan.errors and not self.plan.file_errors))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # Enter never imports by accident
            return
        super().keyPressEvent(event)
