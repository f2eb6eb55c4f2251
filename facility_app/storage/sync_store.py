"""Sync's database half: the outbox states, the status counts, the parked
changes and the conflict inbox, as named reads and writes.

The sync engine (``facility_app.sync``) and the sync service
(``facility_app.services.sync``) both work on these tables; every statement
either of them shares lives here, so a state or a column means one thing.

States of a ``change_log`` row:
- ``pending``:   saved here, not yet acknowledged by the server;
- ``acked``:     the server holds it (applied, merged, duplicate or conflict);
- ``parked``:    the server rejected it with a reason; kept, shown to a
  person, and never in the way of the changes behind it;
- ``dismissed``: parked, and a person has read why.
"""
from __future__ import annotations

import json
from datetime import date
from typing import Any, Mapping

import sqlalchemy as sa

from .changes import now_iso
from .repositories import set_meta_value
from .tables import SYNCED_TABLES, change_log, meta, sync_conflicts, sync_state

PENDING, ACKED, PARKED, DISMISSED = "pending", "acked", "parked", "dismissed"
CLOCK_SKEW_KEY = "sync_clock_skew_ms"  # this PC's clock minus the server's, last measured
OTHER_PC = "(máy khác / other PC)"  # who resolved a conflict the server no longer lists


# --- status ------------------------------------------------------------------

def enrolment(conn: sa.Connection) -> Mapping | None:
    """The one ``sync_state`` row, or None before enrolment."""
    return conn.execute(sa.select(sync_state).where(sync_state.c.id == 1)).mappings().first()


def count_by_state(conn: sa.Connection) -> dict[str, int]:
    """How many outbox rows are in each state."""
    return dict(conn.execute(sa.select(change_log.c.state, sa.func.count()).group_by(change_log.c.state)).all())


def pending_count(conn: sa.Connection) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(change_log)
                        .where(change_log.c.state == PENDING)).scalar() or 0


def open_conflict_count(conn: sa.Connection) -> int:
    return conn.execute(sa.select(sa.func.count()).select_from(sync_conflicts)
                        .where(sync_conflicts.c.resolved_at.is_(None))).scalar() or 0


def clock_skew_ms(conn: sa.Connection) -> int:
    return int(conn.execute(sa.select(meta.c.value).where(meta.c.key == CLOCK_SKEW_KEY)).scalar() or 0)


def record_states(conn: sa.Connection, table: str, row_id: str) -> set[str]:
    """The outbox states of one record's changes."""
    c = change_log.c
    return set(conn.execute(sa.select(c.state).where(c.table_name == table, c.row_id == row_id)
                            .distinct()).scalars())


def save_enrolment(conn: sa.Connection, *, server_url: str, token: str, server_device_id: str,
                   facility_code: str, ca_bundle: str | None) -> None:
    """A new enrolment replaces the old one; the pull cursor starts again at 0
    (pulling everything again is harmless: applying a change twice is a no-op)."""
    conn.execute(sa.delete(sync_state))
    conn.execute(sync_state.insert().values(
        id=1, server_url=server_url, token=token, server_device_id=server_device_id,
        facility_code=facility_code, ca_bundle=ca_bundle, pull_cursor=0, enrolled_at=now_iso(),
        revoked=False))


def move_cursor(conn: sa.Connection, cursor: int) -> None:
    """Only forward, and only inside the transaction that applied the page."""
    conn.execute(sa.update(sync_state).where(sync_state.c.id == 1, sync_state.c.pull_cursor < cursor)
                 .values(pull_cursor=cursor))


def record_attempt(conn: sa.Connection, *, ok: bool, error: str | None = None, revoked: bool = False) -> None:
    at = now_iso()
    values = {"last_attempt_at": at, "last_error": None if ok else error}
    if ok:
        values["last_success_at"] = at
        values["revoked"] = False
    elif revoked:
        values["revoked"] = True
    conn.execute(sa.update(sync_state).where(sync_state.c.id == 1).values(**values))


def record_clock_skew(conn: sa.Connection, skew_ms: int) -> None:
    set_meta_value(conn, CLOCK_SKEW_KEY, str(int(skew_ms)))


# --- parked changes ------------------------------------------------------------

def parked_rows(conn: sa.Connection, limit: int) -> list:
    """Changes the server refused, oldest first: seq, change_id, table_name,
    row_id, op, fields (JSON) and answer (JSON)."""
    c = change_log.c
    return conn.execute(sa.select(c.seq, c.change_id, c.table_name, c.row_id, c.op, c.fields, c.answer)
                        .where(c.state == PARKED).order_by(c.seq).limit(limit)).all()


def dismiss_parked(conn: sa.Connection, seq: int | None = None) -> int:
    """Parked -> dismissed (one change, or all with ``None``); how many."""
    q = sa.update(change_log).where(change_log.c.state == PARKED)
    if seq is not None:
        q = q.where(change_log.c.seq == seq)
    return conn.execute(q.values(state=DISMISSED)).rowcount


