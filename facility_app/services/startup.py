"""Opening the facility's store: what the GUI's start screens need.

The UI may not touch ``storage`` (layer contract), yet its first screens
must create, unlock, open and restore the encrypted store. This gate does
those few things with the same rules as ``facility-admin init/restore`` and
hands back an opaque key object (never printed) and ready ``Services``.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from care_core.domain import divisions, rules
from care_core.domain.entities import Actor, Facility
from care_core.domain.enums import Role
from care_core.domain.messages import Problem
from ..storage import failures
from ..storage.keys import RawKey, StoreInfo, read_salt
from ..storage.lock import LOCK_NAME, held_exclusive
from ..storage.store import DB_NAME, INFO_NAME, Store, StoreBusy, wrong_passphrase  # noqa: F401 - StoreBusy for the UI
from .container import Services

SETUP_ACTOR = Actor("facility-setup", Role.SYSTEM)


def known_failure(exc: BaseException, data_dir: Path | None = None):
    """A failure with a known cause (disk full, database locked, read-only
    folder, damaged file) as an ActionError that says what to do, else None."""
    return failures.describe(exc, data_dir)

GUI_OPEN_WAIT = 10.0  # seconds the unlock screen waits out a rekey/restore before saying why it cannot open


@dataclass(frozen=True)
class SetupRequest:
    """Everything the first-run wizard collects."""

    facility: Facility
    passphrase: str
    admin_username: str
    admin_full_name: str
    admin_password: str


def facility_problems(facility: Facility) -> list[Problem]:
    return rules.check_facility(facility)


def passphrase_problems(passphrase: str) -> list[Problem]:
    return rules.check_passphrase(passphrase)


def admin_problems(username: str, full_name: str, password: str) -> list[Problem]:
    """The first admin account, checked as ``UserService.add`` will check it."""
    problems = rules.check_username((username or "").strip().lower())
    if not (full_name or "").strip():
        problems.append(Problem("full_name", "required"))
    else:
        problems += rules.check_person_name("full_name", full_name, full=False)
    return problems + rules.check_password(password)


class StoreGate:
    def __init__(self, data_dir: Path, today: Callable[[], date] = date.today):
        self.data_dir = Path(data_dir)
        self.today = today

    def exists(self) -> bool:
        return Store.exists(self.data_dir)

    # --- first run -------------------------------------------------------

    def create(self, req: SetupRequest) -> tuple[Services, RawKey]:
        """Like ``facility-admin init``: validate everything first, then create
        the store, the facility and its first admin; on failure leave no store."""
        facility = req.facility
        facility.code = (facility.code or "").strip().upper()
        facility.name = (facility.name or "").strip()
        if facility.province_code and not facility.report_place:
            facility.report_place = divisions.short_province_name(facility.province_code)
        rules.ensure(facility_problems(facility)
                     + passphrase_problems(req.passphrase)
                     + admin_problems(req.admin_username, req.admin_full_name, req.admin_password))
        existed = self.data_dir.exists()
        try:
            store = Store.create(self.data_dir, req.passphrase)
            services = Services(store, today=self.today)
            try:
                services.facility.initialise(SETUP_ACTOR, facility)
                services.users.add(SETUP_ACTOR, req.admin_username, req.admin_full_name.strip(), Role.ADMIN,
                                   req.admin_password)
            except BaseException:
                services.close()
                raise
        except BaseException:
            self._remove_store(existed)
            raise
        return services, store.key

    def _remove_store(self, keep_folder: bool) -> None:
        if not keep_folder:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            return
        for name in (DB_NAME, DB_NAME + "-wal", DB_NAME + "-shm", INFO_NAME, LOCK_NAME):
            (self.data_dir / name).unlink(missing_ok=True)

    # --- later runs --------------------------------------------------------

    def derive_key(self, passphrase: str) -> RawKey:
        """argon2id (~0.2 s): call off the GUI thread. Wrong passphrase: StoreError."""
        return Store.unlock_key(self.data_dir, passphrase)

    def busy(self) -> bool:
        """A rekey or restore holds the store right now (the unlock screen says so while it waits)."""
        return held_exclusive(self.data_dir)

    def open(self, key: RawKey) -> Services:
        """StoreBusy (it says why) if a rekey or restore holds the folder longer than GUI_OPEN_WAIT."""
        return Services(Store.open(self.data_dir, key=key, wait=GUI_OPEN_WAIT), today=self.today)

    @staticmethod
    def key_hex(key: RawKey) -> str:
        """For the OS credential store only (the admin's "remember on this PC")."""
        return key.key.hex()

    def key_from_hex(self, hex_key: str) -> RawKey:
        """A remembered key, checked against ``store.json`` before any use."""
        try:
            raw = bytes.fromhex(hex_key)
        except ValueError:
            raise wrong_passphrase() from None
        key = RawKey(raw, read_salt(Store.db_path(self.data_dir)))
        info = StoreInfo.load(self.data_dir / INFO_NAME)
        if info is None or info.salt_hex != key.salt.hex() or info.key_check != key.check_value():
            raise wrong_passphrase()
        return key

    # --- restore -------------------------------------------------------------

    @staticmethod
    def check_backup(backup_file: Path, passphrase: str) -> None:
        """Wrong passphrase or damaged file: StoreError, before anything is replaced."""
        Store.check_backup(Path(backup_file), passphrase)

    def restore(self, backup_file: Path, passphrase: str) -> RawKey:
        """Replace the store (the current one is kept under backups/); the
        caller closed its services first. Returns the restored store's key."""
        store = Store.restore(Path(backup_file), self.data_dir, passphrase, replace=True)
        key = store.key
        store.close()
        return key
