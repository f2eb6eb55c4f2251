"""The launcher's wait for apt's lock: apt and dpkg hold fcntl (POSIX) locks,
so a lock taken the same way by another process makes the script wait with a
message in Vietnamese and English, and go on when it is released."""
from __future__ import annotations

import fcntl
import os
import subprocess
import time
from pathlib import Path

import pytest

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


# --- what a later launch skips ------------------------------------------------------------------
# The launcher runs in a copy of the repository whose heavy tools are stand-ins that
# write what they were asked to a log: pip (setup-venv.sh), lrelease, facility-admin,
# facility-app, and dpkg-query/apt-get (the Qt libraries reported present). The launcher
# itself, build-translations.sh and the stamp logic are the real ones. (The real first
# launch under a held apt lock, and the real second launch's time, are measured by hand:
# see the commit that added this.)

_STUB = "#!/usr/bin/env bash\necho \"{name} $*\" >>\"$LAUNCH_LOG\"\n{extra}"


def _stub(path: Path, name: str, extra: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_STUB.format(name=name, extra=extra))
    path.chmod(0o755)


@pytest.fixture
def checkout(tmp_path):
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    (repo / "translations").mkdir()
    for name in ("launch.sh", "build-translations.sh", "wait-for-apt.sh"):
        (repo / "scripts" / name).write_text((ROOT / "scripts" / name).read_text())
    _stub(repo / "scripts" / "setup-venv.sh", "setup-venv")
    (repo / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    for ts in ("shell_vi.ts", "shell_en.ts"):
        (repo / "translations" / ts).write_text((ROOT / "translations" / ts).read_text())
    bin_ = repo / ".venv" / "bin"
    _stub(bin_ / "facility-app", "facility-app")
    _stub(bin_ / "facility-admin", "facility-admin",
          '[ "$1" = init ] && mkdir -p "$FACILITY_APP_DATA_DIR" && touch "$FACILITY_APP_DATA_DIR/facility.db"\ntrue\n')
    _stub(bin_ / "pyside6-lrelease", "lrelease", 'touch "$4"\n')
    tools = tmp_path / "tools"
    _stub(tools / "dpkg-query", "dpkg-query",
          'for p in "${@:3}"; do echo "$p installed"; done\n')
    _stub(tools / "apt-get", "apt-get", "exit 100\n")
    return repo, tools


def _launch(repo: Path, tools: Path) -> tuple[str, list[str]]:
    log = repo.parent / "launch.log"
    log.write_text("")
    env = dict(os.environ, PATH=f"{tools}:{os.environ['PATH']}", LAUNCH_LOG=str(log), QT_QPA_PLATFORM="offscreen",
               FACILITY_APP_DATA_DIR=str(repo / ".demo-data"))
    for key in ("FACILITY_APP_PASSPHRASE", "FACILITY_APP_ADMIN_PASSWORD"):
        env.pop(key, None)
    proc = subprocess.run(["bash", "scripts/launch.sh", "--startup-probe"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout, [line.split()[0] + (" " + line.split()[1] if len(line.split()) > 1 else "")
                         for line in log.read_text().splitlines()]


def test_a_later_launch_installs_nothing_unless_something_changed(checkout):
    repo, tools = checkout
    out, calls = _launch(repo, tools)
    # the desktop's own dependency set ("app"), not the server's
    assert calls.count("setup-venv app") == 1 and calls.count("lrelease -silent") == 2
    assert "facility-admin init" in calls and "facility-admin demo" in calls
    assert calls[-1] == "facility-app --startup-probe"
    assert "dieuduong / dieuduong-demo-2026" in out and "Installing the program" in out
    assert "apt-get" not in " ".join(calls)  # the Qt libraries are there: no apt at all

    out, calls = _launch(repo, tools)  # nothing changed
    assert [c for c in calls if not c.startswith("dpkg-query")] == ["facility-app --startup-probe"]
    assert "Installing" not in out and "dieuduong / dieuduong-demo-2026" in out

    qm = repo / "translations" / "shell_vi.qm"
    past = time.time() - 60
    os.utime(qm, (past, past))  # its .ts was edited since (newer than the .qm)
    _, calls = _launch(repo, tools)
    assert "lrelease -silent" in calls and "setup-venv app" not in calls

    with (repo / "pyproject.toml").open("a") as f:  # a dependency changed
        f.write("\n# changed\n")
    _, calls = _launch(repo, tools)
    assert "setup-venv app" in calls and "lrelease -silent" not in calls

    (repo / ".demo-data" / ".demo-accounts").unlink()  # a demo store from before the demo accounts
    _, calls = _launch(repo, tools)
    assert "facility-admin demo" in calls and "facility-admin init" not in calls
