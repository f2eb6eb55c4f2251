"""The wire protocol on its own: shapes, codecs, limits, size on the wire."""
from __future__ import annotations

import gzip
import random
import uuid

import msgpack
import pytest
import sqlalchemy as sa
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st

from facility_app.storage import tables
from care_core import protocol as p


def _changes(n: int, seed: int = 7) -> list[p.Change]:
    rnd = random.Random(seed)
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]
    out = []
    for i in range(1, n + 1):
        rid = str(uuid.UUID(int=rnd.getrandbits(128)))
        if i % 3 == 0:
            table, fields = "checkups", {
                "resident_id": rid, "checkup_date": f"2026-11-{i % 28 + 1:02d}", "kind": "periodic",
                "systolic": rnd.randint(100, 160), "diastolic": rnd.randint(60, 95), "pulse": rnd.randint(60, 100),
                "temperature": round(rnd.uniform(36, 37.5), 1), "spo2": rnd.randint(94, 99), "findings": "Ổn định",
                "classification": 2, "isolation": False, "voided": False, "supersedes_id": None}
        else:
            name = rnd.choice(names)
            table, fields = "residents", {
                "full_name": name, "name_folded": name.lower(), "sex": "M", "birth_date": "1950-01-01",
                "groups": "NCT", "code": f"R{i:05d}", "admission_date": "2020-01-01", "room": f"P{i % 20}",
                "notes": "", "cccd": None}
        out.append(p.Change(str(uuid.UUID(int=rnd.getrandbits(128))), i, table, rid, "insert", fields, 0,
                            f"{1763600000000 + i * 1000:015d}-00000-dev-abc123"))
    return out


def _batch(changes):
    return p.PushBatch("batch-1", "dev-abc123", changes[0].device_seq, changes[-1].device_seq, changes)


def test_synced_schema_is_the_clients_tables():
    kinds = {"str": sa.String, "text": sa.Text, "int": sa.Integer, "float": sa.Float, "bool": sa.Boolean,
             "date": sa.Date}
    assert set(p.SYNCED_SCHEMA) == set(tables.SYNCED_TABLES)
    for name, table in tables.SYNCED_TABLES.items():
        columns = {c.name: c for c in table.c if c.name not in tables.SYNC_COLUMNS and c.name != "id"}
        assert set(columns) == set(p.SYNCED_SCHEMA[name]), name
        for col, (kind, limit) in p.SYNCED_SCHEMA[name].items():
            assert isinstance(columns[col].type, kinds[kind]), (name, col)
            if kind == "str":
                assert not isinstance(columns[col].type, sa.Text) and columns[col].type.length == limit, (name, col)


@pytest.mark.parametrize("content_type", [p.MSGPACK, p.JSON])
def test_push_answer_and_page_round_trip(content_type):
    batch = _batch(_changes(30))
    body, headers = p.encode_push(batch, content_type)
    assert p.decode_push(body, headers["Content-Type"], headers["Content-Encoding"]) == batch
    answer = p.PushAnswer("batch-1", [p.ChangeResult("c1", "rejected", None, "lý do", "reason"),
                                      p.ChangeResult("c2", "conflict", 7, conflict_fields=["room"], clock_suspect=True)],
                          12, 1763600000000)
    body, headers = p.encode_answer(answer, content_type)
    assert p.decode_answer(body, headers["Content-Type"], headers["Content-Encoding"]) == answer
    page = p.PullPage([p.PulledChange(3, "dev", "c", "residents", "r", "update", {"room": "P2"},
                                      "001763600000000-00000-dev", 2)], 5, True, 1)
    body, headers = p.encode_page(page, content_type)
    assert p.decode_page(body, headers["Content-Type"], headers["Content-Encoding"]) == page
    # a body an HTTP library already decompressed is read as well
    raw = msgpack.packb(p.to_dict(page)) if content_type == p.MSGPACK else p.canonical_json(p.to_dict(page))
    assert p.decode_page(raw, content_type, headers["Content-Encoding"]) == page


