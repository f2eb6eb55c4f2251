"""This PC's sync settings and progress: one row of ``sync_state``.

The token lives here because the whole database is encrypted with the
store key; it never goes to a log or a plain file. The statements that read
and write the row are ``storage.sync_store``'s; this is the engine's view.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ..storage import sync_store
# the writes to the row, by their names here (the engine calls state.move_cursor ...)
from ..storage.sync_store import move_cursor, record_attempt, record_clock_skew, save_enrolment  # noqa: F401
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
    row = sync_store.enrolment(conn)
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
