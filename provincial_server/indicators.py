"""Province-wide figures per facility, from the synced rows.

Rows become the client's domain entities (``entities.to_entity``) and the
numbers come from ``care_core.domain.indicators.compute``: the same
definitions as the facility's own periodic report, so the province and the
facility cannot disagree. Deleted rows are left out; checkups and rehab
sessions pass whole (``compute`` drops voided and superseded ones itself).
"""
from __future__ import annotations

import html
import json
from datetime import date

import sqlalchemy as sa

from care_core.domain import indicators as ind
from care_core.domain.dates import dmy
from care_core.domain.periods import Period, parse_period, year

from .entities import Refusal, to_entity, today_in_vietnam
from .pages import page
from .tables import facilities, records

_TABLES = ("facility", "residents", "checkups", "conditions", "rehab_sessions", "referrals")


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
    e = _entities(conn, facility_code)
    settings = e["facility"][0] if e["facility"] else None
    end = min(as_of, period.end)
    result = ind.compute(period, end, e["residents"], e["checkups"], e["conditions"], e["rehab_sessions"],
                         e["referrals"], getattr(settings, "provincial_target_2025", None),
                         getattr(settings, "provincial_target_2030", None))
    return summary(result)


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
        "partial": result.partial,
    }


def province_figures(conn: sa.Connection, period_text: str | None = None, as_of: date | None = None) -> dict:
    """Every facility's figures for a period (default: this year so far).
    A period that cannot be read raises ``PeriodError`` (bilingual)."""
    as_of = as_of or today_in_vietnam()
    period = parse_period(period_text) if period_text else year(as_of.year)
    out = []
    for f in conn.execute(sa.select(facilities).order_by(facilities.c.code)):
        out.append({"code": f.code, "name": f.name, "province_code": f.province_code,
                    "server_seq": f.last_seq, **facility_figures(conn, f.code, period, as_of)})
    return {"period": {"start": period.start.isoformat(), "end": period.end.isoformat(),
                       "title_vi": period.title("vi"), "title_en": period.title("en")},
            "as_of": min(as_of, period.end).isoformat(), "facilities": out}


def _pct(share: dict) -> str:
    if share["value"] is None:
        return "–"
    return f"{share['value'] * 100:.1f}% ({share['numerator']}/{share['denominator']})".replace(".", ",", 1)


def render_html(figures: dict) -> str:
    """A plain Vietnamese page for the provincial officer."""
    esc = html.escape
    head = ("<tr><th>Mã cơ sở</th><th>Tên cơ sở</th><th>Đang nuôi dưỡng</th><th>Được quản lý, theo dõi "
            "bằng hồ sơ điện tử</th><th>Khám sức khỏe trong kỳ</th><th>Khám trong 12 tháng</th>"
            "<th>Mắc bệnh mạn tính</th><th>Được PHCN</th><th>Chuyển tuyến</th><th>Thẻ BHYT còn hạn</th></tr>")
    rows = []
    for f in figures["facilities"]:
        rows.append(
            f"<tr><td>{esc(f['code'])}</td><td>{esc(f['name'])}</td><td>{esc(str(f['residents_in_care']))}</td>"
            f"<td>{esc(_pct(f['tracked_electronically']))}</td><td>{esc(_pct(f['checkup_coverage_period']))}</td>"
            f"<td>{esc(_pct(f['checkup_coverage_12_months']))}</td>"
            f"<td>{esc(str(f['chronic']['residents_with_condition']))}</td>"
            f"<td>{esc(str(f['rehab']['residents']))}</td><td>{esc(str(f['referrals']['count']))}</td>"
            f"<td>{esc(_pct(f['insurance_valid']))}</td></tr>")
    if not rows:
        rows.append('<tr><td colspan="10">Chưa có cơ sở nào gửi dữ liệu.</td></tr>')
    period = figures["period"]
    as_of = date.fromisoformat(figures["as_of"])
    return page("Chỉ tiêu y tế các cơ sở", f"""<h1>Chỉ tiêu chăm sóc sức khỏe tại các cơ sở trợ giúp xã hội</h1>
<p>{esc(period['title_vi'])}, số liệu đến ngày {esc(dmy(as_of))}.</p>
<form method="get" action="/indicators"><label>Kỳ báo cáo (ví dụ 2026, 2026-Q3, 2026-07):
<input name="period" value=""></label> <button type="submit">Xem</button></form>
<table>{head}{''.join(rows)}</table>
<p>Số liệu tính theo cùng định nghĩa với báo cáo định kỳ của cơ sở, từ dữ liệu đã đồng bộ lên máy chủ tỉnh.</p>
""")
