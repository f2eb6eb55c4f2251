"""What the sync screens say, in sentences a nurse understands.

One place for the wording shared by the status bar, the Sync menu, the
review dialog and the record's sync line (context ``SyncTexts``). Every
failure says that the data is safe on this PC and what happens next; the
engine's own longer message goes to the tooltip.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject

from care_core.domain import dates
from ...services.sync import SyncStatus
from ...sync.engine import Progress

OK, INFO, WARNING, ERROR = "ok", "info", "warning", "error"


@dataclass(frozen=True)
class Line:
    text: str
    tone: str  # ok | info | warning | error
    tooltip: str = ""


def error_of(status: SyncStatus | None) -> tuple[str, str, str] | None:
    """(kind, Vietnamese, English) of the last failed attempt, or None."""
    if status is None or not status.last_error:
        return None
    try:
        data = json.loads(status.last_error)
        return data.get("kind") or "error", data.get("vi") or "", data.get("en") or ""
    except (ValueError, AttributeError):
        return "error", status.last_error, status.last_error


class SyncTexts(QObject):
    # --- pieces ---------------------------------------------------------------------------

    def when(self, moment: datetime | None) -> str:
        if moment is None:
            return ""
        local = moment.astimezone()
        clock = dates.hour_minute(local)
        if local.date() == datetime.now().astimezone().date():
            return self.tr("at {time} today").format(time=clock)
        return self.tr("at {time} on {date}").format(time=clock, date=dates.dmy(local.date()))

    def waiting(self, n: int) -> str:
        if n == 0:
            return self.tr("nothing waiting to be sent")
        return self.tr("%n change(s) waiting to be sent", "", n)

    def conflicts(self, n: int) -> str:
        return self.tr("%n conflict(s)", "", n)

    def parked(self, n: int) -> str:
        return self.tr("%n rejected change(s)", "", n)

    def to_review(self, status: SyncStatus | None) -> str:
        """"To review: 2 conflicts, 1 rejected change", or "" when nothing waits for a person."""
        if status is None or not (status.conflicts or status.parked):
            return ""
        parts = ([self.conflicts(status.conflicts)] if status.conflicts else []) + \
                ([self.parked(status.parked)] if status.parked else [])
        return self.tr("To review: {what}").format(what=", ".join(parts))

    def last_sync(self, status: SyncStatus) -> str:
        if status.last_success_at is None:
            return self.tr("Never synced yet")
        return self.tr("Last synced {when}").format(when=self.when(status.last_success_at))

    def clock_warning(self, status: SyncStatus) -> str:
        minutes = round(abs(status.clock_skew_ms) / 60000)
        if status.clock_skew_ms > 0:
            return self.tr("This PC's clock is {minutes} min ahead of the server's: please set the clock.").format(
                minutes=minutes)
        return self.tr("This PC's clock is {minutes} min behind the server's: please set the clock.").format(
            minutes=minutes)

    def progress(self, progress: Progress | None, pages: int) -> str:
        if progress is None or progress.phase in ("done",):
            return self.tr("Syncing…")
        if progress.phase == "push":
            return self.tr("Sending changes: {done} of {total}…").format(done=progress.done, total=progress.total)
        if progress.phase == "pull":
            return self.tr("Receiving changes: page {pages} (%n change(s))…", "", progress.done).format(pages=pages)
        return self.tr("Checking conflicts…")

    # --- the status bar's sentence --------------------------------------------------------------

    def headline(self, status: SyncStatus | None, lang: str, next_in: float | None = None) -> Line:
        """The one sentence of the status bar (without the "waiting" count)."""
        if status is None:
            return Line(self.tr("Sync: reading…"), INFO)
        if not status.enrolled:
            return Line(self.tr("Sync not configured"), INFO, self.tr(
                "This PC is not connected to the provincial server yet: every change is kept here and will be "
                "sent once the administrator enrols this PC (Administration › Sync)."))
        details = [self.last_sync(status) + "."]
        error = error_of(status)
        if error is not None:
            kind, vi, en = error
            details.append(self.tr("Last attempt: {message}").format(message=vi if lang == "vi" else en))
        if next_in is not None and not status.revoked:
            details.append(self.tr("Next automatic sync in about {minutes} min.").format(
                minutes=max(1, round(next_in / 60))))
        if status.clock_wrong:
            details.append(self.clock_warning(status))
        tooltip = "\n".join(details)
        if status.revoked:
            return Line(self.tr("This PC's sync permission was revoked — the data is still saved on this PC; "
                                "ask the IT officer to enrol it again"), ERROR, tooltip)
        if error is not None:
            kind = error[0]
            if kind == "offline":
                text = self.tr("No connection to the server — the data is still saved on this PC; "
                               "it will be sent automatically when the network is back")
            elif kind == "server":
                text = self.tr("The provincial server has a problem — the data is still saved on this PC; "
                               "sync will be tried again automatically")
            elif kind == "tls":
                text = self.tr("The server's security certificate cannot be verified — the data is still saved "
                               "on this PC; ask the IT officer to check the sync settings")
            else:
                text = self.tr("Sync did not succeed — the data is still saved on this PC; "
                               "point here to see why")
            return Line(text, WARNING, tooltip)
        if status.clock_wrong:
            return Line(self.last_sync(status) + " — " + self.clock_warning(status), WARNING, tooltip)
        if status.last_success_at is None:
            return Line(self.tr("Never synced yet"), INFO, tooltip)
        return Line(self.last_sync(status), OK, tooltip)

    # --- a record's sync state ------------------------------------------------------------------

    def record_state(self, state: str, enrolled: bool) -> Line:
        if not enrolled:
            return Line(self.tr("Saved on this PC only (sync not configured)"), INFO)
        if state == "parked":
            return Line(self.tr("The server refused a change of this record (see the Sync menu)"), ERROR)
        if state == "here":
            return Line(self.tr("Saved on this PC — not yet on the provincial server"), WARNING)
        return Line(self.tr("Saved here and on the provincial server"), OK)


_texts: SyncTexts | None = None


def texts() -> SyncTexts:
    global _texts
    if _texts is None:
        _texts = SyncTexts()
    return _texts
