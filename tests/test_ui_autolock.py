"""Auto-lock: typing or moving the mouse keeps the program open; idle time locks it."""
from __future__ import annotations

import time

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication

from tests.ui_shell_fixtures import make_store, qm_folder, screenshots, shell_app, start_logged_in  # noqa: F401


def test_activity_postpones_the_lock_and_idleness_brings_it(shell_app, qtbot, tmp_path):
    services, _ = make_store(tmp_path / "data", residents=1)
    services.close()
    controller = start_logged_in(qtbot, tmp_path / "data", "lan")
    main = controller.main
    main.show()
    window = main.windowHandle()
    assert window is not None
    controller.idle._watch(window)  # what the focus change does on a real screen
    controller.idle.set_timeout(0.6)
    controller.idle.arm()
    end = time.monotonic() + 1.5
    x = 10.0
    while time.monotonic() < end:  # a person moving the mouse for 1.5 s
        x += 1
        move = QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(x, 10), QPointF(x, 10), Qt.MouseButton.NoButton,
                           Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QGuiApplication.sendEvent(window, move)
        qtbot.wait(100)
        assert not main.locked
    qtbot.waitUntil(lambda: main.locked, timeout=3_000)  # then nothing: locked
    QApplication.processEvents()
    assert not main.tabs.isVisible()
    controller.shutdown()
