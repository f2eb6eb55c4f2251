"""What an operating-system or SQLite failure means for the person at the PC.

Each known failure becomes a StoreError that says what to do (free space,
close the other program, choose another folder) instead of "unexpected
error (OperationalError)". Only the error's kind is read, never shown: a
message can quote the values that caused it.
"""
from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

import sqlcipher3

from care_core.domain.messages import store_text
from .store import StoreDamaged, StoreError

_SQL_ERRORS = (sqlcipher3.Error, sqlite3.Error)
CHOSEN = ("thư mục đã chọn", "the chosen folder")


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        orig = getattr(exc, "orig", None)
        if isinstance(orig, BaseException):
            yield orig
        exc = exc.__cause__ or exc.__context__


def _with_path(code: str, path) -> StoreError:
    if path:
        return StoreError.of(code, path=path, detail="")
    vi, _ = store_text(code, path=CHOSEN[0], detail="")
    _, en = store_text(code, path=CHOSEN[1], detail="")
    return StoreError(vi, en)


LOW_SPACE = 1_000_000  # bytes: a disk with less free is full for a database


def _nearly_full(folder: Path | None) -> bool:
    try:
        return folder is not None and shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False


def describe(exc: BaseException, folder: Path | None = None) -> StoreError | None:
    """The StoreError for a known failure, else None (a real surprise).
    ``folder`` (the data folder) lets a vague "disk I/O error" on a disk
    with no space left be named as what it is."""
    for e in _chain(exc):
        if isinstance(e, OSError):
            where = Path(e.filename).parent if e.filename and not Path(e.filename).is_dir() else e.filename
            if e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
                return StoreError.of("disk_full")
            if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                return _with_path("read_only", where)
            if e.errno == errno.EIO:
                if _nearly_full(folder):
                    return StoreError.of("disk_full")
                return StoreError.of("io_error", path=where or "?", detail="EIO")
        if isinstance(e, _SQL_ERRORS):
            text = str(e).lower()
            if "disk is full" in text:
                return StoreError.of("disk_full")
            if "locked" in text or "busy" in text:
                return StoreError.of("db_locked")
            if "readonly" in text or "read-only" in text or "unable to open database file" in text:
                return _with_path("read_only", None)
            if "malformed" in text or "not a database" in text:
                return StoreDamaged.of("store_damaged", path="facility.db", detail=str(e))
            if "disk i/o error" in text:  # SQLite's word for a failed shm/WAL write on a full disk, too
                if _nearly_full(folder):
                    return StoreError.of("disk_full")
                return StoreError.of("io_error", path=folder or "facility.db", detail="disk I/O error")
    return None
