"""Apply pulled pages to the local tables: one transaction, cursor included.

The merge rule is the server's (docs/sync-protocol.md, "Merge"): per field,
the value with the higher HLC stamp wins; stamps compare as fixed-width
strings. The server sends only the fields that won on the server, in
server-sequence order; what this PC adds is its own changes the server has
not seen yet (still in the outbox): a pulled field whose stamp is older than
a local edit of that field is skipped here, and the server will decide the
same way when that edit is pushed (and record the conflict). So once every
change has travelled, this PC, the other PCs and the server hold the same
values.

Bookkeeping per row:
- ``field_clock``: the stamp of each field's current value; local edits are
  copied in ("absorbed") from ``change_log`` at the start of each apply;
- ``row_sync.known_version``: the newest server version of the row known
  here (a pulled change carries the row's current server version and the
  current values of the fields it touched);
- ``row_sync.seen_version``: the known version as of the last *complete*
  pull (``has_more`` false), when every field of the row up to that version
  has been seen. A local edit's ``base_version`` on the wire is this number
  as it was when the edit was made (frozen into ``outbox_base`` by the
  absorb step), which is what the server's concurrency rule asks;
- the row's ``version`` column = the newest server version known here plus
  the local edits still waiting, so the nurse's optimistic lock still sees
  every change and, once the outbox is empty, every copy shows the server's
  version.

Pulled changes write no outbox rows and no audit rows (they were audited on
the PC that made them); they advance the local clock (``Clock.observe``),
so the next local edit is stamped after everything this PC has seen.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa

from care_core.domain.changes import ChangeSet
from care_core.domain.hlc import Stamp
from care_core.fields import from_wire
from ..storage import merges
from ..storage.store import Store
from ..storage.tables import (
    SYNC_COLUMNS,
    SYNCED_TABLES,
    change_log,
    field_clock,
    row_sync,
    sync_state,
)
from . import state
from care_core.protocol import SYNCED_SCHEMA, SYNC_FIELDS, PulledChange, PullPage

SYNC_ACTOR = "sync"


@dataclass
class Applied:
    changes: int = 0  # pulled changes looked at
    fields: int = 0  # field values written
    kept_local: int = 0  # pulled fields older than a local edit (kept the local value)
    rows_created: int = 0
    skipped: list[str] = field(default_factory=list)  # why a change could not be applied
    clock_suspect: int = 0  # stamps too far ahead to trust for the local clock
    renamed: list[str] = field(default_factory=list)  # local accounts set aside for a server's one of the same name
    rows: ChangeSet = field(default_factory=ChangeSet)  # what arrived, for the open screens to refresh from

    def add(self, other: "Applied") -> None:
        self.rows.update(other.rows)
        self.changes += other.changes
        self.fields += other.fields
        self.kept_local += other.kept_local
        self.rows_created += other.rows_created
        self.skipped += other.skipped
        self.clock_suspect += other.clock_suspect
        self.renamed += other.renamed


# --- value conversion ------------------------------------------------------

_KINDS: dict[str, dict[str, str]] = {
    table: {name: kind for name, (kind, _n) in {**columns, **SYNC_FIELDS}.items()}
    for table, columns in SYNCED_SCHEMA.items()
}
"""Per table, the kind of each field a pulled change may carry (the field table's)."""


# per table: the names a pulled change may set here (known to the wire and a
# column here, not bookkeeping), with their kinds: one look-up per value
_SETTABLE: dict[str, dict[str, str]] = {
    name: {c: kind for c, kind in _KINDS.get(name, {}).items()
           if c in table.c and c not in ("id", *SYNC_COLUMNS[:-1])}
    for name, table in SYNCED_TABLES.items()
}


def _local_values(table: str, fields: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Wire values -> column values; names this PC does not know are reported."""
    settable = _SETTABLE[table]
    out, unknown = {}, []
    for name, value in fields.items():
        kind = settable.get(name)
        if kind is None:
            unknown.append(name)
            continue
        out[name] = from_wire(kind, value)
    return out, unknown


def stamp_time(hlc: str) -> str:
    """updated_at for a row last written elsewhere: the wall time inside its stamp."""
    wall_ms = int(hlc.split("-", 1)[0])
    moment = datetime.fromtimestamp(wall_ms / 1000, tz=timezone.utc)
    return moment.isoformat(timespec="milliseconds")


# --- the absorb step: local edits into the per-field clock ---------------

_ABSORB_SQL = ("SELECT seq, table_name, row_id, op, CASE WHEN op = 'insert' THEN NULL ELSE fields END, hlc "
               f"FROM {change_log.name} WHERE seq > ? ORDER BY seq")


def absorb_local(conn: sa.Connection) -> int:
    """Copy the stamps of local edits made since the last apply into
    ``field_clock``, and freeze each edit's server base version. An insert
    needs neither (INSERT_STAMPS; it travels with base version 0), so its
    fields are not even read: after a new PC's first push that is nearly
    every row of the outbox."""
    done = conn.execute(sa.select(sync_state.c.field_clock_seq).where(sync_state.c.id == 1)).scalar() or 0
    rows = conn.exec_driver_sql(_ABSORB_SQL, (done,)).all()  # the driver's tuples, not SQLAlchemy's rows
    if not rows:
        return 0
    stamps: dict[tuple[str, str, str], str] = {}
    edits: list[tuple[int, str, str]] = []
    for seq, table_name, row_id, op, fields, hlc in rows:
        if op == "insert":
            continue  # see INSERT_STAMPS
        edits.append((seq, table_name, row_id))
        for name in json.loads(fields):
            key = (table_name, row_id, name)
            if hlc > stamps.get(key, ""):
                stamps[key] = hlc
    _upsert_stamps(conn, stamps)
    if edits:
        seen = _seen_versions(conn, {(t, r) for _, t, r in edits})
        conn.exec_driver_sql("INSERT OR IGNORE INTO outbox_base(seq, base_version) VALUES (?, ?)",
                             [(seq, seen.get((t, r), 0)) for seq, t, r in edits])
    conn.execute(sa.update(sync_state).where(sync_state.c.id == 1).values(field_clock_seq=rows[-1][0]))
    return len(rows)


INSERT_STAMPS = """Field stamps are kept for updates and deletes only. A field a
record has held since its insert needs none: every change that reaches
this PC for that record was made on a PC that had already seen the insert,
so its HLC stamp is later (Clock.observe) and it wins, as it does on the
server. That keeps the bookkeeping small for the common case, a backlog
of new records."""


def _upsert_stamps(conn: sa.Connection, stamps: dict[tuple[str, str, str], str]) -> None:
    if not stamps:
        return
    conn.exec_driver_sql(
        "INSERT INTO field_clock(table_name, row_id, field, hlc) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(table_name, row_id, field) DO UPDATE SET hlc = max(hlc, excluded.hlc)",
        [(t, r, f, h) for (t, r, f), h in stamps.items()])


_SEEN_SQL = ("SELECT row_id, seen_version FROM row_sync "
             "WHERE table_name = ? AND row_id IN (SELECT value FROM json_each(?))")


def _seen_versions(conn: sa.Connection, keys: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """``row_sync.seen_version`` of these rows (those it has), a statement per
    table with the ids bound as one JSON text (see ``base_versions``)."""
    out: dict[tuple[str, str], int] = {}
    by_table: dict[str, list[str]] = {}
    for t, r in keys:
        by_table.setdefault(t, []).append(r)
    for t, ids in by_table.items():
        out.update({(t, rid): v for rid, v in conn.exec_driver_sql(_SEEN_SQL, (t, json.dumps(ids))).all()})
    return out


_BASES_SQL = "SELECT seq, base_version FROM outbox_base WHERE seq IN (SELECT value FROM json_each(?))"


def base_versions(conn: sa.Connection, seqs: list[int]) -> dict[int, int]:
    """The frozen base of outbox changes made before the last apply. The
    seqs are bound as one JSON text (``json_each``): a plain ``IN`` renders
    a parameter per value on every execution, a tenth of the PC's time in
    a push of 10,000 changes when SQLAlchemy did it."""
    if not seqs:
        return {}
    return dict(conn.exec_driver_sql(_BASES_SQL, (json.dumps(seqs),)).all())


# --- applying --------------------------------------------------------------

def _pending_counts(conn: sa.Connection, row_ids: list[str] | None = None) -> dict[tuple[str, str], int]:
    """Outbox changes still waiting, per row (of ``row_ids`` only, if given:
    after a push answer only its rows matter, and counting the whole outbox
    500 rows at a time cost more than the push itself)."""
    c = change_log.c
    q = sa.select(c.table_name, c.row_id, sa.func.count()).where(c.state == "pending").group_by(c.table_name, c.row_id)
    if row_ids is None:
        return {(t, r): n for t, r, n in conn.execute(q)}
    out: dict[tuple[str, str], int] = {}
    for i in range(0, len(row_ids), 500):
        out.update({(t, r): n for t, r, n in conn.execute(q.where(c.row_id.in_(row_ids[i:i + 500])))})
    return out


def _stamps_of(conn: sa.Connection, table: str, row_id: str) -> dict[str, str]:
    q = sa.select(field_clock.c.field, field_clock.c.hlc).where(
        field_clock.c.table_name == table, field_clock.c.row_id == row_id)
    return dict(conn.execute(q).all())


def _note_version(conn: sa.Connection, table: str, row_id: str, version: int) -> int:
    """Raise the known server version of a row; returns it."""
    conn.execute(sa.text(
        "INSERT INTO row_sync(table_name, row_id, seen_version, known_version) VALUES (:t, :r, 0, :k) "
        "ON CONFLICT(table_name, row_id) DO UPDATE SET "
        "known_version = max(known_version, excluded.known_version)"), {"t": table, "r": row_id, "k": version})
    return conn.execute(sa.select(row_sync.c.known_version).where(
        row_sync.c.table_name == table, row_sync.c.row_id == row_id)).scalar()


def apply_change(conn: sa.Connection, ch: PulledChange, *, facility_code: str,
                 pending: dict[tuple[str, str], int], result: Applied) -> None:
    table = SYNCED_TABLES.get(ch.table)
    if table is None or ch.table not in SYNCED_SCHEMA:
        result.skipped.append(f"{ch.change_id}: table {ch.table} unknown here")
        return
    values, unknown = _local_values(ch.table, ch.fields)
    if unknown:
        result.skipped.append(f"{ch.change_id}: fields {', '.join(sorted(unknown))} unknown here (ignored)")
    current = conn.execute(sa.select(table.c.hlc).where(table.c.id == ch.row_id)).first()
    stamps = _stamps_of(conn, ch.table, ch.row_id) if current is not None else {}
    winners = {}
    for name, value in values.items():
        if ch.hlc >= stamps.get(name, ""):
            winners[name] = value
        else:
            result.kept_local += 1
    known = _note_version(conn, ch.table, ch.row_id, ch.version)
    version = known + pending.get((ch.table, ch.row_id), 0)
    meta: dict[str, Any] = {"version": version}
    if current is None or ch.hlc > (current.hlc or ""):
        meta.update(hlc=ch.hlc, device_id=Stamp.decode(ch.hlc).device[:36],
                    updated_at=stamp_time(ch.hlc), updated_by=SYNC_ACTOR)
    if ch.table == "users" and winners.get("username") is not None:
        _make_way(conn, ch.row_id, winners["username"], result)
    with conn.begin_nested() as savepoint:
        try:
            if current is None:
                conn.execute(table.insert().values({"deleted": bool(ch.deleted), **winners, **meta,
                                                    "id": ch.row_id, "facility_code": facility_code}))
                result.rows_created += 1
            else:
                conn.execute(table.update().where(table.c.id == ch.row_id).values(**winners, **meta))
        except sa.exc.IntegrityError as exc:
            savepoint.rollback()
            result.skipped.append(f"{ch.change_id}: {ch.table} {ch.row_id} cannot be stored here "
                                  f"({type(exc.orig).__name__}: {str(exc.orig)[:120]})")
            return
    result.fields += len(winners)
    result.rows.add(ch.table, ch.row_id, _resident_of(conn, table, ch.row_id, values))
    if ch.op != "insert":  # INSERT_STAMPS
        _upsert_stamps(conn, {(ch.table, ch.row_id, name): ch.hlc for name in winners})


def _resident_of(conn: sa.Connection, table: sa.Table, row_id: str, values: dict[str, Any]) -> str | None:
    if table.name == "residents":
        return row_id
    if "resident_id" not in table.c:
        return None
    return values.get("resident_id") or conn.execute(sa.select(table.c.resident_id).where(table.c.id == row_id)).scalar()


# --- the common case in bulk: changes that only create rows -------------------

def _new_rows(conn: sa.Connection, changes: list[PulledChange]) -> set[tuple[str, str]]:
    """Rows the page creates and touches once, of tables and fields known
    here, that this PC does not hold: for them ``apply_change`` would insert
    every field as it came (no stamps to compare, INSERT_STAMPS), so they go
    in with a few statements per page instead of a few per change - a new
    PC's first pull is almost nothing else. Accounts are left out (a login
    name may have to make way)."""
    seen: dict[tuple[str, str], int] = {}
    for ch in changes:
        seen[(ch.table, ch.row_id)] = seen.get((ch.table, ch.row_id), 0) + 1
    wanted: dict[str, list[str]] = {}
    for ch in changes:
        if (ch.op == "insert" and seen[(ch.table, ch.row_id)] == 1 and ch.table != "users"
                and ch.table in SYNCED_TABLES and ch.table in SYNCED_SCHEMA
                and _SETTABLE[ch.table].keys() >= ch.fields.keys()):
            wanted.setdefault(ch.table, []).append(ch.row_id)
    out: set[tuple[str, str]] = set()
    for t, ids in wanted.items():
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            held = {r for r, in conn.exec_driver_sql(f'SELECT id FROM "{t}" WHERE id IN ({_marks(len(part))})',
                                                      tuple(part))}
            out.update((t, r) for r in part if r not in held)
    return out


def _marks(n: int) -> str:
    return ", ".join("?" * n)


_BINDERS: dict[str, dict[str, Any]] = {}


def _binders(conn: sa.Connection, t: str) -> dict[str, Any]:
    """Per column of table ``t``: what turns a wire value (or a bookkeeping
    value made here) into the value the driver stores - the field table's
    conversion, then the column type's own (SQLAlchemy's, as an insert
    through it would do) - or None where the value goes as it is."""
    found = _BINDERS.get(t)
    if found is None:
        dialect, kinds = conn.dialect, _SETTABLE[t]
        found = {}
        for column in SYNCED_TABLES[t].c:
            bind = column.type.dialect_impl(dialect).bind_processor(dialect)
            kind = kinds.get(column.name)
            if kind in _SAME_AS_BUILTIN and (bind is None or kind != "int"):
                found[column.name] = _SAME_AS_BUILTIN[kind]
            elif kind in _KINDS_CONVERTED:
                found[column.name] = (lambda v, k=kind, b=bind: b(from_wire(k, v))) if bind else \
                    (lambda v, k=kind: from_wire(k, v))
            else:
                found[column.name] = bind
        _BINDERS[t] = found
    return found


_KINDS_CONVERTED = ("date", "bool", "float", "int")  # from_wire passes the other kinds through
# from_wire and then the column type's own conversion, in one call (a
# Boolean column stores 1 / 0, a Float one float(v)): the values of a
# first pull are mostly these
_SAME_AS_BUILTIN = {"int": int, "float": float, "bool": lambda v: 1 if v else 0}


_PARENTS_FIRST = {"facility": 0, "residents": 0}  # clinical rows point at residents
_BOOKKEEPING = ("version", "hlc", "device_id", "updated_at", "updated_by", "id", "facility_code")


def _create_rows(conn: sa.Connection, run: list[PulledChange], facility_code: str,
                 pending: dict[tuple[str, str], int], result: Applied) -> None:
    """What ``apply_change`` does for each change of ``run``, in bulk; if the
    database refuses any row, the run is undone and goes one by one (so each
    refused row is reported as it would have been)."""
    if not run:
        return
    upsert = ("INSERT INTO row_sync(table_name, row_id, seen_version, known_version) VALUES (?, ?, 0, ?) "
              "ON CONFLICT(table_name, row_id) DO UPDATE SET "
              "known_version = max(known_version, excluded.known_version)")
    savepoint = conn.begin_nested()
    try:
        conn.exec_driver_sql(upsert, [(ch.table, ch.row_id, ch.version) for ch in run])
        known: dict[tuple[str, str], int] = {}
        by_table: dict[str, list[str]] = {}
        for ch in run:
            by_table.setdefault(ch.table, []).append(ch.row_id)
        for t, ids in by_table.items():
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                known.update({(t, r): v for r, v in conn.exec_driver_sql(
                    "SELECT row_id, known_version FROM row_sync "
                    f"WHERE table_name = ? AND row_id IN ({_marks(len(part))})", (t, *part))})
        # one prepared INSERT per table and set of fields, its rows as tuples
        groups: dict[tuple[str, tuple[str, ...]], list[tuple]] = {}
        fields = 0
        for ch in sorted(run, key=lambda c: _PARENTS_FIRST.get(c.table, 1)):  # stable: stream order within
            binders = _binders(conn, ch.table)
            values = [v if (bind := binders[n]) is None or v is None else bind(v)
                      for n, v in ch.fields.items()]
            fields += len(values)
            names = tuple(ch.fields)
            if "deleted" not in ch.fields:  # else the field's value, as it came
                names += ("deleted",)
                values.append(binders["deleted"](bool(ch.deleted)))
            key = (ch.table, ch.row_id)
            rows = groups.get((ch.table, names))
            if rows is None:
                rows = groups[(ch.table, names)] = []
            rows.append((*values, known[key] + pending.get(key, 0), ch.hlc, Stamp.decode(ch.hlc).device[:36],
                         stamp_time(ch.hlc), SYNC_ACTOR, ch.row_id, facility_code))
        for (t, names), rows in groups.items():
            columns = ", ".join(f'"{n}"' for n in (*names, *_BOOKKEEPING))
            conn.exec_driver_sql(f'INSERT INTO "{t}" ({columns}) VALUES ({_marks(len(names) + len(_BOOKKEEPING))})',
                                 rows)
    except sa.exc.IntegrityError:
        savepoint.rollback()
        for ch in run:
            apply_change(conn, ch, facility_code=facility_code, pending=pending, result=result)
        return
    savepoint.commit()
    for ch in run:  # what arrived, for the open screens (a created row names its resident in its fields)
        values = ch.fields
        resident = ch.row_id if ch.table == "residents" else values.get("resident_id")
        result.rows.add(ch.table, ch.row_id, resident)
    result.rows_created += len(run)
    result.fields += fields


def _follow_merges(conn: sa.Connection, result: Applied) -> None:
    """A merge arrived: rows made here for the merged-away resident, and the
    outbox changes that name it, move to the survivor (the server moves them
    too when they arrive, and says so)."""
    for table_name, ids in merges.follow_merges(conn).items():
        table = SYNCED_TABLES[table_name]
        for row_id in ids:
            result.rows.add(table_name, row_id, _resident_of(conn, table, row_id, {}))


def _make_way(conn: sa.Connection, row_id: str, username: str, result: Applied) -> None:
    """The server holds one account per login name: when an account it sends
    bears a name a different account holds here, that one is (or will be, when
    its creation is pushed) renamed by the server, whose change follows in the
    stream. Until then it steps aside under a placeholder, outside the outbox,
    so the server's account is stored instead of skipped."""
    users = SYNCED_TABLES["users"]
    other = conn.execute(sa.select(users.c.id).where(users.c.username == username, users.c.id != row_id)).scalar()
    if other is not None:
        conn.execute(users.update().where(users.c.id == other).values(username=f"~{other}"[:32]))
        result.renamed.append(other)


