"""JSON text of the server's tables (records, the stream, answers, conflicts).

orjson encodes a push's 20,000 small objects about four times faster than
the standard library, with the same text for everything a change can carry
(strings, 53-bit integers, finite floats, booleans, null, in the order
given). What orjson refuses - an integer beyond 64 bits, which only a
refused change can hold - goes through the standard library.
"""
from __future__ import annotations

import json
from typing import Any

import orjson

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(obj: Any) -> str:
    try:
        return orjson.dumps(obj).decode()
    except TypeError:
        return _ENCODER.encode(obj)


def loads(text: str | bytes) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)
