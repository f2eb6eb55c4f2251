"""Issue 12.4: a file that leaves the store and its audit row exist together
or not at all; leftovers of interrupted operations go at the next open."""
from __future__ import annotations

import errno
import subprocess
import sys

import pytest
import sqlalchemy as sa
import sqlcipher3

from facility_app.storage import changes, store as store_module
from tests.conftest import ADMIN, SYSTEM, TODAY, make_services
from tests.store_fixtures import REPO, cli_env, populate, run_cli


def audit_actions(services) -> list[str]:
    with services.store.read() as conn:
        return [r[0] for r in conn.exec_driver_sql("SELECT action FROM audit_log ORDER BY seq")]


def pending(services) -> list:
    with services.store.read() as conn:
        return conn.exec_driver_sql("SELECT key FROM meta WHERE key LIKE 'pending-output:%'").all()


@pytest.fixture
def filled(tmp_path):
    services = make_services(tmp_path / "data")
    populate(services, SYSTEM, 3, seed=5, today=TODAY)
    yield services
    services.close()


def disk_full() -> sa.exc.OperationalError:
    return sa.exc.OperationalError("COMMIT", {}, sqlcipher3.OperationalError("database or disk is full"))


def test_export_whose_audit_commit_fails_leaves_no_file(filled, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    armed = []
    real_audit, real_commit = changes.Writer.audit_only, sa.engine.Connection._commit_impl

    def audit_then_arm(self, *a, **k):
        real_audit(self, *a, **k)
        armed.append(True)

    def commit(self):
        if armed:
            armed.clear()
            raise disk_full()
        return real_commit(self)

    monkeypatch.setattr(changes.Writer, "audit_only", audit_then_arm)
    monkeypatch.setattr(sa.engine.Connection, "_commit_impl", commit)
    before = audit_actions(filled)
    with pytest.raises(sa.exc.OperationalError):
        filled.exports.residents_csv(ADMIN, out / "residents.csv")
    monkeypatch.undo()
    assert list(out.iterdir()) == []  # neither the export nor its temp file
    assert audit_actions(filled) == before and pending(filled) == []


def test_export_whose_write_fails_leaves_no_file_and_no_audit_row(filled, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    before = audit_actions(filled)

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr("facility_app.services.exports.os.fsync", no_space)
    with pytest.raises(OSError):
        filled.exports.residents_csv(ADMIN, out / "residents.csv")
    monkeypatch.undo()
    assert list(out.iterdir()) == []
    assert audit_actions(filled) == before and pending(filled) == []
    # and when it works: the file and exactly one audit row
    assert filled.exports.residents_csv(ADMIN, out / "residents.csv") == 3
    assert [p.name for p in out.iterdir()] == ["residents.csv"]
    assert audit_actions(filled) == before + ["export-residents"]


def test_failed_backup_leaves_no_part_file_and_no_audit_row(filled, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    before = audit_actions(filled)

    def no_space(path):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(store_module, "_fsync_file", no_space)
    with pytest.raises(OSError):
        filled.exports.backup(ADMIN, out / "b.db")
    monkeypatch.undo()
    assert list(out.iterdir()) == []
    assert audit_actions(filled) == before
    filled.exports.backup(ADMIN, out / "b.db")
    assert [p.name for p in out.iterdir()] == ["b.db"] and audit_actions(filled) == before + ["backup"]


CRASH = r'''
import os, sys
from pathlib import Path
from care_core.domain.entities import Actor
from care_core.domain.enums import Role
from facility_app.services.container import Services
from facility_app.storage.store import Store
services = Services(Store.open(Path(sys.argv[1]), sys.argv[2]))
os.replace = lambda *a: os._exit(3)  # the power goes just before the rename
services.exports.residents_csv(Actor("admin1", Role.ADMIN), Path(sys.argv[3]))
'''


def test_leftovers_of_interrupted_operations_go_at_the_next_open(filled, tmp_path):
    data = filled.store.data_dir
    filled.close()
    out = tmp_path / "out"
    out.mkdir()
    crash = subprocess.run([sys.executable, "-c", CRASH, str(data), "test passphrase 2026",
                            str(out / "Nguyễn Văn An.csv")], env=cli_env(), cwd=REPO, capture_output=True, timeout=120)
    assert crash.returncode == 3, crash.stderr
    (left,) = out.iterdir()
    assert left.name.endswith(".part") and len(left.read_text(encoding="utf-8-sig").splitlines()) == 4  # the danger
    for name in ("facility.db.rekey", "facility.db.rekey-journal", "facility.db.restore", "store.tmp",
                 "backups/x.db.part", "backups/x.db.part-journal"):
        (data / name).write_bytes(b"\0" * 64)
    proc = run_cli(data, "info")
    assert proc.returncode == 0, proc.stderr
    assert list(out.iterdir()) == []
    assert not any(p.name.endswith((".rekey", ".restore", ".tmp", "-journal", ".part")) for p in data.rglob("*"))
    assert (data / "facility.db").exists() and (data / "store.json").exists()
    log = "".join(p.read_text(encoding="utf-8") for p in (data / "logs").glob("*.log*"))
    assert "leftover file(s) of interrupted operations" in log and "unfinished export" in log
    assert "Nguyễn" not in log and str(out) not in log
