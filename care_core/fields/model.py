"""What a field declaration is made of: kinds, units, bands, age groups.

No field is declared here (``care_core.fields.table`` declares them); this
module holds only the shapes and the age arithmetic the bands need.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Mapping, Union

KINDS = ("int", "float", "str", "text", "bool", "date", "enum")
TEXT_MAX = 20_000
"""The most characters a free-text field carries on the wire and in a row
(the rules ask less of what a nurse types; this bounds what a peer sends)."""

# the PALS age groups: infant under 1 year, toddler 1-2, preschool 3-5,
# school age 6-11, adolescent 12-17, adult from 18
INFANT, TODDLER, PRESCHOOL, SCHOOL_AGE, ADOLESCENT, ADULT = (
    "infant", "toddler", "preschool", "school_age", "adolescent", "adult")
AGE_GROUPS = (INFANT, TODDLER, PRESCHOOL, SCHOOL_AGE, ADOLESCENT, ADULT)
ADULT_AGE = 18


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


@dataclass(frozen=True)
class Unit:
    """A unit as UCUM writes it (FHIR, exports) and as each language shows it."""

    ucum: str
    vi: str
    en: str

    def text(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en


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

    @property
    def limits(self) -> tuple[float, ...]:
        return tuple(x for x in (self.low, self.high, self.alert_low, self.alert_high) if x is not None)


NO_BAND = Band(None, None)
"""No judgement at all (a child's BMI on the adult scale)."""

ChildBands = Union[Band, Mapping[str, Band], Callable[[int], Band], None]


@dataclass(frozen=True)
class Field:
    """One recorded field, declared once.

    ``kind`` is one of ``KINDS`` (an enum travels and is stored as its text
    value, at most ``length`` characters); ``valid`` is the range a value
    must lie in to be saved (outside it is a typing slip); ``normal`` is the
    adult's normal band with its alert limits; ``children`` the bands under
    18: one band for every child, a band per age group (groups not named
    keep the adult's), or a function of the age in completed months; None
    keeps the adult's band at every age. ``alert_rank`` orders the Today
    panel's alerts (None: the field never alerts). ``vital`` marks the
    vital signs of a checkup (the form's boxes, the entity ``VitalSigns``).
    """

    name: str
    kind: str
    label: tuple[str, str] = ("", "")  # (vi, en)
    length: int = 0
    required: bool = False
    unit: Unit | None = None
    valid: tuple[float, float] | None = None
    decimals: int = 0
    normal: Band | None = None
    children: ChildBands = None
    alert_rank: int | None = None
    vital: bool = False
    loinc: tuple[str, ...] = ()  # LOINC codes of the FHIR observation, the first primary
    loinc_name: str = ""
    laboratory: bool = False  # a FHIR "laboratory" observation rather than "vital-signs"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: unknown kind {self.kind!r}")
        if self.kind in ("str", "enum") and self.length <= 0:
            raise ValueError(f"{self.name}: a {self.kind} field needs a length")

    def text_label(self, lang: str = "vi") -> str:
        return self.label[0] if lang == "vi" else self.label[1]

    def unit_text(self, lang: str = "vi") -> str:
        return self.unit.text(lang) if self.unit else ""

    @property
    def whole(self) -> bool:
        return self.kind == "int"

    @property
    def max_length(self) -> int:
        """Characters a value may hold (text: the wire bound; 0: not text)."""
        return TEXT_MAX if self.kind == "text" else self.length

    def band(self, months: int | None) -> Band | None:
        """The band at an age in completed months (None: an adult's)."""
        group = age_group(months)
        if group == ADULT or self.children is None:
            return self.normal
        if isinstance(self.children, Band):
            return self.children
        if isinstance(self.children, Mapping):
            return self.children.get(group, self.normal)
        return self.children(months)
