"""Sync as a nurse and the IT officer see it, read and decided from the store.

This is the store-facing half of sync (the layers put HTTP above services,
in ``facility_app.sync``): the status line, the changes the server parked,
the conflict inbox and its resolution. Its reads and writes are named
functions of ``storage.sync_store``, which the sync engine shares.
Resolving a conflict writes the chosen value as an ordinary local change
through the Writer (so it works offline, is audited under the person's name
and travels in the outbox); the next sync also tells the server, which
closes the conflict there.

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
from datetime import datetime
from typing import Any

from care_core.domain.entities import Actor
from care_core.domain.messages import ActionError, label
from care_core.domain.permissions import Permission
from ..storage import sync_store
from ..storage.sync_store import PARKED, PENDING
from ..storage.tables import SYNCED_TABLES
from .base import Service, not_found

CLOCK_TOLERANCE_MS = 5 * 60 * 1000

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


class SyncService(Service):
    # --- status ---------------------------------------------------------

    def status(self, actor: Actor | None = None) -> SyncStatus:
        """Counts and times only; any logged-in role may see it (no actor: the status bar)."""
        if actor is not None:
            self.require(actor, Permission.SYNC)
        with self.store.read() as conn:
            row = sync_store.enrolment(conn)
            by_state = sync_store.count_by_state(conn)
            open_conflicts = sync_store.open_conflict_count(conn)
            skew = sync_store.clock_skew_ms(conn)
        if row is None:
            return SyncStatus(False, None, None, None, None, None, False, by_state.get(PENDING, 0),
                              by_state.get(PARKED, 0), open_conflicts, 0)
        return SyncStatus(True, row["server_url"], row["facility_code"], _when(row["last_success_at"]),
                          _when(row["last_attempt_at"]), row["last_error"], bool(row["revoked"]),
                          by_state.get(PENDING, 0), by_state.get(PARKED, 0), open_conflicts,
                          int(row["pull_cursor"]), skew)

    def record_state(self, actor: Actor, table: str, row_id: str) -> str:
        """Per record: ``here`` (saved on this PC only), ``parked`` (refused by
        the server), ``server`` (everything of it is on the server)."""
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            states = sync_store.record_states(conn, table, row_id)
        if PARKED in states:
            return "parked"
        if PENDING in states:
            return "here"
        return "server"

    # --- parked changes ------------------------------------------------------

    def parked(self, actor: Actor, limit: int = 500) -> list[ParkedChange]:
        self.require(actor, Permission.SYNC)
        out = []
        with self.store.read() as conn:
            for r in sync_store.parked_rows(conn, limit):
                answer = json.loads(r.answer or "{}")
                out.append(ParkedChange(r.seq, r.change_id, r.table_name, r.row_id, r.op, json.loads(r.fields),
                                        answer.get("reason_vi", ""), answer.get("reason_en", "")))
        return out

    def dismiss_parked(self, actor: Actor, seq: int | None = None) -> int:
        """A person has read the reason (and re-entered what was needed): the
        parked change stops counting as waiting. ``None`` = all of them."""
        self.require(actor, Permission.SYNC)
        with self.store.write(actor, "dismiss-parked") as w:
            n = sync_store.dismiss_parked(w.conn, seq)
            if seq is not None and n == 0:
                raise not_found("thay đổi bị từ chối số", "parked change number", str(seq))
            w.audit_only("change_log", str(seq) if seq is not None else "*", {"dismissed": n})
        return n

    # --- conflicts -----------------------------------------------------------

    def conflicts(self, actor: Actor, *, include_resolved: bool = False) -> list[Conflict]:
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            mine_ids = sync_store.my_devices(conn)
            return [self._conflict(r, mine_ids)
                    for r in sync_store.conflict_rows(conn, include_resolved=include_resolved)]

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
            r = sync_store.conflict_row(w.conn, conflict_id)
            if r is None:
                raise not_found("xung đột", "conflict", str(conflict_id))
            if r["resolved_at"] is not None:
                raise ActionError(f"Xung đột {conflict_id} đã được giải quyết.", f"Conflict {conflict_id} is already resolved.")
            self.require(actor, _EDIT_PERMISSION.get(r["table_name"], Permission.EDIT_SETTINGS))
            conflict = self._conflict(r, sync_store.my_devices(w.conn))
            value = conflict.mine if keep == "mine" else conflict.theirs
            chosen = "winning" if (keep == "mine") == conflict.mine_is_current else "losing"
            row = sync_store.synced_row(w.conn, r["table_name"], r["row_id"])
            if row is None:
                raise not_found("bản ghi", "record", r["row_id"])
            new_value = sync_store.wire_to_column(r["table_name"], r["field"], value)
            if r["table_name"] == "users" and r["field"] == "username":
                holder = sync_store.user_id_with_username(w.conn, new_value)
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
                w.update(SYNCED_TABLES[r["table_name"]], r["row_id"], {r["field"]: new_value})
            else:
                w.audit_only(r["table_name"], r["row_id"], {"conflict": conflict_id, "kept": keep})
            sync_store.mark_resolved(w.conn, conflict_id, actor.username, chosen)
            return self._conflict(sync_store.conflict_row(w.conn, conflict_id), sync_store.my_devices(w.conn))


