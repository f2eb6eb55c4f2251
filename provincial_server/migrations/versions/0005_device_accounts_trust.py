"""Which devices may carry account changes (users: new accounts, roles,
passwords), and who vouched for them.

A device enrolled before this revision is trusted for accounts only if it
is its facility's first device (number 1: the PC whose store made the
facility and its first admin); every other device needs an officer's
``provincial-server device trust``.

Revision ID: 0005
Revises: 0004_guards
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004_guards"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("accounts_by", sa.String(100), nullable=True))
        batch.add_column(sa.Column("accounts_at", sa.String(32), nullable=True))
    op.get_bind().execute(sa.text(
        "UPDATE devices SET accounts_by = '(migration 0004: first device)', accounts_at = enrolled_at "
        "WHERE number = 1 AND revoked_at IS NULL"))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("accounts_at")
        batch.drop_column("accounts_by")
