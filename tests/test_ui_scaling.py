"""The shell at 150 % scaling on a 1366x768 screen (about 910x510 logical
pixels): every window fits, and the resident list keeps the name readable.

Qt's scale factor is fixed when the application starts, so this runs the
screens in a child process with ``QT_SCALE_FACTOR=1.5`` and an offscreen
screen of 1366x768; it reports sizes as JSON and saves screenshots.
"""
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
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from facility_app.services.startup import StoreGate
    from facility_app.ui import i18n, style
    from facility_app.ui.controller import AppController
    from facility_app.ui.start.wizard import SetupWizard
    from tests.conftest import PASSPHRASE, TODAY
    from tests.ui_shell_fixtures import PASSWORD, make_store

    data, shots = Path(sys.argv[1]), Path(sys.argv[2])
    services, residents = make_store(data)
    services.close()
    style.apply(app)
    i18n.install("vi")

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
        widget.grab().save(str(shots / f"{name}-150pct-vi.png"))
        out[name] = {"size": list(widget.size().toTuple()), "min": list(widget.minimumSizeHint().toTuple())}

    wizard = SetupWizard(StoreGate(data / "none"), "vi")
    wizard.show(); wizard.next(); wizard.validateCurrentPage()
    record("wizard", wizard)
    wizard.close()
    controller = AppController(data, "vi", today=lambda: TODAY)
    controller.start()
    window = controller.start_window
    record("unlock", window)
    window.unlock.passphrase.setText(PASSPHRASE)
    window.unlock.submit()
    wait(lambda: window.login is not None and window.pages.currentWidget() is window.login)
    window.login.username.setText("admin"); window.login.password.setText(PASSWORD); window.login.submit()
    wait(lambda: controller.main is not None)
    main = controller.main
    wait(lambda: main.today.current is not None and main.residents.model.rowCount() > 0)
    record("main", main)
    table = main.residents.table
    name_column = 1
    out["name_column"] = table.columnWidth(name_column)
    out["name_needed"] = max(table.fontMetrics().horizontalAdvance(r.full_name) for r in residents)
    out["hidden_columns"] = [c for c in range(7) if table.isColumnHidden(c)]
    main.act_admin.trigger()
    dialog = controller.admin_dialog
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        record(f"admin-{dialog.tabs.widget(i).objectName()}", dialog)
    controller.shutdown()
    print(json.dumps(out))
""")


def test_every_shell_window_fits_1366x768_at_150_percent(tmp_path, qm_folder, screenshots):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_SCALE_FACTOR": "1.5", "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "FACILITY_APP_TRANSLATIONS": str(qm_folder), "PYTHONPATH": str(ROOT)}
    env.pop("FACILITY_APP_PASSPHRASE", None)
    result = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "data"), str(screenshots)],
                            capture_output=True, text=True, timeout=180, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    sizes = json.loads(result.stdout.strip().splitlines()[-1])
    width, height = sizes["screen"]
    assert (width, height) == (911, 512)
    windows = {k: v for k, v in sizes.items() if isinstance(v, dict)}
    assert {"wizard", "unlock", "main"} <= set(windows) and any(k.startswith("admin-") for k in windows)
    for name, s in windows.items():
        assert s["size"][0] <= width and s["size"][1] <= height, f"{name} is larger than the screen: {s}"
        assert s["min"][0] <= width and s["min"][1] <= height, f"{name} cannot shrink to the screen: {s}"
    assert sizes["name_column"] >= sizes["name_needed"], "the residents' names are cut in the list"
    assert 1 not in sizes["hidden_columns"] and 0 not in sizes["hidden_columns"]
