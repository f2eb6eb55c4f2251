"""Convergence under abuse: three facility PCs and one provincial server,
each in a process of its own, for N minutes; PCs and server are killed
with SIGKILL at random moments and started again. Then the killing stops,
every PC syncs until nothing moves, and the copies are compared.

Each PC process works like a ward: admissions, checkups, profile edits of
residents it shows (several PCs edit the same ones), voids of checkups
(two PCs sometimes void the same one), now and then a new account (the
same login name on two PCs) and a sync every few operations. The server
runs as ``provincial-server serve`` runs it, on a SQLite file.

Figures (all must be 0):

- ``lost``: changes saved on a PC (its change log) that are not on the
  server once everything has synced, plus changes still waiting; a change
  the server refused (parked, with its reason) is counted apart in
  ``parked``, never silently;
- ``doubled``: a change id applied twice on the server, or two residents
  with one code;
- ``diverged``: rows whose values differ between the server and a PC
  (or that one holds and another lacks).

Also printed, for information: ``conflicts`` (by table.field: what people
would review, e.g. ``users.username`` for a login name made on two PCs),
``accounts``, ``voids``, ``pc_kills``, ``server_kills``, ``changes``.

    .venv/bin/python -m benchmarks.convergence [--minutes 10] [--pcs 3] [--seed 1] [--json] [--keep]

The data is synthetic; the temp folder is deleted unless ``--keep``. With
``--json`` the last line is one JSON object. ``run()`` is also called by
tests/test_sync_faults.py for a short seeded run.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from benchmarks.machine import describe, machine

PASSPHRASE = "convergence run passphrase"
FACILITY = "TTBTXH-CV"
TODAY = date(2026, 11, 20)
FAST = {"read_timeout": 3.0, "connect_timeout": 1.0, "retries": 1, "pause": lambda s: None}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env() -> dict:
    root = str(Path(__file__).resolve().parent.parent)
    return {**os.environ, "PYTHONPATH": root + os.pathsep + os.environ.get("PYTHONPATH", "")}


# --- the server process ----------------------------------------------------------

class ServerProcess:
    def __init__(self, db_url: str, log: Path):
        self.db_url, self.port, self.log = db_url, _free_port(), log
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with open(self.log, "ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "provincial_server.cli", "--db", self.db_url, "serve", "--host", "127.0.0.1",
                 "--port", str(self.port), "--request-budget", "off"], stdout=out, stderr=out, env=_env())
        deadline = time.monotonic() + 120  # a busy shared machine: imports alone can take seconds
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return
            except OSError:
                time.sleep(0.2)
        tail = self.log.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"the server did not start (exit {self.proc.poll()}):\n{tail}")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()


# --- a PC process --------------------------------------------------------------

def work(data_dir: Path, seed: int, stop_file: Path) -> None:
    """One PC's ward work until ``stop_file`` exists (or a SIGKILL)."""
    from care_core.domain.entities import Actor, Checkup, Resident, VitalSigns
    from care_core.domain.enums import BeneficiaryGroup, CheckupKind, Role, Sex
    from care_core.domain.messages import DomainError
    from facility_app.services.container import Services
    from facility_app.storage.store import Store
    from facility_app.sync.engine import sync_once

    rng = random.Random(seed)
    store = Store.open(data_dir, PASSPHRASE)
    services = Services(store, today=lambda: TODAY)
    nurse, boss = Actor("nurse1", Role.NURSE), Actor("facility-admin", Role.SYSTEM)
    minute = None
    while not stop_file.exists():
        op = rng.choices(["admit", "checkup", "edit", "void", "user", "sync"], [2, 4, 4, 1, 0.2, 3])[0]
        if int(time.time() // 60) != minute:  # every PC, within a second of the others: one login name
            minute = int(time.time() // 60)
            op = "shift"
        try:
            here = services.residents.list(nurse)
            if op == "admit" or not here:
                services.residents.admit(nurse, Resident(
                    f"Nguyễn Văn {rng.choice('ABCDEGHKLMN')}", rng.choice([Sex.MALE, Sex.FEMALE]),
                    date(1940 + rng.randrange(40), 1 + rng.randrange(12), 1 + rng.randrange(28)),
                    TODAY - timedelta(days=30 + rng.randrange(300)), groups=[BeneficiaryGroup.ELDERLY],
                    room=f"P{rng.randrange(1, 30)}"))  # the PC's own numbering (DT<n>-...)
            elif op == "checkup":
                r = rng.choice(here)
                day = r.admission_date + timedelta(days=rng.randrange(max(1, (TODAY - r.admission_date).days)))
                vitals = VitalSigns(systolic=100 + rng.randrange(60), diastolic=60 + rng.randrange(30),
                                    pulse=60 + rng.randrange(40))
                services.clinical.record_checkup(nurse, Checkup(r.id, day, CheckupKind.PERIODIC, vitals,
                                                                findings="Ổn định", examiner="BS Lan"))
            elif op == "edit":
                r = rng.choice(here[:8])  # the first few: several PCs edit the same residents
                current = services.residents.get(nurse, r.id)
                services.residents.update(nurse, r.id, {"room": f"P{rng.randrange(40)}"}, current.version)
            elif op == "void":
                items = services.clinical.checkups(nurse, rng.choice(here[:8]).id)
                if items:
                    services.clinical.void_checkup(nurse, items[0].id, "Nhập nhầm")
            elif op == "shift":
                services.users.add(boss, f"ca{minute % 10**6}", "Trực ca", Role.NURSE, "convergence password")
            elif op == "user":
                services.users.add(boss, f"yta{rng.randrange(6)}", "Y tá", Role.NURSE, "convergence password")
            else:
                sync_once(store, **FAST)
        except DomainError as exc:
            if os.environ.get("CONVERGENCE_DEBUG"):
                print(op, exc.message("en"), file=sys.stderr)  # synthetic data only
            # a refused edit (stale version, name taken, already voided): the nurse would see why
        time.sleep(rng.random() * 0.05)
    store.close()


# --- the run --------------------------------------------------------------------

def _setup(tmp: Path, server: ServerProcess, pcs: int) -> list[Path]:
    from care_core.domain.entities import Actor, Facility
    from care_core.domain.enums import FacilityType, Role
    from facility_app.services.container import Services
    from facility_app.storage.store import Store
    from facility_app.sync import setup
    from facility_app.sync.engine import sync_once
    from provincial_server import admin
    from provincial_server.db import make_engine, write_conn

    engine = make_engine(server.db_url)
    codes = []
    with write_conn(engine) as conn, conn.begin():
        admin.add_facility(conn, FACILITY, "Trung tâm Bảo trợ xã hội (chạy thử)", 20)
        for i in range(pcs):
            codes.append(admin.enrol_device(conn, FACILITY, f"pc{i + 1}", "convergence run")[1])
    engine.dispose()
    system = Actor("facility-admin", Role.SYSTEM)
    dirs = [tmp / f"pc{i + 1}" for i in range(pcs)]
    first = Services(Store.create(dirs[0], PASSPHRASE), today=lambda: TODAY)
    first.facility.initialise(system, Facility(FACILITY, "Trung tâm Bảo trợ xã hội (chạy thử)",
                                               FacilityType.SOCIAL_ASSISTANCE, province_code=20))
    first.users.add(system, "admin1", "Quản trị", Role.ADMIN, "admin password 1")
    setup.enrol(first.store, server.url, codes[0])
    report = sync_once(first.store, **FAST)
    assert report.error is None, report.error
    first.close()
    for d, code in zip(dirs[1:], codes[1:]):
        store, _, report = setup.join(d, PASSPHRASE, server.url, code, **FAST)
        store.close()
    return dirs


def _settle(dirs: list[Path], rounds: int = 12) -> dict:
    """Sync every PC in turn until a whole round moves nothing."""
    from facility_app.storage.store import Store
    from facility_app.sync.engine import sync_once

    stores = [Store.open(d, PASSPHRASE) for d in dirs]
    try:
        for n in range(rounds):
            moved, errors = 0, 0
            for store in stores:
                report = sync_once(store, **{**FAST, "read_timeout": 30.0, "retries": 3})
                errors += report.error is not None
                moved += report.pushed + report.pulled
            if moved == 0 and errors == 0:
                return {"settle_rounds": n + 1}
        return {"settle_rounds": rounds, "still_moving": True}
    finally:
        for store in stores:
            store.close()


def compare(db_url: str, dirs: list[Path]) -> dict:
    """lost / doubled / diverged / parked, as the module docstring says."""
    from facility_app.storage.store import Store
    from facility_app.storage.tables import SYNCED_TABLES, change_log
    from care_core.protocol import SYNCED_SCHEMA
    from provincial_server.db import make_engine
    from provincial_server.tables import changes, conflicts, records

    engine = make_engine(db_url)
    with engine.connect() as conn:
        held = list(conn.execute(sa.select(changes.c.change_id).where(changes.c.origin_device != "server")).scalars())
        server_rows = {}
        for r in conn.execute(sa.select(records).where(records.c.facility_code == FACILITY)):
            data = json.loads(r.data)
            server_rows[(r.table_name, r.row_id)] = (
                {k: data.get(k) for k in SYNCED_SCHEMA[r.table_name]}, r.version, bool(r.deleted))
        open_conflicts = dict(conn.execute(
            sa.select(conflicts.c.table_name + "." + conflicts.c.field, sa.func.count())
            .where(conflicts.c.facility_code == FACILITY).group_by(conflicts.c.table_name, conflicts.c.field)).all())
    engine.dispose()
    held_set = set(held)
    out = {"lost": 0, "doubled": len(held) - len(held_set), "diverged": 0, "parked": 0, "changes": len(held_set)}
    out["conflicts"] = open_conflicts  # for information: what people would review (e.g. users.username)
    out["accounts"] = sum(1 for t, _ in server_rows if t == "users")
    out["voids"] = sum(1 for (t, _), v in server_rows.items() if t == "checkups" and v[0].get("voided"))
    codes = [v[0]["code"] for (t, _), v in server_rows.items() if t == "residents"]
    out["doubled"] += len(codes) - len(set(codes))
    for d in dirs:
        store = Store.open(d, PASSPHRASE)
        try:
            with store.read() as conn:
                log = conn.execute(sa.select(change_log.c.change_id, change_log.c.state)).all()
                out["parked"] += sum(1 for _, s in log if s in ("parked", "dismissed"))
                out["lost"] += sum(1 for cid, s in log if s == "pending" or (s == "acked" and cid not in held_set))
                mine = {}
                for name, table in SYNCED_TABLES.items():
                    for r in conn.execute(sa.select(table)).mappings():
                        mine[(name, r["id"])] = ({k: _wire(r[k]) for k in SYNCED_SCHEMA[name]}, r["version"],
                                                 bool(r["deleted"]))
        finally:
            store.close()
        out["diverged"] += sum(1 for k in server_rows.keys() | mine.keys() if server_rows.get(k) != mine.get(k))
    return out


def _wire(value):
    return value.isoformat() if isinstance(value, date) else value


def run(seconds: float, seed: int = 1, pcs: int = 3, tmp: Path | None = None,
        say=lambda text: None) -> dict:
    """The whole run; returns the figures."""
    own_tmp = tmp is None
    tmp = Path(tempfile.mkdtemp(prefix="convergence-")) if own_tmp else tmp
    rng = random.Random(seed)
    db_url = f"sqlite:///{tmp / 'provincial.db'}"
    subprocess.run([sys.executable, "-m", "provincial_server.cli", "--db", db_url, "migrate"],
                   check=True, env=_env(), capture_output=True)
    server = ServerProcess(db_url, tmp / "server.log")
    server.start()
    stop_file = tmp / "stop"
    workers: dict[int, subprocess.Popen] = {}
    figures = {"seconds": seconds, "seed": seed, "pcs": pcs, "pc_kills": 0, "server_kills": 0}
    try:
        dirs = _setup(tmp, server, pcs)

        def start_worker(i: int) -> None:
            workers[i] = subprocess.Popen(
                [sys.executable, "-m", "benchmarks.convergence", "work", str(dirs[i]), str(rng.randrange(10**9)),
                 str(stop_file)], env=_env(), stdout=subprocess.DEVNULL, stderr=open(tmp / f"pc{i + 1}.log", "ab"))

        for i in range(pcs):
            start_worker(i)
        end = time.monotonic() + seconds
        forced = iter([0.0, 0.6])  # a short run still kills a PC and the server at least once
        while time.monotonic() < end:
            time.sleep(rng.uniform(1.0, 4.0))
            roll = next(forced, None)
            roll = rng.random() if roll is None else roll
            if roll < 0.5:
                i = rng.randrange(pcs)
                workers[i].send_signal(signal.SIGKILL)
                workers[i].wait()
                figures["pc_kills"] += 1
                start_worker(i)
            elif roll < 0.7:
                server.kill()
                figures["server_kills"] += 1
                time.sleep(rng.uniform(0.2, 1.5))
                server.start()
            for i, w in workers.items():  # a worker that died by itself is a failure of the run
                if w.poll() not in (None, -signal.SIGKILL):
                    raise RuntimeError(f"pc{i + 1} exited with {w.returncode}; see {tmp / f'pc{i + 1}.log'}")
            say(f"{time.monotonic() - end + seconds:5.0f} s: {figures['pc_kills']} PC kills, "
                f"{figures['server_kills']} server kills")
        stop_file.touch()
        for w in workers.values():
            try:
                w.wait(60)
            except subprocess.TimeoutExpired:
                w.kill()
                w.wait()
        figures.update(_settle(dirs))
        figures.update(compare(db_url, dirs))
        return figures
    finally:
        stop_file.touch()
        for w in workers.values():
            if w.poll() is None:
                w.kill()
                w.wait()
        server.kill()
        if own_tmp:
            shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["work"]:
        work(Path(argv[1]), int(argv[2]), Path(argv[3]))
        return 0
    ap = argparse.ArgumentParser(prog="benchmarks.convergence", description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--pcs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the temp folder (printed)")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="convergence-")) if args.keep else None
    if tmp:
        print(f"folder: {tmp}", flush=True)
    figures = run(args.minutes * 60, args.seed, args.pcs, tmp, say=lambda t: print(t, flush=True))
    figures["machine"] = machine()
    for k, v in figures.items():
        print(f"{k}: {v}")
    print(describe())
    if args.json:
        print(json.dumps(figures))
    return 0 if figures["lost"] == figures["doubled"] == figures["diverged"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
