"""Queries the services need, returning domain entities."""
from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

from care_core.domain import entities as e
from care_core.domain.enums import ReferralOutcome
from care_core.domain.text import matches, search_text
from .mapping import row_reader, to_entity
from .tables import (bhyt_cards, checkups, condition_status_changes, conditions, facility, login_state, meta,
                     nursing_rounds, referrals, rehab_sessions, residents, room_changes, stays, users)

_ENTITY_TABLES = {
    e.Resident: residents, e.Checkup: checkups, e.Condition: conditions,
    e.RehabSession: rehab_sessions, e.Referral: referrals, e.Facility: facility,
    e.BhytCard: bhyt_cards, e.ConditionStatusChange: condition_status_changes, e.RoomChange: room_changes,
    e.NursingRound: nursing_rounds, e.Stay: stays,
}


def table_of(cls) -> sa.Table:
    return _ENTITY_TABLES[cls]


_SQLITE = sqlite.dialect(paramstyle="named")


class _Lean:
    """A query of one entity's own columns, rendered to SQL once when this
    module loads and read as the driver's plain tuples (``mapping.row_reader``):
    no SQLAlchemy compilation (a few ms per statement on every newly opened
    store), result processing or row mapping per call. For the reads of a
    record screen, which a nurse waits for."""

    def __init__(self, cls, *where, order=()):
        table = table_of(cls)
        columns, self.make = row_reader(cls, table)
        self.statement = sa.select(*(table.c[name] for name in columns)).where(*where).order_by(*order)
        self.sql = str(self.statement.compile(dialect=_SQLITE))

    def all(self, conn, **params) -> list:
        make = self.make
        return [make(row) for row in conn.exec_driver_sql(self.sql, params).all()]

    def first(self, conn, **params):
        row = conn.exec_driver_sql(self.sql, params).first()
        return self.make(row) if row is not None else None


_GET = {cls: _Lean(cls, t.c.id == sa.bindparam("row_id"), t.c.deleted.is_(False))
        for cls, t in _ENTITY_TABLES.items()}


def get(conn: sa.Connection, cls, row_id: str):
    return _GET[cls].first(conn, row_id=row_id)


_FACILITY = _Lean(e.Facility, facility.c.deleted.is_(False))


def get_facility(conn: sa.Connection) -> e.Facility | None:
    return _FACILITY.first(conn)


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


def residents_with(conn, column: str, values: list[str]) -> dict[str, e.Resident]:
    """value -> resident (not deleted) for the residents whose ``column``
    (code or cccd) is one of ``values``: one query per 500 values."""
    col = residents.c[column]
    found: dict[str, e.Resident] = {}
    wanted = sorted({v for v in values if v})
    for i in range(0, len(wanted), 500):
        for row in conn.execute(sa.select(residents).where(col.in_(wanted[i:i + 500]), residents.c.deleted.is_(False))):
            found[getattr(row, column)] = to_entity(e.Resident, row)
    return found


def person_candidates(conn, name_key: str, birth_year: int | None, cccd: str, bhyt: str
                      ) -> tuple[list[e.Resident], dict[str, frozenset[str]]]:
    """Residents (discharged ones too) who share the CCCD, a card number (the
    current card or a past one) or the folded name with a birth date in that
    year; with the numbers of the past cards of each. Every branch is an
    index lookup (migration 0006), so it stays quick on 50,000 persons."""
    c = residents.c
    wanted = []
    if cccd:
        wanted.append(c.cccd == cccd)
    if bhyt:
        wanted.append(c.bhyt_number == bhyt)
        wanted.append(c.id.in_(sa.select(bhyt_cards.c.resident_id)
                               .where(bhyt_cards.c.number == bhyt, bhyt_cards.c.deleted.is_(False))))
    if name_key and birth_year is not None:
        wanted.append(sa.and_(c.name_folded == name_key,
                              c.birth_date.between(date(birth_year, 1, 1), date(birth_year, 12, 31))))
    if not wanted:
        return [], {}
    found = [to_entity(e.Resident, r) for r in conn.execute(
        sa.select(residents).where(c.deleted.is_(False), sa.or_(*wanted)).limit(200))]
    cards: dict[str, set[str]] = {}
    if bhyt and found:
        for rid, number in conn.execute(sa.select(bhyt_cards.c.resident_id, bhyt_cards.c.number).where(
                bhyt_cards.c.resident_id.in_([r.id for r in found]), bhyt_cards.c.deleted.is_(False))):
            cards.setdefault(rid, set()).add((number or "").upper())
    return found, {k: frozenset(v) for k, v in cards.items()}


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


