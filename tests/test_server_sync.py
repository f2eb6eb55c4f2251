"""The sync API over real HTTP, on SQLite and on PostgreSQL."""
from __future__ import annotations

import gzip
import json
import threading
import time
import uuid

import msgpack
import pytest
import requests
import zstandard

from care_core.domain.hlc import MAX_DRIFT_MS
from care_core import protocol as p
from tests.server_fixtures import BACKENDS, FakePC, checkup_fields, hlc_at, resident_fields, server_for

_n = iter(range(1, 10_000))


@pytest.fixture(scope="module", params=BACKENDS)
def server(request, tmp_path_factory):
    return server_for(request, tmp_path_factory, "sync")


@pytest.fixture
def facility(server):
    """A fresh facility per test: tests share the server, never data."""
    return server.add_facility(f"FAC-{next(_n)}")


def _new_resident(pc: FakePC, **extra) -> str:
    rid = str(uuid.uuid4())
    pc.change("residents", rid, "insert", resident_fields(**extra))
    return rid


def test_push_then_another_pc_of_the_facility_pulls_it(server, facility):
    a, b = FakePC.enrol(server, facility, "PC-1"), FakePC.enrol(server, facility, "PC-2")
    rid = _new_resident(a)
    cid = str(uuid.uuid4())
    a.change("checkups", cid, "insert", checkup_fields(rid))
    answer = a.push()
    assert [r.status for r in answer.results] == ["applied", "applied"]
    assert answer.highest_seq_applied == 2
    got, cursor = b.pull_all()
    assert [(c.table, c.row_id, c.op, c.origin_device) for c in got] == [
        ("residents", rid, "insert", a.device_id), ("checkups", cid, "insert", a.device_id)]
    assert got[0].fields["full_name"] == "Nguyễn Văn An" and got[0].version == 1
    assert got[1].fields["systolic"] == 130
    assert cursor == 2
    # the pushing PC does not get its own changes back, but its cursor moves past them
    own, own_cursor = a.pull_all()
    assert own == [] and own_cursor == 2


def test_retried_batch_gets_the_same_answer_and_applies_nothing_twice(server, facility):
    a = FakePC.enrol(server, facility)
    rid = _new_resident(a)
    a.change("residents", rid, "update", {"room": "P9"}, base_version=1)
    batch = a.batch()
    first = a.push(batch)
    again = a.push(batch)  # the answer was lost on the way: same batch id
    assert again == first
    assert server.scalar("SELECT count(*) FROM changes WHERE facility_code = :f", f=facility) == 2
    assert server.scalar("SELECT version FROM records WHERE row_id = :r", r=rid) == 2


def test_a_change_sent_again_in_a_new_batch_is_a_duplicate(server, facility):
    a = FakePC.enrol(server, facility)
    _new_resident(a)
    c = a.pending[0]
    first = a.push()
    second = a.push(a.batch([c]))  # new batch id, same change id
    assert second.results[0].status == "duplicate"
    assert second.results[0].server_seq == first.results[0].server_seq
    assert server.scalar("SELECT count(*) FROM changes WHERE facility_code = :f", f=facility) == 1


def test_rejected_change_is_answered_kept_and_does_not_block_the_rest(server, facility):
    a, b = FakePC.enrol(server, facility), FakePC.enrol(server, facility)
    rid = _new_resident(a)
    bad = a.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(rid, systolic=300))
    good = a.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(rid, systolic=120))
    orphan = a.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(str(uuid.uuid4())))
    answer = a.push()
    by_id = {r.change_id: r for r in answer.results}
    assert by_id[bad.change_id].status == "rejected"
    assert "Huyết áp tâm thu" in by_id[bad.change_id].reason_vi and "300" in by_id[bad.change_id].reason_vi
    assert "Systolic blood pressure" in by_id[bad.change_id].reason_en
    assert by_id[good.change_id].status == "applied"
    assert by_id[orphan.change_id].status == "rejected"
    assert "resident" in by_id[orphan.change_id].reason_en
    assert answer.highest_seq_applied == 4  # acknowledged, whatever the outcome
    stored = server.scalar("SELECT reason_en FROM rejected_changes WHERE change_id = :c", c=bad.change_id)
    assert "260" in stored
    # sending it again answers the same refusal, and it never reaches other PCs
    again = a.push(a.batch([bad]))
    assert again.results[0].status == "rejected" and again.results[0].reason_en == by_id[bad.change_id].reason_en
    pulled, _ = b.pull_all()
    assert {c.row_id for c in pulled} == {rid, good.row_id}


