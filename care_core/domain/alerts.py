"""When a vital sign needs a nurse's attention (the Today panel's "abnormal" list).

These are *alert* limits, not validation ranges: a value outside
``rules.VITAL_RANGES`` is refused as a typing slip; a value beyond an alert
limit is real and worrying. The limits depend on age and come from
the field table (``care_core.fields``, sources cited there), the same bands the tables, charts and
health book use; a facility doctor may ask to tune them there, in one place.
"""
from __future__ import annotations

from dataclasses import dataclass

from care_core import fields
from . import norms
from .entities import VitalSigns
from .messages import label
from .numbers import fmt



@dataclass(frozen=True)
class VitalAlert:
    """One worrying value, with the sentence a nurse reads."""

    field: str
    value: float
    direction: str  # "high" | "low"
    limit: float
    inclusive: bool = True  # ">=" rather than ">" for a high limit

    @property
    def unit(self) -> str:
        return fields.vital(self.field).unit_text("vi")

    def message(self, lang: str = "vi") -> str:
        value, limit = fmt(self.value, lang), fmt(self.limit, lang)
        unit = fields.vital(self.field).unit_text(lang)
        sep = "" if unit.startswith("/") or unit == "%" else " "
        high = self.direction == "high"
        word = ("cao" if high else "thấp") if lang == "vi" else ("high" if high else "low")
        sign = ("≥" if self.inclusive else ">") if high else "<"
        return f"{label(self.field, lang)} {word}: {value}{sep}{unit} ({sign} {limit})"


def vital_alerts(vitals: VitalSigns, months: int | None = None) -> list[VitalAlert]:
    """Every alert limit the vital signs cross at an age in completed months
    (None: an adult's limits), in the order of ``norms.ALERT_ORDER``."""
    bands = norms.bands(months)
    found: list[VitalAlert] = []
    for name in norms.ALERT_ORDER:
        value, band = getattr(vitals, name), bands[name]
        direction = band.alert(value)
        if direction == "high":
            found.append(VitalAlert(name, value, "high", band.alert_high, band.high_inclusive))
        elif direction == "low":
            found.append(VitalAlert(name, value, "low", band.alert_low))
    return found
