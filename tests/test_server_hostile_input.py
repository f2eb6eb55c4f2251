"""Issue 12, point 7: malformed input never makes a 5xx, never leaves a
traceback, and a batch id is never reused for other content.

Modelled on the outside probe: JSON nested 1,000 levels (push and the
unauthenticated enrolment), a lone surrogate and a NUL in a push (on
SQLite and on PostgreSQL), clients cutting the connection mid-body, and
one batch id sent twice with different changes.
"""
from __future__ import annotations

import json
import logging
import socket
import time
import uuid

import msgpack
import pytest
import requests

from care_core import protocol as p
from tests.server_fixtures import BACKENDS, FakePC, resident_fields, server_for


@pytest.fixture(scope="module", params=BACKENDS)
def server(request, tmp_path_factory):
    return server_for(request, tmp_path_factory, "hostile", budget=None)


@pytest.fixture(scope="module")
def pc(server):
    return FakePC.enrol(server, server.add_facility("HOSTILE-1"))


def _nested(levels: int) -> str:
    return "[" * levels + "]" * levels


def _batch_dict(pc: FakePC, **field_overrides) -> dict:
    pc.seq += 1
    change = {"change_id": str(uuid.uuid4()), "device_seq": pc.seq, "table": "residents",
              "row_id": str(uuid.uuid4()), "op": "insert", "fields": resident_fields(**field_overrides),
              "base_version": 0, "hlc": pc.clock.tick().encode()}
    return {"batch_id": str(uuid.uuid4()), "device_id": pc.device_id, "seq_from": pc.seq, "seq_to": pc.seq,
            "changes": [change], "v": 1}


def _refused(r: requests.Response, status: int, code: str, *words: str) -> dict:
    assert r.status_code == status, (r.status_code, r.text[:300])
    body = r.json()
    assert body["error"] == code and body["message_vi"] and body["message_en"]
    for word in words:
        assert word in body["message_en"], body
    return body


@pytest.mark.parametrize("levels", [33, 1000, 100_000])
def test_deep_json_on_push_and_enrol_is_a_400(server, pc, levels):
    deep = f'{{"batch_id":"x","changes":{_nested(levels)}}}'.encode()
    r = pc.http.post(f"{server.url}/v1/push", data=deep, headers={"Content-Type": p.JSON}, timeout=30)
    _refused(r, 400, "too-deep", "nested more than 32 levels")
    deep = f'{{"code":{_nested(min(levels, 4000))}}}'.encode()  # the enrolment body's limit is 8 KiB
    r = requests.post(f"{server.url}/v1/enrol", data=deep, headers={"Content-Type": p.JSON}, timeout=30)
    _refused(r, 400, "too-deep", "nested more than 32 levels")


def test_deep_msgpack_on_push_is_a_400(server, pc):
    # a map of one key "changes" whose value is 1,000 one-element arrays deep
    body = b"\x81" + msgpack.packb("changes") + b"\x91" * 1000 + b"\xc0"
    r = pc.http.post(f"{server.url}/v1/push", data=body, headers={"Content-Type": p.MSGPACK}, timeout=30)
    _refused(r, 400, "too-deep")


def test_nesting_within_the_limit_reaches_the_shape_check(server, pc):
    body = f'{{"batch_id":"x","changes":{_nested(20)}}}'.encode()
    r = pc.http.post(f"{server.url}/v1/push", data=body, headers={"Content-Type": p.JSON}, timeout=30)
    _refused(r, 400, "malformed")


@pytest.mark.parametrize("where, text, words", [
    ("notes", "Ghi chú \ud800 hỏng", ["changes[0].fields.notes", "unpaired surrogate"]),
    ("full_name", "Nguyễn\x00Văn", ["changes[0].fields.full_name", "NUL"]),
])
def test_bad_text_in_a_field_is_a_400_naming_it_and_stores_nothing(server, pc, where, text, words):
    batch = _batch_dict(pc, **{where: text})
    body = json.dumps(batch).encode()  # ensure_ascii: the surrogate travels as \ud800, NUL as \u0000
    r = pc.http.post(f"{server.url}/v1/push", data=body, headers={"Content-Type": p.JSON}, timeout=30)
    _refused(r, 400, "bad-text", *words)
    assert server.scalar("SELECT count(*) FROM records WHERE row_id = :r",
                         r=batch["changes"][0]["row_id"]) == 0
    assert server.scalar("SELECT count(*) FROM batches WHERE batch_id = :b", b=batch["batch_id"]) == 0


