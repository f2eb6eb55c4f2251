"""Where the shell meets the record screens (built separately, in ``ui/record``).

Only two names cross: ``record.window.ResidentRecordWidget(session,
resident_id, parent)`` and ``record.admit_dialog.AdmitDialog(session,
parent)``. They are imported on first use; while a build lacks them the
shell shows a clear placeholder instead of failing, and an import that
fails for another reason is logged and explained the same way.
"""
from __future__ import annotations

import importlib
from typing import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .. import logs
from .style import mark


def _load(module: str, name: str):
    """The class, or None when the module is not in this build."""
    full = f"{__package__}.record.{module}"
    try:
        return getattr(importlib.import_module(full), name)
    except ModuleNotFoundError as exc:
        if exc.name in (full, f"{__package__}.record"):
            return None
        logs.log_unexpected(exc)
        return None
    except Exception as exc:  # a broken record screen must not take the shell down
        logs.log_unexpected(exc)
        return None


def record_widget_class():
    return _load("window", "ResidentRecordWidget")


def admit_dialog_class():
    return _load("admit_dialog", "AdmitDialog")


# the record screen's modules, those it imports first: one per turn of the event loop
PRELOAD = ("widgets.trend_chart", "record.fields", "record.models", "record.feedback", "record.checkup_form",
           "record.checkups_tab", "record.history_tab", "reports.pdf_pages", "reports.printing", "reports.base",
           "reports.health_book", "sync.record_state", "record.window")


def preload(busy: Callable[[], bool] = lambda: False, after_ms: int = 250) -> None:
    """Import the record screen while the program is idle (a moment after
    the list is shown), one module per event-loop turn and none while
    ``busy()`` (the nurse is typing), so a keystroke never waits for an
    import and the first record opened does not wait for its code. Imports
    stay on the GUI thread (Qt classes are made there). A module that fails
    stops it quietly: opening a record reports the failure."""
    pending = list(PRELOAD)

    def step() -> None:
        if not pending:
            return
        if busy():
            QTimer.singleShot(250, step)
            return
        name = pending.pop(0)
        try:
            importlib.import_module(f"{__package__}.{name}")
        except Exception:
            return
        QTimer.singleShot(0, step)

    QTimer.singleShot(after_ms, step)


class RecordPlaceholder(QWidget):
    """Stands in for the record screen when this build has none."""

    def __init__(self, resident_id: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recordPlaceholder")
        self.resident_id = resident_id
        self.heading = mark(QLabel(title), "heading")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.text, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setText(self.tr("The resident's record screen is not part of this version of the program. "
                                  "The resident's data is safe in the store; ask the IT officer to update the "
                                  "program."))

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def make_record_widget(session, resident_id: str, title: str, parent: QWidget | None = None) -> QWidget:
    cls = record_widget_class()
    if cls is None:
        return RecordPlaceholder(resident_id, title, parent)
    return cls(session, resident_id, parent)
