"""The periods a director picks from: this or last month, quarter, year,
counted from today; and the default file names of what is saved."""
from __future__ import annotations

from datetime import date

from care_core.domain import periods
from care_core.domain.periods import Period

# keys in the order the dialog lists them; "custom" takes the two dates
PRESETS = ("this-month", "last-month", "this-quarter", "last-quarter", "this-year", "last-year", "custom")
DEFAULT = "last-quarter"  # the period most often reported on, already complete


def preset(key: str, today: date) -> Period:
    y, m = today.year, today.month
    q = (m - 1) // 3 + 1
    if key == "this-month":
        return periods.month(y, m)
    if key == "last-month":
        return periods.month(y - (m == 1), 12 if m == 1 else m - 1)
    if key == "this-quarter":
        return periods.quarter(y, q)
    if key == "last-quarter":
        return periods.quarter(y - (q == 1), 4 if q == 1 else q - 1)
    if key == "this-year":
        return periods.year(y)
    if key == "last-year":
        return periods.year(y - 1)
    raise KeyError(key)


def matching_preset(period: Period, today: date) -> str:
    """The preset that gives exactly this period, else "custom"."""
    for key in PRESETS[:-1]:
        candidate = preset(key, today)
        if (candidate.start, candidate.end) == (period.start, period.end):
            return key
    return "custom"


def report_file_name(period: Period, fmt: str) -> str:
    """bao-cao-2026-Q3.pdf, bao-cao-2026-07.xlsx, bao-cao-2026-07-01_2026-08-15.csv"""
    return f"bao-cao-{period.key()}.{fmt}"


def book_file_name(code: str) -> str:
    """so-suc-khoe-DT-00012.pdf: the resident's code only, never the name."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in code.strip().upper())
    return f"so-suc-khoe-{safe or 'doi-tuong'}.pdf"
