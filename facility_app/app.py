"""facility-app: the nurse's and director's desktop program (wiring only).

    facility-app [--data-dir DIR] [--lang vi|en] [--version] [--self-test]

First run without a store opens the set-up wizard; later runs unlock, then
log in. ``FACILITY_APP_PASSPHRASE`` in the environment skips typing the
passphrase (the demo launcher sets it; a kiosk convenience) but never the
login.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys

FALLBACK_VERSION = "0.1.0"
DIST_NAME = "facility-health-records"
PROBE_LOGIN_ENV = "FACILITY_APP_PROBE_LOGIN"  # --startup-probe list only


def version() -> str:
    from importlib.metadata import PackageNotFoundError, version as dist_version

    try:
        return dist_version(DIST_NAME)
    except PackageNotFoundError:
        return FALLBACK_VERSION


def build_parser() -> argparse.ArgumentParser:
    from . import paths

    p = argparse.ArgumentParser(prog="facility-app",
                                description="Hồ sơ sức khỏe đối tượng / Residents' health records")
    p.add_argument("--data-dir", help=f"data folder (env {paths.DATA_DIR_ENV}; default: the user data folder)")
    p.add_argument("--lang", choices=["vi", "en"], help="language (default: the last one chosen, else vi)")
    p.add_argument("--version", action="store_true", help="print the version and exit")
    p.add_argument("--self-test", action="store_true", help="check the installation and exit")
    p.add_argument("--startup-probe", nargs="?", const="window", choices=["window", "list"],
                   help="start-up benchmarks: quit once the first window is shown, or (list) once the "
                        "resident list is shown, unlocking and logging in from the environment "
                        f"({PROBE_LOGIN_ENV}=user:password)")
    return p


def _self_test() -> int:
    if importlib.util.find_spec(f"{__package__}.selftest") is None:
        print("self-test: this build has no self-test module", file=sys.stderr)
        return 2
    module = importlib.import_module(f"{__package__}.selftest")
    return int(module.run() or 0)


def admin_main(argv: list[str] | None = None) -> int:
    """facility-admin: ``--self-test`` checks the installation from a console
    (the store, a report, the translations; no window), anything else is the
    command line tool. Here, not in ``cli``, as the self-test also loads Qt."""
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--self-test"]:
        from . import selftest

        return int(selftest.run(program="facility-admin", only=selftest.ADMIN_CHECKS) or 0)
    from .cli.main import main as cli_main

    return cli_main(argv)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.version:
        print(f"facility-app {version()}")
        return 0
    if args.self_test:
        return _self_test()
    return _run_gui(args)


def _run_gui(args) -> int:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from . import logs, paths
    from .ui import i18n, style
    from .ui.controller import AppController
    from .ui.dialogs import show_error

    data = paths.data_dir(args.data_dir)
    log = logs.setup(paths.log_dir(data))
    log.info("facility-app %s started (%s)", version(), sys.platform)
    QCoreApplication.setOrganizationName("VNSocialCare")
    QCoreApplication.setApplicationName("FacilityHealth")
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply(app)
    lang = args.lang or os.environ.get("FACILITY_APP_LANG") or i18n.saved_language()
    i18n.install(lang)
    controller = AppController(data, lang)

    def excepthook(kind, exc, tb):  # never a traceback on a nurse's screen
        if issubclass(kind, KeyboardInterrupt):
            app.quit()
            return
        exc.__traceback__ = tb
        show_error(None, exc, controller.lang)

    sys.excepthook = excepthook
    controller.start()
    if args.startup_probe == "list":
        _quit_when_list_shown(app, controller)
    elif args.startup_probe:
        _quit_when_shown(app)
    try:
        code = app.exec()
        log.info("facility-app stopped: exit %d", code)
        return code
    finally:
        controller.shutdown()


def _quit_when_shown(app) -> None:
    """``--startup-probe``: print which window is up, then quit (benchmarks/frozen.py)
    once no background task (an unlock started from the environment) is running."""
    from PySide6.QtCore import QTimer

    from .ui import workers

    def check():
        shown = [w for w in app.topLevelWidgets() if w.isVisible()]
        if not shown:
            QTimer.singleShot(10, check)
            return
        print(f"startup-probe: {shown[0].objectName() or type(shown[0]).__name__} shown", flush=True)
        quit_when_idle()

    def quit_when_idle():
        if workers.pending():
            QTimer.singleShot(20, quit_when_idle)
            return
        app.quit()

    QTimer.singleShot(0, check)


def _quit_when_list_shown(app, controller) -> None:
    """``--startup-probe list``: log in as ``FACILITY_APP_PROBE_LOGIN`` once the
    login screen is up (the passphrase comes from ``FACILITY_APP_PASSPHRASE``),
    print when the main window's resident list holds rows, then quit."""
    from PySide6.QtCore import QTimer

    from .ui.start.login import LoginWidget
    from .ui.workers import pending

    username, _, password = os.environ.get(PROBE_LOGIN_ENV, "").partition(":")

    def log_in():
        login = next((w for w in app.allWidgets() if isinstance(w, LoginWidget) and w.isVisible()), None)
        if login is None:
            QTimer.singleShot(10, log_in)
            return
        login.username.setText(username)
        login.password.setText(password)
        login.submit()

    def listed(main):
        residents = main.residents
        if residents.loading or residents.model.rowCount() == 0:
            QTimer.singleShot(5, lambda: listed(main))
            return
        residents.table.viewport().repaint()
        print(f"startup-probe: list shown ({residents.model.rowCount()} residents)", flush=True)
        quit_when_idle()

    def quit_when_idle():
        if pending():
            QTimer.singleShot(20, quit_when_idle)
            return
        app.quit()

    controller.sig_main_window.connect(listed)
    QTimer.singleShot(0, log_in)


if __name__ == "__main__":
    sys.exit(main())
