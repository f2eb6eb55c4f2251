"""One resident's health book (sổ theo dõi sức khỏe): identity, groups,
insurance, chronic conditions, every checkup, vital-sign trends,
rehabilitation with the Barthel trend, referrals.

Each page's footer names the resident and code, so a loose page finds its
book again.
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Table, TableStyle

from care_core import fields
from care_core.domain import divisions, icd10, norms, report_form, vocabulary
from care_core.domain.numbers import fmt
from care_core.domain.enums import ScreeningResult
from care_core.domain.dates import dmy
from ..services.reports import HealthBook
from . import charts, labels, layout
from .layout import FRAME_WIDTH, Rule, Styles, gap, p
from .tables import fmt_int, fmt_num

def _heading_of(text: str) -> list:
    """A section heading that starts a new page when less than 35 mm is
    left, without dragging a long table along (keepWithNext would)."""
    return [CondPageBreak(35 * mm), p(text, _SECTION)]


_SECTION = layout.style("book-section", 13, layout.BOLD, layout.TA_LEFT, before=8, after=4)
_STAYS = layout.style("book-stays", 11, layout.BOLD, layout.TA_LEFT, before=6, after=3)
_NOTE = layout.style("book-note", 9.5, layout.ITALIC, layout.TA_LEFT, before=2)
_MARK_COLOUR = colors.Color(0.55, 0, 0.1)  # dark red: still reads as black on a grey printer
# health-book checkup columns marked when outside the normal band
_MARKED_COLUMNS = ((2, ("systolic", "diastolic")), (3, ("pulse",)), (4, ("temperature",)), (5, ("spo2",)),
                   (8, ("glucose",)))
_BMI_COLUMN = 7  # marked by age and sex (norms.bmi_flag)


def _unit(name: str) -> str:
    return fields.vital(name).unit_text("vi")


def _head(name: str, caption: str = "", unit: bool = True) -> str:
    """A checkup column's heading: the field table's label (or ``caption``) over its unit."""
    text = caption or fields.vital(name).text_label("vi")
    return f"{text}<br/>({_unit(name)})" if unit else text


def _d(day) -> str:
    return dmy(day) if day else ""


def _n(value, decimals: int = 0) -> str:
    return "" if value is None else fmt_num(value, decimals)


def _heading(st: Styles, book: HealthBook) -> list:
    f, r = book.facility, book.resident
    gov = layout.style("gov", 12, layout.FONT, layout.TA_CENTER, leading=14)
    fac = layout.style("fac", 12, layout.BOLD, layout.TA_CENTER, leading=14)
    heading = report_form.keep_place_together(f.governing_body.upper())
    left = ([p(heading, gov)] if f.governing_body else []) + [p(f.name.upper(), fac), Rule(25 * mm)]
    right = [p(f"Mã đối tượng: {r.code}", layout.style("code", 12, layout.BOLD, layout.TA_RIGHT)),
             p(f"Ngày in: {dmy(book.issued_on)}", layout.style("printed", 11, layout.ITALIC, layout.TA_RIGHT))]
    head = Table([[left, right]], colWidths=[75 * mm, FRAME_WIDTH - 75 * mm])
    head.setStyle(layout.table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (0, 0), "CENTER"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    big = layout.style("book-title", 18, layout.BOLD, layout.TA_CENTER, leading=22)
    name = layout.style("book-name", 15, layout.BOLD, layout.TA_CENTER, leading=19)
    return [head, gap(8), p("SỔ THEO DÕI SỨC KHỎE", big), gap(1), p(r.full_name.upper(), name), gap(5)]


def _identity(st: Styles, book: HealthBook) -> list:
    r = book.resident
    today = book.issued_on
    age_day = r.discharge_date or today
    groups = ", ".join(labels.GROUPS[g] for g in r.groups)
    disability = ""
    if r.disability_type:
        disability = labels.DISABILITY_TYPES[r.disability_type]
        if r.disability_severity:
            disability += f", mức độ {labels.DISABILITY_SEVERITY[r.disability_severity].lower()}"
    if r.bhyt_number:
        bhyt = r.bhyt_number
        if r.bhyt_valid_from and r.bhyt_valid_to:
            bhyt += f" (từ {_d(r.bhyt_valid_from)} đến {_d(r.bhyt_valid_to)})"
        elif r.bhyt_valid_to:
            bhyt += f" (hạn đến {_d(r.bhyt_valid_to)})"
        else:
            bhyt += " (chưa ghi hạn sử dụng)"
        if r.bhyt_valid_to and r.bhyt_valid_to < today:
            bhyt += " – đã hết hạn"
    else:
        bhyt = "Chưa có"
    address = ", ".join(x for x in (r.address_detail, divisions.ward_name(r.ward_code),
                                    divisions.province_name(r.province_code)) if x)
    kin = " – ".join(x for x in (r.next_of_kin_name, r.next_of_kin_relation, r.next_of_kin_phone) if x)
    stay = _stay_text(r.admission_date, r.discharge_date, r.discharge_reason)
    if len(book.stays) > 1:
        stay = f"{len(book.stays)} lượt (bảng dưới); lượt gần nhất: {stay[0].lower()}{stay[1:]}"
    rows = [
        ["Họ và tên", r.full_name, "Giới tính", labels.SEX[r.sex]],
        ["Ngày sinh", f"{dmy(r.birth_date)} ({r.age_on(age_day)} tuổi)", "Số CCCD", r.cccd or "Chưa có"],
        ["Nhóm đối tượng", groups, "Phòng", r.room],
        ["Thẻ BHYT", bhyt, "Khuyết tật", disability or "Không"],
        ["Thời gian ở cơ sở", stay, "Người thân", kin],
        ["Địa chỉ", address or r.old_address, "Địa chỉ cũ", r.old_address if address else ""],
    ]
    table = layout.simple_table(st, rows, [31, 60, 24, 50], header=False, bold_cols=frozenset({0, 2}))
    return [*_heading_of("1. THÔNG TIN CHUNG"), table, *_stays(st, book)]


def _stay_text(admitted, discharged, reason) -> str:
    text = f"Tiếp nhận ngày {dmy(admitted)}"
    if discharged:
        text += f"; ra khỏi cơ sở ngày {dmy(discharged)}"
        if reason:
            text += f" ({labels.DISCHARGE[reason].lower()})"
    return text


def _stays(st: Styles, book: HealthBook) -> list:
    """Every stay of a person who came back: a checkup of an earlier stay
    reads with its own stay's dates, not the latest one's."""
    if len(book.stays) < 2:
        return []
    rows = [["Lượt", "Hình thức", "Ngày vào", "Ngày ra", "Lý do ra", "Quyết định, thời hạn"]]
    for n, s in enumerate(book.stays, 1):
        decision = s.decision_number
        if s.term_months:
            decision = f"{decision}, {s.term_months} tháng" if decision else f"{s.term_months} tháng"
        rows.append([str(n), labels.STAY_KINDS[s.kind], _d(s.admitted_on), _d(s.discharged_on) or "Đang ở",
                     labels.DISCHARGE[s.discharge_reason] if s.discharge_reason else "", decision])
    return [p("Các lượt ở cơ sở", _STAYS), layout.simple_table(st, rows, [11, 52, 21, 21, 34, 26])]


def _conditions(st: Styles, book: HealthBook) -> list:
    story = [*_heading_of("2. BỆNH MẠN TÍNH")]
    if not book.conditions:
        return story + [p("Chưa ghi nhận bệnh mạn tính.", st.body_left)]
    rows = [["Mã ICD-10", "Tên bệnh", "Ngày phát hiện", "Tình trạng", "Theo dõi", "Ghi chú"]]
    for c in book.conditions:
        code = icd10.lookup(c.icd10)
        follow = f"{c.follow_up_days} ngày/lần" if c.follow_up_days else ""
        rows.append([c.icd10, code.name("vi") if code else "", _d(c.onset_date),
                     labels.CONDITION_STATUS[c.status], follow, c.note])
    return story + [layout.simple_table(st, rows, [18, 55, 22, 22, 24, 24])]


def _checkups(st: Styles, book: HealthBook) -> list:
    story = [*_heading_of("3. CÁC LẦN KHÁM SỨC KHỎE")]
    if not book.checkups:
        return story + [p("Chưa có lần khám nào được ghi trong hồ sơ.", st.body_left)]
    head = ["Ngày khám", "Loại", _head("systolic", "Huyết áp"), _head("pulse", unit=False), _head("temperature"),
            _head("spo2"), _head("weight_kg"), _head("bmi", unit=False), _head("glucose"), "Phân loại",
            "Kết luận, người khám"]
    rows = [head]
    marked = []  # (column, row) of values outside the normal band for the age that day
    for c in book.checkups:
        v = c.vitals
        r = book.resident
        months = norms.age_in_months(r.birth_date, c.checkup_date)
        for column, names in _MARKED_COLUMNS:
            if any(norms.abnormal(n, getattr(v, n), months) for n in names):
                marked.append((column, len(rows)))
        if norms.bmi_flag(r.sex, r.birth_date, c.checkup_date, v.weight_kg, v.height_cm):
            marked.append((_BMI_COLUMN, len(rows)))
        bp = f"{v.systolic}/{v.diastolic}" if v.systolic and v.diastolic else ""
        findings = c.findings
        if c.screening:
            findings = f"Sàng lọc: {vocabulary.label(ScreeningResult(c.screening)).lower()}" + (" (cách ly)" if c.isolation else "") + \
                       (f". {findings}" if findings else "")
        if c.examiner:
            findings += f" – {c.examiner}" if findings else c.examiner
        rows.append([_d(c.checkup_date), labels.CHECKUP_KINDS[c.kind].replace("Khám ", "").capitalize(), bp,
                     *(_n(getattr(v, name), fields.vital(name).decimals)
                       for name in ("pulse", "temperature", "spo2", "weight_kg", "bmi", "glucose")),
                     c.classification.roman if c.classification else "", findings])
    widths = [17, 15, 15, 11, 12, 11, 13, 10, 16, 11, 34]
    table = layout.simple_table(st, rows, widths, right_cols=frozenset(range(2, 9)), size=9.5)
    table.setStyle(TableStyle([cmd for cell in marked for cmd in (
        ("FONT", cell, cell, layout.BOLD, 9.5), ("TEXTCOLOR", cell, cell, _MARK_COLOUR))]))
    story.append(table)
    if marked:
        story.append(p("Số in đậm: ngoài khoảng bình thường theo tuổi của đối tượng vào ngày khám.", _NOTE))
    return story


def _normal(name: str, months: int | None, caption: str) -> list[tuple[float, float, str]]:
    """The shaded normal band of a chart, or none (a child's BMI)."""
    band = norms.band(name, months)
    if band is None or band.low is None or band.high is None:
        return []
    return [(band.low, band.high, f"{caption} {fmt(band.low, 'vi')}–{fmt(band.high, 'vi')}")]


def _trends(st: Styles, book: HealthBook) -> list:
    cs = book.checkups
    months = norms.age_in_months(book.resident.birth_date, cs[-1].checkup_date) if cs else None
    sys_ = [(c.checkup_date, c.vitals.systolic) for c in cs if c.vitals.systolic]
    dia = [(c.checkup_date, c.vitals.diastolic) for c in cs if c.vitals.diastolic]
    weight = [(c.checkup_date, c.vitals.weight_kg) for c in cs if c.vitals.weight_kg]
    bmi = [(c.checkup_date, c.vitals.bmi) for c in cs if c.vitals.bmi]
    glucose = [(c.checkup_date, c.vitals.glucose) for c in cs if c.vitals.glucose]
    story = [*_heading_of("4. DIỄN BIẾN CÁC CHỈ SỐ SINH TỒN")]
    if not (sys_ or weight or glucose):
        return story + [p("Chưa có số đo để vẽ biểu đồ.", st.body_left)]
    half = (FRAME_WIDTH - 6 * mm) / 2
    bp_normal = (_normal("systolic", months, "tâm thu bình thường")
                 + _normal("diastolic", months, "tâm trương bình thường"))
    story.append(KeepTogether([charts.trend("Huyết áp", [("Tâm thu", sys_), ("Tâm trương", dia)], width=FRAME_WIDTH,
                                            unit=_unit("systolic"), normal=bp_normal)]))
    story.append(gap(3))
    story.append(charts.side_by_side(charts.trend("Cân nặng", [("Cân nặng", weight)], width=half, unit=_unit("weight_kg"), decimals=0),
                                     charts.trend("Chỉ số BMI", [("BMI", bmi)], width=half, decimals=1,
                                                  normal=_normal("bmi", months, "bình thường"))))
    if bmi and norms.age_group(months) != norms.ADULT:
        story.append(p("Dưới 18 tuổi: không đánh giá BMI theo ngưỡng của người lớn. Dưới 5 tuổi, BMI được so với "
                       "chuẩn tăng trưởng WHO 2006 theo tuổi và giới (in đậm khi điểm z dưới −2 hoặc trên +2); "
                       "từ 5 đến dưới 18 tuổi, sổ không đánh giá BMI.", _NOTE))
    story.append(gap(3))
    story.append(charts.trend("Đường huyết", [("Đường huyết", glucose)], width=FRAME_WIDTH, unit=_unit("glucose"),
                              decimals=1, normal=_normal("glucose", months, "lúc đói bình thường")))
    if cs:
        story.append(p("Vùng tô nhạt: khoảng bình thường theo tuổi của đối tượng vào lần khám gần nhất.", _NOTE))
    return story


def _rehab(st: Styles, book: HealthBook) -> list:
    story = [*_heading_of("5. PHỤC HỒI CHỨC NĂNG")]
    rh = book.rehab_summary
    if not rh.sessions:
        return story + [p("Chưa tham gia phục hồi chức năng.", st.body_left)]
    rows = [["Loại hình", "Số buổi", "Số giờ", "Từ ngày", "Đến ngày"]]
    for row in rh.by_type:
        dates = [s.session_date for s in book.rehab if s.rehab_type == row.rehab_type]
        rows.append([labels.REHAB_TYPES[row.rehab_type], fmt_int(row.sessions), fmt_num(row.hours),
                     _d(min(dates)), _d(max(dates))])
    rows.append(["Tổng cộng", fmt_int(rh.sessions), fmt_num(rh.hours), _d(min(s.session_date for s in book.rehab)),
                 _d(max(s.session_date for s in book.rehab))])
    story.append(layout.simple_table(st, rows, [65, 22, 22, 28, 28], right_cols=frozenset({1, 2})))
    scores = [(s.session_date, s.barthel) for s in book.rehab if s.barthel is not None]
    b = rh.barthel
    if b.assessed:
        story.append(p(f"Chỉ số Barthel: lần đầu {fmt_num(b.mean_first, 0)} điểm, lần gần nhất "
                       f"{fmt_num(b.mean_last, 0)} điểm (thay đổi {fmt_num(b.mean_change, 0, signed=True)} điểm).",
                       st.body_left))
    if scores:
        story.append(gap(2))
        story.append(charts.trend("Chỉ số Barthel", [("Barthel (0–100)", scores)], width=FRAME_WIDTH, height=50 * mm,
                                   y_range=(0, 100)))
    return story


def _referrals(st: Styles, book: HealthBook) -> list:
    story = [*_heading_of("6. CHUYỂN TUYẾN")]
    if not book.referrals:
        return story + [p("Chưa có lượt chuyển tuyến.", st.body_left)]
    rows = [["Ngày chuyển", "Nơi chuyển đến", "Lý do, chẩn đoán", "Kết quả", "Ngày trở về"]]
    for x in book.referrals:
        reason = x.reason + (f" ({x.icd10})" if x.icd10 else "")
        outcome = labels.REFERRAL_OUTCOMES[x.outcome] + (f". {x.outcome_note}" if x.outcome_note else "")
        rows.append([_d(x.referral_date), x.hospital, reason, outcome, _d(x.return_date)])
    return story + [layout.simple_table(st, rows, [22, 40, 45, 36, 22])]


def story(book: HealthBook) -> list:
    st = Styles()
    out = _heading(st, book)
    for part in (_identity, _conditions, _checkups, _trends, _rehab, _referrals):
        out += part(st, book)
    return out


def render(book: HealthBook) -> bytes:
    r = book.resident
    return layout.build(story(book), title=f"Sổ theo dõi sức khỏe – {r.full_name}", author=book.facility.name,
                        subject="Sổ theo dõi sức khỏe", footer_note=f"{r.full_name} – {r.code}")
