"""Residents merged into another (``merged_into`` on a tombstone): the
server follows the pointer, so nothing written for the merged-away record
on a PC that had not heard of the merge is lost or doubled.

- a record (checkup, condition, card, room ... any synced table with a
  ``resident_id``) that arrives for a merged-away resident is stored on the
  survivor, and the device that sent it is told (a change of the server's);
- an edit of the merged-away resident's own fields goes to the survivor
  when the survivor's field is empty, otherwise to the conflict inbox (on
  the survivor's row, so keeping it there sets the survivor's value);
- edits of the merged-away resident that reached the server before the
  merge did are carried to the survivor the same way;
- when a merge arrives, records the merging PC did not know of (sent by
  another PC meanwhile) are moved to the survivor by the server itself.
Checkups and rehab sessions are insert-only, but a merge's move of one
(an update of ``resident_id`` alone, from a merged-away resident to its
survivor) is accepted.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Iterator

import sqlalchemy as sa

from care_core import protocol as p
from care_core.domain.hlc import Clock, Stamp
from care_core.domain.merging import MAX_CHAIN

from .entities import Refusal
from .jsontext import loads
from .tables import records

if TYPE_CHECKING:  # pragma: no cover
    from .ingest import Merger, Outcome, Row

RESIDENT_TABLES = tuple(t for t, columns in p.SYNCED_SCHEMA.items() if "resident_id" in columns)
"""Every synced table whose rows belong to a resident (found, not listed)."""
_RESIDENT_SET = frozenset(RESIDENT_TABLES)
_OWN = ("deleted", "merged_into")


def is_repoint(change: p.Change) -> bool:
    return change.op == "update" and set(change.fields) == {"resident_id"}


def merged_away(row) -> bool:
    return row is not None and row.table == "residents" and row.deleted and bool(row.data.get("merged_into"))


def survivor(store, facility_code: str, resident_id: str) -> str | None:
    """Where a merged-away resident lives now (None: it is not merged away)."""
    current, hops = resident_id, 0
    while True:
        row = store.get("residents", current)
        if row is None or row.facility_code != facility_code or not merged_away(row):
            return None if current == resident_id else current
        hops += 1
        if hops > MAX_CHAIN or row.data["merged_into"] == resident_id:
            raise Refusal(f"Chuỗi gộp hồ sơ quá dài (hơn {MAX_CHAIN} lần) hoặc vòng lặp.",
                          f"The chain of merged records is too long (over {MAX_CHAIN}) or loops.")
        current = row.data["merged_into"]


def _server_hlc(after: str) -> str:
    return Clock(p.SERVER_ORIGIN, last=Stamp.decode(after)).tick().encode()


def follow_resident(store, facility_code: str, change: p.Change) -> tuple[p.Change, str | None]:
    """The change with its ``resident_id`` moved to the survivor, if it names a merged-away resident."""
    rid = change.fields.get("resident_id")
    if change.table not in _RESIDENT_SET or not isinstance(rid, str):
        return change, None
    first = store.get("residents", rid)  # survivor's first step, written out: the resident is rarely merged away
    if first is None or first.facility_code != facility_code or not (first.deleted and first.data.get("merged_into")):
        return change, None
    to = survivor(store, facility_code, rid)
    if to is None:
        return change, None
    return replace(change, fields={**change.fields, "resident_id": to}), to


def tell_origin(row: "Row", change: p.Change, moved_to: str, outcome: "Outcome") -> None:
    """The device holds the row under the merged-away resident: a change of
    the server's (which it pulls) tells it where the row went."""
    hlc = _server_hlc(change.hlc)
    row.meta["resident_id"] = [hlc, p.SERVER_ORIGIN, row.version]
    row.dirty, row.data_json = True, None
    outcome.server_changes.append((row, {"resident_id": moved_to}, hlc))


def repoint(merger: "Merger", row: "Row", change: p.Change) -> "Outcome":
    """A merge's move of an insert-only record to the survivor."""
    from .ingest import Outcome
    target = change.fields["resident_id"]
    current = row.data.get("resident_id")
    if current == target:
        return Outcome("duplicate")  # moved already (by the server, when the merge arrived)
    if survivor(merger.store, merger.facility_code, current) != target:
        raise Refusal("Bản ghi khám/PHCN chỉ được chuyển sang hồ sơ mà hồ sơ của nó đã được gộp vào.",
                      "A checkup or rehab record may only move to the record its resident was merged into.")
    row.version += 1
    row.data["resident_id"] = target
    row.meta["resident_id"] = [change.hlc, merger.device_id, row.version]
    row.dirty, row.data_json = True, None
    return Outcome("applied", effective={"resident_id": target})


