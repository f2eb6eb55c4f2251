"""facility-admin as an IT officer runs it: a subprocess with secrets in the
environment, no terminal. Every refusal is one line on stderr, exit 1, no
traceback, and leaves every file byte-identical."""
from __future__ import annotations

import csv
import io
import unicodedata
from datetime import date

import pytest

from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, Sex
from care_core.domain.text import fold
from facility_app.services.container import Services
from facility_app.services.exports import RESIDENT_COLUMNS
from facility_app.services.users import LoginRefused
from facility_app.storage.store import Store
from tests.conftest import SYSTEM, TODAY
from tests.store_fixtures import (
    PASSPHRASE, assert_one_line_error, copy_tree, fingerprint, init_args, populate, run_cli, snapshot,
)

WRONG = {"vi": "Sai mật khẩu kho dữ liệu; không có gì bị thay đổi.",
         "en": "Wrong store passphrase; nothing was changed."}
NAMED = ["Nguyễn Văn An", "Nguyễn Văn Bình", "Nguyễn Thị Cúc", "Trần Văn Dũng", "Đặng Thị Ngọc Ánh"]


def services_of(folder, passphrase=PASSPHRASE) -> Services:
    return Services(Store.open(folder, passphrase), today=lambda: TODAY)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A store made by ``facility-admin init``, then residents added through the services."""
    folder = tmp_path_factory.mktemp("cli-template") / "data"
    proc = run_cli(folder, *init_args())
    assert proc.returncode == 0, proc.stderr
    assert "Đã tạo kho dữ liệu mã hóa" in proc.stdout
    s = services_of(folder)
    try:
        for i, name in enumerate(NAMED):
            s.residents.admit(SYSTEM, Resident(name, Sex.FEMALE if " Thị " in name else Sex.MALE, date(1948, 2, 1 + i),
                                               date(2022, 6, 1), [BeneficiaryGroup.ELDERLY]))
        populate(s, SYSTEM, 8, seed=3, today=TODAY)
    finally:
        s.close()
    return folder


@pytest.fixture
def data(template, tmp_path):
    return copy_tree(template, tmp_path / "data")


# --- init ----------------------------------------------------------------------

@pytest.mark.parametrize("args, env, field, folder_exists", [
    (init_args(code="bad code!"), {}, "Mã cơ sở", False),
    (init_args(admin="Admin User"), {}, "Tên đăng nhập", True),
    (init_args() + ["--province", "Atlantis"], {}, "Tỉnh/thành phố", False),
    (init_args(), {"FACILITY_APP_PASSPHRASE": "short"}, "Mật khẩu kho dữ liệu", True),
    (init_args(), {"FACILITY_APP_ADMIN_PASSWORD": "short"}, "Mật khẩu", False),
    # these fail only after the store was made: it is removed again
    (init_args() + ["--admin-full-name", " "], {}, "Họ và tên", False),
    (init_args() + ["--admin-full-name", " "], {}, "Họ và tên", True),
], ids=["code", "username", "province", "passphrase", "password", "full name", "full name, folder existed"])
def test_init_validates_before_creating(tmp_path, args, env, field, folder_exists):
    folder = tmp_path / "data"
    if folder_exists:
        folder.mkdir()
    proc = run_cli(folder, *args, env=env)
    assert assert_one_line_error(proc).startswith(field + ":")
    assert fingerprint(tmp_path) == ({"data": "dir"} if folder_exists else {})


def test_init_without_a_passphrase_asks_for_one_and_creates_nothing(tmp_path):
    proc = run_cli(tmp_path / "data", *init_args(), passphrase=None)
    assert "FACILITY_APP_PASSPHRASE" in assert_one_line_error(proc)
    assert not (tmp_path / "data").exists()


def test_init_refuses_an_existing_store(data, tmp_path):
    before = fingerprint(tmp_path)
    proc = run_cli(data, *init_args(code="OTHER-01"))
    assert "đã có kho dữ liệu" in assert_one_line_error(proc)
    assert fingerprint(tmp_path) == before


# --- wrong passphrase -------------------------------------------------------------

COMMANDS = {
    "verify": ["verify"],
    "info": ["info"],
    "backup": ["backup", "{out}/b.db"],
    "export residents": ["export", "residents", "{out}/r.csv"],
    "export fhir": ["export", "fhir", "DT-00001", "--out", "{out}/f.json"],
    "rekey": ["rekey"],
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_wrong_passphrase_is_refused_and_changes_no_byte(data, tmp_path, command, lang):
    out = tmp_path / "out"
    out.mkdir()
    before = fingerprint(tmp_path)
    args = [a.format(out=out) for a in COMMANDS[command]]
    proc = run_cli(data, *args, passphrase="not the passphrase", lang=lang,
                   env={"FACILITY_APP_NEW_PASSPHRASE": "a brand new passphrase"})
    assert assert_one_line_error(proc) == WRONG[lang]
    assert proc.stdout == ""
    assert fingerprint(tmp_path) == before


# --- verify ---------------------------------------------------------------------------

def _tamper(folder, sql: str) -> None:
    with Store.open(folder, PASSPHRASE) as store, store.engine.begin() as conn:
        conn.exec_driver_sql(sql)


def test_verify_passes_a_normal_store(data):
    proc = run_cli(data, "verify", lang="en")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["OK  file", "OK  encryption", "OK  structure", "OK  schema",
                                                      "OK  audit"]
    assert proc.stderr == ""


@pytest.mark.parametrize("sql", [
    "UPDATE audit_log SET detail = '{\"full_name\": \"someone else\"}' WHERE seq = 6",
    "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)",
], ids=["edited detail", "deleted last row"])
def test_verify_names_a_broken_audit_chain(data, sql):
    _tamper(data, sql)
    proc = run_cli(data, "verify")
    assert assert_one_line_error(proc) == "Kiểm tra không đạt: audit."
    assert "FAIL audit" in proc.stdout and "OK  structure" in proc.stdout


# --- backup and restore --------------------------------------------------------------

def test_backup_restore_into_a_fresh_folder_gives_identical_content(data, tmp_path):
    with Store.open(data, PASSPHRASE) as a:
        original = snapshot(a.engine)  # the backup's own audit row is committed only once the copy is whole
    assert run_cli(data, "backup", str(tmp_path / "b.db")).returncode == 0
    proc = run_cli(tmp_path / "fresh", "restore", str(tmp_path / "b.db"))
    assert proc.returncode == 0, proc.stderr
    with Store.open(tmp_path / "fresh", PASSPHRASE) as b:
        restored = snapshot(b.engine)
    assert len(original["residents"]) == len(NAMED) + 8 and len(original["audit_log"]) > 50
    assert restored == original  # every table: synced rows, change log, audit log, meta


def test_backup_refuses_to_overwrite(data, tmp_path):
    (tmp_path / "b.db").write_bytes(b"keep me")
    before = fingerprint(tmp_path)
    assert "đã tồn tại" in assert_one_line_error(run_cli(data, "backup", str(tmp_path / "b.db")))
    assert fingerprint(tmp_path) == before


@pytest.fixture
def backup_file(data, tmp_path):
    with Store.open(data, PASSPHRASE) as store:
        return store.backup(tmp_path / "b.db")


@pytest.mark.parametrize("lang, text, into", [("vi", "Mật khẩu không mở được tệp sao lưu", "fresh folder"),
                                              ("en", "The passphrase does not open this backup", "existing store")])
def test_restore_with_a_wrong_passphrase_fails_cleanly(data, tmp_path, backup_file, lang, text, into):
    before = fingerprint(tmp_path)
    target = tmp_path / "fresh" if into == "fresh folder" else data
    proc = run_cli(target, "restore", str(backup_file), "--yes", passphrase="not the passphrase", lang=lang)
    assert assert_one_line_error(proc).startswith(text)
    assert fingerprint(tmp_path) == before


def test_restore_over_a_store_refuses_without_yes_and_replaces_with_it(data, tmp_path):
    other = tmp_path / "other"
    assert run_cli(other, *init_args(code="OTHER-01", name="Trung tâm Nuôi dưỡng người có công",
                                     kind="merit-care")).returncode == 0
    with Store.open(other, PASSPHRASE) as store:
        store.backup(tmp_path / "other.db")
        backup_content = snapshot(store.engine)
    with Store.open(data, PASSPHRASE) as store:
        old_content = snapshot(store.engine)

    before = fingerprint(tmp_path)
    proc = run_cli(data, "restore", str(tmp_path / "other.db"))
    assert "--yes" in assert_one_line_error(proc)
    assert fingerprint(tmp_path) == before

    proc = run_cli(data, "restore", str(tmp_path / "other.db"), "--yes")
    assert proc.returncode == 0, proc.stderr
    with Store.open(data, PASSPHRASE) as store:
        assert snapshot(store.engine) == backup_content
    kept = sorted((data / "backups").glob("pre-restore-*"))
    assert len(kept) == 1
    with Store.open(kept[0], PASSPHRASE) as store:
        assert snapshot(store.engine) == old_content


# --- users -------------------------------------------------------------------------------

def test_users_add_list_disable_enable_reset(data):
    s = services_of(data)  # stays open beside the CLI runs (WAL: readers and a writer at once)
    try:
        proc = run_cli(data, "users", "add", "lan", "--role", "nurse", "--full-name", "Hoàng Thị Lan",
                       env={"FACILITY_APP_USER_PASSWORD": "lan password 1"})
        assert proc.returncode == 0, proc.stderr
        listing = run_cli(data, "users", "list").stdout.splitlines()
        assert "lan\tĐiều dưỡng\thoạt động\tHoàng Thị Lan" in listing
        assert any(line.startswith("admin\tQuản trị hệ thống\thoạt động") for line in listing)
        assert s.users.login("lan", "lan password 1").username == "lan"

        assert run_cli(data, "users", "disable", "lan").returncode == 0
        with pytest.raises(LoginRefused) as caught:
            s.users.login("lan", "lan password 1")
        assert "đã bị khóa" in caught.value.message("vi")
        assert run_cli(data, "users", "enable", "lan").returncode == 0
        assert s.users.login("lan", "lan password 1").username == "lan"

        # five wrong passwords lock the account; reset-password clears the lock
        for _ in range(5):
            with pytest.raises(LoginRefused):
                s.users.login("lan", "wrong password")
        with pytest.raises(LoginRefused) as caught:
            s.users.login("lan", "lan password 1")
        assert "tạm khóa" in caught.value.message("vi")
        proc = run_cli(data, "users", "reset-password", "lan", env={"FACILITY_APP_USER_PASSWORD": "lan password 2"})
        assert proc.returncode == 0, proc.stderr
        assert s.users.login("lan", "lan password 2").username == "lan"
        with pytest.raises(LoginRefused):
            s.users.login("lan", "lan password 1")
    finally:
        s.close()


def test_users_refusals_are_one_line(data, tmp_path):
    before = fingerprint(tmp_path)
    for args, env in [
        (["users", "add", "Bad Name", "--role", "nurse", "--full-name", "Lò Văn Sáu"], {"FACILITY_APP_USER_PASSWORD": "long enough"}),
        (["users", "add", "sau", "--role", "nurse", "--full-name", "Lò Văn Sáu"], {"FACILITY_APP_USER_PASSWORD": "short"}),
        (["users", "add", "sau", "--role", "nurse", "--full-name", "Lò Văn Sáu"], {}),  # no password, no terminal
        (["users", "disable", "nobody"], {}),
        (["users", "add", "admin", "--role", "doctor", "--full-name", "Lò Văn Sáu"], {"FACILITY_APP_USER_PASSWORD": "long enough"}),
    ]:
        assert_one_line_error(run_cli(data, *args, env=env))
    assert fingerprint(tmp_path) == before


# --- export and search ---------------------------------------------------------------------

def test_export_residents_is_utf8_with_bom_one_row_each(data, tmp_path):
    out = tmp_path / "doi-tuong.csv"
    proc = run_cli(data, "export", "residents", str(out))
    assert proc.returncode == 0, proc.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"))))
    assert rows[0] == [vi for _, vi, _ in RESIDENT_COLUMNS]
    s = services_of(data)
    try:
        people = s.residents.list(SYSTEM)
    finally:
        s.close()
    assert len(rows) == 1 + len(people) == 1 + len(NAMED) + 8
    assert sorted(r[1] for r in rows[1:]) == sorted(p.full_name for p in people)
    assert {r[5] for r in rows[1:] if r[5]} == {p.cccd for p in people if p.cccd}
    assert not (tmp_path / "doi-tuong.csv.part").exists()


def test_export_into_a_missing_folder_is_refused(data, tmp_path):
    before = fingerprint(tmp_path)
    proc = run_cli(data, "export", "residents", str(tmp_path / "no" / "such" / "r.csv"))
    assert "không tồn tại" in assert_one_line_error(proc)
    assert fingerprint(tmp_path) == before


@pytest.mark.parametrize("query", ["NGUYEN   van", unicodedata.normalize("NFD", "Nguyễn văn")])
def test_residents_search_ignores_accents(data, query):
    proc = run_cli(data, "residents", "search", query)
    assert proc.returncode == 0, proc.stderr
    found = [line.split("\t")[1] for line in proc.stdout.splitlines()]
    s = services_of(data)
    try:
        names = [p.full_name for p in s.residents.list(SYSTEM)]
    finally:
        s.close()
    expected = sorted(n for n in names if "nguyen" in fold(n) and "van" in fold(n))
    assert "Nguyễn Văn An" in found and "Nguyễn Văn Bình" in found and "Nguyễn Thị Cúc" not in found
    assert sorted(found) == expected


# --- rekey ------------------------------------------------------------------------------------

def test_rekey_old_passphrase_refused_new_works_data_intact(data, tmp_path):
    with Store.open(data, PASSPHRASE) as store:
        before = snapshot(store.engine)
    proc = run_cli(data, "rekey", env={"FACILITY_APP_NEW_PASSPHRASE": "a brand new passphrase"})
    assert proc.returncode == 0, proc.stderr
    assert assert_one_line_error(run_cli(data, "info")) == WRONG["vi"]
    info = run_cli(data, "info", passphrase="a brand new passphrase")
    assert info.returncode == 0 and f"Đối tượng: {len(NAMED) + 8}" in info.stdout
    with Store.open(data, "a brand new passphrase") as store:
        after = snapshot(store.engine)
        assert all(ok for _, ok, _ in store.verify())
    for table in before:
        if table in ("audit_log", "meta"):
            continue
        assert after[table] == before[table], table
    assert after["audit_log"][:len(before["audit_log"])] == before["audit_log"]
    assert [row[4] for row in after["audit_log"][len(before["audit_log"]):]] == ["rekey"]


def test_rekey_refuses_a_weak_new_passphrase(data, tmp_path):
    before = fingerprint(tmp_path)
    proc = run_cli(data, "rekey", env={"FACILITY_APP_NEW_PASSPHRASE": "short"})
    assert assert_one_line_error(proc).startswith("Mật khẩu kho dữ liệu: cần ít nhất 10 ký tự")
    assert fingerprint(tmp_path) == before


def test_other_refusals_are_one_line_without_traceback(data, tmp_path):
    assert "20000" in assert_one_line_error(run_cli(data, "demo", "--residents", "0"))
    assert "facility-admin init" in assert_one_line_error(run_cli(tmp_path / "empty", "info"))
    assert not (tmp_path / "empty").exists()
    assert "không tìm thấy" in assert_one_line_error(run_cli(data, "restore", str(tmp_path / "none.db"))).lower()
