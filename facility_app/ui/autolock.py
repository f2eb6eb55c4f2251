"""Lock after inactivity: an app-wide event filter notes the last key press,
click, wheel or mouse move; a timer checks now and then whether the idle
time passed the facility's ``auto_lock_minutes`` (default 10).

The filter only stores a timestamp (it sees every event of the program, so
it must cost nothing); the check runs a few times per timeout.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

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
        QApplication.instance().installEventFilter(self)

    def set_timeout(self, timeout_s: float) -> None:
        self.timeout_s = max(0.05, float(timeout_s))
        self._timer.setInterval(int(max(50, min(15_000, self.timeout_s * 1000 / 4))))
        if self.armed:
            self._timer.start()

    def arm(self) -> None:
        """Start watching (after a login)."""
        self.last_activity = time.monotonic()
        self.armed = True
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
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
