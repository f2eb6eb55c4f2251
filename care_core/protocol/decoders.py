"""Plain data -> messages, checking every shape strictly; a fast path for
the common change and the compact push answer."""
from __future__ import annotations

from typing import Any

from .limits import (_FIELD_MAX, _HLC, _ID_MAX, _TABLE_MAX, _TEXT_MAX, MAX_BATCH_CHANGES, OPS,
                     PROTOCOL_VERSION, STATUSES, ProtocolError)
from .messages import (Change, ChangeResult, ConflictRecord, EnrolAnswer, EnrolRequest, PulledChange,
                       PullPage, PushAnswer, PushBatch, to_dict)
from .schema import SYNCED_SCHEMA, fields_fit


def _get(obj: dict, key: str, kinds, where: str, optional=False, default=None):
    if key not in obj:
        if optional:
            return default
        raise ProtocolError(f"{where}: missing {key!r}")
    value = obj[key]
    if isinstance(value, bool) and bool not in (kinds if isinstance(kinds, tuple) else (kinds,)):
        raise ProtocolError(f"{where}: {key!r} has the wrong type")
    if not isinstance(value, kinds):
        raise ProtocolError(f"{where}: {key!r} has the wrong type")
    return value


def _ident(obj, key, where, max_len=_ID_MAX) -> str:
    value = _get(obj, key, str, where)
    if not value or len(value) > max_len or not value.isprintable() or value != value.strip():
        raise ProtocolError(f"{where}: {key!r} must be 1-{max_len} printable characters")
    return value


def _count(obj, key, where, low=0, optional=False) -> int:
    value = _get(obj, key, int, where, optional=optional, default=low)
    if value < low or value > 2**62:
        raise ProtocolError(f"{where}: {key!r} out of range")
    return value


def _scalar_fields(obj, where) -> dict[str, Any]:
    fields = _get(obj, "fields", dict, where)
    for name, value in fields.items():
        if not isinstance(name, str) or not name or len(name) > _FIELD_MAX:
            raise ProtocolError(f"{where}: field names must be short text")
        if value is not None and not isinstance(value, (str, int, float, bool)):
            raise ProtocolError(f"{where}: field {name!r} must be a scalar")
        if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
            raise ProtocolError(f"{where}: field {name!r} is not a finite number")
        if isinstance(value, str) and len(value) > _TEXT_MAX:
            raise ProtocolError(f"{where}: field {name!r} is too long")
    return fields


def _hlc(obj, where) -> str:
    value = _get(obj, "hlc", str, where)
    if not _HLC.match(value):
        raise ProtocolError(f"{where}: 'hlc' is not a hybrid-logical-clock stamp")
    return value


def _op(obj, where) -> str:
    op = _get(obj, "op", str, where)
    if op not in OPS:
        raise ProtocolError(f"{where}: 'op' must be one of {', '.join(OPS)}")
    return op


def _version(obj, where):
    v = obj.get("v", PROTOCOL_VERSION)
    if v != PROTOCOL_VERSION:
        raise ProtocolError(f"protocol version {v!r} is not supported (expected {PROTOCOL_VERSION})",
                            "unsupported-version")


def _plain_id(value, max_len=_ID_MAX) -> bool:
    return type(value) is str and 0 < len(value) <= max_len and value.isprintable() and value == value.strip()


_TABLES = frozenset(t for t in SYNCED_SCHEMA if _plain_id(t, _TABLE_MAX))  # the synced tables' names: plain ids


def _plain_count(value, low: int) -> bool:
    return type(value) is int and low <= value <= 2**62


def _plain_fields(fields) -> bool:
    if type(fields) is not dict:
        return False
    for name, value in fields.items():
        if type(name) is not str or not 0 < len(name) <= _FIELD_MAX:
            return False
        t = type(value)
        if t is str:
            if len(value) > _TEXT_MAX:
                return False
        elif t is float:
            if value != value or value in (float("inf"), float("-inf")):
                return False
        elif value is not None and t is not int and t is not bool:
            return False
    return True


