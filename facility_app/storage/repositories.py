"""Queries the services need, returning domain entities."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

from care_core.domain import entities as e
from care_core.domain.text import matches, search_text
from .mapping import to_entity
from .tables import checkups, conditions, facility, meta, referrals, rehab_sessions, residents, users

_ENTITY_TABLES = {
    e.Resident: residents, e.Checkup: checkups, e.Condition: conditions,
    e.RehabSession: rehab_sessions, e.Referral: referrals, e.Facility: facility,
}


def table_of(cls) -> sa.Table:
    return _ENTITY_TABLES[cls]


_SQLITE = sqlite.dialect(paramstyle="named")


def _prepared(stmt: sa.Select) -> sa.TextualSelect:
    """A query rendered to SQL once, when this module loads, with its typed
    columns (dates still come back as dates). SQLAlchemy compiles a
    statement again for every new engine, a few ms each: the first record
    opened after the store is opened paid ~20 ms for the five queries of a
    timeline before reading a row; a rendered text costs next to nothing."""
    return sa.text(str(stmt.compile(dialect=_SQLITE))).columns(*stmt.selected_columns)


_GET = {cls: _prepared(sa.select(t).where(t.c.id == sa.bindparam("row_id"), t.c.deleted.is_(False)))
        for cls, t in _ENTITY_TABLES.items()}


def get(conn: sa.Connection, cls, row_id: str):
    row = conn.execute(_GET[cls], {"row_id": row_id}).first()
    return to_entity(cls, row) if row else None


def get_facility(conn: sa.Connection) -> e.Facility | None:
    row = conn.execute(sa.select(facility).where(facility.c.deleted.is_(False))).first()
    return to_entity(e.Facility, row) if row else None


def facility_row_id(conn: sa.Connection) -> str | None:
    return conn.execute(sa.select(facility.c.id)).scalar()


# --- local settings (never synced) ---------------------------------------

def meta_value(conn, key: str, default: str | None = None) -> str | None:
    value = conn.execute(sa.select(meta.c.value).where(meta.c.key == key)).scalar()
    return default if value is None else value


def set_meta_value(conn, key: str, value: str) -> None:
    conn.execute(sa.text("INSERT INTO meta(key, value) VALUES (:k, :v) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"), {"k": key, "v": value})


# --- residents ---------------------------------------------------------

def resident_by_code(conn, code: str) -> e.Resident | None:
    row = conn.execute(sa.select(residents).where(residents.c.code == code, residents.c.deleted.is_(False))).first()
    return to_entity(e.Resident, row) if row else None


def resident_with_cccd(conn, cccd: str) -> str | None:
    return conn.execute(sa.select(residents.c.id).where(residents.c.cccd == cccd, residents.c.deleted.is_(False))).scalar()


def all_residents(conn, *, present_only: bool = False) -> list[e.Resident]:
    q = sa.select(residents).where(residents.c.deleted.is_(False)).order_by(residents.c.code)
    if present_only:
        q = q.where(residents.c.discharge_date.is_(None))
    return [to_entity(e.Resident, r) for r in conn.execute(q)]


def search_residents(conn, folded_words: list[str], limit: int) -> list[e.Resident]:
    """Residents matching every word, by the same rule as the on-screen list
    (``domain.text.search_text``/``matches``); present residents first."""
    c = residents.c
    rows = conn.execute(sa.select(c.id, c.full_name, c.code, c.room, c.cccd)
                        .where(c.deleted.is_(False))
                        .order_by(c.discharge_date.is_not(None), c.name_folded, c.code)).all()
    ids = [r.id for r in rows if matches(folded_words, search_text(r.full_name, r.code, r.room, r.cccd))][:limit]
    if not ids:
        return []
    found = {r.id: to_entity(e.Resident, r) for r in conn.execute(sa.select(residents).where(c.id.in_(ids)))}
    return [found[i] for i in ids]


def max_resident_number(conn, prefix: str) -> int:
    codes = conn.execute(sa.select(residents.c.code).where(residents.c.code.like(prefix + "%"))).scalars()
    numbers = [int(c[len(prefix):]) for c in codes if c[len(prefix):].isdigit()]
    return max(numbers, default=0)


# --- clinical records ----------------------------------------------------

def _current(table: sa.Table):
    """Rows nobody superseded, not tombstoned, not voids themselves.

    NOT EXISTS per row (an index lookup on supersedes_id), not NOT IN over a
    subquery: SQLite builds that list by scanning the whole table, which on
    100,000 encrypted checkups made one resident's timeline cost ~170 ms."""
    newer = table.alias("newer")
    superseded = sa.exists().where(newer.c.supersedes_id == table.c.id, newer.c.deleted.is_(False))
    return (table.c.deleted.is_(False), table.c.voided.is_(False), ~superseded)


