"""The sync wire format, shared by the facility client and the provincial server.

Pure: standard library plus ``msgpack`` and ``zstandard``; no Qt, no SQL.
The full description, with examples, is in ``docs/sync-protocol.md``.

Bodies
------
Every body is one object (a dict) whose shape is checked strictly on decode;
anything else raises ``ProtocolError`` with a reason (the server answers 400).

* Preferred: ``Content-Type: application/x-msgpack`` + ``Content-Encoding: zstd``
  (msgpack of the object, zstd level 15 - measured best size per CPU here; the
  link, not the CPU, is the bottleneck in a facility).
* Also accepted: ``application/json`` with ``Content-Encoding: gzip`` or none,
  and msgpack with no encoding (for tools and tests).
* Compressed bodies are limited to ``MAX_BODY_BYTES``; decompression stops at
  ``MAX_DECODED_BYTES`` (a zip bomb is refused, never expanded in memory).
* ``canonical_json`` (sorted keys, no spaces, UTF-8) is the form used for
  hashing and for measuring wire size against gzip.

Messages
--------
``PushBatch``   device -> server: a batch id (idempotency key), the device
                id, the device-sequence range and up to ``MAX_BATCH_CHANGES``
                ``Change`` rows taken from the outbox (``change_log``).
``PushAnswer``  server -> device: one ``ChangeResult`` per change
                (applied | merged | duplicate | conflict | rejected, with a
                bilingual reason), and the highest device sequence the server
                has recorded for the device.  A retried batch id gets the
                stored answer again, byte for byte in content.
``PullPage``    server -> device: ``PulledChange`` rows of the facility after
                the cursor, ordered by ``server_seq``, the next cursor and
                ``has_more``.
``EnrolRequest`` / ``EnrolAnswer``: a one-time code exchanged for a device
                id and a bearer token (JSON).
``ConflictRecord`` / ``ResolveRequest``: the conflict inbox.
``error_body``  every 4xx/5xx: ``{"error": code, "message_vi", "message_en"}``.

Values inside ``fields`` are JSON scalars: dates as ``YYYY-MM-DD`` strings,
enums as their stored value, booleans, numbers, text or null.  Which tables
and fields may travel is ``SYNCED_SCHEMA`` (kept equal to the client's
``storage/tables.py`` by a test).
"""
from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from dataclasses import dataclass, field
from typing import Any

import msgpack
import zstandard

PROTOCOL_VERSION = 1

MAX_BATCH_CHANGES = 1000
MAX_BODY_BYTES = 2 * 1024 * 1024  # as received (compressed)
MAX_DECODED_BYTES = 16 * 1024 * 1024  # after decompression
MAX_PULL_LIMIT = 1000
DEFAULT_PULL_LIMIT = 500
MAX_DEPTH = 32  # nesting of a decoded body; every message is at most 5 deep
# objects and arrays in one body: a full push or pull page holds about 2,000
# (a dict per change and one for its fields); without a bound, 16 MB of
# msgpack "empty array" bytes would become 16 million lists (1 GB)
MAX_CONTAINERS = 10_000

MSGPACK = "application/x-msgpack"
JSON = "application/json"
ZSTD = "zstd"
GZIP = "gzip"
IDENTITY = "identity"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
GZIP_MAGIC = b"\x1f\x8b"

OPS = ("insert", "update", "delete")
STATUSES = ("applied", "merged", "duplicate", "conflict", "rejected")
# the originating device of a change made by the server itself (conflict resolution)
SERVER_ORIGIN = "server"

# zstd levels: 15 when the link is the bottleneck (rural 256 kbit/s: every
# byte counts), 6 when it is not (4 % more bytes for a third of the CPU:
# on a fast link the PC's time to compress would be the wait)
ZSTD_LEVEL = 15
ZSTD_FAST_LINK_LEVEL = 6
_HLC = re.compile(r"^\d{15}-\d{5}-[^\s]{1,64}$")
_ID_MAX = 64
_TABLE_MAX = 40
_FIELD_MAX = 64
_TEXT_MAX = 20_000


