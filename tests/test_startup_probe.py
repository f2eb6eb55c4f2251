"""``facility-app --startup-probe list`` (benchmarks/frozen.py): the real
program, in its own process, unlocks and logs in from the environment and
reports the resident list only once it holds the residents."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from care_core.domain.entities import Actor, Facility, Resident
from care_core.domain.enums import BeneficiaryGroup, FacilityType, Role, Sex
from facility_app.services.container import Services
from facility_app.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
SYSTEM = Actor("facility-admin", Role.SYSTEM)
PASSPHRASE = "probe passphrase 2026"


def _store(folder: Path) -> None:
    services = Services(Store.create(folder, PASSPHRASE))
    try:
        services.facility.initialise(SYSTEM, Facility("TTBTXH-PR", "Trung tâm thử", FacilityType.SOCIAL_ASSISTANCE,
                                                      province_code=20))
        services.users.add(SYSTEM, "dieuduong", "Điều dưỡng", Role.NURSE, "probe-password-1")
        for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
            services.residents.admit(SYSTEM, Resident(name, Sex.MALE, date(1950, 1, 1), date(2020, 1, 1),
                                                      [BeneficiaryGroup.ELDERLY]))
    finally:
        services.close()


def _probe(tmp_path: Path, login: str, *mode: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACILITY_APP_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path),
               PYTHONPATH=str(ROOT), FACILITY_APP_PASSPHRASE=PASSPHRASE, FACILITY_APP_PROBE_LOGIN=login)
    return subprocess.run([sys.executable, "-m", "facility_app.app", "--data-dir", str(tmp_path / "data"),
                           "--startup-probe", *mode], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=timeout)


def test_list_probe_logs_in_and_reports_the_loaded_list(tmp_path):
    _store(tmp_path / "data")
    done = _probe(tmp_path, "dieuduong:probe-password-1", "list")
    assert done.returncode == 0, done.stderr
    assert "startup-probe: list shown (3 residents)" in done.stdout


def test_plain_probe_still_stops_at_the_first_window(tmp_path):
    _store(tmp_path / "data")
    done = _probe(tmp_path, "dieuduong:probe-password-1")
    assert done.returncode == 0, done.stderr
    assert "startup-probe:" in done.stdout and "list shown" not in done.stdout


def test_list_probe_with_a_wrong_password_never_reports_a_list(tmp_path):
    _store(tmp_path / "data")
    try:
        done = _probe(tmp_path, "dieuduong:wrong", "list", timeout=15)
    except subprocess.TimeoutExpired as stuck:  # waits at the login screen, as a person would
        assert b"list shown" not in (stuck.stdout or b"")
    else:
        raise AssertionError(f"the probe ended without logging in: {done.stdout} {done.stderr}")
