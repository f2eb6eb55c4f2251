"""The encrypted store itself, in-process, on real SQLCipher files: wrong
passphrases change nothing, verify catches tampering, backup/restore and
rekey keep every row, synced rows carry their sync columns."""
from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa

from care_core.domain.entities import Facility, Resident
from care_core.domain.enums import Role
from facility_app.services.container import Services
from facility_app.storage.store import INFO_NAME, Store, StoreError
from facility_app.storage.tables import SYNC_COLUMNS, SYNCED_TABLES
from tests.conftest import ADMIN, NURSE, PASSPHRASE, SYSTEM, TODAY, make_services
from tests.store_fixtures import copy_tree, fingerprint, populate, snapshot

WRONG_VI = "Sai mật khẩu kho dữ liệu; không có gì bị thay đổi."
WRONG_EN = "Wrong store passphrase; nothing was changed."


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A closed store with a few residents and their records."""
    folder = tmp_path_factory.mktemp("store-template") / "data"
    services = make_services(folder)
    populate(services, SYSTEM, 6, seed=7, today=TODAY)
    services.users.add(SYSTEM, "lan", "Hoàng Thị Lan", Role.NURSE, "lan password")
    services.close()
    return folder


@pytest.fixture
def store_dir(template, tmp_path):
    return copy_tree(template, tmp_path / "data")


# --- wrong passphrase ----------------------------------------------------------

@pytest.mark.parametrize("info", ["present", "missing", "damaged", "from another store"])
def test_wrong_passphrase_is_refused_and_changes_no_byte(store_dir, tmp_path, info):
    if info == "missing":
        (store_dir / INFO_NAME).unlink()
    elif info == "damaged":
        (store_dir / INFO_NAME).write_text("{not json", encoding="utf-8")
    elif info == "from another store":
        Store.create(tmp_path / "other", "another passphrase").close()
        shutil.copy(tmp_path / "other" / INFO_NAME, store_dir / INFO_NAME)
    before = fingerprint(store_dir)
    with pytest.raises(StoreError) as caught:
        Store.open(store_dir, "not the passphrase")
    assert caught.value.message("vi") == WRONG_VI
    assert caught.value.message("en") == WRONG_EN
    assert fingerprint(store_dir) == before
    with Store.open(store_dir, PASSPHRASE) as store:  # and the right one still opens it
        assert all(ok for _, ok, _ in store.verify())


def test_missing_store_is_a_clear_error_and_creates_nothing(tmp_path):
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path / "nowhere", PASSPHRASE)
    assert "facility-admin init" in caught.value.message("vi")
    assert not (tmp_path / "nowhere").exists()


def test_create_refuses_an_existing_store(store_dir):
    before = fingerprint(store_dir)
    with pytest.raises(StoreError):
        Store.create(store_dir, "another passphrase")
    assert fingerprint(store_dir) == before


# --- verify ------------------------------------------------------------------------

def _verify(folder) -> dict[str, tuple[bool, str]]:
    with Store.open(folder, PASSPHRASE) as store:
        return {check: (ok, detail) for check, ok, detail in store.verify()}


def _tamper(folder, sql: str) -> None:
    with Store.open(folder, PASSPHRASE) as store, store.engine.begin() as conn:
        conn.exec_driver_sql(sql)


def test_verify_passes_a_normal_store(store_dir):
    results = _verify(store_dir)
    assert set(results) == {"file", "encryption", "structure", "schema", "audit"}
    assert all(ok for ok, _ in results.values()), results


@pytest.mark.parametrize("sql, detail", [
    ("UPDATE audit_log SET detail = '{\"room\": \"P999\"}' WHERE seq = 5", "audit entry 5 was altered"),
    ("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3", "audit entry 3 was altered"),
    ("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)", "cut off"),
    ("DELETE FROM audit_log WHERE seq = 4", "audit entry 4 is missing"),
])
def test_verify_detects_audit_tampering(store_dir, sql, detail):
    _tamper(store_dir, sql)
    results = _verify(store_dir)
    ok, text = results["audit"]
    assert not ok and detail in text
    assert all(ok for check, (ok, _) in results.items() if check != "audit")


def test_verify_detects_a_damaged_page(store_dir):
    db = Store.db_path(store_dir)
    data = bytearray(db.read_bytes())
    data[4096 * 3 + 100] ^= 0xFF  # one byte inside the fourth page
    db.write_bytes(bytes(data))
    with Store.open(store_dir, PASSPHRASE) as store:
        results = {check: ok for check, ok, _ in store.verify()}
    assert results["encryption"] is False


# --- backup, restore, rekey ------------------------------------------------------

def test_backup_restore_gives_identical_content(store_dir, tmp_path):
    with Store.open(store_dir, PASSPHRASE) as store:
        store.backup(tmp_path / "b.db")
        original = snapshot(store.engine)
    with Store.restore(tmp_path / "b.db", tmp_path / "fresh", PASSPHRASE) as restored:
        assert snapshot(restored.engine) == original
        assert all(ok for _, ok, _ in restored.verify())
    assert (tmp_path / "fresh" / "backups").is_dir()


def test_checking_a_backup_changes_no_byte_of_it(store_dir, tmp_path):
    with Store.open(store_dir, PASSPHRASE) as store:
        store.backup(tmp_path / "b.db")
    before = fingerprint(tmp_path)
    Store.check_backup(tmp_path / "b.db", PASSPHRASE)
    with pytest.raises(StoreError):
        Store.check_backup(tmp_path / "b.db", "not the passphrase")
    assert fingerprint(tmp_path) == before


def test_restore_with_wrong_passphrase_changes_nothing(store_dir, tmp_path):
    with Store.open(store_dir, PASSPHRASE) as store:
        store.backup(tmp_path / "b.db")
    before = fingerprint(tmp_path)
    for target in (tmp_path / "fresh", store_dir):
        with pytest.raises(StoreError) as caught:
            Store.restore(tmp_path / "b.db", target, "not the passphrase", replace=True)
        assert "Mật khẩu không mở được tệp sao lưu" in caught.value.message("vi")
    assert fingerprint(tmp_path) == before


def test_restore_over_a_store_needs_replace_and_keeps_the_old_one(store_dir, tmp_path):
    services = make_services(tmp_path / "other")
    populate(services, SYSTEM, 2, seed=99, today=TODAY)
    services.store.backup(tmp_path / "other.db")
    backup_content = snapshot(services.store.engine)
    services.close()
    with Store.open(store_dir, PASSPHRASE) as store:
        old_content = snapshot(store.engine)
    before = fingerprint(tmp_path)
    with pytest.raises(StoreError):
        Store.restore(tmp_path / "other.db", store_dir, PASSPHRASE)
    assert fingerprint(tmp_path) == before

    with Store.restore(tmp_path / "other.db", store_dir, PASSPHRASE, replace=True) as store:
        assert snapshot(store.engine) == backup_content
    kept = [p for p in (store_dir / "backups").iterdir() if p.name.startswith("pre-restore-")]
    assert len(kept) == 1
    with Store.open(kept[0], PASSPHRASE) as old:
        assert snapshot(old.engine) == old_content


def test_two_restores_in_one_second_keep_both_replaced_stores(store_dir, tmp_path, monkeypatch):
    import datetime as dt

    from facility_app.storage import store as store_module

    class FrozenClock(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2026, 11, 20, 9, 30, 0)

    with Store.open(store_dir, PASSPHRASE) as store:
        store.backup(tmp_path / "b.db")
    monkeypatch.setattr(store_module, "datetime", FrozenClock)
    for _ in range(2):
        Store.restore(tmp_path / "b.db", store_dir, PASSPHRASE, replace=True).close()
    kept = sorted(p.name for p in (store_dir / "backups").iterdir())
    assert kept == ["pre-restore-20261120-093000", "pre-restore-20261120-093000-2"]
    for name in kept:
        assert (store_dir / "backups" / name / "facility.db").stat().st_size > 0


def test_rekey_keeps_every_row(store_dir):
    with Store.open(store_dir, PASSPHRASE) as store:
        content = snapshot(store.engine)
        store.rekey("a brand new passphrase")
        assert snapshot(store.engine) == content  # the open store goes on working
    with pytest.raises(StoreError):
        Store.open(store_dir, PASSPHRASE)
    with Store.open(store_dir, "a brand new passphrase") as store:
        assert snapshot(store.engine) == content
        assert all(ok for _, ok, _ in store.verify())
    info = json.loads((store_dir / INFO_NAME).read_text(encoding="utf-8"))
    assert set(info) == {"format", "kdf", "salt", "key_check"}


def test_backup_never_overwrites_and_a_refused_backup_is_not_audited(store_dir, tmp_path):
    from facility_app.services.container import Services

    (tmp_path / "taken.db").write_bytes(b"someone's file")
    services = Services(Store.open(store_dir, PASSPHRASE), today=lambda: TODAY)
    try:
        before = snapshot(services.store.engine)
        with pytest.raises(StoreError):
            services.exports.backup(ADMIN, tmp_path / "taken.db")
        assert snapshot(services.store.engine) == before
        assert (tmp_path / "taken.db").read_bytes() == b"someone's file"
    finally:
        services.close()


# --- rows carry what sync needs ------------------------------------------------------

def test_every_synced_row_carries_its_sync_columns(store_dir):
    with Store.open(store_dir, PASSPHRASE) as store, store.engine.connect() as conn:
        device = conn.exec_driver_sql("SELECT value FROM meta WHERE key = 'device_id'").scalar()
        for name, table in SYNCED_TABLES.items():
            rows = conn.execute(sa.select(table)).mappings().all()
            assert rows, name
            for row in rows:
                assert row["facility_code"] == "TTBTXH-LS"
                assert row["version"] >= 1 and row["updated_at"] and row["updated_by"]
                assert row["device_id"] == device and row["hlc"] and row["deleted"] is False
        assert set(SYNC_COLUMNS) <= {c.name for c in SYNCED_TABLES["checkups"].columns}


def test_a_failed_use_case_writes_nothing(store_dir):
    with Store.open(store_dir, PASSPHRASE) as store:
        before = snapshot(store.engine)
        with pytest.raises(RuntimeError):
            with store.write(NURSE, "record-checkup") as w:
                w.audit_only("checkups", "x", {"about to": "fail"})
                raise RuntimeError("power cut in the middle of a use case")
        assert snapshot(store.engine) == before


# --- the record screen's lean reads ---------------------------------------------------

def test_lean_reads_give_the_entities_the_full_mapping_gives(store_dir):
    """The record screen's reads (plain driver tuples, ``mapping.row_reader``)
    make exactly the entities SQLAlchemy's typed rows and ``to_entity`` make:
    every row of every entity table, and every timeline list, with room
    changes, a status change, a past card, a discharge and a re-admission,
    a correction and a void among them."""
    from datetime import timedelta

    from care_core.domain.entities import BhytCard, Stay
    from care_core.domain.enums import ConditionStatus, DischargeReason, StayKind
    from facility_app.storage import repositories as repo
    from facility_app.storage.mapping import to_entity

    services = Services(Store.open(store_dir, PASSPHRASE), today=lambda: TODAY)
    try:
        people = services.residents.list(SYSTEM)
        first, second = people[0], people[1]
        first = services.residents.update(SYSTEM, first.id, {"room": "P999"}, first.version)
        services.residents.add_past_card(SYSTEM, first.id, BhytCard(first.id, "BT2201234567890",
                                                                   date(2020, 1, 1), date(2020, 12, 31)))
        condition = services.clinical.timeline(SYSTEM, first.id).conditions[0]
        services.clinical.update_condition(SYSTEM, condition.id, {"status": ConditionStatus.CONTROLLED},
                                           condition.version)
        checkups = services.clinical.checkups(SYSTEM, first.id)
        services.clinical.correct_checkup(SYSTEM, checkups[-1].id, replace(checkups[-1], findings="Sửa lại"))
        services.clinical.void_checkup(SYSTEM, checkups[0].id, "nhập nhầm")
        second = services.residents.discharge(SYSTEM, second.id, TODAY - timedelta(days=20),
                                              DischargeReason.RETURNED_HOME, second.version)
        services.residents.readmit(SYSTEM, second.id, Stay(second.id, StayKind.LONG_TERM, TODAY - timedelta(days=3)))

        with services.store.read() as conn:
            for cls, table in repo._ENTITY_TABLES.items():
                rows = conn.execute(sa.select(table).where(table.c.deleted.is_(False))).all()
                for row in rows:
                    assert repo.get(conn, cls, row.id) == to_entity(cls, row), (cls.__name__, row.id)
            assert repo.get(conn, Resident, "no such id") is None
            assert repo.get_facility(conn) == to_entity(Facility, conn.execute(sa.select(repo.facility)).one())
            seen = set()
            for person in (first, second):
                tl = services.clinical.timeline(SYSTEM, person.id)
                for name, items in (("checkups", tl.checkups), ("conditions", tl.conditions), ("rehab", tl.rehab),
                                    ("referrals", tl.referrals), ("status_changes", tl.status_changes)):
                    if items:
                        seen.add(name)
                    full = {"checkups": repo.current_checkups, "conditions": repo.all_conditions,
                            "rehab": repo.all_rehab, "referrals": repo.all_referrals,
                            "status_changes": repo.all_status_changes}[name](conn)
                    mine = [x for x in full if x.resident_id == person.id]
                    assert sorted(items, key=lambda x: x.id) == sorted(mine, key=lambda x: x.id), name
                for name, lean, typed in (("cards", repo.cards_of, repo.all_cards), ("rooms", repo.room_changes_of, None),
                                          ("stays", repo.stays_of, repo.all_stays)):
                    got = lean(conn, person.id)
                    if got:
                        seen.add(name)
                    if typed is not None:
                        assert sorted(got, key=lambda x: x.id) == sorted(
                            (x for x in typed(conn) if x.resident_id == person.id), key=lambda x: x.id), name
            assert seen >= {"checkups", "conditions", "rehab", "status_changes", "cards", "rooms", "stays"}
            assert any(c.supersedes_id for c in repo.checkups_of(conn, first.id))  # the correction, not the void
            assert checkups[0].id not in {c.id for c in repo.checkups_of(conn, first.id)}
    finally:
        services.close()


# --- a record's reads from their indexes ---------------------------------------------------

def _record_reads():
    """Every lean read of one resident's rows (``:rid``): the timeline's."""
    from facility_app.storage import repositories as repo

    return {name: lean for name, lean in vars(repo).items() if isinstance(lean, repo._Lean) and ":rid" in lean.sql}


def _plan(conn, sql: str) -> list[str]:
    return [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, {"rid": "someone"})]


@pytest.mark.parametrize("read, table, date_column", [("_CHECKUPS_OF", "checkups", "checkup_date"),
                                                      ("_REHAB_OF", "rehab_sessions", "session_date")])
def test_a_records_checkups_and_rehab_come_from_their_covering_index(store_dir, read, table, date_column):
    """A resident's checkups (and rehabilitation sessions) are read from
    ``ix_<table>_resident_id`` alone: a ten-year record would otherwise read
    and decrypt one table page per row on its first open. The columns the
    read needs are taken from its own statement (what it selects, and what
    its conditions test: deleted, voided, the id the superseding look-up
    compares), so a column added to the entity and the table, but not to the
    index (in tables.py and a migration), fails here."""
    from sqlalchemy.sql import visitors

    from facility_app.storage import repositories as repo
    from facility_app.storage.tables import metadata

    lean, t = getattr(repo, read), metadata.tables[table]
    needed = {c.name for c in visitors.iterate(lean.statement) if isinstance(c, sa.Column) and c.table is t}
    assert {"resident_id", date_column, "id", "deleted", "voided", "supersedes_id", "version"} <= needed
    index = f"ix_{table}_resident_id"
    declared = [c.name for c in next(i for i in t.indexes if i.name == index).columns]
    assert declared[:3] == ["resident_id", date_column, "id"]
    assert needed - set(declared) == set()

    store = Store.open(store_dir, PASSPHRASE)
    try:
        with store.read() as conn:
            on_disk = [row[2] for row in conn.exec_driver_sql(f"PRAGMA index_info({index})")]
            plan = _plan(conn, lean.sql)
    finally:
        store.close()
    assert on_disk == declared
    assert f"SEARCH {table} USING COVERING INDEX {index} (resident_id=?)" in plan, plan
    assert not any("TEMP B-TREE" in step for step in plan), plan  # the index's order is the read's


def test_no_read_of_a_record_scans_a_table(store_dir):
    """Each of a record's reads finds the resident's rows through an index:
    a scan reads (and decrypts) the whole table on the record's first open."""
    reads = _record_reads()
    assert {"_CHECKUPS_OF", "_REHAB_OF", "_CONDITIONS_OF", "_REFERRALS_OF", "_CARDS_OF",
            "_STATUS_CHANGES_OF_RESIDENT", "_ROOM_CHANGES_OF", "_STAYS_OF"} <= set(reads)
    store = Store.open(store_dir, PASSPHRASE)
    try:
        with store.read() as conn:
            plans = {name: _plan(conn, lean.sql) for name, lean in reads.items()}
    finally:
        store.close()
    for name, plan in plans.items():
        assert not any(step.startswith("SCAN") for step in plan), (name, plan)
        assert any("(resident_id=?)" in step for step in plan), (name, plan)
