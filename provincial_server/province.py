"""The province's view: totals over the facilities an officer governs,
broken down by facility type and governing body, against the targets, with
a trend and the facilities that need a call.

Totals are sums of each facility's own figures (``indicators.summary`` of
``care_core.domain.indicators.compute``): people are counted by the
facility that holds them, and a share's numerator and denominator are
added before dividing, so the province total of a share is the share of
all the province's residents, never an average of percentages.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import sqlalchemy as sa

from care_core.domain import indicators as ind
from care_core.domain.enums import FacilityType
from care_core.domain.governance import GoverningBody, governing_body
from care_core.domain.periods import Period, quarter

from .indicators import compute_for, entities_of, summary
from .jsontext import loads
from .officer_scope import Officer
from .tables import conflicts, devices, facilities, records, rejected_changes

STALE_DAYS = 14  # default: a facility silent for longer is flagged
PARKED_WINDOW_DAYS = 30  # refused changes this recent are flagged (the PC holds them parked)
TREND_QUARTERS = 6


@dataclass(frozen=True)
class FacilityInfo:
    code: str
    name: str
    province_code: int | None
    type: FacilityType | None  # None until the facility's settings have synced
    body: GoverningBody | None
    governing_text: str
    target_2025: float | None
    target_2030: float | None
    last_sync: datetime | None  # the latest push or pull of any of its devices
    parked: int  # changes refused in the last PARKED_WINDOW_DAYS
    open_conflicts: int


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def facility_infos(conn: sa.Connection, now: datetime | None = None) -> list[FacilityInfo]:
    now = now or datetime.now(timezone.utc)
    settings: dict[str, dict] = {}
    q = sa.select(records.c.facility_code, records.c.data).where(
        records.c.table_name == "facility", records.c.deleted == sa.false())
    for code, data in conn.execute(q):
        settings[code] = loads(data)
    seen: dict[str, str] = {}
    q = sa.select(devices.c.facility_code, devices.c.last_seen_at, devices.c.last_pull_at).where(
        devices.c.revoked_at.is_(None))
    for code, pushed, pulled in conn.execute(q):
        for text in (pushed, pulled):
            if text and (_moment(text) or datetime.min.replace(tzinfo=timezone.utc)) > (
                    _moment(seen.get(code)) or datetime.min.replace(tzinfo=timezone.utc)):
                seen[code] = text
    since = (now - timedelta(days=PARKED_WINDOW_DAYS)).isoformat(timespec="seconds")
    parked = dict(conn.execute(sa.select(rejected_changes.c.facility_code, sa.func.count())
                               .where(rejected_changes.c.received_at >= since)
                               .group_by(rejected_changes.c.facility_code)).all())
    open_ = dict(conn.execute(sa.select(conflicts.c.facility_code, sa.func.count())
                              .where(conflicts.c.resolved == sa.false()).group_by(conflicts.c.facility_code)).all())
    out = []
    for f in conn.execute(sa.select(facilities).order_by(facilities.c.code)):
        s = settings.get(f.code, {})
        try:
            ftype = FacilityType(s.get("type"))
        except ValueError:
            ftype = None
        text = s.get("governing_body") or ""
        out.append(FacilityInfo(
            f.code, s.get("name") or f.name, s.get("province_code") or f.province_code, ftype,
            governing_body(text, ftype) if ftype or text else None, text,
            s.get("provincial_target_2025"), s.get("provincial_target_2030"),
            _moment(seen.get(f.code)), int(parked.get(f.code, 0)), int(open_.get(f.code, 0))))
    return out


PULL_NOTE_SECONDS = 3600  # a pull is noted at most this often per device (one small write)


def note_pull(conn: sa.Connection, device_id: str, now: datetime | None = None) -> None:
    """Remember that a device pulled (it may have had nothing to push)."""
    now = now or datetime.now(timezone.utc)
    before = (now - timedelta(seconds=PULL_NOTE_SECONDS)).isoformat(timespec="seconds")
    conn.execute(devices.update().where(devices.c.id == device_id, sa.or_(
        devices.c.last_pull_at.is_(None), devices.c.last_pull_at < before)).values(
        last_pull_at=now.isoformat(timespec="seconds")))


def visible(conn: sa.Connection, officer: Officer, now: datetime | None = None) -> list[FacilityInfo]:
    return [f for f in facility_infos(conn, now) if officer.sees(f.body, f.type)]


# --- adding facilities up ----------------------------------------------------

def _is_share(value) -> bool:
    return isinstance(value, dict) and set(value) == {"numerator", "denominator", "value"}


def add_up(items: list[dict]) -> dict:
    """The sum of facility figures (``indicators.summary`` shapes): counts
    added, shares' parts added, chapters merged; ``partial`` if any is."""
    if not items:
        return {}
    out: dict = {}
    for key, first in items[0].items():
        values = [x[key] for x in items]
        if key == "by_chapter":
            merged: dict[str, list] = {}
            for rows in values:
                for row in rows:
                    merged.setdefault(row["chapter"], [row["name"], 0])[1] += row["residents"]
            order = {roman: i for i, (_, _, roman, _) in enumerate(ind.ICD10_CHAPTERS)}
            out[key] = [{"chapter": c, "name": n, "residents": k}
                        for c, (n, k) in sorted(merged.items(), key=lambda kv: order.get(kv[0], 99))]
        elif _is_share(first):
            out[key] = _share(sum(v["numerator"] for v in values), sum(v["denominator"] for v in values))
        elif isinstance(first, dict):
            out[key] = add_up(values)
        elif isinstance(first, bool):
            out[key] = any(values)
        elif isinstance(first, float):
            out[key] = round(sum(values), 1)
        else:
            out[key] = sum(values)
    return out