@pytest.mark.parametrize("fields, words", [
    ({"no_such_field": 1}, "unknown field"),
    ({"room": 12}, "must be text"),
    ({"birth_date": "04/03/1950"}, "YYYY-MM-DD"),
    ({"sex": "X"}, "Giới tính"),
    ({"next_of_kin_phone": "12345"}, "phone"),
])
def test_field_level_refusals_give_the_reason(server, facility, fields, words):
    a = FakePC.enrol(server, facility)
    rid = _new_resident(a)
    a.change("residents", rid, "update", fields, base_version=1)
    answer = a.push()
    assert answer.results[0].status == "applied"
    result = answer.results[1]
    assert result.status == "rejected"
    assert words in result.reason_en or words in result.reason_vi
    assert server.scalar("SELECT version FROM records WHERE row_id = :r", r=rid) == 1


def test_a_refused_change_with_a_huge_number_is_kept_with_its_reason(server, facility):
    """JSON bodies may carry integers of any size; the refused change is
    stored as it came (orjson cannot encode it, the standard library can)."""
    a = FakePC.enrol(server, facility)
    rid = _new_resident(a)
    a.push()
    bad = a.change("residents", rid, "update", {"room": 2**70}, base_version=1)
    answer = a.push(content_type=p.JSON)
    assert answer.results[0].status == "rejected" and "must be text" in answer.results[0].reason_en
    stored = server.scalar("SELECT fields FROM rejected_changes WHERE change_id = :c", c=bad.change_id)
    assert json.loads(stored) == {"room": 2**70}


def test_clinical_records_are_insert_only_and_tables_must_be_synced(server, facility):
    a = FakePC.enrol(server, facility)
    rid = _new_resident(a)
    cid = str(uuid.uuid4())
    a.change("checkups", cid, "insert", checkup_fields(rid))
    a.change("checkups", cid, "update", {"systolic": 140}, base_version=1)
    a.change("audit_log", str(uuid.uuid4()), "insert", {"x": 1})
    statuses = [(r.status, r.reason_en) for r in a.push().results]
    assert statuses[1][0] == "applied"
    assert statuses[2][0] == "rejected" and "insert-only" in statuses[2][1]
    assert statuses[3][0] == "rejected" and "not synchronised" in statuses[3][1]


def test_facility_a_cannot_read_or_write_facility_b(server, facility):
    other = server.add_facility(f"FAC-B{next(_n)}")
    a, b = FakePC.enrol(server, facility), FakePC.enrol(server, other)
    b_rid = _new_resident(b, name="Trần Thị Bình")
    b.push()
    # A edits B's record by id, inserts over it, and files a checkup against it: all refused
    a.change("residents", b_rid, "update", {"room": "hacked"}, base_version=1)
    a.change("residents", b_rid, "insert", resident_fields(name="Kẻ Gian"))
    a.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(b_rid))
    answer = a.push()
    assert [r.status for r in answer.results] == ["rejected"] * 3
    row = json.loads(server.scalar("SELECT data FROM records WHERE row_id = :r", r=b_rid))
    assert row["room"] == "P1" and row["full_name"] == "Trần Thị Bình"
    # a facility row naming B is refused too
    a.change("facility", str(uuid.uuid4()), "insert", {"code": other, "name": "Giả mạo", "type": "social-assistance"})
    assert a.push().results[0].status == "rejected"
    # A's pulls see nothing of B; a batch claiming B's device is refused
    assert a.pull_all()[0] == []
    forged = b.batch([b.change("residents", str(uuid.uuid4()), "insert", resident_fields())])
    body, headers = p.encode_push(forged)
    r = a.http.post(f"{server.url}/v1/push", data=body, headers=headers, timeout=10)
    assert r.status_code == 403 and r.json()["error"] == "wrong-device"