class ProtocolError(ValueError):
    """A body that is not a well-formed message; ``reason`` says why (English,
    for logs and the 400 answer; the bilingual text is in ``error_body``)."""

    def __init__(self, reason: str, code: str = "malformed"):
        super().__init__(reason)
        self.reason = reason
        self.code = code


# --- which tables and fields travel ---------------------------------------
# kind: "str" (with max length), "text", "int", "float", "bool", "date"

def _s(n: int) -> tuple[str, int]:
    return ("str", n)


_T = ("text", _TEXT_MAX)
_I = ("int", 0)
_F = ("float", 0)
_B = ("bool", 0)
_D = ("date", 0)

SYNC_FIELDS: dict[str, tuple[str, int]] = {"deleted": _B}
"""Sync bookkeeping a change may carry in ``fields`` (a delete sets ``deleted``)."""

SYNCED_SCHEMA: dict[str, dict[str, tuple[str, int]]] = {
    "facility": {
        "code": _s(20), "name": _s(200), "type": _s(20), "province_code": _I, "ward_code": _I,
        "address": _s(300), "governing_body": _s(200), "report_recipient": _s(300),
        "report_place": _s(100), "report_symbol": _s(40), "director_name": _s(100),
        "provincial_target_2025": _F, "provincial_target_2030": _F, "auto_lock_minutes": _I,
    },
    "residents": {
        "code": _s(20), "full_name": _s(100), "name_folded": _s(100), "sex": _s(1), "birth_date": _D,
        "groups": _s(60), "cccd": _s(12), "bhyt_number": _s(15), "bhyt_valid_from": _D,
        "bhyt_valid_to": _D, "disability_type": _s(20), "disability_severity": _s(20),
        "admission_date": _D, "discharge_date": _D, "discharge_reason": _s(20), "room": _s(200),
        "next_of_kin_name": _s(200), "next_of_kin_relation": _s(200), "next_of_kin_phone": _s(20),
        "province_code": _I, "ward_code": _I, "address_detail": _s(200), "old_address": _s(500),
        "notes": _T,
    },
    "checkups": {
        "resident_id": _s(36), "checkup_date": _D, "kind": _s(20), "systolic": _I, "diastolic": _I,
        "pulse": _I, "temperature": _F, "spo2": _I, "respiratory_rate": _I, "weight_kg": _F,
        "height_cm": _F, "glucose": _F, "findings": _T, "classification": _I, "next_due_date": _D,
        "examiner": _s(200), "screening": _s(20), "screening_note": _T, "isolation": _B,
        "supersedes_id": _s(36), "voided": _B,
    },
    "conditions": {
        "resident_id": _s(36), "icd10": _s(8), "onset_date": _D, "status": _s(20),
        "follow_up_days": _I, "note": _T,
    },
    "rehab_sessions": {
        "resident_id": _s(36), "session_date": _D, "rehab_type": _s(20), "minutes": _I,
        "therapist": _s(200), "barthel": _I, "note": _T, "supersedes_id": _s(36), "voided": _B,
    },
    "referrals": {
        "resident_id": _s(36), "referral_date": _D, "hospital": _s(200), "reason": _T,
        "icd10": _s(8), "outcome": _s(20), "return_date": _D, "outcome_note": _T,
    },
    "users": {
        "username": _s(32), "full_name": _s(100), "role": _s(20), "password_hash": _s(200),
        "active": _B,
    },
}

