"""Limits, media types and the error every decoder raises: the numbers
both ends must agree on."""
from __future__ import annotations

import re

from care_core.fields import TEXT_MAX

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
_HLC = re.compile(r"^\d{15}-\d{5}-\S{1,64}$")  # \S, not [^\s]: the same characters, a third faster
_ID_MAX = 64
_TABLE_MAX = 40
_FIELD_MAX = 64
_TEXT_MAX = TEXT_MAX


class ProtocolError(ValueError):
    """A body that is not a well-formed message; ``reason`` says why (English,
    for logs and the 400 answer; the bilingual text is in ``error_body``)."""

    def __init__(self, reason: str, code: str = "malformed"):
        super().__init__(reason)
        self.reason = reason
        self.code = code
