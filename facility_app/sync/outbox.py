"""The outbox side of push: pending ``change_log`` rows in device order,
cut into batches, then marked with the server's answer.

States of a ``change_log`` row:
- ``pending``: saved here, not yet acknowledged by the server;
- ``acked``:   the server holds it (applied, merged, duplicate or conflict);
- ``parked``:  the server rejected it with a reason; kept, shown to a
  person, and never in the way of the changes behind it;
- ``dismissed``: parked, and a person has read why (services/sync.py).

(The states are defined once, in ``storage.sync_store``.)

The server's answer (status, reason, server sequence) is kept in ``answer``
so "why was this not sent" always has an answer on this PC.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterator

import orjson
import sqlalchemy as sa

from ..storage.sync_store import ACKED, PARKED, PENDING
from ..storage.tables import change_log
from care_core.protocol import MAX_BATCH_CHANGES, Change, ChangeResult

MAX_RAW_BATCH_BYTES = 1024 * 1024  # canonical JSON, before compression (the wire budget is the engine's)
_OVERHEAD = 170  # ids, stamp, op and keys of one change in canonical JSON


@dataclass(frozen=True, init=False)
class OutRow:
    """One pending change as the push reads it. Besides its columns it
    carries, worked out once when it is made (the push reads every row it
    makes, several times when rows are held back):

    - ``values``: ``fields`` parsed;
    - ``refs``: the records this change names: its own row and the rows it
      points at (a checkup's resident, a correction's original), the values
      of its fields named ``*_id`` that are text."""

    seq: int
    change_id: str
    table: str
    row_id: str
    op: str
    fields: str  # JSON text as the Writer stored it
    base_version: int
    hlc: str

    def __init__(self, seq: int, change_id: str, table: str, row_id: str, op: str, fields: str,
                 base_version: int, hlc: str):
        values = _parse(fields)
        refs = {row_id}
        if "_id" in fields:
            for name in _ref_names(tuple(values)):
                value = values[name]
                if isinstance(value, str):
                    refs.add(value)
        # one dict update, not the frozen dataclass's object.__setattr__ per
        # field (three times slower): a push makes one per change
        vars(self).update(seq=seq, change_id=change_id, table=table, row_id=row_id, op=op, fields=fields,
                          base_version=base_version, hlc=hlc, values=values, refs=refs)

    @property
    def size(self) -> int:
        """About its canonical-JSON size: what the batch budget counts."""
        return len(self.fields.encode("utf-8")) + _OVERHEAD

    def to_change(self, base_version: int | None = None) -> Change:
        """As it travels; ``base_version``: the one to send, if not the stored one."""
        return Change(self.change_id, self.seq, self.table, self.row_id, self.op, dict(self.values),
                      self.base_version if base_version is None else base_version, self.hlc)


def _parse(text: str) -> Any:
    """``json.loads``, by orjson (a third of the time on a push's 10,000
    rows); what only the standard parser reads (``NaN``, which json.dumps
    writes for a float NaN; an integer beyond 64 bits) goes through it."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


_REF_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {}


def _ref_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """Of a change's field names (sorted, as the Writer stores them), those
    ending in ``_id``: the same few sets of names come back row after row,
    so each set is looked at once."""
    found = _REF_NAMES.get(names)
    if found is None:
        if len(_REF_NAMES) >= 4096:  # many different sets of updated fields: start again
            _REF_NAMES.clear()
        found = _REF_NAMES[names] = tuple(n for n in names if n.endswith("_id"))
    return found


_PENDING_SQL = (f"SELECT seq, change_id, table_name, row_id, op, fields, base_version, hlc FROM {change_log.name} "
                "WHERE state = ? AND seq > ? ORDER BY seq LIMIT ?")


def read_pending(conn: sa.Connection, after_seq: int = 0, limit: int = 5000) -> list[OutRow]:
    """Rendered once, read as the driver's tuples: a push reads every
    outbox row, and SQLAlchemy's rows cost ~10 us each."""
    return [OutRow(*r) for r in conn.exec_driver_sql(_PENDING_SQL, (PENDING, after_seq, limit)).all()]


