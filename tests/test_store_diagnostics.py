"""Issue 12.8: every failure says what it is and what to do, through the
real CLI: a damaged, cut-short or empty store is not "wrong passphrase" and
``verify`` still names the bad pages; a full disk, a locked database, a
read-only folder, a full log disk and an endless input file each get their
own sentence. Full and read-only disks are real tmpfs mounts (root only)."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from facility_app.storage.store import Store
from tests.conftest import PASSPHRASE
from tests.store_fixtures import assert_one_line_error, init_args, run_cli

WRONG = "Sai mật khẩu kho dữ liệu"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("pristine") / "data"
    assert run_cli(data, *init_args()).returncode == 0
    return data


@pytest.fixture
def store_copy(pristine, tmp_path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(pristine, data, ignore=shutil.ignore_patterns("logs", "facility.lock"))
    return data


def damage(path: Path, offset: int, length: int = 40) -> None:
    with open(path, "r+b") as f:
        f.seek(offset)
        f.write(b"\xA5" * length)


def no_traceback(proc) -> None:
    assert "Traceback" not in proc.stderr and "Unexpected" not in proc.stderr and "không mong đợi" not in proc.stderr


def test_damaged_first_page_is_damage_not_a_wrong_passphrase(store_copy):
    damage(store_copy / "facility.db", 200)
    err = assert_one_line_error(run_cli(store_copy, "info"))
    assert "bị hỏng" in err and "page 1" in err and WRONG not in err
    proc = run_cli(store_copy, "verify")
    assert proc.returncode == 1
    assert "FAIL encryption: HMAC verification failed for page 1" in proc.stdout
    assert "OK  file: " in proc.stdout
    # the wrong passphrase on the same file is still called that
    assert WRONG in assert_one_line_error(run_cli(store_copy, "info", passphrase="not the passphrase"))


def test_damaged_inner_page_is_named_by_verify(store_copy):
    damage(store_copy / "facility.db", 4096 * 3 + 100)
    proc = run_cli(store_copy, "verify", lang="en")
    assert "FAIL encryption: HMAC verification failed for page 4" in proc.stdout
    assert all(len(line) < 400 for line in proc.stdout.splitlines())


@pytest.mark.parametrize("keep", [3000, 4096 * 20 + 1000])
def test_cut_short_store_is_named_as_such(store_copy, keep):
    os.truncate(store_copy / "facility.db", keep)
    info = run_cli(store_copy, "info", lang="en")
    verify = run_cli(store_copy, "verify", lang="en")
    assert verify.returncode == 1 and f"FAIL file: {keep} bytes is not a whole number of 4096-byte pages" in verify.stdout
    if keep < 4096:
        err = assert_one_line_error(info)
        assert "damaged" in err and "cut short" in err and "Wrong store passphrase" not in err
    no_traceback(info)
    no_traceback(verify)


def test_empty_store_file(store_copy):
    os.truncate(store_copy / "facility.db", 0)
    for command in ("info", "verify"):
        err = assert_one_line_error(run_cli(store_copy, command, lang="en"))
        assert "is empty (0 bytes)" in err


def test_damaged_backup_is_one_line_and_named(store_copy, tmp_path):
    backup = tmp_path / "b.db"
    assert run_cli(store_copy, "backup", str(backup)).returncode == 0
    for offset in (300, 4096 * 5 + 10):
        bad = tmp_path / f"bad-{offset}.db"
        shutil.copyfile(backup, bad)
        damage(bad, offset)
        err = assert_one_line_error(run_cli(tmp_path / f"new-{offset}", "restore", str(bad), lang="en"))
        assert err.startswith(f"The backup file {bad} is damaged (") and "use another backup" in err
        err = assert_one_line_error(run_cli(tmp_path / f"new-{offset}", "restore", str(bad), lang="en",
                                            passphrase="not the passphrase"))
        assert "passphrase does not open this backup" in err


@pytest.fixture
def tmpfs(tmp_path):
    """A real 1 MB file system, mounted for the test; needs root."""
    mounts = []

    def mount(name: str, options: str = "size=1m") -> Path:
        where = tmp_path / name
        where.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("mounting a tmpfs needs root: " + done.stderr.decode(errors="replace").strip())
        mounts.append(where)
        return where
    yield mount
    for where in reversed(mounts):
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path, leave: int = 0) -> None:
    """Take all the free space but ``leave`` bytes (unbuffered: no late error)."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while shutil.disk_usage(folder).free > leave:
            os.write(fd, b"\0" * min(4096, max(1, shutil.disk_usage(folder).free - leave)))
    except OSError:
        pass
    finally:
        os.close(fd)


