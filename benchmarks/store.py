"""Store benchmark: what encryption costs, and how fast a resident's record opens.

Inserts residents and checkups THROUGH the services (permission check,
validation, row + change-log + hash-chained audit row per call) into three
stores on the same code path, in the same run, with the same generated
data: SQLCipher; plain SQLite through SQLCipher's own library without a key
(``Store.create(dir, "", plain="sqlcipher3")``: the same SQLite build and
binding, only the encryption left out); and plain SQLite through Python's
``sqlite3`` (``plain="sqlite3"``: another SQLite version and build). Then
loads the timeline of the resident with the most checkups several times.

Bulk inserts run inside ``store.batch()`` chunks (``--batch`` calls per
commit; each call still gets its own savepoint, change-log row and audit
row): one fsync per call would measure the disk, not the code. The
committed per-call cost (one transaction and fsync per call, as the GUI
does) is measured separately on a small sample, for information.

    .venv/bin/python -m benchmarks.store [--residents 500] [--checkups 100000] [--json] [--keep]

Goals: encryption_overhead = insert_s / insert_plain_s <= 1.1 (issue 17;
1.3 in issue 2), where the plain store is SQLCipher's library without a key;
``vs_stdlib_overhead`` = insert_s / insert_stdlib_s is printed beside it;
timeline_ms (median) <= 50; timeline_cold_ms <= 20. With ``--json`` the last line is one JSON object.
The data is synthetic (generated names, numbers): nothing real is written,
and the temp folders are deleted unless ``--keep``.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import statistics
from collections import Counter
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

from care_core.domain import divisions
from care_core.domain.entities import Actor, Checkup, Condition, Facility, Resident, VitalSigns
from care_core.domain.enums import (
    BeneficiaryGroup,
    CheckupKind,
    ConditionStatus,
    DischargeReason,
    DisabilitySeverity,
    DisabilityType,
    FacilityType,
    HealthClass,
    Role,
    ScreeningResult,
    Sex,
)
from care_core.domain.rules import cccd_expected_digits
from facility_app.services.container import Services
from facility_app.storage.store import Store

from benchmarks.machine import describe, machine

TODAY = date(2026, 6, 30)  # fixed, so every run generates and validates the same data
PASSPHRASE = "benchmark passphrase 2026"
SEED = 20260630
SYSTEM = Actor("facility-admin", Role.SYSTEM)
NURSE = Actor("nurse1", Role.NURSE)
PROVINCE = 20  # Lạng Sơn

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý", "Hoàng", "Lương", "Nông", "Triệu"]
MIDDLE_M = ["Văn", "Đức", "Hữu", "Minh", "Quang", "Công", "Xuân"]
MIDDLE_F = ["Thị", "Thị", "Ngọc", "Thu", "Kim", "Thanh"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hùng", "Hải", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tuấn", "Thắng", "Việt"]
GIVEN_F = ["Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Nhung", "Thảo", "Yến"]
FINDINGS = ["Tỉnh, tiếp xúc tốt. Tim phổi bình thường.", "Huyết áp ổn định, tiếp tục thuốc cũ.",
            "Ăn kém, ngủ ít; theo dõi cân nặng.", "Ho khan vài ngày, phổi không ran.", "Đau khớp gối hai bên.",
            "Da niêm mạc hồng, không phù.", "Sốt nhẹ, theo dõi nhiệt độ mỗi 4 giờ.", ""]
EXAMINERS = ["BS. Nguyễn Văn Hùng", "YS. Lê Thị Mai", "ĐD. Phạm Thu Hà", "BS. Hoàng Minh Quân"]
CHRONIC = ["I10", "E11", "J44", "M17", "F20", "G40"]


# --- data plan (generated before anything is timed, identical for both stores) ---

@dataclass
class ResidentPlan:
    resident: Resident
    baseline: dict = field(default_factory=dict)  # personal vitals around which checkups vary
    chronic: list[str] = field(default_factory=list)


def _name(rng: random.Random, sex: Sex) -> str:
    middle, given = (MIDDLE_F, GIVEN_F) if sex == Sex.FEMALE else (MIDDLE_M, GIVEN_M)
    return f"{rng.choice(FAMILY)} {rng.choice(middle)} {rng.choice(given)}"


def _day_between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def plan_residents(n: int, rng: random.Random) -> list[ResidentPlan]:
    wards = [code for code, _ in divisions.wards(PROVINCE)]
    plans = []
    for i in range(n):
        sex = rng.choice([Sex.MALE, Sex.FEMALE])
        group = rng.choices([BeneficiaryGroup.ELDERLY, BeneficiaryGroup.DISABILITY, BeneficiaryGroup.CHILD,
                             BeneficiaryGroup.MERIT, BeneficiaryGroup.SOCIAL_ASSISTANCE], [40, 25, 15, 10, 10])[0]
        groups = [group]
        if group == BeneficiaryGroup.ELDERLY and rng.random() < 0.3:
            groups.append(BeneficiaryGroup.DISABILITY)
        born_from, born_to = {BeneficiaryGroup.CHILD: (2008, 2022), BeneficiaryGroup.ELDERLY: (1930, 1966),
                              BeneficiaryGroup.MERIT: (1935, 1960)}.get(group, (1950, 2005))
        birth = _day_between(rng, date(born_from, 1, 1), date(born_to, 12, 31))
        admission = _day_between(rng, max(birth + timedelta(days=90), TODAY - timedelta(days=12 * 365)), TODAY - timedelta(days=30))
        discharge = reason = None
        if rng.random() < 0.15:
            discharge = _day_between(rng, admission + timedelta(days=30), TODAY)
            reason = rng.choice(list(DischargeReason))
        disabled = BeneficiaryGroup.DISABILITY in groups
        adult = birth.year <= TODAY.year - 14
        resident = Resident(
            full_name=_name(rng, sex), sex=sex, birth_date=birth, admission_date=admission, groups=groups,
            code=f"DT-{i + 1:05d}",
            cccd=f"{PROVINCE:03d}{cccd_expected_digits(sex, birth.year)}{i:06d}" if adult else None,
            bhyt_number=f"BT2{PROVINCE:02d}{rng.randrange(10**10):010d}",
            bhyt_valid_from=date(TODAY.year, 1, 1), bhyt_valid_to=date(TODAY.year, 12, 31),
            disability_type=rng.choice(list(DisabilityType)) if disabled else None,
            disability_severity=rng.choice(list(DisabilitySeverity)) if disabled else None,
            discharge_date=discharge, discharge_reason=reason,
            room=f"Nhà {rng.choice('ABCD')} - phòng {rng.randint(1, 30)}",
            next_of_kin_name=_name(rng, rng.choice([Sex.MALE, Sex.FEMALE])) if rng.random() < 0.7 else "",
            next_of_kin_relation=rng.choice(["con", "cháu", "anh", "chị", "em"]),
            next_of_kin_phone=f"09{rng.randrange(10**8):08d}" if rng.random() < 0.6 else "",
            province_code=PROVINCE, ward_code=rng.choice(wards), address_detail=f"Thôn {rng.randint(1, 12)}",
        )
        child = not adult
        baseline = {
            "systolic": rng.randint(95, 125) if child else rng.randint(105, 165),
            "pulse": rng.randint(75, 105) if child else rng.randint(60, 95),
            "weight": rng.uniform(12, 45) if child else rng.uniform(38, 72),
            "height": rng.uniform(90, 160) if child else rng.uniform(145, 175),
            "diabetic": rng.random() < 0.12 and not child,
            "frailty": rng.uniform(0.4, 2.5),  # how often this resident is seen
        }
        chronic = [c for c in CHRONIC if rng.random() < 0.08] if adult else []
        if baseline["diabetic"] and "E11" not in chronic:
            chronic.append("E11")
        plans.append(ResidentPlan(resident, baseline, chronic))
    return plans


def plan_checkups(plans: list[ResidentPlan], n: int, rng: random.Random) -> list[tuple[int, date]]:
    """(resident index, date) pairs in date order, as a facility records them over
    the years; the first of each resident is the admission screening."""
    pairs = [(i, p.resident.admission_date) for i, p in enumerate(plans)][:n]
    ends = [p.resident.discharge_date or TODAY for p in plans]
    weights = [((ends[i] - p.resident.admission_date).days + 1) * p.baseline["frailty"] for i, p in enumerate(plans)]
    for i in rng.choices(range(len(plans)), weights, k=n - len(pairs)):
        start = plans[i].resident.admission_date + timedelta(days=1)
        pairs.append((i, _day_between(rng, min(start, ends[i]), ends[i])))
    pairs.sort(key=lambda pair: pair[1])
    return pairs


def make_checkup(plan: ResidentPlan, day: date, rng: random.Random) -> Checkup:
    b = plan.baseline
    admission = day == plan.resident.admission_date
    systolic = min(250, max(80, round(rng.gauss(b["systolic"], 10))))
    diastolic = min(systolic - 15, max(45, round(systolic * rng.uniform(0.55, 0.7))))
    fever = rng.random() < 0.04
    vitals = VitalSigns(
        systolic=systolic, diastolic=diastolic,
        pulse=min(200, max(40, round(rng.gauss(b["pulse"], 8)))),
        temperature=round(rng.uniform(37.6, 39.5) if fever else rng.gauss(36.7, 0.3), 1),
        spo2=min(100, max(85, round(rng.gauss(97, 1.5)))),
        respiratory_rate=rng.randint(14, 24) if rng.random() < 0.5 else None,
        weight_kg=round(b["weight"] + rng.gauss(0, 1.2), 1) if admission or rng.random() < 0.4 else None,
        height_cm=round(b["height"], 1) if admission else None,
        glucose=round(rng.uniform(4.5, 14.0), 1) if b["diabetic"] and rng.random() < 0.6 else None,
    )
    kind = CheckupKind.ADMISSION if admission else (CheckupKind.AD_HOC if fever or rng.random() < 0.1 else CheckupKind.PERIODIC)
    return Checkup(
        resident_id=plan.resident.id, checkup_date=day, kind=kind, vitals=vitals,
        findings=rng.choice(FINDINGS), classification=rng.choice(list(HealthClass)) if rng.random() < 0.3 else None,
        examiner=rng.choice(EXAMINERS),
        screening=ScreeningResult.NEGATIVE if admission else None,
        screening_note="Sàng lọc lao, viêm gan B, HIV âm tính." if admission else "",
    )


# --- timed runs --------------------------------------------------------------

# the module that opens each unencrypted store
PLAIN_MODULE = {"sqlcipher": None, "plain": "sqlcipher3", "stdlib": "sqlite3"}


class Subject:
    """One store (SQLCipher, or plain through one of two modules) with its services and its stopwatch."""

    def __init__(self, kind: str, folder: Path):
        self.kind, self.folder, self.plain = kind, folder, PLAIN_MODULE[kind]
        self.store = Store.create(folder, "" if self.plain else PASSPHRASE, plain=self.plain)
        self.services = Services(self.store, today=lambda: TODAY)
        self.services.facility.initialise(SYSTEM, Facility(
            "TTBTXH-LS", "Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn", FacilityType.SOCIAL_ASSISTANCE, province_code=PROVINCE))
        self.seconds: dict[str, float] = {}  # wall clock, the figures the goals are about
        self.cpu: dict[str, float] = {}  # this process's CPU time: what others' load on the machine cannot inflate
        self.samples: dict[str, list[float]] = {"single": [], "timeline": [], "timeline_cpu": []}
        self.out: dict = {}

    def batched(self, phase: str, calls) -> None:
        """The calls in one store.batch() (one commit), added to ``phase``'s time."""
        t, c = time.perf_counter(), time.process_time()
        with self.store.batch():
            for call in calls:
                call(self.services)
        self.seconds[phase] = self.seconds.get(phase, 0.0) + time.perf_counter() - t
        self.cpu[phase] = self.cpu.get(phase, 0.0) + time.process_time() - c

    def sampled(self, what: str, call):
        t, c = time.perf_counter(), time.process_time()
        result = call(self.services)
        self.samples[what].append(time.perf_counter() - t)
        if what + "_cpu" in self.samples:
            self.samples[what + "_cpu"].append(time.process_time() - c)
        return result


