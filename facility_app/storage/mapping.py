"""Rows <-> domain entities. Enums, group lists and vital signs are
converted here so neither side knows the other's shapes."""
from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Any, get_type_hints

from ..domain import entities as e
from ..domain.enums import BeneficiaryGroup, HealthClass
from ..domain.text import fold

_VITALS = [f.name for f in dataclasses.fields(e.VitalSigns)]


@lru_cache(maxsize=None)
def _hints(cls) -> dict[str, Any]:
    return get_type_hints(cls)


def _convert(cls, name: str, value: Any) -> Any:
    if value is None:
        return None
    hint = _hints(cls)[name]
    for kind in getattr(hint, "__args__", (hint,)):
        if isinstance(kind, type) and issubclass(kind, (str, int)) and hasattr(kind, "__members__"):
            return kind(value)
    return value


def to_entity(cls, row) -> Any:
    data = dict(row._mapping if hasattr(row, "_mapping") else row)
    kwargs: dict[str, Any] = {}
    names = {f.name for f in dataclasses.fields(cls)}
    if cls is e.Checkup:
        kwargs["vitals"] = e.VitalSigns(**{k: data[k] for k in _VITALS})
    for name in names - {"vitals"}:
        if name not in data:
            continue
        value = data[name]
        if cls is e.Resident and name == "groups":
            value = [BeneficiaryGroup(g) for g in value.split(",") if g]
        elif name == "classification" and value is not None:
            value = HealthClass(value)
        elif isinstance(value, int) and name in ("active", "isolation", "voided"):
            value = bool(value)
        else:
            value = _convert(cls, name, value)
        kwargs[name] = value
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
