"""Resident-level data an officer may open, and the audit of every read.

Only officers with the "records" role open a facility's resident list, and
only for a facility in their scope; each read is written to
``officer_reads`` (who, when, which facility, what) in the same
transaction that reads, so there is no read without its trace. The list
holds what an inspection needs - code, name, birth year, admission, last
checkup - never notes, diagnoses or identity numbers.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

import sqlalchemy as sa

from .tables import officer_reads, records


def audit(conn: sa.Connection, officer: str, facility_code: str, what: str, detail: str = "") -> None:
    conn.execute(officer_reads.insert().values(
        at=datetime.now(timezone.utc).isoformat(timespec="seconds"), officer=officer[:100],
        facility_code=facility_code[:20], what=what[:40], detail=detail[:200]))


def resident_list(conn: sa.Connection, facility_code: str) -> list[dict]:
    """The facility's residents (not deleted) with their latest current checkup date."""
    q = sa.select(records.c.table_name, records.c.row_id, records.c.data).where(
        records.c.facility_code == facility_code, records.c.deleted == sa.false(),
        records.c.table_name.in_(("residents", "checkups")))
    residents, last = {}, {}
    for table, row_id, data in conn.execute(q):
        d = json.loads(data)
        if table == "residents":
            residents[row_id] = d
        elif not d.get("voided"):
            day = d.get("checkup_date") or ""
            rid = d.get("resident_id")
            if day > last.get(rid, ""):
                last[rid] = day
    out = []
    for row_id, d in residents.items():
        out.append({"code": d.get("code") or "", "full_name": d.get("full_name") or "",
                    "birth_year": (d.get("birth_date") or "")[:4], "admission_date": d.get("admission_date") or "",
                    "discharge_date": d.get("discharge_date") or "", "last_checkup": last.get(row_id, "")})
    return sorted(out, key=lambda r: (r["discharge_date"] != "", r["full_name"]))
