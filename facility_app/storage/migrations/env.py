"""Alembic environment: always given an open connection by ``migrate.py``."""
from alembic import context

from facility_app.storage.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - migrations only run through migrate.py
    raise SystemExit("Run migrations through facility-admin, which unlocks the store.")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