_CHECKUPS_OF = _Lean(e.Checkup, checkups.c.resident_id == sa.bindparam("rid"), *_current(checkups),
                     order=(checkups.c.checkup_date, checkups.c.id))


def checkups_of(conn, resident_id: str) -> list[e.Checkup]:
    return _CHECKUPS_OF.all(conn, rid=resident_id)


def checkups_of_kind(conn, resident_ids: list[str], kind: str, since: date) -> dict[str, list[e.Checkup]]:
    """resident id -> that kind's current checkups from ``since`` on, in date
    order: one query per 500 residents, for the lists of many people."""
    found: dict[str, list[e.Checkup]] = {}
    wanted = sorted(set(resident_ids))
    for i in range(0, len(wanted), 500):
        q = (sa.select(checkups).where(checkups.c.resident_id.in_(wanted[i:i + 500]), checkups.c.kind == kind,
                                       checkups.c.checkup_date >= since, *_current(checkups))
             .order_by(checkups.c.checkup_date, checkups.c.id))
        for row in conn.execute(q):
            found.setdefault(row.resident_id, []).append(to_entity(e.Checkup, row))
    return found


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


def record_ids_of(conn, resident_id: str) -> list[str]:
    """The ids of every clinical record of a resident, superseded and deleted ones too."""
    ids: list[str] = []
    for table in (checkups, conditions, rehab_sessions, referrals):
        ids += conn.execute(sa.select(table.c.id).where(table.c.resident_id == resident_id)).scalars()
    return ids


_CONDITIONS_OF = _Lean(e.Condition, conditions.c.resident_id == sa.bindparam("rid"), conditions.c.deleted.is_(False),
                       order=(conditions.c.onset_date,))


def conditions_of(conn, resident_id: str) -> list[e.Condition]:
    return _CONDITIONS_OF.all(conn, rid=resident_id)


def all_conditions(conn) -> list[e.Condition]:
    return [to_entity(e.Condition, r) for r in conn.execute(sa.select(conditions).where(conditions.c.deleted.is_(False)))]


_REHAB_OF = _Lean(e.RehabSession, rehab_sessions.c.resident_id == sa.bindparam("rid"), *_current(rehab_sessions),
                  order=(rehab_sessions.c.session_date,))


def rehab_of(conn, resident_id: str) -> list[e.RehabSession]:
    return _REHAB_OF.all(conn, rid=resident_id)


def all_rehab(conn, since=None, until=None) -> list[e.RehabSession]:
    q = sa.select(rehab_sessions).where(*_current(rehab_sessions))
    if since is not None:
        q = q.where(rehab_sessions.c.session_date >= since)
    if until is not None:
        q = q.where(rehab_sessions.c.session_date <= until)
    return [to_entity(e.RehabSession, r) for r in conn.execute(q)]


_REFERRALS_OF = _Lean(e.Referral, referrals.c.resident_id == sa.bindparam("rid"), referrals.c.deleted.is_(False),
                      order=(referrals.c.referral_date,))


def referrals_of(conn, resident_id: str) -> list[e.Referral]:
    return _REFERRALS_OF.all(conn, rid=resident_id)


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
    cards_of(conn, nobody)
    status_changes_of_resident(conn, nobody)
    room_changes_of(conn, nobody)
    stays_of(conn, nobody)
    get_facility(conn)