class PendingCounts:
    """How many outbox changes of each row still wait, kept up to date by
    the push as answers come in, without counting the outbox again.

    Read once when a push starts (one pass over the pending rows); answered
    changes are taken off; changes written on this PC while the push runs
    (sequence above ``horizon``) are counted from the database, by a range
    of the primary key, when asked. Counting the whole outbox for every
    answer cost a full pass over an encrypted table each time."""

    def __init__(self, conn: sa.Connection):
        c = change_log.c
        self.horizon = conn.execute(sa.select(sa.func.max(c.seq))).scalar() or 0
        # keyed by plain tuples: SQLAlchemy's rows compare equal to tuples,
        # but every look-up by a tuple then calls Row.__eq__
        self.counts: Counter = Counter((t, r) for t, r in conn.exec_driver_sql(
            f"SELECT table_name, row_id FROM {change_log.name} WHERE state = ? AND seq <= ?",
            (PENDING, self.horizon)).all())
        self.total = sum(self.counts.values())  # every pending change as this read sees it (none above horizon)

    def answered(self, rows: list[OutRow], results: list[ChangeResult]) -> None:
        got = {r.change_id for r in results}
        for row in rows:
            if row.change_id in got and row.seq <= self.horizon:
                self.counts[(row.table, row.row_id)] -= 1

    def now(self, conn: sa.Connection) -> dict[tuple[str, str], int]:
        newer = Counter((t, r) for t, r in conn.exec_driver_sql(  # plain SQL: asked once per answer
            f"SELECT table_name, row_id FROM {change_log.name} WHERE seq > ? AND state = ?",
            (self.horizon, PENDING)).all())
        if not newer:
            return self.counts
        return self.counts + newer


def cut(rows: list[OutRow], max_changes: int = MAX_BATCH_CHANGES, max_bytes: int = MAX_RAW_BATCH_BYTES) -> Iterator[list[OutRow]]:
    """Consecutive batches of at most ``max_changes`` changes and about
    ``max_bytes`` (a single bigger change still travels, alone)."""
    max_changes = max(1, min(max_changes, MAX_BATCH_CHANGES))
    batch: list[OutRow] = []
    size = 0
    for row in rows:
        if batch and (len(batch) >= max_changes or size + row.size > max_bytes):
            yield batch
            batch, size = [], 0
        batch.append(row)
        size += row.size
    if batch:
        yield batch


@dataclass
class Tally:
    acked: int = 0
    parked: int = 0
    conflicts: int = 0
    unanswered: int = 0
    conflict_results: list[ChangeResult] = field(default_factory=list)
    parked_results: list[ChangeResult] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        self.acked += other.acked
        self.parked += other.parked
        self.conflicts += other.conflicts
        self.unanswered += other.unanswered
        self.conflict_results += other.conflict_results
        self.parked_results += other.parked_results


def _answer_json(r: ChangeResult) -> str:
    if type(r.server_seq) is int and r.status in ("applied", "duplicate") and not (
            r.reason_vi or r.reason_en or r.conflict_fields or r.clock_suspect):
        return f'{{"server_seq": {r.server_seq}, "status": "{r.status}"}}'  # = json.dumps below, 10x faster
    data = {"status": r.status, "server_seq": r.server_seq}
    if r.reason_vi or r.reason_en:
        data["reason_vi"], data["reason_en"] = r.reason_vi, r.reason_en
    if r.conflict_fields:
        data["conflict_fields"] = list(r.conflict_fields)
    if r.clock_suspect:
        data["clock_suspect"] = True
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def record(conn: sa.Connection, sent: list[OutRow], results: list[ChangeResult]) -> Tally:
    """Mark what the server answered; a change it did not answer stays pending."""
    tally = Tally()
    by_id = {r.change_id: r for r in results}
    updates = []
    for row in sent:
        result = by_id.get(row.change_id)
        if result is None:
            tally.unanswered += 1
            continue
        state = PARKED if result.status == "rejected" else ACKED
        if state == PARKED:
            tally.parked += 1
            tally.parked_results.append(result)
        else:
            tally.acked += 1
        if result.status == "conflict":
            tally.conflicts += 1
            tally.conflict_results.append(result)
        updates.append((state, _answer_json(result), row.seq, row.change_id, PENDING))
    if updates:  # by the primary key (the row itself), not through the change id's index
        conn.exec_driver_sql("UPDATE change_log SET state = ?, answer = ? WHERE seq = ? AND change_id = ? AND state = ?",
                             updates)
    return tally
