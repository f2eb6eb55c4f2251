"""Small form helpers: a message beside each field, a passphrase strength hint.

``FieldErrors`` maps domain field names (``Problem.field``) to the labels
under the fields, so the domain's own sentence appears where the nurse
typed; problems of unknown fields go to a general label.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from care_core.domain.messages import Problem
from .style import mark


class ErrorLabel(QLabel):
    """Red sentence under a field; takes no space while empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        mark(self, "error")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a message may quote what was typed: never markup
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FieldErrors:
    def __init__(self, labels: dict[str, ErrorLabel], general: ErrorLabel):
        self.labels = labels
        self.general = general
        self._general_is_problems = False  # else it holds another sentence (a failure), kept on edits

    def clear(self) -> None:
        for lab in list(self.labels.values()) + [self.general]:
            lab.show_text("")

    def show(self, problems: list[Problem], lang: str) -> None:
        self.clear()
        texts: dict[int, list[str]] = {}
        owners: dict[int, ErrorLabel] = {}
        for p in problems:
            target = self.labels.get(p.field, self.general)
            texts.setdefault(id(target), []).append(p.message(lang))
            owners[id(target)] = target
        for key, lab in owners.items():
            lab.show_text(" ".join(texts[key]))
        self._general_is_problems = id(self.general) in owners

    def refresh(self, problems: list[Problem], lang: str) -> None:
        """After an edit (once a first check showed the messages): each field's
        message follows what is typed and goes as soon as it is right; the
        general line keeps a sentence that is not about the fields (a failure)."""
        texts: dict[int, list[str]] = {}
        for p in problems:
            texts.setdefault(id(self.labels.get(p.field, self.general)), []).append(p.message(lang))
        general = [self.general] if self._general_is_problems or id(self.general) in texts else []
        for lab in list(self.labels.values()) + general:
            lab.show_text(" ".join(texts.get(id(lab), [])))
        if general:
            self._general_is_problems = id(self.general) in texts


def passphrase_strength(text: str) -> tuple[int, str]:
    """(0..3, words) a rough hint: length counts most, then variety."""
    if not text:
        return 0, ""
    kinds = sum([any(c.islower() for c in text), any(c.isupper() for c in text),
                 any(c.isdigit() for c in text), any(not c.isalnum() for c in text)])
    if len(text) < 10:
        return 0, QCoreApplication.translate("Forms", "Too short: at least 10 characters.")
    score = 1 + (len(text) >= 14) + (kinds >= 3 or len(text) >= 20)
    words = {1: QCoreApplication.translate("Forms", "Weak: add a few more words or digits."),
             2: QCoreApplication.translate("Forms", "Fair: a longer phrase is safer."),
             3: QCoreApplication.translate("Forms", "Strong.")}
    return score, words[score]
