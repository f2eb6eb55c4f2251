"""Client-made, time-ordered UUIDs (RFC 9562 version 7).

Python 3.11 has no ``uuid.uuid7``; these few lines keep keys sortable by
creation time so indexes stay compact and two PCs never collide.
"""
from __future__ import annotations

import os
import time
import uuid

_last_ms = 0
_counter = 0


def new_id() -> str:
    global _last_ms, _counter
    ms = time.time_ns() // 1_000_000
    if ms <= _last_ms:  # same millisecond (or clock stepped back): keep order
        ms = _last_ms
        _counter += 1
    else:
        _counter = int.from_bytes(os.urandom(2), "big") & 0x3FF
    _last_ms = ms
    rand = int.from_bytes(os.urandom(8), "big")
    value = (ms & 0xFFFFFFFFFFFF) << 80
    value |= 0x7 << 76  # version
    value |= (_counter & 0xFFF) << 64
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))
