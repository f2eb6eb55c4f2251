"""No file in the data folder holds plaintext of any record.

A store made and filled by the real CLI (``init`` + ``demo --residents 40``),
with a backup under backups/ and a log written by an unexpected error whose
message quoted patient data, is searched byte by byte for every resident's
name (UTF-8 NFC and NFD, UTF-16, the accent-folded search form), CCCD, BHYT
number and next of kin - after the store is closed, and while it is open
with fresh writes still in the WAL.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from facility_app import logs
from facility_app.cli import main as cli_main
from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, Sex
from care_core.domain.text import fold
from facility_app.services.residents import ResidentService
from facility_app.storage.store import Store
from tests.conftest import NURSE, SYSTEM, TODAY
from tests.store_fixtures import PASSPHRASE, copy_tree, init_args, run_cli


def needles_of(people: list[Resident]) -> list[bytes]:
    found: set[bytes] = set()
    for p in people:
        for text in (p.full_name, p.next_of_kin_name):
            if len(text) < 6:
                continue
            for form in ("NFC", "NFD"):
                found.add(unicodedata.normalize(form, text).encode("utf-8"))
            found.add(unicodedata.normalize("NFC", text).encode("utf-16-le"))
            found.add(fold(text).encode("ascii"))
        for value in (p.cccd, p.bhyt_number, p.next_of_kin_phone):
            if value:
                found.add(value.encode("ascii"))
    return sorted(found)


def leaks(folder: Path, needles: list[bytes]) -> dict[str, list[bytes]]:
    """File (relative path) -> the needles found in its bytes."""
    pattern = re.compile(b"|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)))
    result = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            hits = sorted(set(pattern.findall(path.read_bytes())))
            if hits:
                result[str(path.relative_to(folder))] = hits
    return result


def residents_of(folder: Path) -> list[Resident]:
    from facility_app.services.container import Services

    services = Services(Store.open(folder, PASSPHRASE))
    try:
        return services.residents.list(SYSTEM)
    finally:
        services.close()


@pytest.fixture(scope="module")
def cli_store(tmp_path_factory):
    """init + demo by the CLI, a backup kept under backups/, and a log file
    written by an unexpected error that quoted a resident's name and CCCD."""
    root = tmp_path_factory.mktemp("at-rest")
    data = root / "data"
    for args in (init_args(), ["demo", "--residents", "40", "--seed", "5"],
                 ["backup", str(data / "backups" / "manual.db")]):
        proc = run_cli(data, *args)
        assert proc.returncode == 0, (args, proc.stderr)
    # the residents, read from a copy so the folder under test is only ever touched by the CLI
    people = residents_of(copy_tree(data, root / "copy"))
    assert len(people) == 40
    return data, people


def test_scanner_finds_the_needles_in_plain_text(cli_store, tmp_path):
    """The search itself works: the (deliberately plain) CSV export is full of hits."""
    data, people = cli_store
    out = tmp_path / "plain"
    out.mkdir()
    assert run_cli(copy_tree(data, tmp_path / "copy"), "export", "residents", str(out / "r.csv")).returncode == 0
    plain = (out / "r.csv").read_bytes()
    assert all(p.full_name.encode() in plain for p in people)
    assert all(p.cccd.encode() in plain for p in people if p.cccd)
    assert leaks(out, needles_of(people))  # and the pattern search sees them too


def test_no_file_in_the_data_folder_holds_a_residents_data(cli_store, tmp_path, monkeypatch, capsys):
    data, people = cli_store
    folder = copy_tree(data, tmp_path / "data")
    victim = next(p for p in people if p.cccd)

    def explode(self, actor, query, limit=50):  # an unexpected error quoting patient data
        raise RuntimeError(f"cannot search near {victim.full_name} {victim.cccd} {victim.bhyt_number}")

    monkeypatch.setattr(ResidentService, "search", explode)
    monkeypatch.setenv("FACILITY_APP_PASSPHRASE", PASSPHRASE)
    try:
        assert cli_main.main(["--data-dir", str(folder), "residents", "search", "an"]) == 1
    finally:
        for handler in list(logging.getLogger(logs.LOGGER_NAME).handlers):
            handler.close()
            logging.getLogger(logs.LOGGER_NAME).removeHandler(handler)
    err = capsys.readouterr().err
    assert "RuntimeError" in err and victim.full_name not in err and "Traceback" not in err

    files = {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}
    assert {"facility.db", "store.json", "backups/manual.db", "logs/facility-app.log"} <= files
    assert "unexpected RuntimeError" in (folder / "logs" / "facility-app.log").read_text(encoding="utf-8")
    needles = needles_of(people)
    assert len(needles) > 200
    assert leaks(folder, needles) == {}


def test_nothing_leaks_while_the_store_is_open_with_a_full_wal(cli_store, tmp_path):
    from facility_app.services.container import Services

    data, people = cli_store
    folder = copy_tree(data, tmp_path / "data")
    services = Services(Store.open(folder, PASSPHRASE), today=lambda: TODAY)
    try:
        fresh = [services.residents.admit(NURSE, Resident(
            name, sex, date(1951, 5, 6), date(2026, 11, 1), [BeneficiaryGroup.ELDERLY],
            cccd=cccd, bhyt_number=bhyt, next_of_kin_name="Hà Thị Phương Thảo", next_of_kin_phone="0912345678"))
            for name, sex, cccd, bhyt in [
                ("Khổng Minh Tường", Sex.MALE, "020051123456", "HT3209876543210"),
                ("Ưng Thị Hoàng Yến", Sex.FEMALE, "020151654321", "CK2201234567890"),
            ]]
        renamed = services.residents.update(NURSE, people[0].id, {"full_name": "Quách Văn Thượng"}, people[0].version)
        with services.store.read() as conn:  # a reader keeps the WAL from being checkpointed away
            wal = folder / "facility.db-wal"
            assert wal.exists() and wal.stat().st_size > 0
            assert leaks(folder, needles_of(people + fresh + [renamed])) == {}
    finally:
        services.close()
    assert leaks(folder, needles_of(people + fresh + [renamed])) == {}


@pytest.mark.parametrize("module", ["sqlite3", "sqlcipher3"])
def test_the_benchmarks_plain_stores_are_plain_sqlite_and_the_real_one_is_not(tmp_path, module):
    """benchmarks/store.py compares SQLCipher with a store that only leaves the
    encryption out: the plain file must be ordinary SQLite, whichever module
    opens it, and a store made with a passphrase never is."""
    import sqlite3

    plain = Store.create(tmp_path / "plain", "", plain=module)
    plain.close()
    real = Store.create(tmp_path / "real", PASSPHRASE)
    real.close()
    assert Store.db_path(tmp_path / "plain").read_bytes()[:16] == b"SQLite format 3\x00"
    conn = sqlite3.connect(Store.db_path(tmp_path / "plain"))
    assert conn.execute("SELECT count(*) FROM meta WHERE key = 'device_id'").fetchone()[0] == 1
    conn.close()
    assert Store.db_path(tmp_path / "real").read_bytes()[:16] != b"SQLite format 3\x00"
    conn = sqlite3.connect(Store.db_path(tmp_path / "real"))
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.close()
