"""A PDF held in memory, its pages drawn into QImages with pypdfium2.

Used by the preview (a page at screen size) and by printing (a page in
horizontal bands at the printer's resolution). Nothing is written to disk:
the report's bytes go straight to PDFium.

PDFium is not thread-safe, and the preview (GUI thread) and printing (a
worker) may both use it, so every call into it goes through ``PDFIUM_LOCK``.
Documents and pages are closed explicitly under that lock rather than left
to the garbage collector, which could finalise them on whichever thread
happens to run it.
"""
from __future__ import annotations

import math
import sys
import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PySide6.QtGui import QImage

PDFIUM_LOCK = threading.RLock()

# pypdfium2's pixel layouts (``PdfBitmap.mode``) as QImage formats. The
# 32-bit B-G-R-x byte order is Qt's (A)RGB32 on a little-endian machine,
# the only kind this app ships for; a big-endian one asks PDFium for
# R-G-B-x bytes instead, which Qt reads the same way on any machine.
_FORMATS = {
    "BGRX": QImage.Format.Format_RGB32,
    "BGRA": QImage.Format.Format_ARGB32,
    "RGBX": QImage.Format.Format_RGBX8888,
    "RGBA": QImage.Format.Format_RGBA8888,
    "BGR": QImage.Format.Format_BGR888,
    "RGB": QImage.Format.Format_RGB888,
    "L": QImage.Format.Format_Grayscale8,
}
_BIG_ENDIAN = sys.byteorder == "big"
_FLAGS = pdfium_c.FPDF_ANNOT


def to_qimage(bitmap: pdfium.PdfBitmap) -> QImage:
    """A QImage owning a copy of the bitmap's pixels (the bitmap may be closed after)."""
    fmt = _FORMATS.get(bitmap.mode)
    if fmt is None:
        raise ValueError(f"unexpected PDFium pixel layout {bitmap.mode}")
    view = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt)
    return view.copy()  # the view points into PDFium's buffer; the copy is Qt's own


class PdfPages:
    """An open PDF: how many pages, how big (in points), and any part of a
    page as a QImage at any scale (pixels per point)."""

    def __init__(self, data: bytes):
        self.data = bytes(data)  # PDFium reads from this buffer while the document is open
        with PDFIUM_LOCK:
            self._doc = pdfium.PdfDocument(self.data)
            self.sizes: list[tuple[float, float]] = [self._doc.get_page_size(i) for i in range(len(self._doc))]

    def __len__(self) -> int:
        return len(self.sizes)

    def pixel_size(self, index: int, scale: float) -> tuple[int, int]:
        w, h = self.sizes[index]
        return max(1, math.ceil(w * scale)), max(1, math.ceil(h * scale))

    def render(self, index: int, scale: float, top: int = 0, rows: int | None = None,
               printing: bool = False) -> QImage:
        """Page ``index`` (0-based) drawn at ``scale`` pixels per point, white
        behind; only the band of pixel rows ``top`` .. ``top + rows`` of the
        whole page's bitmap (all rows by default), so a page at 600 dpi can
        be printed without holding 140 MB of pixels at once."""
        width, height = self.pixel_size(index, scale)
        rows = height - top if rows is None else min(rows, height - top)
        if rows <= 0 or top < 0:
            raise ValueError(f"rows {top}..{top + rows} outside a page {height} pixels high")
        flags = _FLAGS | (pdfium_c.FPDF_PRINTING if printing else 0)
        if _BIG_ENDIAN:
            flags |= pdfium_c.FPDF_REVERSE_BYTE_ORDER
        with PDFIUM_LOCK:
            page = self._doc[index]
            try:
                bitmap = pdfium.PdfBitmap.new_native(width, rows, pdfium_c.FPDFBitmap_BGRx, rev_byteorder=_BIG_ENDIAN)
                try:
                    bitmap.fill_rect((255, 255, 255, 255), 0, 0, width, rows)
                    # the whole page is laid out at (0, -top): PDFium draws only what falls in the band
                    pdfium_c.FPDF_RenderPageBitmap(bitmap.raw, page.raw, 0, -top, width, height, 0, flags)
                    return to_qimage(bitmap)
                finally:
                    bitmap.close()
            finally:
                page.close()

    def close(self) -> None:
        with PDFIUM_LOCK:
            if self._doc is not None:
                self._doc.close()
                self._doc = None

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutting down
            pass
