"""What every record form shares: messages beside fields as you type,
Ctrl+S to save, Esc to close (asking first if something was typed), and a
refused save that keeps everything on screen.

A subclass builds its inputs with ``add_field``, says how to turn them into
an entity and which rules apply (``problems``), and how to save
(``submit``: the service call, made from what is typed).

Saving runs the service call off the GUI thread (``session.run``): the form
stays on screen, greyed, with "Saving…" until the answer; a refusal shows
in the form with everything typed still there. ``saving()`` says whether a
save is under way (tests wait for it to end).
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from care_core.domain.messages import label as field_label
from . import feedback
from ..forms import ErrorLabel
from .fields import ERROR_INPUT_STYLE, Banner, DateField, EnumCombo, NumberField, field_error

COMPACT = (DateField, NumberField, EnumCombo)  # keep their natural width

translate = QCoreApplication.translate


class InputProblem:
    """A slip the form itself catches (letters in a number, a bad date)."""

    def __init__(self, field: str, text: str):
        self.field = field
        self.text = text

    def message(self, lang: str) -> str:  # same shape as domain Problem
        return self.text


def not_a_number(field: str, typed: str, lang: str) -> InputProblem:
    return InputProblem(field, translate("RecordForms", "%1: “%2” is not a number; type digits only, for example 36,8.")
                        .replace("%1", field_label(field, lang)).replace("%2", typed))


def not_a_whole_number(field: str, typed: str, lang: str) -> InputProblem:
    return InputProblem(field, translate("RecordForms", "%1: “%2” is not a whole number.")
                        .replace("%1", field_label(field, lang)).replace("%2", typed))


def not_a_date(field: str, typed: str, lang: str) -> InputProblem:
    return InputProblem(field, translate("RecordForms", "%1: “%2” is not a date; type day/month/year, for example 20/11/2026.")
                        .replace("%1", field_label(field, lang)).replace("%2", typed))


class EditForm(QWidget):
    """Base of the record forms. ``sig_saved(result)`` after a save, ``sig_closed`` after cancel."""

    sig_saved = Signal(object)
    sig_closed = Signal()

    def __init__(self, session, name_prefix: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.prefix = name_prefix
        self.banner = Banner(self)
        self.banner.setObjectName(f"{name_prefix}Banner")
        self._fields: dict[str, tuple[QWidget, ErrorLabel]] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self._dirty = False
        self._loading = False
        self._refused = False  # the banner says "Not saved: correct the fields marked in red"
        self._saving = False
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel)

    # --- building -------------------------------------------------------

    def add_field(self, grid: QGridLayout, row: int, field: str, text: str, widget: QWidget,
                  unit: str = "", column: int = 0, error_below: bool = False) -> ErrorLabel:
        """Caption | input | unit | red message, on one row of ``grid``.

        With ``error_below`` the message takes the next row (narrow columns).
        """
        caption = QLabel(text)
        caption.setBuddy(widget)
        if getattr(widget, "tall", False):  # a caption beside the first line of a tall input
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            caption.setContentsMargins(0, 5, 0, 0)
        else:
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        error = field_error(self)
        error.setObjectName(f"{self.prefix}Error_{field}")
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(widget)
        if unit:
            line.addWidget(QLabel(unit))
        if not isinstance(widget, COMPACT):  # text boxes take the column's width
            widget.setMinimumWidth(max(widget.minimumWidth(), 180))
        else:
            line.addStretch(1)
        grid.addWidget(caption, row, column)
        grid.addWidget(holder, row, column + 1)
        if error_below:
            grid.addWidget(error, row + 1, column + 1)
        else:
            grid.addWidget(error, row, column + 2)
        self.watch(field, widget, error)
        return error

    def build_frame(self, grid: QGridLayout, save_text: str, cancel_text: str) -> None:
        """Heading, banner, the fields (left, at most ~900 px wide) and Cancel / Save."""
        self.heading = QLabel(self)
        self.heading.setObjectName(f"{self.prefix}Heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.save_button = QPushButton(save_text, self)
        self.save_button.setObjectName(f"{self.prefix}Save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(cancel_text, self)
        self.cancel_button.setObjectName(f"{self.prefix}Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        body = QWidget(self)
        body.setLayout(grid)
        body.setMaximumWidth(980)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(body)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def small_dialog(self, grid: QGridLayout, save_text: str) -> None:
        """A form inside a small dialog (discharge, re-admit): the banner, the
        fields, then Cancel and Save at the right; objectNames
        ``<prefix>Save`` and ``<prefix>Cancel``."""
        self.save_button = QPushButton(save_text, self)
        self.save_button.setObjectName(f"{self.prefix}Save")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(translate("RecordForms", "Cancel (Esc)"), self)
        self.cancel_button.setObjectName(f"{self.prefix}Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(grid)
        layout.addLayout(buttons)

    def watch(self, field: str, widget: QWidget, error: ErrorLabel) -> None:
        self._fields[field] = (widget, error)
        signal = getattr(widget, "sig_edited", None) or getattr(widget, "textEdited", None)
        if signal is not None:
            signal.connect(lambda *_a, f=field: self.edited(f))

    # --- state ------------------------------------------------------------

    def is_dirty(self) -> bool:
        return self._dirty

    def edited(self, field: str) -> None:
        if self._loading:
            return
        self._dirty = True
        self._touched.add(field)
        self.revalidate()

    def reset_state(self) -> None:
        self._touched.clear()
        self._show_all = False
        self._dirty = False
        self._refused = False
        self.banner.clear_message()
        self.place_problems([])

    def revalidate(self) -> list:
        problems = self.problems()
        shown = problems if self._show_all else [p for p in problems if p.field in self._touched]
        self.place_problems(shown)
        if self._refused:  # the refusal banner says what is still wrong, and goes once nothing is
            self._show_refusal(problems) if problems else self._clear_refusal()
        return problems

    def _show_refusal(self, problems: list) -> None:
        unplaced = [p for p in problems if p.field not in self._fields]
        text = translate("RecordForms", "Not saved: correct the fields marked in red.")
        if unplaced:
            text += " " + " ".join(p.message(self.session.lang) for p in unplaced)
        self.banner.show_error(text)
        self._refused = True

    def _clear_refusal(self) -> None:
        self._refused = False
        self.banner.clear_message()

    def _service_refused(self, problems: list) -> list:
        """The service's own check found problems: beside their fields, and the banner goes when they are fixed."""
        self._refused = True
        return self.place_problems(problems)

    def place_problems(self, problems: list) -> list:
        """Put each message beside its field; return those with no field here."""
        lang = self.session.lang
        by_field: dict[str, list[str]] = {}
        unplaced = []
        for p in problems:
            if p.field in self._fields:
                by_field.setdefault(p.field, []).append(p.message(lang))
            else:
                unplaced.append(p)
        for field, (widget, error) in self._fields.items():
            messages = by_field.get(field, [])
            error.show_text(" ".join(dict.fromkeys(messages)))
            marker = getattr(widget, "set_error", None)
            if marker:
                marker(bool(messages))
            elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setStyleSheet(ERROR_INPUT_STYLE if messages else "")
        return unplaced

    # --- actions ------------------------------------------------------------

    def save(self) -> bool:
        """Check what is typed and start saving it. False when refused here (or
        already saving); the service's answer comes later: ``sig_saved`` or a
        message in the form."""
        if not self.isVisible() or not self.isEnabled() or self._saving:
            return False
        self._show_all = True
        problems = self.revalidate()
        if problems:
            self._show_refusal(problems)
            self.focus_first_error(problems)
            return False
        self._refused = False
        call = self.submit()  # read from the inputs here, on the GUI thread
        self._set_saving(True)
        self.session.run(call, self._save_done, self._save_failed, owner=self)
        return True

    def saving(self) -> bool:
        return self._saving

    def _set_saving(self, on: bool) -> None:
        self._saving = on
        self.setEnabled(not on)  # nothing typed meanwhile, nothing saved twice; the inputs keep their text
        if on:
            self.banner.show_info(translate("RecordForms", "Saving…"))

    def _save_done(self, result) -> None:
        self._set_saving(False)
        self.banner.clear_message()
        self._dirty = False
        self.sig_saved.emit(result)

    def _save_failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        feedback.refused(exc, self.session.lang, self.banner, self._service_refused)
        self.focus_first_error(getattr(exc, "problems", []))

    def cancel(self) -> None:
        if self._saving:
            return  # the save under way decides
        if self._dirty:
            feedback.discard_changes(self, self._close)
            return
        self._close()

    def _close(self) -> None:
        self._dirty = False
        self.sig_closed.emit()

    def focus_first_error(self, problems: list) -> None:
        for field in self._fields:
            if any(p.field == field for p in problems):
                self._fields[field][0].setFocus()
                return

    # --- for subclasses ------------------------------------------------------

    def problems(self) -> list:
        """Everything wrong with what is typed now (input slips + domain rules)."""
        raise NotImplementedError

    def submit(self) -> Callable[[], object]:
        """The service call that saves what is typed: read the inputs now, return
        a function of no arguments that calls the service (run off the GUI
        thread; it raises the service's errors)."""
        raise NotImplementedError


class FormDialog(QDialog):
    """A small record form alone in a dialog (discharge, re-admit, a stay):
    a line saying what it does above the form; the form's save closes it
    with ``saved`` holding what the service returned, its cancel (or Esc)
    closes it as the form decides."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.saved = None
        self.form: EditForm | None = None

    def place(self, name: str, title: str, intro: str, form: EditForm, size: tuple[int, int]) -> None:
        self.setObjectName(name)
        self.setWindowTitle(title)
        text = QLabel(intro, self)
        text.setWordWrap(True)
        self.form = form
        form.sig_saved.connect(self._saved)
        form.sig_closed.connect(super().reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(form)
        layout.addStretch(1)
        self.resize(*size)

    def _saved(self, result) -> None:
        self.saved = result
        self.accept()

    def reject(self) -> None:
        self.form.cancel()
