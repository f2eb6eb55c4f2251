"""Rotating nursing rounds (đợt điều dưỡng tập trung): which round is on,
what the year's quota is and how much of it the rounds have used.

A merit-care centre receives merit persons in rounds of about ten days
against a yearly quota the province sets; the quota may be revised during
the year, so the latest round that states one gives the year's figure.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from .entities import NursingRound, Resident
from .messages import Problem

@dataclass
class RoundEntry:
    """One person of the list the province sends: who they are (a draft
    record) and, when found, the record they already have."""

    person: Resident
    resident_id: str | None = None
    note: str = ""  # e.g. the merit category as the list gives it


MAX_ROUND_DAYS = 60  # a nursing round is days to weeks, never a long-term stay
MAX_PLACES = 2000
MAX_QUOTA = 100_000


def check_round(r: NursingRound, others: Iterable[NursingRound] = ()) -> list[Problem]:
    """The rules of one round; ``others`` are the facility's other rounds
    (a number is used once a year)."""
    p: list[Problem] = []
    for name in ("starts_on", "ends_on"):
        if getattr(r, name) is None:
            p.append(Problem(name, "required"))
    if p:
        return p
    if r.ends_on < r.starts_on:
        p.append(Problem("ends_on", "not_after", {"value": r.ends_on, "other_field": "starts_on", "other": r.starts_on}))
    elif (r.ends_on - r.starts_on).days + 1 > MAX_ROUND_DAYS:
        p.append(Problem("ends_on", "range", {"value": (r.ends_on - r.starts_on).days + 1, "low": 1,
                                              "high": MAX_ROUND_DAYS, "unit": "ngày"}))
    if r.year != r.starts_on.year:
        p.append(Problem("year", "range", {"value": r.year, "low": r.starts_on.year, "high": r.starts_on.year, "unit": ""}))
    if not 1 <= (r.number or 0) <= 99:
        p.append(Problem("number", "range", {"value": r.number, "low": 1, "high": 99, "unit": ""}))
    if not 1 <= (r.places or 0) <= MAX_PLACES:
        p.append(Problem("places", "range", {"value": r.places, "low": 1, "high": MAX_PLACES, "unit": ""}))
    if r.year_quota is not None and not 0 <= r.year_quota <= MAX_QUOTA:
        p.append(Problem("year_quota", "range", {"value": r.year_quota, "low": 0, "high": MAX_QUOTA, "unit": ""}))
    if any(o.id != r.id and o.year == r.year and o.number == r.number for o in others):
        p.append(Problem("number", "duplicate", {"value": f"{r.number}/{r.year}"}))
    if len(r.note or "") > 2000:
        p.append(Problem("note", "range", {"value": len(r.note), "low": 0, "high": 2000, "unit": "ký tự"}))
    return p


def current_round(rounds: Iterable[NursingRound], day: date) -> NursingRound | None:
    """The round under way on ``day`` (the latest begun, if two overlap)."""
    on = [r for r in rounds if r.starts_on <= day <= r.ends_on]
    return max(on, key=lambda r: (r.starts_on, r.number)) if on else None


def year_quota(rounds: Iterable[NursingRound], year: int) -> int | None:
    """The year's quota as the latest round of that year that states one says."""
    stated = [r for r in rounds if r.year == year and r.year_quota is not None]
    return max(stated, key=lambda r: (r.starts_on, r.number)).year_quota if stated else None


def rounds_in(rounds: Iterable[NursingRound], start: date, end: date) -> list[NursingRound]:
    """Rounds overlapping [start, end], in order."""
    return sorted((r for r in rounds if r.starts_on <= end and r.ends_on >= start),
                  key=lambda r: (r.starts_on, r.number))
