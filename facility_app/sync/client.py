"""HTTP transport to the provincial server: requests + urllib3 retries.

- Timeouts: 10 s to connect, 40 s per read, so a transfer that stalls on a
  rural link is noticed within the 30-45 s the design asks for (a read
  timeout fires when no byte arrives for that long, however big the body).
- Retries: urllib3 retries connection failures and 429/500/502/503/504 a
  few times with a short back-off (after a 429, as long as the server's
  Retry-After says), for every verb: push is idempotent by batch id
  and change id, pull by cursor, so resending is always safe. Longer waits
  (2 s -> 10 min) belong to the sync engine's timer, not to one request.
- TLS: verified always; a province running its own certificate authority
  gives its CA bundle file at enrolment.
- Auth: the device token as a bearer token.

Failures come out as ``errors.SyncError`` subclasses with a sentence a
person can act on.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import Mapping

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .errors import BadAnswer, Offline, Refused, Revoked, ServerTrouble, TlsFailure

CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 40.0
USER_AGENT = "facility-app-sync/1"


@dataclass
class Answer:
    status: int
    headers: Mapping[str, str]
    body: bytes


@dataclass
class WireStats:
    """What crossed the link, for the status line and the benchmark."""
    requests: int = 0  # HTTP attempts, retries included
    sent: int = 0  # request body bytes
    received: int = 0  # response body bytes as they arrived (still compressed)

    def add(self, other: "WireStats") -> None:
        self.requests += other.requests
        self.sent += other.sent
        self.received += other.received


def _retry(total: int) -> Retry:
    return Retry(
        total=total, connect=total, read=total, status=total, other=0,
        allowed_methods=None,  # every verb: each request of the protocol is idempotent
        status_forcelist=(429, 500, 502, 503, 504),  # 429: over the server's budget; Retry-After says when
        backoff_factor=0.5, backoff_max=8, backoff_jitter=0.3,
        respect_retry_after_header=True, raise_on_status=False,
    )


class Transport:
    """One server, one token. Thread-safe: each thread gets its own session,
    so pipelined pushes do not share a connection pool's state."""

    def __init__(self, base_url: str, token: str | None = None, *, ca_bundle: str | None = None,
                 connect_timeout: float = CONNECT_TIMEOUT, read_timeout: float = READ_TIMEOUT,
                 retries: int = 2):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.verify: bool | str = ca_bundle or True
        self.timeout = (connect_timeout, read_timeout)
        self.retries = retries
        self.stats = WireStats()
        self._lock = threading.Lock()
        self._local = threading.local()
        self._sessions: list[requests.Session] = []

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.trust_env = False  # no system proxy between a PC and its province by surprise
            adapter = HTTPAdapter(max_retries=_retry(self.retries), pool_connections=2, pool_maxsize=4)
            session.mount("http://", adapter)
            session.mount("https://", adapter)
            session.headers["User-Agent"] = USER_AGENT
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        with self._lock:
            for session in self._sessions:
                session.close()
            self._sessions.clear()
        self._local = threading.local()

    def request(self, method: str, path: str, body: bytes | None = None, *,
                headers: Mapping[str, str] | None = None, params: Mapping[str, str] | None = None,
                auth: bool = True) -> Answer:
        """Send once (plus urllib3's quick retries); 2xx comes back, the rest raises."""
        url = self.base_url + path
        all_headers = dict(headers or {})
        if auth and self.token:
            all_headers["Authorization"] = f"Bearer {self.token}"
        try:
            response = self._session().request(
                method, url, data=body, headers=all_headers, params=params,
                timeout=self.timeout, verify=self.verify, stream=True)
            raw = response.raw.read(decode_content=False) if response.raw is not None else b""
        except requests.exceptions.SSLError:
            raise TlsFailure(self.base_url) from None
        except (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError) as exc:
            self._count(1, body, b"")
            raise Offline(type(exc).__name__) from None
        except Exception as exc:  # urllib3 ProtocolError and friends while reading the body
            self._count(1, body, b"")
            raise Offline(type(exc).__name__) from None
        retries = getattr(response.raw, "retries", None)
        attempts = 1 + (len(retries.history) if retries is not None else 0)
        self._count(attempts, body, raw)
        encoding = response.headers.get("Content-Encoding", "")
        content = _decode(raw, encoding)
        answer = Answer(response.status_code, response.headers, content)
        response.close()
        _raise_for(answer)
        return answer

    def _count(self, attempts: int, body: bytes | None, raw: bytes) -> None:
        with self._lock:
            self.stats.requests += attempts
            self.stats.sent += len(body or b"") * attempts
            self.stats.received += len(raw)


def _decode(raw: bytes, encoding: str) -> bytes:
    encoding = encoding.strip().lower()
    if not encoding or encoding == "identity":
        return raw
    try:
        if encoding == "gzip":
            import gzip
            return gzip.decompress(raw)
        if encoding == "deflate":
            import zlib
            return zlib.decompress(raw)
        if encoding == "zstd":
            import zstandard
            return zstandard.ZstdDecompressor().decompressobj().decompress(raw)
    except Exception as exc:
        raise BadAnswer(f"cannot decode {encoding}: {type(exc).__name__}") from None
    raise BadAnswer(f"unknown content encoding {encoding}")


def reason_of(answer: Answer) -> tuple[str, str]:
    """The server's own explanation (vi, en) from its error body
    ``{"error", "message_vi", "message_en"}``, else a short text."""
    try:
        data = json.loads(answer.body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        text = answer.body[:200].decode("utf-8", "replace").strip() or f"HTTP {answer.status}"
        return text, text
    if isinstance(data, dict):
        vi, en = data.get("message_vi"), data.get("message_en")
        if isinstance(vi, str) or isinstance(en, str):
            return (vi or en), (en or vi)
        for key in ("reason", "message", "detail", "error"):
            if isinstance(data.get(key), str) and data[key]:
                return data[key], data[key]
    text = json.dumps(data, ensure_ascii=False)[:300]
    return text, text


def _raise_for(answer: Answer) -> None:
    status = answer.status
    if 200 <= status < 300:
        return
    if status == 401:
        raise Revoked()
    if status >= 500 or status == 429:  # 429: still over the server's request budget: later
        raise ServerTrouble(status, reason_of(answer)[1])
    raise Refused(status, *reason_of(answer))
