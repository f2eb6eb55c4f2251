"""Rows <-> domain entities. Enums, group lists and vital signs are
converted here so neither side knows the other's shapes."""
from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Any, get_type_hints

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
