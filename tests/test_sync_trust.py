"""Who may change accounts, one login name per facility, and a checkup
voided on two PCs - each through real PCs, real HTTP and a real server
(the probe of issue 12, points 10, 2 and 9)."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from care_core.domain.entities import Actor
from care_core.domain.enums import Role
from care_core.domain.messages import ActionError, ValidationError
from facility_app.services.container import Services
from facility_app.services.sync import SyncService
from facility_app.services.users import LoginRefused
from facility_app.storage import repositories as repo
from facility_app.storage.tables import users
from facility_app.sync import setup
from provincial_server import admin
from provincial_server.db import write_conn
from provincial_server.tables import rejected_changes
from tests.conftest import SYSTEM, TODAY, make_services
from tests.store_fixtures import assert_one_line_error, run_cli
from tests.sync_fixtures import FAST, PC, assert_same, converge, first_pc, joined_pc
from tests.sync_fixtures import sqlite_server  # noqa: F401 (fixture)
from tests.sync_fixtures import sync_server as server  # noqa: F401 (fixture)

ADMIN = Actor("admin1", Role.ADMIN)


def _untrusted_pc(tmp_path, server, name="rogue") -> PC:
    """Enrolled by an officer, but not vouched for account changes."""
    device_id, code = server.enrol_code(name, accounts=False)
    store, _, report = setup.join(tmp_path / name, "rogue pc passphrase", server.base_url, code, **FAST)
    assert report.error is None, report.error
    return PC(name, Services(store, today=lambda: TODAY), device_id, server.base_url)


def _usernames(pc: PC) -> dict[str, tuple[str, bool]]:
    with pc.store.read() as conn:
        return {u.username: (u.role.value, u.active) for u in repo.all_users(conn)}


def test_a_rogue_device_cannot_push_an_admin_account_or_a_password(server, tmp_path):
    pc1 = first_pc(tmp_path, server)
    pc1.services.users.add(ADMIN, "lan", "Nguyễn Thị Lan", Role.NURSE, "lan password 1")
    assert pc1.sync().complete
    rogue = _untrusted_pc(tmp_path, server)
    try:
        # what a modified client on an enrolled PC can write into its own store
        rogue.services.users.add(SYSTEM, "boss", "Kẻ Lạ", Role.ADMIN, "rogue password 1")
        rogue.services.users.reset_password(SYSTEM, "admin1", "rogue password 2")
        report = rogue.sync()
        assert report.error is None and report.parked == 2
        parked = SyncService(rogue.store).parked(SYSTEM)
        assert {p.table for p in parked} == {"users"}
        assert all("not allowed by the province to change accounts" in p.reason("en") for p in parked)
        assert all("chưa được Sở cho phép" in p.reason("vi") for p in parked)
        with server.engine.connect() as conn:
            refused = conn.execute(sa.select(rejected_changes.c.device_id, rejected_changes.c.table_name)).all()
        assert refused == [(rogue.device_id, "users")] * 2
        assert "boss" not in {r["username"] for r in server.rows()["users"].values()}

        assert pc1.sync().complete
        assert "boss" not in _usernames(pc1)
        with pytest.raises(LoginRefused):
            pc1.services.users.login("boss", "rogue password 1")
        with pytest.raises(LoginRefused):
            pc1.services.users.login("admin1", "rogue password 2")
        assert pc1.services.users.login("admin1", "admin password 1").role == Role.ADMIN

        # taking away is allowed from any enrolled PC: a disable reaches every PC
        rogue.services.users.set_active(SYSTEM, "lan", False)
        assert rogue.sync().parked == 0  # accepted
        assert pc1.sync().complete
        assert _usernames(pc1)["lan"] == ("nurse", False)

        # once the province vouches for the PC, its account changes go through
        with write_conn(server.engine) as conn, conn.begin():
            admin.trust_device(conn, rogue.device_id, "Trần Văn Sở")
        rogue.services.users.add(SYSTEM, "hoa", "Lê Thị Hoa", Role.NURSE, "hoa password 1")
        report = rogue.sync()
        assert report.error is None and report.parked == 0
        assert pc1.sync().complete
        assert "hoa" in _usernames(pc1)
    finally:
        pc1.close()
        rogue.close()


def test_raising_a_role_or_re_enabling_needs_trust_lowering_does_not(sqlite_server, tmp_path):
    server = sqlite_server
    pc1 = first_pc(tmp_path, server)
    pc1.services.users.add(ADMIN, "minh", "Phạm Văn Minh", Role.DOCTOR, "minh password 1")
    pc1.services.users.set_active(ADMIN, "minh", False)
    assert pc1.sync().complete
    rogue = _untrusted_pc(tmp_path, server)
    try:
        rogue.services.users.set_active(SYSTEM, "minh", True)
        with rogue.store.write(SYSTEM, "raise-role") as w:  # the service has no role edit: a crafted change
            from facility_app.storage.tables import users
            row = repo.user_row(w.conn, "admin1")
            w.update(users, row["id"], {"role": "nurse"})  # lowering: allowed
        assert rogue.sync().parked == 1
        with rogue.store.write(SYSTEM, "raise-role") as w:
            row = repo.user_row(w.conn, "admin1")
            w.update(users, row["id"], {"role": "admin"})  # raising again: refused
        assert rogue.sync().parked == 1
        assert pc1.sync().complete
        assert _usernames(pc1)["minh"] == ("doctor", False)
        assert _usernames(pc1)["admin1"] == ("nurse", True)
    finally:
        pc1.close()
        rogue.close()


def test_one_login_name_made_on_two_pcs_offline_becomes_a_conflict_then_converges(server, tmp_path):
    pc1 = first_pc(tmp_path, server)
    assert pc1.sync().complete
    pc2 = joined_pc(tmp_path, server)
    try:
        pc1.services.users.add(ADMIN, "lan", "Nguyễn Thị Lan", Role.NURSE, "lan password one")
        pc2.services.users.add(SYSTEM, "lan", "Trần Thị Lan", Role.DOCTOR, "lan password two")
        converge(pc1, pc2)
        assert_same(server, pc1, pc2)
        for pc in (pc1, pc2):
            assert {k: v for k, v in _usernames(pc).items() if k.startswith("lan")} == {
                "lan": ("nurse", True), "lan_2": ("doctor", True)}, pc.name
            # visible on both PCs, never a silent skip
            open_ = SyncService(pc.store).conflicts(SYSTEM)
            assert [(c.table, c.field) for c in open_] == [("users", "username")], pc.name
        assert pc2.services.users.login("lan", "lan password one").role == Role.NURSE
        assert pc2.services.users.login("lan_2", "lan password two").role == Role.DOCTOR

        sync2 = SyncService(pc2.store)
        conflict = sync2.conflicts(SYSTEM)[0]
        assert (conflict.mine, conflict.theirs) == ("lan", "lan_2")
        with pytest.raises(ActionError) as refused:
            sync2.resolve(SYSTEM, conflict.id, "mine")  # "lan" is the other account's
        assert "belongs to another account" in refused.value.message("en")
        sync2.resolve(SYSTEM, conflict.id, "theirs")
        with pytest.raises(ValidationError):
            pc2.services.users.rename(SYSTEM, "lan_2", "lan")
        pc2.services.users.rename(SYSTEM, "lan_2", "lan.tran")
        converge(pc1, pc2)
        assert_same(server, pc1, pc2)
        for pc in (pc1, pc2):
            assert {"lan", "lan.tran"} <= set(_usernames(pc)) and "lan_2" not in _usernames(pc)
            assert SyncService(pc.store).conflicts(SYSTEM) == []
        assert pc1.services.users.login("lan.tran", "lan password two").role == Role.DOCTOR

        # user state made on one PC always reaches the other
        pc2.services.users.set_active(SYSTEM, "lan", False)
        pc2.services.users.reset_password(SYSTEM, "lan.tran", "new password 3")
        converge(pc1, pc2)
        with pytest.raises(LoginRefused) as disabled:
            pc1.services.users.login("lan", "lan password one")
        assert "disabled" in disabled.value.message("en")
        assert pc1.services.users.login("lan.tran", "new password 3").username == "lan.tran"
    finally:
        pc1.close()
        pc2.close()


def test_three_pcs_one_name_each_gets_its_own(sqlite_server, tmp_path):
    server = sqlite_server
    pc1 = first_pc(tmp_path, server)
    assert pc1.sync().complete
    pc2 = joined_pc(tmp_path, server, "pc2")
    pc3 = joined_pc(tmp_path, server, "pc3")
    try:
        for i, (pc, full_name) in enumerate(zip((pc1, pc2, pc3), ("Lê Văn Hùng", "Trần Mạnh Hùng", "Đỗ Hùng"))):
            pc.services.users.add(SYSTEM, "hung", full_name, Role.NURSE, f"hung password {i}")
        converge(pc3, pc2, pc1)
        assert_same(server, pc1, pc2, pc3)
        names = {k for k in _usernames(pc1) if k.startswith("hung")}
        assert names == {"hung", "hung_2", "hung_3"}
        assert len(SyncService(pc1.store).conflicts(SYSTEM)) == 2
    finally:
        for pc in (pc1, pc2, pc3):
            pc.close()


@pytest.mark.parametrize("url, accepted", [
    ("https://dongbo.langson.gov.vn", True),
    ("http://127.0.0.1:8000", True),
    ("http://localhost:8000", True),
    ("http://dongbo.langson.gov.vn", False),
    ("http://10.0.0.5:8000", False),
    ("ftp://dongbo.langson.gov.vn", False),
])
def test_plain_http_is_refused_except_to_this_machine(url, accepted):
    if accepted:
        assert setup.check_url(url) == url
    else:
        with pytest.raises(setup.SetupError) as refused:
            setup.check_url(url)
        assert refused.value.message("vi") and refused.value.message("en")


def test_the_login_name_conflict_in_facility_admin_sync_conflicts(sqlite_server, tmp_path):
    server = sqlite_server
    pc1 = first_pc(tmp_path, server)
    assert pc1.sync().complete
    pc2 = joined_pc(tmp_path, server)
    try:
        pc1.services.users.add(ADMIN, "lan", "Nguyễn Thị Lan", Role.NURSE, "lan password one")
        pc2.services.users.add(SYSTEM, "lan", "Trần Thị Lan", Role.DOCTOR, "lan password two")
        converge(pc1, pc2)
        with pc1.store.read() as conn:
            moved = repo.user_row(conn, "lan_2")["id"]
    finally:
        pc1.close()
        pc2.close()
    data = tmp_path / "pc1"
    listed = run_cli(data, "sync", "conflicts", lang="en")
    assert listed.returncode == 0, listed.stderr
    [line] = listed.stdout.strip().splitlines()
    conflict_id, where, label, mine, theirs, current = line.split("\t")
    assert (where, label) == (f"users/{moved}", "Username")
    assert (mine, theirs, current) == ("mine=“lan_2”", "theirs=“lan”", "current=mine")
    refused = assert_one_line_error(run_cli(data, "sync", "conflicts", "--resolve", conflict_id, "--keep", "theirs",
                                            lang="en"))
    assert "belongs to another account" in refused
    done = run_cli(data, "sync", "conflicts", "--resolve", conflict_id, "--keep", "mine")
    assert done.returncode == 0 and "lan_2" in done.stdout
    assert run_cli(data, "sync", "run").returncode == 0
    with server.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM conflicts WHERE resolved")).scalar() == 1
    taken = assert_one_line_error(run_cli(data, "users", "rename", "lan_2", "lan", lang="en"))
    assert "lan" in taken
    renamed = run_cli(data, "users", "rename", "lan_2", "Lan.Tran", lang="en")
    assert renamed.returncode == 0 and renamed.stdout.strip() == "Renamed lan_2 to lan.tran."
    assert run_cli(data, "sync", "run").returncode == 0
    assert "lan.tran" in {r["username"] for r in server.rows()["users"].values()}


def test_the_facilitys_first_pc_is_its_admin_pc_without_a_word_from_the_province(sqlite_server, tmp_path):
    """The first PC makes the facility and its first admin, so the device
    that draws number 1 may make accounts; the next ones may not unless the
    province says so."""
    server = sqlite_server
    services = make_services(tmp_path / "pc1")
    services.users.add(SYSTEM, "admin1", "Quản trị Một", Role.ADMIN, "admin password 1")
    _, code = server.enrol_code("pc1", accounts=False)
    setup.enrol(services.store, server.base_url, code)
    pc1 = PC("pc1", services)
    first = pc1.sync()
    assert first.complete and first.parked == 0
    pc2 = _untrusted_pc(tmp_path, server, "pc2")
    try:
        assert pc2.services.users.login("admin1", "admin password 1").role == Role.ADMIN  # joined with it
        pc2.services.users.add(SYSTEM, "nga", "Vũ Thị Nga", Role.NURSE, "nga password 1")
        assert pc2.sync().parked == 1
        pc1.services.users.add(ADMIN, "nga", "Vũ Thị Nga", Role.NURSE, "nga password 1")
        assert pc1.sync().parked == 0
        assert pc2.sync().error is None  # its own "nga" stays parked; the admin PC's arrives
        assert pc2.services.users.login("nga", "nga password 1").username == "nga"
        with server.engine.connect() as conn:
            by = dict(conn.execute(sa.text("SELECT number, accounts_by FROM devices")).all())
        assert by == {1: admin.FIRST_DEVICE, 2: None}
    finally:
        pc1.close()
        pc2.close()


def test_a_pc_no_longer_trusted_resolving_a_password_conflict_parks_it_and_sync_goes_on(sqlite_server, tmp_path):
    server = sqlite_server
    pc1 = first_pc(tmp_path, server)
    pc1.services.users.add(ADMIN, "lan", "Nguyễn Thị Lan", Role.NURSE, "lan password 0")
    assert pc1.sync().complete
    pc2 = joined_pc(tmp_path, server)
    try:
        pc2.services.users.reset_password(SYSTEM, "lan", "lan password 2")  # earlier ...
        pc1.services.users.reset_password(ADMIN, "lan", "lan password 1")  # ... later: wins
        converge(pc1, pc2)
        [conflict] = SyncService(pc2.store).conflicts(SYSTEM)
        assert (conflict.table, conflict.field, conflict.mine_is_current) == ("users", "password_hash", False)
        with write_conn(server.engine) as conn, conn.begin():
            admin.trust_device(conn, pc2.device_id, None)
        SyncService(pc2.store).resolve(SYSTEM, conflict.id, "mine")
        report = pc2.sync()
        assert report.error is None and report.parked == 1
        [parked] = SyncService(pc2.store).parked(SYSTEM)
        assert "not allowed by the province to change accounts (password)" in parked.reason("en")
        assert pc1.sync().error is None
        assert pc1.services.users.login("lan", "lan password 1").username == "lan"
        with pytest.raises(LoginRefused):
            pc1.services.users.login("lan", "lan password 2")
        assert pc2.sync().error is None  # asked once, not at every sync
    finally:
        pc1.close()
        pc2.close()
