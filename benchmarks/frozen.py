"""Frozen-build benchmark: how big the one-folder app is, and how fast it starts
to a usable resident list.

Start-up is measured from launching a new process to the main window's
resident list holding its rows (``facility-app --startup-probe list``: the
passphrase comes from ``FACILITY_APP_PASSPHRASE``, the login from
``FACILITY_APP_PROBE_LOGIN``, the program prints a line once the list is
painted and quits), offscreen, on a store of ``--residents`` generated
residents (``benchmarks/ui_data.py``, cached; copied to a temp folder). The
time includes unlocking (argon2id key derivation) and logging in (password
hash), as a nurse's first start does.

A first start finds the program's files on disk, not in the OS file cache.
Before every frozen launch but the warm ones this benchmark empties the cache
where it can, and prints which way it used:

- ``drop_caches``: as root on Linux, ``sync; echo 3 > /proc/sys/vm/drop_caches``
  (the whole machine's page cache: other processes slow down for a while);
- ``fadvise``: ``posix_fadvise(POSIX_FADV_DONTNEED)`` on every file of the
  build folder (no root needed; the kernel drops only pages no process has
  mapped, and the system's own libraries stay cached);
- ``none``: neither works here (the figure is then a warm start, and says so).

Figures (``--json``: the last line is one JSON object):

- ``frozen_first_start_s``: the first cold launch of the frozen program;
- ``frozen_cold_start_s``: median of ``--runs`` cold launches;
- ``frozen_warm_start_s``: median of launches right after a cold one;
- ``source_start_s``: the same code run from source (``python -m
  facility_app.app``), warm (the second of two launches), median, for
  comparison;
- ``frozen_size_mb``, ``frozen_files``, ``cache_drop`` (the way used),
  ``machine`` (load average, CPU count);
- ``windows_size_mb``, ``windows_files``: the Windows one-folder app that
  ``installer/build-windows.sh`` built (``--windows-dist``, default
  ``dist/windows/facility-app``), printed beside the Linux one; null when
  there is none.

    .venv/bin/python -m benchmarks.frozen [--runs 3] [--residents 1000] [--dist DIR] [--build] [--json]

``--build`` freezes this checkout with PyInstaller (``installer/facility-app.spec``
into ``dist/``) first; without it, ``--dist`` (default ``dist/facility-app``)
must hold a build whose ``--startup-probe`` knows ``list``.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "facility-app"
WINDOWS_DIST = ROOT / "dist" / "windows" / "facility-app"
PROBE_LINE = "startup-probe: list shown"
TIMEOUT_S = 180
NURSE = ("bench.nurse", "benchmark-2026")


def folder_size(folder: Path) -> tuple[float, int]:
    """(MiB, files) of a folder, symlinks not followed."""
    total, files = 0, 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total / 2**20, files


def drop_cache(folder: Path) -> str:
    """Empty the OS file cache of ``folder`` as far as this machine allows;
    the way used (``drop_caches``, ``fadvise`` or ``none``)."""
    if sys.platform.startswith("linux") and os.geteuid() == 0:
        try:
            os.sync()
            with open("/proc/sys/vm/drop_caches", "w") as f:
                f.write("3\n")
            return "drop_caches"
        except OSError:
            pass  # e.g. a container's read-only /proc/sys
    if not hasattr(os, "posix_fadvise"):
        return "none"
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    return "fadvise"


def time_to_list(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds from launching ``cmd`` to its probe line (the list shown)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=cwd, text=True)
    watchdog = threading.Timer(TIMEOUT_S, proc.kill)  # e.g. a login refused: the list never comes
    watchdog.start()
    try:
        for line in proc.stdout:
            if line.startswith(PROBE_LINE):
                elapsed = time.perf_counter() - started
                proc.wait(timeout=TIMEOUT_S)
                return elapsed
        raise RuntimeError(f"{cmd[0]} ended (status {proc.wait()}) without showing the list: "
                           f"{proc.stderr.read()[-2000:]}")
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def make_store(data: Path, residents: int) -> None:
    """A copy of the cached benchmark store, with the nurse who logs in."""
    sys.path.insert(0, str(ROOT))
    from benchmarks import ui_data
    from care_core.domain.enums import Role
    from facility_app.services.startup import StoreGate

    folder, _ = ui_data.ensure(residents, 7)
    shutil.copytree(folder, data)
    gate = StoreGate(data, lambda: ui_data.TODAY)
    services = gate.open(gate.derive_key(ui_data.PASSPHRASE))
    try:
        try:
            services.users.login(*NURSE)
        except Exception:
            services.users.add(ui_data.SYSTEM, NURSE[0], "Điều dưỡng thử nghiệm", Role.NURSE, NURSE[1])
    finally:
        services.close()


def build(dist: Path) -> None:
    """Freeze this checkout (the PyInstaller step of installer/build.sh)."""
    subprocess.run(["bash", str(ROOT / "scripts" / "build-translations.sh")], check=True, cwd=ROOT)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist.parent), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "installer" / "facility-app.spec")], check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    from benchmarks.machine import describe, machine
    from benchmarks.ui_data import PASSPHRASE

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3, help="cold launches (and as many warm ones) (default 3)")
    ap.add_argument("--residents", type=int, default=1000, help="residents in the store (default 1000)")
    ap.add_argument("--dist", type=Path, default=DIST, help="the one-folder build (default dist/facility-app)")
    ap.add_argument("--build", action="store_true", help="freeze this checkout into --dist first")
    ap.add_argument("--windows-dist", type=Path, default=WINDOWS_DIST,
                    help="the Windows one-folder build, for its size (default dist/windows/facility-app)")
    ap.add_argument("--json", action="store_true", help="print a JSON object of the figures as the last line")
    args = ap.parse_args(argv)

    dist = args.dist.resolve()
    exe = dist / ("facility-app.exe" if sys.platform.startswith("win") else "facility-app")
    if args.build:
        build(dist)
    if not exe.exists():
        raise SystemExit(f"no build at {dist}: run with --build")
    size_mb, files = folder_size(dist)
    windows = args.windows_dist.resolve()
    win_size_mb, win_files = folder_size(windows) if (windows / "facility-app.exe").is_file() else (None, None)

    tmp = Path(tempfile.mkdtemp(prefix="frozen-bench-"))
    ways: set[str] = set()
    try:
        data = tmp / "data"
        make_store(data, args.residents)
        (tmp / "home").mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FACILITY_APP_", "PYTHON"))}
        env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp / "home"), XDG_CONFIG_HOME=str(tmp / "home"),
                   FACILITY_APP_PASSPHRASE=PASSPHRASE, FACILITY_APP_PROBE_LOGIN=":".join(NURSE))
        probe = ["--data-dir", str(data), "--startup-probe", "list"]
        cold, warm, source = [], [], []
        for _ in range(args.runs):
            ways.add(drop_cache(dist))
            cold.append(time_to_list([str(exe), *probe], env, tmp))
            warm.append(time_to_list([str(exe), *probe], env, tmp))
            # from source twice: the first may find the virtualenv's files evicted too
            # (drop_caches empties the whole cache); the second is the warm figure
            source_cmd = [sys.executable, "-m", "facility_app.app", *probe]
            time_to_list(source_cmd, env, ROOT)
            source.append(time_to_list(source_cmd, env, ROOT))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    way = "+".join(sorted(ways))
    figures = {
        "frozen_size_mb": round(size_mb, 1),
        "frozen_files": files,
        "windows_size_mb": None if win_size_mb is None else round(win_size_mb, 1),
        "windows_files": win_files,
        "frozen_first_start_s": round(cold[0], 3),
        "frozen_cold_start_s": round(statistics.median(cold), 3),
        "frozen_warm_start_s": round(statistics.median(warm), 3),
        "source_start_s": round(statistics.median(source), 3),
        "runs": args.runs,
        "residents": args.residents,
        "cache_drop": way,
        "machine": machine(),
    }
    print(f"one-folder app: {figures['frozen_size_mb']} MB in {files} files ({dist})")
    print(f"Windows one-folder app: {figures['windows_size_mb']} MB in {win_files} files ({windows})"
          if win_size_mb is not None else
          f"Windows one-folder app: not built ({windows}; bash installer/build-windows.sh)")
    print({"drop_caches": "OS page cache dropped before each cold launch (sync; echo 3 > /proc/sys/vm/drop_caches)",
           "fadvise": "build folder evicted from the OS cache before each cold launch (posix_fadvise DONTNEED)",
           "none": "could NOT empty the OS file cache here: the cold figures are warm starts"}.get(
        way, f"cache emptied by: {way}"))
    print(f"start to usable list ({args.residents} residents; unlock and login included):")
    for name, values in (("frozen, cold", cold), ("frozen, warm", warm), ("source, warm", source)):
        print(f"  {name}: median {statistics.median(values):.3f} s, first {values[0]:.3f} s, "
              f"all {', '.join(f'{t:.2f}' for t in values)}")
    print(describe())
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
