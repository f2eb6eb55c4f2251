"""The two real modal questions (discard typing? / why cancel?) answered by
clicking their buttons, in Vietnamese."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit

from facility_app.ui.record import feedback
from tests.ui_record_fixtures import record_qm, translated  # noqa: F401 - fixtures


def answer_modal(qtbot, button_text: str, typed: str | None = None, seen: list | None = None):
    def click():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, click)
            return
        buttons = {b.text(): b for b in dialog.findChildren(QAbstractButton)}
        if seen is not None:
            seen.extend(buttons)
        if typed is not None:
            dialog.findChild(QLineEdit).setText(typed)
        buttons[button_text].click()

    QTimer.singleShot(20, click)


def test_discard_question_has_vietnamese_buttons(qtbot, translated):
    translated("vi")
    seen: list[str] = []
    answer_modal(qtbot, "Nhập tiếp", seen=seen)
    assert feedback.discard_changes(None) is False
    assert {"Bỏ", "Nhập tiếp"} <= set(seen) and "OK" not in seen
    answer_modal(qtbot, "Bỏ")
    assert feedback.discard_changes(None) is True


def test_reason_question_returns_the_typed_reason_or_none(qtbot):
    answer_modal(qtbot, "Cancel the checkup", typed="wrong resident")
    assert feedback.ask_text(None, "t", "why?", "Cancel the checkup", "Keep it") == "wrong resident"
    answer_modal(qtbot, "Keep it")
    assert feedback.ask_text(None, "t", "why?", "Cancel the checkup", "Keep it") is None
