"""Normal and alert bands of the vital signs, by age: read from the field
table (``care_core.fields``, where each band is declared once with its
source), for the red cells of the tables, the Today panel's alerts, the
charts' shaded bands and the health book.

A value *outside the normal band* is shown in red; a value *beyond an alert
limit* is worrying and goes on the Today panel. Neither decides what may be
saved: ``rules.VITAL_RANGES`` (the fields' valid ranges) refuses typing
slips, whatever the age.
"""
from __future__ import annotations

from datetime import date

from care_core import fields as table
from care_core.fields import (  # noqa: F401 - the age groups, re-exported for the domain's readers
    ADOLESCENT,
    ADULT,
    ADULT_AGE,
    AGE_GROUPS,
    INFANT,
    PRESCHOOL,
    SCHOOL_AGE,
    TODDLER,
    Band,
    age_group,
    age_in_months,
)
from . import growth
from .entities import VitalSigns
from .enums import Sex

FIELDS = tuple(f.name for f in table.banded())
ALERT_ORDER = tuple(f.name for f in table.alerting())


def bands(months: int | None) -> dict[str, Band]:
    """Every vital's band at an age in completed months (None: adult)."""
    return {f.name: f.band(months) for f in table.banded()}


def band(name: str, months: int | None) -> Band | None:
    return bands(months).get(name)


def flag(name: str, value: float | None, months: int | None) -> str | None:
    """'low' / 'high' when ``value`` is outside the normal band at this age."""
    b = band(name, months)
    return b.flag(value) if b else None


def abnormal(name: str, value: float | None, months: int | None) -> bool:
    return flag(name, value, months) is not None


def bmi_flag(sex: Sex | None, birth: date | None, day: date, weight_kg: float | None,
             height_cm: float | None) -> str | None:
    """'low' / 'high' for a BMI: an adult's band from 18, the WHO 2006
    BMI-for-age z-score beyond 2 SD under 5, no judgement from 5 to 17."""
    if age_group(age_in_months(birth, day)) == ADULT:
        return table.BMI.normal.flag(VitalSigns(weight_kg=weight_kg, height_cm=height_cm).bmi)
    found = growth.bmi_for_age(sex, birth, day, weight_kg, height_cm)
    return found.flag if found else None