def is_superseded(conn, table: sa.Table, row_id: str) -> bool:
    return conn.execute(sa.select(sa.func.count()).where(table.c.supersedes_id == row_id, table.c.deleted.is_(False))).scalar() > 0


_CHECKUPS_OF = _prepared(sa.select(checkups).where(checkups.c.resident_id == sa.bindparam("rid"), *_current(checkups))
                         .order_by(checkups.c.checkup_date, checkups.c.id))


def checkups_of(conn, resident_id: str) -> list[e.Checkup]:
    return [to_entity(e.Checkup, r) for r in conn.execute(_CHECKUPS_OF, {"rid": resident_id})]


def current_checkups(conn, since=None, until=None) -> list[e.Checkup]:
    q = sa.select(checkups).where(*_current(checkups))
    if since is not None:
        q = q.where(checkups.c.checkup_date >= since)
    if until is not None:
        q = q.where(checkups.c.checkup_date <= until)
    return [to_entity(e.Checkup, r) for r in conn.execute(q.order_by(checkups.c.checkup_date))]


def checkup_history(conn, checkup_id: str) -> list[e.Checkup]:
    """The chain of versions ending at ``checkup_id``, oldest first."""
    chain: list[e.Checkup] = []
    current = get(conn, e.Checkup, checkup_id)
    while current is not None:
        chain.append(current)
        current = get(conn, e.Checkup, current.supersedes_id) if current.supersedes_id else None
    return list(reversed(chain))


_CONDITIONS_OF = _prepared(sa.select(conditions).where(conditions.c.resident_id == sa.bindparam("rid"),
                                                        conditions.c.deleted.is_(False))
                           .order_by(conditions.c.onset_date))


def conditions_of(conn, resident_id: str) -> list[e.Condition]:
    return [to_entity(e.Condition, r) for r in conn.execute(_CONDITIONS_OF, {"rid": resident_id})]


def all_conditions(conn) -> list[e.Condition]:
    return [to_entity(e.Condition, r) for r in conn.execute(sa.select(conditions).where(conditions.c.deleted.is_(False)))]


_REHAB_OF = _prepared(sa.select(rehab_sessions).where(rehab_sessions.c.resident_id == sa.bindparam("rid"),
                                                      *_current(rehab_sessions))
                      .order_by(rehab_sessions.c.session_date))


def rehab_of(conn, resident_id: str) -> list[e.RehabSession]:
    return [to_entity(e.RehabSession, r) for r in conn.execute(_REHAB_OF, {"rid": resident_id})]


def all_rehab(conn, since=None, until=None) -> list[e.RehabSession]:
    q = sa.select(rehab_sessions).where(*_current(rehab_sessions))
    if since is not None:
        q = q.where(rehab_sessions.c.session_date >= since)
    if until is not None:
        q = q.where(rehab_sessions.c.session_date <= until)
    return [to_entity(e.RehabSession, r) for r in conn.execute(q)]


_REFERRALS_OF = _prepared(sa.select(referrals).where(referrals.c.resident_id == sa.bindparam("rid"),
                                                     referrals.c.deleted.is_(False))
                          .order_by(referrals.c.referral_date))


def referrals_of(conn, resident_id: str) -> list[e.Referral]:
    return [to_entity(e.Referral, r) for r in conn.execute(_REFERRALS_OF, {"rid": resident_id})]


def all_referrals(conn) -> list[e.Referral]:
    return [to_entity(e.Referral, r) for r in conn.execute(sa.select(referrals).where(referrals.c.deleted.is_(False)))]


def warm_timeline(conn) -> None:
    """Run a record's queries once for nobody: SQLAlchemy compiles them (its
    cache is the engine's) and the indexes' top pages are read and decrypted,
    so the first record a nurse opens does not pay for that. Reads no row."""
    nobody = ""
    get(conn, e.Resident, nobody)
    checkups_of(conn, nobody)
    conditions_of(conn, nobody)
    rehab_of(conn, nobody)
    referrals_of(conn, nobody)


# --- users ---------------------------------------------------------------

def user_row(conn, username: str):
    return conn.execute(sa.select(users).where(users.c.username == username, users.c.deleted.is_(False))).mappings().first()


def all_users(conn) -> list[e.User]:
    rows = conn.execute(sa.select(users).where(users.c.deleted.is_(False)).order_by(users.c.username))
    return [e.User(r.username, r.full_name, e.Role(r.role), bool(r.active), r.id, r.version) for r in rows]
