"""What every printed document shares: the embedded Vietnamese serif font,
paragraph styles, the Decree 30/2020/NĐ-CP heading, tables, and the page
numbers (none on page 1, then the bare number at the top centre).

Liberation Serif (metric-compatible with Times New Roman, OFL) is embedded
from ``resources/fonts`` so a report prints the same on any PC, with every
Vietnamese letter. Page size A4; margins as Decree 30 sets them (left 30
mm, right 15 mm, top and bottom 20 mm).
"""
from __future__ import annotations

import io
from functools import lru_cache
from importlib import resources

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, Table,
                                TableStyle)
from xml.sax.saxutils import escape

from care_core.domain import report_form
from .tables import Num, Pct, ReportTable, text

FONT = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"
_FILES = {FONT: "Regular", BOLD: "Bold", ITALIC: "Italic", BOLD_ITALIC: "BoldItalic"}

PAGE = A4
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
FRAME_WIDTH = PAGE[0] - LEFT - RIGHT
BODY_SIZE = 13
TABLE_SIZE = 11
GRID = colors.Color(0.25, 0.25, 0.25)
HEADER_FILL = colors.Color(0.92, 0.92, 0.92)
STRONG_FILL = colors.Color(0.97, 0.97, 0.97)


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Embed Liberation Serif (from the package data, also when frozen)."""
    folder = resources.files("resources").joinpath("fonts")
    for name, face in _FILES.items():
        data = folder.joinpath(f"LiberationSerif-{face}.ttf").read_bytes()
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(data)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)


def style(name: str, size: float = BODY_SIZE, font: str = FONT, align=TA_JUSTIFY, *, leading: float | None = None,
          indent: float = 0, before: float = 0, after: float = 0) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.25, allowWidows=0,
                          alignment=align, firstLineIndent=indent, spaceBefore=before, spaceAfter=after)


class Styles:
    """The document's paragraph styles (made after the fonts are registered)."""

    def __init__(self):
        register_fonts()
        self.body = style("body", indent=10 * mm, after=6)
        self.body_left = style("body-left", align=TA_LEFT, after=3)
        self.heading = style("heading", font=BOLD, align=TA_LEFT, before=8, after=4)
        self.heading.keepWithNext = 1  # a heading never ends a page
        self.subheading = style("subheading", font=BOLD, align=TA_LEFT, before=4, after=3)
        self.subheading.keepWithNext = 1
        self.title = style("title", 14, BOLD, TA_CENTER, leading=18)
        self.subtitle = style("subtitle", 13, ITALIC, TA_CENTER)
        self.center = style("center", 13, FONT, TA_CENTER)
        self.center_bold = style("center-bold", 13, BOLD, TA_CENTER)
        self.center_italic = style("center-italic", 13, ITALIC, TA_CENTER)
        self.table_title = style("table-title", 12, BOLD, TA_LEFT, before=6, after=3)
        self.chart_title = style("chart-title", 11, BOLD, TA_CENTER, before=6, after=0)
        self.note = style("note", 10.5, ITALIC, TA_JUSTIFY, before=2, after=4)
        self.cell = style("cell", TABLE_SIZE, FONT, TA_LEFT, leading=13)
        self.cell_bold = style("cell-bold", TABLE_SIZE, BOLD, TA_LEFT, leading=13)
        self.cell_right = style("cell-right", TABLE_SIZE, FONT, TA_RIGHT, leading=13)
        self.cell_right_bold = style("cell-right-bold", TABLE_SIZE, BOLD, TA_RIGHT, leading=13)
        self.cell_center = style("cell-center", TABLE_SIZE, FONT, TA_CENTER, leading=13)
        self.head = style("head", TABLE_SIZE, BOLD, TA_CENTER, leading=13)
        self.small = style("small", 11, FONT, TA_LEFT, leading=13.5)
        self.small_bold_italic = style("small-bi", 12, BOLD_ITALIC, TA_LEFT, leading=14)


def p(text_: str, st: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped: names may hold '<' or '&')."""
    return Paragraph(escape(text_), st)


class Rule(Flowable):
    """A horizontal line of a given width, centred in its cell (under the
    facility's name, under the motto, under the title), clear of the
    descenders of the line above."""

    def __init__(self, width: float, thickness: float = 0.6, above: float = 3.5, below: float = 2):
        super().__init__()
        self.line_width, self.thickness, self.above, self.below = width, thickness, above, below
        self.hAlign = "CENTER"

    def wrap(self, avail_w, avail_h):
        return self.line_width, self.thickness + self.above + self.below

    def draw(self):
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, self.below, self.line_width, self.below)


def _longest_line(text_: str, font: str, size: float, width: float) -> float:
    """Width of the longest line ``text_`` wraps to in ``width``."""
    words, lines, current = text_.split(), [], ""
    for w in words:
        trial = f"{current} {w}".strip()
        if stringWidth(trial, font, size) <= width or not current:
            current = trial
        else:
            lines.append(current)
            current = w
    lines.append(current)
    return max(stringWidth(line, font, size) for line in lines)


def decree30_heading(st: Styles, governing_body: str, facility_name: str, number_line: str,
                     place_date: str) -> Table:
    """Top left: governing body over the facility (bold, a short line under
    it) over the number; top right: the national motto over the underlined
    slogan over the place and date in italics."""
    left_w, right_w = 70 * mm, FRAME_WIDTH - 70 * mm
    gov = style("gov", 12.5, FONT, TA_CENTER, leading=15)
    fac = style("fac", 12.5, BOLD, TA_CENTER, leading=15)
    motto = style("motto", 12.5, BOLD, TA_CENTER, leading=15)
    slogan = style("slogan", 13, BOLD, TA_CENTER, leading=16)
    name = facility_name.upper()
    name_w = _longest_line(name, BOLD, 12.5, left_w - 4)
    slogan_text = "Độc lập - Tự do - Hạnh phúc"
    left = [p(governing_body.upper(), gov)] if governing_body.strip() else []
    left += [p(name, fac), Rule(max(name_w * 0.4, 18 * mm))]
    right = [p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", motto), p(slogan_text, slogan),
             Rule(stringWidth(slogan_text, BOLD, 13))]
    table = Table([[left, right], [p(number_line, st.center), p(place_date, st.center_italic)]],
                  colWidths=[left_w, right_w])
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 4),
    ]))
    return table


def number_line(number: str | None, symbol: str) -> str:
    """'Số: 05/BC-TTBTXH', or 'Số:      /BC-TTBTXH' to fill in by hand."""
    symbol = (symbol or "BC").strip()
    number = report_form.report_number(number)
    return f"Số: {number}/{symbol}" if number else f"Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/{symbol}"


def table_style(commands: list) -> TableStyle:
    """A table style whose cells default to the embedded font (reportlab's
    default would put a non-embedded Helvetica in every page)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), FONT, TABLE_SIZE)] + list(commands))


