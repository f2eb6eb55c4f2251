"""Nursing rounds (đợt điều dưỡng): a merit-care centre's rounds of rotating
stays, with their dates, places and the year's quota. A new table; nothing
to carry over.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 03:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "nursing_rounds",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("ends_on", sa.Date, nullable=False),
        sa.Column("places", sa.Integer, nullable=False),
        sa.Column("year_quota", sa.Integer),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("facility_code", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_nursing_rounds_year", "nursing_rounds", ["year", "number"])


def downgrade() -> None:
    op.drop_index("ix_nursing_rounds_year", table_name="nursing_rounds")
    op.drop_table("nursing_rounds")
