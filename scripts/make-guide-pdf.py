"""The printable user guide: docs/user-guide.<lang>.md -> docs/user-guide.<lang>.pdf.

    .venv/bin/python scripts/make-guide-pdf.py [--out-dir docs]

Markdown is parsed by markdown-it-py and laid out by reportlab with the
reports' embedded Liberation Serif (every Vietnamese letter), A4, the
screenshots scaled to the page width, "x/y" at the foot of every page.
The output does not change between runs on the same input (reportlab's
invariant mode: no date or random id), so a rebuild shows in git only when
the guide changed; a test checks the committed PDFs say what the Markdown says.
Run scripts/make-guide-screenshots.py first when the screens changed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from markdown_it import MarkdownIt
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Table, TableStyle

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facility_app.reports.layout import BOLD, FONT, register_fonts, style  # noqa: E402

MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
TITLES = {"vi": "Hướng dẫn sử dụng", "en": "User guide"}


class _Styles:
    def __init__(self):
        register_fonts()
        self.h1 = style("h1", 18, BOLD, TA_LEFT, after=8)
        self.h2 = style("h2", 14, BOLD, TA_LEFT, before=10, after=4)
        self.h2.keepWithNext = 1
        self.body = style("body", 11.5, FONT, TA_LEFT, after=5)
        self.bullet = style("bullet", 11.5, FONT, TA_LEFT, after=3)
        self.bullet.leftIndent = 5 * mm
        self.bullet.bulletIndent = 1 * mm
        self.cell = style("cell", 11, FONT, TA_LEFT)
        self.caption = style("caption", 10, FONT, TA_LEFT, after=8)
        self.caption.textColor = colors.Color(0.35, 0.35, 0.35)


def _inline(token) -> str:
    """An inline token as reportlab paragraph markup (escaped)."""
    out = []
    for child in token.children or []:
        kind = child.type
        if kind == "text":
            out.append(escape(child.content))
        elif kind == "code_inline":
            out.append(f'<font name="{BOLD}">{escape(child.content)}</font>')
        elif kind in ("softbreak", "hardbreak"):
            out.append(" " if kind == "softbreak" else "<br/>")
        elif kind in ("strong_open", "strong_close"):
            out.append("<b>" if kind.endswith("open") else "</b>")
        elif kind in ("em_open", "em_close"):
            out.append("<i>" if kind.endswith("open") else "</i>")
    return "".join(out)


def _image(child, folder: Path, s: _Styles) -> list:
    path = (folder / child.attrs["src"]).resolve()
    if not path.is_file():
        raise SystemExit(f"{path}: image missing (run scripts/make-guide-screenshots.py)")
    w, h = ImageReader(str(path)).getSize()
    scale = min(WIDTH / w, 0.75)  # the page width at most; a small one at its screen size (96 dpi)
    caption = "".join(c.content for c in child.children or [])
    return [KeepTogether([Image(str(path), w * scale, h * scale), Paragraph(escape(caption), s.caption)])]


def flowables(md: Path) -> list:
    s = _Styles()
    tokens = MarkdownIt("commonmark").enable("table").parse(md.read_text(encoding="utf-8"))
    story, i, in_list = [], 0, 0
    while i < len(tokens):
        t = tokens[i]
        if t.type == "heading_open":
            story.append(Paragraph(_inline(tokens[i + 1]), s.h1 if t.tag == "h1" else s.h2))
            i += 3
            continue
        if t.type in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif t.type == "inline" and tokens[i - 1].type == "paragraph_open":
            images = [c for c in t.children or [] if c.type == "image"]
            if images:
                for child in images:
                    story += _image(child, md.parent, s)
            elif in_list:
                story.append(Paragraph(_inline(t), s.bullet, bulletText="•"))
            else:
                story.append(Paragraph(_inline(t), s.body))
        elif t.type == "table_open":
            rows, i = _table(tokens, i, s)
            table = Table(rows, colWidths=[35 * mm, WIDTH - 35 * mm], hAlign="LEFT")
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.append(table)
            continue
        i += 1
    return story


def _table(tokens, i: int, s: _Styles):
    rows, row = [], None
    while tokens[i].type != "table_close":
        t = tokens[i]
        if t.type == "tr_open":
            row = []
        elif t.type == "tr_close":
            rows.append(row)
        elif t.type == "inline":
            row.append(Paragraph(_inline(t), s.cell))
        i += 1
    return rows, i + 1


def build(lang: str, out_dir: Path) -> Path:
    md = ROOT / "docs" / f"user-guide.{lang}.md"
    out = out_dir / f"user-guide.{lang}.pdf"

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 9)
        canvas.drawRightString(A4[0] - MARGIN, 10 * mm, f"{TITLES[lang]} · {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN, title=TITLES[lang], lang=lang, invariant=1)
    doc.build(flowables(md), onFirstPage=footer, onLaterPages=footer)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out-dir", default=str(ROOT / "docs"))
    args = parser.parse_args()
    for lang in ("vi", "en"):
        print(build(lang, Path(args.out_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