def _share(numerator: int, denominator: int) -> dict:
    return {"numerator": numerator, "denominator": denominator,
            "value": round(numerator / denominator, 4) if denominator else None}


def _common(values: list[float | None]) -> float | None:
    """The target most facilities recorded (they copy it from the province's plan)."""
    known = Counter(v for v in values if v is not None)
    return known.most_common(1)[0][0] if known else None


def _current_by_resident(checkups: list) -> dict[str, list]:
    """Current checkups (no voids, no superseded versions) by resident: what
    ``indicators.compute`` counts, for the trend's two shares only (the
    whole compute per quarter would be seven times the work)."""
    replaced = {c.supersedes_id for c in checkups if c.supersedes_id}
    out: dict[str, list] = {}
    for c in checkups:
        if not c.voided and c.id not in replaced:
            out.setdefault(c.resident_id, []).append(c)
    return out


def _milestone(rows: list[dict]) -> dict | None:
    parts = [r["milestone_2025"] for r in rows if r["milestone_2025"]]
    if not parts:
        return None
    return _share(sum(x["numerator"] for x in parts), sum(x["denominator"] for x in parts))


def trend_periods(end: date, count: int = TREND_QUARTERS) -> list[Period]:
    """The ``count`` quarters up to the one holding ``end``, oldest first."""
    y, q = end.year, (end.month - 1) // 3 + 1
    out = []
    for _ in range(count):
        out.append(quarter(y, q))
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    return out[::-1]


def dashboard(conn: sa.Connection, officer: Officer, period: Period, as_of: date,
              stale_days: int = STALE_DAYS, now: datetime | None = None) -> dict:
    """Everything the dashboard shows, for the facilities ``officer`` governs."""
    now = now or datetime.now(timezone.utc)
    end = min(as_of, period.end)
    infos = visible(conn, officer, now)
    trend = trend_periods(end)
    rows, milestones = [], []
    trend_parts = [[0, 0, 0, 0] for _ in trend]  # tracked num/den, checkups-12-months num/den
    for f in infos:
        e = entities_of(conn, f.code)
        result = compute_for(e, period, end)
        figures = summary(result)
        milestones.append(result.tracking.milestone_2025)
        by_resident = _current_by_resident(e["checkups"])
        for i, t in enumerate(trend):
            last = min(end, t.end)
            tracked = ind.tracked_share(e["residents"], by_resident, t.start, last)
            covered = ind.checkup_coverage(e["residents"], by_resident, t.start, last).in_12_months
            parts = trend_parts[i]
            parts[0] += tracked.numerator
            parts[1] += tracked.denominator
            parts[2] += covered.numerator
            parts[3] += covered.denominator
        silent = f.last_sync is None or now - f.last_sync > timedelta(days=stale_days)
        rows.append({"code": f.code, "name": f.name,
                     "type": str(f.type) if f.type else None, "body": str(f.body) if f.body else None,
                     "last_sync": f.last_sync.isoformat(timespec="seconds") if f.last_sync else None,
                     "days_silent": (now - f.last_sync).days if f.last_sync else None,
                     "stale": silent, "parked": f.parked, "open_conflicts": f.open_conflicts,
                     "figures": figures, "milestone_2025": _share(m.numerator, m.denominator) if (
                         m := result.tracking.milestone_2025) else None})
    all_figures = [r["figures"] for r in rows]
    milestone_parts = [m for m in milestones if m is not None]
    targets = {"province_2025": _common([f.target_2025 for f in infos]),
               "province_2030": _common([f.target_2030 for f in infos]),
               "national_2025": ind.NATIONAL_TARGET_2025, "national_2030": ind.NATIONAL_TARGET_2030}
    totals = add_up(all_figures)
    milestone = (_share(sum(m.numerator for m in milestone_parts), sum(m.denominator for m in milestone_parts))
                 if milestone_parts else None)
    return {
        "period": {"key": period.key(), "start": period.start.isoformat(), "end": period.end.isoformat(),
                   "title_vi": period.title("vi"), "title_en": period.title("en")},
        "as_of": end.isoformat(),
        "scope": {"officer": officer.username, "whole_province": officer.whole_province,
                  "governing_bodies": sorted(str(b) for b in officer.bodies),
                  "facility_types": sorted(str(t) for t in officer.types)},
        "stale_days": stale_days,
        "targets": targets,
        "totals": totals,
        "milestone_2025": milestone,
        "by_type": {str(t): add_up([r["figures"] for r in rows if r["type"] == str(t)])
                    for t in FacilityType if any(r["type"] == str(t) for r in rows)},
        "by_body": {str(b): add_up([r["figures"] for r in rows if r["body"] == str(b)])
                    for b in GoverningBody if any(r["body"] == str(b) for r in rows)},
        # the tracked share at 31/12/2025, per column of the totals (None: no data reaches that day)
        "milestones_2025": {
            "by_type": {str(t): _milestone([r for r in rows if r["type"] == str(t)]) for t in FacilityType
                        if any(r["type"] == str(t) for r in rows)},
            "by_body": {str(b): _milestone([r for r in rows if r["body"] == str(b)]) for b in GoverningBody
                        if any(r["body"] == str(b) for r in rows)}},
        "trend": [{"key": t.key(), "title_vi": t.title("vi"), "tracked": _share(a, b),
                   "checkup_coverage_12_months": _share(c, d)}
                  for t, (a, b, c, d) in zip(trend, trend_parts) if t.start <= end],
        "facilities": rows,
        "flagged": [r["code"] for r in rows if r["stale"] or r["parked"]],
    }
