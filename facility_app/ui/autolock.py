"""Lock after inactivity: the program's windows note the last key press,
click, wheel or mouse move; a timer checks now and then whether the idle
time passed the facility's ``auto_lock_minutes`` (default 10).

The filter sits on the native windows (``QWindow``), which receive every
key and mouse event before Qt routes it to a widget, and it is put on each
window as it gets the focus (a new dialog included). An application-wide
filter would see the same input but also every event of widgets being
destroyed, and PySide6 can crash wrapping a half-destroyed widget for a
Python filter; native windows are plain Qt objects. The filter only stores
a timestamp: it sees many events and must cost nothing.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress, QEvent.Type.MouseButtonDblClick,
})


class IdleWatcher(QObject):
    sig_idle = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None):
        super().__init__(parent)
        self.last_activity = time.monotonic()
        self.armed = False
        self._timer = QTimer(self, timeout=self._check)
        self.set_timeout(timeout_s)
        app = QGuiApplication.instance()
        app.focusWindowChanged.connect(self._watch)
        for window in app.topLevelWindows():
            self._watch(window)

    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # Qt keeps one entry per filter, however often it is asked

    def set_timeout(self, timeout_s: float) -> None:
        self.timeout_s = max(0.05, float(timeout_s))
        self._timer.setInterval(int(max(50, min(15_000, self.timeout_s * 1000 / 4))))
        if self.armed:
            self._timer.start()

    def arm(self) -> None:
        """Start watching (after a login)."""
        self.last_activity = time.monotonic()
        self.armed = True
        for window in QGuiApplication.topLevelWindows():
            self._watch(window)
        self._timer.start()

    def disarm(self) -> None:
        """Stop watching (while locked or logged out)."""
        self.armed = False
        self._timer.stop()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt name
        if event.type() in _ACTIVITY:
            self.last_activity = time.monotonic()
        return False

    def idle_seconds(self) -> float:
        return time.monotonic() - self.last_activity

    def _check(self) -> None:
        if self.armed and self.idle_seconds() >= self.timeout_s:
            self.disarm()
            self.sig_idle.emit()

    def stop(self) -> None:
        self.disarm()
        app = QGuiApplication.instance()
        if app is None:
            return
        try:
            app.focusWindowChanged.disconnect(self._watch)
        except (RuntimeError, TypeError):
            pass
        for window in app.topLevelWindows():
            window.removeEventFilter(self)
