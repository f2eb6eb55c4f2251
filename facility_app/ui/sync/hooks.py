"""Where the main window meets sync: the status-bar area, a "Sync" menu
("Sync now" F5, "Conflicts and rejected changes…") and the background
worker, with one line in the main window to mount them and one each in its
lock, unlock and close paths.

The worker stops when the screen locks (resumes on unlock) and for good when
the window closes (quit, log-out, restore): ``MainWindow`` calls
``suspend``/``resume``, and the window's Close event, seen here, calls
``shutdown`` before the controller closes the store.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from .review import SyncReviewDialog
from .status_area import SyncStatusArea
from .worker import SyncWorker

RUNNER_OPTIONS: dict = {}  # tests shorten the engine's timeouts here


class SyncHooks(QObject):
    def __init__(self, main: QMainWindow):
        super().__init__(main)
        self.setObjectName("syncHooks")
        self.main = main
        self.session = main.session
        self.worker = SyncWorker(self.session, self, **RUNNER_OPTIONS)
        self.area = SyncStatusArea(self.session, self.worker)
        self.area.sig_review.connect(self.open_review)
        self.review: SyncReviewDialog | None = None

        self.act_sync = QAction(main, objectName="actSyncNow", shortcut=QKeySequence("F5"))
        self.act_sync.triggered.connect(self.sync_now)
        self.act_review = QAction(main, objectName="actSyncReview")
        self.act_review.triggered.connect(self.open_review)
        self.menu = QMenu(main.menuBar())
        self.menu.setObjectName("menuSync")
        self.menu.addActions([self.act_sync, self.act_review])
        before = getattr(main, "menu_language", None)
        if before is not None:
            main.menuBar().insertMenu(before.menuAction(), self.menu)
        else:
            main.menuBar().addMenu(self.menu)
        main.statusBar().addPermanentWidget(self.area, 1)
        for signal in (self.worker.sig_status, self.worker.sig_started, self.worker.sig_finished):
            signal.connect(self._enable)
        main.installEventFilter(self)
        self.retranslate()

    # --- texts ---------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("S&ync"))
        self.act_sync.setText(self.tr("Sync &now"))
        self.act_sync.setToolTip(self.tr("Send the changes saved here and receive the other PCs' changes now (F5)"))
        self.act_review.setText(self.tr("&Conflicts and rejected changes…"))
        self._enable()

    def _enable(self, *_args) -> None:
        s = self.worker.status
        self.act_sync.setEnabled(bool(s and s.enrolled and not s.revoked) and not self.worker.running)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt name
        if watched is self.main:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Close:
                self.shutdown()
        return False

    # --- what the main window calls ---------------------------------------------------------------

    def refresh(self) -> None:
        self.worker.refresh_status()

    def suspend(self) -> None:
        self.worker.suspend()  # an open review dialog is hidden and shown again by the main window

    def resume(self) -> None:
        self.worker.resume()

    def shutdown(self) -> None:
        self.worker.shutdown()

    # --- actions ------------------------------------------------------------------------------------

    def sync_now(self) -> bool:
        if getattr(self.main, "locked", False):
            return False
        return self.worker.sync_now()

    def open_review(self) -> SyncReviewDialog | None:
        if getattr(self.main, "locked", False):
            return None
        if self.review is not None:
            self.review.raise_()
            self.review.activateWindow()
            return self.review
        dialog = SyncReviewDialog(self.session, self.main)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_decided.connect(self._decided)
        dialog.finished.connect(lambda _r: self._review_closed(dialog))
        self.review = dialog
        dialog.open()
        return dialog

    def _decided(self, _table: str) -> None:
        self.worker.refresh_status()  # the screens heard what the decision wrote (session.perform)

    def _review_closed(self, dialog: SyncReviewDialog) -> None:
        self.review = None
        if dialog.decided:
            self.worker.sync_now()  # the server hears of the decisions now, not in five minutes


def add_sync(main: QMainWindow) -> SyncHooks:
    """Status area, Sync menu and worker for every role (a nurse's changes
    travel too; any role may see and start a sync)."""
    return SyncHooks(main)
