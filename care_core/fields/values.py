"""A field's value between the wire and a row: JSON carries dates as ISO
text and numbers as JSON numbers; a row holds ``date``, ``bool``, ``int``,
``float``. One conversion per kind, for every field the table declares."""
from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any


def from_wire(kind: str, value: Any) -> Any:
    """A wire value of a field of ``kind`` (as ``wire_kind`` names it) as a
    row holds it; raises ValueError / TypeError on a value of another kind."""
    if value is None:
        return None
    if kind == "date":
        return date.fromisoformat(value) if isinstance(value, str) else value
    if kind == "bool":
        return bool(value)
    if kind == "float":
        return float(value)
    if kind == "int":
        return int(value)
    return value


def to_wire(value: Any) -> Any:
    """A row's or an entity's value as it travels (enums as their value, dates as ISO text)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