def test_revoked_or_unknown_token_gets_401_with_the_error_code(server, facility):
    from provincial_server import admin
    from provincial_server.db import write_conn
    a = FakePC.enrol(server, facility)
    assert a.pull_page(0).changes == []
    with write_conn(server.engine) as conn, conn.begin():
        admin.revoke_device(conn, a.device_id)
    for call in (lambda: a.http.get(f"{server.url}/v1/pull", timeout=10),
                 lambda: a.http.post(f"{server.url}/v1/push", data=p.encode_push(a.batch([]))[0],
                                     headers=p.encode_push(a.batch([]))[1], timeout=10),
                 lambda: requests.get(f"{server.url}/v1/pull", headers={"Authorization": "Bearer nonsense"}, timeout=10),
                 lambda: requests.get(f"{server.url}/v1/conflicts", timeout=10)):
        r = call()
        assert r.status_code == 401
        body = r.json()
        assert body["error"] == "device-revoked" and "thu hồi" in body["message_vi"] and body["message_en"]


def test_enrolment_code_is_one_time(server, facility):
    code = server.enrolment_code(facility)
    assert requests.post(f"{server.url}/v1/enrol", json={"code": code.lower()}, timeout=10).status_code == 200
    r = requests.post(f"{server.url}/v1/enrol", json={"code": code}, timeout=10)
    assert r.status_code == 410 and r.json()["error"] == "enrolment-code-invalid"
    r = requests.post(f"{server.url}/v1/enrol", json={"code": "AAAA-BBBB-CCCC-DDDD"}, timeout=10)
    assert r.status_code == 410
    assert server.scalar("SELECT count(*) FROM enrolment_codes WHERE code_hash = :c", c=code) == 0  # stored hashed


def _post(server, pc, body: bytes, headers: dict):
    return requests.post(f"{server.url}/v1/push", data=body,
                         headers={"Authorization": f"Bearer {pc.token}", **headers}, timeout=30)


def test_bad_bodies_get_a_4xx_with_a_reason_and_the_server_stays_healthy(server, facility):
    a = FakePC.enrol(server, facility)
    good = a.batch([a.change("residents", str(uuid.uuid4()), "insert", resident_fields())])
    cases = [
        (b"\x93\x01\x02", {"Content-Type": p.MSGPACK}, 400),  # msgpack, not an object
        (b"{not json", {"Content-Type": "application/json"}, 400),
        (json.dumps({"batch_id": "x"}).encode(), {"Content-Type": "application/json"}, 400),
        (json.dumps({**p.to_dict(good), "changes": [{"change_id": "c"}]}).encode(), {"Content-Type": "application/json"}, 400),
        (p.canonical_json(p.to_dict(good)), {"Content-Type": "text/plain"}, 415),
        (p.canonical_json(p.to_dict(good)), {"Content-Type": "application/json", "Content-Encoding": "br"}, 415),
        (b"\x28\xb5\x2f\xfd garbage", {"Content-Type": p.MSGPACK, "Content-Encoding": "zstd"}, 400),
        (b"x" * (p.MAX_BODY_BYTES + 10), {"Content-Type": "application/json"}, 413),
        (zstandard.ZstdCompressor().compress(b"\x00" * (p.MAX_DECODED_BYTES + 1000)),
         {"Content-Type": p.MSGPACK, "Content-Encoding": "zstd"}, 413),  # zip bomb
        (gzip.compress(b" " * (p.MAX_DECODED_BYTES + 1000)),
         {"Content-Type": "application/json", "Content-Encoding": "gzip"}, 413),
    ]
    too_many = p.to_dict(good)
    too_many["changes"] = too_many["changes"] * (p.MAX_BATCH_CHANGES + 1)
    cases.append((zstandard.ZstdCompressor().compress(msgpack.packb(too_many)),
                  {"Content-Type": p.MSGPACK, "Content-Encoding": "zstd"}, 413))
    for body, headers, status in cases:
        r = _post(server, a, body, headers)
        assert r.status_code == status, (headers, r.text)
        err = r.json()
        assert err["error"] and err["message_vi"] and err["message_en"], err
        assert requests.get(f"{server.url}/health", timeout=5).json() == {"status": "ok"}
    # gzip JSON is accepted as well as msgpack+zstd; nothing above was applied
    assert a.push(good, p.JSON).results[0].status == "applied"
    assert server.scalar("SELECT count(*) FROM changes WHERE facility_code = :f", f=facility) == 1


