"""The first-day checklist and the user guide at 150 % scaling on a 1366x768
screen (911x512 logical pixels), in Vietnamese and English: they fit, and
the checklist's texts are not cut. A child process, as Qt's scale factor is
fixed at start (see tests/test_ui_scaling.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from tests.ui_shell_fixtures import ROOT, qm_folder, screenshots  # noqa: F401 - fixtures

CHILD = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QLabel, QPushButton
    app = QApplication([])
    from care_core.domain.enums import Role
    from facility_app.ui import help as guide, i18n, style
    from facility_app.ui.controller import AppController
    from tests.conftest import PASSPHRASE, SYSTEM, TODAY, make_services
    from tests.ui_shell_fixtures import PASSWORD

    data, shots = Path(sys.argv[1]), Path(sys.argv[2])
    services = make_services(data)
    services.users.add(SYSTEM, "admin", "Quản trị", Role.ADMIN, PASSWORD)
    services.close()
    style.apply(app)

    def wait(done, seconds=30):
        end = time.time() + seconds
        while not done():
            app.processEvents()
            if time.time() > end:
                raise SystemExit("timeout")
            time.sleep(0.01)

    def settle():
        for _ in range(10):
            app.processEvents()
            time.sleep(0.02)

    out = {"screen": list(app.primaryScreen().availableGeometry().size().toTuple())}
    def record(name, widget):
        settle()
        widget.grab().save(str(shots / f"{name}-150pct.png"))
        out[name] = {"size": list(widget.size().toTuple()), "min": list(widget.minimumSizeHint().toTuple())}

    for lang in ("vi", "en"):
        i18n.install(lang)
        controller = AppController(data, lang, today=lambda: TODAY)
        controller.start()
        window = controller.start_window
        window.unlock.passphrase.setText(PASSPHRASE)
        window.unlock.submit()
        wait(lambda: window.login is not None and window.pages.currentWidget() is window.login)
        window.login.username.setText("admin"); window.login.password.setText(PASSWORD); window.login.submit()
        wait(lambda: controller.main is not None)
        main = controller.main
        checklist = main.first_day
        wait(lambda: checklist.isVisible())
        record(f"first-day-{lang}", main)
        # a text is cut when its widget is narrower than its shortest form, or lower than its wrapped lines
        cut = [w.text() for w in checklist.findChildren(QPushButton) + checklist.findChildren(QLabel)
               if w.isVisible() and (w.width() < w.minimumSizeHint().width()
                                     or (w.hasHeightForWidth() and w.height() < w.heightForWidth(w.width())))]
        out[f"cut-{lang}"] = cut
        out[f"table-{lang}"] = main.residents.table.height()
        g = guide.open_guide(main)
        record(f"guide-{lang}", g)
        out[f"guide-sideways-{lang}"] = g.browser.horizontalScrollBar().maximum()
        g.close()
        controller.shutdown()
        for w in app.topLevelWidgets():
            w.close()
        settle()
    print(json.dumps(out))
""")


def test_checklist_and_guide_fit_1366x768_at_150_percent(tmp_path, qm_folder, screenshots):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_SCALE_FACTOR": "1.5", "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "FACILITY_APP_TRANSLATIONS": str(qm_folder), "PYTHONPATH": str(ROOT)}
    env.pop("FACILITY_APP_PASSPHRASE", None)
    result = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "data"), str(screenshots)],
                            capture_output=True, text=True, timeout=240, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    sizes = json.loads(result.stdout.strip().splitlines()[-1])
    width, height = sizes["screen"]
    assert (width, height) == (911, 512)
    windows = {k: v for k, v in sizes.items() if isinstance(v, dict)}
    assert set(windows) == {"first-day-vi", "first-day-en", "guide-vi", "guide-en"}
    for name, s in windows.items():
        assert s["size"][0] <= width and s["size"][1] <= height, f"{name} is larger than the screen: {s}"
        assert s["min"][0] <= width and s["min"][1] <= height, f"{name} cannot shrink to the screen: {s}"
    for lang in ("vi", "en"):
        assert sizes[f"cut-{lang}"] == [], f"texts cut in the checklist ({lang})"
        assert sizes[f"table-{lang}"] >= 60, "the resident list keeps some room under the checklist"
        assert sizes[f"guide-sideways-{lang}"] == 0, "the guide's screenshots fit its width"