INSERT_ONLY_TABLES = frozenset({"checkups", "rehab_sessions"})
"""Clinical events: never updated in place; a correction is a new row that
points at the old one (``supersedes_id``)."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def field_problem(table: str, name: str, value: Any) -> str | None:
    """Why ``value`` cannot be stored in ``table.name`` (English), or None."""
    columns = SYNCED_SCHEMA.get(table)
    if columns is None:
        return f"unknown table {table!r}"
    kind = columns.get(name) or SYNC_FIELDS.get(name)
    if kind is None:
        return f"unknown field {name!r} of {table}"
    if value is None:
        return None
    k, limit = kind
    if k in ("str", "text"):
        if not isinstance(value, str):
            return f"{name} must be text"
        if len(value) > limit:
            return f"{name} is longer than {limit} characters"
    elif k == "int":
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**53:
            return f"{name} must be a whole number"
    elif k == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value \
                or abs(value) > 1e12:
            return f"{name} must be a number"
    elif k == "bool":
        if not isinstance(value, bool):
            return f"{name} must be true or false"
    elif k == "date":
        if not isinstance(value, str) or not _DATE.match(value):
            return f"{name} must be a date YYYY-MM-DD"
    return None


_KINDS: dict[str, dict[str, tuple[str, int]]] = {t: {**cols, **SYNC_FIELDS} for t, cols in SYNCED_SCHEMA.items()}


def fields_fit(table: str, fields: dict[str, Any]) -> bool:
    """True when every field is a known column of ``table`` with a value it
    can hold: the same test as ``field_problem`` in one tight loop (a push
    checks some 15,000 values per batch). False says only "ask
    ``field_problem`` why"; it may be stricter (exact types), never looser."""
    kinds = _KINDS.get(table)
    if kinds is None:
        return False
    for name, value in fields.items():
        kind = kinds.get(name)
        if kind is None:
            return False
        if value is None:
            continue
        k, t = kind[0], type(value)
        if k == "str" or k == "text":
            if t is not str or len(value) > kind[1]:
                return False
        elif k == "int":
            if t is not int or not -2**53 <= value <= 2**53:
                return False
        elif k == "date":
            if t is not str or len(value) != 10 or not _DATE.match(value):
                return False
        elif k == "bool":
            if t is not bool:
                return False
        elif k == "float":
            if (t is not float and t is not int) or not -1e12 <= value <= 1e12:  # NaN fails both
                return False
        else:
            return False
    return True


# --- messages --------------------------------------------------------------

@dataclass
class Change:
    """One outbox row as it travels."""

    change_id: str
    device_seq: int
    table: str
    row_id: str
    op: str
    fields: dict[str, Any]
    base_version: int
    hlc: str


@dataclass
class PushBatch:
    batch_id: str
    device_id: str
    seq_from: int
    seq_to: int
    changes: list[Change]
    v: int = PROTOCOL_VERSION
    compact_answer: bool = False  # answer in the compact form (see answer_to_dict); older servers ignore it


@dataclass
class ChangeResult:
    change_id: str
    status: str  # one of STATUSES
    server_seq: int | None = None  # where the change landed in the facility's stream
    reason_vi: str = ""
    reason_en: str = ""
    conflict_fields: list[str] = field(default_factory=list)  # fields that lost or collided
    clock_suspect: bool = False  # its HLC was implausibly far ahead of the server
    # the row's server version after this change (for a duplicate: after the
    # change when it was first applied); 0 when rejected or from an older server.
    # Pulls leave a device's own changes out, so this is how a PC learns the
    # server version of a row it wrote last.
    version: int = 0


@dataclass
class PushAnswer:
    batch_id: str
    results: list[ChangeResult]
    highest_seq_applied: int  # highest device_seq the server holds for this device
    server_time_ms: int = 0  # the server's clock, for the device's HLC
    v: int = PROTOCOL_VERSION


@dataclass
class PulledChange:
    server_seq: int
    origin_device: str  # device id, or SERVER_ORIGIN for a resolution
    change_id: str
    table: str
    row_id: str
    op: str
    fields: dict[str, Any]  # only the fields that took effect on the server
    hlc: str
    version: int  # the row's server version after this change
    deleted: bool = False


@dataclass
class PullPage:
    changes: list[PulledChange]
    cursor: int  # ask for after=cursor next; equals the last server_seq looked at
    has_more: bool
    server_time_ms: int = 0
    v: int = PROTOCOL_VERSION