def test_bytes_on_the_wire_stay_within_1_2_times_gzip_of_canonical_json():
    changes = _changes(500)
    body, _ = p.encode_push(_batch(changes))
    yardstick = len(gzip.compress(p.changes_canonical_json(changes)))
    assert len(body) <= 1.2 * yardstick, (len(body), yardstick)


def _mutate(obj: dict, path: list, value):
    target = obj
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return obj


@pytest.mark.parametrize("path, value, words", [
    (["batch_id"], KeyError, "missing 'batch_id'"),
    (["batch_id"], "", "printable"),
    (["seq_from"], -1, "out of range"),
    (["seq_from"], 99, "seq_from is after seq_to"),
    (["seq_to"], True, "wrong type"),
    (["v"], 2, "version"),
    (["changes"], "x", "wrong type"),
    (["changes", 0], 5, "must be an object"),
    (["changes", 0, "op"], "drop", "'op' must be one of"),
    (["changes", 0, "hlc"], "yesterday", "hybrid-logical-clock"),
    (["changes", 0, "fields"], {"room": [1, 2]}, "scalar"),
    (["changes", 0, "fields"], {"room": float("nan")}, "finite"),
    (["changes", 0, "device_seq"], 0, "out of range"),
    (["changes", 0, "device_seq"], 50, "outside seq_from..seq_to"),
    (["changes", 1, "change_id"], "c-1", "appears twice"),
])
def test_malformed_batches_raise_with_a_reason(path, value, words):
    changes = _changes(3)
    changes[0].change_id = "c-1"
    obj = _mutate(p.to_dict(_batch(changes)), path, value)
    with pytest.raises(p.ProtocolError) as err:
        p.batch_from_dict(obj)
    assert words in err.value.reason


def test_limits_and_bombs_are_refused_without_expanding():
    with pytest.raises(p.ProtocolError) as err:
        p.decode_body(b"x" * (p.MAX_BODY_BYTES + 1), p.JSON, None)
    assert err.value.code == "too-large"
    bomb = zstandard.ZstdCompressor().compress(b"\0" * (p.MAX_DECODED_BYTES + 1))
    assert len(bomb) < 10_000
    with pytest.raises(p.ProtocolError) as err:
        p.decode_body(bomb, p.MSGPACK, p.ZSTD)
    assert err.value.code == "too-large"
    gz = gzip.compress(b" " * (p.MAX_DECODED_BYTES + 1))
    with pytest.raises(p.ProtocolError) as err:
        p.decode_body(gz, p.JSON, p.GZIP)
    assert err.value.code == "too-large"
    with pytest.raises(p.ProtocolError) as err:
        p.decode_body(gzip.compress(b'{"a": 1}')[:-6], p.JSON, p.GZIP)
    assert "truncated" in err.value.reason
    batch = _batch(_changes(p.MAX_BATCH_CHANGES + 1))
    with pytest.raises(p.ProtocolError) as err:
        p.batch_from_dict(p.to_dict(batch))
    assert err.value.code == "too-many-changes"
    for ctype, enc in (("text/plain", None), (p.JSON, "br")):
        with pytest.raises(p.ProtocolError) as err:
            p.decode_body(b"{}", ctype, enc)
        assert err.value.code == "unsupported-media-type"


@pytest.mark.parametrize("table, name, value, ok", [
    ("residents", "room", "P1", True),
    ("residents", "room", "x" * 201, False),
    ("residents", "birth_date", "1950-02-03", True),
    ("residents", "birth_date", "3/2/1950", False),
    ("checkups", "systolic", 120, True),
    ("checkups", "systolic", 120.5, False),
    ("checkups", "systolic", True, False),
    ("checkups", "temperature", 37, True),
    ("checkups", "isolation", 1, False),
    ("checkups", "findings", None, True),
    ("residents", "deleted", True, True),
    ("residents", "password_hash", "x", False),
    ("nope", "x", 1, False),
])
def test_field_problem(table, name, value, ok):
    assert (p.field_problem(table, name, value) is None) == ok
    assert p.fields_fit(table, {name: value}) == ok  # the fast test agrees