def test_opening_on_a_full_disk_says_disk_full(store_copy, tmpfs):
    disk = tmpfs("full")
    data = disk / "data"
    shutil.copytree(store_copy, data)
    fill(disk)
    proc = run_cli(data, "info", lang="en")
    assert proc.returncode == 1
    no_traceback(proc)
    lines = proc.stderr.strip().splitlines()
    assert lines[-1].startswith("The disk is full: free some space") and len(lines) <= 2  # + one line: no log
    assert "passphrase" not in proc.stderr


def test_backup_to_a_full_disk_leaves_nothing_and_no_audit_row(store_copy, tmpfs):
    disk = tmpfs("full")
    fill(disk, leave=40_000)  # less room than the ~200 KB a backup needs
    err = assert_one_line_error(run_cli(store_copy, "backup", str(disk / "b.db"), lang="en"))
    assert err.startswith("The disk is full")
    assert sorted(p.name for p in disk.iterdir()) == ["filler"]
    with Store.open(store_copy, PASSPHRASE) as store, store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM audit_log WHERE action = 'backup'").scalar() == 0


def test_read_only_folder_says_choose_another(store_copy, tmpfs):
    ro = tmpfs("ro", "size=1m,ro")
    err = assert_one_line_error(run_cli(store_copy, "backup", str(ro / "b.db"), lang="en"))
    assert err == f"Cannot write to {ro} (read-only folder or no permission): choose another folder."
    err = assert_one_line_error(run_cli(store_copy, "export", "residents", str(ro / "r.csv")))
    assert err.startswith(f"Không ghi được vào {ro}") and "chọn thư mục khác" in err


def test_a_second_writer_holding_the_database_is_named(store_copy):
    with Store.open(store_copy, PASSPHRASE) as store:
        conn = store.engine.connect().execution_options(write=True)
        conn.begin()  # BEGIN IMMEDIATE: holds the write lock
        try:
            started = time.monotonic()
            err = assert_one_line_error(run_cli(store_copy, "export", "residents", str(store_copy.parent / "r.csv"),
                                                lang="en"))
            assert time.monotonic() - started >= 9  # SQLite's busy wait first
        finally:
            conn.rollback()
            conn.close()
    assert err.startswith("Another program has been writing to the store for too long: close it")
    assert not (store_copy.parent / "r.csv").exists()


def test_a_full_log_disk_costs_one_line_not_the_command(store_copy):
    logs = store_copy / "logs"
    logs.mkdir(exist_ok=True)
    (logs / "facility-app.log").symlink_to("/dev/full")  # every write: ENOSPC
    proc = run_cli(store_copy, "info", lang="en")
    assert proc.returncode == 0 and "Residents: 0" in proc.stdout
    assert proc.stderr.strip() == "facility-app: không ghi được nhật ký (ổ đĩa đầy?) / the log could not be written (disk full?)"


def test_notes_file_reads_are_bounded(store_copy, tmp_path):
    started = time.monotonic()
    err = assert_one_line_error(run_cli(store_copy, "report", "periodic", "--period", "2026", "--notes-file",
                                        "/dev/zero", "--out", str(tmp_path / "r.pdf"), lang="en"))
    assert err == "/dev/zero is not a regular file; not read."
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 5_000_000)
    err = assert_one_line_error(run_cli(store_copy, "report", "periodic", "--period", "2026", "--notes-file",
                                        str(big), "--out", str(tmp_path / "r.pdf"), lang="en"))
    assert err.startswith(f"The file {big} is too large")
    assert time.monotonic() - started < 60 and not (tmp_path / "r.pdf").exists()


def test_the_desktop_app_names_the_same_failures(qapp):
    """ui.dialogs.explain: a nurse's save on a full disk or a locked database
    gets the sentence that says what to do, not "something unexpected"."""
    import errno

    import sqlcipher3

    from facility_app.ui.dialogs import explain
    full = sa.exc.OperationalError("INSERT", {}, sqlcipher3.OperationalError("database or disk is full"))
    locked = sa.exc.OperationalError("BEGIN", {}, sqlcipher3.OperationalError("database is locked"))
    assert explain(full, "vi").startswith("Ổ đĩa đã đầy: hãy giải phóng dung lượng")
    assert explain(locked, "en").startswith("Another program has been writing to the store")
    assert explain(OSError(errno.ENOSPC, "No space left on device"), "en").startswith("The disk is full")
    assert "unexpected" in explain(ValueError("x"), "en")
