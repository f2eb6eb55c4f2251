"""OpenAPI descriptions of the bodies FastAPI does not parse itself.

The sync bodies are decoded by ``care_core.protocol`` (msgpack+zstd
or JSON), so each operation declares its request and answer shapes here.
The JSON schemas describe the decoded object; the msgpack form carries the
same object.
"""
from __future__ import annotations

from care_core import protocol as p

_SCALAR = {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "boolean"}, {"type": "null"}]}
_ID = {"type": "string", "minLength": 1, "maxLength": 64}
_HLC = {"type": "string", "pattern": r"^\d{15}-\d{5}-[^\s]{1,64}$"}

ERROR = {
    "type": "object", "required": ["error", "message_vi", "message_en"],
    "properties": {"error": {"type": "string"}, "message_vi": {"type": "string"},
                   "message_en": {"type": "string"}},
}

CHANGE = {
    "type": "object",
    "required": ["change_id", "device_seq", "table", "row_id", "op", "fields", "base_version", "hlc"],
    "properties": {
        "change_id": _ID, "device_seq": {"type": "integer", "minimum": 1},
        "table": {"type": "string", "enum": sorted(p.SYNCED_SCHEMA)}, "row_id": _ID,
        "op": {"type": "string", "enum": list(p.OPS)},
        "fields": {"type": "object", "additionalProperties": _SCALAR},
        "base_version": {"type": "integer", "minimum": 0}, "hlc": _HLC,
    },
}

PUSH_BATCH = {
    "type": "object", "required": ["batch_id", "device_id", "seq_from", "seq_to", "changes"],
    "properties": {
        "v": {"type": "integer", "enum": [p.PROTOCOL_VERSION]}, "batch_id": _ID, "device_id": _ID,
        "seq_from": {"type": "integer", "minimum": 0}, "seq_to": {"type": "integer", "minimum": 0},
        "changes": {"type": "array", "maxItems": p.MAX_BATCH_CHANGES, "items": CHANGE},
        "compact_answer": {"type": "boolean", "description": "answer in the compact form"},
    },
}

PUSH_ANSWER_FULL = {
    "type": "object", "required": ["batch_id", "results", "highest_seq_applied"],
    "properties": {
        "v": {"type": "integer"}, "batch_id": _ID, "highest_seq_applied": {"type": "integer"},
        "server_time_ms": {"type": "integer"},
        "results": {"type": "array", "items": {
            "type": "object", "required": ["change_id", "status"],
            "properties": {
                "change_id": _ID, "status": {"type": "string", "enum": list(p.STATUSES)},
                "server_seq": {"type": ["integer", "null"]}, "reason_vi": {"type": "string"},
                "reason_en": {"type": "string"}, "conflict_fields": {"type": "array", "items": {"type": "string"}},
                "clock_suspect": {"type": "boolean"}, "version": {"type": "integer", "minimum": 0}}}},
    },
}

PUSH_ANSWER_COMPACT = {
    "type": "object", "required": ["batch_id", "highest_seq_applied", "status", "seq", "ver"],
    "description": "results in batch order, no change ids (docs/sync-protocol.md, 'Compact answer')",
    "properties": {
        "v": {"type": "integer"}, "batch_id": _ID, "highest_seq_applied": {"type": "integer"},
        "server_time_ms": {"type": "integer"},
        "status": {"type": "string", "pattern": "^[amdcr]*$"},
        "seq": {"type": "array", "items": {"type": ["integer", "null"]}},
        "ver": {"type": "array", "items": {"type": "integer", "minimum": 0}},
        "extra": {"type": "array", "items": {"type": "object", "required": ["i", "change_id"]}},
    },
}

PUSH_ANSWER = {"oneOf": [PUSH_ANSWER_FULL, PUSH_ANSWER_COMPACT]}

PULL_PAGE = {
    "type": "object", "required": ["changes", "cursor", "has_more"],
    "properties": {
        "v": {"type": "integer"}, "cursor": {"type": "integer"}, "has_more": {"type": "boolean"},
        "server_time_ms": {"type": "integer"},
        "changes": {"type": "array", "items": {
            "type": "object",
            "properties": {"server_seq": {"type": "integer"}, "origin_device": {"type": "string"},
                           "change_id": _ID, "table": {"type": "string"}, "row_id": _ID,
                           "op": {"type": "string"}, "fields": {"type": "object"}, "hlc": {"type": "string"},
                           "version": {"type": "integer"}, "deleted": {"type": "boolean"}}}},
    },
}

