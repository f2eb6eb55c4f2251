"""The sync client as an IT officer and a nurse meet it: facility-admin sync
enrol / run / status / conflicts / parked, init --join, and every way a run
can stop (offline, revoked, refused changes), against a real server."""
from __future__ import annotations

import json
import random
import shutil
import subprocess

import pytest
import sqlalchemy as sa

from facility_app.services.container import Services
from facility_app.services.sync import SyncService
from facility_app.storage.store import Store
from facility_app.storage.tables import change_log, checkups, residents
from facility_app.sync import backoff, outbox, setup
from facility_app.sync.engine import LIGHT_LEVEL, _Sizer, sync_once
from care_core.protocol import (
    MSGPACK, ZSTD_FAST_LINK_LEVEL, ZSTD_LEVEL, PushBatch, decode_push, encode_push,
)
from facility_app.sync.errors import Revoked, TlsFailure
from facility_app.sync.runner import SyncRunner
from tests.conftest import PASSPHRASE, SYSTEM, make_services
from tests.store_fixtures import assert_one_line_error, init_args, run_cli
from tests.sync_fixtures import FAST, NURSE, Server, admit, assert_same, checkup, converge, edit, first_pc, joined_pc
from tests.sync_fixtures import sqlite_server  # noqa: F401 (fixture)

REVOKED_VI = "Máy này đã bị thu hồi quyền đồng bộ; liên hệ cán bộ CNTT để đăng ký lại."


# --- the command line, end to end ------------------------------------------------

@pytest.mark.slow  # several facility-admin runs
def test_cli_enrol_run_status_and_a_second_pc_joins(sqlite_server, tmp_path):
    server = sqlite_server
    one, two = tmp_path / "one", tmp_path / "two"
    assert run_cli(one, *init_args()).returncode == 0
    status = run_cli(one, "sync", "status")
    assert status.returncode == 0 and "Chưa đăng ký đồng bộ" in status.stdout
    assert "Thay đổi chờ gửi: 2" in status.stdout  # the facility row and the admin
    _, code = server.enrol_code("one")
    enrolled = run_cli(one, "sync", "enrol", server.base_url, code)
    assert enrolled.returncode == 0, enrolled.stderr
    assert "TTBTXH-LS" in enrolled.stdout
    ran = run_cli(one, "sync", "run")
    assert ran.returncode == 0, ran.stderr
    assert "Đã gửi 2 và nhận 0 thay đổi" in ran.stdout
    status = run_cli(one, "sync", "status", lang="en")
    assert f"Server: {server.base_url} (facility TTBTXH-LS)" in status.stdout
    assert "Changes waiting: 0" in status.stdout and "Last successful sync: never" not in status.stdout

    _, code2 = server.enrol_code("two")
    joined = run_cli(two, "init", "--join", server.base_url, code2, passphrase="another passphrase 42")
    assert joined.returncode == 0, joined.stderr
    assert "TTBTXH-LS" in joined.stdout
    info = run_cli(two, "info", passphrase="another passphrase 42")
    assert "TTBTXH-LS" in info.stdout
    users = run_cli(two, "users", "list", passphrase="another passphrase 42")
    assert users.stdout.startswith("admin\t")
    assert run_cli(two, "sync", "run", passphrase="another passphrase 42").returncode == 0


@pytest.mark.slow  # several facility-admin runs
def test_cli_join_refusals_leave_no_store(sqlite_server, tmp_path):
    server = sqlite_server
    target = tmp_path / "new"
    # nothing of the facility on the server yet
    _, code = server.enrol_code()
    err = assert_one_line_error(run_cli(target, "init", "--join", server.base_url, code))
    assert "chưa có dữ liệu của cơ sở TTBTXH-LS" in err
    assert not target.exists()
    # a code used once is spent
    err = assert_one_line_error(run_cli(target, "init", "--join", server.base_url, code))
    assert "410" in err
    assert not target.exists()
    # plain http to another machine is refused before anything is made
    err = assert_one_line_error(run_cli(target, "init", "--join", "http://example.org", "X"))
    assert "https" in err
    # a missing argument of a normal init says what is needed
    err = assert_one_line_error(run_cli(target, "init", "--facility-code", "ABC"))
    assert "--join" in err
    assert not target.exists()