def resend_acked(conn: sa.Connection) -> int:
    """Offer every acknowledged change again (the server went back to a
    backup) and pull from the start; how many changes go out again."""
    conn.execute(sa.update(sync_state).where(sync_state.c.id == 1).values(pull_cursor=0))
    return conn.execute(sa.update(change_log).where(change_log.c.state == ACKED)
                        .values(state=PENDING)).rowcount


# --- conflicts -------------------------------------------------------------------

def my_devices(conn: sa.Connection) -> set[str]:
    """The ids this PC has written under: its own and the server's name for it."""
    ids = set(conn.execute(sa.select(meta.c.value).where(meta.c.key == "device_id")).scalars())
    ids |= set(conn.execute(sa.select(sync_state.c.server_device_id)).scalars())
    return ids


def conflict_rows(conn: sa.Connection, *, include_resolved: bool = False) -> list[Mapping]:
    q = sa.select(sync_conflicts).order_by(sync_conflicts.c.id)
    if not include_resolved:
        q = q.where(sync_conflicts.c.resolved_at.is_(None))
    return list(conn.execute(q).mappings())


def conflict_row(conn: sa.Connection, conflict_id: int) -> Mapping | None:
    return conn.execute(sa.select(sync_conflicts).where(sync_conflicts.c.id == conflict_id)).mappings().first()


def mark_resolved(conn: sa.Connection, conflict_id: int, username: str, chosen: str) -> None:
    """Decided here (``chosen``: winning | losing); the server is told at the next sync."""
    conn.execute(sa.update(sync_conflicts).where(sync_conflicts.c.id == conflict_id).values(
        resolved_at=now_iso(), resolved_by=username, chosen=chosen, server_told=False))


def synced_row(conn: sa.Connection, table_name: str, row_id: str) -> Mapping | None:
    """A record of a synced table, tombstoned or not."""
    table = SYNCED_TABLES[table_name]
    return conn.execute(sa.select(table).where(table.c.id == row_id)).mappings().first()


def user_id_with_username(conn: sa.Connection, username: str) -> str | None:
    """The account holding a login name, deleted or not (names stay unique)."""
    table = SYNCED_TABLES["users"]
    return conn.execute(sa.select(table.c.id).where(table.c.username == username)).scalar()


def wire_to_column(table_name: str, name: str, value: Any) -> Any:
    """A value as the wire carries it (JSON) -> as its column holds it."""
    column = SYNCED_TABLES[table_name].c[name]
    if value is None:
        return None
    if isinstance(column.type, sa.Date) and isinstance(value, str):
        return date.fromisoformat(value)
    if isinstance(column.type, sa.Boolean):
        return bool(value)
    return value


def mirror_conflicts(conn: sa.Connection, records: list) -> int:
    """Take the server's open conflicts into the local inbox; a local open
    conflict the server no longer lists was resolved elsewhere. Returns how
    many are new here."""
    listed = {rec.id for rec in records}
    known = dict(conn.execute(sa.select(sync_conflicts.c.id, sync_conflicts.c.resolved_at)).all())
    new = [rec for rec in records if rec.id not in known]
    if new:
        at = now_iso()
        conn.execute(sync_conflicts.insert(), [{
            "id": rec.id, "table_name": rec.table, "row_id": rec.row_id, "field": rec.field,
            "winning_value": json.dumps(rec.winning_value, ensure_ascii=False),
            "winning_hlc": rec.winning_hlc, "winning_device": rec.winning_device,
            "losing_value": json.dumps(rec.losing_value, ensure_ascii=False),
            "losing_hlc": rec.losing_hlc, "losing_device": rec.losing_device,
            "server_seq": rec.server_seq, "fetched_at": at, "server_told": False,
        } for rec in new])
    gone = [cid for cid, resolved in known.items() if resolved is None and cid not in listed]
    if gone:
        conn.execute(sa.update(sync_conflicts).where(sync_conflicts.c.id.in_(gone)).values(
            resolved_at=now_iso(), resolved_by=OTHER_PC, server_told=True))
    return len(new)


def conflicts_to_tell(conn: sa.Connection) -> list[tuple[int, Any]]:
    """Resolved here, not yet told to the server: (server id, chosen wire value)."""
    rows = conn.execute(sa.select(sync_conflicts).where(
        sync_conflicts.c.resolved_at.is_not(None), sync_conflicts.c.server_told.is_(False),
        sync_conflicts.c.chosen.is_not(None))).mappings()
    return [(r["id"], json.loads(r["winning_value"] if r["chosen"] == "winning" else r["losing_value"]))
            for r in rows]


def mark_told(conn: sa.Connection, conflict_id: int) -> None:
    conn.execute(sa.update(sync_conflicts).where(sync_conflicts.c.id == conflict_id).values(server_told=True))
