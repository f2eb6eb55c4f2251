"""The governing body's provincial report (báo cáo) in the Decree 30 form,
as PDF and XLSX, from the dashboard's own figures (``province.dashboard``).

The body issues it under its own heading: the superior authority over the
body in bold (``ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN`` over ``SỞ NỘI VỤ``;
``BỘ CÔNG AN`` over ``CÔNG AN TỈNH LẠNG SƠN``), the number and symbol,
place and date in italics, Nơi nhận bottom left (the ministry above it,
``- Lưu: VT.``), the signature block bottom right, and page numbers from
page 2 only: the bare number, top centre.

reportlab and openpyxl are the optional extra ``server-reports``: only
this module imports them, and only when a report is written
(``MissingExtra`` says how to install them otherwise).
"""
from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from xml.sax.saxutils import escape

from care_core.domain.enums import FacilityType
from care_core.domain.governance import TYPE_NAMES_VI, GoverningBody, heading_with_province
from care_core.domain.dates import document_date, dmy

from .dashboard_page import INDICATORS, value_at

SUPERIOR = {GoverningBody.HOME_AFFAIRS: "Bộ Nội vụ", GoverningBody.HEALTH: "Bộ Y tế",
            GoverningBody.POLICE: "Bộ Công an"}
SYMBOL = {GoverningBody.HOME_AFFAIRS: "BC-SNV", GoverningBody.HEALTH: "BC-SYT", GoverningBody.POLICE: "BC-CAT"}
LEGAL_BASIS = ("Căn cứ Quyết định số 1942/QĐ-TTg ngày 18/11/2021 của Thủ tướng Chính phủ phê duyệt Chương trình "
               "nâng cao chất lượng bảo vệ, chăm sóc sức khỏe người có công với cách mạng, người cao tuổi, trẻ em, "
               "người khuyết tật và các đối tượng cần trợ giúp xã hội giai đoạn 2021-2030")


class MissingExtra(RuntimeError):
    def __init__(self, package: str):
        super().__init__(package)
        self.vi = (f"Thiếu gói {package} để in báo cáo; cài bằng: pip install 'facility-health-records"
                   "[server-reports]'.")
        self.en = f"The package {package} is needed for reports; install it with: pip install '.[server-reports]'."


@dataclass(frozen=True)
class Heading:
    body: GoverningBody
    province_name: str  # 'Lạng Sơn', 'Thành phố Hải Phòng'
    number: str = ""  # blank: the clerk fills it in by hand
    signer: str = ""
    authority: str = "GIÁM ĐỐC"
    today: date | None = None

    @property
    def superior(self) -> str:
        if self.body == GoverningBody.POLICE:
            return "BỘ CÔNG AN"
        name = self.province_name.strip()
        place = name if name.lower().startswith(("thành phố ", "tỉnh ")) else f"Tỉnh {name}"
        return f"ỦY BAN NHÂN DÂN {place.upper()}"

    @staticmethod
    def unbroken(line: str) -> str:
        """A heading line whose place name never wraps inside itself (no-break spaces after TỈNH / THÀNH PHỐ)."""
        for word in ("TỈNH ", "THÀNH PHỐ "):
            at = line.find(word)
            if at >= 0:
                return line[:at] + line[at:].replace(" ", "\u00a0")
        return line

    @property
    def issuer(self) -> str:
        if self.body == GoverningBody.POLICE:
            return heading_with_province(self.body, self.province_name)
        return self.body.heading

    @property
    def place(self) -> str:
        name = self.province_name
        for prefix in ("Thành phố ", "Tỉnh "):
            if name.startswith(prefix):
                return name[len(prefix):]
        return name

    def number_line(self) -> str:
        symbol = SYMBOL.get(self.body, "BC")
        return f"Số: {self.number}/{symbol}" if self.number else f"Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/{symbol}"

    def place_date(self) -> str:
        return f"{self.place}, {document_date(self.today or date.today())}"


def title(data: dict, h: Heading) -> tuple[str, str]:
    kinds = ", ".join(TYPE_NAMES_VI[FacilityType(t)].lower() for t in data["by_type"]) or "các cơ sở"
    return ("BÁO CÁO", f"Kết quả chăm sóc sức khỏe đối tượng tại các cơ sở do {h.body.name_vi} quản lý "
                       f"({kinds}), {data['period']['title_vi'][0].lower()}{data['period']['title_vi'][1:]}")


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v * 100:.1f}%".replace(".", ",")


def _fmt(value, kind: str) -> str:
    if value is None:
        return "–"
    if kind == "share":
        return "–" if value["value"] is None else f"{_pct(value['value'])} ({value['numerator']}/{value['denominator']})"
    if kind == "hours":
        return f"{value:.1f}".replace(".", ",")
    return f"{value:,}".replace(",", ".")


