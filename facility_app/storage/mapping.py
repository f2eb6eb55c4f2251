"""Rows <-> domain entities. Enums, group lists and vital signs are
converted here so neither side knows the other's shapes."""
from __future__ import annotations

import dataclasses
from datetime import date
from functools import lru_cache
from typing import Any, Callable, get_type_hints

import sqlalchemy as sa

from care_core import fields
from care_core.domain import entities as e
from care_core.domain.enums import BeneficiaryGroup, HealthClass
from care_core.domain.text import fold

_VITALS = [f.name for f in fields.VITALS]
_BOOLEANS = {f.name for table in fields.TABLES.values() for f in table if f.kind == "bool"}
"""SQLite hands booleans back as 0 and 1: the field table says which are."""


@lru_cache(maxsize=None)
def _hints(cls) -> dict[str, Any]:
    return get_type_hints(cls)


def _enum_of(hint) -> type | None:
    """The enum class in a field's type hint (``Sex``, ``Sex | None``), if any."""
    for kind in getattr(hint, "__args__", (hint,)):
        if isinstance(kind, type) and issubclass(kind, (str, int)) and hasattr(kind, "__members__"):
            return kind
    return None


def _groups(value: str) -> list[BeneficiaryGroup]:
    return [BeneficiaryGroup(g) for g in value.split(",") if g]


@lru_cache(maxsize=None)
def _plan(cls) -> tuple[tuple[str, Any], ...]:
    """(field, converter or None) per field of ``cls``, worked out once per class:
    a timeline converts hundreds of rows, and re-reading type hints per value
    cost more than the query."""
    hints = _hints(cls)
    plan = []
    for f in dataclasses.fields(cls):
        if f.name == "vitals":
            continue
        if cls is e.Resident and f.name == "groups":
            convert = _groups
        elif f.name == "classification":
            convert = HealthClass
        elif f.name in _BOOLEANS:
            convert = bool
        else:
            convert = _enum_of(hints[f.name])
        plan.append((f.name, convert))
    return tuple(plan)


def to_entity(cls, row) -> Any:
    data = dict(row._mapping if hasattr(row, "_mapping") else row)
    kwargs: dict[str, Any] = {}
    if cls is e.Checkup:
        kwargs["vitals"] = e.VitalSigns(**{k: data[k] for k in _VITALS})
    for name, convert in _plan(cls):
        if name not in data:
            continue
        value = data[name]
        kwargs[name] = value if convert is None or value is None else convert(value)
    return cls(**kwargs)


def _member(kind):
    """An enum's member by stored value: a dict look-up (the enum's own call,
    and its error, only for a value it does not know)."""
    members = dict(kind._value2member_map_)

    def convert(value):
        member = members.get(value)
        return member if member is not None else kind(value)
    return convert


@lru_cache(maxsize=None)
def row_reader(cls, table: sa.Table) -> tuple[tuple[str, ...], Callable[[tuple], Any]]:
    """The columns of ``table`` an entity of ``cls`` is made of, and a function
    making the entity from a plain driver tuple of them (dates as the ISO text
    SQLite keeps, booleans as 0/1): what ``to_entity`` makes from a SQLAlchemy
    row, at a fraction of the cost. A ten-year record is a thousand rows;
    SQLAlchemy's per-value processing (dates parsed by a regular expression)
    and a dict per row cost more than reading them."""
    hints = _hints(cls)
    names: list[str] = []
    converters: list[Any] = []
    for name, convert in _plan(cls):
        if name not in table.c:
            continue
        if isinstance(table.c[name].type, sa.Date):
            convert = date.fromisoformat
        elif convert is not None and _enum_of(hints[name]) is convert:
            convert = _member(convert)
        names.append(name)
        converters.append(convert)
    typed = [(i, c) for i, c in enumerate(converters) if c is not None]
    vitals = _VITALS if cls is e.Checkup else []
    first_vital = len(names)
    columns = tuple(names + vitals)
    field_names = tuple(names)

    # the dataclasses' own __init__ only assigns (no __post_init__, no slots):
    # filling the instance's dict directly is the same object, made faster
    plain_init = all(not hasattr(k, "__post_init__") and not hasattr(k, "__slots__") for k in (cls, e.VitalSigns))
    new = object.__new__
    vital_signs = e.VitalSigns

    def make(row):
        values = list(row[:first_vital])
        for i, convert in typed:
            value = values[i]
            if value is not None:
                values[i] = convert(value)
        fields_ = dict(zip(field_names, values))
        if not plain_init:
            if vitals:
                fields_["vitals"] = vital_signs(**dict(zip(vitals, row[first_vital:])))
            return cls(**fields_)
        if vitals:
            signs = new(vital_signs)
            signs.__dict__.update(zip(vitals, row[first_vital:]))
            fields_["vitals"] = signs
        entity = new(cls)
        entity.__dict__.update(fields_)
        return entity

    return columns, make


def to_row(entity) -> dict[str, Any]:
    """Column values of an entity (sync columns excluded: the writer adds them)."""
    row: dict[str, Any] = {}
    for f in dataclasses.fields(entity):
        value = getattr(entity, f.name)
        if f.name == "version":
            continue
        if f.name == "vitals":
            row.update(dataclasses.asdict(value))
            continue
        if f.name == "groups":
            value = ",".join(sorted(g.value for g in value))
        elif isinstance(value, HealthClass):
            value = int(value)
        elif hasattr(value, "value") and isinstance(value, str):
            value = value.value
        row[f.name] = value
    if isinstance(entity, e.Resident):
        row["name_folded"] = fold(entity.full_name)
    return row


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in after.items() if before.get(k) != v}