@given(st.dictionaries(st.sampled_from(sorted(p.SYNCED_SCHEMA["checkups"]) + ["deleted", "nope"]),
                       st.one_of(st.none(), st.booleans(), st.integers(-2**60, 2**60),
                                 st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
                                 st.dates().map(str)), max_size=6))
@settings(max_examples=300, deadline=None, derandomize=True)
def test_the_fast_field_test_is_never_looser_than_field_problem(fields):
    slow_ok = all(p.field_problem("checkups", k, v) is None for k, v in fields.items())
    assert p.fields_fit("checkups", fields) == slow_ok


def _answer() -> p.PushAnswer:
    return p.PushAnswer("batch-9", [
        p.ChangeResult("c1", "applied", 41, version=1), p.ChangeResult("c2", "applied", 42, version=1),
        p.ChangeResult("c3", "rejected", None, "lý do", "reason"),
        p.ChangeResult("c4", "duplicate", 7, version=3),
        p.ChangeResult("c5", "conflict", 43, conflict_fields=["room"], clock_suspect=True, version=4),
        p.ChangeResult("c6", "merged", 44, version=2)], 12, 1763600000000)


@pytest.mark.parametrize("content_type", [p.MSGPACK, p.JSON])
def test_compact_answer_round_trips_with_the_batchs_change_ids(content_type):
    answer = _answer()
    ids = [r.change_id for r in answer.results]
    body, headers = p.encode_answer(answer, content_type, compact=True)
    assert p.decode_answer(body, headers["Content-Type"], headers["Content-Encoding"], ids) == answer
    plain = p.answer_to_dict(answer, compact=True)
    assert "c1" not in str(plain) and "c3" in str(plain)  # ids only where there is more to say
    assert plain["status"] == "aardcm" and plain["seq"] == [41, 1, None, -35, 36, 1]
    # the stored form carries its ids; the full form needs none
    assert p.answer_from_dict(p.answer_to_dict(answer, compact=True, with_ids=True)) == answer
    assert p.answer_from_dict(p.to_dict(answer), ids) == answer


@pytest.mark.parametrize("change, words", [
    (lambda d, ids: ids.pop(), "one status, seq and version"),
    (lambda d, ids: d.update(status="aardcx"), "unknown status"),
    (lambda d, ids: d["extra"][0].update(change_id="other"), "not c3 of the batch"),
    (lambda d, ids: d["extra"][0].update(i=99), "outside the batch"),
    (lambda d, ids: d["seq"].__setitem__(0, "41"), "'seq' has the wrong type"),
    (lambda d, ids: d["ver"].__setitem__(0, -1), "'ver' has the wrong type"),
])
def test_a_compact_answer_that_does_not_fit_the_batch_is_refused(change, words):
    answer = _answer()
    ids = [r.change_id for r in answer.results]
    obj = p.answer_to_dict(answer, compact=True)
    change(obj, ids)
    with pytest.raises(p.ProtocolError) as err:
        p.answer_from_dict(obj, ids)
    assert words in err.value.reason
    with pytest.raises(p.ProtocolError) as err:
        p.answer_from_dict(p.answer_to_dict(answer, compact=True))  # no ids at all
    assert "change ids" in err.value.reason


def test_a_compact_answer_of_a_full_batch_is_a_few_hundred_bytes():
    results = [p.ChangeResult(str(uuid.uuid4()), "applied", 1000 + i, version=1) for i in range(500)]
    answer = p.PushAnswer(str(uuid.uuid4()), results, 500, 1763600000000)
    full, _ = p.encode_answer(answer)
    compact, _ = p.encode_answer(answer, compact=True)
    assert len(compact) < 200 < 10_000 < len(full), (len(compact), len(full))
