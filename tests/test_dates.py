"""One date formatter: every date a person reads is written by
``care_core.domain.dates``, the same way on screens, reports, CSV and CLI."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from care_core.domain import dates

ROOT = Path(__file__).resolve().parents[1]


def test_dmy_writes_day_month_year_with_leading_zeros():
    assert dates.dmy(date(2027, 1, 5)) == "05/01/2027"
    assert dates.dmy(date(2026, 11, 20)) == "20/11/2026"
    assert dates.dmy(datetime(2026, 3, 9, 23, 59)) == "09/03/2026"
    assert dates.dmy(None) == ""


def test_short_forms_for_chart_axes():
    assert dates.dmy_short(date(2007, 2, 3)) == "03/02/07"
    assert dates.month_year(date(2026, 7, 31)) == "07/2026"


def test_dmy_time_shows_an_instant_in_local_time():
    assert dates.dmy_time(datetime(2026, 1, 5, 7, 3)) == "05/01/2026 07:03"  # naive: as stored
    instant = datetime(2026, 12, 31, 23, 30, tzinfo=timezone.utc)
    local = instant.astimezone()
    assert dates.dmy_time(instant) == f"{dates.dmy(local.date())} {local.hour:02d}:{local.minute:02d}"
    hanoi = instant.astimezone(timezone(timedelta(hours=7)))
    assert dates.dmy_time(hanoi) == dates.dmy_time(instant)  # the same instant whatever its zone
    assert dates.dmy_time(None) == ""


def test_qt_pattern_matches_dmy():
    pattern = dates.QT_DMY.replace("dd", "%d").replace("MM", "%m").replace("yyyy", "%Y")
    day = date(2026, 2, 4)
    assert day.strftime(pattern) == dates.dmy(day)


# hand-written people's dates: f"{d.day:02d}/...", strftime("%d/%m..."), f"{d:%d/%m/%Y}"
_HAND_MADE = re.compile(r"day:02d\}/|month:02d\}/\{|%d/%m|strftime\(|:%d/|\"dd/MM")


@pytest.mark.parametrize("package", ["care_core", "facility_app", "provincial_server"])
def test_no_module_writes_a_date_by_hand(package):
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        if path == ROOT / "care_core" / "domain" / "dates.py":
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _HAND_MADE.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert offenders == []


def test_the_scan_sees_hand_made_dates():
    for line in ('f"{d.day:02d}/{d.month:02d}/{d.year}"', 'd.strftime("%d/%m/%Y")', 'f"hôm nay {today:%d/%m/%Y}"',
                 'f"{d.month:02d}/{d.year}"', 'edit.setDisplayFormat("dd/MM/yyyy")'):
        assert _HAND_MADE.search(line), line
