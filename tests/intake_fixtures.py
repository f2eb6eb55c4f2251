"""Residents' lists as a centre keeps them in Excel: rows with the export's
columns, written as CSV or XLSX, for the import tests and the benchmark."""
from __future__ import annotations

import csv
import random
from datetime import date, timedelta
from pathlib import Path

from care_core.domain.enums import Sex
from facility_app.services.exports import RESIDENT_COLUMNS
from tests.store_fixtures import FAMILY, GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M, cccd_for

HEADERS = [vi for _, vi, _ in RESIDENT_COLUMNS]


def rows(n: int, seed: int = 7, today: date = date(2026, 11, 20)) -> list[dict[str, str]]:
    """``n`` distinct people as a go-live list: code, name, sex, birth, groups,
    CCCD, card, room, province and commune, next of kin."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        sex = rnd.choice([Sex.MALE, Sex.FEMALE])
        name = " ".join([rnd.choice(FAMILY), rnd.choice(MIDDLE_M if sex == Sex.MALE else MIDDLE_F),
                         rnd.choice(GIVEN_M if sex == Sex.MALE else GIVEN_F)])
        birth = date(1935, 1, 1) + timedelta(days=i * 7 + rnd.randint(0, 6))  # all different
        out.append({
            "code": f"DT-{i + 1:05d}", "full_name": name, "sex": "Nam" if sex == Sex.MALE else "Nữ",
            "birth_date": birth.strftime("%d/%m/%Y"), "groups": "Người cao tuổi; Đối tượng bảo trợ xã hội khác",
            "cccd": cccd_for(sex, birth, 100000 + i), "bhyt_number": f"BT220{rnd.randint(10**9, 10**10 - 1)}",
            "bhyt_valid_to": "31/12/2026", "admission_date": (today - timedelta(days=rnd.randint(30, 3000))).strftime("%d/%m/%Y"),
            "room": f"P{rnd.randint(101, 320)}", "province": "Lạng Sơn", "ward": "Phường Đông Kinh",
            "next_of_kin_name": "Trần Văn Bình", "next_of_kin_phone": f"09{rnd.randint(10**7, 10**8 - 1)}",
        })
    return out


def _cells(row: dict[str, str]) -> list[str]:
    return [row.get(attr, "") for attr, _, _ in RESIDENT_COLUMNS]


def write_csv(path: Path, data: list[dict[str, str]], delimiter: str = ",") -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f, delimiter=delimiter)
        out.writerow(HEADERS)
        out.writerows(_cells(r) for r in data)
    return path


def write_xlsx(path: Path, data: list[dict[str, str]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Đối tượng")
    sheet.append(HEADERS)
    for r in data:
        sheet.append(_cells(r))
    book.save(path)
    return path
