"""Two records of one person made by mistake become one.

Pure: which values the surviving record keeps, what a person must choose
before merging, and when a merge is refused. The service moves the records
and writes the tombstone; sync follows the tombstone's pointer.

The rule, so nothing a nurse saved is lost:
- the survivor keeps its own values; an empty field of the survivor takes
  the other record's value;
- identity fields (name, sex, birth date, CCCD, BHYT card) that hold two
  different values are listed; the person merging picks one for each
  (default: the survivor's);
- the beneficiary groups are joined; both notes are kept;
- the stay is the union of both: admitted on the earlier day, present if
  either is present (two records present at once are refused: one must be
  discharged first, since a person cannot be in two beds).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from .entities import Resident
from . import dates, vocabulary
from .messages import MERGE_RECORD_KINDS, MERGE_TEXTS, ActionError, label

IDENTITY_FIELDS = ("full_name", "sex", "birth_date", "cccd", "bhyt_number")
"""Fields that say who the person is: two values are a choice, never a default."""

_CARD = ("bhyt_number", "bhyt_valid_from", "bhyt_valid_to", "bhyt_place")
_STAY = ("admission_date", "discharge_date", "discharge_reason")
_NOT_MERGED = ("id", "version", "code", "groups", "notes", *_STAY, *_CARD[1:])
"""Handled on their own (a card's dates follow its number) or never taken."""

MAX_CHAIN = 16
"""How many merges deep a pointer is followed (A into B into C ...)."""

SURVIVOR, OTHER = "survivor", "other"


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


@dataclass(frozen=True)
class MergePlan:
    """What the survivor becomes: its changed fields, and the identity
    fields that held two values (with the value chosen for each)."""

    survivor_id: str
    merged_id: str
    changes: dict[str, Any] = field(default_factory=dict)
    disputed: tuple[str, ...] = ()


def disputed_fields(survivor: Resident, other: Resident) -> list[str]:
    """Identity fields both records fill with different values: a person picks."""
    return [name for name in IDENTITY_FIELDS
            if not _empty(getattr(survivor, name)) and not _empty(getattr(other, name))
            and getattr(survivor, name) != getattr(other, name)]


def plan(survivor: Resident, other: Resident, choices: dict[str, str] | None = None) -> MergePlan:
    """The survivor's changes when ``other`` is merged into it. ``choices``:
    field -> ``"other"`` to take the other record's value of a disputed
    identity field (anything not chosen keeps the survivor's)."""
    choices = choices or {}
    changes: dict[str, Any] = {}
    disputed = disputed_fields(survivor, other)
    for f in dataclasses.fields(Resident):
        name = f.name
        if name in _NOT_MERGED:
            continue
        mine, theirs = getattr(survivor, name), getattr(other, name)
        if _empty(theirs) or mine == theirs:
            continue
        if _empty(mine) or (name in disputed and choices.get(name) == OTHER):
            changes[name] = theirs
    if "bhyt_number" in changes:  # the card travels whole: its dates and place with its number
        changes.update({k: getattr(other, k) for k in _CARD[1:]})
    groups = sorted(set(survivor.groups) | set(other.groups))
    if groups != sorted(survivor.groups):
        changes["groups"] = groups
    notes = [n.strip() for n in (survivor.notes, other.notes) if n and n.strip()]
    joined = "\n".join(dict.fromkeys(notes))
    if joined != (survivor.notes or ""):
        changes["notes"] = joined
    changes.update(_stay(survivor, other))
    return MergePlan(survivor.id, other.id, changes, tuple(disputed))


def _stay(survivor: Resident, other: Resident) -> dict[str, Any]:
    """The union of both stays, as the survivor's changed fields."""
    out: dict[str, Any] = {}
    admitted = min(d for d in (survivor.admission_date, other.admission_date) if d is not None)
    if admitted != survivor.admission_date:
        out["admission_date"] = admitted
    if survivor.discharge_date is None or other.discharge_date is None:
        if survivor.discharge_date is not None:
            out.update(discharge_date=None, discharge_reason=None)
    elif other.discharge_date > survivor.discharge_date:
        out.update(discharge_date=other.discharge_date, discharge_reason=other.discharge_reason)
    return out


@dataclass(frozen=True)
class Comparison:
    """Two records side by side, as a person reads them before merging:
    their fields, how many records of each kind each holds, what differs."""

    survivor: Resident
    other: Resident
    survivor_counts: dict[str, int]
    other_counts: dict[str, int]
    disputed: tuple[str, ...]


SHOWN_FIELDS = ("code", "full_name", "sex", "birth_date", "cccd", "bhyt_number", "admission_date",
                "discharge_date", "room", "next_of_kin_name", "next_of_kin_phone")
"""The fields a person compares before merging, in the order shown."""


def show(value: Any, lang: str) -> str:
    """A field's value as the comparison writes it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, date):
        return dates.dmy(value)
    if hasattr(value, "value") and type(value) in vocabulary.LABELS:
        return vocabulary.label(value, lang)
    return str(value)


def comparison_rows(c: Comparison, lang: str) -> list[tuple[str, str, str, bool]]:
    """(what, survivor's, other's, differs) per shown field, then the count
    of records of each kind either holds."""
    rows = [(label(name, lang), show(getattr(c.survivor, name), lang), show(getattr(c.other, name), lang),
             name in c.disputed) for name in SHOWN_FIELDS]
    for table in sorted(set(c.survivor_counts) | set(c.other_counts), key=lambda t: (t not in MERGE_RECORD_KINDS, t)):
        mine, theirs = c.survivor_counts.get(table, 0), c.other_counts.get(table, 0)
        if mine or theirs:
            vi, en = MERGE_RECORD_KINDS.get(table, (table, table))
            rows.append((vi if lang == "vi" else en, str(mine), str(theirs), False))
    return rows


def merged(survivor: Resident, p: MergePlan) -> Resident:
    """The survivor as the plan leaves it (to validate before writing)."""
    return dataclasses.replace(survivor, **p.changes)


# --- refusals --------------------------------------------------------------

class MergeRefused(ActionError):
    pass




def refusal(which: str, **params: Any) -> MergeRefused:
    vi, en = MERGE_TEXTS[which]
    return MergeRefused(vi.format(**params), en.format(**params))


def check(survivor: Resident | None, other: Resident | None, survivor_key: str, other_key: str) -> None:
    """Raise ``MergeRefused`` when these two records cannot be merged.
    ``None``: the record is deleted, merged away, or unknown."""
    if survivor_key == other_key or (survivor is not None and other is not None and survivor.id == other.id):
        raise refusal("same")
    for found, key in ((survivor, survivor_key), (other, other_key)):
        if found is None:
            raise refusal("gone", code=key)
    if survivor.discharge_date is None and other.discharge_date is None:
        raise refusal("both_present")


def follow(start: str, pointer_of) -> str:
    """Where a merged-away record now lives: follow ``pointer_of(id)``
    (the record's ``merged_into``, or None) to the end of the chain."""
    seen = [start]
    current = start
    for _ in range(MAX_CHAIN):
        nxt = pointer_of(current)
        if not nxt:
            return current
        if nxt in seen:
            break
        seen.append(nxt)
        current = nxt
    raise refusal("chain", n=MAX_CHAIN)


def follow_all(ids: Iterable[str], pointers: dict[str, str]) -> dict[str, str]:
    """``follow`` for many ids over a known map merged-away -> merged into."""
    return {i: follow(i, pointers.get) for i in ids}


__all__ = ["Comparison", "IDENTITY_FIELDS", "MAX_CHAIN", "MergePlan", "MergeRefused", "OTHER", "SURVIVOR", "check",
           "disputed_fields", "follow", "follow_all", "merged", "plan", "refusal"]