def test_bad_query_parameters_and_unknown_routes(server, facility):
    a = FakePC.enrol(server, facility)
    for params in ({"after": -1}, {"limit": 0}, {"limit": 100000}, {"after": "x"}):
        r = a.http.get(f"{server.url}/v1/pull", params=params, timeout=10)
        assert r.status_code == 422 and r.json()["error"] == "malformed"
    r = a.http.get(f"{server.url}/v1/pull", params={"after": 10**6}, timeout=10)
    assert r.status_code == 409 and r.json()["error"] == "cursor-ahead"
    r = a.http.get(f"{server.url}/v1/nothing", timeout=10)
    assert r.status_code == 404 and r.json()["error"] == "not-found"


def test_server_seq_is_monotonic_and_small_pages_see_every_change_once(server, facility):
    a, b, c = (FakePC.enrol(server, facility) for _ in range(3))
    expected = set()
    for round_ in range(3):  # interleaved pushes from two PCs
        for pc in (a, b):
            rids = [_new_resident(pc, room=f"R{round_}-{i}") for i in range(7)]
            answer = pc.push()
            seqs = [r.server_seq for r in answer.results]
            assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
            expected |= set(rids)
    got, cursor = c.pull_all(limit=4)
    assert [x.row_id for x in got if True] and len(got) == len(expected) == 42
    assert {x.row_id for x in got} == expected
    seqs = [x.server_seq for x in got]
    assert seqs == list(range(1, 43)) and cursor == 42
    # A pulls B's 21 changes only, in pages, and its cursor still ends past its own
    mine, cursor_a = a.pull_all(limit=5)
    assert {x.origin_device for x in mine} == {b.device_id} and len(mine) == 21 and cursor_a == 42


def test_concurrent_pushes_never_let_a_cursor_skip_a_late_commit(server, facility):
    """Pushers and a puller run at once; the puller must end with every change exactly once."""
    pushers = [FakePC.enrol(server, facility) for _ in range(3)]
    reader = FakePC.enrol(server, facility)
    seen: list[int] = []
    stop = threading.Event()
    errors = []

    def push_loop(pc):
        try:
            for _ in range(5):
                for _ in range(10):
                    _new_resident(pc)
                pc.push()
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def pull_loop():
        cursor = 0
        while True:
            done = stop.is_set()
            page = reader.pull_page(cursor, limit=7)
            seen.extend(c.server_seq for c in page.changes)
            cursor = page.cursor
            if done and not page.has_more:
                return

    threads = [threading.Thread(target=push_loop, args=(pc,)) for pc in pushers]
    puller = threading.Thread(target=pull_loop)
    puller.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    stop.set()
    puller.join(60)
    assert not errors
    assert sorted(seen) == seen and len(seen) == len(set(seen)) == 150
    assert seen == list(range(1, 151))


