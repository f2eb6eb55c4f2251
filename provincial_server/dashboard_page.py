"""The province dashboard as one Vietnamese HTML page: the totals matrix
(every indicator of the facility report, by type and governing body), the
targets, a trend chart drawn as inline SVG (no script: the page's CSP
forbids any), and one row per facility with its warnings."""
from __future__ import annotations

from datetime import date
from html import escape as esc

from care_core.domain.enums import FacilityType
from care_core.domain.governance import TYPE_NAMES_VI, GoverningBody
from care_core.domain.dates import dmy

from .pages import page

# (path in the figures, Vietnamese label, kind) - the facility report's indicators
INDICATORS: tuple[tuple[str, str, str], ...] = (
    ("residents_in_care", "Đối tượng đang nuôi dưỡng cuối kỳ (người)", "count"),
    ("residents_served", "Đối tượng được phục vụ trong kỳ (người)", "count"),
    ("admitted", "Tiếp nhận trong kỳ (lượt)", "count"),
    ("discharged", "Ra khỏi cơ sở trong kỳ (lượt)", "count"),
    ("deaths", "Tử vong trong kỳ (người)", "count"),
    ("tracked_electronically", "Được quản lý, theo dõi bằng hồ sơ điện tử", "share"),
    ("checkup_coverage_period", "Được khám sức khỏe định kỳ trong kỳ", "share"),
    ("checkup_coverage_12_months", "Được khám sức khỏe trong 12 tháng", "share"),
    ("chronic.residents_with_condition", "Mắc bệnh mạn tính (người)", "count"),
    ("chronic.under_follow_up", "Đang theo dõi, điều trị bệnh mạn tính (người)", "count"),
    ("rehab.residents", "Được phục hồi chức năng (người)", "count"),
    ("rehab.sessions", "Buổi phục hồi chức năng", "count"),
    ("rehab.hours", "Giờ phục hồi chức năng", "hours"),
    ("referrals.count", "Chuyển tuyến (lượt)", "count"),
    ("referrals.still_open", "Chuyển tuyến chưa có kết quả", "count"),
    ("insurance_valid", "Có thẻ BHYT còn hạn cuối kỳ", "share"),
    ("stays.people", "Người có lưu trú trong kỳ", "count"),
    ("stays.stays", "Lượt lưu trú trong kỳ", "count"),
    ("stays.bed_days", "Ngày lưu trú trong kỳ", "count"),
)
BODY_NAMES = {b: b.name_vi for b in GoverningBody}
TYPE_SHORT = {FacilityType.MERIT_CARE: "Người có công", FacilityType.SOCIAL_ASSISTANCE: "Trợ giúp xã hội",
              FacilityType.DRUG_REHAB: "Cai nghiện ma túy"}


def value_at(figures: dict, path: str):
    for part in path.split("."):
        if not isinstance(figures, dict) or part not in figures:
            return None
        figures = figures[part]
    return figures


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%".replace(".", ",")


def cell(value, kind: str) -> str:
    if value is None:
        return "–"
    if kind == "share":
        if value["value"] is None:
            return "–"
        return f"{pct(value['value'])} <small>({value['numerator']}/{value['denominator']})</small>"
    if kind == "hours":
        return esc(f"{value:.1f}".replace(".", ","))
    return esc(f"{value:,}".replace(",", "."))