def indicator_rows(data: dict) -> list[list[str]]:
    types = list(data["by_type"])
    head = ["Chỉ tiêu", "Tổng"] + [TYPE_NAMES_VI[FacilityType(t)] for t in types]
    rows = [head]
    for path, label, kind in INDICATORS:
        rows.append([label, _fmt(value_at(data["totals"], path), kind)]
                    + [_fmt(value_at(data["by_type"][t], path), kind) for t in types])
    return rows


def facility_rows(data: dict) -> list[list[str]]:
    rows = [["Mã", "Cơ sở", "Đang nuôi dưỡng", "Theo dõi bằng HSĐT", "Khám trong 12 tháng", "Thẻ BHYT còn hạn"]]
    for r in data["facilities"]:
        f = r["figures"]
        rows.append([r["code"], r["name"], _fmt(f["residents_in_care"], "count"),
                     _fmt(f["tracked_electronically"], "share"), _fmt(f["checkup_coverage_12_months"], "share"),
                     _fmt(f["insurance_valid"], "share")])
    return rows


def target_sentences(data: dict) -> list[str]:
    t = data["targets"]
    share = data["totals"].get("tracked_electronically") if data["totals"] else None
    value = share["value"] if share else None
    out = [f"Tỷ lệ đối tượng được quản lý, theo dõi bằng hồ sơ sức khỏe điện tử (đối tượng có mặt trong kỳ có ít "
           f"nhất một lần khám trong 12 tháng tính đến ngày {dmy(date.fromisoformat(data['as_of']))}): "
           f"{_fmt(share, 'share') if share else '–'}."]
    for label, target in (("chỉ tiêu của tỉnh đến năm 2030", t["province_2030"]),
                          ("chỉ tiêu quốc gia đến năm 2030", t["national_2030"])):
        if target and value is not None:
            verdict = "đạt" if value + 1e-12 >= target else "chưa đạt"
            out.append(f"So với {label} ({_pct(target)}): đạt {_pct(value / target)} chỉ tiêu ({verdict}).")
    m = data["milestone_2025"]
    target_2025 = t["province_2025"] if t["province_2025"] is not None else t["national_2025"]
    if m and m["value"] is not None:
        verdict = "đạt" if m["value"] + 1e-12 >= target_2025 else "không đạt"
        out.append(f"Mốc năm 2025: tại ngày 31/12/2025 tỷ lệ là {_fmt(m, 'share')}, "
                   f"{verdict} chỉ tiêu {_pct(target_2025)}.")
    else:
        out.append("Mốc năm 2025: chưa có số liệu đến ngày 31/12/2025 để đánh giá.")
    return out


# --- PDF ------------------------------------------------------------------------

def _reportlab():
    try:
        import reportlab  # noqa: F401
    except ImportError:
        raise MissingExtra("reportlab") from None


