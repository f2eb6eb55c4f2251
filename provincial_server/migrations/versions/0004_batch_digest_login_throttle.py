"""Batch digests and the officers' login throttle.

``batches.digest`` is the SHA-256 of a batch's content: a batch id sent
again with other content is refused (409) instead of silently answered
with the first batch's answer. Batches stored before this revision have
none and replay as before.

``login_throttle`` counts failed officer logins per account and per client
address, in the database so that every server process sees the same
counts.

Revision ID: 0004_guards
Revises: 0003
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = "0004_guards"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("batches") as batch:
        batch.add_column(sa.Column("digest", sa.String(64), nullable=True))
    op.create_table(
        "login_throttle",
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("window_start", sa.Float, nullable=False),
        sa.Column("locked_until", sa.Float),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_login_throttle")),
    )


def downgrade() -> None:
    op.drop_table("login_throttle")
    with op.batch_alter_table("batches") as batch:
        batch.drop_column("digest")