def _is_number(cell) -> bool:
    return isinstance(cell, (int, Pct, Num)) and not isinstance(cell, bool)


def report_table(st: Styles, t: ReportTable, width: float = FRAME_WIDTH) -> Table:
    """A ReportTable as a platypus table: header repeated on every page,
    numbers right-aligned, total and chapter rows bold."""
    total = sum(t.widths)
    widths = [width * w / total for w in t.widths]
    data = [[p(h, st.head) for h in t.headers]]
    for i, row in enumerate(t.rows):
        bold = i in t.strong
        cells = []
        for c in row:
            if _is_number(c):
                cells.append(p(text(c), st.cell_right_bold if bold else st.cell_right))
            else:
                cells.append(p(text(c), st.cell_bold if bold else st.cell))
        data.append(cells)
    table = Table(data, colWidths=widths, repeatRows=1)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for i in t.strong:
        commands.append(("BACKGROUND", (0, i + 1), (-1, i + 1), STRONG_FILL))
    table.setStyle(table_style(commands))
    return table


def simple_table(st: Styles, rows: list[list[str]], widths_mm: list[float], *, header: bool = True,
                 bold_cols: frozenset[int] = frozenset(), right_cols: frozenset[int] = frozenset(),
                 size: float = TABLE_SIZE) -> Table:
    """A plain grid of text (the health book's record tables). Cells are
    plain strings, long ones broken into lines here: several times cheaper
    to lay out than paragraphs, and a 10-year record has thousands of cells."""
    head = style("sh", size, BOLD, TA_CENTER, leading=size * 1.2)
    data = []
    for i, row in enumerate(rows):
        if header and i == 0:
            data.append([Paragraph(c, head) for c in row])  # fixed headings, may hold <br/>
            continue
        data.append(["\n".join(simpleSplit(c, BOLD if j in bold_cols else FONT, size, widths_mm[j] * mm - 6))
                     for j, c in enumerate(row)])
    table = Table(data, colWidths=[w * mm for w in widths_mm], repeatRows=1 if header else 0)
    commands = [
        ("FONT", (0, 0), (-1, -1), FONT, size), ("LEADING", (0, 0), (-1, -1), size * 1.2),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    commands += [("FONT", (j, 1 if header else 0), (j, -1), BOLD, size) for j in bold_cols]
    commands += [("ALIGN", (j, 1 if header else 0), (j, -1), "RIGHT") for j in right_cols]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
    table.setStyle(TableStyle(commands))
    return table


class NumberedCanvas(rl_canvas.Canvas):
    """Page numbers as Decree 30 sets them: none on page 1; from page 2 the
    bare number, centred in the top margin, in the body's 13 pt."""

    footer_note = ""

    def __init__(self, *args, **kwargs):
        register_fonts()  # start every page in the embedded font, never a non-embedded Helvetica
        kwargs.setdefault("initialFontName", FONT)
        kwargs.setdefault("initialFontSize", BODY_SIZE)
        super().__init__(*args, **kwargs)

    def showPage(self):
        self._decorate(self.getPageNumber())
        super().showPage()

    def _decorate(self, number: int) -> None:
        self.saveState()
        self.setFillColor(colors.black)
        if number > 1:
            self.setFont(FONT, BODY_SIZE)
            self.drawCentredString(LEFT + FRAME_WIDTH / 2, PAGE[1] - TOP / 2 - BODY_SIZE / 3, str(number))
        if self.footer_note:
            self.setFont(ITALIC, 9)
            self.drawString(LEFT, BOTTOM / 2, self.footer_note)
        self.restoreState()


def canvas_with_note(note: str):
    """A NumberedCanvas class that also prints a short note on the right of each footer."""
    return type("NotedCanvas", (NumberedCanvas,), {"footer_note": note})


def build(story: list, *, title: str, author: str, subject: str, footer_note: str = "") -> bytes:
    """Lay the story out on A4 and return the PDF (kept in memory: no temp files)."""
    register_fonts()
    out = io.BytesIO()
    doc = BaseDocTemplate(out, pagesize=PAGE, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
                          bottomMargin=BOTTOM, title=title, author=author, subject=subject,
                          creator="facility-health-records", initialFontName=FONT,
                          initialFontSize=BODY_SIZE, initialLeading=BODY_SIZE * 1.2)
    # no frame padding: the text block is exactly the page minus Decree 30's margins
    frame = Frame(LEFT, BOTTOM, FRAME_WIDTH, PAGE[1] - TOP - BOTTOM, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=canvas_with_note(footer_note) if footer_note else NumberedCanvas)
    return out.getvalue()


def gap(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)
