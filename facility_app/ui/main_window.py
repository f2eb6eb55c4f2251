"""The main window: resident list and Today panel, records in tabs, and the
lock that covers everything after inactivity.

Central widget: a stack of two pages, the work (tabs) and the lock page.
Locking shows the lock page and hides every dialog, so no patient detail
stays on screen; logging in again as the same person brings back exactly
what was open (typed but unsaved values included).
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QWidget,
)

from care_core.domain.permissions import Permission
from . import names, record_host
from .dialogs import inform, show_error
from .first_day import add_first_day
from .help import add_help
from .language_box import LANGUAGE_NAMES
from .reports.hooks import add_report_actions
from .resident_list import ResidentListWidget
from .rounds.hooks import add_round_actions
from .start.login import LoginWidget
from .sync.hooks import add_sync
from .style import fit_to_screen
from .today_panel import TodayPanel
from .workers import run_async


class MainWindow(QMainWindow):
    sig_lock = Signal()
    sig_logout = Signal()
    sig_language = Signal(str)
    sig_admin = Signal()
    sig_relogin = Signal(object)  # actor, from the lock page

    def __init__(self, session, facility_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.session = session
        self.facility_name = facility_name
        self.locked = False
        self._hidden_dialogs: list[QWidget] = []

        self.residents = ResidentListWidget(session)
        self.today = TodayPanel(session)
        self.residents.sig_open.connect(self.open_resident)
        self.today.sig_open.connect(self.open_resident)
        self.today.sig_typed.connect(self.residents.type_into_search)
        split = QSplitter(Qt.Orientation.Horizontal, objectName="homeSplit")
        split.addWidget(self.residents)
        split.addWidget(self.today)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([900, 466])
        split.setChildrenCollapsible(False)
        self.home = split
        self.tabs = QTabWidget(objectName="mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.addTab(self.home, "")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabCloseRequested.connect(self.close_tab)

        self.lock_page = LoginWidget(session.services, session.lang, locked=True)
        self.lock_page.sig_logged_in.connect(self.sig_relogin)
        self.stack = QStackedWidget(objectName="mainStack")
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self._centered(self.lock_page))
        self.setCentralWidget(self.stack)

        self._make_actions()
        self.user_label = QLabel(objectName="userLabel")
        self.statusBar().addWidget(self.user_label)
        # status-bar sync area, Sync menu and background worker (ui/sync/hooks.py)
        self.sync = add_sync(self)
        self.help_actions = add_help(self)  # F1 anywhere, Help > User guide (ui/help.py)
        self.first_day = add_first_day(self)  # checklist while the facility is empty (ui/first_day.py)
        session.sig_language_changed.connect(lambda lang: self._language_applied(lang))
        fit_to_screen(self, 1366, 768)
        self.retranslate()

    @staticmethod
    def _centered(widget: QWidget) -> QWidget:
        from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        widget.setMaximumWidth(560)
        row.addWidget(widget, 2)
        row.addStretch(1)
        outer.addLayout(row, 2)
        outer.addStretch(1)
        return page

    # --- actions and menus --------------------------------------------------------------

    def _make_actions(self) -> None:
        s = self.session
        self.act_admit = QAction(self, objectName="actAdmit", shortcut=QKeySequence("Ctrl+N"))
        self.act_admit.triggered.connect(self.admit)
        self.act_admit.setVisible(s.can(Permission.EDIT_RESIDENT))
        self.act_import = QAction(self, objectName="actImportResidents")
        self.act_import.triggered.connect(self.import_residents)
        self.act_import.setVisible(s.can(Permission.IMPORT_RESIDENTS))
        # the one Ctrl+F of the window (a second binding would make Qt ignore both)
        self.act_find = QAction(self, objectName="actFind", shortcut=QKeySequence("Ctrl+F"))
        self.act_find.triggered.connect(self.find_resident)
        self.act_lock = QAction(self, objectName="actLock", shortcut=QKeySequence("Ctrl+L"))
        self.act_lock.triggered.connect(self.sig_lock)
        self.act_logout = QAction(self, objectName="actLogout")
        self.act_logout.triggered.connect(self.sig_logout)
        self.act_quit = QAction(self, objectName="actQuit", shortcut=QKeySequence("Ctrl+Q"))
        self.act_quit.triggered.connect(self.close)
        self.act_admin = QAction(self, objectName="actAdmin")
        self.act_admin.triggered.connect(self.sig_admin)
        self.act_admin.setVisible(s.can(Permission.MANAGE_USERS) or s.can(Permission.EDIT_SETTINGS))
        self.act_close_tab = QAction(self, objectName="actCloseTab", shortcut=QKeySequence("Ctrl+W"))
        self.act_close_tab.triggered.connect(lambda: self.close_tab(self.tabs.currentIndex()))
        self.act_home = QAction(self, objectName="actHome", shortcut=QKeySequence("Ctrl+1"))
        self.act_home.triggered.connect(lambda: self.tabs.setCurrentIndex(0))
        self.act_about = QAction(self, objectName="actAbout")
        self.act_about.triggered.connect(self.about)
        self.addActions([self.act_close_tab, self.act_home])
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for code, name in LANGUAGE_NAMES:
            act = QAction(name, self, checkable=True, objectName=f"actLanguage_{code}")
            act.setChecked(code == s.lang)
            act.triggered.connect(lambda _checked=False, c=code: self.sig_language.emit(c))
            self.language_group.addAction(act)
            self.language_actions[code] = act

        bar = self.menuBar()
        self.menu_file = bar.addMenu("")
        self.menu_file.addActions([self.act_lock, self.act_logout])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_residents = bar.addMenu("")
        self.menu_residents.addActions([self.act_admit, self.act_find, self.act_home, self.act_close_tab])
        self.menu_residents.addSeparator()
        self.menu_residents.addAction(self.act_import)
        self.menu_admin = bar.addMenu("")
        self.menu_admin.addAction(self.act_admin)
        self.menu_admin.menuAction().setVisible(self.act_admin.isVisible())
        self.menu_language = bar.addMenu("")
        self.menu_language.addActions(list(self.language_actions.values()))
        self.menu_help = bar.addMenu("")
        self.menu_help.addAction(self.act_about)

        self.toolbar = QToolBar(objectName="mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.act_admit)
        self.toolbar.addAction(self.act_admin)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_lock)
        self.addToolBar(self.toolbar)
        # Reports menu and toolbar action, only for roles that run periodic reports (ui/reports/hooks.py)
        self.report_actions = add_report_actions(self)
        # Residents > Nursing rounds…, only in a merit-care centre (ui/rounds/hooks.py)
        self.round_actions = add_round_actions(self)

    def retranslate(self) -> None:
        title = self.tr("Residents' health records")
        self.setWindowTitle(f"{self.facility_name} · {title}" if self.facility_name else title)
        self.tabs.setTabText(0, self.tr("Residents and today"))
        for i in range(1, self.tabs.count()):
            self._close_button_tip(i)
        self.act_admit.setText(self.tr("&Admit a resident…"))
        self.act_admit.setToolTip(self.tr("Admit a new resident (Ctrl+N)"))
        self.act_import.setText(self.tr("&Import a list from Excel/CSV…"))
        self.act_import.setToolTip(self.tr("At go-live: read the residents' list kept in Excel, checked row by row"))
        self.act_find.setText(self.tr("&Find a resident"))
        self.act_find.setToolTip(self.tr("Go to the list and type part of a name (Ctrl+F)"))
        self.act_lock.setText(self.tr("&Lock the screen"))
        self.act_lock.setToolTip(self.tr("Hide every record until someone logs in (Ctrl+L)"))
        self.act_logout.setText(self.tr("Log &out"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_admin.setText(self.tr("A&dministration…"))
        self.act_admin.setToolTip(self.tr("Users, facility settings, language, backup"))
        self.act_close_tab.setText(self.tr("Close the record"))
        self.act_home.setText(self.tr("Back to the list"))
        self.act_about.setText(self.tr("&About"))
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_residents.setTitle(self.tr("&Residents"))
        self.menu_admin.setTitle(self.tr("Ad&ministration"))
        self.menu_language.setTitle(self.tr("Lan&guage"))
        self.menu_help.setTitle(self.tr("&Help"))
        a = self.session.actor
        self.user_label.setText(self.tr("Logged in: {user} ({role})").format(
            user=a.username, role=names.role(a.role, self.session.lang)))

    def changeEvent(self, event) -> None:
        # a window being torn down (its menus already deleted) has nothing left to translate;
        # PySide6 6.9 crashes on the error retranslating it would raise
        if event.type() == QEvent.Type.LanguageChange and shiboken6.isValid(self.menu_file):
            self.retranslate()
        super().changeEvent(event)

    def _language_applied(self, lang: str) -> None:
        for code, act in self.language_actions.items():
            act.setChecked(code == lang)
        self.lock_page.lang = lang
        self.retranslate()

    # --- start ----------------------------------------------------------------------------

    def load(self) -> None:
        """Fill the list, the Today panel and the sync status (all off the GUI
        thread); the list first, the others once it is shown."""
        self.residents.reload()
        self.residents.after_load(self.today.reload)
        self.residents.after_load(self.sync.refresh)
        self.residents.after_load(self._prepare_records)
        self.residents.focus_search()

    def _prepare_records(self) -> None:
        """While the nurse looks at the list: load the record screen's code
        (in idle moments) and prepare its queries (on a worker), so the
        first record opens as fast as the next ones. Nothing is shown; a
        failure here is the record screen's own to report when opened."""
        record_host.preload(busy=self.residents.typed_recently)
        run_async(self.session.services.clinical.warm_up, lambda _: None, lambda _exc: None, self)

    def find_resident(self) -> None:
        """Ctrl+F from anywhere: the list tab, its search box focused with its text selected."""
        if self.locked:
            return
        self.tabs.setCurrentIndex(0)
        self.residents.focus_search()

    # --- records in tabs ----------------------------------------------------------------------

    def open_resident(self, resident_id: str) -> None:
        if self.locked or not resident_id:
            return
        for i in range(1, self.tabs.count()):
            if getattr(self.tabs.widget(i), "resident_id_for_tab", None) == resident_id:
                self.tabs.setCurrentIndex(i)
                return
        title = self._title_of(resident_id)
        try:
            widget = record_host.make_record_widget(self.session, resident_id, title)
        except Exception as exc:  # the record screen refused (deleted resident, permission...)
            show_error(self, exc, self.session.lang)
            return
        widget.resident_id_for_tab = resident_id
        index = self.tabs.addTab(widget, title)
        self.tabs.setTabToolTip(index, title)
        self._close_button_tip(index)
        self.tabs.setCurrentIndex(index)

    def readmit_resident(self, resident_id: str) -> None:
        """Open the record of someone who comes back, on its Re-admit dialog."""
        self.open_resident(resident_id)
        widget = self.tabs.currentWidget()
        if getattr(widget, "resident_id_for_tab", None) == resident_id and hasattr(widget, "start_readmission"):
            widget.start_readmission()

    def _title_of(self, resident_id: str) -> str:
        for row in self.residents.model.rows():
            if row.id == resident_id:
                return row.full_name
        try:
            return self.session.services.residents.get(self.session.actor, resident_id).full_name
        except Exception:
            return resident_id

    def _close_button_tip(self, index: int) -> None:
        """Qt's own tab close button says "Close Tab" in English whatever the language."""
        button = self.tabs.tabBar().tabButton(index, self.tabs.tabBar().ButtonPosition.RightSide)
        if button is not None:
            button.setToolTip(self.tr("Close the record (Ctrl+W)"))

    def record_tabs(self) -> list[QWidget]:
        return [self.tabs.widget(i) for i in range(1, self.tabs.count())]

    def close_tab(self, index: int) -> None:
        if index <= 0:
            return
        widget = self.tabs.widget(index)
        asks = getattr(widget, "confirm_close", None)
        if callable(asks) and not asks():
            return
        self.tabs.removeTab(index)
        widget.deleteLater()

    # --- admission --------------------------------------------------------------------------------

    def admit(self) -> None:
        cls = record_host.admit_dialog_class()
        if cls is None:
            inform(self, self.tr("Admit a resident"),
                   self.tr("The admission form is not part of this version of the program."), warning=True)
            return
        dialog = cls(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if hasattr(dialog, "sig_open_record"):  # a person found by the duplicate check
            dialog.sig_open_record.connect(self.open_resident)
        if hasattr(dialog, "sig_readmit_record"):  # ... who comes back: a new stay on the old record
            dialog.sig_readmit_record.connect(self.readmit_resident)
        dialog.open()
        self._admit_dialog = dialog

    def import_residents(self) -> None:
        from .admin.import_dialog import ImportDialog

        dialog = ImportDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._import_dialog = dialog

    def about(self) -> None:
        inform(self, self.tr("About"), self.tr(
            "Health records for labour-social health-care facilities.\n"
            "Records are kept encrypted on this computer; see the user guide for backups."))

    # --- lock ------------------------------------------------------------------------------------------

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self._hidden_dialogs = [w for w in QApplication.topLevelWidgets()
                                if w is not self and w.isVisible() and isinstance(w, QDialog)]
        for w in self._hidden_dialogs:
            w.hide()
        for w in QApplication.topLevelWidgets():  # floating record windows, if any
            if w is not self and w.isVisible() and w.objectName() == "recordWindow":
                w.hide()
                self._hidden_dialogs.append(w)
        self.sync.suspend()
        self.stack.setCurrentIndex(1)
        self.menuBar().setEnabled(False)
        self.toolbar.hide()
        self.lock_page.reset(self.session.actor.username)

    def unlock(self) -> None:
        self.locked = False
        self.sync.resume()
        self.stack.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.toolbar.show()
        for w in self._hidden_dialogs:
            w.show()
        self._hidden_dialogs = []

    def discard_hidden(self) -> None:
        """Another person logged in: what the previous one left open goes."""
        for w in self._hidden_dialogs:
            w.close()
        self._hidden_dialogs = []