def _change_fast(obj: dict) -> Change | None:
    """The common case in one pass (a 500-change batch is 4,000 checks);
    None sends anything unusual to the careful path, which says what is wrong."""
    try:
        change_id, device_seq, table, row_id = obj["change_id"], obj["device_seq"], obj["table"], obj["row_id"]
        op, fields, base_version, hlc = obj["op"], obj["fields"], obj["base_version"], obj["hlc"]
    except KeyError:
        return None
    # _plain_id and _plain_count, written out (three calls a change showed up)
    if not (type(change_id) is str and 0 < len(change_id) <= _ID_MAX and change_id.isprintable()
            and change_id == change_id.strip()
            and type(device_seq) is int and 1 <= device_seq <= 2**62
            and ((type(table) is str and table in _TABLES) or _plain_id(table, _TABLE_MAX))
            and type(row_id) is str and 0 < len(row_id) <= _ID_MAX and row_id.isprintable() and row_id == row_id.strip()
            and op in OPS and type(op) is str and type(base_version) is int and 0 <= base_version <= 2**62
            and type(hlc) is str and _HLC.match(hlc) and type(fields) is dict):
        return None
    fits = fields_fit(table, fields)  # implies _plain_fields, and the server need not ask again
    if not fits and not _plain_fields(fields):
        return None
    change = Change(change_id, device_seq, table, row_id, op, fields, base_version, hlc)
    if fits:
        change._fields_fit = True  # a memo of this decode, not part of the message
    return change


def change_from_dict(obj: Any, where="change") -> Change:
    if type(obj) is dict:
        fast = _change_fast(obj)
        if fast is not None:
            return fast
    if not isinstance(obj, dict):
        raise ProtocolError(f"{where}: must be an object")
    return Change(
        change_id=_ident(obj, "change_id", where),
        device_seq=_count(obj, "device_seq", where, low=1),
        table=_ident(obj, "table", where, _TABLE_MAX),
        row_id=_ident(obj, "row_id", where),
        op=_op(obj, where),
        fields=_scalar_fields(obj, where),
        base_version=_count(obj, "base_version", where),
        hlc=_hlc(obj, where),
    )


def batch_from_dict(obj: dict) -> PushBatch:
    _version(obj, "batch")
    raw = _get(obj, "changes", list, "batch")
    if len(raw) > MAX_BATCH_CHANGES:
        raise ProtocolError(f"a batch carries at most {MAX_BATCH_CHANGES} changes", "too-many-changes")
    changes = []
    for i, c in enumerate(raw):  # the common change without naming where it is (a string per change)
        fast = _change_fast(c) if type(c) is dict else None
        changes.append(fast if fast is not None else change_from_dict(c, f"change {i}"))
    batch = PushBatch(
        batch_id=_ident(obj, "batch_id", "batch"),
        device_id=_ident(obj, "device_id", "batch"),
        seq_from=_count(obj, "seq_from", "batch"),
        seq_to=_count(obj, "seq_to", "batch"),
        changes=changes,
        compact_answer=_get(obj, "compact_answer", bool, "batch", optional=True, default=False),
    )
    if batch.seq_from > batch.seq_to:
        raise ProtocolError("batch: seq_from is after seq_to")
    for c in changes:
        if not batch.seq_from <= c.device_seq <= batch.seq_to:
            raise ProtocolError(f"batch: change {c.change_id} has device_seq outside seq_from..seq_to")
    ids = [c.change_id for c in changes]
    if len(set(ids)) != len(ids):
        raise ProtocolError("batch: a change id appears twice")
    return batch


def _result_from_dict(r: Any, where: str, change_id: str | None = None) -> ChangeResult:
    if not isinstance(r, dict):
        raise ProtocolError(f"{where}: must be an object")
    status = _get(r, "status", str, where)
    if status not in STATUSES:
        raise ProtocolError(f"{where}: unknown status {status!r}")
    seq = r.get("server_seq")
    if seq is not None and (isinstance(seq, bool) or not isinstance(seq, int)):
        raise ProtocolError(f"{where}: 'server_seq' has the wrong type")
    named = _ident(r, "change_id", where) if change_id is None or "change_id" in r else change_id
    if change_id is not None and named != change_id:
        raise ProtocolError(f"{where}: answers change {named}, not {change_id} of the batch")
    return ChangeResult(
        change_id=named, status=status, server_seq=seq,
        reason_vi=_get(r, "reason_vi", str, where, optional=True, default=""),
        reason_en=_get(r, "reason_en", str, where, optional=True, default=""),
        conflict_fields=list(_get(r, "conflict_fields", list, where, optional=True, default=[])),
        clock_suspect=_get(r, "clock_suspect", bool, where, optional=True, default=False),
        version=_count(r, "version", where, optional=True),
    )


