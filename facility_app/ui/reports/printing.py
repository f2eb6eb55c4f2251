"""Print a PDF (bytes in memory) on a QPrinter: each page drawn by PDFium at
the printer's resolution and painted with QPainter.

The page keeps its own size and margins (the report's Decree 30 margins are
wider than any printer's unprintable edge), so the printer is used full
page; on other paper (Letter) the page is scaled down to fit, centred, never
stretched. Above ``MAX_DPI`` the bitmap is drawn at 600 dpi and scaled by the
printer, which looks the same on paper and keeps a page's pixels in
memory small. A page is drawn in horizontal bands of at most ``BAND_BYTES``,
so an old PC never holds a whole 600-dpi page (140 MB) at once.

Painting on a QPrinter from a worker thread is allowed by Qt (QPainter may
paint on QImage, QPrinter and QPicture outside the GUI thread), so the
dialogs print off the GUI thread.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from .pdf_pages import PdfPages

MAX_DPI = 600
BAND_BYTES = 32 << 20


class PrintFailed(RuntimeError):
    """The printer refused to start (offline, no permission, bad file)."""


def prepare(printer: QPrinter, pages: PdfPages | None = None, title: str = "") -> None:
    """Before the print dialog shows: paper like the PDF's first page (A4
    for every report; a near match snaps to the standard size), portrait,
    and the document's name in the printer queue."""
    size = QPageSize(QPageSize.PageSizeId.A4)
    if pages is not None and len(pages):
        w, h = pages.sizes[0]
        size = QPageSize(QSizeF(w, h), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageSize(size)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    if title:
        printer.setDocName(title)


def chosen_pages(printer: QPrinter, count: int, current: int = 0) -> tuple[int, int]:
    """(first, last), 0-based inclusive, from what the print dialog chose:
    all pages, a page range (clamped to the document), or the current page."""
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.CurrentPage:
        return current, current
    if mode == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = min(max(printer.fromPage(), 1), count) - 1
        last = min(max(printer.toPage() or count, first + 1), count) - 1
        return first, last
    return 0, count - 1


def target_rect(paper: QRectF, page_w: float, page_h: float, dpi: float) -> QRectF:
    """Where a page (points) lands on the paper (device pixels): its true
    size, or scaled down to fit, centred."""
    w, h = page_w / 72 * dpi, page_h / 72 * dpi
    fit = min(1.0, paper.width() / w, paper.height() / h)
    w, h = w * fit, h * fit
    return QRectF(paper.x() + (paper.width() - w) / 2, paper.y() + (paper.height() - h) / 2, w, h)


def print_pdf(data: bytes | PdfPages, printer: QPrinter, first: int = 0, last: int | None = None,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Print pages ``first`` .. ``last`` (0-based, inclusive; default all);
    returns how many pages went to the printer. ``progress(done, total)``
    is called after each page (from the thread that prints)."""
    pages = data if isinstance(data, PdfPages) else PdfPages(data)
    try:
        count = len(pages)
        last = count - 1 if last is None else min(last, count - 1)
        first = max(0, first)
        if count == 0 or last < first:
            return 0
        printer.setFullPage(True)  # the PDF brings its own margins
        dpi = printer.resolution()
        paper = QRectF(printer.pageLayout().fullRectPixels(dpi))
        paper.moveTo(0, 0)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(printer.printerName() or printer.outputFileName())
        try:
            total = last - first + 1
            for n, index in enumerate(range(first, last + 1)):
                if n and not printer.newPage():
                    raise PrintFailed(printer.printerName() or printer.outputFileName())
                _paint_page(painter, pages, index, paper, dpi)
                if progress is not None:
                    progress(n + 1, total)
        finally:
            painter.end()
        return total
    finally:
        if pages is not data:
            pages.close()


def _paint_page(painter: QPainter, pages: PdfPages, index: int, paper: QRectF, dpi: float) -> None:
    page_w, page_h = pages.sizes[index]
    target = target_rect(paper, page_w, page_h, dpi)
    # pixels per point: the printer's own resolution, at most MAX_DPI
    scale = target.width() / page_w * min(1.0, MAX_DPI / dpi)
    width, height = pages.pixel_size(index, scale)
    band = max(16, BAND_BYTES // (4 * width))
    k = target.height() / height  # bitmap rows -> device pixels (1 unless capped or fitted)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, abs(k - 1) > 1e-3)
    for top in range(0, height, band):
        image = pages.render(index, scale, top, band, printing=True)
        painter.drawImage(QRectF(target.x(), target.y() + top * k, target.width(), image.height() * k), image)