def _matrix(data: dict) -> str:
    columns = [("Tổng", data["totals"])]
    columns += [(TYPE_NAMES_VI[FacilityType(t)], f) for t, f in data["by_type"].items()]
    columns += [(BODY_NAMES[GoverningBody(b)], f) for b, f in data["by_body"].items()]
    ms = data["milestones_2025"]
    milestones = ([data["milestone_2025"]] + [ms["by_type"][t] for t in data["by_type"]]
                  + [ms["by_body"][b] for b in data["by_body"]])
    head = "<tr><th>Chỉ tiêu</th>" + "".join(f"<th>{esc(name)}</th>" for name, _ in columns) + "</tr>"
    group = ('<tr><th></th><th class="total">Phạm vi xem</th>'
             + (f'<th colspan="{len(data["by_type"])}">Theo loại cơ sở</th>' if data["by_type"] else "")
             + (f'<th colspan="{len(data["by_body"])}">Theo cơ quan quản lý</th>' if data["by_body"] else "")
             + "</tr>")
    rows = []
    for path, label, kind in INDICATORS:
        cells = "".join(f'<td class="n">{cell(value_at(f, path), kind)}</td>' for _, f in columns)
        rows.append(f"<tr><th>{esc(label)}</th>{cells}</tr>")
    t = data["targets"]
    for label, target in ((f"So với chỉ tiêu của tỉnh đến 2030 ({pct(t['province_2030'])})", t["province_2030"]),
                          (f"So với chỉ tiêu quốc gia đến 2030 ({pct(t['national_2030'])})", t["national_2030"])):
        if target:
            cells = "".join(f'<td class="n">{_against(f.get("tracked_electronically"), target)}</td>'
                            for _, f in columns)
            rows.append(f"<tr><th>{esc(label)}</th>{cells}</tr>")
    target_2025 = t["province_2025"] if t["province_2025"] is not None else t["national_2025"]
    cells = "".join(f'<td class="n">{cell(m, "share") if m else "–"}<br>{_met(_reached(m, target_2025))}</td>'
                    for m in milestones)
    rows.append(f"<tr><th>{esc(f'Mốc 31/12/2025 (chỉ tiêu {pct(target_2025)})')}</th>{cells}</tr>")
    return f'<table class="matrix">{group}{head}{"".join(rows)}</table>'


def _against(share: dict | None, target: float) -> str:
    """How far along the target (share / target), and whether it is reached."""
    if not share or share["value"] is None:
        return "–"
    return f"{pct(share['value'] / target)}<br>{_met(_reached(share, target))}"


def _met(flag: bool | None) -> str:
    if flag is None:
        return '<span class="na">chưa đủ số liệu</span>'
    return '<span class="ok">đạt</span>' if flag else '<span class="bad">chưa đạt</span>'


def _reached(share: dict | None, target: float | None) -> bool | None:
    if share is None or share["value"] is None or target is None:
        return None
    return share["numerator"] >= target * share["denominator"] - 1e-9


def _targets(data: dict) -> str:
    t = data["targets"]
    share = data["totals"].get("tracked_electronically") if data["totals"] else None
    value = share["value"] if share else None
    milestone = data["milestone_2025"]
    lines = []
    for label, target in (("Chỉ tiêu của tỉnh đến 2025", t["province_2025"]),
                          ("Chỉ tiêu của tỉnh đến 2030", t["province_2030"]),
                          ("Chỉ tiêu quốc gia đến 2030 (QĐ 1942/QĐ-TTg)", t["national_2030"])):
        attain = "–" if value is None or not target else pct(value / target)
        lines.append(f"<tr><th>{esc(label)}</th><td class=\"n\">{pct(target)}</td>"
                     f"<td class=\"n\">{attain}</td><td>{_met(_reached(share, target))}</td></tr>")
    target_2025 = t["province_2025"] if t["province_2025"] is not None else t["national_2025"]
    whose = "của tỉnh" if t["province_2025"] is not None else "quốc gia"
    m_text = cell(milestone, "share") if milestone else "–"
    lines.append(f"<tr><th>Mốc 31/12/2025 (so với chỉ tiêu {whose} {pct(target_2025)})</th>"
                 f"<td class=\"n\">{m_text}</td><td></td><td>{_met(_reached(milestone, target_2025))}</td></tr>")
    return ("<table><tr><th>Tỷ lệ được quản lý, theo dõi bằng hồ sơ điện tử: "
            f"{pct(value)}</th><th>Chỉ tiêu</th><th>Mức đạt so với chỉ tiêu</th><th>Đánh giá</th></tr>"
            + "".join(lines) + "</table>")


