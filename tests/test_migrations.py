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
