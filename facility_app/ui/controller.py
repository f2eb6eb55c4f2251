"""The program's course: set-up wizard or unlock, login, main window, auto-lock,
log-out, language, restore. Holds the open services and the store key
(in memory only) for as long as the program runs."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication

from ..services.startup import StoreGate
from . import i18n
from .autolock import IdleWatcher
from .dialogs import show_error
from .help import install_f1
from .workers import run_async
from .keystore import KeyStore
from .main_window import MainWindow
from .session import Session
from .start.login import LoginWidget
from .start.unlock import UnlockWidget
from .start.window import StartWindow
from .start.wizard import SetupWizard

DEFAULT_LOCK_MINUTES = 10


class AppController(QObject):
    sig_main_window = Signal(object)  # a main window was shown (tests, benchmarks)

    def __init__(self, data_dir: Path, lang: str = "vi", today: Callable[[], date] = date.today,
                 keystore: KeyStore | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.gate = StoreGate(Path(data_dir), today)
        self.keystore = keystore or KeyStore(Path(data_dir))
        self.lang = lang
        self.services = None
        self.key = None
        self.session: Session | None = None
        self.main: MainWindow | None = None
        self.wizard: SetupWizard | None = None
        self.start_window: StartWindow | None = None
        self.admin_dialog = None
        self.idle = IdleWatcher(DEFAULT_LOCK_MINUTES * 60, self)
        self.idle.sig_idle.connect(self.lock)

    # --- start ------------------------------------------------------------------------------

    def start(self) -> None:
        install_f1(QApplication.instance())  # the user guide from any screen, set-up and login included
        if self.gate.exists():
            self._show_unlock()
        else:
            self.wizard = SetupWizard(self.gate, self.lang)
            self.wizard.sig_created.connect(self._created)
            self.wizard.rejected.connect(self._wizard_cancelled)
            self.wizard.intro.language.sig_chosen.connect(self.set_language)
            self.wizard.show()

    def _wizard_cancelled(self) -> None:
        if self.services is None:
            QApplication.instance().quit()

    def _start_window(self) -> StartWindow:
        if self.start_window is None:
            unlock = UnlockWidget(self.gate, self.keystore, self.lang)
            unlock.sig_unlocked.connect(self._unlocked)
            self.start_window = StartWindow(unlock, self.lang)
            self.start_window.sig_language.connect(self.set_language)
        return self.start_window

    def _show_unlock(self) -> None:
        window = self._start_window()
        window.set_facility("")
        window.show_unlock()
        window.show()
        window.unlock.start()

    def _created(self, services, key) -> None:
        self.wizard = None
        self._unlocked(key, services)

    def _unlocked(self, key, services) -> None:
        self.key, self.services = key, services
        window = self._start_window()
        facility = services.facility.get()
        window.set_facility(facility.name if facility else "")
        login = LoginWidget(services, self.lang)
        login.sig_logged_in.connect(self._logged_in)
        window.show_login(login)
        window.show()
        window.raise_()
        window.activateWindow()

    def _logged_in(self, actor) -> None:
        self.session = Session(self.services, actor, self.lang)
        facility = self.services.facility.get()
        self.main = MainWindow(self.session, facility.name if facility else "")
        self.main.sig_lock.connect(self.lock)
        self.main.sig_logout.connect(self.logout)
        self.main.sig_language.connect(self.set_language)
        self.main.sig_admin.connect(self.open_admin)
        self.main.sig_relogin.connect(self._relogged_in)
        self.session.sig_changes.connect(self._changed)
        self.main.show()
        self.main.load()
        if self.start_window is not None:
            self.start_window.hide()
        self._apply_lock_minutes()
        self.idle.arm()
        self.sig_main_window.emit(self.main)

    def _apply_lock_minutes(self) -> None:
        facility = self.services.facility.get() if self.services else None
        minutes = getattr(facility, "auto_lock_minutes", None) or DEFAULT_LOCK_MINUTES
        self.idle.set_timeout(minutes * 60)

    def _changed(self, changes) -> None:
        if changes.touches("facility"):
            self._apply_lock_minutes()

    # --- lock, log out --------------------------------------------------------------------------

    def lock(self) -> None:
        if self.main is None:
            return
        self.idle.disarm()
        self.main.lock()

    def _relogged_in(self, actor) -> None:
        if self.main is None:
            return
        if actor.username == self.session.actor.username:
            self.main.unlock()
        else:  # someone else: a fresh window, nothing of the previous user's left open
            self.main.discard_hidden()
            self._close_main()
            self._logged_in(actor)
            return
        self.idle.arm()

    def logout(self) -> None:
        self._close_main()
        self.idle.disarm()
        self._unlocked(self.key, self.services)

    def _close_main(self) -> None:
        if self.admin_dialog is not None:
            self.admin_dialog.close()
            self.admin_dialog = None
        if self.main is not None:
            main, self.main = self.main, None
            main.close()
            main.deleteLater()
        self.session = None

    # --- language ----------------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        if lang not in i18n.LANGUAGES:
            return
        self.lang = lang
        i18n.install(lang)
        i18n.save_language(lang)
        if self.start_window is not None:
            self.start_window.language.set_language(lang)
            self.start_window.unlock.lang = lang
            if self.start_window.login is not None:
                self.start_window.login.lang = lang
        if self.wizard is not None:
            self.wizard.lang = lang
            self.wizard.intro.language.set_language(lang)
        if self.session is not None:
            self.session.lang = lang
            self.session.sig_language_changed.emit(lang)

    # --- administration --------------------------------------------------------------------------------

    def open_admin(self) -> None:
        from .admin.dialog import AdminDialog

        if self.admin_dialog is not None:
            self.admin_dialog.raise_()
            return
        self.admin_dialog = AdminDialog(self.session, self, self.main)
        self.admin_dialog.finished.connect(lambda _r: setattr(self, "admin_dialog", None))
        self.admin_dialog.open()

    def key_remembered(self) -> bool:
        return bool(self.keystore.get())

    def remember_key(self, on: bool) -> None:
        if on:
            self.keystore.set(self.gate.key_hex(self.key))
        else:
            self.keystore.delete()

    def restore(self, backup_file: Path, passphrase: str) -> None:
        """Replace the store with a checked backup (the admin confirmed), then
        everyone logs in again on the restored records."""
        self._close_main()
        self.idle.disarm()
        if self.services is not None:
            self.services.close()
            self.services = None
        window = self._start_window()
        window.show_busy(QCoreApplication.translate(
            "AppController", "Restoring the backup… Please wait and do not turn the computer off."))
        window.show()
        gate = self.gate

        def work():
            key = gate.restore(backup_file, passphrase)
            return key, gate.open(key)

        def done(result):
            key, services = result
            if self.keystore.get():
                self.keystore.set(gate.key_hex(key))
            self._unlocked(key, services)

        def failed(exc):  # the current store is untouched or kept under backups/: reopen what is there
            try:
                services = gate.open(self.key)
            except Exception:
                self._show_unlock()
                show_error(self.start_window, exc, self.lang)
                return
            self._unlocked(self.key, services)
            show_error(self.start_window, exc, self.lang)

        run_async(work, done, failed)

    def shutdown(self) -> None:
        self.idle.stop()
        if self.services is not None:
            self.services.close()
            self.services = None

    def show_error(self, exc: BaseException) -> None:
        show_error(self.main or self.start_window, exc, self.lang)