def test_same_field_edited_on_two_pcs_later_hlc_wins_and_loser_is_a_conflict(server, facility):
    a, b = FakePC.enrol(server, facility), FakePC.enrol(server, facility)
    rid = _new_resident(a)
    a.push()
    b.pull_all()
    t = int(time.time() * 1000)
    # both edit the room from version 1; B's edit is later by HLC but arrives first
    b.change("residents", rid, "update", {"room": "B-later", "notes": "ghi chú B"}, 1, hlc=hlc_at(t + 2000, b.device_id))
    a.change("residents", rid, "update", {"room": "A-earlier", "next_of_kin_name": "Con gái"}, 1,
             hlc=hlc_at(t + 1000, a.device_id))
    assert b.push().results[0].status == "applied"
    result = a.push().results[0]
    assert result.status == "conflict" and result.conflict_fields == ["room"]
    row = json.loads(server.scalar("SELECT data FROM records WHERE row_id = :r", r=rid))
    assert row["room"] == "B-later"  # the later stamp, not the later arrival
    assert row["notes"] == "ghi chú B" and row["next_of_kin_name"] == "Con gái"  # other fields merged
    r = a.http.get(f"{server.url}/v1/conflicts", timeout=10)
    conflicts = [p.conflict_from_dict(x) for x in r.json()["conflicts"]]
    assert len(conflicts) == 1
    k = conflicts[0]
    assert (k.table, k.row_id, k.field) == ("residents", rid, "room")
    assert (k.winning_value, k.winning_device) == ("B-later", b.device_id)
    assert (k.losing_value, k.losing_device) == ("A-earlier", a.device_id)
    assert not k.resolved
    # both PCs converge on the server's values by pulling
    pulled_a, _ = a.pull_all()
    assert pulled_a[-1].fields["room"] == "B-later" and pulled_a[-1].version == 3
    # a nurse resolves it with the losing value: a new change every PC pulls
    cursor_b = b.pull_all()[1]
    r = a.http.post(f"{server.url}/v1/conflicts/{k.id}/resolve", json={"value": "A-earlier"}, timeout=10)
    assert r.status_code == 200, r.text
    seq = r.json()["server_seq"]
    new, _ = b.pull_all(cursor_b)
    assert [(c.server_seq, c.origin_device, c.fields) for c in new] == [(seq, "server", {"room": "A-earlier"})]
    again = a.http.post(f"{server.url}/v1/conflicts/{k.id}/resolve", json={"value": "other"}, timeout=10)
    assert again.json() == {"conflict_id": k.id, "server_seq": seq, "already_resolved": True}
    assert a.http.get(f"{server.url}/v1/conflicts", timeout=10).json()["conflicts"] == []


def test_an_older_edit_arriving_late_does_not_overwrite_a_newer_one(server, facility):
    a, b = FakePC.enrol(server, facility), FakePC.enrol(server, facility)
    rid = _new_resident(a)
    a.push()
    t = int(time.time() * 1000)
    a.change("residents", rid, "update", {"room": "new"}, 1, hlc=hlc_at(t + 5000, a.device_id))
    a.push()
    b.change("residents", rid, "update", {"room": "old"}, 1, hlc=hlc_at(t + 1000, b.device_id))
    assert b.push().results[0].status == "conflict"
    assert json.loads(server.scalar("SELECT data FROM records WHERE row_id = :r", r=rid))["room"] == "new"


def test_edits_of_different_fields_merge_without_conflict(server, facility):
    a, b = FakePC.enrol(server, facility), FakePC.enrol(server, facility)
    rid = _new_resident(a)
    a.push()
    a.change("residents", rid, "update", {"room": "P5"}, 1)
    b.change("residents", rid, "update", {"notes": "dị ứng penicillin"}, 1)
    assert a.push().results[0].status == "applied"
    assert b.push().results[0].status == "merged"
    row = json.loads(server.scalar("SELECT data FROM records WHERE row_id = :r", r=rid))
    assert (row["room"], row["notes"]) == ("P5", "dị ứng penicillin")
    assert server.scalar("SELECT count(*) FROM conflicts WHERE facility_code = :f", f=facility) == 0


def test_edit_of_a_deleted_record_resurrects_nothing_and_is_a_conflict(server, facility):
    a, b = FakePC.enrol(server, facility), FakePC.enrol(server, facility)
    rid = _new_resident(a)
    a.push()
    a.change("residents", rid, "delete", {"deleted": True}, 1)
    assert a.push().results[0].status == "applied"
    b.change("residents", rid, "update", {"room": "P7"}, 1)  # B had not heard of the deletion
    result = b.push().results[0]
    assert result.status == "conflict" and result.conflict_fields == ["room"]
    assert server.scalar("SELECT deleted FROM records WHERE row_id = :r", r=rid) in (True, 1)
    row = json.loads(server.scalar("SELECT data FROM records WHERE row_id = :r", r=rid))
    assert row["room"] == "P1"
    conflict = a.http.get(f"{server.url}/v1/conflicts", timeout=10).json()["conflicts"][0]
    assert (conflict["field"], conflict["winning_device"], conflict["losing_value"]) == ("room", a.device_id, "P7")
    # choosing the edit restores the record, visibly, through a new change
    r = b.http.post(f"{server.url}/v1/conflicts/{conflict['id']}/resolve", json={"value": "P7"}, timeout=10)
    assert r.status_code == 200
    assert server.scalar("SELECT deleted FROM records WHERE row_id = :r", r=rid) in (False, 0)
    pulled, _ = a.pull_all(r.json()["server_seq"] - 1)
    assert pulled[0].fields == {"room": "P7", "deleted": False} and pulled[0].deleted is False


