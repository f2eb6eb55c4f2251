"""One person, many stays: the ``stays`` table (lượt lưu trú).

Nothing is copied: a resident with no stay rows reads as one stay, its own
admission and discharge (``care_core.domain.history.stays_of``), so the
reports of past periods read as before. The first change of a stay made
after the upgrade (a re-admission, a discharge, a correction) writes that
stay down first, in the same transaction and through the change log, so it
syncs like any other change.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 03:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stays",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("resident_id", sa.String(36), sa.ForeignKey("residents.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("admitted_on", sa.Date, nullable=False),
        sa.Column("discharged_on", sa.Date),
        sa.Column("discharge_reason", sa.String(20)),
        sa.Column("decision_number", sa.String(50), nullable=False, server_default=""),
        sa.Column("term_months", sa.Integer),
        sa.Column("round_id", sa.String(36)),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        sa.Column("facility_code", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_stays_resident_id", "stays", ["resident_id", "admitted_on"])


def downgrade() -> None:
    op.drop_table("stays")
