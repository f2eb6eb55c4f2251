"""What a provincial officer governs, and may see.

An officer is scoped to governing bodies (a Sở Nội vụ officer sees
merit-care centres only) or facility types, or to neither (the whole
province). Scope is a union: a facility is seen if its governing body *or*
its type is listed. The role says whether the officer may open
resident-level data at all ("records"); the default ("figures") sees
aggregates only. Facilities whose settings have not reached the server yet
have no known type, so only a whole-province officer sees them.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from care_core.domain.enums import FacilityType
from care_core.domain.governance import GoverningBody

from .tables import officers

ROLES = ("figures", "records")


class ScopeError(ValueError):
    """A scope or role that cannot be read; ``vi``/``en`` say why."""

    def __init__(self, vi: str, en: str):
        super().__init__(en)
        self.vi, self.en = vi, en


@dataclass(frozen=True)
class Officer:
    username: str
    bodies: frozenset[GoverningBody] = frozenset()
    types: frozenset[FacilityType] = frozenset()
    role: str = "figures"
    blind: bool = False  # a scope the server could not read sees nothing

    @property
    def whole_province(self) -> bool:
        return not self.bodies and not self.types

    @property
    def reads_records(self) -> bool:
        return self.role == "records"

    def sees(self, body: GoverningBody | None, facility_type: FacilityType | None) -> bool:
        if self.blind:
            return False
        return self.whole_province or body in self.bodies or facility_type in self.types

    def describe_vi(self) -> str:
        if self.whole_province:
            return "toàn tỉnh"
        parts = [b.name_vi for b in sorted(self.bodies)] + [str(t) for t in sorted(self.types)]
        return ", ".join(parts)


def parse_list(text: str | None, kind: type, what_vi: str, what_en: str) -> frozenset:
    items = [x.strip() for x in (text or "").split(",") if x.strip()]
    out = set()
    for item in items:
        try:
            out.add(kind(item))
        except ValueError:
            allowed = ", ".join(str(x) for x in kind)
            raise ScopeError(f"{what_vi} “{item}” không có; chọn trong: {allowed}.",
                             f"No {what_en} “{item}”; choose from: {allowed}.") from None
    return frozenset(out)


def parse_bodies(text: str | None) -> frozenset[GoverningBody]:
    return parse_list(text, GoverningBody, "Cơ quan quản lý", "governing body")


def parse_types(text: str | None) -> frozenset[FacilityType]:
    return parse_list(text, FacilityType, "Loại cơ sở", "facility type")


def check_role(role: str) -> str:
    if role not in ROLES:
        raise ScopeError(f"Vai trò “{role}” không có; chọn figures hoặc records.",
                         f"No role “{role}”; choose figures or records.")
    return role


def load(conn: sa.Connection, username: str) -> Officer | None:
    row = conn.execute(sa.select(officers.c.governing_bodies, officers.c.facility_types, officers.c.role)
                       .where(officers.c.username == username)).first()
    if row is None:
        return None
    try:
        return Officer(username, parse_bodies(row.governing_bodies), parse_types(row.facility_types),
                       row.role if row.role in ROLES else "figures")
    except ScopeError:  # a value written by hand into the database: see nothing rather than everything
        return Officer(username, blind=True)