ENROL_REQUEST = {
    "type": "object", "required": ["code"],
    "properties": {"code": {"type": "string", "minLength": 1, "maxLength": 64},
                   "device_name": {"type": "string", "maxLength": 100}},
}

ENROL_ANSWER = {
    "type": "object", "required": ["device_id", "token", "facility_code", "facility_name"],
    "properties": {"device_id": {"type": "string"}, "token": {"type": "string"},
                   "facility_code": {"type": "string"}, "facility_name": {"type": "string"},
                   "province_code": {"type": ["integer", "null"]},
                   "device_number": {"type": "integer", "minimum": 1}},
}

CONFLICTS = {
    "type": "object", "required": ["conflicts"],
    "properties": {"conflicts": {"type": "array", "items": {"type": "object"}}},
}

RESOLVE_REQUEST = {"type": "object", "required": ["value"], "properties": {"value": _SCALAR}}

RESOLVE_ANSWER = {
    "type": "object", "required": ["conflict_id", "server_seq"],
    "properties": {"conflict_id": {"type": "integer"}, "server_seq": {"type": "integer"},
                   "already_resolved": {"type": "boolean"}},
}

_BINARY = {"type": "string", "format": "binary"}


def _errors(*codes: int) -> dict:
    return {str(c): {"description": "error", "content": {"application/json": {"schema": ERROR}}} for c in codes}


def body(schema: dict, msgpack: bool = True, description: str = "") -> dict:
    content = {"application/json": {"schema": schema}}
    if msgpack:
        content[p.MSGPACK] = {"schema": _BINARY}
    return {"required": True, "description": description, "content": content}


def answer(schema: dict, msgpack: bool = True, description: str = "OK") -> dict:
    content = {"application/json": {"schema": schema}}
    if msgpack:
        content[p.MSGPACK] = {"schema": _BINARY}
    return {"description": description, "content": content}


PUSH = {
    "requestBody": body(PUSH_BATCH, description=(
        "A PushBatch: msgpack + Content-Encoding zstd (preferred), or JSON with "
        "Content-Encoding gzip or none. See docs/sync-protocol.md.")),
    "responses": {"200": answer(PUSH_ANSWER, description="One result per change; answered in the request's format"),
                  **_errors(400, 401, 403, 409, 413, 415, 429)},
}
PULL = {"responses": {"200": answer(PULL_PAGE, description="msgpack+zstd when Accept names application/x-msgpack"),
                      **_errors(401, 409, 422, 429)}}
ENROL = {"requestBody": body(ENROL_REQUEST, msgpack=False),
         "responses": {"200": answer(ENROL_ANSWER, msgpack=False), **_errors(400, 409, 410, 413, 415)}}
CONFLICT_LIST = {"responses": {"200": answer(CONFLICTS, msgpack=False), **_errors(401, 422, 429)}}
RESOLVE = {"requestBody": body(RESOLVE_REQUEST, msgpack=False),
           "responses": {"200": answer(RESOLVE_ANSWER, msgpack=False), **_errors(400, 401, 404, 413, 415, 422, 429)}}


def errors(*codes: int) -> dict:
    """Error answers (the bilingual JSON body) for ``responses``."""
    return _errors(*codes)


_HTML = {"text/html": {"schema": {"type": "string"}}}
_HTML_STATUS = {303: "redirect (to /login, or to /indicators after a login)", 400: "form not readable",
                401: "wrong username or password (the form again)", 413: "form too large",
                403: "outside the officer's scope, or resident-level data for an aggregate-only account",
                422: "period not readable (the message, escaped)",
                429: "login throttled: account locked or too many failures from the address (Retry-After)",
                503: "busy checking other logins (Retry-After)"}


def html_pages(*codes: int) -> dict:
    """Answers of an officer's HTML page."""
    out = {}
    for code in codes:
        if code == 303:
            out["303"] = {"description": _HTML_STATUS[code]}
        elif code == 413:  # refused before any page is built: the bilingual JSON error
            out["413"] = _errors(413)["413"]
        else:
            out[str(code)] = {"description": _HTML_STATUS[code], "content": _HTML}
    return out


LOGIN_FORM = {
    "required": True,
    "content": {"application/x-www-form-urlencoded": {"schema": {
        "type": "object", "required": ["username", "password"],
        "properties": {"username": {"type": "string", "maxLength": 32},
                       "password": {"type": "string", "maxLength": 1024}}}}},
}
