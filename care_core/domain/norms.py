"""Normal and alert bands of the vital signs, by age: the one source for the
red cells of the tables, the Today panel's alerts, the charts' shaded bands
and the health book.

A value *outside the normal band* is shown in red; a value *beyond an alert
limit* is worrying and goes on the Today panel. Neither decides what may be
saved: ``rules.VITAL_RANGES`` refuses typing slips, whatever the age.

Age groups (the PALS groups): infant under 1 year, toddler 1-2 years,
preschool 3-5, school age 6-11, adolescent 12-17, adult from 18. Sources:

- Normal heart rate (awake) and respiratory rate for children: American
  Heart Association, *Pediatric Advanced Life Support (PALS) Provider
  Manual* (2020), tables "Normal heart rates" and "Normal respiratory rates"
  (after Hazinski MF, *Nursing Care of the Critically Ill Child*, 3rd ed.,
  2013). The infants' normal breathing stops below the WHO fast-breathing
  limit (next item).
- Alert for fast breathing, 1 month to 5 years: WHO, *Integrated Management
  of Childhood Illness (IMCI) chart booklet* (2014): 50/min or more from 2 to
  12 months, 40/min or more from 12 months to 5 years.
- Alert limits of heart and respiratory rate for children: the 1st and 99th
  centiles of Fleming S, Thompson M, Stevens R, et al. "Normal ranges of heart
  rate and respiratory rate in children from birth to 18 years of age: a
  systematic review of observational studies", Lancet 2011;377:1011-18
  (the widest of Fleming's age bands inside each group).
- High blood pressure in children: Flynn JT, Kaelber DC, Baker-Smith CM, et
  al. "Clinical Practice Guideline for Screening and Management of High
  Blood Pressure in Children and Adolescents", Pediatrics 2017;140(3):
  e20171904 (AAP). Normal is below its Table 6 screening values (the higher
  of boys and girls for each year of age; 120/80 from 13 years). The alert
  is stage 2 hypertension: 140/90 from 13 years; under 13 the guideline's
  stage 2 is the 95th centile (by age, sex and height) + 12 mmHg, for which
  this app uses the screening value + 12 mmHg, or 140/90 if lower: never
  above the child's real limit, so the alert errs towards telling the nurse. The guideline starts at 1 year: infants keep
  the upper end of PALS 2020's "Normal blood pressures" table for infants
  (104/56, after Haque IU, Zaritsky AL, Pediatr Crit Care Med 2007;8:138-44)
  and have no high alert.
- Low blood pressure in children (hypotension, both the end of normal and
  the alert): PALS 2020: systolic below 70 mmHg for infants, 70 + 2 x age in
  years from 1 to 10 years, below 90 mmHg from 10 years. No low limit for a
  child's diastolic pressure.
- Temperature: normal 36.0-37.5 °C (axillary); fever alert from 38 °C at
  every age (NICE guideline NG143, *Fever in under 5s*, 2019); hypothermia
  alert below 36.0 °C in infants (WHO, *Thermal protection of the newborn*,
  1997) and below 35.5 °C after.
- Adults: Vietnamese Ministry of Health practice (Bộ Y tế, hypertension
  guideline 2010 (Quyết định 3192/QĐ-BYT): normal under 140/90, grade 2 from
  160/100); hypoxaemia below 92 %; tachycardia above 120, bradycardia below
  50/min; breathing 8/min or less or 25/min or more (Royal College of
  Physicians, *National Early Warning Score (NEWS) 2*, 2017); fasting glucose
  normal 3.9-5.5 mmol/L, alert outside 3.9-13.9.
- BMI: adults, WHO Asia-Pacific cut-offs (WHO Expert Consultation, Lancet
  2004;363:157-63): normal 18.5-22.9. Under 18 no adult band is used: under
  5 years the BMI-for-age z-score on the WHO Child Growth Standards (2006)
  judges it (``domain.growth``, ``bmi_flag`` here); from 5 to 17 the WHO
  reference (2007) is not available to the app, so no BMI judgement is shown.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import growth
from .entities import VitalSigns
from .enums import Sex

INFANT, TODDLER, PRESCHOOL, SCHOOL_AGE, ADOLESCENT, ADULT = (
    "infant", "toddler", "preschool", "school_age", "adolescent", "adult")
ADULT_AGE = 18

FIELDS = ("systolic", "diastolic", "pulse", "temperature", "spo2", "respiratory_rate", "glucose", "bmi")
ALERT_ORDER = ("systolic", "diastolic", "spo2", "temperature", "pulse", "respiratory_rate", "glucose")


@dataclass(frozen=True)
class Band:
    """Normal from ``low`` to ``high`` inclusive; alert when a value is below
    ``alert_low``, or at or above ``alert_high`` (above it when not
    ``high_inclusive``). ``None`` leaves that side open."""

    low: float | None
    high: float | None
    alert_low: float | None = None
    alert_high: float | None = None
    high_inclusive: bool = True

    def flag(self, value: float | None) -> str | None:
        """'low' or 'high' when outside the normal band, else None."""
        if value is None:
            return None
        if self.low is not None and value < self.low:
            return "low"
        if self.high is not None and value > self.high:
            return "high"
        return None

    def alert(self, value: float | None) -> str | None:
        """'low' or 'high' when beyond an alert limit, else None."""
        if value is None:
            return None
        if self.alert_high is not None and (value >= self.alert_high if self.high_inclusive else value > self.alert_high):
            return "high"
        if self.alert_low is not None and value < self.alert_low:
            return "low"
        return None


# (pulse normal, pulse alert), (breathing normal, breathing alert)
_CHILD = {
    INFANT: ((100, 180), (93, 181), (30, 49), (22, 50)),
    TODDLER: ((98, 140), (76, 156), (22, 37), (18, 40)),
    PRESCHOOL: ((80, 120), (65, 136), (20, 28), (17, 40)),
    SCHOOL_AGE: ((75, 118), (52, 123), (18, 25), (14, 27)),
    ADOLESCENT: ((60, 100), (43, 108), (12, 20), (11, 23)),
}
# AAP 2017 Table 6, the higher of boys and girls, by completed year of age 1..12
_AAP_SCREENING = {1: (98, 54), 2: (101, 58), 3: (102, 60), 4: (103, 62), 5: (104, 64), 6: (105, 67),
                  7: (106, 68), 8: (107, 69), 9: (108, 71), 10: (109, 72), 11: (111, 74), 12: (114, 75)}
_AAP_FROM_13 = (120, 80)
_INFANT_BP_HIGH = (104, 56)  # PALS 2020, infant 1-12 months
_STAGE_2_MARGIN = 12

_ADULT = {
    "systolic": Band(90, 139, alert_low=90, alert_high=160),
    "diastolic": Band(60, 89, alert_high=100),
    "pulse": Band(60, 100, alert_low=50, alert_high=120, high_inclusive=False),
    "temperature": Band(36.0, 37.5, alert_low=35.5, alert_high=38.0),
    "spo2": Band(95, 100, alert_low=92),
    "respiratory_rate": Band(12, 20, alert_low=9, alert_high=25),
    "glucose": Band(3.9, 5.5, alert_low=3.9, alert_high=13.9, high_inclusive=False),
    "bmi": Band(18.5, 22.9),
}


def age_in_months(birth: date | None, day: date) -> int | None:
    """Completed months from ``birth`` to ``day``; None when unknown."""
    if birth is None:
        return None
    months = (day.year - birth.year) * 12 + day.month - birth.month
    if day.day < birth.day:
        months -= 1
    return max(months, 0)


def age_group(months: int | None) -> str:
    """The group of an age in completed months (unknown age: adult)."""
    if months is None or months >= ADULT_AGE * 12:
        return ADULT
    years = months // 12
    if years < 1:
        return INFANT
    if years < 3:
        return TODDLER
    if years < 6:
        return PRESCHOOL
    if years < 12:
        return SCHOOL_AGE
    return ADOLESCENT


def bands(months: int | None) -> dict[str, Band]:
    """Every vital's band at an age in completed months (None: adult)."""
    group = age_group(months)
    if group == ADULT:
        return dict(_ADULT)
    years = months // 12
    (p_low, p_high), (pa_low, pa_high), (r_low, r_high), (ra_low, ra_high) = _CHILD[group]
    if group == INFANT:  # the AAP guideline starts at 1 year: PALS's infant range, no high alert
        systolic, diastolic = Band(70, _INFANT_BP_HIGH[0], alert_low=70), Band(None, _INFANT_BP_HIGH[1])
    else:
        # normal is *below* the AAP screening value, so the band ends one under it
        sys_high, dia_high = _AAP_SCREENING.get(years, _AAP_FROM_13)
        hypotension = 70 + 2 * years if years < 10 else 90
        sys_alert, dia_alert = ((140, 90) if years >= 13 else
                                (min(sys_high + _STAGE_2_MARGIN, 140), min(dia_high + _STAGE_2_MARGIN, 90)))
        systolic = Band(hypotension, sys_high - 1, alert_low=hypotension, alert_high=sys_alert)
        diastolic = Band(None, dia_high - 1, alert_high=dia_alert)
    return {
        "systolic": systolic,
        "diastolic": diastolic,
        "pulse": Band(p_low, p_high, alert_low=pa_low, alert_high=pa_high, high_inclusive=False),
        "temperature": Band(36.0, 37.5, alert_low=36.0 if group == INFANT else 35.5, alert_high=38.0),
        "spo2": _ADULT["spo2"],
        "respiratory_rate": Band(r_low, r_high, alert_low=ra_low, alert_high=ra_high,
                                 high_inclusive=group in (INFANT, TODDLER, PRESCHOOL)),
        "glucose": _ADULT["glucose"],
        "bmi": Band(None, None),  # no adult BMI band for a child: see the module docstring
    }


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
        return _ADULT["bmi"].flag(VitalSigns(weight_kg=weight_kg, height_cm=height_cm).bmi)
    found = growth.bmi_for_age(sex, birth, day, weight_kg, height_cm)
    return found.flag if found else None
