"""Hash-chained audit log: each entry's hash covers the previous one, so an
edited, removed or reordered entry breaks the chain that ``verify`` walks."""
from __future__ import annotations

import hashlib
import json

import sqlalchemy as sa

from care_core.domain.entities import AuditEntry
from .tables import audit_log, meta

GENESIS = "0" * 64


def entry_hash(row: dict, prev_hash: str) -> str:
    body = {k: row[k] for k in ("seq", "at", "actor", "role", "action", "table_name", "row_id", "detail")}
    payload = json.dumps(body, sort_keys=True, ensure_ascii=False) + prev_hash
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append(conn: sa.Connection, *, at: str, actor: str, role: str, action: str,
           table_name: str, row_id: str, detail: dict) -> None:
    last = conn.execute(sa.select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)).first()
    seq, prev = (last.seq + 1, last.hash) if last else (1, GENESIS)
    row = {"seq": seq, "at": at, "actor": actor, "role": role, "action": action,
           "table_name": table_name, "row_id": row_id,
           "detail": json.dumps(detail, sort_keys=True, ensure_ascii=False, default=str)}
    row["prev_hash"] = prev
    row["hash"] = entry_hash(row, prev)
    conn.execute(audit_log.insert(), row)
    # the head is also kept apart, so cutting entries off the end shows too
    conn.execute(sa.text("INSERT INTO meta(key, value) VALUES ('audit_head', :h) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"), {"h": f"{seq}:{row['hash']}"})


def append_many(conn: sa.Connection, entries: list[dict]) -> None:
    """Several entries (each: at, actor, role, action, table_name, row_id,
    detail) chained in order with one read of the head and one write of it:
    the same chain ``append`` makes one by one, for a bulk write (an import)."""
    if not entries:
        return
    last = conn.execute(sa.select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)).first()
    seq, prev = (last.seq, last.hash) if last else (0, GENESIS)
    rows = []
    for entry in entries:
        seq += 1
        row = {**entry, "seq": seq,
               "detail": json.dumps(entry["detail"], sort_keys=True, ensure_ascii=False, default=str)}
        row["prev_hash"] = prev
        row["hash"] = prev = entry_hash(row, prev)
        rows.append(row)
    conn.execute(audit_log.insert(), rows)
    conn.execute(sa.text("INSERT INTO meta(key, value) VALUES ('audit_head', :h) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"), {"h": f"{seq}:{prev}"})


def verify(conn: sa.Connection) -> tuple[bool, str]:
    """(ok, what is wrong). Walks the whole chain."""
    prev = GENESIS
    expected_seq = 1
    last = "0:" + GENESIS
    for row in conn.execute(sa.select(audit_log).order_by(audit_log.c.seq)).mappings():
        if row["seq"] != expected_seq:
            return False, f"audit entry {expected_seq} is missing"
        if row["prev_hash"] != prev or entry_hash(dict(row), prev) != row["hash"]:
            return False, f"audit entry {row['seq']} was altered"
        prev = row["hash"]
        last = f"{row['seq']}:{prev}"
        expected_seq += 1
    head = conn.execute(sa.select(meta.c.value).where(meta.c.key == "audit_head")).scalar()
    if (head or "0:" + GENESIS) != last:
        return False, "the end of the audit log was cut off or replaced"
    return True, f"{expected_seq - 1} entries"


def for_row(conn: sa.Connection, row_ids: list[str]) -> list[AuditEntry]:
    from datetime import datetime
    rows = conn.execute(sa.select(audit_log).where(audit_log.c.row_id.in_(row_ids)).order_by(audit_log.c.seq)).mappings()
    return [AuditEntry(r["seq"], datetime.fromisoformat(r["at"]), r["actor"], r["action"], r["table_name"], r["row_id"], r["detail"]) for r in rows]
