"""Province-wide figures per facility, from the synced rows.

Rows become the client's domain entities (``entities.to_entity``) and the
numbers come from ``care_core.domain.indicators.compute``: the same
definitions as the facility's own periodic report, so the province and the
facility cannot disagree. Deleted rows are left out; checkups and rehab
sessions pass whole (``compute`` drops voided and superseded ones itself).
"""
from __future__ import annotations

import json
from datetime import date

import sqlalchemy as sa

from care_core.domain import history
from care_core.domain import indicators as ind
from care_core.domain.dates import dmy
from care_core.domain.periods import Period, parse_period, year

from .entities import Refusal, to_entity, today_in_vietnam
from .tables import facilities, records

_TABLES = ("facility", "residents", "checkups", "conditions", "rehab_sessions", "referrals", "bhyt_cards",
           "condition_status_changes", "stays")


def _entities(conn: sa.Connection, facility_code: str) -> dict[str, list]:
    out: dict[str, list] = {t: [] for t in _TABLES}
    q = sa.select(records.c.table_name, records.c.row_id, records.c.data).where(
        records.c.facility_code == facility_code, records.c.deleted == sa.false(),
        records.c.table_name.in_(_TABLES))
    for r in conn.execute(q):
        try:
            out[r.table_name].append(to_entity(r.table_name, {**json.loads(r.data), "id": r.row_id}))
        except (Refusal, TypeError, ValueError):
            continue  # a row that passed the rules when it arrived always converts; be safe anyway
    return out


def _share(s: ind.Share) -> dict:
    return {"numerator": s.numerator, "denominator": s.denominator,
            "value": None if s.value is None else round(s.value, 4)}


def facility_figures(conn: sa.Connection, facility_code: str, period: Period, as_of: date) -> dict:
    return summary(compute_for(_entities(conn, facility_code), period, as_of))


def entities_of(conn: sa.Connection, facility_code: str) -> dict[str, list]:
    """A facility's synced rows as domain entities, by table (read once, computed for many periods)."""
    return _entities(conn, facility_code)


def compute_for(e: dict[str, list], period: Period, as_of: date) -> ind.PeriodicIndicators:
    settings = e["facility"][0] if e["facility"] else None
    end = min(as_of, period.end)
    return ind.compute(period, end, e["residents"], e["checkups"], e["conditions"], e["rehab_sessions"],
                       e["referrals"], getattr(settings, "provincial_target_2025", None),
                       getattr(settings, "provincial_target_2030", None), cards=e["bhyt_cards"],
                       status_changes=e["condition_status_changes"], stays=e["stays"],
                       stay_kind=history.implied_stay_kind(getattr(settings, "type", None)))


def summary(result: ind.PeriodicIndicators) -> dict:
    """The figures the page, its JSON and the DHIS2 export show, by name."""
    chronic = result.chronic
    return {
        "residents_in_care": result.census.total.at_end,
        "residents_served": result.census.total.served,
        "admitted": result.census.total.admitted,
        "discharged": result.census.total.discharged,
        "deaths": result.census.deaths,
        "tracked_electronically": _share(result.tracking.share),
        "checkup_coverage_period": _share(result.checkups.in_period),
        "checkup_coverage_12_months": _share(result.checkups.in_12_months),
        "chronic": {"residents_with_condition": chronic.residents_with_condition,
                    "under_follow_up": chronic.under_follow_up,
                    "by_chapter": [{"chapter": c, "name": n, "residents": k} for c, n, k in chronic.by_chapter]},
        "rehab": {"residents": result.rehab.residents, "sessions": result.rehab.sessions,
                  "hours": round(result.rehab.hours, 1)},
        "referrals": {"count": result.referrals.count, "residents": result.referrals.residents,
                      "still_open": result.referrals.still_open},
        "insurance_valid": _share(result.insurance.share),
        "stays": _stays(result.stays),
        "partial": result.partial,
    }


def _stays(f: ind.StayFigures) -> dict:
    """People and stays (người, lượt) of the period, as the facility's Biểu 2a;
    counts only, so facilities add up (the average length is
    ``ended_stay_days / discharged``)."""
    return {"people": f.people, "stays": f.stays, "admitted": f.admitted, "discharged": f.discharged,
            "bed_days": f.bed_days, "ended_stay_days": f.ended_days}


def province_figures(conn: sa.Connection, period_text: str | None = None, as_of: date | None = None,
                     codes: set[str] | None = None) -> dict:
    """Every facility's figures for a period (default: this year so far);
    ``codes``: only these facilities (an officer's scope).
    A period that cannot be read raises ``PeriodError`` (bilingual)."""
    as_of = as_of or today_in_vietnam()
    period = parse_period(period_text) if period_text else year(as_of.year)
    out = []
    for f in conn.execute(sa.select(facilities).order_by(facilities.c.code)):
        if codes is not None and f.code not in codes:
            continue
        out.append({"code": f.code, "name": f.name, "province_code": f.province_code,
                    "server_seq": f.last_seq, **facility_figures(conn, f.code, period, as_of)})
    return {"period": {"start": period.start.isoformat(), "end": period.end.isoformat(),
                       "title_vi": period.title("vi"), "title_en": period.title("en")},
            "as_of": min(as_of, period.end).isoformat(), "facilities": out}
