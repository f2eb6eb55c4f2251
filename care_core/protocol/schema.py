"""Which tables and fields travel (the field table's), and the checks of a
value against them."""
from __future__ import annotations

import re
from typing import Any

from care_core import fields

_B = ("bool", 0)

SYNC_FIELDS: dict[str, tuple[str, int]] = {"deleted": _B}
"""Sync bookkeeping a change may carry in ``fields`` (a delete sets ``deleted``)."""

SYNCED_SCHEMA: dict[str, dict[str, tuple[str, int]]] = fields.wire_schema()
"""Per synced table, each field's (kind, most characters): the field table's
declarations as they travel (``care_core.fields``)."""

INSERT_ONLY_TABLES = frozenset({"checkups", "rehab_sessions"})
"""Clinical events: never updated in place; a correction is a new row that
points at the old one (``supersedes_id``)."""

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def field_problem(table: str, name: str, value: Any) -> str | None:
    """Why ``value`` cannot be stored in ``table.name`` (English), or None."""
    columns = SYNCED_SCHEMA.get(table)
    if columns is None:
        return f"unknown table {table!r}"
    kind = columns.get(name) or SYNC_FIELDS.get(name)
    if kind is None:
        return f"unknown field {name!r} of {table}"
    if value is None:
        return None
    k, limit = kind
    if k in ("str", "text"):
        if not isinstance(value, str):
            return f"{name} must be text"
        if len(value) > limit:
            return f"{name} is longer than {limit} characters"
    elif k == "int":
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) > 2**53:
            return f"{name} must be a whole number"
    elif k == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value \
                or abs(value) > 1e12:
            return f"{name} must be a number"
    elif k == "bool":
        if not isinstance(value, bool):
            return f"{name} must be true or false"
    elif k == "date":
        if not isinstance(value, str) or not _DATE.match(value):
            return f"{name} must be a date YYYY-MM-DD"
    return None


_KINDS: dict[str, dict[str, tuple[str, int]]] = {t: {**cols, **SYNC_FIELDS} for t, cols in SYNCED_SCHEMA.items()}


def fields_fit(table: str, fields: dict[str, Any]) -> bool:
    """True when every field is a known column of ``table`` with a value it
    can hold: the same test as ``field_problem`` in one tight loop (a push
    checks some 15,000 values per batch). False says only "ask
    ``field_problem`` why"; it may be stricter (exact types), never looser."""
    kinds = _KINDS.get(table)
    if kinds is None:
        return False
    for name, value in fields.items():
        kind = kinds.get(name)
        if kind is None:
            return False
        if value is None:
            continue
        k, t = kind[0], type(value)
        if k == "str" or k == "text":
            if t is not str or len(value) > kind[1]:
                return False
        elif k == "int":
            if t is not int or not -2**53 <= value <= 2**53:
                return False
        elif k == "date":
            if t is not str or len(value) != 10 or not _DATE.match(value):
                return False
        elif k == "bool":
            if t is not bool:
                return False
        elif k == "float":
            if (t is not float and t is not int) or not -1e12 <= value <= 1e12:  # NaN fails both
                return False
        else:
            return False
    return True
