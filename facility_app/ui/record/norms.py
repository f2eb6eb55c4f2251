"""What the record screens mark in red and shade on charts: the domain's
normal bands for the resident's age on the day of the measurement
(``domain.norms``, sources cited there). Display aids, not validation: the
domain's VITAL_RANGES decide what may be saved.
"""
from __future__ import annotations

from datetime import date

from care_core.domain import growth, norms
from care_core.domain.entities import Resident, VitalSigns
from care_core.domain.norms import age_in_months


def abnormal(name: str, value: float | None, birth: date | None, day: date) -> bool:
    """Outside the normal band for someone born on ``birth``, measured on ``day``
    (unknown birth date: an adult's band)."""
    return norms.abnormal(name, value, age_in_months(birth, day))


def normal_range(name: str, birth: date | None, day: date) -> tuple[float, float] | None:
    """(low, high) of the normal band, or None where none applies (a child's BMI)."""
    band = norms.band(name, age_in_months(birth, day))
    if band is None or band.low is None or band.high is None:
        return None
    return band.low, band.high


def bmi_abnormal(resident: Resident | None, day: date, vitals: VitalSigns) -> bool:
    """An adult's BMI outside the band, or an under-5's beyond 2 SD of the WHO
    standards for age and sex; never for 5 to 17 years."""
    if resident is None:
        return norms.abnormal("bmi", vitals.bmi, None)
    return norms.bmi_flag(resident.sex, resident.birth_date, day, vitals.weight_kg, vitals.height_cm) is not None


def bmi_for_age(resident: Resident | None, day: date, vitals: VitalSigns) -> growth.BmiForAge | None:
    """The WHO BMI-for-age z-score of a child under 5, else None."""
    if resident is None:
        return None
    return growth.bmi_for_age(resident.sex, resident.birth_date, day, vitals.weight_kg, vitals.height_cm)
