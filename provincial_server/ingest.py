"""Push: apply one batch of a device's changes, in one transaction.

Order of work (why it is safe):
1. plan: load, in a few queries, the change ids already seen and the rows
   the batch touches (and the residents its clinical records point at);
   merge each change in memory, in order: validate, merge field by field by
   HLC, record conflicts; a refused change is parked and the next goes on.
   On PostgreSQL this happens before the lock, so a PC's next batch is
   merged while the one before it is being written;
2. lock the facility's row (``SELECT ... FOR UPDATE``; on SQLite the
   transaction began with ``BEGIN IMMEDIATE``). Every push and conflict
   resolution of the facility passes here, so their writes run one after
   another;
3. a batch id already answered -> the stored answer, nothing applied (the
   same id with other content -> ``BatchReused``, refused: a digest of each
   batch's content is stored with its id);
4. a plan made before the lock stands only if nothing it read has changed:
   every row it read has the ``updated_seq`` it had (each write of a record
   sets a new one, under this lock), every id it found absent is still
   absent, no change id of the batch was stored meanwhile, and it read
   nothing beyond its rows (login names, stays, a merge's records).
   Otherwise it is planned again, under the lock;
5. write everything with multi-row statements, give each accepted change
   the next ``server_seq`` and store the new counter, the device's highest
   sequence and the answer - then commit, releasing the lock.
Because the counter is only ever advanced under that lock and committed with
the changes, committed sequence numbers are always a gap-free prefix: a pull
cursor can never pass a change that commits later.
"""
from __future__ import annotations

import hashlib
import time
from functools import lru_cache
from operator import attrgetter
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa

from care_core.domain.hlc import MAX_DRIFT_MS, Clock, Stamp
from care_core.domain.ids import new_id
from care_core import protocol as p

from . import accounts, entities, merges
from .bulk import among, among_param, among_value, insert_many, is_postgresql
from .entities import Refusal
from .jsontext import dumps, loads, sorted_dumps_utf8
from .tables import batches, changes, conflicts, devices, facilities, records, rejected_changes

_CHUNK = 400  # rows per IN (...) query


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def now_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass(slots=True)
class Row:
    """A record as the batch sees it (loaded, or created by an earlier change)."""

    table: str
    row_id: str
    facility_code: str
    data: dict[str, Any]
    meta: dict[str, list]  # field -> [hlc, device, version]
    version: int
    deleted: bool
    is_new: bool = False
    dirty: bool = False
    updated_seq: int = 0
    data_json: str | None = None  # ``data`` as JSON while unchanged since the insert made it
    entity_cache: tuple | None = None  # (version, data, entity): see entities.resident_entity

    @classmethod
    def from_db(cls, r) -> "Row":
        return cls(r.table_name, r.row_id, r.facility_code, loads(r.data), loads(r.field_meta),
                   r.version, bool(r.deleted), updated_seq=r.updated_seq)

    def field_meta(self, name: str) -> list | None:
        """[hlc, device, version] of a field's last write. Fields written by
        the row's insert share one entry, ``"*"`` (a third of the bytes and of
        the encoding time of a push of new rows)."""
        meta = self.meta.get(name)
        if meta is None and name in self.data:
            return self.meta.get("*")
        return meta

    def snapshot(self) -> tuple:
        return (dict(self.data), {k: list(v) for k, v in self.meta.items()}, self.version, self.deleted)

    def restore(self, snap: tuple) -> None:
        self.data, self.meta, self.version, self.deleted = snap[0], snap[1], snap[2], snap[3]
        self.data_json = None


@dataclass(slots=True)
class Outcome:
    status: str
    effective: dict[str, Any] = field(default_factory=dict)
    conflict_fields: list[str] = field(default_factory=list)
    new_conflicts: list[dict] = field(default_factory=list)
    effective_json: str | None = None  # ``effective`` as JSON, when already made
    server_fields: dict[str, Any] = field(default_factory=dict)  # set by the server itself after it (accounts)
    # the server's own changes of other rows that follow this one (merges: row, fields, hlc)
    server_changes: list[tuple["Row", dict[str, Any], str]] = field(default_factory=list)


