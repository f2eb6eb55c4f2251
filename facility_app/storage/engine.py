"""SQLCipher engine: raw key, WAL, full sync, in-memory temp store.

The same code path opens plain SQLite (``key=None``) so benchmarks can
measure what encryption costs: through SQLCipher's own library without a
key (the same SQLite build, only the encryption left out) or through
Python's ``sqlite3`` (another SQLite build).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa
import sqlcipher3
from sqlalchemy import event

from .keys import RawKey


# a page cache per connection large enough for a facility's busy pages: a
# page read again from the file must be decrypted and authenticated again
CACHE_KIB = 32 * 1024

PLAIN_MODULES = {"sqlite3": sqlite3, "sqlcipher3": sqlcipher3}


class WrongKey(Exception):
    pass


def _module(key: RawKey | None, plain: str):
    return sqlcipher3 if key is not None else PLAIN_MODULES[plain]


def _connect(path: Path, key: RawKey | None, module, *, snapshot: bool = False):
    """``snapshot``: a finished file (a backup) opened read-only and immutable,
    so checking it changes no byte of it and leaves nothing beside it."""
    if snapshot:
        conn = module.connect(Path(path).resolve().as_uri() + "?mode=ro&immutable=1", uri=True,
                              check_same_thread=False, isolation_level=None)
    else:
        conn = module.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10)
    if key is not None:
        conn.execute("PRAGMA cipher_log_level = NONE")  # no hmac noise on stderr
        conn.execute(f"PRAGMA key = {key.pragma_literal()}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as exc:
        conn.close()
        if isinstance(exc, module.OperationalError):  # disk full, locked, unreadable: not the key
            raise
        # "file is not a database": the key does not open page 1 (or page 1 is damaged)
        raise WrongKey(str(exc)) from None
    if snapshot:
        return conn
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")  # a saved record survives a power cut
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return conn


def probe(path: Path, key: RawKey | None) -> None:
    """Raise WrongKey unless the key opens the database."""
    _connect(path, key, _module(key, "sqlite3")).close()


def make_engine(path: Path, key: RawKey | None, *, plain: str = "sqlite3") -> sa.Engine:
    """``plain``: the module that opens a store without a key (benchmarks only)."""
    module = _module(key, plain)
    engine = sa.create_engine(
        "sqlite://", module=module, creator=lambda: _connect(path, key, module),
        poolclass=sa.pool.QueuePool, pool_size=4, max_overflow=4,
        hide_parameters=True,  # SQL errors must never carry patient values into logs
    )

    @event.listens_for(engine, "begin")
    def _begin(conn):  # pysqlite's implicit transactions are off; be explicit
        mode = "IMMEDIATE" if conn.get_execution_options().get("write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine
