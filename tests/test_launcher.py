"""The launcher's wait for apt's lock: apt and dpkg hold fcntl (POSIX) locks,
so a lock taken the same way by another process makes the script wait with a
message in Vietnamese and English, and go on when it is released."""
from __future__ import annotations

import fcntl
import os
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "wait-for-apt.sh"


def _run(locks: list[Path], limit: int = 60) -> subprocess.Popen:
    env = dict(os.environ, FACILITY_APT_LOCKS=" ".join(map(str, locks)), FACILITY_APT_WAIT_SECONDS=str(limit))
    return subprocess.Popen(["bash", str(SCRIPT)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_free_locks_pass_at_once_and_silently(tmp_path):
    lock = tmp_path / "lock-frontend"
    lock.touch()
    proc = _run([tmp_path / "missing", lock])
    out, err = proc.communicate(timeout=30)
    assert (proc.returncode, out, err) == (0, "", "")


def test_a_held_lock_is_waited_for_then_released(tmp_path):
    free, held = tmp_path / "lock", tmp_path / "lock-frontend"
    free.touch()
    held.touch()
    fd = os.open(held, os.O_RDWR)
    fcntl.lockf(fd, fcntl.LOCK_EX)  # fcntl F_SETLK, as apt's GetLock does
    try:
        proc = _run([free, held])
        first = proc.stdout.readline()
        assert f"đang giữ {held} (pid {os.getpid()})" in first and "đang chờ" in first
        assert "Another installer is running" in proc.stdout.readline()
        time.sleep(2)
        assert proc.poll() is None, "still waiting while the lock is held"
    finally:
        os.close(fd)  # releases the lock
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0
    assert "đã xong; tiếp tục" in out and "has finished; going on" in out


def test_waiting_too_long_stops_with_a_clear_message(tmp_path):
    held = tmp_path / "lock-frontend"
    held.touch()
    fd = os.open(held, os.O_RDWR)
    fcntl.lockf(fd, fcntl.LOCK_EX)
    try:
        proc = _run([held], limit=2)
        out, _ = proc.communicate(timeout=30)
    finally:
        os.close(fd)
    assert proc.returncode == 1
    assert "vẫn chưa xong" in out and "has not finished" in out
