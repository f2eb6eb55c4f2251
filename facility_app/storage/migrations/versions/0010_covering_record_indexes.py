"""A resident's checkups and rehabilitation sessions side by side on disk:
``ix_checkups_resident_id`` and ``ix_rehab_sessions_resident_id`` become
covering indexes (the resident, the date, the id, then every column but the
sync bookkeeping), so a record's first read after opening the store touches
a few dozen pages instead of one page per row, each decrypted. Nothing to
carry over: the indexes are rebuilt from the tables.

And ``ix_condition_status_changes_resident_id``: a record's status changes
were found by reading the whole table.

The column lists are written out as they are at this revision (a migration
does not follow the code); a later migration adding a column to either
table rebuilds its index with that column too.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 16:40:00
"""
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

VITALS = ["systolic", "diastolic", "pulse", "temperature", "spo2", "respiratory_rate", "weight_kg", "height_cm",
          "glucose"]
CHECKUPS = ["resident_id", "checkup_date", "id", "kind", *VITALS, "findings", "classification", "next_due_date",
            "examiner", "screening", "screening_note", "isolation", "supersedes_id", "voided", "version", "deleted"]
REHAB = ["resident_id", "session_date", "id", "rehab_type", "minutes", "therapist", "barthel", "note",
         "supersedes_id", "voided", "version", "deleted"]


def upgrade() -> None:
    op.drop_index("ix_checkups_resident_id", table_name="checkups")
    op.create_index("ix_checkups_resident_id", "checkups", CHECKUPS)
    op.drop_index("ix_rehab_sessions_resident_id", table_name="rehab_sessions")
    op.create_index("ix_rehab_sessions_resident_id", "rehab_sessions", REHAB)
    op.create_index("ix_condition_status_changes_resident_id", "condition_status_changes",
                    ["resident_id", "changed_on"])


def downgrade() -> None:
    op.drop_index("ix_condition_status_changes_resident_id", table_name="condition_status_changes")
    op.drop_index("ix_rehab_sessions_resident_id", table_name="rehab_sessions")
    op.create_index("ix_rehab_sessions_resident_id", "rehab_sessions", ["resident_id", "session_date"])
    op.drop_index("ix_checkups_resident_id", table_name="checkups")
    op.create_index("ix_checkups_resident_id", "checkups", ["resident_id", "checkup_date"])
