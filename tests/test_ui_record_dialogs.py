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
    """The shell's confirmation box: our own Vietnamese words, "keep editing" by default."""
    translated("vi")
    discarded: list[bool] = []
    box = feedback.discard_changes(None, lambda: discarded.append(True))
    buttons = {b.text(): b for b in box.findChildren(QAbstractButton)}
    assert {"Bỏ", "Nhập tiếp"} <= set(buttons) and "OK" not in buttons
    assert box.defaultButton() is buttons["Nhập tiếp"] and box.escapeButton() is buttons["Nhập tiếp"]
    buttons["Nhập tiếp"].click()
    qtbot.waitUntil(lambda: not box.isVisible())
    assert discarded == []
    box = feedback.discard_changes(None, lambda: discarded.append(True))
    {b.text(): b for b in box.findChildren(QAbstractButton)}["Bỏ"].click()
    qtbot.waitUntil(lambda: discarded == [True])


def test_reason_question_returns_the_typed_reason_or_none(qtbot):
    answer_modal(qtbot, "Cancel the checkup", typed="wrong resident")
    assert feedback.ask_text(None, "t", "why?", "Cancel the checkup", "Keep it") == "wrong resident"
    answer_modal(qtbot, "Keep it")
    assert feedback.ask_text(None, "t", "why?", "Cancel the checkup", "Keep it") is None
