"""How the record screens talk back: a refused action becomes a sentence in
the nurse's language; an unexpected failure becomes a friendly sentence and
a log entry (type and stack only, never the values), never a traceback.

Questions use the shell's boxes: ``dialogs.confirm`` (window-modal, with
what to do on yes) for "discard what you typed?", and ``ask_text`` for a
reason; tests replace them (monkeypatch) to answer without a person.
"""
from __future__ import annotations

from typing import Callable, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from care_core.domain.messages import DomainError, Problem, ValidationError
from ...logs import log_unexpected
from ...services.startup import known_failure
from .. import dialogs
from .fields import Banner

T = TypeVar("T")
translate = QCoreApplication.translate


def unexpected_text() -> str:
    return translate("RecordFeedback", "Something went wrong and nothing was saved. Try again; "
                     "if it happens again, tell the IT officer (the details are in the log).")


def refused(exc: BaseException, lang: str, banner: Banner,
            on_problems: Callable[[list[Problem]], list[Problem]] | None = None) -> None:
    """Say why a service call failed: validation problems beside their fields,
    any other refusal or failure on the banner (an unexpected one is logged,
    type and stack only)."""
    if isinstance(exc, ValidationError):
        left = on_problems(exc.problems) if on_problems else exc.problems
        if left:
            banner.show_error(" ".join(p.message(lang) for p in left))
        else:
            banner.show_error(translate("RecordFeedback", "Not saved: correct the fields marked in red."))
    elif isinstance(exc, DomainError) or known_failure(exc) is not None:
        banner.show_error(dialogs.explain(exc, lang))  # the shell's words: a full disk or locked store says what to do
    else:
        log_unexpected(exc)
        banner.show_error(unexpected_text())  # this save did not happen: the nurse tries again


def load(call: Callable[[], T], parent: QWidget | None, lang: str) -> T | None:
    """Run a read; on failure say so in a message box and return None."""
    try:
        return call()
    except DomainError as exc:
        _tell(parent, translate("RecordFeedback", "Cannot open the record"), exc.message(lang))
    except Exception as exc:  # noqa: BLE001
        log_unexpected(exc)
        _tell(parent, translate("RecordFeedback", "Cannot open the record"), unexpected_text())
    return None


def _tell(parent: QWidget | None, title: str, text: str) -> None:
    dialogs.inform(parent, title, text, warning=True)


def ask_text(parent: QWidget | None, title: str, label: str, ok: str, cancel: str) -> str | None:
    """One line of text (a reason), or None when the person changes their mind.
    The buttons say what they do, in the nurse's language (Qt ships no
    Vietnamese for its own OK/Cancel)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setOkButtonText(ok)
    dialog.setCancelButtonText(cancel)
    dialog.resize(560, dialog.sizeHint().height())
    return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None


def discard_changes(parent: QWidget | None, then: Callable[[], None]) -> QMessageBox:
    """The Esc question on a dirty form; ``then()`` once the nurse chose to discard
    ("Keep editing" is the default button, and what Esc answers)."""
    return dialogs.confirm(parent, translate("RecordFeedback", "Discard what you typed?"),
                           translate("RecordFeedback", "You have typed information that is not saved yet. "
                                     "Close the form and discard it?"),
                           translate("RecordFeedback", "Discard"), then, no=translate("RecordFeedback", "Keep editing"))
