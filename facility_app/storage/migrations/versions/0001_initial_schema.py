"""Initial schema: the synced records, the change log, the audit chain.

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 14:35:33.261284
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_row_id', ['row_id'], unique=False)

    op.create_table('change_log',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('change_id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=40), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=10), nullable=False),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('base_version', sa.Integer(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=10), server_default='pending', nullable=False),
    sa.Column('answer', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_change_log')),
    sa.UniqueConstraint('change_id', name=op.f('uq_change_log_change_id')),
    sqlite_autoincrement=True
    )
    op.create_table('facility',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('province_code', sa.Integer(), nullable=True),
    sa.Column('ward_code', sa.Integer(), nullable=True),
    sa.Column('address', sa.String(length=300), server_default='', nullable=False),
    sa.Column('governing_body', sa.String(length=200), server_default='', nullable=False),
    sa.Column('report_recipient', sa.String(length=300), server_default='', nullable=False),
    sa.Column('report_place', sa.String(length=100), server_default='', nullable=False),
    sa.Column('report_symbol', sa.String(length=40), server_default='BC', nullable=False),
    sa.Column('director_name', sa.String(length=100), server_default='', nullable=False),
    sa.Column('provincial_target_2025', sa.Float(), nullable=True),
    sa.Column('provincial_target_2030', sa.Float(), nullable=True),
    sa.Column('auto_lock_minutes', sa.Integer(), server_default='10', nullable=False),
    sa.Column('facility_code', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_facility'))
    )
    op.create_table('login_state',
    sa.Column('username', sa.String(length=32), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('locked_until', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('username', name=op.f('pk_login_state'))
    )
    op.create_table('meta',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_meta'))
    )
    op.create_table('residents',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('full_name', sa.String(length=100), nullable=False),
    sa.Column('name_folded', sa.String(length=100), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('groups', sa.String(length=60), nullable=False),
    sa.Column('cccd', sa.String(length=12), nullable=True),
    sa.Column('bhyt_number', sa.String(length=15), nullable=True),
    sa.Column('bhyt_valid_from', sa.Date(), nullable=True),
    sa.Column('bhyt_valid_to', sa.Date(), nullable=True),
    sa.Column('disability_type', sa.String(length=20), nullable=True),
    sa.Column('disability_severity', sa.String(length=20), nullable=True),
    sa.Column('admission_date', sa.Date(), nullable=False),
    sa.Column('discharge_date', sa.Date(), nullable=True),
    sa.Column('discharge_reason', sa.String(length=20), nullable=True),
    sa.Column('room', sa.String(length=200), server_default='', nullable=False),
    sa.Column('next_of_kin_name', sa.String(length=200), server_default='', nullable=False),
    sa.Column('next_of_kin_relation', sa.String(length=200), server_default='', nullable=False),
    sa.Column('next_of_kin_phone', sa.String(length=20), server_default='', nullable=False),
    sa.Column('province_code', sa.Integer(), nullable=True),
    sa.Column('ward_code', sa.Integer(), nullable=True),
    sa.Column('address_detail', sa.String(length=200), server_default='', nullable=False),
    sa.Column('old_address', sa.String(length=500), server_default='', nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('facility_code', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_residents'))
    )
    with op.batch_alter_table('residents', schema=None) as batch_op:
        batch_op.create_index('ix_residents_code', ['code'], unique=False)
        batch_op.create_index('ix_residents_name_folded', ['name_folded'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('username', sa.String(length=32), nullable=False),
    sa.Column('full_name', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), server_default=sa.text('1'), nullable=False),
    sa.Column('facility_code', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index('ix_users_username', ['username'], unique=True)

    op.create_table('checkups',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('resident_id', sa.String(length=36), nullable=False),
    sa.Column('checkup_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('systolic', sa.Integer(), nullable=True),
    sa.Column('diastolic', sa.Integer(), nullable=True),
    sa.Column('pulse', sa.Integer(), nullable=True),
    sa.Column('temperature', sa.Float(), nullable=True),
    sa.Column('spo2', sa.Integer(), nullable=True),
    sa.Column('respiratory_rate', sa.Integer(), nullable=True),
    sa.Column('weight_kg', sa.Float(), nullable=True),
    sa.Column('height_cm', sa.Float(), nullable=True),
    sa.Column('glucose', sa.Float(), nullable=True),
    sa.Column('findings', sa.Text(), server_default='', nullable=False),
    sa.Column('classification', sa.Integer(), nullable=True),
    sa.Column('next_due_date', sa.Date(), nullable=True),
    sa.Column('examiner', sa.String(length=200), server_default='', nullable=False),
    sa.Column('screening', sa.String(length=20), nullable=True),
    sa.Column('screening_note', sa.Text(), server_default='', nullable=False),
    sa.Column('isolation', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.Column('supersedes_id', sa.String(length=36), nullable=True),
    sa.Column('voided', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.Column('facility_code', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_checkups_resident_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkups'))
    )
    with op.batch_alter_table('checkups', schema=None) as batch_op:
        batch_op.create_index('ix_checkups_checkup_date', ['checkup_date'], unique=False)
        batch_op.create_index('ix_checkups_resident_id', ['resident_id', 'checkup_date'], unique=False)
        batch_op.create_index('ix_checkups_supersedes_id', ['supersedes_id'], unique=False)

    op.create_table('conditions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('resident_id', sa.String(length=36), nullable=False),
    sa.Column('icd10', sa.String(length=8), nullable=False),
    sa.Column('onset_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('follow_up_days', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('facility_code', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_conditions_resident_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conditions'))
    )
    with op.batch_alter_table('conditions', schema=None) as batch_op:
        batch_op.create_index('ix_conditions_resident_id', ['resident_id'], unique=False)

    op.create_table('referrals',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('resident_id', sa.String(length=36), nullable=False),
    sa.Column('referral_date', sa.Date(), nullable=False),
    sa.Column('hospital', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('icd10', sa.String(length=8), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=False),
    sa.Column('return_date', sa.Date(), nullable=True),
    sa.Column('outcome_note', sa.Text(), server_default='', nullable=False),
    sa.Column('facility_code', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_referrals_resident_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referrals'))
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.create_index('ix_referrals_resident_id', ['resident_id'], unique=False)

    op.create_table('rehab_sessions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('resident_id', sa.String(length=36), nullable=False),
    sa.Column('session_date', sa.Date(), nullable=False),
    sa.Column('rehab_type', sa.String(length=20), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('therapist', sa.String(length=200), server_default='', nullable=False),
    sa.Column('barthel', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('supersedes_id', sa.String(length=36), nullable=True),
    sa.Column('voided', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.Column('facility_code', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.text('0'), nullable=False),
    sa.ForeignKeyConstraint(['resident_id'], ['residents.id'], name=op.f('fk_rehab_sessions_resident_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rehab_sessions'))
    )
    with op.batch_alter_table('rehab_sessions', schema=None) as batch_op:
        batch_op.create_index('ix_rehab_sessions_resident_id', ['resident_id', 'session_date'], unique=False)
        batch_op.create_index('ix_rehab_sessions_supersedes_id', ['supersedes_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('rehab_sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_rehab_sessions_supersedes_id')
        batch_op.drop_index('ix_rehab_sessions_resident_id')

    op.drop_table('rehab_sessions')
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.drop_index('ix_referrals_resident_id')

    op.drop_table('referrals')
    with op.batch_alter_table('conditions', schema=None) as batch_op:
        batch_op.drop_index('ix_conditions_resident_id')

    op.drop_table('conditions')
    with op.batch_alter_table('checkups', schema=None) as batch_op:
        batch_op.drop_index('ix_checkups_supersedes_id')
        batch_op.drop_index('ix_checkups_resident_id')
        batch_op.drop_index('ix_checkups_checkup_date')

    op.drop_table('checkups')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index('ix_users_username')

    op.drop_table('users')
    with op.batch_alter_table('residents', schema=None) as batch_op:
        batch_op.drop_index('ix_residents_name_folded')
        batch_op.drop_index('ix_residents_code')

    op.drop_table('residents')
    op.drop_table('meta')
    op.drop_table('login_state')
    op.drop_table('facility')
    op.drop_table('change_log')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_row_id')

    op.drop_table('audit_log')
