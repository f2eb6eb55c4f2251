"""Sync as a nurse and the IT officer see it, read and decided from the store.

This is the store-facing half of sync (the layers put HTTP above services,
in ``facility_app.sync``): the status line, the changes the server parked,
the conflict inbox and its resolution. Resolving a conflict writes the
chosen value as an ordinary local change through the Writer (so it works
offline, is audited under the person's name and travels in the outbox);
the next sync also tells the server, which closes the conflict there.

Which value is "mine": the one made on this PC when one side was; when
both sides came from other PCs, "mine" is the value this PC shows now (the
winner) and "theirs" the value set aside.

Deletions (tombstones) meeting edits: an edit of a record deleted on
another PC changes nothing on the server - the record stays deleted and
each edited field becomes a conflict (the value set aside is the edit); a
deletion arriving after edits it had not seen still deletes, with a
conflict on ``deleted``. Keeping the edit (or "not deleted") restores the
record: that decision is made by the server's resolution, which every PC
pulls at its next sync (nothing is sent from here that would meet the
tombstone again).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from care_core.domain.entities import Actor
from care_core.domain.messages import ActionError, label
from care_core.domain.permissions import Permission
from ..storage.changes import now_iso
from ..storage.tables import SYNCED_TABLES, change_log, meta, sync_conflicts, sync_state
from .base import Service, not_found

PENDING, ACKED, PARKED, DISMISSED = "pending", "acked", "parked", "dismissed"
CLOCK_TOLERANCE_MS = 5 * 60 * 1000
CLOCK_SKEW_KEY = "sync_clock_skew_ms"  # written by facility_app.sync.state

# who may decide a conflict on a record of each table
_EDIT_PERMISSION = {
    "residents": Permission.EDIT_RESIDENT,
    "checkups": Permission.RECORD_CLINICAL,
    "conditions": Permission.RECORD_CLINICAL,
    "rehab_sessions": Permission.RECORD_CLINICAL,
    "referrals": Permission.RECORD_CLINICAL,
    "facility": Permission.EDIT_SETTINGS,
    "users": Permission.MANAGE_USERS,
}


@dataclass(frozen=True)
class SyncStatus:
    """Everything the status area and ``sync status`` show; counts only, no record."""
    enrolled: bool
    server_url: str | None
    facility_code: str | None
    last_success_at: datetime | None
    last_attempt_at: datetime | None
    last_error: str | None
    revoked: bool
    waiting: int  # changes saved here, not yet on the server
    parked: int  # refused by the server, waiting for a person
    conflicts: int  # open conflicts
    pull_cursor: int
    clock_skew_ms: int = 0  # this PC's clock minus the server's at the last pull

    @property
    def clock_wrong(self) -> bool:
        """More than 5 minutes off: edits here may win or lose against the
        other PCs' for the wrong reason; a person should set the clock."""
        return abs(self.clock_skew_ms) > CLOCK_TOLERANCE_MS

    @property
    def healthy(self) -> bool:
        return self.enrolled and not self.revoked and not self.last_error and not self.parked


@dataclass(frozen=True)
class Conflict:
    id: int
    table: str
    row_id: str
    field: str
    mine: Any
    theirs: Any
    mine_is_current: bool  # the record holds "mine" now
    mine_from_here: bool  # "mine" was made on this PC
    detected_at: str
    resolved_at: str | None
    resolved_by: str | None
    chosen: str | None  # mine | theirs once resolved here

    def field_label(self, lang: str) -> str:
        return label(self.field, lang)


@dataclass(frozen=True)
class ParkedChange:
    seq: int
    change_id: str
    table: str
    row_id: str
    op: str
    fields: dict
    reason_vi: str
    reason_en: str

    def reason(self, lang: str) -> str:
        return (self.reason_vi if lang == "vi" else self.reason_en) or self.reason_en or self.reason_vi


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _my_devices(conn: sa.Connection) -> set[str]:
    ids = set(conn.execute(sa.select(meta.c.value).where(meta.c.key == "device_id")).scalars())
    ids |= set(conn.execute(sa.select(sync_state.c.server_device_id)).scalars())
    return ids


def _wire_to_column(table: str, name: str, value: Any) -> Any:
    column = SYNCED_TABLES[table].c[name]
    if value is None:
        return None
    if isinstance(column.type, sa.Date) and isinstance(value, str):
        return date.fromisoformat(value)
    if isinstance(column.type, sa.Boolean):
        return bool(value)
    return value


