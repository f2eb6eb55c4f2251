"""The periodic report's tables, made once from the indicator object.

The PDF lays these tables out and the CSV/XLSX exports write them, cell by
cell, so the numbers agree by construction. Cells are typed (int, ``Pct``,
``Num``, str, None) so the PDF and CSV print Vietnamese number formats
(``1.234``, ``85,7%``) while the XLSX keeps real numbers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

from care_core.domain import indicators as ind
from care_core.domain import numbers
from care_core.domain.enums import DischargeReason, HealthClass
from care_core.domain.dates import dmy
from . import labels


@dataclass(frozen=True)
class Pct:
    """A share 0..1, printed as a percentage with one decimal."""

    value: float | None


@dataclass(frozen=True)
class Num:
    value: float | None
    decimals: int = 1
    signed: bool = False


Cell = Union[int, Pct, Num, str, None]


def fmt_int(n: int) -> str:
    return numbers.fmt(n, "vi", 0, grouping=True)


def fmt_num(x: float | None, decimals: int = 1, signed: bool = False) -> str:
    return numbers.fmt(x, "vi", decimals, fixed=True, grouping=True, signed=signed, blank="–")


def fmt_pct(x: float | None) -> str:
    return "–" if x is None else fmt_num(100 * x, 1) + "%"


def text(cell: Cell) -> str:
    """How a cell prints (PDF and CSV alike)."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "Có" if cell else "Không"
    if isinstance(cell, int):
        return fmt_int(cell)
    if isinstance(cell, Pct):
        return fmt_pct(cell.value)
    if isinstance(cell, Num):
        return fmt_num(cell.value, cell.decimals, cell.signed)
    return str(cell)


@dataclass
class ReportTable:
    key: str  # stable name (XLSX sheet, tests)
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    widths: list[float]  # relative column widths
    strong: set[int] = field(default_factory=set)  # row indexes printed bold (totals, chapters)
    note: str = ""

    def as_text(self) -> list[list[str]]:
        return [[text(c) for c in row] for row in self.rows]


def _flow_row(no: str, label: str, f: ind.Flow) -> list[Cell]:
    return [no, label, f.at_start, f.admitted, f.discharged, f.deceased, f.at_end, f.served]


def census_table(ix: ind.PeriodicIndicators) -> ReportTable:
    c = ix.census
    rows: list[list[Cell]] = [_flow_row("1", "Tổng số đối tượng", c.total)]
    strong = {0}
    rows.append(["2", "Chia theo nhóm đối tượng (¹)", None, None, None, None, None, None])
    strong.add(len(rows) - 1)
    for i, (g, f) in enumerate(c.by_group.items(), 1):
        rows.append(_flow_row(f"2.{i}", labels.GROUPS[g], f))
    rows.append(["3", "Chia theo giới tính", None, None, None, None, None, None])
    strong.add(len(rows) - 1)
    for i, (s, f) in enumerate(c.by_sex.items(), 1):
        rows.append(_flow_row(f"3.{i}", labels.SEX[s], f))
    rows.append(["4", "Chia theo độ tuổi (²)", None, None, None, None, None, None])
    strong.add(len(rows) - 1)
    for i, (band, f) in enumerate(c.by_age.items(), 1):
        rows.append(_flow_row(f"4.{i}", labels.AGE_BANDS[band], f))
    return ReportTable(
        "census", "Biểu 1. Số đối tượng trong kỳ",
        ["TT", "Chỉ tiêu", "Đầu kỳ", "Tiếp nhận", "Ra khỏi cơ sở", "Trong đó tử vong", "Cuối kỳ",
         "Được quản lý trong kỳ"],
        rows, [9, 52, 16, 17, 17, 17, 16, 21], strong,
        "(¹) Một đối tượng có thể thuộc nhiều nhóm. (²) Tuổi tính đến cuối kỳ, hoặc đến ngày ra khỏi "
        "cơ sở. Đầu kỳ + Tiếp nhận − Ra khỏi cơ sở = Cuối kỳ.")


def discharge_table(ix: ind.PeriodicIndicators) -> ReportTable:
    c = ix.census
    rows: list[list[Cell]] = [[labels.DISCHARGE[r], c.discharged_by_reason[r]] for r in DischargeReason]
    rows.append(["Tổng số ra khỏi cơ sở", c.total.discharged])
    return ReportTable("discharges", "Biểu 2. Đối tượng ra khỏi cơ sở theo lý do",
                       ["Lý do", "Số người"], rows, [120, 45], {len(rows) - 1})


