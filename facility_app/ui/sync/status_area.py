"""The status bar's sync area: one line that says what sync is doing, the
changes waiting and, when something waits for a person, a "To review: …"
link; then "Sync now".

All of it is one wrapping label rather than a row of widgets: on a
1366x768 screen at 150 % the bar has about 560 pixels beside the user's
name, and a row of fixed widgets overlapped there and cut the sentence.
The label wraps onto a second or third line instead, so the reassurance
at the end of a failure ("the data is still saved on this PC; it will be
sent when the network is back") is never cut. The tooltip adds the last
sync time, the next attempt and the engine's own explanation.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from ..style import ERROR_COLOUR, OK_COLOUR, WARNING_COLOUR
from .texts import ERROR, OK, WARNING, texts
from .worker import SyncWorker

_COLOURS = {OK: OK_COLOUR, WARNING: WARNING_COLOUR, ERROR: ERROR_COLOUR}
REVIEW_LINK = "#r"


def _unbroken(text: str) -> str:
    """A count wraps as a whole ("Cần xem lại: 1 xung đột" never split at the line end)."""
    return escape(text).replace(" ", "&nbsp;")


class _Sentence(QLabel):
    """Wrapping label that asks for the width of its text on one line (up to a
    limit), and for the height its text needs at the width it was given: a
    wrapping QLabel asks for a narrow column, and the status bar's layout
    does not ask for height-for-width, so a second line would be cut off."""

    LIMIT = 900

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        doc = QTextDocument()
        doc.setDefaultFont(self.font())
        doc.setHtml(self.text())
        width = max(self.minimumWidth(), min(self.LIMIT, int(doc.idealWidth()) + 12))
        return QSize(width, self.heightForWidth(width))

    def setText(self, text: str) -> None:  # noqa: N802 - Qt name
        super().setText(text)
        self._fit_height()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        if self.width() > 0:
            needed = self.heightForWidth(self.width())
            if needed > 0 and needed != self.minimumHeight():
                self.setMinimumHeight(needed)


class SyncStatusArea(QWidget):
    sig_review = Signal()

    def __init__(self, session, worker: SyncWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.session = session
        self.worker = worker
        # the parts as plain text (tests, the tooltip)
        self.headline = ""
        self.waiting = ""
        self.review = ""
        self.sentence = _Sentence(objectName="syncSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.RichText)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                              | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.sentence.setMinimumWidth(self.sentence.fontMetrics().horizontalAdvance("M") * 18)
        self.sentence.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.sentence.linkActivated.connect(lambda _link: self.sig_review.emit())
        self.bar = QProgressBar(objectName="syncProgress")
        self.bar.setMaximumWidth(90)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.now = QPushButton(objectName="syncNow")
        self.now.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.now.clicked.connect(self.worker.sync_now)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        lay.addWidget(self.sentence, 1)
        lay.addWidget(self.bar)
        lay.addWidget(self.now, 0, Qt.AlignmentFlag.AlignVCenter)
        for signal in (worker.sig_status, worker.sig_started, worker.sig_progress, worker.sig_finished):
            signal.connect(self._worker_news)
        session.sig_language_changed.connect(self._worker_news)  # the server's messages follow session.lang
        self.retranslate()

    def _worker_news(self, *_args) -> None:
        self.retranslate()

    def refresh(self) -> None:
        """Read the counts again (the main window asks at start)."""
        self.worker.refresh_status()

    def open_review(self) -> None:
        """What a click on "To review: …" does."""
        self.sentence.linkActivated.emit(REVIEW_LINK)

    def retranslate(self) -> None:
        t = texts()
        s = self.worker.status
        running = self.worker.running
        if running:
            line_text, tone = t.progress(self.worker.progress, self.worker.pages), "info"
            tooltip = t.headline(s, self.session.lang).tooltip
        else:
            line = t.headline(s, self.session.lang, self.worker.scheduled_in)
            line_text, tone, tooltip = line.text, line.tone, line.tooltip
        self.headline = line_text
        self.waiting = t.waiting(s.waiting) if s is not None else ""
        self.review = t.to_review(s)
        colour = _COLOURS.get(tone) if tone != OK else None
        parts = [f'<span style="color:{colour}">{escape(line_text)}</span>' if colour else escape(line_text)]
        if self.waiting:
            parts.append(_unbroken(self.waiting))
        if self.review:
            parts.append(f'<a href="{REVIEW_LINK}" style="color:{ERROR_COLOUR}"><b>{_unbroken(self.review)}</b></a>')
        self.sentence.setText(" · ".join(parts))
        plain = " · ".join(p for p in (line_text, self.waiting, self.review) if p)
        hint = self.tr("Click “{review}” to see them.").format(review=self.review) if self.review else ""
        self.sentence.setToolTip("\n".join(x for x in (plain, tooltip, hint) if x))
        self.now.setText(self.tr("Sync now"))
        self.now.setToolTip(self.tr("Send the changes saved here and receive the other PCs' changes now (F5)"))
        usable = s is not None and s.enrolled and not s.revoked
        self.now.setVisible(usable)
        self.now.setEnabled(usable and not running and not self.worker.suspended)
        self._show_progress()

    def _show_progress(self) -> None:
        p = self.worker.progress
        if not self.worker.running:
            self.bar.hide()
            return
        if p is not None and p.phase == "push" and p.total:
            self.bar.setRange(0, p.total)
            self.bar.setValue(p.done)
        else:
            self.bar.setRange(0, 0)  # busy: pages come until the server has no more
        self.bar.show()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
