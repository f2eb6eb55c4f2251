"""The facility's encrypted store in one data folder.

    <data dir>/facility.db      SQLCipher 4 database (WAL beside it while open)
    <data dir>/store.json       KDF parameters, salt and key check (no secret)
    <data dir>/backups/         automatic backups (before migrations, restores)
"""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator

import sqlalchemy as sa
import sqlcipher3

from care_core.domain.entities import Actor
from care_core.domain.hlc import Clock, Stamp
from care_core.domain.ids import new_id
from care_core.domain.messages import ActionError, store_text
from . import audit, migrate
from .changes import Writer
from .damage import PAGE_SIZE, examine
from .engine import WrongKey, make_engine, probe
from .keys import KdfParams, RawKey, StoreInfo, derive, new_salt, read_salt
from .lock import FolderLock
from .tables import facility, meta

DB_NAME = "facility.db"
INFO_NAME = "store.json"


PENDING_PREFIX = "pending-output:"  # meta rows: temp files being written outside the store
# left by an interrupted rekey, restore, backup or key-file save (cleaned at the next lone open)
LEFTOVER_PATTERNS = (DB_NAME + ".rekey*", DB_NAME + ".restore*", "store.tmp", "backups/*.part*")
OPEN_WAIT = 20.0  # seconds an open waits for a rekey/restore to finish
EXCLUSIVE_WAIT = 5.0  # seconds a rekey/restore waits for other users to close


class StoreError(ActionError):
    @classmethod
    def of(cls, code: str, **params) -> "StoreError":
        return cls(*store_text(code, **params))


class StoreBusy(StoreError):
    """Another process holds the data folder the other way (see ``lock``)."""


class StoreDamaged(StoreError):
    """The passphrase is right but the file is not whole: ``verify`` says more."""


def _is_damage(exc: BaseException) -> bool:
    """SQLite's word for a page that decrypted but makes no sense."""
    orig = getattr(exc, "orig", None) or exc
    return "malformed" in str(orig) or "not a database" in str(orig)


def _refuse_empty(path: Path) -> None:
    if path.stat().st_size == 0:
        raise StoreDamaged.of("empty_file", path=path)


def _shared_lock(data_dir: Path, wait: float) -> FolderLock:
    lock = FolderLock(data_dir)
    if not lock.acquire("shared", wait):
        raise StoreBusy.of("store_busy")
    return lock


def _exclusive_lock(data_dir: Path, wait: float) -> FolderLock:
    lock = FolderLock(data_dir)
    if not lock.acquire("exclusive", wait):
        raise StoreBusy.of("store_in_use")
    return lock


def wrong_passphrase() -> StoreError:
    return StoreError("Sai mật khẩu kho dữ liệu; không có gì bị thay đổi.",
                      "Wrong store passphrase; nothing was changed.")


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _export(engine: sa.Engine, dest: Path, key: RawKey | None) -> None:
    tmp = dest.with_name(dest.name + ".part")
    try:
        _export_into(engine, tmp, key)
        os.replace(tmp, dest)
    except BaseException:
        _remove_partial(tmp)
        raise


def _remove_partial(tmp: Path) -> None:
    """A temp file and what SQLite may have left beside it."""
    for path in (tmp, *(tmp.with_name(tmp.name + s) for s in ("-journal", "-wal", "-shm"))):
        path.unlink(missing_ok=True)


def _export_into(engine: sa.Engine, tmp: Path, key: RawKey | None) -> None:
    """A consistent encrypted copy through SQLCipher's own export (which
    runs in its own transaction, so it takes the raw autocommit connection),
    written and synced to ``tmp``; the caller renames it into place."""
    _remove_partial(tmp)
    raw = engine.raw_connection()
    if key is None:  # plain SQLite (benchmarks only): the module's backup API
        try:
            target = type(raw.driver_connection)(str(tmp))
            raw.driver_connection.backup(target)
            target.close()
        finally:
            raw.close()
        _fsync_file(tmp)
        return
    try:
        raw.execute(f"ATTACH DATABASE ? AS export KEY {key.pragma_literal()}", (str(tmp),))
        try:
            raw.execute("SELECT sqlcipher_export('export')")
        finally:
            raw.execute("DETACH DATABASE export")
    finally:
        raw.close()
    _fsync_file(tmp)