def _turns(subjects: list[Subject], n: int) -> list[Subject]:
    """Every store in turn, starting with a different one each round: the
    runs share the machine's ups and downs (other processes, heat) evenly."""
    k = n % len(subjects)
    order = subjects[k:] + subjects[:k]
    return order if (n // len(subjects)) % 2 == 0 else order[::-1]


def run(subjects: list[Subject], plans: list[ResidentPlan], checkup_plan, args) -> None:
    gc.collect()
    admits = [lambda sv, r=p.resident: sv.residents.admit(NURSE, r) for p in plans]
    for n, start in enumerate(range(0, len(admits), args.batch)):
        for s in _turns(subjects, n):
            s.batched("residents", admits[start:start + args.batch])

    # chronic conditions (not in insert_s): the timeline shows them, and
    # record_checkup looks them up to set the next due date
    adds = [lambda sv, p=p, code=code: sv.clinical.add_condition(NURSE, Condition(
        p.resident.id, code, onset_date=p.resident.admission_date, status=ConditionStatus.ACTIVE))
        for p in plans for code in p.chronic]
    for s in subjects:
        s.batched("conditions", adds)

    # the services copy a checkup before changing it, so both stores take the same objects
    rng = random.Random(SEED + 1)
    total = len(checkup_plan)
    for n, start in enumerate(range(0, total, args.batch)):
        chunk = [make_checkup(plans[i], day, rng) for i, day in checkup_plan[start:start + args.batch]]
        calls = [lambda sv, c=c: sv.clinical.record_checkup(NURSE, c) for c in chunk]
        for s in _turns(subjects, n):
            s.batched("checkups", calls)
        if n % 10 == 9:
            print(f"    {start + len(chunk)}/{total} checkups; " + ", ".join(
                f"{s.kind} {s.seconds['checkups']:.1f} s" for s in subjects), file=sys.stderr, flush=True)

    # one commit (and fsync) per call, as the GUI saves: for information
    for n, (i, day) in enumerate(checkup_plan[-args.sample:]):
        checkup = make_checkup(plans[i], day, rng)
        for s in _turns(subjects, n):
            s.sampled("single", lambda sv: sv.clinical.record_checkup(NURSE, checkup))

    # the busiest resident's whole record, loaded as the record screen does
    busiest = plans[Counter(i for i, _ in checkup_plan).most_common(1)[0][0]].resident.id
    for n in range(args.loads):
        for s in _turns(subjects, n):
            s.out["timeline"] = s.sampled("timeline", lambda sv: sv.clinical.timeline(NURSE, busiest))

    for s in subjects:
        with s.store.read() as conn:  # every call left its row, change-log and audit entries
            s.out["counts"] = {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar()
                               for t in ("residents", "checkups", "conditions", "change_log", "audit_log")}
        s.services.close()
        # a cold open, as after starting the app: the first load pays for the pages
        try:
            t = time.perf_counter()
            s.store = Store.open(s.folder, "" if s.plain else PASSPHRASE, plain=s.plain)
            s.out["open_s"] = time.perf_counter() - t
        except Exception as exc:  # e.g. a migration added to the checkout while this ran
            print(f"  {s.kind}: reopening failed ({type(exc).__name__}: {exc}); no cold figures", file=sys.stderr)
            continue
        s.services = Services(s.store, today=lambda: TODAY)
        colds, cold_cpus = [], []
        for n in range(args.cold_loads):
            if n:  # closed and opened again: every load here is the first after an open
                s.services.close()
                s.store = Store.open(s.folder, "" if s.plain else PASSPHRASE, plain=s.plain)
                s.services = Services(s.store, today=lambda: TODAY)
            t, c = time.perf_counter(), time.process_time()
            s.services.clinical.timeline(NURSE, busiest)
            colds.append((time.perf_counter() - t) * 1000)
            cold_cpus.append((time.process_time() - c) * 1000)
        s.out["timeline_cold_runs"] = [round(x, 2) for x in colds]
        s.out["timeline_cold_ms"] = statistics.median(colds)
        s.out["timeline_cold_cpu_ms"] = statistics.median(cold_cpus)
        t = time.perf_counter()
        checks = s.store.verify()
        s.out["verify_s"] = time.perf_counter() - t
        s.out["verify_ok"] = all(ok for _, ok, _ in checks)
        s.services.close()
    for s in subjects:
        s.out["db_mb"] = sum(f.stat().st_size for f in s.folder.glob("facility.db*")) / 1e6


def _ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 2)