def test_deleting_a_record_edited_elsewhere_records_a_conflict(server, facility):
    a, b = FakePC.enrol(server, facility), FakePC.enrol(server, facility)
    rid = _new_resident(a)
    a.push()
    b.change("residents", rid, "update", {"room": "P8"}, 1)
    b.push()
    a.change("residents", rid, "delete", {"deleted": True}, 1)
    result = a.push().results[0]
    assert result.status == "conflict" and result.conflict_fields == ["deleted"]
    assert server.scalar("SELECT deleted FROM records WHERE row_id = :r", r=rid) in (True, 1)


def test_a_clock_far_ahead_is_applied_flagged_and_not_trusted(server, facility):
    a, b = FakePC.enrol(server, facility), FakePC.enrol(server, facility)
    rid = _new_resident(b)
    b.push()
    a.now_ms[0] = int(time.time() * 1000) + 365 * 24 * 3600 * 1000  # a year ahead
    a.change("residents", rid, "update", {"room": "from the wrong clock"}, 1)
    result = a.push().results[0]
    assert result.status == "applied" and result.clock_suspect
    assert server.scalar("SELECT clock_suspect FROM changes WHERE change_id = :c", c=result.change_id) in (True, 1)
    # a later edit from a PC with a right clock still wins the field
    time.sleep(0.01)
    b.now_ms[0] = int(time.time() * 1000)
    b.change("residents", rid, "update", {"room": "P3"}, 1)
    assert b.push().results[0].status == "conflict"
    row = json.loads(server.scalar("SELECT data FROM records WHERE row_id = :r", r=rid))
    assert row["room"] == "P3"
    assert MAX_DRIFT_MS == 5 * 60 * 1000


def test_conflicts_of_another_facility_are_not_found(server, facility):
    a, b = FakePC.enrol(server, facility), FakePC.enrol(server, facility)
    rid = _new_resident(a)
    a.push()
    a.change("residents", rid, "update", {"room": "X"}, 1)
    b.change("residents", rid, "update", {"room": "Y"}, 1)
    a.push()
    b.push()
    conflict_id = a.http.get(f"{server.url}/v1/conflicts", timeout=10).json()["conflicts"][0]["id"]
    stranger = FakePC.enrol(server, server.add_facility(f"FAC-C{next(_n)}"))
    assert stranger.http.get(f"{server.url}/v1/conflicts", timeout=10).json()["conflicts"] == []
    r = stranger.http.post(f"{server.url}/v1/conflicts/{conflict_id}/resolve", json={"value": "Z"}, timeout=10)
    assert r.status_code == 404 and r.json()["error"] == "not-found"
    bad = a.http.post(f"{server.url}/v1/conflicts/{conflict_id}/resolve", json={"value": 5}, timeout=10)
    assert bad.status_code == 422 and "text" in bad.json()["message_en"]


