"""Helpers for the foundation checks: run the real facility-admin CLI,
fingerprint a folder, snapshot tables, fill a store through the services.

Used by test_store, test_services, test_cli, test_crash and test_at_rest.
"""
from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from care_core.domain.entities import (
    Checkup, Condition, NursingRound, Referral, RehabSession, Resident, Stay, VitalSigns,
)
from care_core.domain.enums import (
    BeneficiaryGroup, CheckupKind, DischargeReason, HealthClass, RehabType, Sex, StayKind,
)

PASSPHRASE = "test passphrase 2026"  # the same as conftest.PASSPHRASE
ADMIN_PASSWORD = "admin password 1"
REPO = Path(__file__).resolve().parent.parent
_SCRIPT = Path(sys.executable).parent / "facility-admin"
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "facility_app.cli.main"]


def cli_env(passphrase: str | None = PASSPHRASE, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACILITY_APP_")}
    env["PYTHONPATH"] = str(REPO)
    if passphrase is not None:
        env["FACILITY_APP_PASSPHRASE"] = passphrase
    env["FACILITY_APP_ADMIN_PASSWORD"] = ADMIN_PASSWORD
    env.update(extra)
    return env


def run_cli(data_dir: Path, *args: str, passphrase: str | None = PASSPHRASE, lang: str = "vi",
            env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """One facility-admin run as an IT officer would: a subprocess, no terminal."""
    return subprocess.run(
        [*CLI, "--data-dir", str(data_dir), "--lang", lang, *args],
        env=cli_env(passphrase, **(env or {})), stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=120, cwd=cwd,
    )


def init_args(code: str = "TTBTXH-LS", name: str = "Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn",
              kind: str = "social-assistance", admin: str = "admin") -> list[str]:
    return ["init", "--facility-code", code, "--facility-name", name, "--facility-type", kind, "--admin-user", admin]


def assert_one_line_error(proc: subprocess.CompletedProcess) -> str:
    """A refused command: exit 1, one line on stderr, no traceback."""
    assert proc.returncode == 1, (proc.returncode, proc.stdout, proc.stderr)
    err = proc.stderr.strip()
    assert err and "\n" not in err, proc.stderr
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    return err


def fingerprint(root: Path) -> dict[str, str]:
    """Every file and folder under ``root``: relative path -> sha256 (or 'dir')."""
    result: dict[str, str] = {}
    if not root.exists():
        return result
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        result[rel] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return result


def copy_tree(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    return dest


# --- table contents ------------------------------------------------------------
# Read from the database itself (sqlite_master), not from tables.py, so a
# table the code declares but the schema lacks (or the reverse) is no blind spot.

def table_names(conn: sa.Connection) -> list[str]:
    return [r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def table_rows(conn: sa.Connection, name: str) -> list[tuple]:
    rows = [tuple(r) for r in conn.exec_driver_sql(f'SELECT * FROM "{name}"')]
    return sorted(rows, key=_row_key)


def _row_key(row: tuple) -> tuple:
    """Numbers in numeric order (audit seq 9 before 10), then text, None first."""
    return tuple((-1, 0, "") if v is None else (0, v, "") if isinstance(v, (int, float)) else (1, 0, str(v))
                 for v in row)


def snapshot(engine: sa.Engine, names: list[str] | None = None) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {n: table_rows(conn, n) for n in table_names(conn) if names is None or n in names}


def counts(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {n: conn.exec_driver_sql(f'SELECT count(*) FROM "{n}"').scalar() for n in table_names(conn)}


# --- realistic residents through the services ---------------------------------------

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE_M = ["Văn", "Đức", "Hữu", "Quang", "Minh", "Công", "Thành"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hùng", "Khải", "Lộc", "Nghĩa", "Phúc", "Quý", "Thắng", "Tuấn", "Việt"]
GIVEN_F = ["Anh", "Bích", "Cúc", "Diệu", "Hằng", "Hương", "Lan", "Liễu", "Nhung", "Oanh", "Phượng", "Thảo", "Tuyết", "Yến"]


@dataclass
class Filled:
    residents: list[Resident]
    checkup_ids: list[str]


def cccd_for(sex: Sex, birth: date, serial: int) -> str:
    century = (birth.year - 1900) // 100
    digit = century * 2 + (1 if sex == Sex.FEMALE else 0)
    return f"020{digit}{birth.year % 100:02d}{serial:06d}"


def populate(services, actor, n: int, seed: int, today: date) -> Filled:
    """``n`` residents with CCCD, BHYT, next of kin, checkups, a condition,
    rehab and a referral each, all through the services, one call each."""
    rnd = random.Random(seed)
    people: list[Resident] = []
    checkup_ids: list[str] = []
    used: set[str] = set()
    while len(people) < n:
        sex = rnd.choice([Sex.MALE, Sex.FEMALE])
        name = " ".join([rnd.choice(FAMILY), rnd.choice(MIDDLE_M if sex == Sex.MALE else MIDDLE_F),
                         rnd.choice(GIVEN_M if sex == Sex.MALE else GIVEN_F)])
        if name in used:
            continue
        used.add(name)
        birth = date(rnd.randint(1935, 1975), rnd.randint(1, 12), rnd.randint(1, 28))
        admitted = today - timedelta(days=rnd.randint(400, 2500))
        r = services.residents.admit(actor, Resident(
            name, sex, birth, admitted, [BeneficiaryGroup.ELDERLY, BeneficiaryGroup.SOCIAL_ASSISTANCE],
            cccd=cccd_for(sex, birth, 100000 + len(people) * 7919 % 900000),
            bhyt_number=f"BT2{20:02d}{rnd.randint(10**9, 10**10 - 1)}",
            bhyt_valid_from=date(today.year, 1, 1), bhyt_valid_to=date(today.year, 12, 31),
            room=f"P{rnd.randint(101, 320)}", next_of_kin_name=" ".join([rnd.choice(FAMILY), "Văn", rnd.choice(GIVEN_M)]),
            next_of_kin_relation="con", next_of_kin_phone=f"09{rnd.randint(10**7, 10**8 - 1)}",
        ))
        people.append(r)
        day = admitted
        while day < today - timedelta(days=30):
            c = services.clinical.record_checkup(actor, Checkup(
                r.id, day, CheckupKind.ADMISSION if day == admitted else CheckupKind.PERIODIC,
                VitalSigns(systolic=rnd.randint(105, 165), diastolic=rnd.randint(60, 95), pulse=rnd.randint(58, 100),
                           temperature=round(rnd.uniform(36.0, 37.6), 1), spo2=rnd.randint(92, 99), respiratory_rate=18,
                           weight_kg=round(rnd.uniform(38, 70), 1), height_cm=rnd.randint(145, 170), glucose=round(rnd.uniform(4.5, 9.5), 1)),
                findings="Sức khỏe ổn định", classification=HealthClass(rnd.randint(2, 4)), examiner="BS. Lò Văn Sáu"))
            checkup_ids.append(c.id)
            day += timedelta(days=rnd.randint(150, 380))
        services.clinical.add_condition(actor, Condition(r.id, rnd.choice(["I10", "E11", "J44", "M17"]),
                                                         onset_date=admitted, follow_up_days=90))
        services.clinical.record_rehab(actor, RehabSession(r.id, today - timedelta(days=10), RehabType.PHYSIOTHERAPY,
                                                           45, therapist="KTV Hà", barthel=rnd.randint(40, 95)))
        if rnd.random() < 0.3:
            services.clinical.open_referral(actor, Referral(r.id, today - timedelta(days=5),
                                                            "Bệnh viện Đa khoa tỉnh Lạng Sơn", "Tăng huyết áp khó kiểm soát", "I10"))
        if rnd.random() < 0.1:
            r = services.residents.discharge(actor, r.id, today - timedelta(days=2), DischargeReason.RETURNED_HOME, r.version)
            people[-1] = r
    first = people[0]  # an earlier stay from the paper file, so every synced table holds a row
    services.residents.add_past_stay(actor, first.id, Stay(first.id, StayKind.LONG_TERM, date(2010, 1, 4),
                                                           date(2011, 6, 30), DischargeReason.RETURNED_HOME))
    start = today - timedelta(days=40)  # a nursing round
    services.rounds.create(actor, NursingRound(start.year, 1, start, start + timedelta(days=9), 30, 200))
    return Filled(people, checkup_ids)
