"""sync client state: settings, per-field clocks, row versions, conflict inbox

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 14:49:41.383351
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('field_clock',
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'row_id', 'field', name=op.f('pk_field_clock'))
    )
    op.create_table('outbox_base',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('base_version', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_outbox_base'))
    )
    op.create_table('row_sync',
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('seen_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('known_version', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'row_id', name=op.f('pk_row_sync'))
    )
    op.create_table('sync_conflicts',
    sa.Column('id', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('winning_value', sa.Text(), nullable=True),
    sa.Column('winning_hlc', sa.String(length=64), nullable=False),
    sa.Column('winning_device', sa.String(length=64), nullable=False),
    sa.Column('losing_value', sa.Text(), nullable=True),
    sa.Column('losing_hlc', sa.String(length=64), nullable=False),
    sa.Column('losing_device', sa.String(length=64), nullable=False),
    sa.Column('server_seq', sa.BigInteger(), nullable=False),
    sa.Column('fetched_at', sa.String(length=32), nullable=False),
    sa.Column('resolved_at', sa.String(length=32), nullable=True),
    sa.Column('resolved_by', sa.String(length=64), nullable=True),
    sa.Column('chosen', sa.String(length=10), nullable=True),
    sa.Column('server_told', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflicts'))
    )
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.create_index('ix_sync_conflicts_row_id', ['row_id'], unique=False)

    op.create_table('sync_state',
    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('server_url', sa.String(length=300), nullable=False),
    sa.Column('ca_bundle', sa.String(length=500), nullable=True),
    sa.Column('server_device_id', sa.String(length=64), nullable=False),
    sa.Column('token', sa.String(length=200), nullable=False),
    sa.Column('facility_code', sa.String(length=20), nullable=False),
    sa.Column('pull_cursor', sa.BigInteger(), server_default='0', nullable=False),
    sa.Column('enrolled_at', sa.String(length=32), nullable=False),
    sa.Column('last_success_at', sa.String(length=32), nullable=True),
    sa.Column('last_attempt_at', sa.String(length=32), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('revoked', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.Column('field_clock_seq', sa.BigInteger(), server_default='0', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_state'))
    )


def downgrade() -> None:
    op.drop_table('sync_state')
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_conflicts_row_id')

    op.drop_table('sync_conflicts')
    op.drop_table('row_sync')
    op.drop_table('outbox_base')
    op.drop_table('field_clock')
