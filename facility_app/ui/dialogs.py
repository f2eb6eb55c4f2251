"""Message and confirmation boxes with our own translated buttons.

Qt ships no Vietnamese for its standard buttons, so every box here sets its
button texts through ``tr``. Boxes open window-modal with ``open()`` (not
``exec()``), so nothing blocks the event loop: callers pass what to do next.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import logs
from care_core.domain.messages import DomainError
from ..services.startup import known_failure


def inform(parent: QWidget | None, title: str, text: str, *, warning: bool = False,
           then: Callable[[], None] | None = None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information, title, text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("messageBox")
    box.addButton(QCoreApplication.translate("Dialogs", "Close"), QMessageBox.ButtonRole.AcceptRole)
    if then is not None:
        box.finished.connect(lambda _result: then())
    box.open()
    return box


def confirm(parent: QWidget | None, title: str, text: str, yes: str, on_yes: Callable[[], None],
            no: str | None = None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmBox")
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    yes_button.setObjectName("confirmYes")
    no_button = box.addButton(no or QCoreApplication.translate("Dialogs", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    no_button.setObjectName("confirmNo")
    box.setDefaultButton(no_button)  # a stray Enter never confirms a destructive step
    box.setEscapeButton(no_button)

    def finished(_result):
        if box.clickedButton() is yes_button:
            on_yes()

    box.finished.connect(finished)
    box.open()
    return box


def explain(exc: BaseException, lang: str) -> str:
    """A sentence a nurse can act on; an unexpected error is logged (type and
    stack only, never its message) and described without technical detail."""
    if isinstance(exc, DomainError):
        return exc.message(lang)
    known = known_failure(exc)  # disk full, locked, read-only folder, damaged file: what to do
    if known is not None:
        return known.message(lang)
    logs.log_unexpected(exc)
    return QCoreApplication.translate("Dialogs", "Something unexpected went wrong ({kind}). What was already saved is safe. "
              "Please try again; if it happens again, tell the IT officer "
              "(the details are in the program's log).").format(kind=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException, lang: str,
               then: Callable[[], None] | None = None) -> QMessageBox:
    title = QCoreApplication.translate("Dialogs", "Cannot do this") if isinstance(exc, DomainError) else QCoreApplication.translate("Dialogs", "Unexpected problem")
    return inform(parent, title, explain(exc, lang), warning=True, then=then)
