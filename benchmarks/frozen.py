"""Frozen-build benchmark: how big the one-folder app is, and how fast it starts.

Start-up is measured from launching a new process to the unlock window being
shown (``facility-app --startup-probe`` prints a line once the first window
is visible and quits), offscreen, on a store that already exists (so the
unlock window, not the set-up wizard, is the first window). The frozen
program (``dist/facility-app/facility-app``) and the same code run from
source (``python -m facility_app.app``) are measured in the same run,
alternately, each in a fresh process; the figure is the median over
``--runs`` launches, and the first launch of each is reported separately
(it is the coldest: the OS file cache may not hold the files yet; this
benchmark does not flush the cache of a shared machine).

    .venv/bin/python -m benchmarks.frozen [--runs 5] [--build] [--json]

``--build`` runs installer/build.sh first (else an existing dist/ is used, and
built when missing). With ``--json`` the last line is one JSON object:
frozen_size_mb, frozen_files, frozen_start_s, source_start_s,
frozen_first_start_s, source_first_start_s, runs. The store is a throw-away
one in a temp folder (no resident data at all).
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "facility-app"
EXE = DIST / ("facility-app.exe" if sys.platform.startswith("win") else "facility-app")
PROBE_LINE = "startup-probe:"
TIMEOUT_S = 120


def folder_size(folder: Path) -> tuple[float, int]:
    """(MiB, files) of a folder, symlinks not followed."""
    total, files = 0, 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total / 2**20, files


def time_to_window(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds from launching ``cmd`` to its start-up probe line."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=cwd, text=True)
    try:
        for line in proc.stdout:
            if line.startswith(PROBE_LINE):
                elapsed = time.perf_counter() - started
                proc.wait(timeout=TIMEOUT_S)
                return elapsed
        raise RuntimeError(f"{cmd[0]} ended (status {proc.wait()}) without showing a window")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def make_store(data: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from facility_app.storage.store import Store

    Store.create(data, "benchmark passphrase 2026").close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="launches of each program (default 5)")
    ap.add_argument("--build", action="store_true", help="run installer/build.sh first")
    ap.add_argument("--json", action="store_true", help="print a JSON object of the figures as the last line")
    args = ap.parse_args(argv)

    if args.build or not EXE.exists():
        subprocess.run(["bash", str(ROOT / "installer" / "build.sh")], check=True)
    size_mb, files = folder_size(DIST)

    tmp = Path(tempfile.mkdtemp(prefix="frozen-bench-"))
    try:
        data = tmp / "data"
        make_store(data)
        (tmp / "home").mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FACILITY_APP_", "PYTHON"))}
        env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp / "home"), XDG_CONFIG_HOME=str(tmp / "home"))
        commands = {
            "frozen": [str(EXE), "--data-dir", str(data), "--startup-probe"],
            "source": [sys.executable, "-m", "facility_app.app", "--data-dir", str(data), "--startup-probe"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                cwd = ROOT if name == "source" else tmp
                times[name].append(time_to_window(cmd, env, cwd))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    figures = {
        "frozen_size_mb": round(size_mb, 1),
        "frozen_files": files,
        "frozen_start_s": round(statistics.median(times["frozen"]), 3),
        "source_start_s": round(statistics.median(times["source"]), 3),
        "frozen_first_start_s": round(times["frozen"][0], 3),
        "source_first_start_s": round(times["source"][0], 3),
        "runs": args.runs,
    }
    print(f"one-folder app: {figures['frozen_size_mb']} MB in {files} files ({DIST})")
    for name in ("frozen", "source"):
        print(f"{name:6} start to unlock window: median {figures[name + '_start_s']:.3f} s, "
              f"first {figures[name + '_first_start_s']:.3f} s, all {', '.join(f'{t:.2f}' for t in times[name])}")
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
