"""The field table: each recorded field declared once (``table``), in the
shapes of ``model``. Pure: no Qt, no SQL; the domain and the wire protocol
both read it and neither imports the other.

What derives from it: the wire schema (``wire_schema``, the protocol's
``SYNCED_SCHEMA``), the domain's valid ranges, bands, alerts, labels and the
entity ``VitalSigns``, the storage columns of the vital signs, the checkup
form's boxes and the tables', charts' and health book's units and bands.
"""
from __future__ import annotations

from .model import (
    ADOLESCENT,
    ADULT,
    ADULT_AGE,
    AGE_GROUPS,
    INFANT,
    KINDS,
    NO_BAND,
    PRESCHOOL,
    SCHOOL_AGE,
    TEXT_MAX,
    TODDLER,
    Band,
    Field,
    Unit,
    age_group,
    age_in_months,
)
from .table import BMI, DERIVED, TABLES, VITALS
from .values import from_wire, to_wire

_WIRE_KIND = {"int": "int", "float": "float", "str": "str", "enum": "str", "text": "text", "bool": "bool",
              "date": "date"}


def wire_kind(f: Field) -> tuple[str, int]:
    """How a field travels: (kind, most characters or 0), as ``SYNCED_SCHEMA`` holds it."""
    return _WIRE_KIND[f.kind], f.max_length


def wire_schema() -> dict[str, dict[str, tuple[str, int]]]:
    """Every synced table's fields as they travel."""
    return {table: {f.name: wire_kind(f) for f in fields} for table, fields in TABLES.items()}


_BY_NAME = {f.name: f for f in (*VITALS, *DERIVED)}


def vital(name: str) -> Field:
    """A vital sign (or the derived BMI) by name."""
    return _BY_NAME[name]


def field(table: str, name: str) -> Field:
    for f in TABLES[table]:
        if f.name == name:
            return f
    raise KeyError(f"{table}.{name}")


def banded() -> tuple[Field, ...]:
    """The vital signs with a normal band (and the BMI), in the form's order."""
    return tuple(f for f in (*VITALS, *DERIVED) if f.normal is not None)


def alerting() -> tuple[Field, ...]:
    """The vital signs with alert limits, in the Today panel's order."""
    return tuple(sorted((f for f in VITALS if f.alert_rank is not None), key=lambda f: f.alert_rank))


def labels() -> dict[str, tuple[str, str]]:
    """(vi, en) label by field name; a name in several tables keeps its
    record's label before the facility's (``code`` is the resident code)."""
    out: dict[str, tuple[str, str]] = {}
    for table in (*(t for t in TABLES if t != "facility"), "facility"):
        for f in TABLES[table]:
            if f.label != ("", ""):
                out.setdefault(f.name, f.label)
    for f in DERIVED:
        out.setdefault(f.name, f.label)
    return out


__all__ = [
    "ADOLESCENT", "ADULT", "ADULT_AGE", "AGE_GROUPS", "BMI", "Band", "DERIVED", "Field", "INFANT", "KINDS",
    "NO_BAND", "PRESCHOOL", "SCHOOL_AGE", "TABLES", "TEXT_MAX", "TODDLER", "Unit", "VITALS", "age_group",
    "age_in_months", "alerting", "banded", "field", "from_wire", "labels", "to_wire", "vital", "wire_kind",
    "wire_schema",
]
