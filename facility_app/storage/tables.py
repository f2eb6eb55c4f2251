"""Tables. Synced tables carry facility, version, updated-at/by, device,
HLC stamp and a tombstone flag instead of hard deletes."""
from __future__ import annotations

import sqlalchemy as sa

from care_core import fields

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)


def _sync_columns() -> list[sa.Column]:
    return [
        sa.Column("facility_code", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("updated_at", sa.String(32), nullable=False),  # ISO-8601 UTC
        sa.Column("updated_by", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
    ]


def _id() -> sa.Column:
    return sa.Column("id", sa.String(36), primary_key=True)


facility = sa.Table(
    "facility", metadata, _id(),
    sa.Column("code", sa.String(20), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("type", sa.String(20), nullable=False),
    sa.Column("province_code", sa.Integer),
    sa.Column("ward_code", sa.Integer),
    sa.Column("address", sa.String(300), nullable=False, server_default=""),
    sa.Column("governing_body", sa.String(200), nullable=False, server_default=""),
    sa.Column("report_recipient", sa.String(300), nullable=False, server_default=""),
    sa.Column("report_place", sa.String(100), nullable=False, server_default=""),
    sa.Column("report_symbol", sa.String(40), nullable=False, server_default="BC"),
    sa.Column("director_name", sa.String(100), nullable=False, server_default=""),
    sa.Column("signature", sa.String(10), nullable=False, server_default="director"),
    sa.Column("deputy_name", sa.String(100), nullable=False, server_default=""),
    sa.Column("plan_number", sa.String(40), nullable=False, server_default=""),
    sa.Column("plan_date", sa.Date),
    sa.Column("plan_issuer", sa.String(200), nullable=False, server_default=""),
    sa.Column("provincial_target_2025", sa.Float),
    sa.Column("provincial_target_2030", sa.Float),
    sa.Column("auto_lock_minutes", sa.Integer, nullable=False, server_default="10"),
    *_sync_columns(),
)

residents = sa.Table(
    "residents", metadata, _id(),
    sa.Column("code", sa.String(20), nullable=False),
    sa.Column("full_name", sa.String(100), nullable=False),
    sa.Column("name_folded", sa.String(100), nullable=False),  # for accent-free search
    sa.Column("sex", sa.String(1), nullable=False),
    sa.Column("birth_date", sa.Date, nullable=False),
    sa.Column("groups", sa.String(60), nullable=False),  # "NCC,NKT"
    sa.Column("cccd", sa.String(12)),
    sa.Column("bhyt_number", sa.String(15)),
    sa.Column("bhyt_valid_from", sa.Date),
    sa.Column("bhyt_valid_to", sa.Date),
    sa.Column("bhyt_place", sa.String(200), nullable=False, server_default=""),
    sa.Column("disability_type", sa.String(20)),
    sa.Column("disability_severity", sa.String(20)),
    sa.Column("admission_date", sa.Date, nullable=False),
    sa.Column("discharge_date", sa.Date),
    sa.Column("discharge_reason", sa.String(20)),
    sa.Column("room", sa.String(200), nullable=False, server_default=""),
    sa.Column("next_of_kin_name", sa.String(200), nullable=False, server_default=""),
    sa.Column("next_of_kin_relation", sa.String(200), nullable=False, server_default=""),
    sa.Column("next_of_kin_phone", sa.String(20), nullable=False, server_default=""),
    sa.Column("province_code", sa.Integer),
    sa.Column("ward_code", sa.Integer),
    sa.Column("address_detail", sa.String(200), nullable=False, server_default=""),
    sa.Column("old_address", sa.String(500), nullable=False, server_default=""),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    sa.Column("merged_into", sa.String(36)),  # on a tombstone: the record it was merged into
    *_sync_columns(),
    sa.Index("ix_residents_code", "code"),
    sa.Index("ix_residents_name_folded", "name_folded"),
    sa.Index("ix_residents_cccd", "cccd"),  # the duplicate check (migration 0006)
    sa.Index("ix_residents_bhyt_number", "bhyt_number"),
)


def _vital_columns() -> list[sa.Column]:
    """The vital signs, one nullable column each, as the field table declares
    them (a new vital sign needs its migration, nothing here)."""
    return [sa.Column(f.name, sa.Integer if f.whole else sa.Float) for f in fields.VITALS]


def _resident_fk() -> sa.Column:
    return sa.Column("resident_id", sa.String(36), sa.ForeignKey("residents.id"), nullable=False)


_SYNC_BOOKKEEPING = ("facility_code", "updated_at", "updated_by", "device_id", "hlc")


def _record_index(table: sa.Table, date_column: str) -> sa.Index:
    """``ix_<table>_resident_id``: a resident's rows in date order, covering
    every column but the sync bookkeeping, so a record's read (and its
    deleted/voided/superseded conditions) is answered from the index alone.

    A ten-year record is a thousand rows; in the table they lie on about as
    many pages (rows are stored in the order they are written, and a
    facility records many residents a day), each read and decrypted for
    itself on a record's first open. In this index they lie side by side,
    on a few dozen. The price: such a row is written twice.

    A column added to the table joins the index here; its migration must
    rebuild the index (tests/test_migrations.py compares them)."""
    first = ("resident_id", date_column, "id")
    rest = [c for c in table.c if c.name not in first and c.name not in _SYNC_BOOKKEEPING]
    return sa.Index(f"ix_{table.name}_resident_id", *(table.c[n] for n in first), *rest)


checkups = sa.Table(
    "checkups", metadata, _id(), _resident_fk(),
    sa.Column("checkup_date", sa.Date, nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    *_vital_columns(),
    sa.Column("findings", sa.Text, nullable=False, server_default=""),
    sa.Column("classification", sa.Integer),
    sa.Column("next_due_date", sa.Date),
    sa.Column("examiner", sa.String(200), nullable=False, server_default=""),
    sa.Column("screening", sa.String(20)),
    sa.Column("screening_note", sa.Text, nullable=False, server_default=""),
    sa.Column("isolation", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("supersedes_id", sa.String(36)),
    sa.Column("voided", sa.Boolean, nullable=False, server_default=sa.false()),
    *_sync_columns(),
    sa.Index("ix_checkups_supersedes_id", "supersedes_id"),
    sa.Index("ix_checkups_checkup_date", "checkup_date"),
)
_record_index(checkups, "checkup_date")

conditions = sa.Table(
    "conditions", metadata, _id(), _resident_fk(),
    sa.Column("icd10", sa.String(8), nullable=False),
    sa.Column("onset_date", sa.Date),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("follow_up_days", sa.Integer),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    *_sync_columns(),
    sa.Index("ix_conditions_resident_id", "resident_id"),
)

rehab_sessions = sa.Table(
    "rehab_sessions", metadata, _id(), _resident_fk(),
    sa.Column("session_date", sa.Date, nullable=False),
    sa.Column("rehab_type", sa.String(20), nullable=False),
    sa.Column("minutes", sa.Integer, nullable=False),
    sa.Column("therapist", sa.String(200), nullable=False, server_default=""),
    sa.Column("barthel", sa.Integer),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Column("supersedes_id", sa.String(36)),
    sa.Column("voided", sa.Boolean, nullable=False, server_default=sa.false()),
    *_sync_columns(),
    sa.Index("ix_rehab_sessions_supersedes_id", "supersedes_id"),
)
_record_index(rehab_sessions, "session_date")

referrals = sa.Table(
    "referrals", metadata, _id(), _resident_fk(),
    sa.Column("referral_date", sa.Date, nullable=False),
    sa.Column("hospital", sa.String(200), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("icd10", sa.String(8)),
    sa.Column("outcome", sa.String(20), nullable=False),
    sa.Column("return_date", sa.Date),
    sa.Column("outcome_note", sa.Text, nullable=False, server_default=""),
    *_sync_columns(),
    sa.Index("ix_referrals_resident_id", "resident_id"),
)

users = sa.Table(
    "users", metadata, _id(),
    sa.Column("username", sa.String(32), nullable=False),
    sa.Column("full_name", sa.String(100), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    *_sync_columns(),
    sa.Index("ix_users_username", "username", unique=True),
)

# --- local-only tables (never synced) ---

login_state = sa.Table(
    "login_state", metadata,
    sa.Column("username", sa.String(32), primary_key=True),
    sa.Column("failed_attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("locked_until", sa.String(32)),
)

change_log = sa.Table(
    "change_log", metadata,
    # the device's own sequence: 1, 2, 3 ... in commit order
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("change_id", sa.String(36), nullable=False, unique=True),
    sa.Column("table_name", sa.String(40), nullable=False),
    sa.Column("row_id", sa.String(36), nullable=False),
    sa.Column("op", sa.String(10), nullable=False),  # insert | update | delete
    sa.Column("fields", sa.Text, nullable=False),  # JSON of the new values
    sa.Column("base_version", sa.Integer, nullable=False),
    sa.Column("hlc", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("state", sa.String(10), nullable=False, server_default="pending"),
    sa.Column("answer", sa.Text),  # the server's answer, kept for people to read
    sa.Index("ix_change_log_row", "table_name", "row_id"),  # a record's sync state
    sqlite_autoincrement=True,
)

audit_log = sa.Table(
    "audit_log", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("actor", sa.String(64), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("table_name", sa.String(40), nullable=False),
    sa.Column("row_id", sa.String(36), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Index("ix_audit_log_row_id", "row_id"),
)

meta = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# --- sync client state (local only; owned by facility_app.sync) ---

sync_state = sa.Table(
    "sync_state", metadata,
    # one row (id = 1): where this PC syncs, as whom, and how far it has pulled
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("server_url", sa.String(300), nullable=False),
    sa.Column("ca_bundle", sa.String(500)),
    sa.Column("server_device_id", sa.String(64), nullable=False),
    sa.Column("token", sa.String(200), nullable=False),  # the DB is encrypted
    sa.Column("facility_code", sa.String(20), nullable=False),
    sa.Column("pull_cursor", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("enrolled_at", sa.String(32), nullable=False),
    sa.Column("last_success_at", sa.String(32)),
    sa.Column("last_attempt_at", sa.String(32)),
    sa.Column("last_error", sa.Text),
    sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
    # change_log rows up to here have their stamps copied into field_clock
    sa.Column("field_clock_seq", sa.BigInteger, nullable=False, server_default="0"),
)

field_clock = sa.Table(
    "field_clock", metadata,
    # per-field HLC stamp of the value a synced row holds (fields changed after
    # the insert), so a pulled change merges field by field as the server does
    sa.Column("table_name", sa.String(40), primary_key=True),
    sa.Column("row_id", sa.String(36), primary_key=True),
    sa.Column("field", sa.String(40), primary_key=True),
    sa.Column("hlc", sa.String(64), nullable=False),
)

row_sync = sa.Table(
    "row_sync", metadata,
    # what this PC knows of a row's server version: ``known`` is the newest
    # it has heard of (the row's version once nothing of it waits in the
    # outbox); ``seen`` is ``known`` as of the last complete pull, when every
    # field up to it has arrived (the base_version its next edit is sent with)
    sa.Column("table_name", sa.String(40), primary_key=True),
    sa.Column("row_id", sa.String(36), primary_key=True),
    sa.Column("seen_version", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("known_version", sa.BigInteger, nullable=False, server_default="0"),
)

outbox_base = sa.Table(
    "outbox_base", metadata,
    # the server version an outbox change was made on, frozen before a pull
    # moves ``row_sync.seen_version`` past it
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("base_version", sa.BigInteger, nullable=False),
)

sync_conflicts = sa.Table(
    "sync_conflicts", metadata,
    # the server's conflict inbox for this facility, mirrored: one field was
    # changed on two PCs without either seeing the other; the later stamp's
    # value is in the record and the other waits here for a person
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),  # the server's id
    sa.Column("table_name", sa.String(40), nullable=False),
    sa.Column("row_id", sa.String(36), nullable=False),
    sa.Column("field", sa.String(40), nullable=False),
    sa.Column("winning_value", sa.Text),  # JSON
    sa.Column("winning_hlc", sa.String(64), nullable=False),
    sa.Column("winning_device", sa.String(64), nullable=False),
    sa.Column("losing_value", sa.Text),  # JSON
    sa.Column("losing_hlc", sa.String(64), nullable=False),
    sa.Column("losing_device", sa.String(64), nullable=False),
    sa.Column("server_seq", sa.BigInteger, nullable=False),
    sa.Column("fetched_at", sa.String(32), nullable=False),
    sa.Column("resolved_at", sa.String(32)),
    sa.Column("resolved_by", sa.String(64)),
    sa.Column("chosen", sa.String(10)),  # winning | losing
    sa.Column("server_told", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Index("ix_sync_conflicts_row_id", "row_id"),
)

SYNCED_TABLES = {t.name: t for t in (facility, residents, checkups, conditions, rehab_sessions, referrals, users)}
SYNC_COLUMNS = ("facility_code", "version", "updated_at", "updated_by", "device_id", "hlc", "deleted")

# --- history (synced): what changes over time, with its dates ---

bhyt_cards = sa.Table(
    "bhyt_cards", metadata, _id(), _resident_fk(),
    sa.Column("number", sa.String(15), nullable=False),
    sa.Column("valid_from", sa.Date),
    sa.Column("valid_to", sa.Date),
    sa.Column("registration_place", sa.String(200), nullable=False, server_default=""),
    *_sync_columns(),
    sa.Index("ix_bhyt_cards_resident_id", "resident_id", "valid_from"),
    sa.Index("ix_bhyt_cards_number", "number"),  # the duplicate check finds past cards (migration 0006)
)

condition_status_changes = sa.Table(
    "condition_status_changes", metadata, _id(), _resident_fk(),
    sa.Column("condition_id", sa.String(36), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("changed_on", sa.Date),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    *_sync_columns(),
    sa.Index("ix_condition_status_changes_condition_id", "condition_id", "changed_on"),
    sa.Index("ix_condition_status_changes_resident_id", "resident_id", "changed_on"),  # a record (0010)
)

room_changes = sa.Table(
    "room_changes", metadata, _id(), _resident_fk(),
    sa.Column("room", sa.String(200), nullable=False),
    sa.Column("moved_on", sa.Date, nullable=False),
    *_sync_columns(),
    sa.Index("ix_room_changes_resident_id", "resident_id", "moved_on"),
)

# --- nursing rounds (synced): a merit-care centre's rotating stays ---

nursing_rounds = sa.Table(
    "nursing_rounds", metadata, _id(),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("starts_on", sa.Date, nullable=False),
    sa.Column("ends_on", sa.Date, nullable=False),
    sa.Column("places", sa.Integer, nullable=False),
    sa.Column("year_quota", sa.Integer),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    *_sync_columns(),
    sa.Index("ix_nursing_rounds_year", "year", "number"),
)

SYNCED_TABLES[nursing_rounds.name] = nursing_rounds

# one person, many stays (lượt): ``residents`` keeps the latest stay's dates
stays = sa.Table(
    "stays", metadata, _id(), _resident_fk(),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("admitted_on", sa.Date, nullable=False),
    sa.Column("discharged_on", sa.Date),
    sa.Column("discharge_reason", sa.String(20)),
    sa.Column("decision_number", sa.String(50), nullable=False, server_default=""),
    sa.Column("term_months", sa.Integer),
    sa.Column("round_id", sa.String(36)),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    *_sync_columns(),
    sa.Index("ix_stays_resident_id", "resident_id", "admitted_on"),
)

SYNCED_TABLES.update({t.name: t for t in (bhyt_cards, condition_status_changes, room_changes, stays)})
