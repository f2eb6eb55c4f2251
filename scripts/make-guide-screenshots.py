"""Make the user guide's screenshots from the real app, so they stay current.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make-guide-screenshots.py [--out docs/guide-images]

Builds two throw-away encrypted stores in a temp folder (a demo facility with
generated residents and the demo accounts, and an empty one), drives the real
windows offscreen at 1366x768 in Vietnamese and English, and saves
<out>/<lang>/{login,first-day,main,checkup,conditions}.png (windows scaled
to 1000 px wide; the login box as it is). Every name on them is generated demo data. Then run
scripts/make-guide-pdf.py for the printable guide.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget  # noqa: E402

from care_core.domain.entities import Actor, Facility  # noqa: E402
from care_core.domain.enums import FacilityType, Role  # noqa: E402
from facility_app import demo  # noqa: E402
from facility_app.services.container import Services  # noqa: E402
from facility_app.storage.store import Store  # noqa: E402
from facility_app.ui import i18n, style, workers  # noqa: E402
from facility_app.ui.controller import AppController  # noqa: E402

TODAY = date(2026, 11, 20)
PASSPHRASE = "guide screenshots 2026"
ADMIN_PASSWORD = "admin-guide-2026"
SYSTEM = Actor("facility-admin", Role.SYSTEM)
WIDTH = 1000


def wait(condition, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError(condition)
        QApplication.processEvents()
        time.sleep(0.01)


def settle() -> None:
    wait(lambda: workers.pending() == 0)
    for _ in range(5):
        QApplication.processEvents()


def make_store(folder: Path, residents: int) -> None:
    services = Services(Store.create(folder, PASSPHRASE), today=lambda: TODAY)
    try:
        services.facility.initialise(SYSTEM, Facility(
            "TTBTXH-LS", "Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn", FacilityType.SOCIAL_ASSISTANCE, province_code=20))
        services.users.add(SYSTEM, "admin", "Quản trị hệ thống", Role.ADMIN, ADMIN_PASSWORD)
        if residents:
            demo.generate(services, SYSTEM, residents, seed=7, today=TODAY)
            demo.add_demo_accounts(services, SYSTEM)
    finally:
        services.close()


def save(widget: QWidget, path: Path) -> None:
    settle()
    pixmap = widget.grab()
    pixmap.setDevicePixelRatio(1.0)
    scaled = pixmap.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation) if pixmap.width() > WIDTH else pixmap
    path.parent.mkdir(parents=True, exist_ok=True)
    if not scaled.save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def log_in(controller: AppController, username: str, password: str, shot: Path | None = None):
    controller.start()
    window = controller.start_window
    wait(lambda: window.login is not None and window.pages.currentWidget() is window.login)
    window.resize(1366, 768)
    window.login.username.setText(username)
    if shot is not None:
        window.login.password.setText("•")
        window.login.password.clear()
        window.login.password.setFocus()
        save(window.login, shot)  # the login box, not the empty screen around it
    window.login.password.setText(password)
    window.login.button.click()
    wait(lambda: controller.main is not None)
    main = controller.main
    main.resize(1366, 768)
    main.show()
    wait(lambda: main.today.current is not None and not main.residents.loading)
    settle()
    return main


def pick_resident(controller: AppController) -> str:
    """A present resident with chronic conditions (demo data, generated)."""
    s, actor = controller.services, controller.session.actor
    for r in sorted(s.residents.list(actor), key=lambda r: r.code):
        if r.discharge_date is None and len(s.clinical.timeline(actor, r.id).conditions) >= 2:
            return r.id
    raise SystemExit("no resident with conditions in the demo data")


def shots(lang: str, demo_dir: Path, empty_dir: Path, out: Path) -> None:
    i18n.install(lang)
    nurse = next(a for a in demo.DEMO_ACCOUNTS if a.role == Role.NURSE)

    controller = AppController(demo_dir, lang, today=lambda: TODAY)
    main = log_in(controller, nurse.username, nurse.password, out / lang / "login.png")
    main.residents.focus_search()
    main.residents.search.setText("nguyen")
    save(main, out / lang / "main.png")
    main.residents.search.clear()

    main.open_resident(pick_resident(controller))
    record = main.tabs.currentWidget()
    record.tabs.setCurrentWidget(record.checkups)
    record.findChild(QPushButton, "checkupNew").click()
    for name, text in {"checkupSystolic": "135", "checkupDiastolic": "85", "checkupPulse": "78",
                       "checkupSpo2": "97"}.items():
        box = record.findChild(QLineEdit, name)
        if box is not None:
            box.setText(text)
    save(main, out / lang / "checkup.png")
    record.tabs.setCurrentWidget(record.conditions)
    save(main, out / lang / "conditions.png")
    controller.shutdown()
    close_all()

    controller = AppController(empty_dir, lang, today=lambda: TODAY)
    main = log_in(controller, "admin", ADMIN_PASSWORD)
    save(main, out / lang / "first-day.png")
    controller.shutdown()
    close_all()


def close_all() -> None:
    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()
    settle()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "guide-images"))
    args = parser.parse_args()
    out = Path(args.out).resolve()
    with tempfile.TemporaryDirectory(prefix="guide-shots-") as tmp:
        tmp = Path(tmp)
        qm = tmp / "qm"
        qm.mkdir()
        lrelease = Path(sys.executable).parent / "pyside6-lrelease"
        for ts in sorted((ROOT / "translations").glob("*.ts")):
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm / (ts.stem + ".qm"))], check=True)
        os.environ[i18n.DIR_ENV] = str(qm)
        os.environ.pop("FACILITY_APP_PASSPHRASE", None)
        os.environ["FACILITY_APP_PASSPHRASE"] = PASSPHRASE  # skips the unlock step, as the demo launcher does
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
        app = QApplication.instance() or QApplication(sys.argv[:1])
        style.apply(app)
        make_store(tmp / "demo", residents=40)
        make_store(tmp / "empty", residents=0)
        for lang in ("vi", "en"):
            shots(lang, tmp / "demo", tmp / "empty", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
