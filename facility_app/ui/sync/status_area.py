"""The status bar's sync area: one sentence, the changes waiting, "Sync now"
and, when something waits for a person, "To review: …".

The sentence is drawn elided when the bar is short (a 1366x768 screen at
150 %), the whole of it in the tooltip with the last sync time and the
engine's own explanation of the last failure.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from ..style import ERROR_COLOUR, OK_COLOUR, WARNING_COLOUR
from .texts import ERROR, OK, WARNING, texts
from .worker import SyncWorker

_COLOURS = {OK: OK_COLOUR, WARNING: WARNING_COLOUR, ERROR: ERROR_COLOUR}


class ElidedLabel(QLabel):
    """A one-line label that gives up width gracefully: "Mất kết nối máy chủ — dữ…"."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("M") * 14), hint.height())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt name
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)

    def is_elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()


class SyncStatusArea(QWidget):
    sig_review = Signal()

    def __init__(self, session, worker: SyncWorker, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncStatus")
        self.session = session
        self.worker = worker
        self.sentence = ElidedLabel(objectName="syncSentence")
        self.sentence.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.waiting = QLabel(objectName="syncWaiting")
        self.bar = QProgressBar(objectName="syncProgress")
        self.bar.setMaximumWidth(110)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.review = QPushButton(objectName="syncReview")
        self.review.setFlat(True)
        self.review.setCursor(Qt.CursorShape.PointingHandCursor)
        self.review.clicked.connect(self.sig_review)
        self.review.hide()
        self.now = QPushButton(objectName="syncNow")
        self.now.clicked.connect(self.worker.sync_now)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        lay.addWidget(self.sentence, 1)
        lay.addWidget(self.bar)
        lay.addWidget(self.waiting)
        lay.addWidget(self.review)
        lay.addWidget(self.now)
        worker.sig_status.connect(lambda _s: self.retranslate())
        worker.sig_started.connect(self.retranslate)
        worker.sig_progress.connect(lambda _p: self.retranslate())
        worker.sig_finished.connect(lambda _r: self.retranslate())
        self.retranslate()

    def refresh(self) -> None:
        """Read the counts again (the main window asks at start)."""
        self.worker.refresh_status()

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
        self.sentence.setText(line_text)
        self.sentence.setToolTip(line_text + ("\n" + tooltip if tooltip else ""))
        colour = _COLOURS.get(tone)
        self.sentence.setStyleSheet(f"color: {colour};" if colour and tone != OK else "")
        self.waiting.setText("· " + t.waiting(s.waiting) if s is not None else "")
        review = t.to_review(s)
        self.review.setText(review)
        self.review.setToolTip(self.tr("Open the list of conflicts and rejected changes"))
        self.review.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: 600;" if review else "")
        self.review.setVisible(bool(review))
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