_STATUS_CODE = {"applied": "a", "merged": "m", "duplicate": "d", "conflict": "c", "rejected": "r"}
_CODE_STATUS = {v: k for k, v in _STATUS_CODE.items()}


def answer_to_dict(answer: PushAnswer, compact: bool = False, with_ids: bool = False) -> dict:
    """A push answer as plain data, in the full form (one object per change,
    with its id) or the compact one a client asks for with
    ``compact_answer``. The compact form leans on the batch the client
    holds: results in batch order, no change ids (random UUIDs are most of
    a full answer's bytes and do not compress), columns instead of objects:

    ``status``  one letter per change: a(pplied) m(erged) d(uplicate)
                c(onflict) r(ejected);
    ``seq``     server_seq per change as the difference from the previous
                non-null one (so a run of new changes is 1, 1, 1 ...), null
                when there is none;
    ``ver``     the row's server version per change (0 when rejected);
    ``extra``   for a change with more to say (a reason, conflict fields,
                a suspect clock): ``{"i": index, "change_id", ...}``, with
                the id so the client can check it pairs answers right.

    ``with_ids`` adds ``change_ids`` (the server keeps its stored answers so,
    self-contained)."""
    if not compact:
        return to_dict(answer)
    status, seqs, versions, extra = [], [], [], []
    previous = 0
    for i, r in enumerate(answer.results):
        status.append(_STATUS_CODE[r.status])
        if r.server_seq is None:
            seqs.append(None)
        else:
            seqs.append(r.server_seq - previous)
            previous = r.server_seq
        versions.append(r.version)
        if r.reason_vi or r.reason_en or r.conflict_fields or r.clock_suspect:
            more = {"i": i, "change_id": r.change_id}
            if r.reason_vi or r.reason_en:
                more.update(reason_vi=r.reason_vi, reason_en=r.reason_en)
            if r.conflict_fields:
                more["conflict_fields"] = list(r.conflict_fields)
            if r.clock_suspect:
                more["clock_suspect"] = True
            extra.append(more)
    out = {"v": answer.v, "batch_id": answer.batch_id, "highest_seq_applied": answer.highest_seq_applied,
           "server_time_ms": answer.server_time_ms, "status": "".join(status), "seq": seqs, "ver": versions,
           "extra": extra}
    if with_ids:
        out["change_ids"] = [r.change_id for r in answer.results]
    return out


def _compact_results(obj: dict, change_ids: list[str] | None) -> list[ChangeResult]:
    ids = obj.get("change_ids", change_ids)
    status = _get(obj, "status", str, "answer")
    seqs = _get(obj, "seq", list, "answer")
    versions = _get(obj, "ver", list, "answer")
    extra = _get(obj, "extra", list, "answer", optional=True, default=[])
    if ids is None:
        raise ProtocolError("answer: a compact answer is read with the batch's change ids")
    if not isinstance(ids, list) or not len(status) == len(seqs) == len(versions) == len(ids):
        raise ProtocolError("answer: a compact answer must have one status, seq and version per change")
    by_index: dict[int, dict] = {}
    for more in extra:
        i = more.get("i") if isinstance(more, dict) else None
        if isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < len(ids) or i in by_index:
            raise ProtocolError("answer: 'extra' names a change outside the batch")
        by_index[i] = more
    results = []
    previous = 0
    for i, code in enumerate(status):
        where = f"result {i}"
        if code not in _CODE_STATUS:
            raise ProtocolError(f"{where}: unknown status {code!r}")
        delta, version = seqs[i], versions[i]
        if delta is None:
            seq = None
        elif isinstance(delta, bool) or not isinstance(delta, int):
            raise ProtocolError(f"{where}: 'seq' has the wrong type")
        else:
            seq = previous = previous + delta
        if isinstance(version, bool) or not isinstance(version, int) or version < 0:
            raise ProtocolError(f"{where}: 'ver' has the wrong type")
        change_id = ids[i]
        if not isinstance(change_id, str):
            raise ProtocolError(f"{where}: change id must be text")
        more = by_index.get(i)
        if more is None:
            results.append(ChangeResult(change_id, _CODE_STATUS[code], seq, version=version))
        else:
            results.append(_result_from_dict({**more, "status": _CODE_STATUS[code], "server_seq": seq,
                                              "version": version}, where, change_id))
    return results