@dataclass
class EnrolRequest:
    code: str
    device_name: str = ""


@dataclass
class EnrolAnswer:
    device_id: str
    token: str  # shown once; the server keeps only its hash
    facility_code: str
    facility_name: str
    province_code: int | None = None
    # 1-based ordinal of this device among the facility's enrolled devices,
    # given at enrolment and never reused (0 from an older server); a PC that
    # joins a facility numbers its residents DT<n>-00001 ... with it
    device_number: int = 0


@dataclass
class ConflictRecord:
    id: int
    table: str
    row_id: str
    field: str
    winning_value: Any
    winning_hlc: str
    winning_device: str
    losing_value: Any
    losing_hlc: str
    losing_device: str
    resolved: bool
    server_seq: int  # position in the facility's stream when recorded


@dataclass
class ResolveRequest:
    value: Any  # the value a person chose (usually the winning or the losing one)


def error_body(code: str, message_vi: str, message_en: str) -> dict[str, str]:
    return {"error": code, "message_vi": message_vi, "message_en": message_en}


# --- bytes -----------------------------------------------------------------

def canonical_json(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _media(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def encode_body(obj: dict, content_type: str = MSGPACK, level: int = ZSTD_LEVEL) -> tuple[bytes, dict[str, str]]:
    """Serialise and compress; returns the body and the headers to send with it."""
    if content_type == MSGPACK:
        raw = msgpack.packb(obj, use_bin_type=True)
        return (zstandard.ZstdCompressor(level=level).compress(raw),
                {"Content-Type": MSGPACK, "Content-Encoding": ZSTD})
    if content_type == JSON:
        return (gzip.compress(canonical_json(obj), compresslevel=6, mtime=0),
                {"Content-Type": JSON, "Content-Encoding": GZIP})
    raise ValueError(f"unsupported content type {content_type}")


def _bounded_zstd(data: bytes, limit: int = MAX_DECODED_BYTES) -> bytes:
    try:
        reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data))
        out = reader.read(limit + 1)
        # read() may stop at a frame boundary; keep reading up to the bound
        while out and len(out) <= limit:
            more = reader.read(limit + 1 - len(out))
            if not more:
                break
            out += more
    except zstandard.ZstdError as exc:
        raise ProtocolError(f"body is not valid zstd: {exc}") from None
    if len(out) > limit:
        raise ProtocolError(f"body expands beyond {limit} bytes", "too-large")
    return out


def _bounded_gzip(data: bytes, limit: int = MAX_DECODED_BYTES) -> bytes:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as exc:
        raise ProtocolError(f"body is not valid gzip: {exc}") from None
    if len(out) > limit or d.unconsumed_tail:
        raise ProtocolError(f"body expands beyond {limit} bytes", "too-large")
    if not d.eof:
        raise ProtocolError("gzip body is truncated")
    return out