def test_a_surrogate_sent_as_utf8_bytes_in_msgpack_is_named_too(server, pc):
    batch = _batch_dict(pc)
    raw = msgpack.packb(batch)
    good = msgpack.packb("Nguyễn Văn An")
    text = "Nguyễn".encode() + b"\xed\xa0\x80"  # the name, then a surrogate encoded as if it were a character
    bad = bytes([0xA0 | len(text)]) + text  # msgpack fixstr
    assert good in raw
    r = pc.http.post(f"{server.url}/v1/push", data=raw.replace(good, bad, 1),
                     headers={"Content-Type": p.MSGPACK}, timeout=30)
    _refused(r, 400, "bad-text", "changes[0].fields.full_name")


def test_a_nul_in_the_hlc_is_a_400(server, pc):
    batch = _batch_dict(pc)
    batch["changes"][0]["hlc"] = batch["changes"][0]["hlc"][:-1] + "\x00"
    r = pc.http.post(f"{server.url}/v1/push", data=json.dumps(batch).encode(),
                     headers={"Content-Type": p.JSON}, timeout=30)
    _refused(r, 400, "bad-text", "changes[0].hlc")
    for text in ("\x00", "\ud800"):  # the enrolment code, unauthenticated
        r = requests.post(f"{server.url}/v1/enrol", data=json.dumps({"code": f"ABCD{text}"}).encode(),
                          headers={"Content-Type": p.JSON}, timeout=30)
        _refused(r, 400, "bad-text", "code")


def test_a_nul_in_a_chosen_conflict_value_is_a_400(server, pc):
    r = pc.http.post(f"{server.url}/v1/conflicts/1/resolve", data=json.dumps({"value": "a\x00"}).encode(),
                     headers={"Content-Type": p.JSON}, timeout=30)
    _refused(r, 400, "bad-text", "value")


def test_a_batch_id_sent_again_with_other_content_is_a_409_and_changes_nothing(server, pc):
    first = pc.batch([pc.change("residents", str(uuid.uuid4()), "insert", resident_fields("Đỗ Thị Hoa"))])
    pc.pending = []
    answer = pc.push(first)
    assert [r.status for r in answer.results] == ["applied"]
    assert pc.push(first).results[0].status == "applied"  # the same batch again: the stored answer
    other_row = str(uuid.uuid4())
    other = p.PushBatch(first.batch_id, pc.device_id, first.seq_from, first.seq_to,
                        [pc.change("residents", other_row, "insert", resident_fields("Vũ Văn Nam"))])
    other.changes[0].device_seq = first.seq_from
    pc.pending = []
    body, headers = p.encode_push(other)
    r = pc.http.post(f"{server.url}/v1/push", data=body, headers=headers, timeout=30)
    _refused(r, 409, "batch-reused", "other content")
    assert server.scalar("SELECT count(*) FROM records WHERE row_id = :r", r=other_row) == 0
    # a retry of the first batch in another encoding is still the same batch
    body, headers = p.encode_push(first, p.JSON)
    r = pc.http.post(f"{server.url}/v1/push", data=body, headers=headers, timeout=30)
    assert r.status_code == 200, r.text


def _cut_mid_body(server, path: str, headers: dict) -> None:
    """Announce 8,000 bytes (within every limit), send 1,000, hang up."""
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        s.sendall(f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 8000\r\n{head}\r\n".encode()
                  + b"x" * 1000)


