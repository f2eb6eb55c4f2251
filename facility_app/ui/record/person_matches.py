"""Who this might already be: the duplicate check beside the admission form.

As the nurse types a name, birth date, CCCD or card number, the panel asks
``ResidentService.find_person`` (debounced, on a worker, so typing never
waits) and lists the persons found, discharged ones too, surest first, each
with why and a button to open the record. An answer that arrives after a
newer question was asked is dropped.

``readmit_requested(resident_id)``: the nurse wants the found person to
come back (a new stay on the old record): the main window opens that
record on its Re-admit dialog.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from care_core.domain.dates import dmy
from care_core.domain.identity import MatchLevel, PersonDraft, PersonMatch
from .. import style, workers

DEBOUNCE_MS = 150


class PersonMatchPanel(QFrame):
    open_requested = Signal(str)
    readmit_requested = Signal(str)
    sig_updated = Signal()  # the list shows the answer to the latest question

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("personMatches")
        self.matches: list[PersonMatch] = []
        self._draft = PersonDraft()
        self._asked = 0  # the number of the latest question; older answers are dropped
        self._answered = 0
        self._waiting: list[Callable[[list[PersonMatch]], None]] = []
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._ask)
        self.heading = QLabel(self, objectName="personMatchesHeading", wordWrap=True)
        self.rows = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.heading)
        layout.addLayout(self.rows)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.hide()

    # --- questions -----------------------------------------------------------------

    def set_draft(self, draft: PersonDraft) -> None:
        """What the form holds now; the question is asked once typing pauses."""
        if draft == self._draft:
            return
        self._draft = draft
        self._asked += 1  # an answer to an older draft is stale from now on
        self._timer.start()

    def _ask(self) -> None:
        self._asked += 1
        number, draft = self._asked, self._draft
        if not draft.searchable():
            self._show(number, [])
            return
        residents, actor = self.session.services.residents, self.session.actor
        workers.run_async(lambda: residents.find_person(actor, draft),
                          lambda found: self._show(number, found), lambda _exc: self._show(number, []), owner=self)

    def when_current(self, then: Callable[[list[PersonMatch]], None]) -> None:
        """Call ``then`` with the matches of what is typed now (asking first if
        the list is not up to date): what the dialog checks before saving."""
        if not self._timer.isActive() and not self._in_flight():
            then(self.matches)
            return
        self._waiting.append(then)
        if self._timer.isActive():
            self._timer.stop()
            self._ask()

    def _in_flight(self) -> bool:
        return self._answered != self._asked

    def _show(self, number: int, found: list[PersonMatch]) -> None:
        if number != self._asked:
            return  # a newer question is on its way
        self._answered = number
        self.matches = list(found)
        self._rebuild()
        self.sig_updated.emit()
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then(self.matches)

    # --- the list ------------------------------------------------------------------

    def certain(self) -> list[PersonMatch]:
        return [m for m in self.matches if m.level == MatchLevel.CERTAIN]

    def _rebuild(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if not self.matches:
            self.hide()
            return
        if self.certain():
            self.heading.setText(self.tr("This person is already on record. Open the old record instead of "
                                         "making a second one."))
            self.setStyleSheet(f"QFrame#personMatches {{ {style.ERROR_BOX} }}")
        else:
            self.heading.setText(self.tr("Someone on record may be this person. Check before saving:"))
            self.setStyleSheet(f"QFrame#personMatches {{ {style.NOTICE_BOX} }}")
        lang = self.session.lang
        for i, m in enumerate(self.matches):
            self.rows.addWidget(self._row(i, m, lang))
        self.show()

    def _row(self, i: int, m: PersonMatch, lang: str) -> QWidget:
        r = m.resident
        row = QWidget(self, objectName=f"personMatch_{i}")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        left = (self.tr("left on %1").replace("%1", dmy(r.discharge_date)) if r.discharge_date
                else self.tr("here now"))
        text = QLabel(f"<b>{_escape(r.code)}</b> {_escape(r.full_name)}, {dmy(r.birth_date)} ({left}): "
                      f"<i>{_escape(m.level_text(lang))}</i> – {_escape(m.reason_text(lang))}", row,
                      objectName=f"personMatchText_{i}")
        text.setWordWrap(True)
        opener = QPushButton(self.tr("Open the record"), row, objectName=f"personMatchOpen_{i}")
        opener.clicked.connect(lambda _=False, rid=r.id: self.open_requested.emit(rid))
        line.addWidget(text, 1)
        line.addWidget(opener)
        if r.discharge_date is not None:
            back = QPushButton(self.tr("Admit again"), row, objectName=f"personMatchReadmit_{i}")
            back.clicked.connect(lambda _=False, rid=r.id: self.readmit_requested.emit(rid))
            line.addWidget(back)
        return row


def _escape(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
