"""A facility's records as one HL7 FHIR R4 Bundle, from the server's synced
rows (``provincial-server export fhir``): for handing a facility's
residents over to a system that reads FHIR, for instance when a centre
closes or merges.

The mapping is ``care_core.fhir``, the desktop's own, so a resident exported
from either end reads the same. Only current versions go (voided and
superseded checkups and rehab sessions are left out, as on the desktop);
deleted rows never reach ``indicators.entities_of``. An explicit action
only, and audited in ``officer_reads`` before the file is written.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

import sqlalchemy as sa

from care_core import fhir
from care_core.domain.entities import Checkup, Condition, Facility, Referral, RehabSession, Resident, Stay

from . import officer_reads
from .indicators import entities_of
from .tables import facilities


class ExportRefused(Exception):
    def __init__(self, vi: str, en: str):
        super().__init__(en)
        self.vi, self.en = vi, en


@dataclass
class ResidentRecord:  # the shape care_core.fhir.Record describes
    facility: Facility
    resident: Resident
    checkups: list[Checkup] = field(default_factory=list)
    conditions: list[Condition] = field(default_factory=list)
    rehab: list[RehabSession] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    stays: list[Stay] = field(default_factory=list)


def current(items: list) -> list:
    """Drop voids and the versions a later correction superseded."""
    replaced = {x.supersedes_id for x in items if x.supersedes_id}
    return [x for x in items if not x.voided and x.id not in replaced]


def records(conn: sa.Connection, facility_code: str, resident_code: str | None = None) -> list[ResidentRecord]:
    e = entities_of(conn, facility_code)
    if not e["facility"]:
        name = conn.execute(sa.select(facilities.c.name).where(facilities.c.code == facility_code)).scalar()
        if name is None:
            raise ExportRefused(f"Không có cơ sở {facility_code}.", f"No facility {facility_code}.")
        raise ExportRefused(f"Cơ sở {facility_code} chưa đồng bộ thông tin cơ sở lên máy chủ.",
                            f"Facility {facility_code} has not synced its settings yet.")
    facility = e["facility"][0]
    residents = e["residents"]
    if resident_code is not None:
        residents = [r for r in residents if r.code == resident_code]
        if not residents:
            raise ExportRefused(f"Cơ sở {facility_code} không có đối tượng mã {resident_code}.",
                                f"Facility {facility_code} has no resident {resident_code}.")
    by_id = {r.id: ResidentRecord(facility, r) for r in sorted(residents, key=lambda r: (r.code, r.id))}
    for c in sorted(current(e["checkups"]), key=lambda c: (c.checkup_date, c.id)):
        if c.resident_id in by_id:
            by_id[c.resident_id].checkups.append(c)
    for k in e["conditions"]:
        if k.resident_id in by_id:
            by_id[k.resident_id].conditions.append(k)
    for s in sorted(current(e["rehab_sessions"]), key=lambda s: (s.session_date, s.id)):
        if s.resident_id in by_id:
            by_id[s.resident_id].rehab.append(s)
    for f in e["referrals"]:
        if f.resident_id in by_id:
            by_id[f.resident_id].referrals.append(f)
    for st in sorted(e["stays"], key=lambda st: (st.admitted_on, st.id)):
        if st.resident_id in by_id:
            by_id[st.resident_id].stays.append(st)
    return list(by_id.values())


def bundle(items: list[ResidentRecord], now: datetime | None = None) -> dict:
    """One collection Bundle of every resident's resources (the facility's
    Organization once)."""
    now = now or datetime.now(timezone.utc)
    entries, seen = [], set()
    for record in items:
        for entry in fhir.bundle(record, now)["entry"]:
            if entry["fullUrl"] not in seen:
                seen.add(entry["fullUrl"])
                entries.append(entry)
    return {"resourceType": "Bundle", "type": "collection", "timestamp": now.isoformat(timespec="seconds"),
            "entry": entries}


def export(conn: sa.Connection, by: str, facility_code: str, resident_code: str | None = None) -> dict:
    """The bundle, with its audit row written in the caller's transaction."""
    items = records(conn, facility_code, resident_code)
    officer_reads.audit(conn, by, facility_code, "fhir-export",
                        f"resident {resident_code}" if resident_code else f"{len(items)} residents")
    return bundle(items)
