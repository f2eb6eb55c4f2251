"""History instead of overwrites: health-insurance cards, a condition's
status changes and room changes, each with its dates.

Nothing is copied: a record with no history yet is read as one entry, its
current card, status or room (``care_core.domain.history``), and the first
change made after the upgrade writes that entry down before the new one, in
the same transaction and through the change log, so it syncs like any other
change and no PC makes rows the others never hear of.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 23:55:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("facility_code", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
    ]


def upgrade() -> None:
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("bhyt_place", sa.String(200), nullable=False, server_default=""))
    op.create_table(
        "bhyt_cards",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("resident_id", sa.String(36), sa.ForeignKey("residents.id"), nullable=False),
        sa.Column("number", sa.String(15), nullable=False),
        sa.Column("valid_from", sa.Date),
        sa.Column("valid_to", sa.Date),
        sa.Column("registration_place", sa.String(200), nullable=False, server_default=""),
        *_sync_columns(),
    )
    op.create_index("ix_bhyt_cards_resident_id", "bhyt_cards", ["resident_id", "valid_from"])
    op.create_table(
        "condition_status_changes",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("resident_id", sa.String(36), sa.ForeignKey("residents.id"), nullable=False),
        sa.Column("condition_id", sa.String(36), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("changed_on", sa.Date),
        sa.Column("note", sa.Text, nullable=False, server_default=""),
        *_sync_columns(),
    )
    op.create_index("ix_condition_status_changes_condition_id", "condition_status_changes",
                    ["condition_id", "changed_on"])
    op.create_table(
        "room_changes",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("resident_id", sa.String(36), sa.ForeignKey("residents.id"), nullable=False),
        sa.Column("room", sa.String(200), nullable=False),
        sa.Column("moved_on", sa.Date, nullable=False),
        *_sync_columns(),
    )
    op.create_index("ix_room_changes_resident_id", "room_changes", ["resident_id", "moved_on"])


def downgrade() -> None:
    op.drop_table("room_changes")
    op.drop_table("condition_status_changes")
    op.drop_table("bhyt_cards")
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.drop_column("bhyt_place")
