"""Alembic environment of the provincial server: given an open connection
by ``provincial_server.migrate`` (``provincial-server --db URL migrate``)."""
from alembic import context

from provincial_server.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - migrations only run through migrate.py
    raise SystemExit("Run migrations with: provincial-server --db URL migrate")

context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
