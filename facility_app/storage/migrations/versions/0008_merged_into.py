"""A resident merged into another keeps a pointer to it (``merged_into``), so
every PC and the server follow it to the surviving record.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 03:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.drop_column("merged_into")