def stays_table(ix: ind.PeriodicIndicators) -> ReportTable:
    """People and stays (người, lượt): a person may come several times."""
    f = ix.stays
    rows: list[list[Cell]] = [["1", "Số người có lưu trú trong kỳ", f.people],
                              ["2", "Số lượt lưu trú trong kỳ", f.stays]]
    rows += [[f"2.{i}", f"Trong đó: {labels.STAY_KINDS[k]}", n]
             for i, (k, n) in enumerate(((k, n) for k, n in f.by_kind.items() if n), 1)]
    rows += [["3", "Số lượt tiếp nhận trong kỳ", f.admitted],
             ["4", "Số lượt ra khỏi cơ sở trong kỳ", f.discharged],
             ["5", "Tổng số ngày lưu trú trong kỳ (ngày)", f.bed_days],
             ["6", "Số ngày lưu trú bình quân một lượt (*)", Num(f.average_length, 1)]]
    r = ix.rounds
    if r is not None:  # a merit-care centre's rounds against the year's quota
        used = r.share
        rows += [["7", "Số đợt điều dưỡng bắt đầu trong kỳ", r.rounds],
                 ["8", "Số lượt điều dưỡng của các đợt đó", r.stays],
                 ["9", f"Chỉ tiêu điều dưỡng năm {r.year} (lượt)", "chưa nhập" if r.quota is None else r.quota],
                 ["10", f"Đã thực hiện năm {r.year} đến cuối kỳ (lượt)", r.used],
                 ["11", "Tỷ lệ thực hiện so với chỉ tiêu năm", Pct(used.value if used else None)]]
    return ReportTable(
        "stays", "Biểu 2a. Số người và số lượt lưu trú trong kỳ", ["TT", "Chỉ tiêu", "Số"], rows, [12, 118, 35],
        {0, 1},
        "Một người có thể lưu trú nhiều lượt trong kỳ. Ngày lưu trú tính ngày tiếp nhận, không tính ngày ra. "
        "(*) Của các lượt kết thúc trong kỳ.")


def _verdict(share: ind.Share | None, target: float | None) -> str:
    if target is None:
        return "Tỉnh chưa đặt chỉ tiêu"
    if share is None or share.value is None:
        return "Không có số liệu"
    return "Đạt" if share.met(target) else "Chưa đạt"


def _progress(share: ind.Share, target: float | None) -> str:
    if target is None:
        return "Tỉnh chưa đặt chỉ tiêu"
    if share.value is None:
        return "Không có số liệu"
    if share.met(target):
        return "Đã đạt"
    return f"Đạt {fmt_pct(share.attainment(target))} mục tiêu"


def tracking_tables(ix: ind.PeriodicIndicators) -> list[ReportTable]:
    t = ix.tracking
    window = f"{dmy(t.window_first_day)} – {dmy(ix.as_of)}"
    main = ReportTable(
        "tracking", "Biểu 3. Quản lý, theo dõi sức khỏe bằng hồ sơ điện tử",
        ["Chỉ tiêu", "Số người / tỷ lệ"],
        [["Số đối tượng được quản lý trong kỳ", t.share.denominator],
         [f"Số đối tượng có ít nhất một lần khám ghi trong hồ sơ điện tử trong 12 tháng ({window})",
          t.share.numerator],
         ["Số đối tượng chưa có lần khám nào trong 12 tháng", t.untracked],
         ["Tỷ lệ đối tượng được quản lý, theo dõi bằng hồ sơ sức khỏe điện tử", Pct(t.share.value)]],
        [125, 40], {3})
    m = t.milestone_2025
    milestone_value: Cell = Pct(m.value) if m else "Không có số liệu"
    rows: list[list[Cell]] = [
        ["Mốc năm 2025 của cả nước", Pct(t.national_2025), milestone_value, _verdict(m, t.national_2025)],
        ["Mốc năm 2025 của tỉnh", Pct(t.provincial_2025) if t.provincial_2025 is not None else "Chưa đặt",
         milestone_value, _verdict(m, t.provincial_2025)],
        ["Mục tiêu năm 2030 của cả nước", Pct(t.national_2030), Pct(t.share.value),
         _progress(t.share, t.national_2030)],
        ["Mục tiêu năm 2030 của tỉnh", Pct(t.provincial_2030) if t.provincial_2030 is not None else "Chưa đặt",
         Pct(t.share.value), _progress(t.share, t.provincial_2030)],
    ]
    targets = ReportTable(
        "targets", "Biểu 4. So sánh với chỉ tiêu quốc gia và của tỉnh",
        ["Chỉ tiêu", "Mức chỉ tiêu", "Kết quả", "Đánh giá"], rows, [58, 27, 30, 50],
        note=("Kết quả mốc 2025 tính tại ngày 31/12/2025 theo cùng định nghĩa; kết quả 2030 là tỷ lệ của kỳ này. "
              "Quyết định 1942/QĐ-TTg: 80% đối tượng được quản lý, theo dõi bằng hồ sơ sức khỏe điện tử "
              "vào năm 2025, 100% vào năm 2030."))
    return [main, targets]