def trend_svg(trend: list[dict], targets: dict, width: int = 640, height: int = 240) -> str:
    """Bars: share tracked electronically per quarter; a line: checkup
    coverage over 12 months; dashed: the 2030 targets. Presentation
    attributes only (the CSP allows no inline style)."""
    left, right, top, bottom = 44, 12, 14, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(len(trend), 1)
    slot = plot_w / n

    def y(v: float) -> float:
        return top + plot_h * (1 - max(0.0, min(v, 1.0)))

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="trend-title">'
             '<title id="trend-title">Xu hướng tỷ lệ theo dõi bằng hồ sơ điện tử và khám sức khỏe theo quý</title>']
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
                     'stroke="#ddd" stroke-width="1"/>')
        parts.append(f'<text x="{left - 4}" y="{y(tick) + 4:.1f}" font-size="11" text-anchor="end" '
                     f'fill="#444">{int(tick * 100)}%</text>')
    points = []
    for i, t in enumerate(trend):
        x0 = left + i * slot
        v = t["tracked"]["value"]
        if v is not None:
            parts.append(f'<rect x="{x0 + slot * 0.2:.1f}" y="{y(v):.1f}" width="{slot * 0.6:.1f}" '
                         f'height="{top + plot_h - y(v):.1f}" fill="#3b6ea5"><title>{esc(t["title_vi"])}: '
                         f'{pct(v)}</title></rect>')
            parts.append(f'<text x="{x0 + slot / 2:.1f}" y="{y(v) - 3:.1f}" font-size="11" text-anchor="middle" '
                         f'fill="#222">{pct(v)}</text>')
        c = t["checkup_coverage_12_months"]["value"]
        if c is not None:
            points.append(f"{x0 + slot / 2:.1f},{y(c):.1f}")
        parts.append(f'<text x="{x0 + slot / 2:.1f}" y="{height - bottom + 16}" font-size="11" '
                     f'text-anchor="middle" fill="#222">{esc(t["key"])}</text>')
    if len(points) > 1:
        parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#c0504d" stroke-width="2"/>')
    for p_ in points:
        cx, cy = p_.split(",")
        parts.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="#c0504d"/>')
    for target, colour in ((targets.get("national_2030"), "#2e7d32"), (targets.get("province_2030"), "#2e7d32")):
        if target is not None:
            parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(target):.1f}" y2="{y(target):.1f}" '
                         f'stroke="{colour}" stroke-width="1.5" stroke-dasharray="6 4"/>')
    legend_y = height - 8
    parts.append(f'<rect x="{left}" y="{legend_y - 9}" width="10" height="10" fill="#3b6ea5"/>'
                 f'<text x="{left + 14}" y="{legend_y}" font-size="11" fill="#222">Theo dõi bằng hồ sơ điện tử</text>'
                 f'<line x1="{left + 190}" x2="{left + 210}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
                 'stroke="#c0504d" stroke-width="2"/>'
                 f'<text x="{left + 214}" y="{legend_y}" font-size="11" fill="#222">Khám trong 12 tháng</text>'
                 f'<line x1="{left + 350}" x2="{left + 370}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
                 'stroke="#2e7d32" stroke-width="1.5" stroke-dasharray="6 4"/>'
                 f'<text x="{left + 374}" y="{legend_y}" font-size="11" fill="#222">Chỉ tiêu 2030</text>')
    parts.append("</svg>")
    return "".join(parts)


def _last_sync(row: dict) -> str:
    if row["last_sync"] is None:
        return "chưa đồng bộ lần nào"
    return dmy(date.fromisoformat(row["last_sync"][:10]))


