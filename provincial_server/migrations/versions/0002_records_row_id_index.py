"""Index records by row id alone: a push looks its rows up by id, and an
index led by the table name made PostgreSQL filter every row of the table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_records_row_id", "records", ["row_id"])


def downgrade() -> None:
    op.drop_index("ix_records_row_id", table_name="records")