def checkup_table(ix: ind.PeriodicIndicators) -> ReportTable:
    k = ix.checkups
    return ReportTable(
        "checkups", "Biểu 5. Khám sức khỏe định kỳ",
        ["Chỉ tiêu", "Số người", "Tỷ lệ"],
        [["Số đối tượng đang quản lý cuối kỳ", k.population, None],
         ["Được khám định kỳ hoặc khám tiếp nhận trong kỳ", k.in_period.numerator, Pct(k.in_period.value)],
         ["Được khám định kỳ hoặc khám tiếp nhận trong 12 tháng gần nhất", k.in_12_months.numerator,
          Pct(k.in_12_months.value)],
         [f"Quá hạn khám tại ngày {dmy(ix.as_of)}", k.overdue.numerator, Pct(k.overdue.value)]],
        [105, 30, 30],
        note=("Mẫu số là các đối tượng đang quản lý cuối kỳ. Quá hạn khám: không có lần khám nào trong 12 tháng, "
              "hoặc đã qua ngày hẹn khám lần sau của lần khám gần nhất (không hẹn: một năm sau lần khám đó)."))


def classification_table(ix: ind.PeriodicIndicators) -> ReportTable:
    c = ix.classification
    n = c.population
    rows: list[list[Cell]] = [[labels.HEALTH_CLASSES[h], c.counts[h], Pct(c.counts[h] / n if n else None)]
                              for h in HealthClass]
    rows.append(["Chưa được phân loại trong kỳ", c.unclassified, Pct(c.unclassified / n if n else None)])
    rows.append(["Tổng số đối tượng được quản lý trong kỳ", n, Pct(1.0 if n else None)])
    return ReportTable("classification", "Biểu 6. Phân loại sức khỏe (lần phân loại gần nhất trong kỳ)",
                       ["Phân loại", "Số người", "Tỷ lệ"], rows, [105, 30, 30], {len(rows) - 1})


def chronic_tables(ix: ind.PeriodicIndicators) -> list[ReportTable]:
    ch = ix.chronic
    rows: list[list[Cell]] = []
    strong: set[int] = set()
    chapter_count = {c: n for c, _, n in ch.by_chapter}
    last_chapter = None
    for r in ch.rows:
        if r.chapter != last_chapter:
            strong.add(len(rows))
            rows.append([f"Chương {r.chapter}" if r.chapter else "", r.chapter_name, chapter_count.get(r.chapter, 0),
                         None, None])
            last_chapter = r.chapter
        rows.append([r.category, r.name, r.residents, r.new_in_period, r.under_follow_up])
    if not rows:
        rows.append(["", "Không có đối tượng mắc bệnh mạn tính được ghi nhận", 0, 0, 0])
    by_group = ReportTable(
        "chronic", "Biểu 7. Bệnh mạn tính theo nhóm bệnh ICD-10",
        ["Mã ICD-10", "Nhóm bệnh", "Số người mắc", "Mới phát hiện trong kỳ", "Đang theo dõi"],
        rows, [25, 80, 20, 20, 20], strong,
        "Một người có thể mắc nhiều bệnh. Tình trạng theo dõi (đang điều trị, ổn định) theo hồ sơ hiện tại.")
    follow = ReportTable(
        "follow_up", "Biểu 8. Đối tượng được theo dõi bệnh mạn tính",
        ["Chỉ tiêu", "Số người"],
        [["Số đối tượng có bệnh mạn tính", ch.residents_with_condition],
         ["Có ít nhất một bệnh đang điều trị", ch.follow_up_active],
         ["Các bệnh đã ổn định, tiếp tục theo dõi", ch.follow_up_controlled],
         ["Tổng số đối tượng đang được theo dõi bệnh mạn tính", ch.under_follow_up]],
        [125, 40], {3})
    return [by_group, follow]


