"""One line in a resident's record: where its data is - saved on this PC
only, on the provincial server too, or refused by the server.

The record is the resident row and every checkup, condition, rehabilitation
session and referral of it: the line says "not yet on the server" while any
of them waits, and names a refusal first. Read off the GUI thread when the
record loads and after every sync (``worker.hub().sig_synced``).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from ..style import ERROR_COLOUR, OK_COLOUR, WARNING_COLOUR
from ..workers import run_async
from .texts import ERROR, OK, WARNING, texts
from .worker import hub

_COLOURS = {OK: OK_COLOUR, WARNING: WARNING_COLOUR, ERROR: ERROR_COLOUR}
_ORDER = {"parked": 0, "here": 1, "server": 2}


def record_rows(timeline) -> list[tuple[str, str]]:
    rows = [("residents", timeline.resident.id)]
    rows += [("checkups", c.id) for c in timeline.checkups]
    rows += [("conditions", c.id) for c in timeline.conditions]
    rows += [("rehab_sessions", r.id) for r in timeline.rehab]
    rows += [("referrals", r.id) for r in timeline.referrals]
    return rows


def read_state(services, actor, rows: list[tuple[str, str]]) -> tuple[str, bool]:
    """(worst state of the rows, enrolled); off the GUI thread."""
    enrolled = services.sync.status().enrolled
    worst = "server"
    for table, row_id in rows:
        state = services.sync.record_state(actor, table, row_id)
        if _ORDER.get(state, 2) < _ORDER[worst]:
            worst = state
        if worst == "parked":
            break
    return worst, enrolled


class RecordSyncLabel(QLabel):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recordSyncState")
        self.setWordWrap(True)  # two short lines rather than a record wider than a 150 % screen
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 30)
        self.session = session
        self.rows: list[tuple[str, str]] = []
        self.state: tuple[str, bool] | None = None
        self._reading = False
        self._again = False
        hub().sig_synced.connect(self.refresh)

    def track(self, timeline) -> None:
        """The record (re)loaded: these are its rows now."""
        self.rows = record_rows(timeline)
        self.refresh()

    def refresh(self) -> None:
        if not self.rows:
            return
        if self._reading:
            self._again = True
            return
        self._reading = True
        s, rows = self.session, list(self.rows)
        run_async(lambda: read_state(s.services, s.actor, rows), self._read, self._failed, owner=self)

    def _read(self, state: tuple[str, bool]) -> None:
        self._reading = False
        self.state = state
        self.retranslate()
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._reading = False
        from .. import dialogs

        dialogs.explain(exc, self.session.lang)  # logged; the line keeps its last text

    def retranslate(self) -> None:
        if self.state is None:
            self.setText("")
            return
        line = texts().record_state(*self.state)
        self.setText(line.text)
        self.setToolTip(line.text)
        colour = _COLOURS.get(line.tone)
        self.setStyleSheet(f"color: {colour};" if colour else "")

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
