"""Alembic, run in-process (``provincial-server migrate``)."""
from __future__ import annotations

import secrets
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from .tables import settings

MIGRATIONS = Path(__file__).parent / "migrations"


def config(conn: sa.Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


def head() -> str:
    return ScriptDirectory.from_config(config()).get_current_head()


def current(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: sa.Engine) -> None:
    with engine.connect() as conn:
        command.upgrade(config(conn), "head")
        conn.commit()
    with engine.begin() as conn:  # the secret that signs officers' session cookies
        if conn.execute(sa.select(settings.c.value).where(settings.c.key == "session_secret")).first() is None:
            conn.execute(settings.insert().values(key="session_secret", value=secrets.token_hex(32)))