@pytest.mark.slow  # several facility-admin runs
def test_cli_run_says_offline_and_keeps_the_changes(sqlite_server, tmp_path):
    server = sqlite_server
    one = tmp_path / "one"
    assert run_cli(one, *init_args()).returncode == 0
    _, code = server.enrol_code()
    assert run_cli(one, "sync", "enrol", server.base_url, code).returncode == 0
    server.stop()
    err = assert_one_line_error(run_cli(one, "sync", "run", "--read-timeout", "2"))
    assert "Không kết nối được máy chủ tỉnh" in err
    status = run_cli(one, "sync", "status")
    assert "Thay đổi chờ gửi: 2" in status.stdout
    assert "Lần thử gần nhất không thành công: Không kết nối được" in status.stdout
    server.start()
    assert run_cli(one, "sync", "run").returncode == 0
    assert "Thay đổi chờ gửi: 0" in run_cli(one, "sync", "status").stdout


def test_revoked_device_gets_the_clear_message(sqlite_server, tmp_path):
    server = sqlite_server
    pc = first_pc(tmp_path, server)
    try:
        assert pc.sync().complete
        admit(pc, random.Random(2))
        server.revoke(pc.device_id)
        report = pc.sync()
        assert isinstance(report.error, Revoked)
        assert report.error.message("vi") == REVOKED_VI
        assert report.waiting == 2  # nothing lost: the admission and its room wait for a new enrolment
        status = SyncService(pc.store).status(NURSE)
        assert status.revoked and status.waiting == 2
    finally:
        pc.close()
    proc = run_cli(tmp_path / "pc1", "sync", "run")
    assert assert_one_line_error(proc) == REVOKED_VI
    assert REVOKED_VI in run_cli(tmp_path / "pc1", "sync", "status").stdout


@pytest.mark.slow  # several facility-admin runs
def test_a_refused_change_is_parked_and_blocks_nothing(sqlite_server, tmp_path):
    server = sqlite_server
    rng = random.Random(5)
    pc = first_pc(tmp_path, server)
    try:
        r = admit(pc, rng)
        c = checkup(pc, rng, r.id)
        service = SyncService(pc.store)
        assert service.record_state(NURSE, "residents", r.id) == "here"  # saved on this PC only
        assert pc.sync().complete
        assert service.record_state(NURSE, "residents", r.id) == "server"
        # a checkup changed in place (the services never do it; clinical records
        # are insert-only, so the server refuses it) followed by good work
        with pc.store.write(SYSTEM, "bad-edit") as w:
            w.update(checkups, c.id, {"findings": "sửa tại chỗ"})
        after = admit(pc, rng)
        edit(pc, r.id, room="P7")
        report = pc.sync()
        # pushed: the admission and its room, the edit and the room's history row, the refused checkup
        assert report.error is None and report.parked == 1 and report.pushed == 5
        assert not report.complete
        assert set(server.rows()["residents"]) == {r.id, after.id}
        assert service.record_state(NURSE, "checkups", c.id) == "parked"
        assert service.record_state(NURSE, "residents", after.id) == "server"
        [parked] = SyncService(pc.store).parked(NURSE)
        assert parked.table == "checkups" and "insert-only" in parked.reason("en")
        assert "chỉ được thêm mới" in parked.reason("vi")
    finally:
        pc.close()
    data = tmp_path / "pc1"
    err = assert_one_line_error(run_cli(data, "sync", "run"))
    assert "1 thay đổi bị máy chủ từ chối" in err
    listed = run_cli(data, "sync", "parked", lang="en")
    assert "checkups/" in listed.stdout and "insert-only" in listed.stdout
    assert run_cli(data, "sync", "parked", "--dismiss", "all").returncode == 0
    assert run_cli(data, "sync", "run").returncode == 0


@pytest.mark.slow  # several facility-admin runs
def test_cli_conflicts_list_and_resolve(sqlite_server, tmp_path):
    server = sqlite_server
    rng = random.Random(9)
    pc1 = first_pc(tmp_path, server)
    r = admit(pc1, rng)
    assert pc1.sync().complete
    pc2 = joined_pc(tmp_path, server)
    try:
        edit(pc1, r.id, room="P-một")
        edit(pc2, r.id, room="P-hai")
        converge(pc1, pc2)
    finally:
        pc1.close()
        pc2.close()
    data = tmp_path / "pc1"
    listed = run_cli(data, "sync", "conflicts", lang="en")
    assert listed.returncode == 0
    [line] = listed.stdout.strip().splitlines()
    conflict_id, where, label, mine, theirs, current = line.split("\t")
    assert where == f"residents/{r.id}" and label == "Room"
    assert (mine, theirs, current) == ("mine=“P-một”", "theirs=“P-hai”", "current=theirs")
    assert_one_line_error(run_cli(data, "sync", "conflicts", "--resolve", "999", "--keep", "mine"))
    done = run_cli(data, "sync", "conflicts", "--resolve", conflict_id, "--keep", "mine")
    assert done.returncode == 0 and "P-một" in done.stdout
    assert run_cli(data, "sync", "conflicts").stdout.strip() == "Không có xung đột nào."
    assert run_cli(data, "sync", "run").returncode == 0
    with Store.open(data, PASSPHRASE) as store:
        assert Services(store).residents.get(NURSE, r.id).room == "P-một"


