"""Where the main window meets the reports: a "Reports" menu with "Periodic
report…", also on the toolbar, for the roles that may run periodic reports
(director, admin); nothing at all for the others.

Kept here so the main window needs one line; the action keeps its text in
the current language by watching the window's LanguageChange events.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from care_core.domain.permissions import Permission

translate = QCoreApplication.translate


class ReportActions(QObject):
    def __init__(self, main: QMainWindow):
        super().__init__(main)
        self.setObjectName("reportActions")
        self.main = main
        self.session = main.session
        self.dialog = None
        self.act_periodic = QAction(main, objectName="actPeriodicReport", shortcut=QKeySequence("Ctrl+R"))
        self.act_periodic.triggered.connect(self.open_periodic)
        self.menu = QMenu(main.menuBar())
        self.menu.setObjectName("menuReports")
        self.menu.addAction(self.act_periodic)
        before = getattr(main, "menu_admin", None)
        if before is not None:
            main.menuBar().insertMenu(before.menuAction(), self.menu)
        else:
            main.menuBar().addMenu(self.menu)
        toolbar = getattr(main, "toolbar", None)
        if toolbar is not None:
            admin = getattr(main, "act_admin", None)
            if admin is not None and admin in toolbar.actions():
                toolbar.insertAction(admin, self.act_periodic)
            else:
                toolbar.addAction(self.act_periodic)
        main.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(translate("ReportActions", "Re&ports"))
        self.act_periodic.setText(translate("ReportActions", "&Periodic report…"))
        self.act_periodic.setToolTip(translate("ReportActions",
                                               "Preview, print or save the facility's periodic health report (Ctrl+R)"))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.main and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def open_periodic(self):
        """The dialog (one at a time; a second press brings it forward)."""
        if getattr(self.main, "locked", False):
            return None
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        from .periodic_dialog import PeriodicReportDialog

        dialog = PeriodicReportDialog(self.session, self.main)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog


def add_report_actions(main: QMainWindow) -> ReportActions | None:
    """The Reports menu for a director or admin; None for everyone else."""
    if not main.session.can(Permission.RUN_PERIODIC_REPORT):
        return None
    return ReportActions(main)
