"""The periodic health report (báo cáo định kỳ) in the form Decree
30/2020/NĐ-CP sets for administrative documents.

Everything printed comes from one ``PeriodicIndicators`` object through
``tables.py`` (the same tables the CSV/XLSX exports write); the sentences
only restate those numbers.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, Table

from care_core.domain import divisions, report_form
from care_core.domain import indicators as ind
from care_core.domain.enums import HealthClass
from care_core.domain.dates import dmy, place_and_date
from ..services.reports import PeriodicReport
from . import charts, labels, layout, tables
from .layout import FRAME_WIDTH, Rule, Styles, gap, p
from .tables import fmt_int, fmt_num, fmt_pct

TITLE = "Tình hình chăm sóc sức khỏe đối tượng"


@dataclass
class PeriodicOptions:
    number: str | None = None  # the "12" of "Số: 12/BC-TTBTXH"; blank to fill in by hand
    notes: str = ""  # the director's remarks and proposals
    prepared_by: str = ""  # who compiled the figures (người lập biểu): a block of its own only when given
    drafter_unit: str = "YT"  # the drafting unit in "Lưu: VT, YT."


def report_place(report: PeriodicReport) -> str:
    f = report.facility
    return (f.report_place or "").strip() or divisions.short_province_name(f.province_code)


def _heading(st: Styles, report: PeriodicReport, options: PeriodicOptions) -> list:
    f = report.facility
    ix = report.indicators
    heading = report_form.keep_place_together(f.governing_body.upper())
    story = [layout.decree30_heading(st, heading, f.name, layout.number_line(options.number, f.report_symbol),
                                     place_and_date(report_place(report), report.issued_on)),
             gap(8), p("BÁO CÁO", st.title), p(f"{TITLE} {ix.period.phrase()}", st.title),
             Rule(40 * mm, above=4, below=4)]
    if ix.period.kind != "custom":
        span = f"Từ ngày {dmy(ix.period.start)} đến ngày {dmy(ix.period.end)}"
        story.append(p(f"({span}" + (f"; số liệu tính đến ngày {dmy(ix.as_of)})" if ix.partial else ")"),
                       st.subtitle))
    elif ix.partial:
        story.append(p(f"(Số liệu tính đến ngày {dmy(ix.as_of)})", st.subtitle))
    story.append(gap(4))
    story.append(p(opening(report), st.body))
    return story


def opening(report: PeriodicReport) -> str:
    """The legal basis, quoted exactly, then the province's plan when set."""
    f = report.facility
    plan = report_form.plan_phrase(f.plan_number, f.plan_date, f.plan_issuer)
    basis = f"Thực hiện {report_form.LEGAL_BASIS}" + (f"; {plan}" if plan else "")
    return (f"{basis}; căn cứ hồ sơ sức khỏe điện tử của đơn vị, {f.name} báo cáo tình hình chăm sóc sức khỏe "
            f"đối tượng {report.indicators.period.phrase()} như sau:")


def _tables(st: Styles, items: list[tables.ReportTable]) -> list:
    out = []
    for t in items:
        block = [p(t.title, st.table_title), layout.report_table(st, t)]
        if t.note:
            block.append(p(t.note, st.note))
        if len(t.rows) <= 12:
            out.append(KeepTogether(block))
        else:
            out += block
    return out