# --- pieces ---------------------------------------------------------------------

def test_backoff_runs_from_two_seconds_to_ten_minutes_with_jitter():
    rng = random.Random(0)
    waits = [backoff.delay(n, rng) for n in range(1, 16)]
    assert 2.0 <= waits[0] <= 2.5
    assert all(2.0 <= w <= 600.0 for w in waits)
    assert waits[-1] == 600.0 or waits[-1] >= 450.0
    assert waits[5] > waits[1]
    draws = {round(backoff.delay(4, rng), 3) for _ in range(20)}
    assert len(draws) > 10  # jittered, not in step
    b = backoff.Backoff(random.Random(1))
    assert b.failed() < b.failed() < b.failed()
    assert b.succeeded() == backoff.REGULAR and b.failures == 0


def test_compression_follows_the_link():
    sizer = _Sizer(500, 1_000_000, 4)
    assert sizer.level == ZSTD_FAST_LINK_LEVEL  # the link is unknown: a middle level until an answer tells
    sizer.answered(1.2, 33_000)  # a 256 kbit/s rural link: 27 KB/s
    assert sizer.level == ZSTD_LEVEL
    assert _Sizer(500, 1_000_000, 4, ZSTD_LEVEL).level == ZSTD_LEVEL  # the last sync found a slow link
    assert _Sizer(500, 1_000_000, 4, LIGHT_LEVEL).level == LIGHT_LEVEL  # ... a fast one
    assert _Sizer(500, 1_000_000, 4, ZSTD_FAST_LINK_LEVEL).level == LIGHT_LEVEL  # as earlier versions kept it
    sizer.answered(0.05, 33_000)  # a LAN or loopback: 660 KB/s
    assert sizer.level == LIGHT_LEVEL
    sizer.answered(1.2, 33_000)  # a 256 kbit/s rural link: 27 KB/s
    assert sizer.level == ZSTD_LEVEL
    sizer.answered(0.05, 33_000)
    sizer.shrink()  # a failure: back to the careful setting
    assert sizer.level == ZSTD_LEVEL
    batch = PushBatch("b1", "d1", 1, 3, [outbox.OutRow(i, f"c{i}", "residents", f"r{i}", "update",
                                                        json.dumps({"notes": "Ăn ngủ được " * 50}), 1,
                                                        f"{i:015d}-00000-d1").to_change() for i in (1, 2, 3)])
    for level in (ZSTD_LEVEL, ZSTD_FAST_LINK_LEVEL, LIGHT_LEVEL):
        body, headers = encode_push(batch, MSGPACK, level)  # the server reads any level
        assert decode_push(body, headers["Content-Type"], headers["Content-Encoding"]) == batch


def test_an_outbox_row_reads_its_fields_as_the_json_module_does():
    """orjson parses the rows; what only the json module reads (NaN, which
    json.dumps writes for a float NaN; an integer beyond 64 bits) still
    reads. ``refs``: the row itself and every text field named ``*_id``."""
    def row(fields: dict, table: str = "checkups") -> outbox.OutRow:
        return outbox.OutRow(1, "c1", table, "k1", "update", json.dumps(fields, ensure_ascii=False, sort_keys=True),
                             1, f"{1:015d}-00000-dev")

    plain = {"resident_id": "r1", "supersedes_id": None, "round_id": 5, "notes": "Ăn ngủ được _id",
             "weight_kg": 51.25, "deleted": False}
    assert row(plain).values == json.loads(row(plain).fields) == plain
    assert row(plain).refs == {"k1", "r1"}
    assert row(plain).to_change().fields == plain
    odd = {**plain, "temp_c": float("nan"), "count": 2 ** 70, "condition_id": "c9"}
    got = row(odd).values
    assert got["temp_c"] != got["temp_c"] and got["count"] == 2 ** 70
    assert row(odd).refs == {"k1", "r1", "c9"}
    assert row({"notes": "x", "name": "y"}, "residents").refs == {"k1"}
    # sets of names seen before or not
    for names in ({"a_id": "p", "b": "q"}, {"a_id": "p", "c": "q"}, {"a_id": 3, "z_id": "w"}):
        assert row(names).refs == {"k1", *(v for k, v in names.items() if k.endswith("_id") and isinstance(v, str))}


