"""Reporting periods (month, quarter, year, custom range).

A period is parsed from what a director types (``2026``, ``2026-Q3``,
``2026-07``, or two dates) and titled the way the report prints it
(``Quý III năm 2026``); its dates are written by ``dates``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import dmy
from .messages import ActionError

ROMAN_QUARTERS = ("I", "II", "III", "IV")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
              "August", "September", "October", "November", "December")

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
MIN_YEAR, MAX_YEAR = 1990, 2100


class PeriodError(ActionError):
    """A period or date a person typed that cannot be a reporting period."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    kind: str  # "year" | "quarter" | "month" | "custom"

    def title(self, lang: str = "vi") -> str:
        """'Năm 2026', 'Quý III năm 2026', 'Tháng 7 năm 2026', 'Từ ngày ... đến ngày ...'."""
        y = self.start.year
        if self.kind == "year":
            return f"Năm {y}" if lang == "vi" else f"Year {y}"
        if self.kind == "quarter":
            q = (self.start.month - 1) // 3
            return f"Quý {ROMAN_QUARTERS[q]} năm {y}" if lang == "vi" else f"Q{q + 1} {y}"
        if self.kind == "month":
            m = self.start.month
            return f"Tháng {m} năm {y}" if lang == "vi" else f"{_EN_MONTHS[m - 1]} {y}"
        if lang == "vi":
            return f"Từ ngày {dmy(self.start)} đến ngày {dmy(self.end)}"
        return f"From {dmy(self.start)} to {dmy(self.end)}"

    def phrase(self) -> str:
        """The title inside a sentence: '... đối tượng quý III năm 2026'."""
        t = self.title("vi")
        return t[0].lower() + t[1:]

    def key(self) -> str:
        """A short machine name: '2026', '2026-Q3', '2026-07', '2026-07-01_2026-08-15'."""
        if self.kind == "year":
            return f"{self.start.year}"
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        return f"{self.start.isoformat()}_{self.end.isoformat()}"

    def as_of(self, today: date) -> date:
        """The last day with data: the period's end, or today while it runs."""
        if self.start > today:
            raise PeriodError(
                f"Kỳ báo cáo {self.phrase()} chưa bắt đầu (hôm nay là {dmy(today)}).",
                f"The period {self.title('en')} has not begun (today is {dmy(today)}).")
        return min(self.end, today)


def _year(value: int, text: str) -> int:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise PeriodError(f"Năm “{text}” nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}.",
                          f"Year “{text}” is outside {MIN_YEAR}–{MAX_YEAR}.")
    return value


def _month_end(year: int, month: int) -> date:
    first_next = date(year + (month == 12), month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def year(y: int) -> Period:
    return Period(date(y, 1, 1), date(y, 12, 31), "year")


def quarter(y: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(date(y, first, 1), _month_end(y, first + 2), "quarter")


def month(y: int, m: int) -> Period:
    return Period(date(y, m, 1), _month_end(y, m), "month")


def parse_period(text: str) -> Period:
    """'2026' (year), '2026-Q3' (quarter), '2026-07' (month)."""
    raw = (text or "").strip()
    if m := _YEAR.match(raw):
        return year(_year(int(m[1]), raw))
    if m := _QUARTER.match(raw):
        return quarter(_year(int(m[1]), raw), int(m[2]))
    if m := _MONTH.match(raw):
        if not 1 <= int(m[2]) <= 12:
            raise PeriodError(f"Tháng “{m[2]}” không hợp lệ trong “{raw}”: tháng từ 1 đến 12.",
                              f"Month “{m[2]}” in “{raw}” is not valid: months run 1 to 12.")
        return month(_year(int(m[1]), raw), int(m[2]))
    raise PeriodError(
        f"Kỳ báo cáo “{raw}” không hợp lệ; nhập năm (2026), quý (2026-Q3) hoặc tháng (2026-07).",
        f"Period “{raw}” is not valid; give a year (2026), a quarter (2026-Q3) or a month (2026-07).")


def parse_date(text: str) -> date:
    """YYYY-MM-DD or DD/MM/YYYY."""
    raw = (text or "").strip()
    if m := _ISO_DATE.match(raw):
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    elif m := _VN_DATE.match(raw):
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    else:
        raise PeriodError(f"Ngày “{raw}” không hợp lệ; nhập dạng 2026-07-01 hoặc 01/07/2026.",
                          f"Date “{raw}” is not valid; use 2026-07-01 or 01/07/2026.")
    try:
        return date(_year(y, raw), mo, d)
    except ValueError:
        raise PeriodError(f"Ngày “{raw}” không tồn tại.", f"Date “{raw}” does not exist.") from None


def custom(start: date, end: date) -> Period:
    if end < start:
        raise PeriodError(f"Ngày kết thúc {dmy(end)} trước ngày bắt đầu {dmy(start)}.",
                          f"The end date {dmy(end)} is before the start date {dmy(start)}.")
    return Period(start, end, "custom")


def twelve_months_before(day: date) -> date:
    """The same day a year earlier (29 February -> 28 February): the
    12-month window ending on ``day`` is the days after this one."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)
