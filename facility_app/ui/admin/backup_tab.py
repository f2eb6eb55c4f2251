"""Backup and restore (admins only), off the GUI thread with a busy bar.

A backup is the encrypted store as it is now (the same passphrase opens
it). A restore first checks the file with the passphrase, then asks, then
replaces the store (the current one is kept under backups/) and everyone
logs in again.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from care_core.domain import numbers
from ..dialogs import confirm, explain
from ..forms import ErrorLabel
from ..style import mark
from ..workers import run_async


def _busy_bar() -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, 0)
    bar.setMaximumHeight(12)
    bar.setTextVisible(False)
    bar.hide()
    return bar


class BackupTab(QWidget):
    def __init__(self, session, shell, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backupTab")
        self.session, self.shell = session, shell
        self.working = False
        # backup
        self.backup_box = QGroupBox()
        self.backup_intro = QLabel()
        self.backup_intro.setWordWrap(True)
        self.backup_path = QLineEdit(objectName="backupPath")
        self.backup_browse = QPushButton(objectName="backupBrowse")
        self.backup_button = mark(QPushButton(objectName="backupButton"), "primary")
        self.backup_busy = _busy_bar()
        self.backup_result = mark(QLabel(objectName="backupResult"), "hint")
        self.backup_result.setWordWrap(True)
        self.backup_error = ErrorLabel()
        row = QHBoxLayout()
        row.addWidget(self.backup_path, 1)
        row.addWidget(self.backup_browse)
        b = QVBoxLayout(self.backup_box)
        b.addWidget(self.backup_intro)
        b.addLayout(row)
        b.addWidget(self.backup_button)
        b.addWidget(self.backup_busy)
        b.addWidget(self.backup_result)
        b.addWidget(self.backup_error)
        # restore
        self.restore_box = QGroupBox()
        self.restore_intro = QLabel()
        self.restore_intro.setWordWrap(True)
        self.restore_path = QLineEdit(objectName="restorePath")
        self.restore_browse = QPushButton(objectName="restoreBrowse")
        self.restore_passphrase = QLineEdit(objectName="restorePassphrase")
        self.restore_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.restore_button = QPushButton(objectName="restoreButton")
        self.restore_busy = _busy_bar()
        self.restore_error = ErrorLabel()
        self.restore_labels = (QLabel(), QLabel())
        row2 = QHBoxLayout()
        row2.addWidget(self.restore_path, 1)
        row2.addWidget(self.restore_browse)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.restore_labels[0], row2)
        form.addRow(self.restore_labels[1], self.restore_passphrase)
        self.restore_labels[0].setBuddy(self.restore_path)
        self.restore_labels[1].setBuddy(self.restore_passphrase)
        r = QVBoxLayout(self.restore_box)
        r.addWidget(self.restore_intro)
        r.addLayout(form)
        r.addWidget(self.restore_button)
        r.addWidget(self.restore_busy)
        r.addWidget(self.restore_error)
        lay = QVBoxLayout(self)
        lay.addWidget(self.backup_box)
        lay.addWidget(self.restore_box)
        lay.addStretch(1)
        self.backup_browse.clicked.connect(self._choose_backup)
        self.restore_browse.clicked.connect(self._choose_restore)
        self.backup_button.clicked.connect(self.backup)
        self.restore_button.clicked.connect(self.check_restore)
        self.backup_path.setText(str(self._default_backup()))
        self.retranslate()

    def _default_backup(self) -> Path:
        folder = Path(self.session.services.store.data_dir) / "backups"
        return folder / f"backup-{datetime.now():%Y%m%d-%H%M}.db"

    def retranslate(self) -> None:
        self.backup_box.setTitle(self.tr("Back up"))
        self.backup_intro.setText(self.tr("Writes an encrypted copy of every record. Keep copies on a USB drive in "
                                    "another room; the same passphrase opens them."))
        self.backup_browse.setText(self.tr("C&hoose…"))
        self.backup_button.setText(self.tr("&Back up now"))
        self.restore_box.setTitle(self.tr("Restore"))
        self.restore_intro.setText(self.tr("Replaces every record on this computer with those in a backup. The "
                                     "current records are kept in the backups folder first. Everyone must log "
                                     "in again afterwards."))
        self.restore_labels[0].setText(self.tr("Backup &file"))
        self.restore_labels[1].setText(self.tr("Its &passphrase"))
        self.restore_browse.setText(self.tr("Ch&oose…"))
        self.restore_button.setText(self.tr("&Restore…"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _choose_backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Where to write the backup"), self.backup_path.text(),
                                              self.tr("Backups (*.db)"))
        if path:
            self.backup_path.setText(path)

    def _choose_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Backup to restore"), self.restore_path.text(),
                                              self.tr("Backups (*.db);;All files (*)"))
        if path:
            self.restore_path.setText(path)

    def _set_working(self, working: bool, bar: QProgressBar) -> None:
        self.working = working
        bar.setVisible(working)
        for w in (self.backup_button, self.restore_button, self.backup_browse, self.restore_browse):
            w.setEnabled(not working)

    # --- backup ---------------------------------------------------------------------------

    def backup(self) -> None:
        if self.working:
            return
        dest = Path(self.backup_path.text().strip()).expanduser()
        self.backup_error.show_text("")
        self.backup_result.setText("")
        if not self.backup_path.text().strip():
            self.backup_error.show_text(self.tr("Choose where to write the backup."))
            return
        if not dest.parent.is_dir():
            self.backup_error.show_text(self.tr("The folder {folder} does not exist.").format(folder=dest.parent))
            return
        s = self.session
        self._set_working(True, self.backup_busy)
        self.backup_result.setText(self.tr("Backing up… the program stays usable."))
        run_async(lambda: s.services.exports.backup(s.actor, dest), self._backed_up, self._backup_failed)

    def _backed_up(self, path) -> None:
        self._set_working(False, self.backup_busy)
        size = Path(path).stat().st_size / 1_000_000
        size_text = numbers.fmt(size, self.session.lang, fixed=True)
        self.backup_result.setText(self.tr("Backup written: {path} ({size} MB).").format(path=path, size=size_text))
        self.backup_path.setText(str(self._default_backup()))

    def _backup_failed(self, exc) -> None:
        self._set_working(False, self.backup_busy)
        self.backup_result.setText("")
        self.backup_error.show_text(explain(exc, self.session.lang))

    # --- restore ----------------------------------------------------------------------------

    def check_restore(self) -> None:
        if self.working:
            return
        self.restore_error.show_text("")
        source = Path(self.restore_path.text().strip()).expanduser()
        passphrase = self.restore_passphrase.text()
        if not self.restore_path.text().strip():
            self.restore_error.show_text(self.tr("Choose the backup file."))
            return
        if not passphrase:
            self.restore_error.show_text(self.tr("Type the passphrase of the backup."))
            return
        gate = self.shell.gate
        self._set_working(True, self.restore_busy)
        run_async(lambda: gate.check_backup(source, passphrase), lambda _r: self._ask(source, passphrase),
                  self._restore_failed, owner=self)

    def _ask(self, source: Path, passphrase: str) -> None:
        self._set_working(False, self.restore_busy)
        confirm(self, self.tr("Restore the backup?"),
                self.tr("Every record on this computer will be replaced by those in {file}. Changes made since "
                        "that backup will no longer be shown (the current records are kept in the backups "
                        "folder). Continue?").format(file=source.name),
                self.tr("Replace the records"), lambda: self.shell.restore(source, passphrase),
                self.tr("Do not restore"))

    def _restore_failed(self, exc) -> None:
        self._set_working(False, self.restore_busy)
        self.restore_error.show_text(explain(exc, self.session.lang))