def decode_body(body: bytes, content_type: str | None, content_encoding: str | None,
                check_text: bool = True, max_decoded: int = MAX_DECODED_BYTES) -> dict:
    """Bytes -> object, with size and depth guards. Raises ``ProtocolError``.
    ``check_text``: refuse NUL and unpaired surrogates (``check_tree``); a
    PC reading the server's answers passes False, since rows stored before
    the server refused them may hold a NUL, and refusing the page that
    carries one would stop that PC's sync for good. ``max_decoded``: the
    bound after decompression (smaller for the small messages)."""
    if len(body) > MAX_BODY_BYTES:
        raise ProtocolError(f"body is larger than {MAX_BODY_BYTES} bytes", "too-large")
    media = _media(content_type)
    if media not in (MSGPACK, JSON):
        raise ProtocolError(f"content type must be {MSGPACK} or {JSON}", "unsupported-media-type")
    encoding = (content_encoding or IDENTITY).strip().lower()
    # HTTP libraries (urllib3 under requests, httpx) undo Content-Encoding
    # themselves and keep the header: a body without the codec's magic
    # bytes has already been decoded.
    if (encoding == ZSTD and not body.startswith(ZSTD_MAGIC)) or \
            (encoding == GZIP and not body.startswith(GZIP_MAGIC)):
        encoding = IDENTITY
    if encoding == ZSTD:
        raw = _bounded_zstd(body, max_decoded)
    elif encoding == GZIP:
        raw = _bounded_gzip(body, max_decoded)
    elif encoding == IDENTITY:
        raw = body
    else:
        raise ProtocolError("content encoding must be zstd, gzip or identity", "unsupported-media-type")
    # surrogatepass: an encoded lone surrogate decodes, so that check_tree
    # can name the field that holds it instead of a bare "not valid"
    try:
        if media == MSGPACK:
            counted = _ContainerCount()
            obj = msgpack.unpackb(raw, raw=False, strict_map_key=True, unicode_errors="surrogatepass",
                                  list_hook=counted, object_hook=counted,
                                  max_array_len=MAX_CONTAINERS, max_map_len=MAX_CONTAINERS)
        else:
            text = raw.decode("utf-8", "surrogatepass")
            _check_json_brackets(text)
            obj = json.loads(text, parse_constant=_not_json)
    except (ValueError, TypeError, RecursionError, msgpack.ExtraData, msgpack.FormatError,
            msgpack.StackError) as exc:  # ProtocolError is a ValueError: raised again as it is
        if isinstance(exc, ProtocolError):
            raise
        raise ProtocolError(f"body is not valid {media}: {exc.__class__.__name__}") from None
    if not isinstance(obj, dict):
        raise ProtocolError("body must be an object")
    check_tree(obj, check_text)
    return obj


def _not_json(name: str):
    raise ValueError(f"{name} is not JSON")  # the standard library would read NaN and Infinity


_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)  # a string, or a bracket


def _too_many_containers() -> ProtocolError:
    return ProtocolError(f"body holds more than {MAX_CONTAINERS} objects and arrays", "too-large")


class _ContainerCount:
    """msgpack's hook for each array and map: counts them, refusing the
    body as soon as there are too many (before they all exist)."""

    def __init__(self):
        self.left = MAX_CONTAINERS

    def __call__(self, container):
        self.left -= 1
        if self.left < 0:
            raise _too_many_containers()
        return container


