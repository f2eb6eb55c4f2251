"""Issue 12.1: rekey and restore never pull the store from under a process
still writing to it. Real processes: a writer admitting residents through
the services, and facility-admin rekey / restore --yes started meanwhile."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from facility_app.storage.store import Store, StoreBusy
from tests.conftest import PASSPHRASE
from tests.store_fixtures import CLI, REPO, assert_one_line_error, cli_env, init_args, run_cli

WRITER = r'''
import sys
from datetime import date
from pathlib import Path
from care_core.domain.entities import Actor, Resident
from care_core.domain.enums import BeneficiaryGroup, Role, Sex
from facility_app.services.container import Services
from facility_app.storage.store import Store

data, stop = Path(sys.argv[1]), Path(sys.argv[2])
services = Services(Store.open(data, sys.argv[3]))
actor = Actor("nurse1", Role.SYSTEM)
n = 0
while not stop.exists() and n < 20000:
    r = services.residents.admit(actor, Resident("Nguyễn Văn " + "".join("abcdeghikl"[int(d)] for d in str(n)).capitalize(), Sex.MALE, date(1950, 1, 1),
                                                 date(2026, 1, 5), [BeneficiaryGroup.ELDERLY]))
    print(r.id, flush=True)  # printed only once the call returned
    n += 1
services.close()
print("done", flush=True)
'''


@pytest.fixture
def store_dir(tmp_path) -> Path:
    data = tmp_path / "data"
    assert run_cli(data, *init_args()).returncode == 0
    return data


def start_writer(tmp_path: Path, data: Path) -> tuple[subprocess.Popen, Path]:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    stop = tmp_path / "stop"
    proc = subprocess.Popen([sys.executable, str(script), str(data), str(stop), PASSPHRASE],
                            env=cli_env(), cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()  # the writer is open and has written
    assert first.strip(), proc.stderr.read()
    return proc, stop


def finish_writer(proc: subprocess.Popen, stop: Path, first_lines: list[str]) -> list[str]:
    stop.touch()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    lines = first_lines + out.split()
    assert lines[-1] == "done"
    return lines[:-1]


def resident_ids(data: Path, passphrase: str = PASSPHRASE) -> set[str]:
    with Store.open(data, passphrase) as store, store.read() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT id FROM residents")}


def test_rekey_while_a_writer_runs_is_refused_and_nothing_returned_is_lost(tmp_path, store_dir):
    writer, stop = start_writer(tmp_path, store_dir)
    time.sleep(1.0)  # the writer is well under way
    proc = run_cli(store_dir, "rekey", env={"FACILITY_APP_NEW_PASSPHRASE": "a new passphrase 2026"})
    assert "đóng nó trước" in assert_one_line_error(proc)
    written = finish_writer(writer, stop, [])
    assert len(written) > 10
    assert set(written) <= resident_ids(store_dir)
    # with the writer gone the rekey goes through, and keeps everything
    proc = run_cli(store_dir, "rekey", env={"FACILITY_APP_NEW_PASSPHRASE": "a new passphrase 2026"})
    assert proc.returncode == 0, proc.stderr
    assert set(written) <= resident_ids(store_dir, "a new passphrase 2026")
    assert run_cli(store_dir, "verify", passphrase="a new passphrase 2026").returncode == 0


def test_restore_while_a_writer_runs_is_refused_and_nothing_returned_is_lost(tmp_path, store_dir):
    backup = tmp_path / "b.db"
    assert run_cli(store_dir, "backup", str(backup)).returncode == 0
    writer, stop = start_writer(tmp_path, store_dir)
    time.sleep(1.0)
    proc = run_cli(store_dir, "restore", str(backup), "--yes", lang="en")
    assert "close it first" in assert_one_line_error(proc)
    written = finish_writer(writer, stop, [])
    assert set(written) <= resident_ids(store_dir)
    assert run_cli(store_dir, "verify").returncode == 0


def test_an_open_during_a_rekey_waits_for_it(tmp_path, store_dir):
    """The other way round: a command started while the folder is held
    exclusive waits (bounded) and then opens the store as it is after."""
    with Store.open(store_dir, PASSPHRASE) as store, store.exclusive():
        started = time.monotonic()
        info = subprocess.Popen([*CLI, "--data-dir", str(store_dir), "info"],
                                env=cli_env(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        time.sleep(2.0)
        assert info.poll() is None  # still waiting
    out, err = info.communicate(timeout=60)
    assert info.returncode == 0, err
    assert time.monotonic() - started >= 2.0


def test_an_open_refused_after_its_wait_says_why(store_dir):
    with Store.open(store_dir, PASSPHRASE) as store, store.exclusive():
        with pytest.raises(StoreBusy) as refused:
            Store.open(store_dir, PASSPHRASE, wait=0.3)
    assert "đổi mật khẩu hoặc phục hồi" in refused.value.message("vi")
    assert "rekeyed or restored" in refused.value.message("en")
    Store.open(store_dir, PASSPHRASE, wait=0.3).close()  # free again


def test_a_store_that_let_go_of_its_lock_reconnects_to_the_current_file(store_dir, tmp_path):
    """Changing the lock's mode is not atomic (flock, LockFileEx): in the gap a
    rekey elsewhere may replace the file. The store then drops its pooled
    connections, so nothing is written to the replaced file."""
    store = Store.open(store_dir, PASSPHRASE)
    try:
        with store.read() as conn:  # a pooled connection to today's file
            conn.exec_driver_sql("SELECT 1")
        before = store.engine.pool.checkedin()
        other = Store.open(store_dir, PASSPHRASE)  # someone else has it open: the clean-up gives way
        try:
            gaps = store._lock.gaps
            assert store.clean_leftovers() == []
            assert store._lock.mode == "shared" and store._lock.gaps == gaps + 1
            assert before >= 1 and store.engine.pool.checkedin() == 0
        finally:
            other.close()
    finally:
        store.close()