def test_every_answer_says_the_rows_server_version(server, facility):
    """A PC never pulls its own changes back, so the push answer tells it the
    row's server version; a duplicate says the version of its first apply."""
    a, b = FakePC.enrol(server, facility), FakePC.enrol(server, facility)
    rid = _new_resident(a)
    insert = a.pending[0]
    a.change("residents", rid, "update", {"room": "P2"}, base_version=1)
    bad = a.change("residents", rid, "update", {"sex": "X"}, base_version=2)
    first = a.push()
    assert [(r.status, r.version) for r in first.results] == [("applied", 1), ("applied", 2), ("rejected", 0)]
    b.change("residents", rid, "update", {"notes": "từ máy B"}, base_version=1)
    assert [(r.status, r.version) for r in b.push().results] == [("merged", 3)]
    again = a.push(a.batch([insert, bad]))  # new batch id: the insert is a duplicate of its first apply
    assert [(r.status, r.version) for r in again.results] == [("duplicate", 1), ("rejected", 0)]
    cid = str(uuid.uuid4())
    a.change("checkups", cid, "insert", checkup_fields(rid))
    checkup = a.pending[0]
    a.push()
    same = a.change("checkups", cid, "insert", dict(checkup.fields))  # the same record under a new change id
    assert [(r.status, r.version) for r in a.push(a.batch([same])).results] == [("duplicate", 1)]
    assert server.scalar("SELECT version FROM records WHERE row_id = :r", r=rid) == 3