def _check_json_brackets(text: str) -> None:
    """Refuse JSON text that nests deeper than ``MAX_DEPTH`` or opens more
    than ``MAX_CONTAINERS`` objects and arrays, from its brackets outside
    strings: before the parser recurses into it (the standard library's
    parser recurses once per level) or builds any of it. One match at a
    time, so the scan itself needs no memory."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return  # neither bound can be passed
    depth = containers = 0
    for match in _JSON_TOKEN.finditer(text):
        ch = match.group()
        if ch == "[" or ch == "{":
            depth += 1
            containers += 1
            if depth > MAX_DEPTH:
                raise ProtocolError(f"body is nested more than {MAX_DEPTH} levels deep", "too-deep")
            if containers > MAX_CONTAINERS:
                raise _too_many_containers()
        elif ch == "]" or ch == "}":
            depth -= 1


_BAD_TEXT = re.compile("[\x00\ud800-\udfff]")


def _text_problem(value: str) -> str | None:
    found = _BAD_TEXT.search(value)
    if found is None:
        return None
    if found.group() == "\x00":
        return "contains a NUL character"
    return "contains an unpaired surrogate (not valid Unicode)"


def check_tree(obj: Any, check_text: bool = True) -> None:
    """Refuse a decoded body nested deeper than ``MAX_DEPTH`` or holding text
    that no database column can store (NUL, unpaired surrogates), naming
    where. Iterative: a hostile body cannot exhaust the stack."""
    stack = [(obj, 1, "body")]
    while stack:
        node, depth, where = stack.pop()
        if depth > MAX_DEPTH:
            raise ProtocolError(f"body is nested more than {MAX_DEPTH} levels deep", "too-deep")
        items = node.items() if type(node) is dict else enumerate(node)
        if not check_text:
            stack.extend((v, depth + 1, _path(where, k)) for k, v in items if type(v) is dict or type(v) is list)
            continue
        for key, value in items:
            if type(key) is str:
                problem = _text_problem(key)
                if problem:
                    raise ProtocolError(f"{where}: a name {problem}", "bad-text")
            t = type(value)
            if t is str:
                if not value.isascii():
                    problem = _text_problem(value)
                elif "\x00" in value:
                    problem = "contains a NUL character"
                else:
                    continue
                if problem:
                    raise ProtocolError(f"{_path(where, key)} {problem}", "bad-text")
            elif t is dict or t is list:
                stack.append((value, depth + 1, _path(where, key)))


def _path(where: str, key) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where != "body" else str(key)


# --- shape checks ----------------------------------------------------------

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
    if not (_plain_id(change_id) and _plain_count(device_seq, 1) and _plain_id(table, _TABLE_MAX)
            and _plain_id(row_id) and op in OPS and type(op) is str and _plain_count(base_version, 0)
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
    changes = [change_from_dict(c, f"change {i}") for i, c in enumerate(raw)]
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


# --- the pairs the client and server call -----------------------------------

def to_dict(message) -> Any:
    """A message as plain data. ``dataclasses.asdict`` deep-copies every value
    and costs more than encoding a 500-change batch; messages are flat, so a
    walk over their fields is enough."""
    if hasattr(message, "__dataclass_fields__"):
        return {name: to_dict(getattr(message, name)) for name in message.__dataclass_fields__}
    if isinstance(message, list):
        return [to_dict(item) for item in message]
    if isinstance(message, dict):
        return dict(message)
    return message


def batch_to_dict(batch: PushBatch) -> dict:
    """A batch as plain data, built directly (the generic walk of ``to_dict``
    cost more than msgpack itself for 500 changes)."""
    out = {"batch_id": batch.batch_id, "device_id": batch.device_id, "seq_from": batch.seq_from,
           "seq_to": batch.seq_to,
           "changes": [{"change_id": c.change_id, "device_seq": c.device_seq, "table": c.table, "row_id": c.row_id,
                        "op": c.op, "fields": c.fields, "base_version": c.base_version, "hlc": c.hlc}
                       for c in batch.changes],
           "v": batch.v}
    if batch.compact_answer:
        out["compact_answer"] = True
    return out


def encode_push(batch: PushBatch, content_type: str = MSGPACK, level: int = ZSTD_LEVEL) -> tuple[bytes, dict[str, str]]:
    return encode_body(batch_to_dict(batch), content_type, level)


def decode_push(body: bytes, content_type: str | None, content_encoding: str | None) -> PushBatch:
    return batch_from_dict(decode_body(body, content_type, content_encoding))


def encode_answer(answer: PushAnswer, content_type: str = MSGPACK, compact: bool = False) -> tuple[bytes, dict[str, str]]:
    return encode_body(answer_to_dict(answer, compact), content_type)


def decode_answer(body: bytes, content_type: str | None, content_encoding: str | None,
                  change_ids: list[str] | None = None) -> PushAnswer:
    return answer_from_dict(decode_body(body, content_type, content_encoding, check_text=False), change_ids)


def encode_page(page: PullPage, content_type: str = MSGPACK) -> tuple[bytes, dict[str, str]]:
    return encode_body(to_dict(page), content_type)


def decode_page(body: bytes, content_type: str | None, content_encoding: str | None) -> PullPage:
    return page_from_dict(decode_body(body, content_type, content_encoding, check_text=False))


def changes_canonical_json(changes: list[Change]) -> bytes:
    """The yardstick for wire size: the changes alone as canonical JSON."""
    return canonical_json([to_dict(c) for c in changes])
