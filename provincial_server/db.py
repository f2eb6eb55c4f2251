"""Engines for PostgreSQL (psycopg 3) and SQLite (the one-machine trial).

SQLite gets ``BEGIN IMMEDIATE`` so that a push transaction takes the write
lock when it starts (the same role as PostgreSQL's ``SELECT ... FOR UPDATE``
on the facility row: pushes of a facility never interleave), WAL so pulls
read while a push writes, and a busy timeout instead of "database is locked".
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import event

DEFAULT_URL = "sqlite:///provincial.db"


class DatabaseUrlError(ValueError):
    pass


def normalise_url(url: str) -> str:
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith(("postgresql+psycopg://", "sqlite://")):
        return url
    raise DatabaseUrlError(
        f"unsupported database URL {url.split('://', 1)[0]!r}: use postgresql://... or sqlite:///FILE")


def make_engine(url: str) -> sa.Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn, _record):
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn):
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("write") else "BEGIN")

        return engine
    return sa.create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)


def write_conn(engine: sa.Engine) -> sa.Connection:
    """A connection whose transactions take the write lock at BEGIN on SQLite."""
    conn = engine.connect()
    conn.info["write"] = True
    return conn


def read_conn(engine: sa.Engine) -> sa.Connection:
    conn = engine.connect()
    conn.info["write"] = False
    return conn