def pdf(data: dict, h: Heading) -> bytes:
    _reportlab()
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    folder = resources.files("resources").joinpath("fonts")
    for name, face in (("PRSerif", "Regular"), ("PRSerif-Bold", "Bold"), ("PRSerif-Italic", "Italic")):
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(folder.joinpath(f"LiberationSerif-{face}.ttf").read_bytes())))
    left, right, top, bottom = 30 * mm, 15 * mm, 20 * mm, 20 * mm
    width = A4[0] - left - right

    def st(name, size=13, font="PRSerif", align=TA_JUSTIFY, leading=None, before=0, after=0):
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.25, alignment=align,
                              spaceBefore=before, spaceAfter=after)

    def p(text, style):
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    body, center = st("body", after=4), st("c", 12.5, align=TA_CENTER, leading=15)
    center_b = st("cb", 12.5, "PRSerif-Bold", TA_CENTER, 15)
    italic_c = st("ic", 13, "PRSerif-Italic", TA_CENTER)
    cell, cell_b = st("cell", 10.5, align=TA_LEFT), st("cellb", 10.5, "PRSerif-Bold", TA_LEFT)
    cell_n = st("celln", 10.5, align=TA_RIGHT)
    small, small_bi = st("s", 11, align=TA_LEFT), st("sbi", 12, "PRSerif-Italic", TA_LEFT)

    heading = Table([[[p(h.unbroken(h.superior), center), p(h.unbroken(h.issuer), center_b), p("_______", center)],
                      [p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", center_b), p("Độc lập - Tự do - Hạnh phúc", center_b),
                       p("_______________", center)]],
                     [p(h.number_line(), center), p(h.place_date(), italic_c)]], colWidths=[72 * mm, width - 72 * mm])
    heading.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    t1, t2 = title(data, h)

    def grid(rows, widths, numbers_from):
        table = Table([[p(c, cell_b if i == 0 else (cell_n if j >= numbers_from else cell)) for j, c in enumerate(row)]
                       for i, row in enumerate(rows)], colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92))]))
        return table

    ind_rows = indicator_rows(data)
    n_extra = len(ind_rows[0]) - 1
    story = [heading, Spacer(1, 8 * mm), p(t1, st("t", 14, "PRSerif-Bold", TA_CENTER)), p(t2, st("t2", 13, "PRSerif-Bold",
                                                                                               TA_CENTER, after=8)),
             p(LEGAL_BASIS + f"; {h.body.name_vi} báo cáo kết quả chăm sóc sức khỏe đối tượng tại "
               f"{len(data['facilities'])} cơ sở do {h.body.name_vi} quản lý như sau:", body),
             p("1. Kết quả theo dõi bằng hồ sơ sức khỏe điện tử so với chỉ tiêu", st("h", 13, "PRSerif-Bold", before=6))]
    story += [p(s, body) for s in target_sentences(data)]
    story += [p("2. Tổng hợp chỉ tiêu", st("h2", 13, "PRSerif-Bold", before=6)),
              grid(ind_rows, [62 * mm] + [(width - 62 * mm) / n_extra] * n_extra, 1),
              p("3. Số liệu từng cơ sở", st("h3", 13, "PRSerif-Bold", before=8)),
              grid(facility_rows(data), [22 * mm, 50 * mm, 20 * mm] + [(width - 92 * mm) / 3] * 3, 2),
              Spacer(1, 4 * mm),
              p("Số liệu tính theo cùng định nghĩa với báo cáo định kỳ của các cơ sở, từ dữ liệu đã đồng bộ lên máy "
                f"chủ của tỉnh, đến ngày {dmy(date.fromisoformat(data['as_of']))}.", body)]
    recipients = [p("Nơi nhận:", small_bi), p(f"- {SUPERIOR.get(h.body, 'Cơ quan cấp trên')} (để báo cáo);", small),
                  p("- Ủy ban nhân dân tỉnh (để báo cáo);" if h.body != GoverningBody.POLICE else
                    "- Ủy ban nhân dân tỉnh (để phối hợp);", small), p("- Lưu: VT.", small)]
    signature = [p(h.authority, center_b), p("(Ký tên, đóng dấu)", st("hint", 11, "PRSerif-Italic", TA_CENTER)),
                 Spacer(1, 24 * mm), p(h.signer, center_b)]
    closing = Table([[recipients, signature]], colWidths=[70 * mm, width - 70 * mm])
    closing.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [Spacer(1, 6 * mm), closing]

    def later_pages(canvas, doc):  # Decree 30: no number on page 1; the bare number, top centre, after
        canvas.setFont("PRSerif", 13)
        canvas.drawCentredString(left + width / 2, A4[1] - 12 * mm, str(doc.page))

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
                            title=f"{t1} {t2}", author=h.issuer, creator="facility-health-records provincial server")
    doc.build(story, onLaterPages=later_pages)
    return out.getvalue()


# --- XLSX -----------------------------------------------------------------------

def xlsx(data: dict, h: Heading) -> bytes:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
    except ImportError:
        raise MissingExtra("openpyxl") from None
    wb = Workbook()
    ws = wb.active
    ws.title = "Báo cáo"
    bold = Font(name="Times New Roman", bold=True, size=12)
    plain = Font(name="Times New Roman", size=12)
    t1, t2 = title(data, h)
    lines = [(h.superior, plain), (h.issuer, bold), (h.number_line(), plain), (h.place_date(), plain),
             ("", plain), (t1, bold), (t2, bold), ("", plain)]
    lines += [(s, plain) for s in target_sentences(data)] + [("", plain)]
    for text, font in lines:
        ws.append([_safe(text)])
        ws.cell(ws.max_row, 1).font = font
    for block in (indicator_rows(data), [[]], facility_rows(data)):
        for i, row in enumerate(block):
            ws.append([_safe(c) for c in row])
            for cell in ws[ws.max_row]:
                cell.font = bold if i == 0 else plain
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for text in ("", "Nơi nhận:", f"- {SUPERIOR.get(h.body, 'Cơ quan cấp trên')};", "- Lưu: VT.", "",
                 h.authority, h.signer):
        ws.append([_safe(text)])
    ws.column_dimensions["A"].width = 48
    for col in "BCDEF":
        ws.column_dimensions[col].width = 22
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (names come from facilities)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not text.startswith("- ") else text


def write(content: bytes, path: str) -> None:
    """Whole or not at all: a temp file in the same folder, then renamed."""
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".report-", suffix=target.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
