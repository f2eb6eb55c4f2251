"""A small HTTP proxy between the PCs and the server that breaks things on
purpose: connection resets mid-request and mid-answer, stalls, duplicated
requests, 500s before or after the server did the work, dropped
connections, and a server restart.

It understands just enough HTTP/1.1 (Content-Length bodies, chunked
answers) to cut a message in the middle. ``policy(request)`` names the
fault for each request: "pass", "drop", "reset-request", "reset-response",
"stall", "duplicate", "500-before", "500-after", "restart", and "delay"
(a slow server: the answer comes ``delay_seconds`` late; "delay:1.5"
says how late). ``max_active``
is the most requests it held at once.
"""
from __future__ import annotations

import socket
import struct
import threading
import time
from dataclasses import dataclass
from typing import Callable

FAULTS = ("drop", "reset-request", "reset-response", "stall", "duplicate", "500-before", "500-after", "restart")

_500 = (b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: 63\r\n"
        b"Connection: close\r\n\r\n"
        b'{"error":"server-error","message_vi":"loi","message_en":"boom"}')


@dataclass
class Request:
    method: str
    path: str
    raw: bytes  # head + body as received


def _read_until(sock: socket.socket, buf: bytearray, marker: bytes) -> int:
    while True:
        i = buf.find(marker)
        if i >= 0:
            return i
        chunk = sock.recv(65536)
        if not chunk:
            raise EOFError
        buf += chunk


def _read_exact(sock: socket.socket, buf: bytearray, n: int) -> None:
    while len(buf) < n:
        chunk = sock.recv(65536)
        if not chunk:
            raise EOFError
        buf += chunk


def _headers(head: bytes) -> dict[str, str]:
    out = {}
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        out[name.strip().lower().decode("latin-1")] = value.strip().decode("latin-1")
    return out


def read_message(sock: socket.socket, buf: bytearray) -> bytes:
    """One HTTP message (head and body) from ``sock``; leftovers stay in ``buf``."""
    end = _read_until(sock, buf, b"\r\n\r\n") + 4
    head = bytes(buf[:end])
    headers = _headers(head[:-4])
    if "content-length" in headers:
        total = end + int(headers["content-length"])
        _read_exact(sock, buf, total)
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        pos = end
        while True:
            line_end = _read_until_from(sock, buf, b"\r\n", pos)
            size = int(bytes(buf[pos:line_end]).split(b";")[0], 16)
            pos = line_end + 2 + size + 2
            _read_exact(sock, buf, pos)
            if size == 0:
                break
        total = pos
    else:
        total = end
    message = bytes(buf[:total])
    del buf[:total]
    return message


def _read_until_from(sock, buf: bytearray, marker: bytes, start: int) -> int:
    while True:
        i = buf.find(marker, start)
        if i >= 0:
            return i
        chunk = sock.recv(65536)
        if not chunk:
            raise EOFError
        buf += chunk


def _reset(sock: socket.socket) -> None:
    """Close with a TCP reset, as a broken link or a crashed router would."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()


class FaultProxy:
    def __init__(self, upstream_port: int, policy: Callable[[Request], str] | None = None, *,
                 stall_seconds: float = 3.0, on_restart: Callable[[], None] | None = None,
                 delay_seconds: float = 0.5):
        self.upstream = ("127.0.0.1", upstream_port)
        self.policy = policy or (lambda r: "pass")
        self.stall_seconds = stall_seconds
        self.on_restart = on_restart
        self.delay_seconds = delay_seconds
        self.active = self.max_active = 0
        self.log: list[tuple[str, str, str]] = []
        self._lock = threading.Lock()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def faults(self) -> list[str]:
        with self._lock:
            return [f for _, _, f in self.log if f != "pass"]

    def close(self) -> None:
        self._closed = True
        self._listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _connect(self) -> socket.socket:
        return socket.create_connection(self.upstream, timeout=30)

    def _exchange(self, upstream: socket.socket | None, raw: bytes) -> tuple[socket.socket, bytes]:
        """Send one request upstream, read its answer (reconnecting once if the
        kept-alive connection died, e.g. after a server restart)."""
        for attempt in (0, 1):
            try:
                if upstream is None:
                    upstream = self._connect()
                upstream.sendall(raw)
                return upstream, read_message(upstream, bytearray())
            except (OSError, EOFError):
                if upstream is not None:
                    upstream.close()
                upstream = None
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def _serve(self, client: socket.socket) -> None:
        buf = bytearray()
        upstream: socket.socket | None = None
        try:
            while True:
                try:
                    raw = read_message(client, buf)
                except (EOFError, OSError):
                    break
                method, path = raw.split(b" ", 2)[:2]
                req = Request(method.decode(), path.decode().split("?")[0], raw)
                fault = self.policy(req)
                with self._lock:
                    self.log.append((req.method, req.path, fault.partition(":")[0]))
                if fault == "drop":
                    _reset(client)
                    return
                if fault == "500-before":
                    client.sendall(_500)
                    break
                if fault == "reset-request":
                    up = self._connect()
                    head_end = raw.find(b"\r\n\r\n") + 4
                    up.sendall(raw[:head_end + (len(raw) - head_end) // 2])
                    _reset(up)
                    _reset(client)
                    return
                if fault == "restart" and self.on_restart:
                    if upstream is not None:
                        upstream.close()
                        upstream = None
                    self.on_restart()
                if fault == "duplicate":
                    extra, _ = self._exchange(None, raw)
                    extra.close()
                with self._lock:
                    self.active += 1
                    self.max_active = max(self.max_active, self.active)
                try:
                    if fault.startswith("delay"):  # "delay" or "delay:SECONDS"
                        time.sleep(float(fault.partition(":")[2] or self.delay_seconds))
                    upstream, answer = self._exchange(upstream, raw)
                except (OSError, EOFError):
                    _reset(client)
                    return
                finally:
                    with self._lock:
                        self.active -= 1
                if fault == "reset-response":
                    client.sendall(answer[:max(1, len(answer) // 2)])
                    _reset(client)
                    return
                if fault == "stall":
                    client.sendall(answer[:min(40, len(answer) // 2)])
                    time.sleep(self.stall_seconds)
                    _reset(client)
                    return
                if fault == "500-after":
                    client.sendall(_500)
                    break
                client.sendall(answer)
        except OSError:
            pass
        finally:
            if upstream is not None:
                upstream.close()
            try:
                client.close()
            except OSError:
                pass


class Once:
    """A policy: ``fault`` on the ``nth`` request to ``path`` (then pass)."""

    def __init__(self, fault: str, path: str, nth: int = 1):
        self.fault, self.path, self.nth = fault, path, nth
        self.seen = 0
        self._lock = threading.Lock()

    def __call__(self, req: Request) -> str:
        if not req.path.startswith(self.path):
            return "pass"
        with self._lock:
            self.seen += 1
            return self.fault if self.seen == self.nth else "pass"
