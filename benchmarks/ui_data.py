"""The data behind ``benchmarks/ui.py``: a facility of N demo residents plus
one resident with ten years of records, in an encrypted store.

Built through the services (``facility_app.demo.generate`` when it
exists, else a plainer generator here), which takes a while for 10,000
residents (every record validated, change-logged and audited), so the store
is kept in a cache folder keyed by its parameters and reused by later runs.
All data is generated: no real person is in it.
"""
from __future__ import annotations

import json
import random
import shutil
import time
from datetime import date, timedelta
from pathlib import Path

import platformdirs

from care_core.domain.entities import (
    Actor,
    Checkup,
    Condition,
    Facility,
    Referral,
    RehabSession,
    Resident,
    VitalSigns,
)
from care_core.domain.enums import (
    BeneficiaryGroup,
    CheckupKind,
    ConditionStatus,
    FacilityType,
    HealthClass,
    ReferralOutcome,
    RehabType,
    Role,
    Sex,
)
from facility_app.services.container import Services
from facility_app.storage.store import Store

PASSPHRASE = "benchmark passphrase 2026"
TODAY = date(2026, 11, 20)
SYSTEM = Actor("facility-admin", Role.SYSTEM)
LONG_STAY_NAME = "Nguyễn Văn Mười Năm"
FORMAT = 1


def cache_dir(residents: int, seed: int) -> Path:
    return Path(platformdirs.user_cache_dir("FacilityHealth-bench")) / f"ui-{residents}-seed{seed}-v{FORMAT}"


def build(folder: Path, residents: int, seed: int, log=print) -> dict:
    """Create the store in ``folder`` (replacing a half-built one); returns facts."""
    shutil.rmtree(folder, ignore_errors=True)
    store = Store.create(folder, PASSPHRASE)
    services = Services(store, today=lambda: TODAY)
    try:
        services.facility.initialise(SYSTEM, Facility(
            "TTBTXH-BENCH", "Trung tâm Bảo trợ xã hội (dữ liệu thử)", FacilityType.SOCIAL_ASSISTANCE, province_code=20))
        started = time.perf_counter()
        try:
            from facility_app.demo import generate
        except ImportError:
            generate = None
        if generate is not None:
            summary = generate(services, SYSTEM, residents, seed, TODAY)
            log(f"demo data: {summary}")
        else:
            _plain_residents(services, residents, random.Random(seed))
        long_id = _long_stay(services, random.Random(seed + 1))
        log(f"built {residents} residents in {time.perf_counter() - started:.0f} s")
    finally:
        services.close()
    facts = {"residents": residents, "seed": seed, "long_stay_id": long_id, "today": TODAY.isoformat()}
    (folder / "bench.json").write_text(json.dumps(facts), encoding="utf-8")
    return facts


def ensure(residents: int, seed: int, log=print) -> tuple[Path, dict]:
    folder = cache_dir(residents, seed)
    facts_file = folder / "bench.json"
    if facts_file.is_file():
        return folder, json.loads(facts_file.read_text(encoding="utf-8"))
    log(f"building the benchmark store in {folder} (once; later runs reuse it)…")
    return folder, build(folder, residents, seed, log)


def _plain_residents(services: Services, count: int, rng: random.Random) -> None:
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng", "Bùi", "Đỗ", "Vũ", "Ngô"]
    middle = ["Văn", "Thị", "Hữu", "Đức", "Ngọc"]
    given = ["An", "Bình", "Cúc", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Sơn", "Thảo", "Yến"]
    with services.store.batch():
        for _ in range(count):
            sex = rng.choice([Sex.MALE, Sex.FEMALE])
            birth = date(rng.randint(1930, 2010), rng.randint(1, 12), rng.randint(1, 28))
            admitted = max(birth + timedelta(days=365), TODAY - timedelta(days=rng.randint(30, 3000)))
            r = services.residents.admit(SYSTEM, Resident(
                f"{rng.choice(family)} {rng.choice(middle)} {rng.choice(given)}", sex, birth, admitted,
                [BeneficiaryGroup.ELDERLY if birth.year < 1966 else BeneficiaryGroup.SOCIAL_ASSISTANCE],
                room=f"P{rng.randint(101, 420)}"))
            day = admitted
            while day <= TODAY:
                services.clinical.record_checkup(SYSTEM, Checkup(r.id, day, CheckupKind.PERIODIC, VitalSigns(
                    systolic=rng.randint(100, 170), diastolic=rng.randint(60, 95), pulse=rng.randint(60, 100),
                    temperature=36.8, spo2=97)))
                day += timedelta(days=rng.randint(90, 400))


def _long_stay(services: Services, rng: random.Random) -> str:
    """Ten years in the facility: monthly checkups, conditions, weekly rehab, referrals."""
    start = date(TODAY.year - 10, TODAY.month, 1)
    with services.store.batch():
        r = services.residents.admit(SYSTEM, Resident(
            LONG_STAY_NAME, Sex.MALE, date(1941, 3, 9), start, [BeneficiaryGroup.ELDERLY, BeneficiaryGroup.DISABILITY],
            cccd=None, bhyt_number="CC1200123456789", bhyt_valid_from=date(TODAY.year, 1, 1),
            bhyt_valid_to=date(TODAY.year, 12, 31), room="P101"))
        for code, onset in (("I10", start), ("E11", start + timedelta(days=400)), ("I69", start + timedelta(days=1500)),
                            ("M17", start + timedelta(days=200))):
            services.clinical.add_condition(SYSTEM, Condition(r.id, code, onset, ConditionStatus.ACTIVE, 30))
        day = start
        while day <= TODAY:
            services.clinical.record_checkup(SYSTEM, Checkup(
                r.id, day, CheckupKind.PERIODIC,
                VitalSigns(systolic=rng.randint(125, 165), diastolic=rng.randint(70, 95), pulse=rng.randint(62, 92),
                           temperature=round(rng.uniform(36.3, 37.2), 1), spo2=rng.randint(93, 99),
                           respiratory_rate=rng.randint(16, 22), weight_kg=round(rng.uniform(52, 60), 1), height_cm=162,
                           glucose=round(rng.uniform(5.5, 11.0), 1)),
                "Ổn định, tiếp tục điều trị.", HealthClass.III, day + timedelta(days=31), "BS. Trần Thị Hòa"))
            day += timedelta(days=30)
        day, barthel = start + timedelta(days=1500), 35
        while day <= TODAY:
            services.clinical.record_rehab(SYSTEM, RehabSession(
                r.id, day, RehabType.PHYSIOTHERAPY, 45, "KTV. Lê Văn Tâm", min(100, barthel), "Tập đi với khung."))
            barthel += rng.choice((0, 0, 1))
            day += timedelta(days=7)
        for k in range(10):
            d = start + timedelta(days=180 + k * 340)
            ref = services.clinical.open_referral(SYSTEM, Referral(r.id, d, "Bệnh viện Đa khoa tỉnh Lạng Sơn",
                                                                     "Tăng huyết áp không kiểm soát.", "I10"))
            services.clinical.close_referral(SYSTEM, ref.id, ReferralOutcome.RETURNED, d + timedelta(days=7),
                                             "Ra viện, tiếp tục theo dõi.", ref.version)
    return r.id