def rehab_tables(ix: ind.PeriodicIndicators) -> list[ReportTable]:
    rh = ix.rehab
    rows: list[list[Cell]] = [[labels.REHAB_TYPES[r.rehab_type], r.residents, r.sessions, Num(r.hours)]
                              for r in rh.by_type]
    rows.append(["Tổng số (³)", rh.residents, rh.sessions, Num(rh.hours)])
    by_type = ReportTable(
        "rehab", "Biểu 9. Phục hồi chức năng theo loại hình",
        ["Loại hình", "Số người", "Số lượt", "Số giờ"], rows, [80, 28, 28, 29], {len(rows) - 1},
        "(³) Một người có thể tham gia nhiều loại hình.")
    b = rh.barthel
    barthel = ReportTable(
        "barthel", "Biểu 10. Thay đổi chỉ số Barthel (lần đánh giá đầu và cuối trong kỳ)",
        ["Chỉ tiêu", "Kết quả"],
        [["Số người được đánh giá Barthel từ 2 lần trở lên trong kỳ", b.assessed],
         ["Điểm Barthel trung bình lần đầu", Num(b.mean_first)],
         ["Điểm Barthel trung bình lần cuối", Num(b.mean_last)],
         ["Thay đổi trung bình (điểm)", Num(b.mean_change, signed=True)],
         ["Số người cải thiện", b.improved],
         ["Số người không thay đổi", b.unchanged],
         ["Số người giảm", b.worsened]],
        [125, 40])
    return [by_type, barthel]


def referral_table(ix: ind.PeriodicIndicators) -> ReportTable:
    rf = ix.referrals
    rows: list[list[Cell]] = [["Số lượt chuyển tuyến trong kỳ", rf.count],
                              ["Số người được chuyển tuyến trong kỳ", rf.residents]]
    rows += [[f"Kết quả: {labels.REFERRAL_OUTCOMES[o]}", n] for o, n in rf.by_outcome.items()]
    rows.append([f"Chưa có kết quả, đang điều trị tuyến trên (tính đến {dmy(ix.as_of)})", rf.still_open])
    return ReportTable("referrals", "Biểu 11. Chuyển tuyến điều trị", ["Chỉ tiêu", "Số"], rows, [125, 40],
                       note="Kết quả theo hồ sơ hiện tại.")


def insurance_table(ix: ind.PeriodicIndicators) -> ReportTable:
    ins = ix.insurance
    n = ins.population

    def share(k: int) -> Pct:
        return Pct(k / n if n else None)

    return ReportTable(
        "insurance", f"Biểu 12. Thẻ bảo hiểm y tế của đối tượng (tại ngày {dmy(ix.as_of)})",
        ["Chỉ tiêu", "Số người", "Tỷ lệ"],
        [["Số đối tượng đang quản lý cuối kỳ", n, None],
         ["Có thẻ BHYT còn giá trị sử dụng", ins.valid, share(ins.valid)],
         ["Thẻ BHYT đã hết hạn", ins.expired, share(ins.expired)],
         ["Chưa xác định được hạn thẻ (⁴)", ins.unknown, share(ins.unknown)],
         ["Chưa có thẻ BHYT", ins.no_card, share(ins.no_card)]],
        [105, 30, 30], {1},
        "(⁴) Thẻ chưa ghi hạn sử dụng, hoặc thẻ đang lưu trong hồ sơ được cấp sau ngày cuối kỳ (hồ sơ chỉ lưu "
        "thẻ hiện hành, không lưu thẻ trước đó).")


def sections(ix: ind.PeriodicIndicators) -> list[tuple[str, list[ReportTable]]]:
    """(section heading, its tables) in the report's order."""
    return [
        ("I. TÌNH HÌNH ĐỐI TƯỢNG", [census_table(ix), discharge_table(ix), stays_table(ix)]),
        ("II. QUẢN LÝ SỨC KHỎE BẰNG HỒ SƠ ĐIỆN TỬ", tracking_tables(ix)),
        ("III. KHÁM SỨC KHỎE ĐỊNH KỲ VÀ PHÂN LOẠI SỨC KHỎE", [checkup_table(ix), classification_table(ix)]),
        ("IV. BỆNH MẠN TÍNH", chronic_tables(ix)),
        ("V. PHỤC HỒI CHỨC NĂNG", rehab_tables(ix)),
        ("VI. CHUYỂN TUYẾN VÀ BẢO HIỂM Y TẾ", [referral_table(ix), insurance_table(ix)]),
    ]


def all_tables(ix: ind.PeriodicIndicators) -> list[ReportTable]:
    return [t for _, tables in sections(ix) for t in tables]
