"""Which tables and fields travel, and the checks of a value against them
(kept equal to the client's ``storage/tables.py`` by a test)."""
from __future__ import annotations

import re
from typing import Any

from .limits import _TEXT_MAX



def _s(n: int) -> tuple[str, int]:
    return ("str", n)


_T = ("text", _TEXT_MAX)
_I = ("int", 0)
_F = ("float", 0)
_B = ("bool", 0)
_D = ("date", 0)

SYNC_FIELDS: dict[str, tuple[str, int]] = {"deleted": _B}
"""Sync bookkeeping a change may carry in ``fields`` (a delete sets ``deleted``)."""

SYNCED_SCHEMA: dict[str, dict[str, tuple[str, int]]] = {
    "facility": {
        "code": _s(20), "name": _s(200), "type": _s(20), "province_code": _I, "ward_code": _I,
        "address": _s(300), "governing_body": _s(200), "report_recipient": _s(300),
        "report_place": _s(100), "report_symbol": _s(40), "director_name": _s(100),
        "signature": _s(10), "deputy_name": _s(100), "plan_number": _s(40), "plan_date": _D,
        "plan_issuer": _s(200),
        "provincial_target_2025": _F, "provincial_target_2030": _F, "auto_lock_minutes": _I,
    },
    "residents": {
        "code": _s(20), "full_name": _s(100), "name_folded": _s(100), "sex": _s(1), "birth_date": _D,
        "groups": _s(60), "cccd": _s(12), "bhyt_number": _s(15), "bhyt_valid_from": _D,
        "bhyt_valid_to": _D, "disability_type": _s(20), "disability_severity": _s(20),
        "admission_date": _D, "discharge_date": _D, "discharge_reason": _s(20), "room": _s(200),
        "next_of_kin_name": _s(200), "next_of_kin_relation": _s(200), "next_of_kin_phone": _s(20),
        "province_code": _I, "ward_code": _I, "address_detail": _s(200), "old_address": _s(500),
        "notes": _T,
    },
    "checkups": {
        "resident_id": _s(36), "checkup_date": _D, "kind": _s(20), "systolic": _I, "diastolic": _I,
        "pulse": _I, "temperature": _F, "spo2": _I, "respiratory_rate": _I, "weight_kg": _F,
        "height_cm": _F, "glucose": _F, "findings": _T, "classification": _I, "next_due_date": _D,
        "examiner": _s(200), "screening": _s(20), "screening_note": _T, "isolation": _B,
        "supersedes_id": _s(36), "voided": _B,
    },
    "conditions": {
        "resident_id": _s(36), "icd10": _s(8), "onset_date": _D, "status": _s(20),
        "follow_up_days": _I, "note": _T,
    },
    "rehab_sessions": {
        "resident_id": _s(36), "session_date": _D, "rehab_type": _s(20), "minutes": _I,
        "therapist": _s(200), "barthel": _I, "note": _T, "supersedes_id": _s(36), "voided": _B,
    },
    "referrals": {
        "resident_id": _s(36), "referral_date": _D, "hospital": _s(200), "reason": _T,
        "icd10": _s(8), "outcome": _s(20), "return_date": _D, "outcome_note": _T,
    },
    "users": {
        "username": _s(32), "full_name": _s(100), "role": _s(20), "password_hash": _s(200),
        "active": _B,
    },
}

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
