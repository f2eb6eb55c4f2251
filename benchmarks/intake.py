"""Intake benchmark: the duplicate check while typing, and the import at go-live.

- ``dup_check_ms``: a real SQLCipher store holding ``--persons`` (50,000)
  persons; names are typed one key at a time (with the birth date already
  filled in, then a CCCD digit by digit), and each keystroke calls
  ``services.residents.find_person`` as the admission form does. Median and
  slowest per keystroke.
- ``import_5000_s``: ``services.imports.run`` of a ``--rows`` (5,000) row CSV
  with the export's columns into an empty store (reading, every rule, the
  matching, the rows, change log and audit, one transaction); beside it the
  baseline of the same run: the same rows inserted plainly (one executemany
  in one transaction, no validation, no change log, no audit) into another
  empty store, and the ratio.

    .venv/bin/python -m benchmarks.intake [--persons 50000] [--rows 5000] [--typed 30] [--json] [--keep]

Goals (issue 15): dup_check_ms (max) <= 30; import_5000_s <= 10. With
``--json`` the last line is one JSON object. Synthetic data only; the temp
folder is deleted unless ``--keep``.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from care_core.domain.entities import Actor, Facility, Resident
from care_core.domain.enums import BeneficiaryGroup, FacilityType, Role, Sex
from care_core.domain.identity import PersonDraft
from care_core.domain.rules import cccd_expected_digits
from facility_app.services.container import Services
from facility_app.services.exports import RESIDENT_COLUMNS
from facility_app.services.resident_file import parse_row
from facility_app.storage.mapping import to_row
from facility_app.storage.store import Store
from facility_app.storage.tables import residents

from benchmarks.machine import describe, machine

TODAY = date(2026, 6, 30)
PASSPHRASE = "benchmark passphrase 2026"
SYSTEM = Actor("facility-admin", Role.SYSTEM)
NURSE = Actor("nurse1", Role.NURSE)
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý", "Lương", "Nông", "Triệu"]
MIDDLE = ["Văn", "Đức", "Hữu", "Minh", "Quang", "Công", "Xuân", "Thị", "Ngọc", "Thu", "Kim", "Thanh"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hùng", "Hải", "Long", "Nam", "Phúc", "Quân", "Sơn", "Tuấn", "Thắng",
         "Việt", "Anh", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Nhung", "Thảo"]


def people(n: int, seed: int, start: int = 0) -> list[dict[str, str]]:
    """Rows as a go-live file holds them (the export's columns, Vietnamese)."""
    rnd = random.Random(seed)
    out = []
    for i in range(start, start + n):
        sex = rnd.choice([Sex.MALE, Sex.FEMALE])
        birth = date(1930, 1, 1) + timedelta(days=rnd.randint(0, 365 * 60))
        cccd = f"0{rnd.randint(1, 96):02d}{cccd_expected_digits(sex, birth.year)}{i:06d}"
        out.append({
            "code": f"DT-{i + 1:05d}", "full_name": " ".join([rnd.choice(FAMILY), rnd.choice(MIDDLE), rnd.choice(GIVEN)]),
            "sex": "Nam" if sex == Sex.MALE else "Nữ", "birth_date": birth.strftime("%d/%m/%Y"),
            "groups": "Người cao tuổi", "cccd": cccd, "bhyt_number": f"BT220{rnd.randint(10**9, 10**10 - 1)}",
            "bhyt_valid_to": "31/12/2026",
            "admission_date": (TODAY - timedelta(days=rnd.randint(30, 3000))).strftime("%d/%m/%Y"),
            "room": f"P{rnd.randint(101, 320)}", "province": "Lạng Sơn", "ward": "Phường Đông Kinh",
            "next_of_kin_name": "Trần Văn Bình", "next_of_kin_phone": f"09{rnd.randint(10**7, 10**8 - 1)}",
        })
    return out


def open_services(folder: Path) -> Services:
    services = Services(Store.create(folder, PASSPHRASE), today=lambda: TODAY)
    services.facility.initialise(SYSTEM, Facility("TTBTXH-LS", "Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn",
                                                  FacilityType.SOCIAL_ASSISTANCE, province_code=20))
    return services


def as_resident(row: dict[str, str]) -> Resident:
    values, errors = parse_row(row)
    assert not errors, errors
    return Resident(**values)


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow([vi for _, vi, _ in RESIDENT_COLUMNS])
        out.writerows([r.get(attr, "") for attr, _, _ in RESIDENT_COLUMNS] for r in rows)
    return path


def dup_check(folder: Path, persons: int, typed: int) -> dict:
    services = open_services(folder / "dup")
    try:
        started = time.perf_counter()
        for chunk in range(0, persons, 5000):
            services.residents.admit_all(SYSTEM, [as_resident(r) for r in people(min(5000, persons - chunk), chunk, chunk)])
        fill_s = time.perf_counter() - started
        stored = services.residents.list(SYSTEM)
        rnd = random.Random(1)
        targets = rnd.sample(stored, min(typed, len(stored)))
        times: list[float] = []
        found = 0
        for person in targets:
            name = person.full_name.lower()  # typed without capitals, with diacritics
            for k in range(1, len(name) + 1):
                draft = PersonDraft(name[:k], person.birth_date)
                t0 = time.perf_counter()
                matches = services.residents.find_person(NURSE, draft)
                times.append(time.perf_counter() - t0)
            found += any(m.resident.id == person.id for m in matches)
            for k in range(1, 13):
                draft = PersonDraft(name, person.birth_date, (person.cccd or "")[:k])
                t0 = time.perf_counter()
                services.residents.find_person(NURSE, draft)
                times.append(time.perf_counter() - t0)
        return {"dup_check_ms": round(statistics.median(times) * 1000, 2),
                "dup_check_max_ms": round(max(times) * 1000, 2),
                "dup_check_p95_ms": round(sorted(times)[int(len(times) * 0.95)] * 1000, 2),
                "keystrokes": len(times), "persons": len(stored), "found": f"{found}/{len(targets)}",
                "fill_s": round(fill_s, 1)}
    finally:
        services.close()


def import_rows(folder: Path, rows: int) -> dict:
    data = people(rows, 99)
    path = write_csv(folder / "ds.csv", data)
    services = open_services(folder / "import")
    try:
        started = time.perf_counter()
        plan = services.imports.run(SYSTEM, path)
        import_s = time.perf_counter() - started
        assert plan.count("new") == rows and not plan.errors
        started = time.perf_counter()
        again = services.imports.run(SYSTEM, path)
        again_s = time.perf_counter() - started
        assert again.count("same") == rows
    finally:
        services.close()
    plain = open_services(folder / "plain")
    try:
        records = [as_resident(r) for r in data]
        started = time.perf_counter()
        stamp = {"facility_code": "TTBTXH-LS", "version": 1, "deleted": False, "updated_at": "2026-06-30T00:00:00",
                 "updated_by": "facility-admin", "device_id": "bench", "hlc": "0"}
        with plain.store.engine.begin() as conn:
            conn.execute(residents.insert(), [{**to_row(r), **stamp} for r in records])
        baseline_s = time.perf_counter() - started
    finally:
        plain.close()
    return {"import_5000_s" if rows == 5000 else f"import_{rows}_s": round(import_s, 2),
            "import_again_s": round(again_s, 2), "import_baseline_s": round(baseline_s, 3),
            "import_ratio": round(import_s / baseline_s, 1), "rows": rows}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--persons", type=int, default=50_000)
    ap.add_argument("--rows", type=int, default=5_000)
    ap.add_argument("--typed", type=int, default=30, help="how many names are typed key by key")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-intake-"))
    try:
        figures = {}
        figures.update(import_rows(folder, args.rows))
        print(f"import of {args.rows} rows: {figures.get('import_5000_s', figures.get(f'import_{args.rows}_s'))} s "
              f"(goal <= 10 s for 5,000); again (nothing changes): {figures['import_again_s']} s; "
              f"plain insert of the same rows: {figures['import_baseline_s']} s; ratio {figures['import_ratio']}")
        figures.update(dup_check(folder, args.persons, args.typed))
        print(f"duplicate check over {figures['persons']} persons, {figures['keystrokes']} keystrokes: "
              f"median {figures['dup_check_ms']} ms, p95 {figures['dup_check_p95_ms']} ms, "
              f"max {figures['dup_check_max_ms']} ms (goal <= 30 ms); typed persons found {figures['found']}")
        print(describe())
        figures["machine"] = machine()
        if args.json:
            print(json.dumps(figures, ensure_ascii=False))
    finally:
        if args.keep:
            print(f"kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