def divert(merger: "Merger", row: "Row", change: p.Change) -> "Outcome":
    """An edit of a merged-away resident's own fields: to the survivor."""
    from .ingest import Outcome
    out = Outcome("merged")
    if change.op == "delete":
        return Outcome("applied")  # a tombstone already
    fields = {k: v for k, v in change.fields.items() if k not in _OWN}
    target = survivor(merger.store, merger.facility_code, row.row_id)
    _carry(merger, merger.store.get("residents", target), {k: (v, change.hlc, merger.device_id)
                                                          for k, v in fields.items()}, out)
    # the tombstone keeps its values: the device's copy of it is set back to them
    kept = {k: row.data[k] for k in fields if k in row.data}
    if kept:
        hlc = _server_hlc(change.hlc)
        for name in kept:
            row.meta[name] = [hlc, p.SERVER_ORIGIN, row.version]
        row.dirty, row.data_json = True, None
        out.server_changes.append((row, kept, hlc))
    return out


def carry_edits(merger: "Merger", row: "Row", change: p.Change, out: "Outcome") -> None:
    """A merge arrived after other PCs edited the merged-away record: those
    edits go to the survivor (or its conflict inbox), not into a tombstone."""
    base = change.base_version
    edited = {}
    for name in row.data:
        meta = row.field_meta(name)
        if name not in _OWN and meta and meta[2] > base and meta[1] != merger.device_id:
            edited[name] = (row.data[name], meta[0], meta[1])
    target = survivor(merger.store, merger.facility_code, row.row_id)
    if target is not None:
        merger.merged_now.append((row.row_id, target))
        if edited:
            _carry(merger, merger.store.get("residents", target), edited, out)


def _empty(value: Any) -> bool:
    return value is None or value == ""


def _carry(merger: "Merger", target: "Row", fields: dict[str, tuple[Any, str, str]], out: "Outcome") -> None:
    """Values (with their stamp and device) onto the survivor: an empty field
    takes the value, a different one records a conflict a person settles."""
    applied: dict[str, tuple[Any, str, str]] = {}
    disputed: dict[str, tuple[Any, str, str]] = {}
    for name, (value, hlc, device) in sorted(fields.items()):
        current = target.data.get(name)
        if value == current or _empty(value):
            continue
        (applied if _empty(current) else disputed)[name] = (value, hlc, device)
    if applied:
        snap = target.snapshot()
        target.version += 1
        for name, (value, hlc, device) in applied.items():
            target.data[name] = value
            target.meta[name] = [hlc, device, target.version]
        try:
            merger._validate("residents", target.data, target.row_id)
        except Refusal:
            target.restore(snap)
            disputed.update(applied)
            applied = {}
        else:
            target.dirty, target.data_json = True, None
            hlc = max(h for _, h, _ in applied.values())
            out.server_changes.append((target, {k: v for k, (v, _, _) in applied.items()}, hlc))
    for name, (value, hlc, device) in disputed.items():
        meta = target.field_meta(name) or ["", "", 0]
        out.new_conflicts.append(merger._conflict(target, name, (target.data.get(name), meta[0], meta[1]),
                                                  (value, hlc, device)))
        out.conflict_fields.append(name)
    if out.conflict_fields:
        out.status = "conflict"


def sweep(merger: "Merger") -> Iterator[tuple["Row", dict, str]]:
    """After a batch that merged residents: move the records still held by a
    merged-away resident (sent by PCs the merging PC had not heard from)."""
    from .ingest import Row
    store = merger.store
    for merged_id, target in merger.merged_now:
        target = survivor(store, merger.facility_code, merged_id) or target
        candidates = {key: row for key, row in store.rows.items() if key[0] in RESIDENT_TABLES}
        for r in store.conn.execute(sa.select(records).where(
                records.c.facility_code == merger.facility_code, records.c.table_name.in_(RESIDENT_TABLES),
                records.c.data.contains(merged_id))):
            key = (r.table_name, r.row_id)
            if key not in candidates:
                if loads(r.data).get("resident_id") != merged_id:
                    continue
                candidates[key] = Row.from_db(r)
                store.add(candidates[key])
        for row in candidates.values():
            if row.data.get("resident_id") != merged_id:
                continue
            hlc = _server_hlc(max(m[0] for m in row.meta.values()))
            row.version += 1
            row.data["resident_id"] = target
            row.meta["resident_id"] = [hlc, p.SERVER_ORIGIN, row.version]
            row.dirty, row.data_json = True, None
            yield row, {"resident_id": target}, hlc
