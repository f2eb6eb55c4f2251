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

The parts: ``limits`` (numbers and the error), ``schema`` (what travels),
``messages`` (the dataclasses), ``codec`` (bytes), ``decoders`` (shape checks);
this module re-exports them all and adds the encode/decode pairs.
"""
from __future__ import annotations

from .codec import *  # noqa: F401,F403
from .codec import canonical_json, decode_body, encode_body
from .decoders import *  # noqa: F401,F403
from .decoders import answer_from_dict, answer_to_dict, batch_from_dict, page_from_dict
from .limits import *  # noqa: F401,F403
from .limits import MSGPACK, ZSTD_LEVEL
from .messages import *  # noqa: F401,F403
from .messages import Change, PullPage, PushAnswer, PushBatch, to_dict
from .schema import *  # noqa: F401,F403


# --- the pairs the client and server call -----------------------------------

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
