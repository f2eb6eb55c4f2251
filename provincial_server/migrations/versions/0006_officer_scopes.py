"""Officers scoped to governing bodies or facility types, their role, and
the audit of their reads of resident-level data; and the time of a
device's latest pull (a PC with nothing to push still syncs).

Officers made before this revision keep seeing the whole province, with
the aggregate-only role.

Revision ID: 0006_officer_scopes
Revises: 0005
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = "0006_officer_scopes"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("officers") as batch:
        batch.add_column(sa.Column("governing_bodies", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("facility_types", sa.String(200), nullable=False, server_default=""))
        batch.add_column(sa.Column("role", sa.String(20), nullable=False, server_default="figures"))
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("last_pull_at", sa.String(32), nullable=True))
    op.create_table(
        "officer_reads",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("officer", sa.String(100), nullable=False),
        sa.Column("facility_code", sa.String(20), nullable=False),
        sa.Column("what", sa.String(40), nullable=False),
        sa.Column("detail", sa.String(200), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_officer_reads"),
    )
    op.create_index("ix_officer_reads_facility_code", "officer_reads", ["facility_code"])


def downgrade() -> None:
    op.drop_index("ix_officer_reads_facility_code", "officer_reads")
    op.drop_table("officer_reads")
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("last_pull_at")
    with op.batch_alter_table("officers") as batch:
        batch.drop_column("role")
        batch.drop_column("facility_types")
        batch.drop_column("governing_bodies")