# --- histories -----------------------------------------------------------

def _live(cls, *where, order=()):
    t = table_of(cls)
    return sa.select(t).where(t.c.deleted.is_(False), *where).order_by(*order)


_CARDS_OF = _Lean(e.BhytCard, bhyt_cards.c.deleted.is_(False), bhyt_cards.c.resident_id == sa.bindparam("rid"),
                  order=(bhyt_cards.c.valid_from,))


def cards_of(conn, resident_id: str) -> list[e.BhytCard]:
    return _CARDS_OF.all(conn, rid=resident_id)


def all_cards(conn) -> list[e.BhytCard]:
    return [to_entity(e.BhytCard, r) for r in conn.execute(_live(e.BhytCard))]


def status_changes_of(conn, condition_id: str) -> list[e.ConditionStatusChange]:
    t = condition_status_changes
    q = _live(e.ConditionStatusChange, t.c.condition_id == condition_id, order=(t.c.changed_on, t.c.hlc))
    return [to_entity(e.ConditionStatusChange, r) for r in conn.execute(q)]


_STATUS_CHANGES_OF_RESIDENT = _Lean(
    e.ConditionStatusChange, condition_status_changes.c.deleted.is_(False),
    condition_status_changes.c.resident_id == sa.bindparam("rid"),
    order=(condition_status_changes.c.changed_on, condition_status_changes.c.hlc))


def status_changes_of_resident(conn, resident_id: str) -> list[e.ConditionStatusChange]:
    return _STATUS_CHANGES_OF_RESIDENT.all(conn, rid=resident_id)


def all_status_changes(conn) -> list[e.ConditionStatusChange]:
    t = condition_status_changes
    return [to_entity(e.ConditionStatusChange, r)
            for r in conn.execute(_live(e.ConditionStatusChange, order=(t.c.changed_on, t.c.hlc)))]


_ROOM_CHANGES_OF = _Lean(e.RoomChange, room_changes.c.deleted.is_(False), room_changes.c.resident_id == sa.bindparam("rid"),
                         order=(room_changes.c.moved_on,))


def room_changes_of(conn, resident_id: str) -> list[e.RoomChange]:
    return _ROOM_CHANGES_OF.all(conn, rid=resident_id)


_STAYS_OF = _Lean(e.Stay, stays.c.deleted.is_(False), stays.c.resident_id == sa.bindparam("rid"),
                  order=(stays.c.admitted_on,))


def stays_of(conn, resident_id: str) -> list[e.Stay]:
    return _STAYS_OF.all(conn, rid=resident_id)


def stays_of_round(conn, round_id: str) -> list[e.Stay]:
    q = _live(e.Stay, stays.c.round_id == round_id, order=(stays.c.admitted_on,))
    return [to_entity(e.Stay, r) for r in conn.execute(q)]


def all_stays(conn) -> list[e.Stay]:
    return [to_entity(e.Stay, r) for r in conn.execute(_live(e.Stay, order=(stays.c.admitted_on,)))]


# --- lean rows for the long lists (roster, Today) ------------------------------

_ROSTER_SQL = (f"SELECT id, code, full_name, name_folded, sex, birth_date, groups, room, cccd, bhyt_valid_to, "
               f"admission_date, discharge_date FROM {residents.name} WHERE deleted = 0")


def roster_rows(conn, resident_id: str | None = None) -> list[tuple]:
    """The roster's columns of every resident (or one), as the driver's plain
    tuples in no particular order: id, code, full_name, name_folded, sex,
    birth_date, groups, room, cccd, bhyt_valid_to, admission_date,
    discharge_date, the dates as stored ISO text. No SQLAlchemy type
    processing (its date parsing was half the read of 10,000 rows); the list
    sorts with its own collation key on a worker, so no ORDER BY either."""
    if resident_id is None:
        return conn.exec_driver_sql(_ROSTER_SQL).all()
    return conn.exec_driver_sql(_ROSTER_SQL + " AND id = ?", (resident_id,)).all()


