"""Normal ranges the record screens shade on charts and mark in tables.

These are display aids for adults (Vietnamese Ministry of Health practice:
blood pressure under 140/90, WHO Asia-Pacific BMI 18.5-22.9, fasting
glucose 3.9-5.5 mmol/L), not validation: the domain's VITAL_RANGES decide
what may be saved. A value outside is shown in red so it catches the eye.
"""
from __future__ import annotations

NORMAL: dict[str, tuple[float, float]] = {
    "systolic": (90, 139),
    "diastolic": (60, 89),
    "pulse": (60, 100),
    "temperature": (36.0, 37.5),
    "spo2": (95, 100),
    "respiratory_rate": (12, 20),
    "glucose": (3.9, 5.5),
    "bmi": (18.5, 22.9),
}


def abnormal(name: str, value: float | None) -> bool:
    if value is None or name not in NORMAL:
        return False
    low, high = NORMAL[name]
    return not (low <= value <= high)