def _row(seq: int, size: int) -> outbox.OutRow:
    return outbox.OutRow(seq, f"c{seq}", "residents", f"r{seq}", "update", json.dumps({"notes": "x" * size}), 1,
                         f"{seq:015d}-00000-dev")


def test_a_busy_server_does_not_make_the_pc_compress_harder():
    """The link is judged by the round trip less the time the server says it
    spent (Server-Timing): 1.2 s for 33 KB of which the server took 1.15 s is a fast link."""
    from facility_app.sync.api import server_seconds

    sizer = _Sizer(500, 1_000_000, 4)
    sizer.answered(1.2, 33_000, server_seconds=1.15)
    assert sizer.level == LIGHT_LEVEL
    sizer.answered(1.2, 33_000, server_seconds=0.05)  # the link itself is slow
    assert sizer.level == ZSTD_LEVEL
    sizer.answered(1.2, 33_000, server_seconds=99.0)  # a server claiming more than the round trip
    assert sizer.level == LIGHT_LEVEL
    assert server_seconds("app;dur=12.5") == pytest.approx(0.0125)
    assert server_seconds("db;dur=3, app;dur=40") == pytest.approx(0.003)
    for bad in (None, "", "app", "app;dur=-5", "app;dur=abc", "x" * 5000 + "dur=1"):
        assert server_seconds(bad) == 0.0


def test_the_real_server_tells_its_own_time_on_every_push(sqlite_server, tmp_path, monkeypatch):
    from facility_app.sync import api

    told = []
    real = api.push_encoded

    def recording(*args, **kwargs):
        answer, server_s = real(*args, **kwargs)
        told.append(server_s)
        return answer, server_s

    monkeypatch.setattr(api, "push_encoded", recording)
    rng = random.Random(8)
    pc = first_pc(tmp_path, sqlite_server)
    try:
        for _ in range(3):
            admit(pc, rng)
        assert pc.sync().complete
    finally:
        pc.close()
    assert told and all(0 < s < 30 for s in told)


def test_batches_respect_count_and_size_and_keep_device_order():
    rows = [_row(i, 100) for i in range(1, 1201)]
    batches = list(outbox.cut(rows, 500, 1_000_000))
    assert [len(b) for b in batches] == [500, 500, 200]
    assert [r.seq for b in batches for r in b] == list(range(1, 1201))
    big = [_row(i, 3000) for i in range(1, 50)]
    sized = list(outbox.cut(big, 500, 64 * 1024))
    assert all(sum(r.size for r in b) <= 64 * 1024 for b in sized) and len(sized) > 1
    assert [len(b) for b in outbox.cut([_row(1, 100_000)], 500, 64 * 1024)] == [1]  # too big alone still travels


def test_enrol_refuses_a_code_of_another_facility(sqlite_server, tmp_path):
    server = sqlite_server
    from provincial_server import admin
    from provincial_server.db import write_conn
    with write_conn(server.engine) as conn, conn.begin():
        admin.add_facility(conn, "KHAC-01", "Trung tâm khác", 20)
        _, code, _ = admin.enrol_device(conn, "KHAC-01")
    pc = first_pc(tmp_path, server)
    try:
        with pytest.raises(setup.SetupError) as err:
            setup.enrol(pc.store, server.base_url, code)
        assert "KHAC-01" in err.value.message("vi")
        assert SyncService(pc.store).status().server_url == server.base_url  # the earlier enrolment stays
    finally:
        pc.close()


def test_pulled_changes_write_no_outbox_and_advance_the_clock(sqlite_server, tmp_path):
    server = sqlite_server
    rng = random.Random(4)
    pc1 = first_pc(tmp_path, server)
    for _ in range(3):
        admit(pc1, rng)
    assert pc1.sync().complete
    pc2 = joined_pc(tmp_path, server)
    try:
        with pc2.store.read() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(change_log)).scalar() == 0
        with pc1.store.read() as conn:
            newest = max(conn.execute(sa.select(change_log.c.hlc)).scalars())
        assert pc2.store.clock.last.encode() > newest
        fresh = admit(pc2, rng)
        with pc2.store.read() as conn:
            assert conn.execute(sa.select(change_log.c.hlc).where(change_log.c.row_id == fresh.id)).scalar() > newest
        converge(pc1, pc2)
        assert_same(server, pc1, pc2)
    finally:
        pc1.close()
        pc2.close()