class SyncService(Service):
    # --- status ---------------------------------------------------------

    def status(self, actor: Actor | None = None) -> SyncStatus:
        """Counts and times only; any logged-in role may see it (no actor: the status bar)."""
        if actor is not None:
            self.require(actor, Permission.SYNC)
        with self.store.read() as conn:
            row = conn.execute(sa.select(sync_state).where(sync_state.c.id == 1)).mappings().first()
            by_state = dict(conn.execute(sa.select(change_log.c.state, sa.func.count())
                                         .group_by(change_log.c.state)).all())
            open_conflicts = conn.execute(sa.select(sa.func.count()).select_from(sync_conflicts)
                                          .where(sync_conflicts.c.resolved_at.is_(None))).scalar() or 0
            skew = conn.execute(sa.select(meta.c.value).where(meta.c.key == CLOCK_SKEW_KEY)).scalar()
        if row is None:
            return SyncStatus(False, None, None, None, None, None, False, by_state.get(PENDING, 0),
                              by_state.get(PARKED, 0), open_conflicts, 0)
        return SyncStatus(True, row["server_url"], row["facility_code"], _when(row["last_success_at"]),
                          _when(row["last_attempt_at"]), row["last_error"], bool(row["revoked"]),
                          by_state.get(PENDING, 0), by_state.get(PARKED, 0), open_conflicts,
                          int(row["pull_cursor"]), int(skew or 0))

    def record_state(self, actor: Actor, table: str, row_id: str) -> str:
        """Per record: ``here`` (saved on this PC only), ``parked`` (refused by
        the server), ``server`` (everything of it is on the server)."""
        self.require(actor, Permission.READ_RECORDS)
        c = change_log.c
        with self.store.read() as conn:
            states = set(conn.execute(sa.select(c.state).where(c.table_name == table, c.row_id == row_id)
                                      .distinct()).scalars())
        if PARKED in states:
            return "parked"
        if PENDING in states:
            return "here"
        return "server"

    # --- parked changes ------------------------------------------------------

    def parked(self, actor: Actor, limit: int = 500) -> list[ParkedChange]:
        self.require(actor, Permission.SYNC)
        c = change_log.c
        out = []
        with self.store.read() as conn:
            for r in conn.execute(sa.select(c.seq, c.change_id, c.table_name, c.row_id, c.op, c.fields, c.answer)
                                  .where(c.state == PARKED).order_by(c.seq).limit(limit)):
                answer = json.loads(r.answer or "{}")
                out.append(ParkedChange(r.seq, r.change_id, r.table_name, r.row_id, r.op, json.loads(r.fields),
                                        answer.get("reason_vi", ""), answer.get("reason_en", "")))
        return out

    def dismiss_parked(self, actor: Actor, seq: int | None = None) -> int:
        """A person has read the reason (and re-entered what was needed): the
        parked change stops counting as waiting. ``None`` = all of them."""
        self.require(actor, Permission.SYNC)
        with self.store.write(actor, "dismiss-parked") as w:
            q = sa.update(change_log).where(change_log.c.state == PARKED)
            if seq is not None:
                q = q.where(change_log.c.seq == seq)
            n = w.conn.execute(q.values(state=DISMISSED)).rowcount
            if seq is not None and n == 0:
                raise not_found("thay đổi bị từ chối số", "parked change number", str(seq))
            w.audit_only("change_log", str(seq) if seq is not None else "*", {"dismissed": n})
        return n

    # --- conflicts -----------------------------------------------------------

    def conflicts(self, actor: Actor, *, include_resolved: bool = False) -> list[Conflict]:
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            mine_ids = _my_devices(conn)
            q = sa.select(sync_conflicts).order_by(sync_conflicts.c.id)
            if not include_resolved:
                q = q.where(sync_conflicts.c.resolved_at.is_(None))
            return [self._conflict(r, mine_ids) for r in conn.execute(q).mappings()]

    @staticmethod
    def _conflict(r, mine_ids: set[str]) -> Conflict:
        winning, losing = json.loads(r["winning_value"]), json.loads(r["losing_value"])
        losing_here = r["losing_device"] in mine_ids or r["losing_hlc"].split("-", 2)[-1] in mine_ids
        winning_here = r["winning_device"] in mine_ids or r["winning_hlc"].split("-", 2)[-1] in mine_ids
        if losing_here and not winning_here:
            mine, theirs, mine_current = losing, winning, False
        else:
            mine, theirs, mine_current = winning, losing, True
        chosen = None
        if r["chosen"]:
            chosen = "mine" if (r["chosen"] == "winning") == mine_current else "theirs"
        return Conflict(r["id"], r["table_name"], r["row_id"], r["field"], mine, theirs, mine_current,
                        winning_here or losing_here, r["fetched_at"], r["resolved_at"], r["resolved_by"], chosen)

    def resolve(self, actor: Actor, conflict_id: int, keep: str) -> Conflict:
        """Keep ``mine`` or ``theirs``: the record takes that value now (a
        normal, audited local change) and the server is told at the next sync."""
        if keep not in ("mine", "theirs"):
            raise ActionError("Chọn giữ “mine” (giá trị của máy này) hoặc “theirs” (giá trị của máy kia).",
                              "Choose to keep “mine” (this PC's value) or “theirs” (the other PC's value).")
        self.require(actor, Permission.SYNC)
        with self.store.write(actor, "resolve-conflict") as w:
            r = w.conn.execute(sa.select(sync_conflicts).where(sync_conflicts.c.id == conflict_id)).mappings().first()
            if r is None:
                raise not_found("xung đột", "conflict", str(conflict_id))
            if r["resolved_at"] is not None:
                raise ActionError(f"Xung đột {conflict_id} đã được giải quyết.", f"Conflict {conflict_id} is already resolved.")
            self.require(actor, _EDIT_PERMISSION.get(r["table_name"], Permission.EDIT_SETTINGS))
            conflict = self._conflict(r, _my_devices(w.conn))
            value = conflict.mine if keep == "mine" else conflict.theirs
            chosen = "winning" if (keep == "mine") == conflict.mine_is_current else "losing"
            table = SYNCED_TABLES[r["table_name"]]
            row = w.conn.execute(sa.select(table).where(table.c.id == r["row_id"])).mappings().first()
            if row is None:
                raise not_found("bản ghi", "record", r["row_id"])
            new_value = _wire_to_column(r["table_name"], r["field"], value)
            if r["table_name"] == "users" and r["field"] == "username":
                holder = w.conn.execute(sa.select(table.c.id).where(table.c.username == new_value)).scalar()
                if holder not in (None, r["row_id"]):
                    raise ActionError(f"Tên đăng nhập “{new_value}” đã thuộc tài khoản khác; hãy giữ tên tạm "
                                      "rồi đổi tên tài khoản nếu cần.",
                                      f"The login name “{new_value}” belongs to another account; keep the "
                                      "provisional name, then rename the account if needed.")
            if row["deleted"] or r["field"] == "deleted":
                # a deletion met an edit: only the server restores a record (its
                # resolution reaches every PC at the next sync); an edit sent from
                # here would meet the tombstone again
                w.audit_only(r["table_name"], r["row_id"], {"conflict": conflict_id, "kept": keep, "restore": True})
            elif row[r["field"]] != new_value:
                w.update(table, r["row_id"], {r["field"]: new_value})
            else:
                w.audit_only(r["table_name"], r["row_id"], {"conflict": conflict_id, "kept": keep})
            w.conn.execute(sa.update(sync_conflicts).where(sync_conflicts.c.id == conflict_id).values(
                resolved_at=now_iso(), resolved_by=actor.username, chosen=chosen, server_told=False))
            r = w.conn.execute(sa.select(sync_conflicts).where(sync_conflicts.c.id == conflict_id)).mappings().first()
            return self._conflict(r, _my_devices(w.conn))


