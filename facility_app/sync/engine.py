"""One sync: push everything waiting, then pull until the server has no more.

``sync_once(store)`` is what ``facility-admin sync run``, the GUI's "Sync
now" and its background timer call. It is safe to stop at any point - a
power cut, a dropped link, a killed process:

- push is idempotent: a resent batch (same id) gets the server's stored
  answer, a change sent again in another batch is answered ``duplicate``;
  a change is marked acknowledged only in the transaction that records the
  server's answer;
- the pull cursor moves only in the transaction that applied the page.

Batches adapt to the link: up to 1,000 changes and 128 KB on the wire
(compressed, harder on a slow link: ``_Sizer.level``), halved after a
timeout or reset and grown back after quick answers. On a slow link with a long round trip, up to four batches travel
at once (each on its own connection) so the link is not idle while the
server answers; a batch that names a record still travelling in an earlier
batch (its insert, or the resident a checkup belongs to) waits for that
answer, so the server never sees a record before its creation. A batch the server cannot read (400, 413,
422) is split until the one change at fault is found; that change is
parked here with the server's reason and the rest go on.
"""
from __future__ import annotations

import bisect
import contextlib
import gc
import json
import queue
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable

import sqlalchemy as sa

from care_core.domain.ids import new_id
from ..storage.store import Store
from ..storage import repositories, sync_store
from . import api, merge, outbox, state
from .client import Transport, WireStats
from .errors import Offline, Refused, ServerTrouble, SyncError
from care_core.protocol import (
    DEFAULT_PULL_LIMIT, MAX_BATCH_CHANGES, MAX_PULL_LIMIT, ZSTD_FAST_LINK_LEVEL, ZSTD_LEVEL, ChangeResult,
    PushBatch,
)

LINK_LEVEL_KEY = "sync_link_level"  # meta: the compression level the last push ended at (a local setting)
MAX_BATCH_BYTES = 128 * 1024  # a batch's body as it travels (msgpack + zstd)
SCAN_AHEAD = 5000  # outbox rows looked at to fill one batch around held-back ones
MIN_CHANGES = 25
MIN_BYTES = 8 * 1024
MAX_WINDOW = 4
# a batch answered at this rate or faster (round trip and the server's work
# included) is on a link fast enough that compressing harder costs the PC
# more time than the bytes it saves: about 1 Mbit/s
FAST_LINK_BYTES_PER_S = 128 * 1024
# zstd's level on such a link (ZSTD_LEVEL, 15, on a slower one): a batch of
# 1,000 changes (500 KB of msgpack) costs the PC about 1 ms at level 1, 6 ms
# at 6 (the server's level for its answers) and 15-30 ms at 15, for 3 % and
# 8 % more bytes than at 6 and 15
LIGHT_LEVEL = 1
BATCH_TRIES = 3  # per batch within one run on 5xx, on top of urllib3's quick retries
LOCAL_PARK_LIMIT = 20  # more changes than this refused whole-batch: something systematic, stop
PULL_AHEAD = 8  # pages fetched and waiting to be applied, at most
APPLY_CHANGES = 5000  # pulled changes applied in one transaction, at most (pages already here)


@dataclass(frozen=True)
class Progress:
    phase: str  # push | pull | conflicts | done
    done: int
    total: int  # 0 when unknown (pull)


@dataclass
class Report:
    pushed: int = 0  # changes the server acknowledged this run
    parked: int = 0  # of those, refused (parked) this run
    conflicts: int = 0  # pushed changes answered "conflict"
    pulled: int = 0  # changes pulled this run
    applied: merge.Applied = field(default_factory=merge.Applied)
    new_conflicts: int = 0  # new in the local inbox
    waiting: int = 0  # still in the outbox after the run
    parked_total: int = 0  # parked and not yet dismissed, all runs
    open_conflicts: int = 0
    wire: WireStats = field(default_factory=WireStats)
    push_rounds: int = 0  # push requests that got an answer
    pull_rounds: int = 0
    clock_skew_ms: int = 0  # this PC's clock minus the server's, as last measured
    error: SyncError | None = None
    seconds: float = 0.0
    push_seconds: float = 0.0

    @property
    def complete(self) -> bool:
        """Everything pushed and pulled, nothing refused waiting for a person."""
        return self.error is None and self.waiting == 0 and self.parked_total == 0