def residents_present(conn, day: date) -> list:
    """Residents admitted by ``day`` and not discharged: id, code, name, room, birth, card end."""
    c = residents.c
    return conn.execute(sa.select(c.id, c.code, c.full_name, c.room, c.birth_date, c.bhyt_valid_to)
                        .where(c.deleted.is_(False), c.discharge_date.is_(None), c.admission_date <= day)).all()


def latest_checkups(conn, day: date) -> dict[str, tuple[date, date | None]]:
    """resident id -> (date, next due) of the latest current checkup on or before ``day``.

    SQLite's MAX() with a bare column returns that column from the row
    holding the maximum (one pass over the (resident, date) index; a
    window function took 1.4 s on 100,000 checkups, this 0.25 s). Two
    current checkups on the same latest day: either one's due date."""
    latest = sa.func.max(checkups.c.checkup_date).label("checkup_date")
    rows = conn.execute(sa.select(checkups.c.resident_id, latest, checkups.c.next_due_date)
                        .where(*_current(checkups), checkups.c.checkup_date <= day)
                        .group_by(checkups.c.resident_id))
    return {r.resident_id: (r.checkup_date, r.next_due_date) for r in rows}


def checkup_vitals_between(conn, after: date, until: date, columns: tuple[str, ...]) -> list:
    """resident_id, checkup_date and ``columns`` of current checkups in (after, until], newest first."""
    return conn.execute(
        sa.select(checkups.c.resident_id, checkups.c.checkup_date, *[checkups.c[c] for c in columns])
        .where(*_current(checkups), checkups.c.checkup_date > after, checkups.c.checkup_date <= until)
        .order_by(checkups.c.checkup_date.desc())).all()


def open_referrals(conn) -> list:
    """resident_id, referral_date, hospital of referrals still at the hospital, oldest first."""
    c = referrals.c
    return conn.execute(sa.select(c.resident_id, c.referral_date, c.hospital)
                        .where(c.deleted.is_(False), c.outcome == ReferralOutcome.PENDING.value)
                        .order_by(c.referral_date)).all()


# --- users ---------------------------------------------------------------

def user_row(conn, username: str):
    return conn.execute(sa.select(users).where(users.c.username == username, users.c.deleted.is_(False))).mappings().first()


def all_users(conn) -> list[e.User]:
    rows = conn.execute(sa.select(users).where(users.c.deleted.is_(False)).order_by(users.c.username))
    return [e.User(r.username, r.full_name, e.Role(r.role), bool(r.active), r.id, r.version) for r in rows]


# --- failed logins (local, never synced) -----------------------------------------

def login_state_of(conn, username: str):
    """failed_attempts and locked_until of a login name, or None."""
    return conn.execute(sa.select(login_state).where(login_state.c.username == username)).mappings().first()


def set_login_state(conn, username: str, failed_attempts: int, locked_until: str | None) -> None:
    conn.execute(sa.text(
        "INSERT INTO login_state(username, failed_attempts, locked_until) VALUES (:u, :f, :l) "
        "ON CONFLICT(username) DO UPDATE SET failed_attempts = :f, locked_until = :l"),
        {"u": username, "f": failed_attempts, "l": locked_until})


def clear_login_state(conn, username: str) -> None:
    conn.execute(sa.delete(login_state).where(login_state.c.username == username))


def nursing_rounds_of(conn: sa.Connection, year: int | None = None) -> list[e.NursingRound]:
    """The facility's rounds (of one year), in order."""
    where = () if year is None else (nursing_rounds.c.year == year,)
    q = _live(e.NursingRound, *where, order=(nursing_rounds.c.starts_on, nursing_rounds.c.number))
    return [to_entity(e.NursingRound, row) for row in conn.execute(q)]