def _integrity(path: Path, key: RawKey) -> list[str]:
    import sqlcipher3

    from .engine import _connect
    conn = _connect(path, key, sqlcipher3, snapshot=True)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            problems.append(result)
        return problems
    finally:
        conn.close()


class Store:
    def __init__(self, data_dir: Path, key: RawKey | None, engine: sa.Engine, lock: FolderLock | None = None):
        self.data_dir = data_dir
        self._key = key
        self.engine = engine
        self._lock = lock
        with engine.connect() as conn:
            values = dict(conn.execute(sa.select(meta.c.key, meta.c.value)).all())
            self.facility_code = conn.execute(sa.select(facility.c.code)).scalar()
        self._local = threading.local()
        self.device_id = values["device_id"]
        last = Stamp.decode(values["hlc"]) if "hlc" in values else None
        self.clock = Clock(self.device_id, last)

    # --- opening -------------------------------------------------------

    @staticmethod
    def db_path(data_dir: Path) -> Path:
        return Path(data_dir) / DB_NAME

    @classmethod
    def exists(cls, data_dir: Path) -> bool:
        return cls.db_path(data_dir).exists()

    @classmethod
    def create(cls, data_dir: Path, passphrase: str, *, plain: str | None = None) -> "Store":
        """A new empty store. ``plain`` (benchmarks only) skips encryption and
        names the module that opens it: "sqlite3" or "sqlcipher3"."""
        data_dir = Path(data_dir)
        if cls.exists(data_dir):
            raise StoreError(f"Thư mục {data_dir} đã có kho dữ liệu.", f"{data_dir} already holds a store.")
        data_dir.mkdir(parents=True, exist_ok=True)
        (data_dir / "backups").mkdir(exist_ok=True)
        lock = _shared_lock(data_dir, OPEN_WAIT)
        try:
            key = None if plain else derive(passphrase, new_salt())
            engine = make_engine(cls.db_path(data_dir), key, plain=plain or "sqlite3")
            migrate.upgrade(engine)
            with engine.begin() as conn:
                conn.execute(meta.insert().values(key="device_id", value=new_id()))
            if key is not None:
                StoreInfo(KdfParams(), key.salt.hex(), key.check_value()).save(data_dir / INFO_NAME)
            return cls(data_dir, key, engine, lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def unlock_key(cls, data_dir: Path, passphrase: str) -> RawKey:
        """Derive and check the key without writing anything."""
        path = cls.db_path(data_dir)
        if not path.exists():
            raise StoreError(f"Chưa có kho dữ liệu trong {data_dir}; hãy khởi tạo (facility-admin init).",
                             f"No store in {data_dir}; create one first (facility-admin init).")
        _refuse_empty(path)
        salt = read_salt(path)
        info = StoreInfo.load(Path(data_dir) / INFO_NAME)
        key = derive(passphrase, salt, info.kdf if info else KdfParams())
        if info is not None and info.salt_hex == salt.hex():
            if key.check_value() != info.key_check:
                raise wrong_passphrase()
        else:  # store.json lost or from before an interrupted rekey: ask the file
            try:
                probe(path, key)
            except WrongKey:
                found = examine(path, key)
                if found.cut_short or found.key_fits:
                    raise StoreDamaged.of("store_damaged", path=path, detail=found.summary()) from None
                raise wrong_passphrase() from None
            StoreInfo(info.kdf if info else KdfParams(), salt.hex(), key.check_value()).save(Path(data_dir) / INFO_NAME)
        return key

    @classmethod
    def open(cls, data_dir: Path, passphrase: str | None = None, *, key: RawKey | None = None,
             plain: str | None = None, wait: float = OPEN_WAIT, lock: FolderLock | None = None) -> "Store":
        """Holds the folder's lock shared until ``close`` (waiting up to
        ``wait`` seconds for a rekey or restore in another process)."""
        data_dir = Path(data_dir)
        if not cls.exists(data_dir):
            cls.unlock_key(data_dir, "")  # says there is no store
        lock = lock or _shared_lock(data_dir, wait)
        try:
            if not plain and key is None:
                key = cls.unlock_key(data_dir, passphrase or "")
            engine = make_engine(cls.db_path(data_dir), None if plain else key, plain=plain or "sqlite3")
            try:
                current = migrate.current(engine)
                if current != migrate.head():
                    if current is not None:
                        cls._backup_engine(engine, data_dir, key, f"pre-migrate-{current}")
                    migrate.upgrade(engine)
            except (WrongKey, sa.exc.DatabaseError) as exc:
                engine.dispose()
                if isinstance(exc, sa.exc.DatabaseError) and not _is_damage(exc):
                    raise
                if plain:
                    raise
                damaged = cls._damage(data_dir, key)
                if damaged is not None:
                    raise damaged from None
                raise wrong_passphrase() from None
            except BaseException:
                engine.dispose()
                raise
            store = cls(data_dir, None if plain else key, engine, lock)
        except BaseException:
            lock.release()
            raise
        store.clean_leftovers()
        return store

    @classmethod
    def _damage(cls, data_dir: Path, key: RawKey) -> StoreDamaged | None:
        """The key fits (store.json's check, or the pages' HMACs) yet the file
        does not open: damage, named, rather than "wrong passphrase"."""
        path = cls.db_path(data_dir)
        found = examine(path, key)
        info = StoreInfo.load(Path(data_dir) / INFO_NAME)
        checked = info is not None and info.salt_hex == key.salt.hex() and info.key_check == key.check_value()
        if checked or found.cut_short or found.key_fits:
            return StoreDamaged.of("store_damaged", path=path, detail=found.summary() or "unreadable")
        return None

    @classmethod
    def unlock_key_unchecked(cls, data_dir: Path, passphrase: str) -> RawKey:
        """The key for ``diagnose``: refused only if store.json says the
        passphrase is wrong (a damaged file cannot say so itself)."""
        path = cls.db_path(data_dir)
        _refuse_empty(path)
        info = StoreInfo.load(Path(data_dir) / INFO_NAME)
        key = derive(passphrase, read_salt(path), info.kdf if info else KdfParams())
        if info is not None and info.salt_hex == key.salt.hex() and info.key_check != key.check_value():
            raise wrong_passphrase()
        return key

    @classmethod
    def diagnose(cls, data_dir: Path, key: RawKey) -> list[tuple[str, bool, str]]:
        """``verify`` for a store too damaged to open: the file's length and
        every page's authentication, as (check, ok, detail)."""
        path = cls.db_path(data_dir)
        found = examine(path, key)
        shape = (f"{found.size} bytes, {found.pages} pages" if not found.cut_short
                 else found.problems[0])
        pages = [p for p in found.problems if not p.startswith(f"{found.size} bytes")]
        return [("file", not found.cut_short and found.size > 0, shape),
                ("encryption", not pages, " ".join("; ".join(pages[:3]).split())[:300] or "every page authenticates"),
                ("structure", False, "not checked: the database does not open")]

    @property
    def key(self) -> RawKey | None:
        """The raw key this store is open with (to remember it in the OS
        credential store after an unlock); never written anywhere by the store."""
        return self._key

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()

    @contextmanager
    def exclusive(self, wait: float = EXCLUSIVE_WAIT) -> Iterator[None]:
        """This process alone has the folder (for a rekey): refused while the
        app or another command has it open, rather than pull the file away
        from under them. Back to shared afterwards."""
        if self._lock is None or self._lock.mode == "exclusive":
            yield
            return
        if not self._lock.acquire("exclusive", wait):
            self.engine.dispose()  # the shared lock was let go meanwhile (see _back_to_shared)
            raise StoreBusy.of("store_in_use")
        try:
            yield
        finally:
            self._back_to_shared()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- transactions --------------------------------------------------

    @contextmanager
    def write(self, actor: Actor, action: str) -> Iterator[Writer]:
        """One use case = one transaction: rows, change log, audit, clock."""
        batch = getattr(self._local, "batch", None)
        if batch is not None:  # inside batch(): a savepoint per use case
            with batch.begin_nested():
                yield Writer(batch, actor, action, self.facility_code or "", self.device_id, self.clock)
            return
        with self.engine.connect().execution_options(write=True) as conn:
            with conn.begin():
                yield Writer(conn, actor, action, self.facility_code or "", self.device_id, self.clock)
                self._save_clock(conn)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many use cases in one transaction (demo data, imports, benchmarks);
        each still writes its own change-log and audit rows."""
        with self.engine.connect().execution_options(write=True) as conn:
            with conn.begin():
                self._local.batch = conn
                try:
                    yield
                    self._save_clock(conn)
                finally:
                    self._local.batch = None

    def _save_clock(self, conn: sa.Connection) -> None:
        conn.execute(sa.text("INSERT INTO meta(key, value) VALUES ('hlc', :v) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                     {"v": self.clock.last.encode()})

    @contextmanager
    def read(self) -> Iterator[sa.Connection]:
        batch = getattr(self._local, "batch", None)
        if batch is not None:  # inside a batch, on its thread: read what the batch has written
            yield batch
            return
        with self.engine.connect() as conn:
            with conn.begin():
                yield conn

    # --- backup, restore, rekey, verify --------------------------------

    @staticmethod
    def _backup_engine(engine: sa.Engine, data_dir: Path, key: RawKey | None, label: str) -> Path:
        folder = Path(data_dir) / "backups"
        folder.mkdir(exist_ok=True)
        dest = folder / f"{label}-{datetime.now():%Y%m%d-%H%M%S}.db"
        _export(engine, dest, key)
        return dest

    @staticmethod
    def check_backup_dest(dest: Path) -> None:
        """Refuse before anything is written (or audited): never overwrite, never a missing folder."""
        dest = Path(dest)
        if dest.exists():
            raise StoreError(f"Tệp {dest} đã tồn tại; chọn tên khác.", f"{dest} already exists; choose another name.")
        if not dest.parent.is_dir():
            raise StoreError(f"Thư mục {dest.parent} không tồn tại.", f"Folder {dest.parent} does not exist.")

    def backup(self, dest: Path, *, before_publish: Callable[[], None] = lambda: None) -> Path:
        """An encrypted snapshot with the same key: restorable only with the
        passphrase. ``before_publish`` (the audit row) runs once the copy is
        complete; if it fails, no file is left."""
        dest = Path(dest)
        self.check_backup_dest(dest)
        with self.publishing(dest) as tmp:
            _export_into(self.engine, tmp, self._key)
            before_publish()
        return dest

    # --- files leaving the store ---------------------------------------

    @contextmanager
    def publishing(self, dest: Path) -> Iterator[Path]:
        """Write a file the user asked for so that it exists only if the block
        (which commits its audit row) succeeded: the block writes the yielded
        temp name beside ``dest``, which is renamed into place afterwards; on
        any failure the temp file goes. The temp name is recorded (encrypted,
        in ``meta``) before a byte is written, so if the process dies midway
        the next open removes what was left (``clean_leftovers``)."""
        dest = Path(dest)
        tmp = dest.with_name(f".{dest.name}.{new_id()[:8]}.part")
        marker = PENDING_PREFIX + new_id()
        with self.engine.begin() as conn:
            conn.execute(meta.insert().values(key=marker, value=str(tmp)))
        try:
            yield tmp
            os.replace(tmp, dest)
        except BaseException:
            _remove_partial(tmp)
            raise
        finally:
            with contextlib.suppress(sa.exc.SQLAlchemyError), self.engine.begin() as conn:
                conn.execute(sa.delete(meta).where(meta.c.key == marker))

    def clean_leftovers(self) -> list[str]:
        """Remove what interrupted rekeys, restores, backups and exports left
        (temp copies, SQLite journals, unfinished exports). Only while no
        other process has the store open, since theirs may still be running.
        Returns what was removed, as kinds (never a path: it may name someone)."""
        if self._lock is not None and not self._lock.acquire("exclusive", 0):
            self.engine.dispose()  # the shared lock was let go meanwhile (see _back_to_shared)
            return []
        try:
            removed = []
            for pattern in LEFTOVER_PATTERNS:
                for path in self.data_dir.glob(pattern):
                    path.unlink(missing_ok=True)
                    removed.append(pattern)
            with self.engine.begin() as conn:
                pending = conn.execute(sa.select(meta.c.key, meta.c.value)
                                       .where(meta.c.key.like(PENDING_PREFIX + "%"))).all()
                for marker, tmp in pending:
                    if Path(tmp).exists():
                        removed.append("unfinished export")
                    _remove_partial(Path(tmp))
                    conn.execute(sa.delete(meta).where(meta.c.key == marker))
            if removed:
                logging.getLogger("facility_app").warning(
                    "removed %d leftover file(s) of interrupted operations: %s",
                    len(removed), ", ".join(sorted(set(removed))))
            return removed
        finally:
            self._back_to_shared()

    def _back_to_shared(self) -> None:
        """After letting go of the lock to change its mode, a rekey or restore
        elsewhere may have replaced the file: pooled connections to the old
        one are closed, so no write goes to a file that is no longer the store."""
        if self._lock is None:
            return
        gaps = self._lock.gaps
        self._lock.acquire("shared", OPEN_WAIT)
        if self._lock.gaps != gaps or self._lock.mode != "shared":
            self.engine.dispose()

    @classmethod
    def check_backup(cls, backup_file: Path, passphrase: str) -> RawKey:
        backup_file = Path(backup_file)
        if not backup_file.is_file():
            raise StoreError(f"Không tìm thấy tệp sao lưu {backup_file}.", f"Backup file {backup_file} not found.")
        _refuse_empty(backup_file)
        key = derive(passphrase, read_salt(backup_file))
        try:
            problems = _integrity(backup_file, key)
        except (WrongKey, sqlcipher3.DatabaseError):
            found = examine(backup_file, key)
            if found.cut_short or found.key_fits:
                raise StoreDamaged.of("backup_damaged", path=backup_file, detail=found.summary()) from None
            raise StoreError("Mật khẩu không mở được tệp sao lưu này (hoặc tệp không phải bản sao lưu).",
                             "The passphrase does not open this backup (or it is not a backup file).") from None
        if problems:
            detail = " ".join("; ".join(problems[:3]).split())[:300]
            raise StoreDamaged.of("backup_damaged", path=backup_file, detail=detail)
        return key

    @classmethod
    def restore(cls, backup_file: Path, data_dir: Path, passphrase: str, *, replace: bool = False) -> "Store":
        """Into an empty folder, or (``replace``) over a store, keeping a copy of it."""
        data_dir = Path(data_dir)
        key = cls.check_backup(backup_file, passphrase)
        data_dir.mkdir(parents=True, exist_ok=True)
        lock = _exclusive_lock(data_dir, EXCLUSIVE_WAIT)
        try:
            cls._restore_locked(backup_file, data_dir, key, replace)
            if not lock.acquire("shared", OPEN_WAIT):
                raise StoreBusy.of("store_busy")
            return cls.open(data_dir, key=key, lock=lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _restore_locked(cls, backup_file: Path, data_dir: Path, key: RawKey, replace: bool) -> None:
        db = cls.db_path(data_dir)
        if db.exists():
            if not replace:
                raise StoreError(f"Thư mục {data_dir} đã có kho dữ liệu; cần xác nhận để ghi đè.",
                                 f"{data_dir} already holds a store; confirm to replace it.")
            stamp = f"pre-restore-{datetime.now():%Y%m%d-%H%M%S}"
            keep, n = data_dir / "backups" / stamp, 1
            while keep.exists():  # two restores in one second: never mix the two kept stores
                n += 1
                keep = data_dir / "backups" / f"{stamp}-{n}"
            keep.mkdir(parents=True)
            for name in (DB_NAME, DB_NAME + "-wal", INFO_NAME):
                if (data_dir / name).exists():
                    shutil.copy2(data_dir / name, keep / name)
            for name in (DB_NAME + "-wal", DB_NAME + "-shm"):  # a stale WAL must not meet the new file
                (data_dir / name).unlink(missing_ok=True)
        data_dir.mkdir(parents=True, exist_ok=True)
        (data_dir / "backups").mkdir(exist_ok=True)
        tmp = data_dir / (DB_NAME + ".restore")
        try:
            shutil.copyfile(backup_file, tmp)
            _fsync_file(tmp)
        except BaseException:
            _remove_partial(tmp)
            raise
        os.replace(tmp, db)
        StoreInfo(KdfParams(), key.salt.hex(), key.check_value()).save(data_dir / INFO_NAME)

    def rekey(self, new_passphrase: str) -> None:
        """Re-encrypt under a new passphrase (and salt); the old file is replaced
        atomically, with no other process using the store (``exclusive``)."""
        with self.exclusive():
            self._rekey(new_passphrase)

    def _rekey(self, new_passphrase: str) -> None:
        new_key = derive(new_passphrase, new_salt())
        db = self.db_path(self.data_dir)
        tmp = db.with_name(DB_NAME + ".rekey")
        try:
            _export_into(self.engine, tmp, new_key)
            if _integrity(tmp, new_key):
                raise StoreError("Đổi mật khẩu thất bại; kho dữ liệu cũ giữ nguyên.",
                                 "Rekey failed; the store is unchanged.")
        except BaseException:
            _remove_partial(tmp)
            raise
        self.engine.dispose()  # last close checkpoints and removes the WAL
        for name in (DB_NAME + "-wal", DB_NAME + "-shm"):
            (self.data_dir / name).unlink(missing_ok=True)
        os.replace(tmp, db)
        StoreInfo(KdfParams(), new_key.salt.hex(), new_key.check_value()).save(self.data_dir / INFO_NAME)
        self._key = new_key
        self.engine = make_engine(db, new_key)

    def verify(self) -> list[tuple[str, bool, str]]:
        """(check, ok, detail) for encryption pages, SQLite structure, schema level, audit chain."""
        results: list[tuple[str, bool, str]] = []

        def check(name: str, run) -> None:
            # a damaged file makes SQLite raise rather than answer: that is a failed check too
            try:
                ok, detail = run()
            except sa.exc.DatabaseError as exc:
                ok, detail = False, f"unreadable ({type(exc.orig or exc).__name__}: {exc.orig or exc})"
            results.append((name, ok, " ".join(str(detail).split())[:300]))  # one line each

        size = self.db_path(self.data_dir).stat().st_size
        check("file", lambda: (size % PAGE_SIZE == 0, f"{size} bytes, {size // PAGE_SIZE} pages" if size % PAGE_SIZE == 0
                               else f"{size} bytes is not a whole number of {PAGE_SIZE}-byte pages: the file was cut short"))

        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
            if self._key is not None:
                def encryption():
                    bad = [r[0] for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()]
                    return not bad, "; ".join(bad[:3]) or "every page authenticates"
                check("encryption", encryption)

            def structure():
                result = conn.exec_driver_sql("PRAGMA integrity_check").fetchone()[0]
                return result == "ok", result
            check("structure", structure)

        def schema():
            current, head = migrate.current(self.engine), migrate.head()
            return current == head, f"at {current}, expected {head}"
        check("schema", schema)

        def audit_chain():
            with self.read() as conn:
                return audit.verify(conn)
        check("audit", audit_chain)
        return results
