"""Migrations run on open, after an automatic encrypted backup."""
from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from facility_app.storage import migrate
from facility_app.storage.engine import make_engine
from facility_app.storage.keys import KdfParams, StoreInfo, derive, new_salt
from facility_app.storage.store import Store
from facility_app.storage.tables import meta

from .conftest import PASSPHRASE

FIRST = "0001"


def _old_store(data_dir):
    """A store as the first release left it: schema 0001, one meta row."""
    data_dir.mkdir(parents=True)
    key = derive(PASSPHRASE, new_salt())
    engine = make_engine(Store.db_path(data_dir), key)
    with engine.connect().execution_options(write=True) as conn:
        command.upgrade(migrate._config(conn), FIRST)
        conn.commit()
    with engine.begin() as conn:
        conn.execute(meta.insert().values(key="device_id", value="0190aaaa-0000-7000-8000-000000000001"))
    engine.dispose()
    StoreInfo(KdfParams(), key.salt.hex(), key.check_value()).save(data_dir / "store.json")


def test_open_upgrades_an_old_store_after_backing_it_up(data_dir):
    assert migrate.head() != FIRST, "needs a second migration to upgrade to"
    _old_store(data_dir)

    store = Store.open(data_dir, PASSPHRASE)
    try:
        assert migrate.current(store.engine) == migrate.head()
        assert store.device_id == "0190aaaa-0000-7000-8000-000000000001"
        assert all(ok for _, ok, _ in store.verify())
    finally:
        store.close()

    backups = sorted((data_dir / "backups").glob(f"pre-migrate-{FIRST}-*.db"))
    assert len(backups) == 1
    # the backup is the store as it was: encrypted, same passphrase, still at 0001
    key = Store.check_backup(backups[0], PASSPHRASE)
    engine = make_engine(backups[0], key)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == FIRST
    finally:
        engine.dispose()


def test_an_up_to_date_store_opens_without_a_backup(data_dir):
    Store.create(data_dir, PASSPHRASE).close()
    Store.open(data_dir, PASSPHRASE).close()
    assert list((data_dir / "backups").glob("pre-migrate-*")) == []


def test_migrations_build_exactly_the_tables_the_code_declares(data_dir):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from facility_app.storage.tables import metadata

    store = Store.create(data_dir, PASSPHRASE)
    try:
        with store.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    finally:
        store.close()


def _schema(engine) -> list[tuple]:
    with engine.connect() as conn:
        return conn.execute(sa.text("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                    "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")).all()


def _built_to(data_dir, revision: str) -> list[tuple]:
    """The schema of a store built from nothing up to ``revision``."""
    data_dir.mkdir(parents=True)
    engine = make_engine(Store.db_path(data_dir), derive(PASSPHRASE, new_salt()))
    try:
        with engine.connect().execution_options(write=True) as conn:
            command.upgrade(migrate._config(conn), revision)
            conn.commit()
        return _schema(engine)
    finally:
        engine.dispose()


def test_the_covering_record_indexes_migrate_both_ways_on_a_filled_store(tmp_path):
    """0010 rebuilds a resident's checkup and rehabilitation indexes as
    covering ones: a filled store taken back to 0009 has exactly 0009's
    schema, and opened again (migrated, after a backup) exactly a new
    store's, with every record read as before."""
    from facility_app.services.container import Services
    from tests.conftest import SYSTEM, TODAY, make_services
    from tests.store_fixtures import populate

    fresh = make_services(tmp_path / "fresh")
    populate(fresh, SYSTEM, 3, seed=10, today=TODAY)
    people = [p.id for p in fresh.residents.list(SYSTEM)]
    before = {rid: fresh.clinical.timeline(SYSTEM, rid) for rid in people}
    assert all(tl.checkups and tl.rehab for tl in before.values())
    head_schema = _schema(fresh.store.engine)
    with fresh.store.engine.connect().execution_options(write=True) as conn:
        command.downgrade(migrate._config(conn), "0009")
        conn.commit()
    assert _schema(fresh.store.engine) == _built_to(tmp_path / "at-0009", "0009") != head_schema
    folder = fresh.store.data_dir
    fresh.close()

    services = Services(Store.open(folder, PASSPHRASE), today=lambda: TODAY)
    try:
        assert migrate.current(services.store.engine) == migrate.head()
        assert _schema(services.store.engine) == head_schema == _built_to(tmp_path / "new", "head")
        assert {rid: services.clinical.timeline(SYSTEM, rid) for rid in people} == before
    finally:
        services.close()
    assert len(list((folder / "backups").glob("pre-migrate-0009-*.db"))) == 1
