"""The server's tables (SQLAlchemy Core, PostgreSQL or SQLite).

Synced rows of every table live in one ``records`` table as JSON values,
with per-field stamps (``field_meta``): the server merges and serves rows,
it never queries them by column, so one generic shape keeps the schema
independent of the client's column list (which travels as
``protocol.SYNCED_SCHEMA``). ``changes`` is each facility's stream, ordered
by ``server_seq``; ``facilities.last_seq`` is its counter and its lock.
"""
from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "pk": "pk_%(table_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

facilities = sa.Table(
    "facilities", metadata,
    sa.Column("code", sa.String(20), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("province_code", sa.Integer),
    sa.Column("last_seq", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("created_at", sa.String(32), nullable=False),
)

devices = sa.Table(
    "devices", metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("facility_code", sa.String(20), sa.ForeignKey("facilities.code"), nullable=False),
    sa.Column("name", sa.String(100), nullable=False, server_default=""),
    sa.Column("token_hash", sa.String(64), unique=True),  # null until enrolled
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("enrolled_at", sa.String(32)),
    sa.Column("revoked_at", sa.String(32)),
    sa.Column("last_seen_at", sa.String(32)),
    sa.Column("highest_seq", sa.BigInteger, nullable=False, server_default="0"),
    # 1, 2, 3 ... within the facility, given when the code is exchanged; never reused
    sa.Column("number", sa.Integer),
    # who vouched that this device may carry account changes (null: it may not)
    sa.Column("accounts_by", sa.String(100)),
    sa.Column("accounts_at", sa.String(32)),
    # the latest pull, noted at most hourly (province.note_pull): a PC with
    # nothing to push still shows the province it is alive
    sa.Column("last_pull_at", sa.String(32)),
    sa.UniqueConstraint("facility_code", "number"),
)

enrolment_codes = sa.Table(
    "enrolment_codes", metadata,
    sa.Column("code_hash", sa.String(64), primary_key=True),
    sa.Column("device_id", sa.String(36), sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("expires_at", sa.String(32), nullable=False),
    sa.Column("used_at", sa.String(32)),
)

records = sa.Table(
    "records", metadata,
    sa.Column("table_name", sa.String(40), primary_key=True),
    sa.Column("row_id", sa.String(64), primary_key=True),
    sa.Column("facility_code", sa.String(20), nullable=False),
    sa.Column("data", sa.Text, nullable=False),  # JSON: column -> value
    sa.Column("field_meta", sa.Text, nullable=False),  # JSON: column -> [hlc, device, version]
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("updated_seq", sa.BigInteger, nullable=False),
    sa.Index("ix_records_facility_code", "facility_code", "table_name"),
    sa.Index("ix_records_row_id", "row_id"),
)

changes = sa.Table(
    "changes", metadata,
    sa.Column("facility_code", sa.String(20), primary_key=True),
    sa.Column("server_seq", sa.BigInteger, primary_key=True),
    sa.Column("change_id", sa.String(64), nullable=False, unique=True),
    sa.Column("origin_device", sa.String(36), nullable=False),
    sa.Column("table_name", sa.String(40), nullable=False),
    sa.Column("row_id", sa.String(64), nullable=False),
    sa.Column("op", sa.String(10), nullable=False),
    sa.Column("fields", sa.Text, nullable=False),  # JSON of the values that took effect
    sa.Column("hlc", sa.String(100), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False),
    sa.Column("status", sa.String(10), nullable=False),  # applied | merged | conflict
    sa.Column("clock_suspect", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("received_at", sa.String(32), nullable=False),
)

rejected_changes = sa.Table(
    "rejected_changes", metadata,
    sa.Column("change_id", sa.String(64), primary_key=True),
    sa.Column("facility_code", sa.String(20), nullable=False),
    sa.Column("device_id", sa.String(36), nullable=False),
    sa.Column("device_seq", sa.BigInteger, nullable=False),
    sa.Column("table_name", sa.String(40), nullable=False),
    sa.Column("row_id", sa.String(64), nullable=False),
    sa.Column("op", sa.String(10), nullable=False),
    sa.Column("fields", sa.Text, nullable=False),
    sa.Column("hlc", sa.String(100), nullable=False),
    sa.Column("reason_vi", sa.Text, nullable=False),
    sa.Column("reason_en", sa.Text, nullable=False),
    sa.Column("received_at", sa.String(32), nullable=False),
    sa.Index("ix_rejected_changes_facility_code", "facility_code"),
)

conflicts = sa.Table(
    "conflicts", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("facility_code", sa.String(20), nullable=False),
    sa.Column("table_name", sa.String(40), nullable=False),
    sa.Column("row_id", sa.String(64), nullable=False),
    sa.Column("field", sa.String(64), nullable=False),
    sa.Column("winning_value", sa.Text, nullable=False),  # JSON
    sa.Column("winning_hlc", sa.String(100), nullable=False),
    sa.Column("winning_device", sa.String(36), nullable=False),
    sa.Column("losing_value", sa.Text, nullable=False),  # JSON
    sa.Column("losing_hlc", sa.String(100), nullable=False),
    sa.Column("losing_device", sa.String(36), nullable=False),
    sa.Column("server_seq", sa.BigInteger, nullable=False),
    sa.Column("resolved", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("resolved_at", sa.String(32)),
    sa.Column("resolved_by", sa.String(36)),
    sa.Column("resolution_seq", sa.BigInteger),
    sa.Index("ix_conflicts_facility_code", "facility_code", "resolved"),
)

batches = sa.Table(
    "batches", metadata,
    sa.Column("device_id", sa.String(36), primary_key=True),
    sa.Column("batch_id", sa.String(64), primary_key=True),
    sa.Column("answer", sa.Text, nullable=False),  # JSON of the PushAnswer (compact form with change_ids)
    sa.Column("received_at", sa.String(32), nullable=False),
    sa.Column("digest", sa.String(64)),  # SHA-256 of the batch's content (ingest.batch_digest); null before 0004
)

officers = sa.Table(
    "officers", metadata,
    sa.Column("username", sa.String(32), primary_key=True),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    # what the officer governs (officer_scope.Scope): comma lists of
    # governing-body keys and facility types; both empty = the whole province
    sa.Column("governing_bodies", sa.String(200), nullable=False, server_default=""),
    sa.Column("facility_types", sa.String(200), nullable=False, server_default=""),
    # "figures" (aggregates only) or "records" (may open resident lists)
    sa.Column("role", sa.String(20), nullable=False, server_default="figures"),
)

# every read of resident-level data by an officer (or an export at the
# console): who, when, which facility, what
officer_reads = sa.Table(
    "officer_reads", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("officer", sa.String(100), nullable=False),
    sa.Column("facility_code", sa.String(20), nullable=False),
    sa.Column("what", sa.String(40), nullable=False),
    sa.Column("detail", sa.String(200), nullable=False, server_default=""),
    sa.Index("ix_officer_reads_facility_code", "facility_code"),
)

login_throttle = sa.Table(
    "login_throttle", metadata,
    sa.Column("key", sa.String(100), primary_key=True),  # "account:NAME" or "address:IP"
    sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
    sa.Column("window_start", sa.Float, nullable=False),  # epoch seconds
    sa.Column("locked_until", sa.Float),
)

settings = sa.Table(
    "settings", metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
