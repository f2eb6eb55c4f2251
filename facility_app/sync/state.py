"""This PC's sync settings and progress: one row of ``sync_state``.

The token lives here because the whole database is encrypted with the
store key; it never goes to a log or a plain file.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ..storage.changes import now_iso
from ..storage.sync_store import CLOCK_SKEW_KEY
from ..storage.tables import sync_state
from .errors import NotEnrolled


@dataclass(frozen=True)
class Settings:
    server_url: str
    token: str
    server_device_id: str
    facility_code: str
    ca_bundle: str | None
    pull_cursor: int
    last_success_at: str | None
    last_attempt_at: str | None
    last_error: str | None
    revoked: bool


def load(conn: sa.Connection) -> Settings | None:
    row = conn.execute(sa.select(sync_state).where(sync_state.c.id == 1)).mappings().first()
    if row is None:
        return None
    return Settings(row["server_url"], row["token"], row["server_device_id"], row["facility_code"],
                    row["ca_bundle"], int(row["pull_cursor"]), row["last_success_at"],
                    row["last_attempt_at"], row["last_error"], bool(row["revoked"]))


def require(conn: sa.Connection) -> Settings:
    settings = load(conn)
    if settings is None:
        raise NotEnrolled()
    return settings


def _set_meta(conn: sa.Connection, key: str, value: str) -> None:
    conn.execute(sa.text("INSERT INTO meta(key, value) VALUES (:k, :v) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"), {"k": key, "v": value})


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
    _set_meta(conn, CLOCK_SKEW_KEY, str(int(skew_ms)))