def test_runner_schedules_after_success_failure_and_revocation(sqlite_server, tmp_path):
    server = sqlite_server
    pc = first_pc(tmp_path, server)
    now = [1000.0]
    runner = SyncRunner(pc.store, backoff=backoff.Backoff(random.Random(3)), clock=lambda: now[0], **FAST)
    seen = []
    try:
        assert runner.seconds_until_due() == 0.0
        report = runner.run(seen.append)
        assert report.complete and seen[-1].phase == "done" and any(p.phase == "push" for p in seen)
        assert runner.seconds_until_due() == backoff.REGULAR
        server.stop()
        assert runner.run().error.kind == "offline"
        first = runner.seconds_until_due()
        assert runner.run().error.kind == "offline"
        assert 2.0 <= first < runner.seconds_until_due() <= 600.0
        assert runner.status().last_error and runner.status().waiting == 0
        server.start()
        server.revoke(pc.device_id)
        assert runner.run().error.kind == "revoked"
        assert runner.seconds_until_due() is None  # no automatic retries after a revocation
    finally:
        pc.close()


def test_a_wrong_clock_is_flagged(services):
    from facility_app.cli.sync_cmds import clock_line
    from facility_app.sync import state
    with services.store.engine.begin() as conn:
        state.save_enrolment(conn, server_url="https://dongbo.example.vn", token="t", server_device_id="d",
                             facility_code="TTBTXH-LS", ca_bundle=None)
        state.record_clock_skew(conn, -3 * 60_000)
    assert not SyncService(services.store).status().clock_wrong
    with services.store.engine.begin() as conn:
        state.record_clock_skew(conn, -12 * 60_000)
    status = SyncService(services.store).status()
    assert status.clock_wrong and status.clock_skew_ms == -12 * 60_000
    assert clock_line(status.clock_skew_ms, "vi") == (
        "Cảnh báo: đồng hồ máy này chậm 12 phút so với máy chủ tỉnh; hãy chỉnh lại giờ của máy.")


def _openssl(*args: str, cwd) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("openssl") is None, reason="the openssl tool makes the test certificates")
def test_https_with_the_provinces_own_certificate_authority(tmp_path):
    """The province runs its own CA: without its bundle the certificate is
    refused with a clear message; with it, enrolment and sync work."""
    certs = tmp_path / "certs"
    certs.mkdir()
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", "ca.key", "-out", "ca.pem",
             "-subj", "/CN=So Y te thu nghiem CA", cwd=certs)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
             "-subj", "/CN=127.0.0.1", cwd=certs)
    (certs / "san.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-days", "2", "-out", "server.pem", "-extfile", "san.cnf", cwd=certs)
    server = Server(tmp_path, "sqlite", tls=(str(certs / "server.pem"), str(certs / "server.key")))
    services = make_services(tmp_path / "pc")
    try:
        _, code = server.enrol_code()
        with pytest.raises(TlsFailure) as refused:
            setup.enrol(services.store, server.base_url, code)
        assert "--ca-bundle" in refused.value.message("vi")
        _, code = server.enrol_code()
        setup.enrol(services.store, server.base_url, code, ca_bundle=str(certs / "ca.pem"))
        admit_report = sync_once(services.store, **FAST)
        assert admit_report.complete, admit_report.error
        assert SyncService(services.store).status().server_url.startswith("https://127.0.0.1:")
        assert set(server.rows()["facility"])  # the facility row went over TLS
    finally:
        services.close()
        server.close()


