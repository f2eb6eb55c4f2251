"""Reports benchmark: the yearly report of a 500-resident facility, and one
resident's health book with 10 years of records.

Data: a SQLCipher store filled through the services. The facility comes
from ``facility_app.demo.generate`` (admissions spread over the
last 8 years, checkups, conditions, rehabilitation, referrals); the
health-book resident is added beside it with 10 years of records (a
checkup every quarter plus ad-hoc visits, weekly rehabilitation with a
monthly Barthel score, referrals, chronic conditions).

Measured (median of ``--repeat`` runs, after one warm-up):
- ``periodic_s``: ``facility-admin report periodic --period <last year>``
  end to end (permission, one read transaction, indicators, audit entry,
  PDF layout, file written), split into
  ``query_s`` (the service call: read, compute, audit) and ``layout_s``
  (the PDF in memory); ``compute_s`` is the domain computation alone;
- ``csv_s`` / ``xlsx_s``: the same report's exports;
- ``book_s``: the health book PDF end to end.

    .venv/bin/python -m benchmarks.reports [--residents 500] [--repeat 5] [--json] [--keep]

Goals (issue 14, with the histories in place): periodic_s <= 1, book_s <= 0.2. With ``--json`` the last
line is one JSON object. The data is synthetic; the temp folder is deleted
unless ``--keep``.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from care_core.domain import indicators, periods
from care_core.domain.entities import Actor, Checkup, Condition, Facility, Referral, RehabSession, Resident, VitalSigns
from care_core.domain.enums import (
    BeneficiaryGroup,
    CheckupKind,
    ConditionStatus,
    DisabilitySeverity,
    DisabilityType,
    FacilityType,
    HealthClass,
    ReferralOutcome,
    RehabType,
    Role,
    Sex,
)
from facility_app.reports import exports, periodic, run
from facility_app.services.container import Services
from facility_app.services.reports import ReportService
from facility_app.storage import repositories as repo
from facility_app.storage.store import Store

from benchmarks.machine import describe, machine

TODAY = date(2026, 11, 20)
SYSTEM = Actor("facility-admin", Role.SYSTEM)
PASSPHRASE = "benchmark passphrase 2026"


def build(data_dir: Path, residents: int) -> tuple[Services, str, dict]:
    store = Store.create(data_dir, PASSPHRASE)
    services = Services(store, today=lambda: TODAY)
    services.facility.initialise(SYSTEM, Facility("TTBTXH-LS", "Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn",
                                                  FacilityType.SOCIAL_ASSISTANCE, province_code=20))
    started = time.perf_counter()
    try:
        from facility_app import demo
    except ImportError:  # pragma: no cover - the demo generator is another part's
        demo = None
    summary = demo.generate(services, SYSTEM, residents, seed=7, today=TODAY) if demo else None
    code = add_ten_year_resident(services)
    figures = {"generate_s": round(time.perf_counter() - started, 1)}
    with store.read() as conn:
        figures.update(residents=len(repo.all_residents(conn)), checkups=len(repo.current_checkups(conn)),
                       rehab_sessions=len(repo.all_rehab(conn)), conditions=len(repo.all_conditions(conn)),
                       referrals=len(repo.all_referrals(conn)))
    if summary is None:
        figures["note"] = "facility_app.demo missing: only the 10-year resident was generated"
    return services, code, figures


def add_ten_year_resident(services: Services) -> str:
    """One resident admitted ten years ago, with a record for every year."""
    start = TODAY - timedelta(days=3653)
    with services.store.batch():
        r = services.residents.admit(SYSTEM, Resident(
            "Nguyễn Thị Ngọc Ánh", Sex.FEMALE, date(1941, 4, 12), start,
            [BeneficiaryGroup.ELDERLY, BeneficiaryGroup.DISABILITY], disability_type=DisabilityType.MOBILITY,
            disability_severity=DisabilitySeverity.SEVERE, bhyt_number="HT2202012345678",
            bhyt_valid_from=date(2026, 1, 1), bhyt_valid_to=date(2026, 12, 31), room="B204"))
        clin = services.clinical
        for code, onset in (("I10", start), ("E11.9", start + timedelta(days=400)), ("M17", start + timedelta(days=900)),
                            ("I69", start + timedelta(days=2000)), ("F03", start + timedelta(days=3000))):
            clin.add_condition(SYSTEM, Condition(r.id, code, onset, ConditionStatus.ACTIVE, 90))
        day, i = start, 0
        while day <= TODAY:
            kind = CheckupKind.ADMISSION if i == 0 else CheckupKind.PERIODIC
            clin.record_checkup(SYSTEM, Checkup(
                r.id, day, kind, VitalSigns(systolic=135 + (i * 7) % 25, diastolic=80 + (i * 3) % 10, pulse=70 + i % 15, temperature=36.6, spo2=97, respiratory_rate=18,
                                            weight_kg=52 - i * 0.1, height_cm=150, glucose=round(6.5 + (i % 9) * 0.3, 1)),
                classification=HealthClass(2 + (i // 14) % 3), findings="Theo dõi huyết áp, đường huyết",
                examiner="BS. Lý Thị Hoa"))
            if i % 3 == 1 and day + timedelta(days=20) <= TODAY:
                clin.record_checkup(SYSTEM, Checkup(r.id, day + timedelta(days=20), CheckupKind.AD_HOC,
                                                    VitalSigns(systolic=150, diastolic=92), findings="Đau đầu, chóng mặt"))
            day += timedelta(days=91)
            i += 1
        day, week = start + timedelta(days=2000), 0
        while day <= TODAY:
            rtype = (RehabType.PHYSIOTHERAPY, RehabType.OCCUPATIONAL, RehabType.SPEECH)[week % 3]
            clin.record_rehab(SYSTEM, RehabSession(r.id, day, rtype, 45, "KTV Bế Văn Đức",
                                                   barthel=min(100, 35 + week // 6) if week % 4 == 0 else None))
            day += timedelta(days=7)
            week += 1
        for k in range(10):
            d = start + timedelta(days=180 + k * 340)
            ref = clin.open_referral(SYSTEM, Referral(r.id, d, "Bệnh viện Đa khoa tỉnh Lạng Sơn", "Cơn tăng huyết áp", "I10"))
            clin.close_referral(SYSTEM, ref.id, ReferralOutcome.RETURNED, d + timedelta(days=6), "Ổn định", ref.version)
    return r.code


def timed(fn, repeat: int) -> tuple[float, object]:
    fn()  # warm-up: fonts, imports, caches
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--residents", type=int, default=500)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", action="store_true", help="keep the temp folder (data and PDFs) to look at")
    ap.add_argument("--reuse", type=Path, metavar="DIR", help="a folder kept by --keep: skip generating the data")
    args = ap.parse_args(argv)
    root = args.reuse or Path(tempfile.mkdtemp(prefix="bench-reports-"))
    try:
        if args.reuse:
            services = Services(Store.open(root / "data", PASSPHRASE), today=lambda: TODAY)
            code = (root / "book-code.txt").read_text().strip()
            figures = {"generate_s": None}
        else:
            services, code, figures = build(root / "data", args.residents)
            (root / "book-code.txt").write_text(code)
        reports = ReportService.of(services)
        year = periods.year(TODAY.year - 1)
        out = root / "out"
        out.mkdir(exist_ok=True)
        periodic_s, _ = timed(lambda: run.periodic_report(reports, SYSTEM, year, out / "year.pdf"), args.repeat)
        query_s, report = timed(lambda: reports.periodic(SYSTEM, year, output="benchmark"), args.repeat)
        layout_s, pdf = timed(lambda: periodic.render(report, periodic.PeriodicOptions(number="12")), args.repeat)
        with services.store.read() as conn:
            data = (repo.all_residents(conn), repo.current_checkups(conn, since=indicators.checkups_needed_from(year, year.end)),
                    repo.all_conditions(conn), repo.all_rehab(conn, since=year.start, until=year.end),
                    repo.all_referrals(conn))
        compute_s, _ = timed(lambda: indicators.compute(year, year.end, *data), args.repeat)
        csv_s, _ = timed(lambda: exports.periodic_csv(report), args.repeat)
        xlsx_s, _ = timed(lambda: exports.periodic_xlsx(report), args.repeat)
        book_s, _ = timed(lambda: run.health_book_pdf(reports, SYSTEM, code, out / "book.pdf"), args.repeat)
        book = reports.health_book(SYSTEM, code, output="benchmark")
        ix = report.indicators
        figures.update(
            period=year.key(), served=ix.census.total.served, pdf_pages=len(re.findall(rb"/Type /Page\b(?!s)", pdf)),
            pdf_kb=round(len(pdf) / 1024), periodic_s=round(periodic_s, 3), query_s=round(query_s, 3),
            compute_s=round(compute_s, 3), layout_s=round(layout_s, 3), csv_s=round(csv_s, 3),
            xlsx_s=round(xlsx_s, 3), book_s=round(book_s, 3), book_checkups=len(book.checkups),
            book_rehab_sessions=len(book.rehab), book_kb=round((out / "book.pdf").stat().st_size / 1024),
            goals={"periodic_s": 1.0, "book_s": 0.2}, machine=machine(),
        )
        services.close()
        for k, v in figures.items():
            print(f"{k:>20}: {v}")
        print(describe())
        if args.keep:
            print(f"kept: {root}")
        if args.json:
            print(json.dumps(figures, ensure_ascii=False))
    finally:
        if not args.keep and not args.reuse:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
