"""Dates as people read them, written in one place.

Vietnamese paper records write a day as ``05/01/2027`` (day, month, year,
two-digit day and month); screens, printed reports, CSV files for people,
CLI output and messages all use that, in both languages. Documents under
Decree 30/2020/NĐ-CP spell the date out: in ``ngày 05 tháng 01 năm 2027`` a
day below 10 and the months 1 and 2 take a leading zero, other months do
not (``ngày 20 tháng 11``, ``tháng 3``).

Machine formats (the wire, the store, code columns of exports) stay ISO
8601 and are not written here.
"""
from __future__ import annotations

from datetime import date, datetime

QT_DMY = "dd/MM/yyyy"  # dmy in the pattern language of Qt's date edits

def dmy(day: date | None) -> str:
    """05/01/2027; nothing for no date."""
    if day is None:
        return ""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def dmy_short(day: date) -> str:
    """05/01/27: where space is short (a chart's axis)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year % 100:02d}"


def month_year(day: date) -> str:
    """01/2027: a month (a chart's axis)."""
    return f"{day.month:02d}/{day.year}"


def hour_minute(moment: datetime) -> str:
    """14:05."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def dmy_time(moment: datetime | None) -> str:
    """05/01/2027 14:05, in the PC's local time for an aware instant."""
    if moment is None:
        return ""
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{dmy(local.date())} {hour_minute(local)}"


def document_date(day: date) -> str:
    """'ngày 05 tháng 01 năm 2027', 'ngày 20 tháng 11 năm 2026', 'ngày 15 tháng 3 năm 2026'."""
    month_text = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month_text} năm {day.year}"


def place_and_date(place: str, day: date) -> str:
    """'Lạng Sơn, ngày 05 tháng 01 năm 2027' (the place may be blank)."""
    place = (place or "").strip()
    return f"{place}, {document_date(day)}" if place else document_date(day).capitalize()