def _facility_rows(data: dict) -> str:
    rows = []
    for r in data["facilities"]:
        f = r["figures"]
        warn = []
        if r["stale"]:
            silent = f"{r['days_silent']} ngày" if r["days_silent"] is not None else "chưa lần nào"
            warn.append(f"Không đồng bộ: {silent}")
        if r["parked"]:
            warn.append(f"{r['parked']} thay đổi bị từ chối")
        if r["open_conflicts"]:
            warn.append(f"{r['open_conflicts']} xung đột chưa xử lý")
        kind = TYPE_SHORT[FacilityType(r["type"])] if r["type"] else "chưa rõ"
        flag = ' class="flagged"' if r["stale"] or r["parked"] else ""
        rows.append(
            f"<tr{flag}><td class=\"c\"><a href=\"/facilities/{esc(r['code'])}\">{esc(r['code'])}</a></td><td>{esc(r['name'])}</td><td>{esc(kind)}</td>"
            f"<td>{esc(BODY_NAMES[GoverningBody(r['body'])] if r['body'] else '–')}</td>"
            f"<td class=\"n\">{cell(f['residents_in_care'], 'count')}</td>"
            f"<td class=\"n\">{cell(f['tracked_electronically'], 'share')}</td>"
            f"<td class=\"n\">{cell(f['checkup_coverage_12_months'], 'share')}</td>"
            f"<td class=\"n\">{cell(f['insurance_valid'], 'share')}</td>"
            f"<td class=\"c\">{esc(_last_sync(r))}</td><td>{esc('; '.join(warn))}</td></tr>")
    if not rows:
        rows.append('<tr><td colspan="10">Chưa có cơ sở nào trong phạm vi xem gửi dữ liệu.</td></tr>')
    head = ("<tr><th>Mã</th><th>Cơ sở</th><th>Loại</th><th>Cơ quan quản lý</th><th>Đang nuôi dưỡng</th>"
            "<th>Theo dõi bằng HSĐT</th><th>Khám trong 12 tháng</th><th>Thẻ BHYT còn hạn</th>"
            "<th>Đồng bộ lần cuối</th><th>Cảnh báo</th></tr>")
    return f"<table>{head}{''.join(rows)}</table>"


def render(data: dict, scope_vi: str) -> str:
    period = data["period"]
    as_of = date.fromisoformat(data["as_of"])
    flagged = [r for r in data["facilities"] if r["stale"] or r["parked"]]
    if flagged:
        items = "".join(f"<li>{esc(r['code'])} – {esc(r['name'])}: "
                        f"{esc('không đồng bộ quá ' + str(data['stale_days']) + ' ngày' if r['stale'] else '')}"
                        f"{esc('; ' if r['stale'] and r['parked'] else '')}"
                        f"{esc(str(r['parked']) + ' thay đổi bị từ chối' if r['parked'] else '')}</li>"
                        for r in flagged)
        alert = f'<div class="alert"><h2>Cơ sở cần liên hệ ({len(flagged)})</h2><ul>{items}</ul></div>'
    else:
        alert = '<p class="ok">Mọi cơ sở trong phạm vi xem đều đã đồng bộ gần đây.</p>'
    partial = " (kỳ chưa kết thúc)" if data["totals"].get("partial") else ""
    return page("Bảng điều khiển của tỉnh", f"""<h1>Chăm sóc sức khỏe tại các cơ sở chăm sóc người có công,
trợ giúp xã hội và cai nghiện ma túy</h1>
<p>{esc(period['title_vi'])}{esc(partial)}, số liệu đến ngày {esc(dmy(as_of))}. Phạm vi xem: {esc(scope_vi)};
{len(data['facilities'])} cơ sở.</p>
<form method="get" action="/indicators"><label>Kỳ báo cáo (ví dụ 2026, 2026-Q3, 2026-07):
<input name="period" value="{esc(period['key'])}"></label> <label>Cảnh báo khi không đồng bộ quá
<input name="stale_days" value="{data['stale_days']}" size="3"> ngày</label> <button type="submit">Xem</button></form>
{alert}
<h2>Tiến độ so với chỉ tiêu</h2>
{_targets(data)}
<h2>Xu hướng theo quý</h2>
{trend_svg(data['trend'], data['targets'])}
<h2>Tổng hợp chỉ tiêu</h2>
{_matrix(data) if data['facilities'] else '<p>Chưa có số liệu.</p>'}
<h2>Từng cơ sở</h2>
{_facility_rows(data)}
<p>Số liệu tính theo cùng định nghĩa với báo cáo định kỳ của cơ sở, từ dữ liệu đã đồng bộ lên máy chủ tỉnh;
số tổng là tổng số liệu của các cơ sở (tỷ lệ tính trên tổng tử số và tổng mẫu số).</p>
""")
