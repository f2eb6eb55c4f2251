"""Pull pages of a facility's stream, the conflict inbox and its resolution."""
from __future__ import annotations


import sqlalchemy as sa

from care_core.domain.hlc import Clock, Stamp
from care_core.domain.ids import new_id
from care_core import protocol as p

from . import accounts
from .entities import Refusal
from .bulk import among
from .ingest import _CHUNK, Device, Merger, Row, Store, _write, lock_facility, now_iso, now_ms
from .jsontext import dumps, loads
from .tables import changes, conflicts, facilities, records


class CursorAhead(Exception):
    def __init__(self, last_seq: int):
        super().__init__(last_seq)
        self.last_seq = last_seq


class ConflictNotFound(Exception):
    pass


def pull(conn: sa.Connection, device: Device, after: int, limit: int) -> p.PullPage:
    """Changes of the device's facility after ``after``, its own left out.

    The facility's counter is read first and the page is bounded by it:
    every change up to that number has committed (it is written in the
    same transaction as the changes, under the facility lock), so the
    page is a consistent prefix even under READ COMMITTED.
    """
    last = conn.execute(sa.select(facilities.c.last_seq).where(facilities.c.code == device.facility_code)).scalar_one()
    if after > last:
        raise CursorAhead(last)
    found = conn.execute(
        sa.select(changes).where(changes.c.facility_code == device.facility_code,
                                 changes.c.server_seq > after, changes.c.server_seq <= last,
                                 changes.c.origin_device != device.id)
        .order_by(changes.c.server_seq).limit(limit + 1)).all()
    has_more = len(found) > limit
    found = found[:limit]
    cursor = found[-1].server_seq if has_more else last
    rows = _current_rows(conn, {(r.table_name, r.row_id) for r in found})
    page = []
    for r in found:
        data, version, deleted = rows[(r.table_name, r.row_id)]
        # the row's current values of the fields this change touched: applying
        # pages in order converges on the server's state even when a later
        # change (maybe this device's own, left out) won a field
        fields = {k: data.get(k) for k in loads(r.fields)}
        page.append(p.PulledChange(r.server_seq, r.origin_device, r.change_id, r.table_name, r.row_id,
                                   r.op, fields, r.hlc, version, deleted))
    return p.PullPage(page, cursor, has_more, now_ms())


def _current_rows(conn: sa.Connection, keys: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[dict, int, bool]]:
    """(data, version, deleted) of the rows a page names: their values only
    (a page never needs the per-field stamps, a third of a row's bytes)."""
    ids: dict[str, set[str]] = {}
    for table, row_id in keys:
        ids.setdefault(row_id, set()).add(table)
    out = {}
    wanted = sorted(ids)
    for i in range(0, len(wanted), _CHUNK):
        q = sa.select(records.c.table_name, records.c.row_id, records.c.data, records.c.version, records.c.deleted) \
            .where(among(conn, records.c.row_id, wanted[i:i + _CHUNK]))
        for r in conn.execute(q):
            if r.table_name in ids[r.row_id]:
                out[(r.table_name, r.row_id)] = (loads(r.data), r.version, bool(r.deleted))
    return out


def _record(r) -> p.ConflictRecord:
    return p.ConflictRecord(r.id, r.table_name, r.row_id, r.field, loads(r.winning_value), r.winning_hlc,
                            r.winning_device, loads(r.losing_value), r.losing_hlc, r.losing_device,
                            bool(r.resolved), r.server_seq)


def list_conflicts(conn: sa.Connection, facility_code: str, resolved: bool | None,
                   after_id: int, limit: int) -> list[p.ConflictRecord]:
    q = sa.select(conflicts).where(conflicts.c.facility_code == facility_code, conflicts.c.id > after_id)
    if resolved is not None:
        q = q.where(conflicts.c.resolved == resolved)
    return [_record(r) for r in conn.execute(q.order_by(conflicts.c.id).limit(limit))]


def resolve(conn: sa.Connection, device: Device, conflict_id: int, value) -> dict:
    """Make the chosen value a new change (fresh HLC above every stamp of the
    row, fresh server_seq, origin ``server`` so every device pulls it)."""
    last_seq = lock_facility(conn, device.facility_code)
    c = conn.execute(sa.select(conflicts).where(conflicts.c.id == conflict_id,
                                                conflicts.c.facility_code == device.facility_code)).first()
    if c is None:
        raise ConflictNotFound(conflict_id)
    if c.resolved:
        return {"conflict_id": c.id, "server_seq": c.resolution_seq, "already_resolved": True}
    problem = p.field_problem(c.table_name, c.field, value)
    if problem or (c.field == "deleted" and not isinstance(value, bool)):
        raise Refusal(f"Giá trị không hợp lệ: {problem or 'deleted phải là true/false'}.",
                      f"Invalid value: {problem or 'deleted must be true or false'}.")
    store = Store(conn)
    row: Row = store.get(c.table_name, c.row_id)
    meta = row.field_meta(c.field) if c.field != "deleted" else None
    if meta and meta[0] > max(c.winning_hlc, c.losing_hlc) and row.data.get(c.field) != value:
        # the field was edited again after the conflict (by a PC that had
        # seen it, e.g. a renamed account): that edit stands, the stale
        # choice closes the conflict without undoing it
        conn.execute(conflicts.update().where(conflicts.c.id == c.id).values(
            resolved=True, resolved_at=now_iso(), resolved_by=device.id, resolution_seq=row.updated_seq))
        return {"conflict_id": c.id, "server_seq": row.updated_seq, "already_resolved": False}
    stamps = [Stamp.decode(m[0]) for m in row.meta.values() if m and m[0]]
    top = max(stamps, default=Stamp(0, 0, p.SERVER_ORIGIN))
    hlc = Clock(p.SERVER_ORIGIN, last=Stamp(top.wall_ms, top.counter, p.SERVER_ORIGIN)).tick().encode()
    fields = {c.field: value}
    if c.field == "deleted":
        restore = value is False
    else:
        restore = row.deleted and value == loads(c.losing_value)
    if restore:
        fields["deleted"] = False
    if c.table_name == "users":  # a resolution grants nothing a push could not
        what = accounts.grants(row.data, fields)
        if what and not accounts.trusted(conn, device.id):
            raise accounts.untrusted_refusal(what)
        holder = accounts.names_in_use(conn, device.facility_code).get(fields.get("username"), row.row_id)
        if holder != row.row_id:
            raise accounts.taken_refusal(fields["username"])
    version = row.version + 1
    for name, v in fields.items():
        row.data[name] = v
        row.meta[name] = [hlc, p.SERVER_ORIGIN, version]
    row.deleted = bool(row.data.get("deleted", False))
    row.version, row.dirty = version, True
    Merger(store, device.facility_code, device.id)._validate(row.table, row.data, row.row_id)
    seq = last_seq + 1
    row.updated_seq = seq
    _write(conn, store, [{
        "facility_code": device.facility_code, "server_seq": seq, "change_id": new_id(),
        "origin_device": p.SERVER_ORIGIN, "table_name": row.table, "row_id": row.row_id,
        "op": "update", "fields": dumps(fields), "hlc": hlc, "version": version, "deleted": row.deleted,
        "status": "applied", "clock_suspect": False, "received_at": now_iso()}], [], [])
    conn.execute(facilities.update().where(facilities.c.code == device.facility_code).values(last_seq=seq))
    conn.execute(conflicts.update().where(conflicts.c.id == c.id).values(
        resolved=True, resolved_at=now_iso(), resolved_by=device.id, resolution_seq=seq))
    return {"conflict_id": c.id, "server_seq": seq, "already_resolved": False}