def test_a_change_the_server_cannot_read_is_found_and_parked_alone(sqlite_server, tmp_path):
    """A batch the server refuses whole (400) is split until the one change
    at fault is found; it is parked with the server's reason, the rest go."""
    server = sqlite_server
    rng = random.Random(8)
    pc = first_pc(tmp_path, server)
    try:
        people = [admit(pc, rng) for _ in range(6)]
        with pc.store.write(SYSTEM, "huge-note") as w:  # past the wire's 20,000-character limit
            w.update(residents, people[2].id, {"notes": "x" * 25_000})
        for person in people:
            checkup(pc, rng, person.id)
        report = pc.sync()
        assert report.error is None and report.parked == 1
        assert report.parked_total == 1 and report.waiting == 0
        [parked] = SyncService(pc.store).parked(NURSE)
        assert parked.row_id == people[2].id and "400" in parked.reason("en")
        assert "too long" in parked.reason("en") and parked.reason("vi").startswith("Máy chủ không nhận")
        assert len(server.rows()["checkups"]) == 6 and len(server.rows()["residents"]) == 6
    finally:
        pc.close()


def test_a_sync_collects_garbage_less_often_while_it_runs_and_puts_the_thresholds_back(sqlite_server, tmp_path):
    """A push allocates millions of short-lived objects: the young generation
    is collected less often during the run (it was a quarter of the PC's CPU
    in benchmarks/sync.py), not at all automatically while the push runs,
    and whatever the thresholds and the collector's state were is restored,
    also after a run that failed; a collector that was off (the GUI's) stays off."""
    import gc

    from facility_app.sync.engine import SYNC_YOUNG_THRESHOLD

    rng = random.Random(9)
    pc = first_pc(tmp_path, sqlite_server)
    before = gc.get_threshold()
    seen = []

    def note(p):
        seen.append((p.phase, gc.get_threshold(), gc.isenabled()))
    was_enabled = gc.isenabled()  # off when a GUI test of this process set up ui/workers.py's collector
    gc.enable()
    try:
        admit(pc, rng)
        report = sync_once(pc.store, progress=note, **FAST)
        assert report.complete
        assert seen and all(t[0] == max(before[0], SYNC_YOUNG_THRESHOLD) and t[1:] == before[1:] for _, t, _ in seen)
        assert {on for phase, _, on in seen if phase == "push"} == {False}
        assert {on for phase, _, on in seen if phase != "push"} == {True}
        assert gc.get_threshold() == before and gc.isenabled()
        sqlite_server.stop()  # a run that ends offline restores them too
        admit(pc, rng)
        seen.clear()
        report = sync_once(pc.store, progress=note, **FAST)
        assert report.error is not None and seen[-1][1][0] == SYNC_YOUNG_THRESHOLD
        assert gc.get_threshold() == before and gc.isenabled()
        gc.disable()  # as the GUI runs: its own collections, on its own thread
        admit(pc, rng)
        report = sync_once(pc.store, **FAST)
        assert report.error is not None and not gc.isenabled()
    finally:
        (gc.enable if was_enabled else gc.disable)()
        pc.close()


def test_the_next_sync_starts_compressing_for_the_link_the_last_one_found(sqlite_server, tmp_path, monkeypatch):
    """The first batches of a push go before any answer has told how fast the
    link is: a PC whose last push found a fast link starts at the light
    level, one whose last push found a slow link starts hard, and one that
    never synced starts at the level in between."""
    from facility_app.storage.repositories import meta_value
    from facility_app.sync import api, engine
    from facility_app.sync.engine import LINK_LEVEL_KEY

    levels = []
    real = api.encode_batch
    monkeypatch.setattr(api, "encode_batch", lambda batch, level=ZSTD_LEVEL: levels.append(level) or real(batch, level))
    rng = random.Random(10)
    pc = first_pc(tmp_path, sqlite_server)

    def push_three(bytes_per_s: float) -> str | None:
        """Three batches over a link judged fast (1 byte/s suffices) or slow;
        the level the PC keeps for the next sync."""
        monkeypatch.setattr(engine, "FAST_LINK_BYTES_PER_S", bytes_per_s)
        levels.clear()
        for _ in range(3):
            admit(pc, rng)
        assert pc.sync(max_changes=2, window=1).complete
        with pc.store.read() as conn:
            return meta_value(conn, LINK_LEVEL_KEY)
    try:
        assert push_three(1) == str(LIGHT_LEVEL)
        assert levels[0] == ZSTD_FAST_LINK_LEVEL and set(levels[1:]) == {LIGHT_LEVEL}  # never synced: middle first
        assert push_three(1e12) == str(ZSTD_LEVEL)
        assert levels[0] == LIGHT_LEVEL and set(levels[1:]) == {ZSTD_LEVEL}  # the last one was fast
        assert push_three(1) == str(LIGHT_LEVEL)
        assert levels[0] == ZSTD_LEVEL  # the last one was slow
    finally:
        pc.close()
