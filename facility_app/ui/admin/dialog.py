"""Administration: one window, a tab per subject, each shown only to the
roles that may use it (the services refuse anyway)."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from care_core.domain.permissions import Permission
from ..style import fit_to_screen
from ..sync.admin_tab import SyncTab, may_enrol
from .backup_tab import BackupTab
from .general_tab import GeneralTab
from .settings_tab import SettingsTab
from .users_tab import UsersTab


class AdminDialog(QDialog):
    def __init__(self, session, shell, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("adminDialog")
        self.session = session
        self.tabs = QTabWidget(objectName="adminTabs")
        self.users = UsersTab(session) if session.can(Permission.MANAGE_USERS) else None
        self.settings = SettingsTab(session) if session.can(Permission.EDIT_SETTINGS) else None
        self.general = GeneralTab(session, shell)
        self.backup = BackupTab(session, shell) if session.can(Permission.BACKUP_RESTORE) else None
        self.sync = SyncTab(session) if may_enrol(session) else None  # enrolment (ui/sync/admin_tab.py)
        for tab in (self.users, self.settings, self.general, self.backup, self.sync):
            if tab is not None:
                self.tabs.addTab(tab, "")
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("adminClose")
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(self.buttons)
        fit_to_screen(self, 980, 680)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Administration"))
        titles = {id(self.users): self.tr("&Users"), id(self.settings): self.tr("&Facility settings"),
                  id(self.general): self.tr("&Language and unlocking"), id(self.backup): self.tr("&Backup and restore")}
        if self.sync is not None:
            titles[id(self.sync)] = self.sync.title()
        for i in range(self.tabs.count()):
            self.tabs.setTabText(i, titles[id(self.tabs.widget(i))])
        self.close_button.setText(self.tr("&Close"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