def test_batches_in_flight_may_arrive_in_any_order(server, facility):
    """The pipelining rule (docs/sync-protocol.md): a batch is applied whatever
    its seq_from; highest_seq_applied is the highest sequence recorded; only a
    change that names a record not yet on the server is refused."""
    a, b = FakePC.enrol(server, facility), FakePC.enrol(server, facility)
    r1, r2 = str(uuid.uuid4()), str(uuid.uuid4())
    early = a.batch([a.change("residents", r1, "insert", resident_fields(room="R1")),
                     a.change("residents", r1, "update", {"room": "R1-later"}, base_version=1)])
    late = a.batch([a.change("residents", r2, "insert", resident_fields(room="R2")),
                    a.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(r2))])
    ahead = a.push(late)  # seqs 3-4 before 1-2: no gap refusal
    assert [r.status for r in ahead.results] == ["applied", "applied"] and ahead.highest_seq_applied == 4
    behind = a.push(early)
    assert [r.status for r in behind.results] == ["applied", "applied"] and behind.highest_seq_applied == 4
    assert [r.server_seq for r in ahead.results + behind.results] == [1, 2, 3, 4]  # in arrival order
    # a record's dependants before the record itself: refused for good
    r3 = str(uuid.uuid4())
    orphan = a.batch([a.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(r3))])
    parent = a.batch([a.change("residents", r3, "insert", resident_fields())])
    assert a.push(orphan).results[0].status == "rejected"
    assert a.push(parent).results[0].status == "applied"
    pulled, _ = b.pull_all()
    assert [(c.table, c.fields.get("room"), c.fields.get("resident_id")) for c in pulled[:4]] == [
        ("residents", "R2", None), ("checkups", None, r2), ("residents", "R1-later", None),
        ("residents", "R1-later", None)]
    # two batches at once on two connections: both applied, each change once
    rows = [str(uuid.uuid4()) for _ in range(20)]
    halves = [a.batch([a.change("residents", r, "insert", resident_fields()) for r in rows[i:i + 10]])
              for i in (0, 10)]
    answers = []
    threads = [threading.Thread(target=lambda bt=bt: answers.append(a.push(bt))) for bt in reversed(halves)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(r.status for ans in answers for r in ans.results) == ["applied"] * 20
    assert max(ans.highest_seq_applied for ans in answers) == a.seq
    assert server.scalar("SELECT count(*) FROM records WHERE facility_code = :f AND table_name = 'residents'",
                         f=facility) == 23


def test_resolving_with_the_current_value_is_accepted(server, facility):
    """A PC that resolved offline pushes its choice as an ordinary change,
    then tells the server with the same value: accepted, nothing else moves."""
    a, b = FakePC.enrol(server, facility), FakePC.enrol(server, facility)
    rid = _new_resident(a)
    a.push()
    t = int(time.time() * 1000)
    b.change("residents", rid, "update", {"room": "B"}, 1, hlc=hlc_at(t + 2000, b.device_id))
    a.change("residents", rid, "update", {"room": "A"}, 1, hlc=hlc_at(t + 1000, a.device_id))
    b.push()
    assert a.push().results[0].status == "conflict"
    conflict = a.http.get(f"{server.url}/v1/conflicts", timeout=10).json()["conflicts"][0]
    a.now_ms[0] = t + 3000
    mine = a.change("residents", rid, "update", {"room": "A"}, 2)  # the nurse keeps "A", offline
    assert a.push().results[0].status == "applied"
    version = server.scalar("SELECT version FROM records WHERE row_id = :r", r=rid)
    r = a.http.post(f"{server.url}/v1/conflicts/{conflict['id']}/resolve", json={"value": "A"}, timeout=10)
    assert r.status_code == 200, r.text
    assert r.json()["already_resolved"] is False
    assert json.loads(server.scalar("SELECT data FROM records WHERE row_id = :r", r=rid))["room"] == "A"
    assert server.scalar("SELECT version FROM records WHERE row_id = :r", r=rid) == version + 1
    assert a.http.get(f"{server.url}/v1/conflicts", timeout=10).json()["conflicts"] == []
    pulled, _ = b.pull_all()
    assert [c.fields for c in pulled if c.change_id == mine.change_id] == [{"room": "A"}]
    assert pulled[-1].origin_device == "server" and pulled[-1].fields == {"room": "A"}


def test_devices_are_numbered_per_facility_and_numbers_are_never_reused(server, facility):
    from provincial_server import admin
    from provincial_server.db import write_conn
    pcs = [FakePC.enrol(server, facility, f"PC-{i}") for i in range(3)]
    assert [pc.number for pc in pcs] == [1, 2, 3]
    with write_conn(server.engine) as conn, conn.begin():
        admin.revoke_device(conn, pcs[2].device_id)
    assert FakePC.enrol(server, facility).number == 4
    assert FakePC.enrol(server, server.add_facility(f"FAC-N{next(_n)}")).number == 1
    # a waiting slot has no number until its code is exchanged
    code = server.enrolment_code(facility)
    assert server.scalar("SELECT count(*) FROM devices WHERE facility_code = :f AND number IS NULL", f=facility) == 1
    r = requests.post(f"{server.url}/v1/enrol", json={"code": code}, timeout=10)
    assert r.json()["device_number"] == 5


def test_a_compact_answer_is_given_when_asked_and_a_retry_gets_it_again(server, facility):
    a = FakePC.enrol(server, facility)
    rid = _new_resident(a)
    a.change("residents", rid, "update", {"sex": "X"}, base_version=1)
    batch = a.batch()
    batch.compact_answer = True
    body, headers = p.encode_push(batch)
    r = a.http.post(f"{server.url}/v1/push", data=body, headers={**headers, "Accept": p.MSGPACK}, timeout=30)
    raw = p.decode_body(r.content, r.headers.get("content-type"), r.headers.get("content-encoding"))
    assert "results" not in raw and raw["status"] == "ar" and len(r.content) < 400
    ids = [c.change_id for c in batch.changes]
    first = p.answer_from_dict(raw, ids)
    assert [(x.status, x.server_seq, x.version) for x in first.results] == [("applied", 1, 1), ("rejected", None, 0)]
    assert "Giới tính" in first.results[1].reason_vi
    again = a.push(batch)  # the answer was lost: the same batch id gets the stored one
    assert again == first
    batch.compact_answer = False  # asked in full this time: the same content, full form
    assert a.push(batch) == first


def test_answers_stored_in_the_full_form_are_still_served(server, facility):
    """Batches answered before the compact form was stored (full JSON)."""
    from provincial_server.db import write_conn
    from provincial_server.tables import batches
    a = FakePC.enrol(server, facility)
    batch = a.batch([a.change("residents", str(uuid.uuid4()), "insert", resident_fields())])
    old = p.PushAnswer(batch.batch_id, [p.ChangeResult(batch.changes[0].change_id, "applied", 99)], 1, 5)
    with write_conn(server.engine) as conn, conn.begin():
        conn.execute(batches.insert().values(device_id=a.device_id, batch_id=batch.batch_id,
                                             answer=json.dumps(p.to_dict(old)), received_at="2026-11-01"))
    assert a.push(batch) == old
