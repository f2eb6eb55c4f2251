"""The report form's settings (Decree 30): who signs (GIÁM ĐỐC or KT. GIÁM
ĐỐC), the deputy's name, and the province's plan (number, date, issuer).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 23:50:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("facility", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signature", sa.String(length=10), server_default="director", nullable=False))
        batch_op.add_column(sa.Column("deputy_name", sa.String(length=100), server_default="", nullable=False))
        batch_op.add_column(sa.Column("plan_number", sa.String(length=40), server_default="", nullable=False))
        batch_op.add_column(sa.Column("plan_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("plan_issuer", sa.String(length=200), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("facility", schema=None) as batch_op:
        for name in ("plan_issuer", "plan_date", "plan_number", "deputy_name", "signature"):
            batch_op.drop_column(name)
