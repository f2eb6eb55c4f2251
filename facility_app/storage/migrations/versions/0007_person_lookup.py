"""Index CCCD and card numbers, so the duplicate check of an admission is
an index lookup (the name is indexed already, folded).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 03:30:00
"""
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.create_index("ix_residents_cccd", ["cccd"], unique=False)
        batch_op.create_index("ix_residents_bhyt_number", ["bhyt_number"], unique=False)
    with op.batch_alter_table("bhyt_cards", schema=None) as batch_op:
        batch_op.create_index("ix_bhyt_cards_number", ["number"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bhyt_cards", schema=None) as batch_op:
        batch_op.drop_index("ix_bhyt_cards_number")
    with op.batch_alter_table("residents", schema=None) as batch_op:
        batch_op.drop_index("ix_residents_bhyt_number")
        batch_op.drop_index("ix_residents_cccd")
