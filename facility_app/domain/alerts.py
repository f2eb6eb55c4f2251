"""When a vital sign needs a nurse's attention (the Today panel's "abnormal" list).

These are *alert* thresholds, not validation ranges: a value outside
``rules.VITAL_RANGES`` is refused as a typing slip; a value beyond these
thresholds is real and worrying. They follow common adult practice in
Vietnamese facilities (Bộ Y tế hypertension grade 2 from 160/100 mmHg,
hypoxaemia below 92 %, fever from 38 °C, hypothermia below 35.5 °C,
tachycardia above 120/min, bradycardia below 50/min, glucose outside
3.9-13.9 mmol/L); a facility doctor may ask to tune them here, in one place.
"""
from __future__ import annotations

from dataclasses import dataclass

from .entities import VitalSigns
from .messages import label


@dataclass(frozen=True)
class Threshold:
    field: str
    unit: str
    high: float | None = None  # alert when value >= high (or > high if not high_inclusive)
    low: float | None = None  # alert when value < low
    high_inclusive: bool = True


THRESHOLDS: tuple[Threshold, ...] = (
    Threshold("systolic", "mmHg", high=160, low=90),
    Threshold("diastolic", "mmHg", high=100),
    Threshold("spo2", "%", low=92),
    Threshold("temperature", "°C", high=38, low=35.5),
    Threshold("pulse", "lần/phút", high=120, low=50, high_inclusive=False),
    Threshold("glucose", "mmol/L", high=13.9, low=3.9, high_inclusive=False),
)

_UNIT_EN = {"lần/phút": "/min"}


@dataclass(frozen=True)
class VitalAlert:
    """One worrying value, with the sentence a nurse reads."""

    field: str
    value: float
    direction: str  # "high" | "low"
    limit: float
    unit: str
    inclusive: bool = True  # ">=" rather than ">" for a high limit

    def message(self, lang: str = "vi") -> str:
        value, limit = _num(self.value), _num(self.limit)
        unit = self.unit if lang == "vi" else _UNIT_EN.get(self.unit, self.unit)
        sep = "" if unit in ("%", "°C", "/min") else " "
        high = self.direction == "high"
        word = ("cao" if high else "thấp") if lang == "vi" else ("high" if high else "low")
        sign = ("≥" if self.inclusive else ">") if high else "<"
        return f"{label(self.field, lang)} {word}: {value}{sep}{unit} ({sign} {limit})"


def _num(value: float) -> str:
    return f"{value:g}"


def vital_alerts(vitals: VitalSigns) -> list[VitalAlert]:
    """Every threshold the vital signs cross, in the order of ``THRESHOLDS``."""
    found: list[VitalAlert] = []
    for t in THRESHOLDS:
        value = getattr(vitals, t.field)
        if value is None:
            continue
        if t.high is not None and (value >= t.high if t.high_inclusive else value > t.high):
            found.append(VitalAlert(t.field, value, "high", t.high, t.unit, t.high_inclusive))
        elif t.low is not None and value < t.low:
            found.append(VitalAlert(t.field, value, "low", t.low, t.unit))
    return found
