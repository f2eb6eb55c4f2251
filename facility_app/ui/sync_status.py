"""The status bar's sync area: "not configured", the last sync, changes waiting.

Counting the outbox reads the whole change log, so it runs off the GUI
thread, every minute and shortly after any change.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ..services.status import StatusService, SyncStatus
from .workers import run_async


class SyncStatusLabel(QLabel):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.service = StatusService(session.services.store)
        self.status: SyncStatus | None = None
        self._busy = False
        self._timer = QTimer(self, interval=60_000, timeout=self.refresh)
        self._timer.start()
        self._soon = QTimer(self, singleShot=True, interval=1500, timeout=self.refresh)
        session.sig_data_changed.connect(lambda _table: self._soon.start())
        self.retranslate()

    def refresh(self) -> None:
        if self._busy:
            return
        self._busy = True
        run_async(self.service.sync_status, self._shown, self._failed)

    def _shown(self, status: SyncStatus) -> None:
        self._busy = False
        self.status = status
        self.retranslate()

    def _failed(self, exc) -> None:
        self._busy = False
        from .dialogs import explain

        explain(exc, "en")  # logs an unexpected error; the label keeps its last text

    def retranslate(self) -> None:
        s = self.status
        if s is None:
            self.setText(self.tr("Sync: …"))
            return
        waiting = self.tr("{n} changes waiting to be sent").format(n=QLocale().toString(s.pending))
        if not s.configured:
            self.setText(self.tr("Sync not configured") + " · " + waiting)
            self.setToolTip(self.tr("This computer is not connected to the provincial server yet; every change "
                                    "is kept here and will be sent once sync is set up."))
            return
        if s.last_sync_at is None:
            last = self.tr("never synced")
        else:
            local = s.last_sync_at.astimezone()
            last = self.tr("last sync {time}").format(time=local.strftime("%H:%M %d/%m/%Y"))
        self.setText(last + " · " + waiting)
        self.setToolTip("")

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