def answer_from_dict(obj: dict, change_ids: list[str] | None = None) -> PushAnswer:
    """Either form of a push answer; the compact one needs the batch's change
    ids in order (``change_ids``) unless it carries them."""
    _version(obj, "answer")
    if "results" in obj:
        results = [_result_from_dict(r, f"result {i}") for i, r in enumerate(_get(obj, "results", list, "answer"))]
    else:
        results = _compact_results(obj, change_ids)
    return PushAnswer(
        batch_id=_ident(obj, "batch_id", "answer"), results=results,
        highest_seq_applied=_count(obj, "highest_seq_applied", "answer"),
        server_time_ms=_count(obj, "server_time_ms", "answer", optional=True),
    )


def pulled_from_dict(obj: Any, where: str) -> PulledChange:
    if not isinstance(obj, dict):
        raise ProtocolError(f"{where}: must be an object")
    return PulledChange(
        server_seq=_count(obj, "server_seq", where, low=1),
        origin_device=_ident(obj, "origin_device", where),
        change_id=_ident(obj, "change_id", where),
        table=_ident(obj, "table", where, _TABLE_MAX),
        row_id=_ident(obj, "row_id", where),
        op=_op(obj, where),
        fields=_scalar_fields(obj, where),
        hlc=_hlc(obj, where),
        version=_count(obj, "version", where),
        deleted=_get(obj, "deleted", bool, where, optional=True, default=False),
    )


def page_from_dict(obj: dict) -> PullPage:
    _version(obj, "page")
    changes = [pulled_from_dict(c, f"pulled {i}") for i, c in enumerate(_get(obj, "changes", list, "page"))]
    page = PullPage(changes=changes, cursor=_count(obj, "cursor", "page"),
                    has_more=_get(obj, "has_more", bool, "page"),
                    server_time_ms=_count(obj, "server_time_ms", "page", optional=True))
    seqs = [c.server_seq for c in changes]
    if seqs != sorted(set(seqs)) or (seqs and page.cursor < seqs[-1]):
        raise ProtocolError("page: server_seq must increase and the cursor cover the page")
    return page


def enrol_request_from_dict(obj: dict) -> EnrolRequest:
    code = _get(obj, "code", str, "enrolment").strip()
    if not code or len(code) > 64:
        raise ProtocolError("enrolment: 'code' must be 1-64 characters")
    name = _get(obj, "device_name", str, "enrolment", optional=True, default="")
    if len(name) > 100:
        raise ProtocolError("enrolment: 'device_name' is longer than 100 characters")
    return EnrolRequest(code=code, device_name=name)


def enrol_answer_from_dict(obj: dict) -> EnrolAnswer:
    province = obj.get("province_code")
    if province is not None and (isinstance(province, bool) or not isinstance(province, int)):
        raise ProtocolError("enrolment answer: 'province_code' has the wrong type")
    return EnrolAnswer(
        device_id=_ident(obj, "device_id", "enrolment answer"),
        token=_ident(obj, "token", "enrolment answer", 128),
        facility_code=_ident(obj, "facility_code", "enrolment answer", 20),
        facility_name=_get(obj, "facility_name", str, "enrolment answer"),
        province_code=province,
        device_number=_count(obj, "device_number", "enrolment answer", optional=True),
    )


def conflict_from_dict(obj: Any) -> ConflictRecord:
    if not isinstance(obj, dict):
        raise ProtocolError("conflict: must be an object")
    w = "conflict"
    return ConflictRecord(
        id=_count(obj, "id", w, low=1), table=_ident(obj, "table", w, _TABLE_MAX),
        row_id=_ident(obj, "row_id", w), field=_ident(obj, "field", w, _FIELD_MAX),
        winning_value=obj.get("winning_value"), winning_hlc=_get(obj, "winning_hlc", str, w),
        winning_device=_get(obj, "winning_device", str, w),
        losing_value=obj.get("losing_value"), losing_hlc=_get(obj, "losing_hlc", str, w),
        losing_device=_get(obj, "losing_device", str, w),
        resolved=_get(obj, "resolved", bool, w), server_seq=_count(obj, "server_seq", w),
    )
