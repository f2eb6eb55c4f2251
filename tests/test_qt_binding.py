"""The Qt binding must not leak or drop references to Python's singletons.

PySide6 6.12.0 under CPython 3.11 dropped one reference to ``None`` on every
call returning nothing, and the app aborted after a few thousand calls
(``none_dealloc``). This keeps such a build out of the package.
"""
from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("Nguyễn Văn An")
    after = sys.getrefcount(None)
    assert abs(after - before) < 100, f"None refcount moved by {after - before} over 5000 calls"


def test_bool_results_keep_their_references(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = (sys.getrefcount(True), sys.getrefcount(False))
    for _ in range(5000):
        label.isVisible()
        label.isEnabled()
    after = (sys.getrefcount(True), sys.getrefcount(False))
    assert abs(after[0] - before[0]) < 100 and abs(after[1] - before[1]) < 100