def _chunks(items: list, size: int = _CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _chunk_size(conn: sa.Connection) -> int:
    """Ids per look-up: on PostgreSQL they travel as one string (bulk.among),
    so a whole batch (up to 1,000 changes, 2,000 ids) is one query; SQLite
    binds each id as a parameter."""
    return 2 * p.MAX_BATCH_CHANGES if is_postgresql(conn) else _CHUNK


@lru_cache(maxsize=None)
def _load_query(postgresql: bool):
    return sa.select(records).where(among_param(postgresql, records.c.row_id, "ids"))


class Store:
    """Loads rows lazily by id, keeping what the batch created or changed."""

    def __init__(self, conn: sa.Connection):
        self.conn = conn
        self.rows: dict[tuple[str, str], Row] = {}
        self.missing: set[tuple[str, str]] = set()
        # what the batch read, for the check under the lock (see ``push``):
        # each stored row's ``updated_seq`` as read, and the keys found absent
        self.read_seq: dict[tuple[str, str], int] = {}
        self.read_absent: set[tuple[str, str]] = set()

    def load(self, keys: set[tuple[str, str]]) -> None:
        wanted = {k for k in keys if k not in self.rows and k not in self.missing}
        q = _load_query(is_postgresql(self.conn))
        ids = sorted({row_id for _, row_id in wanted})
        for part in _chunks(ids, _chunk_size(self.conn)):  # by row id alone: ix_records_row_id
            for r in self.conn.execute(q, {"ids": among_value(self.conn, part)}):
                key = (r.table_name, r.row_id)
                if key in wanted:
                    self.rows[key] = Row.from_db(r)
                    self.read_seq[key] = r.updated_seq
        absent = [k for k in wanted if k not in self.rows]
        self.missing.update(absent)
        self.read_absent.update(absent)

    def unchanged(self) -> bool:
        """Whether every row this batch read is still as it was read (same
        ``updated_seq``, every key found absent still absent): asked under the
        facility's lock about a batch merged before it was taken. Every write
        of a record gives it a new ``updated_seq``, under that lock."""
        keys = self.read_seq.keys() | self.read_absent
        ids = sorted({row_id for _, row_id in keys})
        now: dict[tuple[str, str], int] = {}
        for part in _chunks(ids, _chunk_size(self.conn)):
            q = sa.select(records.c.table_name, records.c.row_id, records.c.updated_seq) \
                .where(among(self.conn, records.c.row_id, part))
            for r in self.conn.execute(q):
                if (r.table_name, r.row_id) in keys:
                    now[(r.table_name, r.row_id)] = r.updated_seq
        return now == self.read_seq

    def get(self, table: str, row_id: str) -> Row | None:
        key = (table, row_id)
        row = self.rows.get(key)
        if row is None and key not in self.missing:
            self.load({key})
            row = self.rows.get(key)
        return row

    def add(self, row: Row) -> None:
        self.rows[(row.table, row.row_id)] = row
        self.missing.discard((row.table, row.row_id))


def _refuse_shape(change: p.Change) -> Refusal | None:
    if change.table not in p.SYNCED_SCHEMA:
        return Refusal(f"Bảng “{change.table}” không được đồng bộ.", f"Table “{change.table}” is not synchronised.")
    if not (getattr(change, "_fields_fit", False) or p.fields_fit(change.table, change.fields)):
        for name, value in change.fields.items():
            problem = p.field_problem(change.table, name, value)
            if problem:
                return Refusal(f"Dữ liệu không hợp lệ: {problem}.", f"Invalid data: {problem}.")
    if change.op == "delete" and change.fields.get("deleted") is not True:
        return Refusal("Thao tác xóa phải ghi deleted = true.", "A delete must carry deleted = true.")
    if change.op != "delete" and "deleted" in change.fields:
        return Refusal("Chỉ thao tác xóa mới được đổi trường deleted.", "Only a delete may change 'deleted'.")
    if change.table in p.INSERT_ONLY_TABLES and change.op != "insert" and not merges.is_repoint(change):
        return Refusal("Khám bệnh và buổi tập PHCN chỉ được thêm mới; hãy ghi một bản sửa hoặc hủy trỏ tới bản cũ.",
                       "Checkups and rehab sessions are insert-only; record a correction or void that points at the old one.")
    return None


class Merger:
    """Merges one device's changes into rows of its facility."""

    def __init__(self, store: Store, facility_code: str, device_id: str, today=None, accounts_trusted: bool = False):
        self.store = store
        self.facility_code = facility_code
        self.device_id = device_id
        self.today = today or entities.today_in_vietnam()  # once per batch: datetime.now per change showed up
        self.accounts_trusted = accounts_trusted  # see accounts.py
        self._names: dict[str, str] | None = None  # login name -> account row id
        self.merged_now: list[tuple[str, str]] = []  # residents merged by this batch: (merged away, into)
        # read something besides the rows it names (a resident's stays, the
        # login names): a merge done before the lock is then done again under it
        self.read_beyond_rows = False

    def apply(self, change: p.Change) -> Outcome:
        refusal = _refuse_shape(change)
        if refusal:
            raise refusal
        change, moved_to = merges.follow_resident(self.store, self.facility_code, change)
        outcome = self._apply(change)
        if moved_to is not None and outcome.status != "duplicate":
            # the device wrote it for a record merged away meanwhile: it learns where it went
            merges.tell_origin(self.store.get(change.table, change.row_id), change, moved_to, outcome)
        return outcome

    def _apply(self, change: p.Change) -> Outcome:
        key = (change.table, change.row_id)
        row = self.store.rows.get(key)  # Store.get, its common case written out
        if row is None and key not in self.store.missing:
            row = self.store.get(change.table, change.row_id)
        if row is not None and row.facility_code != self.facility_code:
            raise Refusal("Mã bản ghi này đã được dùng ở nơi khác; bản ghi không thuộc cơ sở của máy này.",
                          "This record id is already used elsewhere; the record is not this device's facility's.")
        if change.table == "users":
            self._guard_account(row, change)
        if row is None:
            if change.op != "insert":
                raise Refusal("Bản ghi chưa có trên máy chủ (bản tạo mới chưa được gửi hoặc đã bị từ chối).",
                              "The record is not on the server (its creation was not sent, or was refused).")
            outcome = self._insert(change)
            if change.table == "users":
                self._claim_name(change, outcome)
            return outcome
        if merges.merged_away(row) and change.table == "residents":
            return merges.divert(self, row, change)
        if change.table in p.INSERT_ONLY_TABLES:
            if merges.is_repoint(change):
                return merges.repoint(self, row, change)
            if all(row.data.get(k) == v for k, v in change.fields.items()):
                return Outcome("duplicate")
            raise Refusal("Mã bản ghi khám/PHCN này đã có với nội dung khác; bản ghi chuyên môn không được sửa tại chỗ.",
                          "This checkup/rehab record id already exists with other content; clinical records are never changed in place.")
        snap = row.snapshot()
        try:
            outcome = self._merge(row, change)
            if outcome.effective:
                entity = self._validate(row.table, row.data, row.row_id)
                if row.table == "residents":
                    row.entity_cache = (row.version, row.data, entity)
        except Refusal:
            row.restore(snap)
            raise
        if change.table == "users" and "username" in outcome.effective:
            names = self._account_names()
            for name in [n for n, rid in names.items() if rid == row.row_id]:
                del names[name]
            names[row.data["username"]] = row.row_id
        return outcome

    # --- accounts (see accounts.py) ------------------------------------------

    def _account_names(self) -> dict[str, str]:
        if self._names is None:
            self.read_beyond_rows = True
            self._names = accounts.names_in_use(self.store.conn, self.facility_code)
        return self._names

    def _guard_account(self, row: Row | None, change: p.Change) -> None:
        """Grants only from a trusted device; a rename only to a free name."""
        what = accounts.grants(None if row is None else row.data, change.fields)
        if what and not self.accounts_trusted:
            raise accounts.untrusted_refusal(what)
        name = change.fields.get("username")
        if row is not None and name is not None and self._account_names().get(name, row.row_id) != row.row_id:
            raise accounts.taken_refusal(name)

    def _claim_name(self, change: p.Change, outcome: Outcome) -> None:
        """A new account whose login name another account already holds keeps
        its row but gets a provisional name, set by the server, and a conflict."""
        names = self._account_names()
        row = self.store.get("users", change.row_id)
        name = row.data.get("username")
        if name not in names:
            names[name] = row.row_id
            return
        provisional = accounts.provisional_name(name, names)
        names[provisional] = row.row_id
        hlc = Clock(p.SERVER_ORIGIN, last=Stamp.decode(change.hlc)).tick().encode()
        row.data["username"] = outcome.effective["username"] = provisional
        row.meta["username"] = [hlc, p.SERVER_ORIGIN, 2]
        row.version, row.data_json = 2, None
        outcome.effective_json = None
        outcome.server_fields = {"username": provisional}
        outcome.status = "conflict"
        outcome.conflict_fields = ["username"]
        outcome.new_conflicts.append(self._conflict(row, "username", (provisional, hlc, p.SERVER_ORIGIN),
                                                    (name, change.hlc, self.device_id)))

    def _insert(self, change: p.Change) -> Outcome:
        data = dict(change.fields)
        entity = self._validate(change.table, data, change.row_id)
        meta = {"*": [change.hlc, self.device_id, 1]}
        text = dumps(data)  # the record's data and the stream's fields alike: encoded once
        # by position (a call by keyword cost half a microsecond more a change):
        # version 1, not deleted, new, dirty, updated_seq 0, data_json
        row = Row(change.table, change.row_id, self.facility_code, data, meta, 1, False, True, True, 0, text)
        if change.table == "residents":  # its records, often in the same batch, are checked against it
            row.entity_cache = (1, data, entity)
        self.store.add(row)
        # ``effective`` is read while the change is planned, before anything
        # later in the batch can change the row's data: no copy of it
        return Outcome("applied", data, [], [], text)  # effective, conflict_fields, new_conflicts, effective_json

    def _validate(self, table: str, data: dict, row_id: str):
        """Refuse a row that breaks a domain rule; returns its entity."""
        resident = None
        if table in entities.CLINICAL_SET:
            rid = data.get("resident_id")
            resident = self.store.get("residents", rid) if rid else None
            if resident is not None and resident.facility_code != self.facility_code:
                resident = None
        return entities.check(table, data, self.facility_code, resident, self.today,
                              stays=(lambda: self._stays_of(resident.row_id)) if resident is not None else None,
                              row_id=row_id)

    def _stays_of(self, resident_id: str) -> list:
        """The resident's kept stays (asked only for a record dated outside the
        current stay, which is rare): those stored, then this batch's own."""
        self.read_beyond_rows = True
        found: dict[str, dict] = {}
        q = sa.select(records.c.row_id, records.c.data, records.c.deleted).where(
            records.c.facility_code == self.facility_code, records.c.table_name == "stays",
            records.c.data.contains(resident_id, autoescape=True))
        for r in self.store.conn.execute(q):
            data = loads(r.data)
            if data.get("resident_id") == resident_id and not r.deleted:
                found[r.row_id] = data
        for (table, row_id), row in self.store.rows.items():
            if table == "stays" and row.data.get("resident_id") == resident_id:
                if row.deleted:
                    found.pop(row_id, None)
                else:
                    found[row_id] = row.data
        out = []
        for row_id, data in found.items():
            try:
                out.append(entities.to_entity("stays", {**data, "id": row_id}))
            except (Refusal, TypeError, ValueError):
                continue
        return out

    def _conflict(self, row: Row, name: str, win: tuple, lose: tuple) -> dict:
        return {"facility_code": self.facility_code, "table_name": row.table, "row_id": row.row_id,
                "field": name, "winning_value": dumps(win[0]), "winning_hlc": win[1],
                "winning_device": win[2], "losing_value": dumps(lose[0]), "losing_hlc": lose[1],
                "losing_device": lose[2]}

    def _merge(self, row: Row, change: p.Change) -> Outcome:
        out = Outcome("applied")
        me, hlc, base = self.device_id, change.hlc, change.base_version
        if row.deleted:
            if change.op == "delete":
                return out  # already a tombstone
            # an edit of a deleted record resurrects nothing: every field is a conflict
            tomb = row.field_meta("deleted") or ["", "", 0]
            for name, value in sorted(change.fields.items()):
                out.new_conflicts.append(self._conflict(
                    row, name, (row.data.get(name), tomb[0], tomb[1]), (value, hlc, me)))
                out.conflict_fields.append(name)
            out.status = "conflict" if out.conflict_fields else "applied"
            return out
        new_version = row.version + 1
        lost: list[str] = []
        for name, value in sorted(change.fields.items()):
            meta = row.field_meta(name)
            current = row.data.get(name)
            concurrent = meta is not None and meta[2] > base and meta[1] != me and current != value
            if meta is None or hlc > meta[0]:
                if concurrent:
                    out.new_conflicts.append(self._conflict(row, name, (value, hlc, me), (current, meta[0], meta[1])))
                    out.conflict_fields.append(name)
                row.data[name] = value
                row.meta[name] = [hlc, me, new_version]
                out.effective[name] = value
            elif concurrent:
                out.new_conflicts.append(self._conflict(row, name, (current, meta[0], meta[1]), (value, hlc, me)))
                out.conflict_fields.append(name)
            elif hlc != meta[0]:
                lost.append(name)  # an older stamp of a value this device had already seen replaced
        if change.op == "delete" and "deleted" in out.effective and change.fields.get("merged_into"):
            row.deleted = True
            merges.carry_edits(self, row, change, out)
        elif change.op == "delete" and "deleted" in out.effective:
            row.deleted = True
            metas = (row.field_meta(k) for k in row.data if k != "deleted")
            edited = sorted({m[1]: m for m in metas if m and m[2] > base and m[1] != me}.values())
            for m in edited[:1]:  # one conflict says "an edited record was deleted"
                out.new_conflicts.append(self._conflict(row, "deleted", (True, hlc, me), (False, m[0], m[1])))
                out.conflict_fields.append("deleted")
        if out.effective:
            row.version = new_version
            row.dirty = True
            row.data_json = None
        if out.conflict_fields:
            out.status = "conflict"
        elif lost or base < new_version - 1:
            out.status = "merged"
            out.conflict_fields = lost
        return out


class BatchReused(Exception):
    """A batch id already answered, sent again with other content."""


def batch_digest(batch: p.PushBatch) -> str:
    """SHA-256 of what a batch asks for (device, sequence range, changes),
    not of its encoding or answer options: a retry of the same batch has the
    same digest however it travels."""
    content = p.batch_to_dict(batch)
    content.pop("compact_answer", None)
    content.pop("v", None)
    return hashlib.sha256(sorted_dumps_utf8(content)).hexdigest()


@dataclass
class Device:
    id: str
    facility_code: str


# The statements every push runs, built once (per dialect where ``among``
# differs) and executed with their parameters: building and keying a
# statement cost more of the server's time than PostgreSQL's answering it.

@lru_cache(maxsize=None)
def _seen_query(postgresql: bool):
    return sa.union_all(
        sa.select(sa.literal("applied").label("kind"), changes.c.change_id, changes.c.server_seq,
                  changes.c.origin_device, changes.c.version, sa.cast(sa.null(), sa.Text).label("reason_vi"),
                  sa.cast(sa.null(), sa.Text).label("reason_en"))
        .where(among_param(postgresql, changes.c.change_id, "ids")),
        sa.select(sa.literal("refused"), rejected_changes.c.change_id, sa.cast(sa.null(), sa.BigInteger),
                  rejected_changes.c.device_id, sa.cast(sa.null(), sa.Integer), rejected_changes.c.reason_vi,
                  rejected_changes.c.reason_en)
        .where(among_param(postgresql, rejected_changes.c.change_id, "ids")))


def _seen(conn: sa.Connection, ids: list[str]) -> tuple[dict, dict]:
    """The batch's change ids already in the stream (server_seq,
    origin_device, version) / already refused (reason_vi, reason_en): one
    query for both."""
    applied, refused = {}, {}
    q = _seen_query(is_postgresql(conn))
    for part in _chunks(ids, _chunk_size(conn)):
        for r in conn.execute(q, {"ids": among_value(conn, part)}):
            (applied if r.kind == "applied" else refused)[r.change_id] = r
    return applied, refused


def lock_facility(conn: sa.Connection, facility_code: str) -> int:
    """Take the facility's lock; returns its last server_seq."""
    return conn.execute(sa.select(facilities.c.last_seq).where(facilities.c.code == facility_code)
                        .with_for_update()).scalar_one()


_LOCK = (sa.select(facilities.c.last_seq, devices.c.highest_seq, batches.c.answer, batches.c.digest)
         .select_from(facilities.join(devices, devices.c.id == sa.bindparam("device"))
                      .outerjoin(batches, sa.and_(batches.c.device_id == sa.bindparam("device"),
                                                  batches.c.batch_id == sa.bindparam("batch"))))
         .where(facilities.c.code == sa.bindparam("facility"))
         .with_for_update(of=facilities))


def _lock(conn: sa.Connection, device: Device, batch: p.PushBatch):
    """Take the facility's lock; in the same round trip read what is read
    under it: the facility's last server_seq, the device's highest sequence,
    and the stored answer of this batch id (None when new)."""
    return conn.execute(_LOCK, {"device": device.id, "batch": batch.batch_id,
                                "facility": device.facility_code}).one()


def _prefetch(store: Store, batch: p.PushBatch) -> None:
    """The rows the batch names and the residents its records belong to, in
    one look-up (a second only for the residents of stored rows it edits)."""
    keys = {(c.table, c.row_id) for c in batch.changes}
    keys |= {("residents", c.fields["resident_id"]) for c in batch.changes
             if isinstance(c.fields.get("resident_id"), str)}
    store.load(keys)
    store.load({("residents", r.data["resident_id"]) for r in store.rows.values()
                if isinstance(r.data.get("resident_id"), str)})


@dataclass(slots=True)
class _Entry:
    """A change that enters the stream, waiting for its sequence numbers:
    its stream rows (each with the record whose ``updated_seq`` it sets), the
    conflicts it raised, and its answer (``index`` in the results; None for
    the server's own moves after a merge)."""

    rows: list[tuple[dict, Row | None]]
    conflicts: list[dict]
    index: int | None = None
    change_id: str = ""
    outcome: Outcome | None = None
    suspect: bool = False
    version: int = 0


@dataclass
class _Plan:
    """A batch merged and validated, before sequence numbers are given."""

    store: Store
    merger: Merger
    change_ids: set[str]  # of the batch, already in the stream or refused when it was planned
    results: list[p.ChangeResult | None]  # None: an entry's answer, made when it is numbered
    entries: list[_Entry]
    rejected: list[dict]
    server_now: int  # ms: the time a suspect clock is measured against
    at: str  # when it was received, as stored
    marks: tuple[int, int] | None = None  # (facility's last_seq, device's highest_seq) before anything was read

    def still_current(self, conn: sa.Connection, batch: p.PushBatch, marks: tuple[int, int]) -> bool:
        """Under the lock: nothing the plan read has changed since (no row it
        read written, no change id of the batch stored or refused meanwhile).

        ``marks`` as read under the lock. Every write of a facility's records
        numbers a stream row under its lock, so what was written since the
        plan began is the stream after its mark: when neither the stream nor
        this device moved, nothing it read changed; when they did (usually
        the device's own previous batch, written while this one was merged),
        those stream rows are compared with the keys and change ids the plan
        read, and this device's changes refused meanwhile are looked up. A
        clash with another facility's rows or ids is caught by the keys of
        ``records`` and ``changes`` (the push is answered ``retry``)."""
        if self.merger.read_beyond_rows:
            return False
        if marks == self.marks:
            return True
        new_ids = [c.change_id for c in batch.changes if c.change_id not in self.change_ids]
        if marks[0] - self.marks[0] > _STREAM_CHECK_LIMIT:  # (a plan checked here was made before the lock: it has marks)
            if not self.store.unchanged():
                return False
            applied, refused = _seen(conn, new_ids)
            return not applied and not refused
        if marks[0] != self.marks[0]:
            read = self.store.read_seq.keys() | self.store.read_absent
            ids = set(new_ids)
            written = conn.execute(sa.select(changes.c.table_name, changes.c.row_id, changes.c.change_id)
                                   .where(changes.c.facility_code == self.merger.facility_code,
                                          changes.c.server_seq > self.marks[0]))
            if any((t, r) in read or cid in ids for t, r, cid in written):
                return False
        if marks[1] != self.marks[1] and new_ids:
            refused = conn.execute(sa.select(rejected_changes.c.change_id)
                                   .where(among(conn, rejected_changes.c.change_id, new_ids)).limit(1)).first()
            if refused is not None:
                return False
        return True


_STREAM_CHECK_LIMIT = 20_000  # stream rows written meanwhile, beyond which the plan's rows are read again instead


def _plan(conn: sa.Connection, device: Device, batch: p.PushBatch, today, before_lock: bool = False) -> _Plan:
    """Merge and validate every change of the batch in memory, in order."""
    marks = _marks(conn, device) if before_lock else None  # read first: see ``still_current``
    applied, refused = _seen(conn, [c.change_id for c in batch.changes])
    store = Store(conn)
    _prefetch(store, batch)
    with_accounts = any(c.table == "users" for c in batch.changes)
    merger = Merger(store, device.facility_code, device.id, today,
                    accounts_trusted=with_accounts and accounts.trusted(conn, device.id))
    server_now = now_ms()
    too_far = f"{server_now + MAX_DRIFT_MS + 1:015d}"  # (15 digits until the year 33658)
    at = now_iso()
    results: list[p.ChangeResult | None] = []
    entries: list[_Entry] = []
    rejected: list[dict] = []
    for c in batch.changes:
        if c.change_id in applied:
            prior = applied[c.change_id]
            if prior.origin_device == device.id:
                results.append(p.ChangeResult(c.change_id, "duplicate", prior.server_seq, version=prior.version))
                continue
            results.append(_rejected_result(c, Refusal("Mã thay đổi đã được máy khác dùng.",
                                                        "This change id was already used by another device.")))
            continue
        if c.change_id in refused:
            prior = refused[c.change_id]
            results.append(p.ChangeResult(c.change_id, "rejected", None, prior.reason_vi, prior.reason_en))
            continue
        hlc = c.hlc
        # wall time - server_now > MAX_DRIFT_MS; a travelled ASCII stamp
        # starts with 15 digits, so it compares as text with the first wall
        # time too far ahead (2 % of a push's CPU as int(), as text nothing)
        suspect = hlc >= too_far if hlc.isascii() and hlc[15:16] == "-" else \
            _wall_ms(hlc) - server_now > MAX_DRIFT_MS
        if suspect:
            # applied and flagged, but not trusted: a PC whose clock runs a
            # year ahead must not win every merge for a year, so its stamp
            # is taken as the server's own time (the device sequence keeps
            # its changes in order among themselves)
            c = replace(c, hlc=Stamp(server_now, c.device_seq % 100_000, device.id).encode())
        try:
            outcome = merger.apply(c)
        except Refusal as refusal:
            results.append(_rejected_result(c, refusal))
            rejected.append({
                "change_id": c.change_id, "facility_code": device.facility_code, "device_id": device.id,
                "device_seq": c.device_seq, "table_name": c.table, "row_id": c.row_id, "op": c.op,
                "fields": dumps(c.fields), "hlc": c.hlc, "reason_vi": refusal.vi, "reason_en": refusal.en,
                "received_at": at})
            continue
        row = store.rows.get((c.table, c.row_id)) or store.get(c.table, c.row_id)  # held: applied to it
        if outcome.status == "duplicate":  # the same clinical record again under a new change id
            results.append(p.ChangeResult(c.change_id, "duplicate", None, version=row.version))
            continue
        stream = [([  # _STREAM's columns
            0, device.facility_code, c.change_id, device.id, c.table, c.row_id, c.op,
            outcome.effective_json or dumps(outcome.effective), c.hlc, row.version,
            row.deleted, outcome.status, suspect, at],
            None if outcome.server_fields else row)]
        if outcome.server_fields:  # the server's own change after it, which its device pulls too
            stream.append(([
                0, device.facility_code, new_id(), p.SERVER_ORIGIN, c.table, c.row_id, "update",
                dumps(outcome.server_fields), row.meta[next(iter(outcome.server_fields))][0],
                row.version, row.deleted, "applied", False, at], row))
        if outcome.server_changes:
            stream.extend((_server_change(device.facility_code, other, fields, hlc, at), other)
                          for other, fields, hlc in outcome.server_changes)
        entries.append(_Entry(stream, outcome.new_conflicts, len(results), c.change_id, outcome, suspect,
                              row.version))
        results.append(None)
    if merger.merged_now:
        merger.read_beyond_rows = True  # the sweep looks for the merged residents' records
    for other, fields, hlc in merges.sweep(merger):
        entries.append(_Entry([(_server_change(device.facility_code, other, fields, hlc, at), other)], []))
    return _Plan(store, merger, set(applied) | set(refused), results, entries, rejected, server_now, at, marks)


def _wall_ms(hlc: str) -> int:
    """``Stamp.decode(hlc).wall_ms``, without building the stamp (a frozen
    dataclass: a twentieth of merging a batch). A stamp that travelled has
    15 digits of wall time first (``p._HLC``)."""
    if hlc[15:16] == "-" and hlc[:15].isdigit():  # then hlc[:15] is what split gives
        return int(hlc[:15])
    wall, _counter, _device = hlc.split("-", 2)
    return int(wall)


_MARKS = (sa.select(facilities.c.last_seq, devices.c.highest_seq)
          .select_from(facilities.join(devices, devices.c.facility_code == facilities.c.code))
          .where(facilities.c.code == sa.bindparam("facility"), devices.c.id == sa.bindparam("device")))


def _marks(conn: sa.Connection, device: Device) -> tuple[int, int]:
    """The facility's last ``server_seq`` and the device's highest sequence."""
    return tuple(conn.execute(_MARKS, {"facility": device.facility_code, "device": device.id}).one())


def _number(plan: _Plan, last_seq: int) -> tuple[int, list[dict], list[dict]]:
    """Give the planned stream rows the next sequence numbers, in order; each
    answer and conflict gets the last number of its change."""
    new_changes, new_conflicts = [], []
    for entry in plan.entries:
        for values, row in entry.rows:
            last_seq += 1
            values[0] = last_seq  # server_seq
            new_changes.append(values)
            if row is not None:
                row.updated_seq = last_seq
        if entry.conflicts:
            new_conflicts.extend({**conflict, "server_seq": last_seq} for conflict in entry.conflicts)
        if entry.index is not None:
            out = entry.outcome
            plan.results[entry.index] = p.ChangeResult(entry.change_id, out.status, last_seq, "", "",  # (reasons)
                                                       out.conflict_fields, entry.suspect, entry.version)
    return last_seq, new_changes, new_conflicts


def _plan_before_lock(conn: sa.Connection, batch: p.PushBatch) -> bool:
    """Merge before taking the facility's lock (then check, under it, that
    what the merge read is unchanged)? On PostgreSQL, so that the batches a
    PC sends one after another are merged while the one before them is
    being written; not on SQLite, whose write transaction holds its lock
    from ``BEGIN``, and not for a batch that would read beyond its rows
    (accounts: the login names; a merge of residents: their records)."""
    return is_postgresql(conn) and not any(c.table == "users" or "merged_into" in c.fields for c in batch.changes)


def push(conn: sa.Connection, device: Device, batch: p.PushBatch, today=None) -> p.PushAnswer:
    """Apply ``batch`` inside the caller's transaction (which must commit)."""
    digest = batch_digest(batch)
    plan = _plan(conn, device, batch, today, before_lock=True) if _plan_before_lock(conn, batch) else None
    last_seq, highest, stored, stored_digest = _lock(conn, device, batch)
    if stored is not None:
        if stored_digest is not None and stored_digest != digest:
            raise BatchReused(batch.batch_id)
        return p.answer_from_dict(loads(stored))
    if plan is None or not plan.still_current(conn, batch, (last_seq, highest)):
        plan = _plan(conn, device, batch, today)
    last_seq, new_changes, new_conflicts = _number(plan, last_seq)
    _write(conn, plan.store, new_changes, plan.rejected, new_conflicts)
    at = plan.at
    highest = max(highest, batch.seq_to if batch.changes else 0,
                  max(map(attrgetter("device_seq"), batch.changes), default=0))
    answer = p.PushAnswer(batch.batch_id, plan.results, highest, plan.server_now)
    compact = p.answer_to_dict(answer, compact=True, with_ids=True)
    params = {"facility": device.facility_code, "last_seq": last_seq, "device": device.id, "highest": highest,
              "at": at, "batch": batch.batch_id, "digest": digest, "answer": dumps(compact)}
    if is_postgresql(conn):  # one round trip for the three
        conn.execute(_FINISH, params)
    else:
        for statement in (_COUNTER, _DEVICE_ROW, _STORED):
            conn.execute(statement, params)
    answer._compact = compact  # a memo for the reply (compact_answer_dict), not part of the message
    return answer


# what a push writes last: the facility's counter, the device's row, the answer
_COUNTER = facilities.update().where(facilities.c.code == sa.bindparam("facility")) \
    .values(last_seq=sa.bindparam("last_seq"))
_DEVICE_ROW = devices.update().where(devices.c.id == sa.bindparam("device")) \
    .values(highest_seq=sa.bindparam("highest"), last_seen_at=sa.bindparam("at"))
_STORED = batches.insert().values(device_id=sa.bindparam("device"), batch_id=sa.bindparam("batch"),
                                  received_at=sa.bindparam("at"), digest=sa.bindparam("digest"),
                                  answer=sa.bindparam("answer"))
_FINISH = _STORED.add_cte(_COUNTER.cte("counter")).add_cte(_DEVICE_ROW.cte("device_row"))


def compact_answer_dict(answer: p.PushAnswer) -> dict:
    """``p.answer_to_dict(answer, compact=True)``: from the form ``push``
    stored, when it made it (the answer's 1,000 results walked once)."""
    stored = getattr(answer, "_compact", None)
    if stored is None:
        return p.answer_to_dict(answer, compact=True)
    return {k: v for k, v in stored.items() if k != "change_ids"}


# a stream row as the push builds it: these columns' values, in this order
# (a list: ``_number`` sets its ``server_seq``); ``_write`` takes dicts too
_STREAM = ("server_seq", "facility_code", "change_id", "origin_device", "table_name", "row_id", "op", "fields",
           "hlc", "version", "deleted", "status", "clock_suspect", "received_at")
_RECORD = ("table_name", "row_id", "facility_code", "data", "field_meta", "version", "deleted", "updated_seq")


def _server_change(facility_code: str, row: Row, fields: dict, hlc: str, at: str) -> list:
    """A change the server makes itself (it reaches every device, the one
    whose push caused it too); its ``server_seq`` is given by ``_number``."""
    return [0, facility_code, new_id(), p.SERVER_ORIGIN, row.table, row.row_id, "update", dumps(fields), hlc,
            row.version, row.deleted, "applied", False, at]


def _rejected_result(c: p.Change, refusal: Refusal) -> p.ChangeResult:
    return p.ChangeResult(c.change_id, "rejected", None, refusal.vi, refusal.en)


def _write(conn: sa.Connection, store: Store, new_changes: list, new_rejected: list, new_conflicts: list) -> None:
    """Write the batch's dirty records, its stream rows (lists of
    ``_STREAM``'s columns, or dicts), refusals and conflicts."""
    inserts, updates = [], []
    for row in store.rows.values():
        if not row.dirty:
            continue
        values = (row.table, row.row_id, row.facility_code, row.data_json or dumps(row.data), dumps(row.meta),
                  row.version, row.deleted, row.updated_seq)  # _RECORD's columns
        (inserts if row.is_new else updates).append(values)
    insert_many(conn, records, inserts, _RECORD)
    if updates:
        conn.execute(records.update()
                     .where(records.c.table_name == sa.bindparam("k_table"), records.c.row_id == sa.bindparam("k_row"))
                     .values(data=sa.bindparam("data"), field_meta=sa.bindparam("field_meta"),
                             version=sa.bindparam("version"), deleted=sa.bindparam("deleted"),
                             updated_seq=sa.bindparam("updated_seq")),
                     [{**dict(zip(_RECORD, u)), "k_table": u[0], "k_row": u[1]} for u in updates])
    insert_many(conn, changes, [v if type(v) is list else [v[k] for k in _STREAM] for v in new_changes], _STREAM)
    if new_rejected:
        conn.execute(rejected_changes.insert(), new_rejected)
    if new_conflicts:
        conn.execute(conflicts.insert(), new_conflicts)
