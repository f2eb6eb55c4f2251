"""Number each facility's devices 1, 2, 3 ... in enrolment order.

The number is the device's short, stable name inside its facility: a PC
that joins a facility numbers its residents ``DT<n>-00001`` so that two PCs
admitting offline never make the same code. Devices enrolled before this
revision are numbered in the order they enrolled; numbers are never reused
(revoked devices keep theirs).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("number", sa.Integer(), nullable=True))
        batch.create_unique_constraint("uq_devices_facility_code", ["facility_code", "number"])
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, facility_code FROM devices WHERE enrolled_at IS NOT NULL "
                                "ORDER BY facility_code, enrolled_at, id")).all()
    counters: dict[str, int] = {}
    for device_id, facility_code in rows:
        counters[facility_code] = counters.get(facility_code, 0) + 1
        conn.execute(sa.text("UPDATE devices SET number = :n WHERE id = :i"),
                     {"n": counters[facility_code], "i": device_id})


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_constraint("uq_devices_facility_code", type_="unique")
        batch.drop_column("number")
