"""The server's sync endpoints as Python calls (docs/sync-protocol.md).

Bodies go out as msgpack + zstd (about 0.85x the gzip of the same JSON);
enrolment and conflict resolution are small and go as JSON.
"""
from __future__ import annotations

import json
import re
from typing import Any

from care_core import protocol as p
from .client import Answer, Transport
from .errors import BadAnswer

ACCEPT_MSGPACK = {"Accept": p.MSGPACK}


def _decode(answer: Answer, fn):
    try:
        return fn(answer.body, answer.headers.get("Content-Type"), answer.headers.get("Content-Encoding"))
    except p.ProtocolError as exc:
        raise BadAnswer(exc.reason) from None


def _json(answer: Answer) -> Any:
    try:
        return p.decode_body(answer.body, answer.headers.get("Content-Type") or p.JSON,
                             answer.headers.get("Content-Encoding"))
    except p.ProtocolError as exc:
        raise BadAnswer(exc.reason) from None


def enrol(transport: Transport, code: str, device_name: str) -> p.EnrolAnswer:
    body = json.dumps({"code": code, "device_name": device_name}).encode("utf-8")
    answer = transport.request("POST", "/v1/enrol", body, headers={"Content-Type": p.JSON}, auth=False)
    try:
        return p.enrol_answer_from_dict(_json(answer))
    except p.ProtocolError as exc:
        raise BadAnswer(exc.reason) from None


def encode_batch(batch: p.PushBatch, level: int = p.ZSTD_LEVEL) -> tuple[bytes, dict[str, str]]:
    return p.encode_push(batch, p.MSGPACK, level)


def push_encoded(transport: Transport, body: bytes, headers: dict[str, str],
                 change_ids: list[str] | None = None) -> tuple[p.PushAnswer, float]:
    """Send an encoded batch; ``change_ids`` (the batch's, in order) read a
    compact answer (the engine asks for one: ``PushBatch.compact_answer``).
    Also the seconds the server says it spent on it (0 when it does not say)."""
    answer = transport.request("POST", "/v1/push", body, headers={**headers, **ACCEPT_MSGPACK})
    return (_decode(answer, lambda b, t, e: p.decode_answer(b, t, e, change_ids)),
            server_seconds(answer.headers.get("Server-Timing")))


_DURATION = re.compile(r"(?:^|[;,\s])dur=([0-9]{1,9}(?:\.[0-9]{1,6})?)")


def server_seconds(timing: str | None) -> float:
    """The server's own time from a ``Server-Timing: app;dur=<ms>`` header;
    0 when absent or unreadable (then the whole round trip counts as the link's)."""
    found = _DURATION.search((timing or "")[:200])
    return float(found.group(1)) / 1000 if found else 0.0


def pull(transport: Transport, after: int, limit: int = p.DEFAULT_PULL_LIMIT) -> p.PullPage:
    answer = transport.request("GET", "/v1/pull", None, headers=ACCEPT_MSGPACK,
                               params={"after": str(after), "limit": str(limit)})
    return _decode(answer, p.decode_page)


def conflicts(transport: Transport) -> list[p.ConflictRecord]:
    data = _json(transport.request("GET", "/v1/conflicts", None, params={"resolved": "false"}))
    try:
        return [p.conflict_from_dict(c) for c in data.get("conflicts", [])]
    except p.ProtocolError as exc:
        raise BadAnswer(exc.reason) from None


def resolve(transport: Transport, conflict_id: int, value: Any) -> None:
    body = json.dumps({"value": value}, ensure_ascii=False).encode("utf-8")
    transport.request("POST", f"/v1/conflicts/{conflict_id}/resolve", body, headers={"Content-Type": p.JSON})
