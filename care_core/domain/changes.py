"""What an operation changed: the rows it wrote, by table, and whose records
they belong to. Screens decide from it whether they must refresh (after a
save on this PC or rows pulled from the server), so nobody announces
changes by hand. Modelled on Anki's ``OpChanges`` / ``OpChangesWithId``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, Iterable, Mapping, TypeVar

T = TypeVar("T")

# what kind of data each synced table holds: screens usually care about a kind
KINDS = {
    "residents": "resident",
    "checkups": "clinical",
    "conditions": "clinical",
    "rehab_sessions": "clinical",
    "referrals": "clinical",
    "bhyt_cards": "resident",  # the histories belong to the resident's record
    "room_changes": "resident",
    "stays": "resident",
    "condition_status_changes": "clinical",
    "facility": "settings",
    "users": "users",
    "nursing_rounds": "rounds",
}
RECORD_TABLES = frozenset(t for t, kind in KINDS.items() if kind in ("resident", "clinical"))


@dataclass(frozen=True)
class Changes:
    """Rows written, as ``{table: ids}``, and the residents whose records they are part of."""

    rows: Mapping[str, frozenset[str]] = field(default_factory=dict)
    residents: frozenset[str] = frozenset()

    @classmethod
    def of(cls, table: str, *ids: str, residents: Iterable[str] = ()) -> "Changes":
        return cls({table: frozenset(ids)}, frozenset(residents))

    def __bool__(self) -> bool:
        return bool(self.rows)

    def __or__(self, other: "Changes") -> "Changes":
        rows = {t: frozenset(self.rows.get(t, ())) | frozenset(other.rows.get(t, ()))
                for t in {*self.rows, *other.rows}}
        return Changes(rows, self.residents | other.residents)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(KINDS.get(t, t) for t in self.rows)

    def touches(self, *tables: str) -> bool:
        return any(t in self.rows for t in tables)

    def ids(self, table: str) -> frozenset[str]:
        return frozenset(self.rows.get(table, ()))

    def touches_record(self, resident_id: str) -> bool:
        """Did any row of this resident's record (profile or clinical) change?"""
        return resident_id in self.residents


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """A use case's value and what it changed."""

    value: T
    changes: Changes


class ChangeSet:
    """Collects rows as they are written; ``freeze()`` gives the ``Changes``."""

    def __init__(self) -> None:
        self._rows: dict[str, set[str]] = {}
        self._residents: set[str] = set()

    def add(self, table: str, row_id: str, resident_id: str | None = None) -> None:
        self._rows.setdefault(table, set()).add(row_id)
        if resident_id:
            self._residents.add(resident_id)

    def update(self, other: "ChangeSet") -> None:
        for table, ids in other._rows.items():
            self._rows.setdefault(table, set()).update(ids)
        self._residents |= other._residents

    def __bool__(self) -> bool:
        return bool(self._rows)

    def freeze(self) -> Changes:
        return Changes({t: frozenset(ids) for t, ids in self._rows.items()}, frozenset(self._residents))
