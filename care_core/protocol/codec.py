"""Bytes <-> objects: msgpack+zstd or JSON+gzip, with size, depth and text
guards (a hostile body is refused before it is built)."""
from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from typing import Any

import msgpack
import zstandard

try:  # the server has it (a fast way to look at every text of a push); the PC needs none
    import orjson
except ImportError:  # pragma: no cover - the desktop app
    orjson = None

from .limits import (GZIP, GZIP_MAGIC, IDENTITY, JSON, MAX_BODY_BYTES, MAX_CONTAINERS, MAX_DECODED_BYTES,
                     MAX_DEPTH, MSGPACK, ZSTD, ZSTD_LEVEL, ZSTD_MAGIC, ProtocolError)


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


_ZSTD_STEP = 1 << 20  # bytes asked for per read when the frame does not say its size


def _bounded_zstd(data: bytes, limit: int = MAX_DECODED_BYTES) -> bytes:
    """Decompress, refusing more than ``limit`` bytes of output. Each read
    allocates what it asks for, and asking for the bound (16 MB) each time
    cost more than decompressing a push: reads ask for what the frame header
    says it holds (and a byte more), or a megabyte when it does not say; the
    bound is kept whatever the header says. A body zstd refuses is read
    again the plain way, so that the reason given is the same whatever the
    sizes asked for."""
    try:
        declared = zstandard.frame_content_size(data)
    except zstandard.ZstdError:
        declared = -1
    step = declared + 1 if 0 <= declared <= limit else _ZSTD_STEP
    try:
        out = _read_zstd(data, limit, step)
    except zstandard.ZstdError:
        try:
            out = _read_zstd(data, limit, limit + 1)
        except zstandard.ZstdError as exc:
            raise ProtocolError(f"body is not valid zstd: {exc}") from None
    if len(out) > limit:
        raise ProtocolError(f"body expands beyond {limit} bytes", "too-large")
    return out


def _read_zstd(data: bytes, limit: int, step: int) -> bytes:
    reader = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data))
    out = reader.read(min(step, limit + 1))
    # read() may stop at a frame boundary; keep reading up to the bound
    while out and len(out) <= limit:
        more = reader.read(min(step, limit + 1 - len(out)))
        if not more:
            break
        out += more
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
            containers = MAX_CONTAINERS - counted.left
        else:
            text = raw.decode("utf-8", "surrogatepass")
            _check_json_brackets(text)
            obj = json.loads(text, parse_constant=_not_json)
            containers = None
    except (ValueError, TypeError, RecursionError, msgpack.ExtraData, msgpack.FormatError,
            msgpack.StackError) as exc:  # ProtocolError is a ValueError: raised again as it is
        if isinstance(exc, ProtocolError):
            raise
        raise ProtocolError(f"body is not valid {media}: {exc.__class__.__name__}") from None
    if not isinstance(obj, dict):
        raise ProtocolError("body must be an object")
    check_tree(obj, check_text, containers)
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


def check_tree(obj: Any, check_text: bool = True, containers: int | None = None) -> None:
    """Refuse a decoded body nested deeper than ``MAX_DEPTH`` or holding text
    that no database column can store (NUL, unpaired surrogates), naming
    where. Iterative: a hostile body cannot exhaust the stack. A push of
    1,000 changes holds some 40,000 names and values, so the common case is
    kept cheap: when orjson is at hand it looks at every text in C (it refuses
    a lone surrogate and writes a NUL as an escape), and only a body it finds
    suspect is walked here; otherwise ASCII text needs only a NUL test. The
    path that names a place is built only when something there is refused.
    ``containers``: how many objects and arrays ``obj`` holds, itself
    included, when known (msgpack's hooks count them): the depth is then
    known once that many are found, without a look at the last level's
    values (a push's 20,000 field values)."""
    if check_text and _text_clean(obj):
        check_text = False
    if not check_text:
        _check_depth(obj, containers)
        return
    stack = [(obj, 1, None, "body")]  # node, depth, parent entry, key: the path on demand
    while stack:
        entry = stack.pop()
        node, depth = entry[0], entry[1]
        if depth > MAX_DEPTH:
            raise ProtocolError(f"body is nested more than {MAX_DEPTH} levels deep", "too-deep")
        items = node.items() if type(node) is dict else enumerate(node)
        for key, value in items:
            if type(key) is str:
                problem = _ascii_problem(key) if key.isascii() else _text_problem(key)
                if problem:
                    raise ProtocolError(f"{_where(entry)}: a name {problem}", "bad-text")
            t = type(value)
            if t is str:
                problem = _ascii_problem(value) if value.isascii() else _text_problem(value)
                if problem:
                    raise ProtocolError(f"{_path(_where(entry), key)} {problem}", "bad-text")
            elif t is dict or t is list:
                stack.append((value, depth + 1, entry, key))


def _text_clean(obj: Any) -> bool:
    """True when no name or text in ``obj`` holds a NUL or an unpaired
    surrogate, as orjson sees it; False (or no orjson) says only "walk it"."""
    if orjson is None:
        return False
    try:
        text = orjson.dumps(obj)
    except (TypeError, orjson.JSONEncodeError):  # a surrogate, bytes, a huge integer, a deep body
        return False
    return b"\\u0000" not in text  # a NUL comes out escaped (text that spells the escape out is walked too)


def _check_depth(obj: Any, containers: int | None = None) -> None:
    """Refuse a body nested deeper than ``MAX_DEPTH``, a level at a time
    (iterative; the containers of a body are bounded, ``MAX_CONTAINERS``).
    ``containers``: how many there are in all, when known: once every one
    has been found, none lies deeper."""
    level, depth, found = [obj], 1, 1
    while level:
        if depth > MAX_DEPTH:
            raise ProtocolError(f"body is nested more than {MAX_DEPTH} levels deep", "too-deep")
        if found == containers:
            return
        level = [v for node in level for v in (node.values() if type(node) is dict else node)
                 if type(v) is dict or type(v) is list]
        found += len(level)
        depth += 1


def _ascii_problem(value: str) -> str | None:
    return "contains a NUL character" if "\x00" in value else None


def _where(entry: tuple) -> str:
    """The path of a ``check_tree`` stack entry (``changes[3].fields``)."""
    keys = []
    while entry[2] is not None:
        keys.append(entry[3])
        entry = entry[2]
    where = "body"
    for key in reversed(keys):
        where = _path(where, key)
    return where


def _path(where: str, key) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where != "body" else str(key)