def test_a_client_cutting_the_connection_mid_body_is_one_warning_not_a_traceback(server, pc, caplog):
    with caplog.at_level(logging.INFO):
        for _ in range(5):
            _cut_mid_body(server, "/v1/push", {"Authorization": f"Bearer {pc.token}",
                                               "Content-Type": p.MSGPACK})
            _cut_mid_body(server, "/v1/enrol", {"Content-Type": p.JSON})
        assert requests.get(f"{server.url}/health", timeout=10).status_code == 200
        deadline = time.monotonic() + 10
        while sum("client disconnected mid-body" in r.getMessage() for r in caplog.records) < 10 \
                and time.monotonic() < deadline:
            time.sleep(0.05)
    cut = [r for r in caplog.records if "client disconnected mid-body" in r.getMessage()]
    assert len(cut) == 10
    assert all(r.levelno == logging.WARNING and r.exc_info is None for r in cut)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], \
        [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def test_health_says_503_not_500_when_the_database_is_gone(tmp_path):
    import threading

    import uvicorn

    from provincial_server.api import create_app
    from provincial_server.db import make_engine
    from tests.server_fixtures import free_port

    engine = make_engine(f"sqlite:///{tmp_path}/no/such/folder/provincial.db")
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(engine=engine, budget=None), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline and thread.is_alive()
            time.sleep(0.02)
        r = requests.get(f"http://127.0.0.1:{port}/health", timeout=10)
        body = _refused(r, 503, "database-down", "database")
        assert r.headers["Retry-After"] == "30" and "Traceback" not in str(body)
    finally:
        server.should_exit = True
        thread.join(10)
        engine.dispose()


def test_a_pc_still_reads_a_page_whose_old_rows_hold_a_nul():
    """Rows stored on SQLite before NULs were refused travel on: the PC's
    own decoding checks depth, not text, so its sync is never stuck."""
    page = p.PullPage([p.PulledChange(1, "dev", "c1", "residents", "r1", "update", {"notes": "cũ\x00"},
                                      "000000000000001-00000-dev", 2)], 1, False)
    body, headers = p.encode_page(page)
    assert p.decode_page(body, headers["Content-Type"], headers["Content-Encoding"]).changes[0].fields == \
        {"notes": "cũ\x00"}
    with pytest.raises(p.ProtocolError, match="NUL"):
        p.decode_body(body, headers["Content-Type"], headers["Content-Encoding"])


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(server, pc, constant):
    r = pc.http.post(f"{server.url}/v1/conflicts/1/resolve", data=f'{{"value": {constant}}}'.encode(),
                     headers={"Content-Type": p.JSON}, timeout=30)
    _refused(r, 400, "malformed", "not valid application/json")


def _zstd(raw: bytes) -> bytes:
    import zstandard
    return zstandard.ZstdCompressor().compress(raw)


@pytest.mark.parametrize("path, words", [("/v1/push", "more than 10000 objects and arrays"),
                                         ("/v1/enrol", "expands beyond 8192 bytes")])
def test_a_body_of_millions_of_tiny_containers_is_refused_before_they_exist(server, pc, path, words):
    """16 MB of msgpack "empty array" bytes (a few hundred bytes compressed)
    would be 16 million lists, about a gigabyte; JSON likewise."""
    n = 5_000_000  # arrays of 1,000 empty arrays each, so that no one array is longer than allowed
    msgpack_bomb = (b"\x81" + msgpack.packb("changes") + b"\xdc" + (n // 1000).to_bytes(2, "big")
                    + (b"\xdc" + (1000).to_bytes(2, "big") + b"\x90" * 1000) * (n // 1000))
    json_bomb = b'{"changes":[' + b"[]," * n + b"[]]}"
    for body, ctype in ((msgpack_bomb, p.MSGPACK), (json_bomb, p.JSON)):
        started = time.monotonic()
        r = pc.http.post(f"{server.url}{path}", data=_zstd(body), timeout=60,
                         headers={"Content-Type": ctype, "Content-Encoding": "zstd"})
        _refused(r, 413, "too-large", words)
        assert time.monotonic() - started < 5
    assert requests.get(f"{server.url}/health", timeout=10).status_code == 200


def test_a_long_flat_msgpack_array_is_refused(server, pc):
    body = b"\x81" + msgpack.packb("changes") + b"\xdd" + (4_000_000).to_bytes(4, "big") + b"\xc0" * 4_000_000
    r = pc.http.post(f"{server.url}/v1/push", data=_zstd(body), timeout=60,
                     headers={"Content-Type": p.MSGPACK, "Content-Encoding": "zstd"})
    _refused(r, 400, "malformed")


def test_the_unauthenticated_bodies_are_small(server):
    big_name = "PC " + "x" * 9000
    r = requests.post(f"{server.url}/v1/enrol", json={"code": "ABCD-EFGH", "device_name": big_name}, timeout=30)
    _refused(r, 413, "too-large", "8 KB")
    r = requests.post(f"{server.url}/v1/enrol", timeout=30, headers={"Content-Type": p.JSON, "Content-Encoding": "zstd"},
                      data=_zstd(json.dumps({"code": "ABCD-EFGH", "device_name": big_name}).encode()))
    _refused(r, 413, "too-large", "expands beyond 8192 bytes")
    r = requests.post(f"{server.url}/login", data={"username": "canbo", "password": "x" * 17000}, timeout=30)
    _refused(r, 413, "too-large", "16 KB")
