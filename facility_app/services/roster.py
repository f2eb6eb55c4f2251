"""The resident list as the main window shows it: a few columns of every
resident, read in one lean query.

``ResidentService.list`` builds full ``Resident`` entities (every field,
enums converted), about 0.1 ms each; the list screen needs a dozen columns
for up to 10,000 residents at start-up, so it reads plain rows here
(including the folded name the store already keeps for search).

The rows are plain named tuples built from the driver's tuples
(``repositories.roster_rows``: no SQLAlchemy type processing, its date
parsing was half the read), dates parsed by ``date.fromisoformat``, the few
distinct group lists converted once each. 10,000 rows take some tens of
milliseconds.
"""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from care_core.domain.entities import Actor
from care_core.domain.enums import BeneficiaryGroup, Sex
from care_core.domain.permissions import Permission
from ..storage import repositories as repo
from .base import Service

_GROUPS = {g.value: g for g in BeneficiaryGroup}
_SEX = {"M": Sex.MALE, "F": Sex.FEMALE}


class RosterRow(NamedTuple):
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
            raw = repo.roster_rows(conn, resident_id)
        day = date.fromisoformat
        sexes = _SEX
        groups_of: dict[str, tuple[BeneficiaryGroup, ...]] = {}
        new = tuple.__new__
        out = []
        for (rid, code, name, folded, sex, born, groups, room, cccd, bhyt_to, admitted, left) in raw:
            kinds = groups_of.get(groups)
            if kinds is None:
                kinds = groups_of[groups] = tuple(_GROUPS[g] for g in groups.split(",") if g in _GROUPS)
            out.append(new(RosterRow, (rid, code, name, folded, sexes.get(sex, Sex.FEMALE), day(born), kinds,
                                       room or "", cccd or "", bhyt_to and day(bhyt_to), day(admitted),
                                       left and day(left))))
        return out