def report(enc: Subject, pl: Subject, std: Subject, args) -> dict:
    for s in (enc, pl, std):
        c, sec, tl = s.out["counts"], s.seconds, s.out["timeline"]
        insert = sec["residents"] + sec["checkups"]
        print(f"  {s.kind:9}  residents {sec['residents']:.2f} s, checkups {sec['checkups']:.2f} s "
              f"({args.checkups / sec['checkups']:.0f}/s, {sec['checkups'] / args.checkups * 1000:.2f} ms per call): "
              f"insert {insert:.2f} s (CPU {s.cpu['residents'] + s.cpu['checkups']:.2f} s); "
              f"conditions {sec['conditions']:.2f} s (not in insert)")
        print(f"  {'':9}  single committed call: median {_ms(s.samples['single'])} ms, "
              f"mean {statistics.fmean(s.samples['single']) * 1000:.2f} ms ({len(s.samples['single'])} calls)")
        cold = s.out.get("timeline_cold_ms")
        print(f"  {'':9}  timeline ({len(tl.checkups)} checkups, {len(tl.conditions)} conditions): "
              f"median {_ms(s.samples['timeline'])} ms (CPU {_ms(s.samples['timeline_cpu'])} ms), max {max(s.samples['timeline']) * 1000:.2f} ms of {args.loads}"
              + (f"; first after reopening, median of {len(s.out['timeline_cold_runs'])}: {cold:.2f} ms "
                 f"(CPU {s.out['timeline_cold_cpu_ms']:.2f} ms; each: {s.out['timeline_cold_runs']})"
                 if cold is not None else ""))
        print(f"  {'':9}  rows: {c['residents']} residents, {c['checkups']} checkups, {c['conditions']} conditions, "
              f"{c['change_log']} change-log, {c['audit_log']} audit; {s.out['db_mb']:.1f} MB"
              + (f"; verify {'ok' if s.out['verify_ok'] else 'FAILED'} in {s.out['verify_s']:.2f} s, "
                 f"open {s.out['open_s']:.3f} s" if "verify_ok" in s.out else ""))
    insert_s = enc.seconds["residents"] + enc.seconds["checkups"]
    insert_plain_s = pl.seconds["residents"] + pl.seconds["checkups"]
    insert_stdlib_s = std.seconds["residents"] + std.seconds["checkups"]
    cpu = {s.kind: s.cpu["residents"] + s.cpu["checkups"] for s in (enc, pl, std)}
    figures = {
        "residents": args.residents, "checkups": args.checkups, "batch_size": args.batch,
        "insert_s": round(insert_s, 2), "insert_plain_s": round(insert_plain_s, 2),
        "encryption_overhead": round(insert_s / insert_plain_s, 3),
        "timeline_ms": _ms(enc.samples["timeline"]), "timeline_plain_ms": _ms(pl.samples["timeline"]),
        "insert_cpu_s": round(cpu["sqlcipher"], 2), "insert_plain_cpu_s": round(cpu["plain"], 2),
        "encryption_overhead_cpu": round(cpu["sqlcipher"] / cpu["plain"], 3),
        "insert_stdlib_s": round(insert_stdlib_s, 2), "insert_stdlib_cpu_s": round(cpu["stdlib"], 2),
        "vs_stdlib_overhead": round(insert_s / insert_stdlib_s, 3),
        "vs_stdlib_overhead_cpu": round(cpu["sqlcipher"] / cpu["stdlib"], 3),
        "plain_vs_stdlib": round(insert_plain_s / insert_stdlib_s, 3),
        "timeline_cpu_ms": _ms(enc.samples["timeline_cpu"]), "timeline_plain_cpu_ms": _ms(pl.samples["timeline_cpu"]),
        "timeline_max_ms": round(max(enc.samples["timeline"]) * 1000, 2),
        "timeline_cold_ms": round(enc.out["timeline_cold_ms"], 2) if "timeline_cold_ms" in enc.out else None,
        "timeline_cold_cpu_ms": round(enc.out["timeline_cold_cpu_ms"], 2) if "timeline_cold_cpu_ms" in enc.out else None,
        "timeline_cold_runs": enc.out.get("timeline_cold_runs"),
        "timeline_cold_plain_runs": pl.out.get("timeline_cold_runs"),
        "timeline_checkups": len(enc.out["timeline"].checkups), "timeline_loads": args.loads,
        "checkups_per_s": round(args.checkups / enc.seconds["checkups"]),
        "checkups_per_s_plain": round(args.checkups / pl.seconds["checkups"]),
        "residents_s": round(enc.seconds["residents"], 2), "residents_plain_s": round(pl.seconds["residents"], 2),
        "single_call_ms": _ms(enc.samples["single"]), "single_call_plain_ms": _ms(pl.samples["single"]),
        "single_call_sample": args.sample,
        "open_s": round(enc.out["open_s"], 3) if "open_s" in enc.out else None,
        "verify_s": round(enc.out["verify_s"], 2) if "verify_s" in enc.out else None,
        "verify_ok": all(s.out.get("verify_ok", False) for s in (enc, pl, std)),
        "db_mb": round(enc.out["db_mb"], 1), "db_plain_mb": round(pl.out["db_mb"], 1),
        "load_avg": round(os.getloadavg()[0], 2),
        "machine": machine(),
    }
    ok = lambda good: "ok" if good else "OVER GOAL"  # noqa: E731
    print(f"insert_s {figures['insert_s']} (SQLCipher) vs {figures['insert_plain_s']} (plain, SQLCipher's library "
          f"without a key): encryption_overhead {figures['encryption_overhead']} "
          f"(goal <= 1.1: {ok(figures['encryption_overhead'] <= 1.1)})")
    print(f"  against Python's own sqlite3 ({figures['insert_stdlib_s']} s, another SQLite build): "
          f"vs_stdlib_overhead {figures['vs_stdlib_overhead']}; SQLCipher's library without a key vs it: "
          f"{figures['plain_vs_stdlib']}")
    print(f"timeline_ms {figures['timeline_ms']} (goal <= 50: {ok(figures['timeline_ms'] <= 50)}); timeline_cold_ms "
          f"{figures['timeline_cold_ms']} (goal <= 20: {ok((figures['timeline_cold_ms'] or 1e9) <= 20)})")
    print(f"CPU time of this process: insert {figures['insert_cpu_s']} s vs {figures['insert_plain_cpu_s']} s "
          f"(ratio {figures['encryption_overhead_cpu']}; vs stdlib {figures['insert_stdlib_cpu_s']} s, ratio "
          f"{figures['vs_stdlib_overhead_cpu']}); timeline {figures['timeline_cpu_ms']} ms")
    print(f"{describe()} at the end (others' work slows every store alike)")
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--residents", type=int, default=500)
    ap.add_argument("--checkups", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=1000, help="service calls per store.batch() commit")
    ap.add_argument("--sample", type=int, default=500, help="single committed calls measured per store")
    ap.add_argument("--loads", type=int, default=21, help="timeline loads (median reported)")
    ap.add_argument("--cold-loads", type=int, default=5,
                    help="times the store is closed and opened again, the timeline loaded first each time (median reported)")
    ap.add_argument("--json", action="store_true", help="print a JSON object of the figures as the last line")
    ap.add_argument("--keep", action="store_true", help="keep the temp folders (printed)")
    args = ap.parse_args(argv)
    if args.residents < 1 or args.checkups < args.residents:
        ap.error("need at least one resident and at least one checkup per resident")

    rng = random.Random(SEED)
    plans = plan_residents(args.residents, rng)
    checkup_plan = plan_checkups(plans, args.checkups, rng)
    root = Path(tempfile.mkdtemp(prefix="bench-store-"))
    try:
        print(f"{args.residents} residents, {args.checkups} checkups through the services, SQLCipher, plain SQLite "
              f"through SQLCipher's library and through Python's sqlite3, in turns; {args.batch} calls per store.batch() commit (each call: savepoint, row, change-log, audit)")
        subjects = [Subject(kind, root / kind) for kind in ("sqlcipher", "plain", "stdlib")]
        run(subjects, plans, checkup_plan, args)
        figures = report(*subjects, args)
        if args.keep:
            print(f"kept: {root}")
        if args.json:
            print(json.dumps(figures))
        return 0 if figures["verify_ok"] else 1
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
