"""What a merge of two residents reads and moves in the store, and how a PC
follows a merge that arrived by sync (``care_core.domain.merging``).

The tables that hold a resident's records are found, not listed: every
synced table with a ``resident_id`` column, so a table added later moves
with a merge without an edit here."""
from __future__ import annotations

import json

import sqlalchemy as sa

from care_core.domain import merging
from .tables import SYNCED_TABLES, change_log, residents

_CHUNK = 500


def record_tables() -> list[sa.Table]:
    """The synced tables whose rows belong to a resident."""
    return [t for t in SYNCED_TABLES.values() if "resident_id" in t.c]


_POINTER_SQL = f"SELECT merged_into FROM {residents.name} WHERE id = ?"


def pointer(conn: sa.Connection, resident_id: str) -> str | None:
    """The record this resident was merged into, if it was. Plain SQL: every
    record opened asks, and a SQLAlchemy statement is compiled anew for
    each newly opened store."""
    return conn.exec_driver_sql(_POINTER_SQL, (resident_id,)).scalar()


def code_of(conn: sa.Connection, resident_id: str) -> str:
    """A resident's code, deleted or merged ones too (for a message)."""
    return conn.execute(sa.select(residents.c.code).where(residents.c.id == resident_id)).scalar() or resident_id


def survivor_of(conn: sa.Connection, resident_id: str) -> str:
    """The record a resident's data lives in now (itself unless merged away)."""
    return merging.follow(resident_id, lambda i: pointer(conn, i))


def rows_of(conn: sa.Connection, resident_id: str) -> list[tuple[sa.Table, str]]:
    """Every row of every record table that belongs to ``resident_id``,
    tombstones, superseded and voided rows too (all of them move)."""
    out: list[tuple[sa.Table, str]] = []
    for table in record_tables():
        ids = conn.execute(sa.select(table.c.id).where(table.c.resident_id == resident_id)
                           .order_by(table.c.id)).scalars()
        out += [(table, i) for i in ids]
    return out


def record_counts(conn: sa.Connection, resident_id: str) -> dict[str, int]:
    """Live rows per record table (for the comparison a person reads)."""
    return {t.name: conn.execute(sa.select(sa.func.count()).where(t.c.resident_id == resident_id,
                                                                  t.c.deleted.is_(False))).scalar()
            for t in record_tables()}


def follow_merges(conn: sa.Connection) -> dict[str, set[str]]:
    """After a pull: rows still pointing at a merged-away resident (made on
    this PC before the merge arrived) move to the survivor, and so do the
    waiting outbox changes that name it, so they are pushed to the right
    person. Outside the outbox: the server re-points the same rows on its
    side and sends the result. Returns the row ids moved per table."""
    pointers = dict(conn.execute(sa.select(residents.c.id, residents.c.merged_into)
                                 .where(residents.c.merged_into.is_not(None))).all())
    if not pointers:
        return {}
    target = merging.follow_all(pointers, pointers)
    moved: dict[str, set[str]] = {}
    merged_ids = sorted(target)
    for table in record_tables():
        for i in range(0, len(merged_ids), _CHUNK):
            part = merged_ids[i:i + _CHUNK]
            rows = conn.execute(sa.select(table.c.id, table.c.resident_id)
                                .where(table.c.resident_id.in_(part))).all()
            for row_id, old in rows:
                conn.execute(table.update().where(table.c.id == row_id).values(resident_id=target[old]))
                moved.setdefault(table.name, set()).add(row_id)
    names = [t.name for t in record_tables()]
    c = change_log.c
    waiting = []
    for i in range(0, len(merged_ids), 50):  # the outbox may be long: only changes that name one of them
        named = sa.or_(*(c.fields.contains(f'"{m}"') for m in merged_ids[i:i + 50]))
        waiting += conn.execute(sa.select(c.seq, c.fields).where(c.state == "pending", c.table_name.in_(names),
                                                                 named)).all()
    for seq, text in waiting:
        fields = json.loads(text)
        if fields.get("resident_id") in target:
            fields["resident_id"] = target[fields["resident_id"]]
            conn.execute(change_log.update().where(c.seq == seq).values(
                fields=json.dumps(fields, ensure_ascii=False, sort_keys=True)))
    return moved