class _Sizer:
    """Batch limits and compression that follow the link."""

    def __init__(self, max_changes: int, max_bytes: int, window: int, level: int | None = None):
        self.max_changes = self.ceiling_changes = max(1, min(max_changes, MAX_BATCH_CHANGES))
        self.max_bytes = self.ceiling_bytes = max_bytes
        self.max_window = max(1, window)
        self.window = self.max_window  # several batches on the wire from the start; one after a failure
        # the link as the last sync found it (``LINK_LEVEL_KEY``): hard after
        # a slow one, light after a fast one (level 6 as stored by earlier
        # versions included). Unknown (a PC's first push): level 6 until the
        # first answer tells, a middle way: on a slow link the first window
        # of batches goes some 5 % larger than at 15 (at 1: 6-12 %), once; on
        # a fast one each costs the PC about 6 ms of zstd (15: 15-30 ms)
        if level is None:
            self.level = ZSTD_FAST_LINK_LEVEL
        else:
            self.level = ZSTD_LEVEL if level == ZSTD_LEVEL else LIGHT_LEVEL
        self.judged = False  # an answer has told how fast the link is

    def shrink(self) -> None:
        self.max_changes = max(MIN_CHANGES, self.max_changes // 2)
        self.max_bytes = max(MIN_BYTES, self.max_bytes // 2)
        self.window = 1
        self.level = ZSTD_LEVEL

    def answered(self, seconds: float, sent_bytes: int = 0, server_seconds: float = 0.0) -> None:
        """The link is judged by the round trip less the server's own time
        (which it tells): a busy server must not make the PC compress harder."""
        link = seconds - min(max(server_seconds, 0.0), seconds)
        fast = sent_bytes >= FAST_LINK_BYTES_PER_S * max(link, 1e-3)
        self.level = LIGHT_LEVEL if fast else ZSTD_LEVEL
        self.judged = True
        if seconds < 2.0:
            self.max_changes = min(self.ceiling_changes, self.max_changes * 2)
            self.max_bytes = min(self.ceiling_bytes, self.max_bytes * 2)
        if self.window < self.max_window:
            self.window += 1  # the link works again: back to several on the wire


def _error_text(exc: SyncError) -> str:
    return json.dumps({"kind": exc.kind, "vi": exc.message("vi"), "en": exc.message("en")}, ensure_ascii=False)


class SyncEngine:
    def __init__(self, store: Store, *, connect_timeout: float = 10.0, read_timeout: float = 40.0,
                 retries: int = 2, max_changes: int = MAX_BATCH_CHANGES,
                 max_bytes: int = MAX_BATCH_BYTES, window: int = MAX_WINDOW,
                 pull_limit: int | None = None, pause: Callable[[float], None] = time.sleep):
        self.store = store
        self.connect_timeout, self.read_timeout, self.retries = connect_timeout, read_timeout, retries
        self.max_changes, self.max_bytes, self.window = max_changes, max_bytes, window
        self.pull_limit = pull_limit
        self.pause = pause
        self._sizer: _Sizer | None = None  # the last push's (its level is kept for the next sync)

    # --- the run -------------------------------------------------------------

    def run(self, progress: Callable[[Progress], None] | None = None,
            should_stop: Callable[[], bool] | None = None) -> Report:
        """Push, tell the server about conflicts resolved here, pull, fetch the
        conflict inbox. Never raises a SyncError: it is in ``report.error``."""
        started = time.monotonic()
        report = Report()
        progress = progress or (lambda p: None)
        should_stop = should_stop or (lambda: False)
        with self.store.read() as conn:
            settings = state.require(conn)
        transport = Transport(settings.server_url, settings.token, ca_bundle=settings.ca_bundle,
                              connect_timeout=self.connect_timeout, read_timeout=self.read_timeout,
                              retries=self.retries)
        try:
            pushing = time.monotonic()
            try:
                with _no_automatic_collection():
                    self._push(transport, settings, report, progress, should_stop)
            finally:
                report.push_seconds = time.monotonic() - pushing
            told = self._tell_resolutions(transport)
            self._pull(transport, settings, report, progress, should_stop)
            with self.store.read() as conn:
                open_here = bool(sync_store.open_conflict_count(conn))
            # a new conflict always comes with a change to pull (the colliding
            # change has its place in the stream even when it lost), so a quiet
            # run saves this round trip
            if report.conflicts or report.pulled or told or open_here:
                self._fetch_conflicts(transport, settings, report)
        except SyncError as exc:
            report.error = exc
        finally:
            report.wire.add(transport.stats)
            transport.close()
        self._finish(report)
        report.seconds = time.monotonic() - started
        progress(Progress("done", 1, 1))
        return report

    def _finish(self, report: Report) -> None:
        with self.store.write(_actor(), "sync") as w:
            conn = w.conn
            by_state = sync_store.count_by_state(conn)
            report.waiting = by_state.get(sync_store.PENDING, 0)
            report.parked_total = by_state.get(sync_store.PARKED, 0)
            report.open_conflicts = sync_store.open_conflict_count(conn)
            sizer = self._sizer
            if sizer is not None and sizer.judged:  # the next sync's first batches compress for this link
                repositories.set_meta_value(conn, LINK_LEVEL_KEY, str(sizer.level))
            if report.pull_rounds:
                state.record_clock_skew(conn, report.clock_skew_ms)
            if report.error is None:
                state.record_attempt(conn, ok=True)
            else:
                state.record_attempt(conn, ok=False, error=_error_text(report.error),
                                     revoked=report.error.kind == "revoked")

    # --- push ------------------------------------------------------------------

    def _push(self, transport: Transport, settings: state.Settings, report: Report,
              progress, should_stop) -> None:
        with self.store.read() as conn:  # one pass over the outbox counts what waits, per row and in all
            waiting = outbox.PendingCounts(conn)
            level = repositories.meta_value(conn, LINK_LEVEL_KEY, "")
        total = waiting.total
        if total == 0:
            return
        scan = _Scan()
        sizer = _Sizer(self.max_changes, self.max_bytes, self.window, int(level) if level.isdigit() else None)
        self._sizer = sizer
        done = 0
        local_parked = [0]
        in_flight: list[tuple[_Prepared, Future]] = []
        pool = ThreadPoolExecutor(max_workers=MAX_WINDOW, thread_name_prefix="sync-push")
        failure: SyncError | None = None
        try:
            while True:
                # keep the window full
                while failure is None and len(in_flight) < sizer.window and not should_stop():
                    busy = set().union(*(p.rows_touched for p, _ in in_flight)) if in_flight else set()
                    prepared = self._prepare(settings, scan, sizer, busy)
                    if prepared is None or prepared is _WAIT:
                        break
                    in_flight.append((prepared, pool.submit(self._send, transport, prepared.batch, prepared.rows,
                                                            sizer, local_parked, prepared.encoded)))
                if not in_flight:
                    break
                # the oldest batch in flight, and any after it already answered:
                # their answers are recorded in one transaction (one commit,
                # one fsync, instead of one per batch)
                ready = [in_flight.pop(0)]
                while in_flight and in_flight[0][1].done():
                    ready.append(in_flight.pop(0))
                answers = []
                for prepared, future in ready:
                    try:
                        answers.append((prepared, future.result()))
                    except SyncError as exc:
                        failure = failure or exc
                if not answers:
                    continue
                with self.store.write(_actor(), "sync-push") as w:
                    for prepared, answered in answers:
                        for sent, results, versions in answered:
                            tally = outbox.record(w.conn, sent, results)
                            waiting.answered(sent, results)
                            merge.note_pushed_versions(w.conn, versions, waiting.now(w.conn))
                            report.pushed += tally.acked + tally.parked
                            report.parked += tally.parked
                            report.conflicts += tally.conflicts
                            report.push_rounds += 1
                done += sum(len(prepared.rows) for prepared, _ in answers)
                progress(Progress("push", min(done, total), total))
        finally:
            pool.shutdown(wait=True)
        if failure is not None:
            raise failure

    def _prepare(self, settings: state.Settings, scan: "_Scan", sizer: _Sizer, busy: set[str]):
        """The next batch: pending changes in device order that name no record
        still travelling (``busy``) and no record of a change held back before
        them - so a record's changes always reach the server in order - up to
        ``max_changes`` and ``max_bytes`` once encoded (halved until it fits)."""
        rows: list[outbox.OutRow] = []
        blocked = set(busy)
        after = scan.low
        looked = 0
        held = 0  # changes held back behind a record in flight
        more = False  # pending changes beyond this batch
        order: list[int] = []  # seqs looked at, in order, until the first one held back
        sent = scan.sent
        with self.store.read() as conn:
            while len(rows) < sizer.max_changes and looked < SCAN_AHEAD:
                chunk = scan.chunk(conn, after)
                if not chunk:
                    break
                for row in chunk:
                    after = row.seq
                    if after in sent:
                        if not held:
                            order.append(after)
                        continue
                    looked += 1
                    if not blocked.isdisjoint(row.refs):
                        blocked.add(row.row_id)  # later changes of this record wait too
                        held += 1
                        continue
                    if not held:
                        order.append(after)
                    rows.append(row)
                    if len(rows) >= sizer.max_changes or looked >= SCAN_AHEAD:
                        more = True
                        break
                else:
                    continue
                break
            if not rows:
                return _WAIT if held else None
            if held and not more and len(rows) < sizer.max_changes:
                # the last, partial batch: sending it now would leave the held-back
                # changes for one more round trip; wait for the answer in flight
                return _WAIT
            batch = self._batch(conn, settings, rows)
        encoded = api.encode_batch(batch, sizer.level)
        while len(encoded[0]) > sizer.max_bytes and len(rows) > 1:
            rows = rows[:len(rows) // 2]
            batch = PushBatch(batch_id=batch.batch_id, device_id=batch.device_id, seq_from=rows[0].seq,
                              seq_to=rows[-1].seq, changes=batch.changes[:len(rows)], compact_answer=True)
            encoded = api.encode_batch(batch, sizer.level)
        scan.sent.update(r.seq for r in rows)
        for seq in order:  # the next scan starts after the run of rows already sent
            if seq not in scan.sent:
                break
            scan.low = seq
        scan.forget_low()
        return _Prepared(rows, batch, encoded)

    def _batch(self, conn: sa.Connection, settings: state.Settings, rows: list[outbox.OutRow]) -> PushBatch:
        bases = merge.base_versions(conn, [r.seq for r in rows if r.op != "insert"])  # an insert's base is 0
        seen = merge._seen_versions(conn, {(r.table, r.row_id) for r in rows
                                           if r.op != "insert" and r.seq not in bases})
        changes = [r.to_change(0 if r.op == "insert" else bases.get(r.seq, seen.get((r.table, r.row_id), 0)))
                   for r in rows]
        return PushBatch(batch_id=new_id(), device_id=settings.server_device_id,
                         seq_from=rows[0].seq, seq_to=rows[-1].seq, changes=changes, compact_answer=True)

    def _send(self, transport: Transport, batch: PushBatch, rows: list[outbox.OutRow], sizer: _Sizer,
              local_parked: list[int], encoded: tuple[bytes, dict] | None = None,
              ) -> list[tuple[list[outbox.OutRow], list[ChangeResult], list]]:
        """Send one batch (retrying the same batch id); split it when the server
        cannot take it whole. Returns (rows, results, versions) per piece."""
        body, headers = encoded or api.encode_batch(batch)
        for attempt in range(BATCH_TRIES):
            started = time.monotonic()
            try:
                answer, server_s = api.push_encoded(transport, body, headers, [c.change_id for c in batch.changes])
            except Offline:
                # urllib3 has already retried the connection: once more with a
                # smaller batch (a stalled link may pass less), then report
                if attempt >= 1:
                    raise
                sizer.shrink()
                if len(rows) > sizer.max_changes:
                    return self._halves(transport, batch, rows, sizer, local_parked)
                self.pause(1.0)
                continue
            except ServerTrouble:
                if attempt == BATCH_TRIES - 1:
                    raise
                self.pause(min(8.0, 1.0 * 2 ** attempt))
                continue
            except Refused as exc:
                if exc.status == 409 and attempt < BATCH_TRIES - 1:  # "retry": a clashing request was running
                    self.pause(0.5)
                    continue
                if exc.status not in (400, 413, 422):
                    raise
                return self._split(transport, batch, rows, sizer, local_parked, exc)
            sizer.answered(time.monotonic() - started, len(body), server_s)
            versions = [(row.table, row.row_id, res.version)
                        for res, row in _pair(answer.results, rows) if res.status != "rejected"]
            return [(rows, answer.results, versions)]
        raise AssertionError("unreachable")

    def _split(self, transport, batch: PushBatch, rows, sizer, local_parked, exc: Refused):
        if len(rows) == 1:
            local_parked[0] += 1
            if local_parked[0] > LOCAL_PARK_LIMIT:
                raise exc
            result = ChangeResult(rows[0].change_id, "rejected",
                                  reason_vi=f"Máy chủ không nhận thay đổi này (mã {exc.status}): {exc.reason_vi}",
                                  reason_en=f"The server cannot take this change (status {exc.status}): {exc.reason_en}")
            return [(rows, [result], [])]
        return self._halves(transport, batch, rows, sizer, local_parked)

    def _halves(self, transport, batch: PushBatch, rows, sizer, local_parked):
        half = len(rows) // 2
        out = []
        for part in (rows[:half], rows[half:]):
            piece = PushBatch(batch_id=new_id(), device_id=batch.device_id, seq_from=part[0].seq,
                              seq_to=part[-1].seq, changes=[c for c in batch.changes
                                                            if part[0].seq <= c.device_seq <= part[-1].seq],
                              compact_answer=True)
            out += self._send(transport, piece, part, sizer, local_parked)
        return out

    # --- conflicts resolved here ------------------------------------------------

    def _tell_resolutions(self, transport: Transport) -> int:
        with self.store.read() as conn:
            todo = sync_store.conflicts_to_tell(conn)
        for conflict_id, value in todo:
            try:
                api.resolve(transport, conflict_id, value)
            except Refused as exc:
                # 422: the server will not take this choice (e.g. an account's
                # password from a PC not allowed to change accounts); the value
                # chosen here travels as an ordinary change too, parked with the
                # reason, so asking again at every sync would only stop the sync
                if exc.status not in (404, 409, 410, 422):
                    raise
            with self.store.write(_actor(), "sync-resolve") as w:
                sync_store.mark_told(w.conn, conflict_id)
                w.audit_only("sync_conflicts", str(conflict_id), {"told_server": True})
        return len(todo)

    # --- pull --------------------------------------------------------------------

    def _pull(self, transport: Transport, settings: state.Settings, report: Report, progress, should_stop) -> None:
        """Pages in order. A thread fetches up to ``PULL_AHEAD`` pages ahead
        while this one applies them (a new PC's first pull is some 200 pages:
        the server's time and the PC's overlap instead of adding up), and the
        pages waiting when an apply ends go in the next one together, up to
        ``APPLY_CHANGES`` changes in one transaction (``merge.apply_pages``).
        A page fetched but not applied is simply pulled again next time: only
        an applied page moves the cursor, in the same transaction."""
        with self.store.read() as conn:
            cursor = state.require(conn).pull_cursor
        reset = False
        if should_stop():
            return
        # a first pull (a new PC, or a store the server went back on) asks for
        # the largest pages: half the requests, and the server's work per
        # request (the device's check, the answer's framing) halves too
        limit = self.pull_limit or (MAX_PULL_LIMIT if cursor == 0 else DEFAULT_PULL_LIMIT)
        fetcher = _Fetcher(transport, cursor, limit)
        try:
            while True:
                item = fetcher.next()
                if isinstance(item, Refused) and item.status == 409 and not reset:
                    # the server went back (restored from a backup)
                    fetcher.close()
                    self._server_went_back()
                    reset = True
                    fetcher = _Fetcher(transport, 0, self.pull_limit or MAX_PULL_LIMIT)
                    continue
                if isinstance(item, BaseException):
                    raise item
                pages = [item]
                failure = None
                while (pages[-1].has_more and sum(len(p.changes) for p in pages) < APPLY_CHANGES
                       and (more := fetcher.next_ready()) is not None):
                    if isinstance(more, BaseException):
                        failure = more  # apply what came before it first
                        break
                    pages.append(more)
                self._apply(pages, settings, report, progress)
                if failure is not None:
                    raise failure
                if not pages[-1].has_more or should_stop():
                    return
        finally:
            fetcher.close()

    def _apply(self, pages: list, settings: state.Settings, report: Report, progress) -> None:
        report.pull_rounds += len(pages)
        applied = merge.apply_pages(self.store, pages, my_device=settings.server_device_id)
        report.applied.add(applied)
        report.pulled += sum(len(page.changes) for page in pages)
        if pages[-1].server_time_ms:
            report.clock_skew_ms = int(time.time() * 1000) - pages[-1].server_time_ms
        progress(Progress("pull", report.pulled, 0))

    def _server_went_back(self) -> None:
        """Its stream is shorter than what this PC has seen: pull it all again
        and offer every acknowledged change again (the server answers
        ``duplicate`` for what it still has)."""
        with self.store.write(_actor(), "sync-server-restored") as w:
            n = sync_store.resend_acked(w.conn)
            w.audit_only("sync_state", "1", {"server_went_back": True, "resent": n})

    def _fetch_conflicts(self, transport: Transport, settings: state.Settings, report: Report) -> None:
        records = api.conflicts(transport)
        with self.store.write(_actor(), "sync-conflicts") as w:
            merge.absorb_local(w.conn)  # the stamps of edits made since the last pull
            report.new_conflicts = sync_store.mirror_conflicts(w.conn, records)
            merge.settle_lost_values(w.conn, records, settings.server_device_id)


class _Fetcher:
    """Pulls pages in order on a thread of its own, up to ``PULL_AHEAD``
    ahead of the pages applied; stops after the last page (``has_more``
    false), at the first error (handed over in its place) or when closed."""

    def __init__(self, transport: Transport, after: int, limit: int):
        self._queue: queue.Queue = queue.Queue(maxsize=PULL_AHEAD)
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(transport, after, limit),
                                        name="sync-pull", daemon=True)
        self._thread.start()

    def _run(self, transport: Transport, after: int, limit: int) -> None:
        while not self._closed.is_set():
            try:
                item = api.pull(transport, after, limit)
            except BaseException as exc:  # handed to the applying thread, which decides
                item = exc
            while not self._closed.is_set():
                try:
                    self._queue.put(item, timeout=0.2)
                    break
                except queue.Full:
                    continue
            if isinstance(item, BaseException) or not item.has_more:
                return
            after = item.cursor

    def next(self):
        """The next page (or the error that ended the fetching), waiting for it."""
        while True:
            try:
                return self._queue.get(timeout=0.2)
            except queue.Empty:
                if not self._thread.is_alive() and self._queue.empty():
                    raise AssertionError("the pull thread ended without a last page or an error") from None

    def next_ready(self):
        """The next page if it has already arrived, else None."""
        try:
            return self._queue.get_nowait()
        except queue.Empty:
            return None

    def close(self) -> None:
        self._closed.set()
        self._thread.join()


_WAIT = object()  # nothing to send until an answer in flight comes back


class _Scan:
    """The outbox as this run walks it: which changes went to a request, and
    the pending rows read once and kept (a held-back change makes later
    scans pass over the rows in flight again; reading them each time from
    the database cost more than the push itself)."""

    CHUNK = 2000

    def __init__(self):
        self.sent: set[int] = set()
        self.low = 0  # every pending change up to here was sent in this run: later scans start above
        self._rows: list[outbox.OutRow] = []
        self._seqs: list[int] = []

    def chunk(self, conn: sa.Connection, after: int) -> list[outbox.OutRow]:
        """Pending rows after ``after`` (those read before, then new ones)."""
        start = bisect.bisect_right(self._seqs, after)
        if start >= len(self._rows):
            fresh = outbox.read_pending(conn, after_seq=max(after, self._seqs[-1] if self._seqs else 0),
                                        limit=self.CHUNK)
            self._rows += fresh
            self._seqs += [r.seq for r in fresh]
        return self._rows[start:start + self.CHUNK]

    def forget_low(self) -> None:
        """Let go of the rows up to ``low``: no scan looks at them again (a
        push of 10,000 changes kept them all, and the collector walked them
        over and over)."""
        cut = bisect.bisect_right(self._seqs, self.low)
        if cut:
            del self._rows[:cut], self._seqs[:cut]


@dataclass
class _Prepared:
    rows: list[outbox.OutRow]
    batch: PushBatch
    encoded: tuple[bytes, dict]

    @cached_property
    def rows_touched(self) -> set[str]:
        return {r.row_id for r in self.rows}


def _pair(results: list[ChangeResult], rows: list[outbox.OutRow]):
    by_id = {r.change_id: r for r in rows}
    for res in results:
        row = by_id.get(res.change_id)
        if row is not None:
            yield res, row


def _actor():
    from care_core.domain.entities import Actor
    from care_core.domain.enums import Role
    return Actor("sync", Role.SYSTEM)


_run_lock = threading.Lock()
SYNC_YOUNG_THRESHOLD = 20_000  # objects allocated between young collections while a sync runs


@contextlib.contextmanager
def _fewer_collections():
    """A push of 10,000 changes allocates millions of short-lived objects
    (rows, dicts, encoded batches); at CPython's default threshold (700)
    the collector ran some 240 times in one push and twice walked the whole
    heap: a quarter of the PC's CPU (benchmarks/sync.py). The young
    generation is collected less often while the sync runs, and the
    thresholds are put back after it. (In the GUI the collector is off and
    a timer collects; it reads the threshold, so it too waits longer.)"""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], SYNC_YOUNG_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextlib.contextmanager
def _no_automatic_collection():
    """While a push runs, no automatic collection (if there is any: the
    GUI has its own, see ui/workers.py). A push makes almost no reference
    cycles (the benchmark's 13 batches of 1,000 changes and the pull after
    them left some 500 objects in cycles: a few dozen a request) but a dozen
    tracked objects a change, and their churn still set off a young
    collection every 20,000 allocations: 5-6 in that push, 20-50 ms of the
    PC's CPU. The few cycles wait for the first collection after the push."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def sync_once(store: Store, progress: Callable[[Progress], None] | None = None,
              should_stop: Callable[[], bool] | None = None, **options) -> Report:
    """One complete exchange; one at a time per process (the GUI's timer and
    "Sync now" never run two at once)."""
    with _run_lock, _fewer_collections():
        return SyncEngine(store, **options).run(progress, should_stop)