APPLY_CACHE_KIB = 64 * 1024  # SQLite's page cache while a large apply runs (its default: 2 MiB)


@contextmanager
def _page_cache(conn: sa.Connection, changes: int):
    """A large apply touches more index pages than SQLite's default cache
    holds, and each page read again is read and decrypted again: the
    connection gets a larger cache for the apply, and its own back after."""
    if changes <= 500:  # a day's sync: the default cache is enough
        yield
        return
    raw = conn.connection.dbapi_connection  # outside SQLAlchemy's transaction: set before it, reset after its commit
    before = raw.execute("PRAGMA cache_size").fetchone()[0]
    raw.execute(f"PRAGMA cache_size = -{APPLY_CACHE_KIB}")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA cache_size = {int(before)}")


def apply_page(store: Store, page: PullPage, *, my_device: str | None = None) -> Applied:
    """All of the page and the new cursor, or nothing (a crash mid-page
    leaves the cursor where it was and the page is pulled again)."""
    return apply_pages(store, [page], my_device=my_device)


def apply_pages(store: Store, pages: list[PullPage], *, my_device: str | None = None) -> Applied:
    """Consecutive pages in one transaction, as if they were one page: all of
    their changes and the last page's cursor, or nothing. A new PC's first
    pull applies several at once: each commit writes every index page its
    rows touched, and on ids spread at random a 500-row page touches most
    of them, so fewer, larger commits write far fewer pages."""
    if not pages:
        return Applied()
    page = pages[-1]
    changes = [ch for p in pages for ch in p.changes] if len(pages) > 1 else page.changes
    result = Applied()
    with store.engine.connect().execution_options(write=True) as conn, _page_cache(conn, len(changes)):
        with conn.begin():
            settings = state.require(conn)
            absorb_local(conn)
            pending = _pending_counts(conn)
            mine = [ch for ch in changes if my_device is None or ch.origin_device != my_device]
            new = _new_rows(conn, mine)
            run: list[PulledChange] = []  # consecutive changes that only create rows
            for ch in mine:
                if (ch.table, ch.row_id) in new:
                    run.append(ch)
                    continue
                _create_rows(conn, run, settings.facility_code, pending, result)
                run = []
                apply_change(conn, ch, facility_code=settings.facility_code, pending=pending, result=result)
            _create_rows(conn, run, settings.facility_code, pending, result)
            if any(ch.table == "residents" and ch.fields.get("merged_into") for ch in mine):
                _follow_merges(conn, result)
            result.changes += len(changes)
            for ch in mine:
                if not store.clock.observe(Stamp.decode(ch.hlc)):
                    result.clock_suspect += 1
            if not page.has_more:
                # a complete pull has shown every field of every row up to the
                # server's counter: the known versions are now seen
                conn.execute(sa.update(row_sync).where(row_sync.c.seen_version < row_sync.c.known_version)
                             .values(seen_version=row_sync.c.known_version))
            state.move_cursor(conn, page.cursor)
            conn.execute(sa.text("INSERT INTO meta(key, value) VALUES ('hlc', :v) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                         {"v": store.clock.last.encode()})
    return result


_RAISE_KNOWN_SQL = ("INSERT INTO row_sync(table_name, row_id, seen_version, known_version) VALUES (?, ?, 0, ?) "
                    "ON CONFLICT(table_name, row_id) DO UPDATE SET known_version = excluded.known_version "
                    "WHERE excluded.known_version > row_sync.known_version")
# ?1: the row's changes still in the outbox, ?2: its table, ?3: its id
_KNOWN = "(SELECT known_version FROM row_sync WHERE table_name = ?2 AND row_id = ?3)"
_TAKE_VERSION_SQL = f'UPDATE "{{table}}" SET version = ?1 + {_KNOWN} WHERE id = ?3 AND version <> ?1 + {_KNOWN}'


def note_pushed_versions(conn: sa.Connection, rows: list[tuple[str, str, int]],
                         pending: dict[tuple[str, str], int] | None = None) -> None:
    """After a push answer: the server versions of this PC's own writes.
    A row with nothing left in the outbox takes the server's version.

    Two statements per table and answer, whatever its size (a 1,000-change
    answer touches up to 1,000 rows), both run by SQLite row after row:
    ``row_sync`` takes each row's answered version where it is newer than
    the known one (a new record: inserted), then each row's version column
    becomes the known version plus its changes still waiting, where it is
    not that already (a new record pushed from here already holds the
    server's version 1: nothing is written). Reading the versions into
    Python to compare them there cost more than the statements. ``pending``:
    the outbox changes still waiting per row, when the caller keeps count
    (``outbox.PendingCounts``)."""
    latest: dict[tuple[str, str], int] = {}
    for table, row_id, version in rows:
        if version and version > latest.get((table, row_id), 0):  # 0: a server that does not say
            latest[(table, row_id)] = version
    if not latest:
        return
    conn.exec_driver_sql(_RAISE_KNOWN_SQL, [(t, r, v) for (t, r), v in latest.items()])
    if pending is None:
        pending = _pending_counts(conn, sorted({r for _, r in latest}))
    by_table: dict[str, list[tuple[int, str, str]]] = {}
    for key in latest:
        t, r = key
        by_table.setdefault(t, []).append((pending.get(key, 0), t, r))
    for t, params in by_table.items():
        conn.exec_driver_sql(_TAKE_VERSION_SQL.format(table=SYNCED_TABLES[t].name), params)


def settle_lost_values(conn: sa.Connection, records: list, my_device: str) -> int:
    """Where the server recorded this PC's value as the loser of a conflict
    and the record here still holds that value, take the winner's value.

    Usually the winning change arrives by pull anyway; this matters for an
    edit of a record deleted elsewhere: the server applies none of its fields
    and the deletion carries only ``deleted``, so without this the deleted
    row here would keep values the server never took."""
    settled = 0
    for rec in records:
        if rec.losing_device != my_device or rec.table not in SYNCED_TABLES or rec.field not in _KINDS.get(rec.table, {}):
            continue
        key = {"t": rec.table, "r": rec.row_id, "f": rec.field}
        stamp = conn.execute(sa.select(field_clock.c.hlc).where(
            field_clock.c.table_name == rec.table, field_clock.c.row_id == rec.row_id,
            field_clock.c.field == rec.field)).scalar()
        if stamp != rec.losing_hlc:
            continue  # edited again since, or the winner already arrived
        table = SYNCED_TABLES[rec.table]
        value = from_wire(_KINDS[rec.table][rec.field], rec.winning_value)
        conn.execute(table.update().where(table.c.id == rec.row_id).values({rec.field: value}))
        conn.execute(sa.text("UPDATE field_clock SET hlc = :h WHERE table_name = :t AND row_id = :r AND field = :f"),
                     {**key, "h": rec.winning_hlc})
        settled += 1
    return settled