def _chart(drawing, title: Paragraph | None = None) -> KeepTogether:
    """A chart centred on the page with a little air around it, never
    parted from its title."""
    table = Table([[drawing]], colWidths=[FRAME_WIDTH])
    table.setStyle(layout.table_style([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("TOPPADDING", (0, 0), (-1, -1), 6),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return KeepTogether(([title] if title else []) + [table])


def _census(st: Styles, ix) -> list:
    c = ix.census.total
    end_word = "cuối kỳ" if not ix.partial else f"đến ngày {dmy(ix.as_of)}"
    text = (f"Đầu kỳ đơn vị quản lý {fmt_int(c.at_start)} đối tượng; trong kỳ tiếp nhận {fmt_int(c.admitted)} "
            f"đối tượng, {fmt_int(c.discharged)} đối tượng ra khỏi cơ sở (trong đó {fmt_int(c.deceased)} "
            f"tử vong); {end_word} còn {fmt_int(c.at_end)} đối tượng. Tổng số đối tượng được quản lý, chăm sóc "
            f"trong kỳ là {fmt_int(c.served)} người, trong đó {fmt_int(ix.census.by_age['80+'].served)} người "
            f"từ 80 tuổi trở lên.")
    groups = [(g, f.served) for g, f in ix.census.by_group.items() if f.served]
    story = [p(text, st.body)] + _tables(st, [tables.census_table(ix), tables.discharge_table(ix),
                                              tables.stays_table(ix)])
    if groups:
        story.append(_chart(charts.horizontal_bars(
            "Biểu đồ 1. Đối tượng được quản lý trong kỳ theo nhóm",
            [labels.GROUPS[g] for g, _ in groups], [n for _, n in groups], width=FRAME_WIDTH - 10 * mm)))
    return story


def _tracking(st: Styles, ix) -> list:
    t = ix.tracking
    s = t.share
    if not s.denominator:
        text = "Trong kỳ không có đối tượng được quản lý nên không tính được tỷ lệ quản lý bằng hồ sơ điện tử."
        return [p(text, st.body)] + _tables(st, tables.tracking_tables(ix))
    text = (f"Tỷ lệ đối tượng được quản lý, theo dõi bằng hồ sơ sức khỏe điện tử (mẫu số: {fmt_int(s.denominator)} "
            f"đối tượng được quản lý trong kỳ; tử số: những người trong số đó có ít nhất một lần khám ghi trong hồ sơ "
            f"điện tử trong 12 tháng tính đến ngày {dmy(ix.as_of)}) là {fmt_int(s.numerator)}/{fmt_int(s.denominator)}, "
            f"đạt {fmt_pct(s.value)}.")
    if s.value is not None:
        text += (f" So với mục tiêu năm 2030 (100%) của cả nước, đơn vị đạt {fmt_pct(s.attainment(t.national_2030))}"
                 f" mục tiêu; còn {fmt_int(t.untracked)} đối tượng chưa có lần khám nào trong 12 tháng.")
    m = t.milestone_2025
    if m is None:
        text += " Hồ sơ điện tử của đơn vị không có số liệu năm 2025 để đánh giá mốc năm 2025."
    else:
        verdict = "đã đạt" if m.met(t.national_2025) else "chưa đạt"
        same = (ix.period.start, ix.as_of) == (date(2025, 1, 1), ind.MILESTONE_2025)
        basis = ("cũng là tỷ lệ của kỳ này" if same else
                 f"cùng định nghĩa, mẫu số là {fmt_int(m.denominator)} đối tượng được quản lý trong năm 2025")
        text += (f" Mốc năm 2025 ({basis}): tại ngày 31/12/2025 tỷ lệ là {fmt_pct(m.value)} "
                 f"({fmt_int(m.numerator)}/{fmt_int(m.denominator)}), {verdict} mốc 80% của cả nước")
        if t.provincial_2025 is not None:
            verdict_p = "đạt" if m.met(t.provincial_2025) else "chưa đạt"
            text += f"; {verdict_p} chỉ tiêu {fmt_pct(t.provincial_2025)} của tỉnh"
        text += "."
    return [p(text, st.body)] + _tables(st, tables.tracking_tables(ix))


def _checkups(st: Styles, ix) -> list:
    k = ix.checkups
    cl = ix.classification
    text = "Cuối kỳ không có đối tượng đang quản lý." if not k.population else (
            f"Trong số {fmt_int(k.population)} đối tượng đang quản lý cuối kỳ, {fmt_int(k.in_period.numerator)} người "
            f"({fmt_pct(k.in_period.value)}) được khám định kỳ hoặc khám khi tiếp nhận trong kỳ; "
            f"{fmt_int(k.in_12_months.numerator)} người ({fmt_pct(k.in_12_months.value)}) được khám định kỳ hoặc "
            f"khám khi tiếp nhận trong 12 tháng gần nhất (khác tỷ lệ quản lý bằng hồ sơ điện tử ở mục II, tính trên "
            f"mọi lần khám của đối tượng được quản lý trong kỳ); {fmt_int(k.overdue.numerator)} người "
            f"({fmt_pct(k.overdue.value)}) quá hạn khám tại ngày {dmy(ix.as_of)}.")
    story = [p(text, st.body)] + _tables(st, [tables.checkup_table(ix), tables.classification_table(ix)])
    values = [cl.counts[h] for h in HealthClass] + [cl.unclassified]
    names = [f"Loại {h.roman}" for h in HealthClass] + ["Chưa PL"]
    if cl.population:
        story.append(_chart(charts.vertical_bars(
            "Biểu đồ 2. Phân loại sức khỏe của đối tượng (người)", names, values, width=FRAME_WIDTH - 30 * mm,
            bar_colors=[charts.DARK] * 5 + [charts.LIGHT])))
    return story


def _chronic(st: Styles, ix) -> list:
    ch = ix.chronic
    top = sorted(ch.rows, key=lambda r: (-r.residents, r.category))[:3]
    text = (f"Có {fmt_int(ch.residents_with_condition)} đối tượng mắc ít nhất một bệnh mạn tính; "
            f"{fmt_int(ch.under_follow_up)} người đang được theo dõi, điều trị "
            f"({fmt_int(ch.follow_up_active)} đang điều trị, {fmt_int(ch.follow_up_controlled)} ổn định).")
    if top:
        text += " Các nhóm bệnh nhiều nhất: " + "; ".join(
            f"{r.name.lower() if r.name else r.category} ({r.category}): {fmt_int(r.residents)} người" for r in top) + "."
    return [p(text, st.body)] + _tables(st, tables.chronic_tables(ix))


def _rehab(st: Styles, ix) -> list:
    rh = ix.rehab
    b = rh.barthel
    text = (f"Trong kỳ có {fmt_int(rh.residents)} đối tượng được phục hồi chức năng với {fmt_int(rh.sessions)} "
            f"lượt, tổng cộng {fmt_num(rh.hours)} giờ.")
    if b.assessed:
        text += (f" {fmt_int(b.assessed)} người được đánh giá chỉ số Barthel từ 2 lần trở lên: điểm trung bình "
                 f"thay đổi từ {fmt_num(b.mean_first)} lên {fmt_num(b.mean_last)} "
                 f"({fmt_num(b.mean_change, signed=True)} điểm); {fmt_int(b.improved)} người cải thiện, "
                 f"{fmt_int(b.unchanged)} không thay đổi, {fmt_int(b.worsened)} giảm.")
        text = text.replace(" lên ", " xuống ") if (b.mean_change or 0) < 0 else text
    story = [p(text, st.body)] + _tables(st, tables.rehab_tables(ix))
    if rh.by_type:
        story.append(_chart(charts.horizontal_bars(
            "Biểu đồ 3. Số giờ phục hồi chức năng theo loại hình",
            [labels.REHAB_TYPES[r.rehab_type] for r in rh.by_type], [r.hours for r in rh.by_type],
            width=FRAME_WIDTH - 10 * mm, value_format=lambda v: fmt_num(v, 1))))
    if b.assessed:
        half = (FRAME_WIDTH - 16 * mm) / 2
        means = charts.vertical_bars("Điểm Barthel trung bình", ["Lần đầu", "Lần cuối"],
                                     [b.mean_first, b.mean_last], width=half,
                                     value_format=lambda v: fmt_num(v, 1), bar_colors=[charts.MID, charts.DARK],
                                     value_max=100)
        change = charts.vertical_bars("Số người theo thay đổi", ["Cải thiện", "Không đổi", "Giảm"],
                                      [b.improved, b.unchanged, b.worsened], width=half,
                                      bar_colors=[charts.DARK, charts.LIGHT, charts.GREY])
        story.append(_chart(charts.side_by_side(means, change),
                            p("Biểu đồ 4. Thay đổi chỉ số Barthel trong kỳ", st.chart_title)))
    return story


def _referrals(st: Styles, ix) -> list:
    rf = ix.referrals
    ins = ix.insurance
    text = f"Trong kỳ đơn vị chuyển tuyến {fmt_int(rf.count)} lượt cho {fmt_int(rf.residents)} đối tượng; "
    when = "hiện" if ix.partial else "đến cuối kỳ"
    text += (f"{when} còn {fmt_int(rf.still_open)} lượt đang điều trị tại tuyến trên." if rf.still_open else
             f"{when} không còn lượt nào đang điều trị tại tuyến trên.")
    if ins.population:
        text += (f" {fmt_int(ins.valid)}/{fmt_int(ins.population)} đối tượng ({fmt_pct(ins.share.value)}) có thẻ "
                 f"bảo hiểm y tế còn giá trị sử dụng tại ngày {dmy(ix.as_of)}.")
    return [p(text, st.body)] + _tables(st, [tables.referral_table(ix), tables.insurance_table(ix)])


def _notes(st: Styles, notes: str) -> list:
    story = [p("VII. NHẬN XÉT, ĐỀ XUẤT, KIẾN NGHỊ", st.heading)]
    paragraphs = [line.strip() for line in (notes or "").replace("\r\n", "\n").split("\n") if line.strip()]
    if paragraphs:
        story += [p(line, st.body) for line in paragraphs]
    else:  # room to write by hand before signing
        dots = "." * int(FRAME_WIDTH / stringWidth(".", layout.FONT, layout.BODY_SIZE) - 1)
        story += [p(dots, st.body_left) for _ in range(4)]
    return story


def _closing(st: Styles, report: PeriodicReport, options: PeriodicOptions) -> list:
    """Nơi nhận bottom left; the signature block bottom right (GIÁM ĐỐC, or
    KT. GIÁM ĐỐC over PHÓ GIÁM ĐỐC, room to sign and seal, the signer's
    name); the compiler's block between them only when a compiler is named."""
    f = report.facility
    recipients = [r.strip() for r in (f.report_recipient or "").replace("\n", ";").split(";") if r.strip()]
    lines = [p("Nơi nhận:", st.small_bold_italic)]
    lines += [p(f"- {r};", st.small) for r in recipients]
    unit = (options.drafter_unit or "").strip()
    lines.append(p(f"- Lưu: VT{', ' + unit if unit else ''}.", st.small))
    center_bold = layout.style("sig", 13, layout.BOLD, layout.TA_CENTER, leading=16)
    signature = report_form.Signature(f.signature or report_form.Signature.DIRECTOR)
    signer = f.deputy_name if signature is report_form.Signature.DEPUTY else f.director_name
    director = [p(line, center_bold) for line in report_form.SIGNATURE_LINES[signature]]
    director += [gap(26), p((signer or "").strip(), center_bold)]
    if options.prepared_by.strip():
        preparer = [p("NGƯỜI LẬP BIỂU", center_bold), gap(26 + 5.6 * (len(director) - 3)),
                    p(options.prepared_by.strip(), center_bold)]
        row, widths = [lines, preparer, director], [58 * mm, 50 * mm, FRAME_WIDTH - 108 * mm]
    else:
        row, widths = [lines, director], [FRAME_WIDTH - 80 * mm, 80 * mm]
    table = Table([row], colWidths=widths)
    table.setStyle(layout.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (0, 0), 3)]))
    return [gap(6), table]


def story(report: PeriodicReport, options: PeriodicOptions) -> list:
    st = Styles()
    ix = report.indicators
    out = _heading(st, report, options)
    builders = [_census, _tracking, _checkups, _chronic, _rehab, _referrals]
    for (heading, _), build in zip(tables.sections(ix), builders):
        out.append(p(heading, st.heading))
        out += build(st, ix)
    notes = _notes(st, options.notes)
    # the signature never stands alone on a page: the notes (or their end) go with it
    tail = notes if len(notes) <= 8 else notes[-1:]
    out += notes[:len(notes) - len(tail)]
    out.append(KeepTogether(tail + _closing(st, report, options)))
    return out


def render(report: PeriodicReport, options: PeriodicOptions | None = None) -> bytes:
    """The report as PDF bytes (nothing written to disk here)."""
    options = options or PeriodicOptions()
    ix = report.indicators
    return layout.build(story(report, options), title=f"Báo cáo {TITLE.lower()} {ix.period.phrase()}",
                        author=report.facility.name, subject="Báo cáo định kỳ")