# --- used by the sync engine (facility_app.sync), inside its transactions ---

def mirror_conflicts(conn: sa.Connection, records: list) -> int:
    """Take the server's open conflicts into the local inbox; a local open
    conflict the server no longer lists was resolved elsewhere. Returns how
    many are new here."""
    listed = {rec.id for rec in records}
    known = dict(conn.execute(sa.select(sync_conflicts.c.id, sync_conflicts.c.resolved_at)).all())
    new = [rec for rec in records if rec.id not in known]
    if new:
        at = now_iso()
        conn.execute(sync_conflicts.insert(), [{
            "id": rec.id, "table_name": rec.table, "row_id": rec.row_id, "field": rec.field,
            "winning_value": json.dumps(rec.winning_value, ensure_ascii=False),
            "winning_hlc": rec.winning_hlc, "winning_device": rec.winning_device,
            "losing_value": json.dumps(rec.losing_value, ensure_ascii=False),
            "losing_hlc": rec.losing_hlc, "losing_device": rec.losing_device,
            "server_seq": rec.server_seq, "fetched_at": at, "server_told": False,
        } for rec in new])
    gone = [cid for cid, resolved in known.items() if resolved is None and cid not in listed]
    if gone:
        conn.execute(sa.update(sync_conflicts).where(sync_conflicts.c.id.in_(gone)).values(
            resolved_at=now_iso(), resolved_by="(máy khác / other PC)", server_told=True))
    return len(new)


def conflicts_to_tell(conn: sa.Connection) -> list[tuple[int, Any]]:
    """Resolved here, not yet told to the server: (server id, chosen wire value)."""
    rows = conn.execute(sa.select(sync_conflicts).where(
        sync_conflicts.c.resolved_at.is_not(None), sync_conflicts.c.server_told.is_(False),
        sync_conflicts.c.chosen.is_not(None))).mappings()
    return [(r["id"], json.loads(r["winning_value"] if r["chosen"] == "winning" else r["losing_value"]))
            for r in rows]


def mark_told(conn: sa.Connection, conflict_id: int) -> None:
    conn.execute(sa.update(sync_conflicts).where(sync_conflicts.c.id == conflict_id).values(server_told=True))

