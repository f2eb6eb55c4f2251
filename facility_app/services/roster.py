"""The resident list as the main window shows it: a few columns of every
resident, read in one lean query.

``ResidentService.list`` builds full ``Resident`` entities (every field,
enums converted), about 0.1 ms each; the list screen needs a dozen columns
for up to 10,000 residents at start-up, so it reads plain rows here
(including the folded name the store already keeps for search).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from care_core.domain.entities import Actor
from care_core.domain.enums import BeneficiaryGroup, Sex
from care_core.domain.permissions import Permission
from ..storage import repositories as repo
from .base import Service

_GROUPS = {g.value: g for g in BeneficiaryGroup}


@dataclass(frozen=True, slots=True)
class RosterRow:
    id: str
    code: str
    full_name: str
    name_folded: str
    sex: Sex
    birth_date: date
    groups: tuple[BeneficiaryGroup, ...]
    room: str
    cccd: str
    bhyt_valid_to: date | None
    admission_date: date
    discharge_date: date | None

    @property
    def present(self) -> bool:
        return self.discharge_date is None


class RosterService(Service):
    def rows(self, actor: Actor) -> list[RosterRow]:
        self.require(actor, Permission.READ_RECORDS)
        return self._read()

    def row(self, actor: Actor, resident_id: str) -> RosterRow | None:
        """One resident's row (after an admission or an edit)."""
        self.require(actor, Permission.READ_RECORDS)
        found = self._read(resident_id)
        return found[0] if found else None

    def _read(self, resident_id: str | None = None) -> list[RosterRow]:
        with self.store.read() as conn:
            result = repo.roster_rows(conn, resident_id)
        male, female = Sex.MALE, Sex.FEMALE
        return [RosterRow(r.id, r.code, r.full_name, r.name_folded, male if r.sex == "M" else female, r.birth_date,
                          tuple(_GROUPS[g] for g in r.groups.split(",") if g in _GROUPS), r.room or "", r.cccd or "",
                          r.bhyt_valid_to, r.admission_date, r.discharge_date)
                for r in result]
