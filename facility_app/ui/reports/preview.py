"""A scrollable preview of a PDF: pages one under another, zoom to the
window's width or to real size (100 %), step the zoom, "page x/y".

Pages are drawn by PDFium (``pdf_pages``) when they come into sight, at the
zoom and the screen's pixel ratio, and up to 64 MB of them are kept;
scrolling a 10-page report at fit width re-renders nothing already seen.
Ctrl + mouse wheel zooms.
"""
from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..style import mark
from .pdf_pages import PdfPages

GAP = 12  # pixels between pages and around them
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
CACHE_BYTES = 64 << 20  # drawn pages kept: a few at fit width, two at 400 %


class PageCanvas(QWidget):
    """The pages at one scale (pixels per point), stacked and centred."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdfCanvas")
        self.pages: PdfPages | None = None
        self.scale = 1.0
        self._rects: list[QRect] = []
        self._cache: OrderedDict[tuple[int, float], object] = OrderedDict()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_pages(self, pages: PdfPages | None) -> None:
        self.pages = pages
        self._cache.clear()
        self._layout()

    def set_scale(self, scale: float) -> None:
        if abs(scale - self.scale) > 1e-6:
            self.scale = scale
            self._cache.clear()
            self._layout()

    def page_rects(self) -> list[QRect]:
        return list(self._rects)

    def _layout(self) -> None:
        self._rects = []
        if self.pages is None:
            self.resize(0, 0)
            return
        sizes = [(round(w * self.scale), round(h * self.scale)) for w, h in self.pages.sizes]
        width = max(w for w, _ in sizes) + 2 * GAP
        y = GAP
        for w, h in sizes:
            self._rects.append(QRect((width - w) // 2, y, w, h))
            y += h + GAP
        self.resize(width, y)
        self.update()

    def sizeHint(self) -> QSize:
        return self.size()

    def _image(self, index: int):
        ratio = self.devicePixelRatioF()
        key = (index, self.scale * ratio)
        image = self._cache.get(key)
        if image is None:
            image = self.pages.render(index, self.scale * ratio)
            image.setDevicePixelRatio(ratio)
            self._cache[key] = image
            while len(self._cache) > 1 and sum(i.sizeInBytes() for i in self._cache.values()) > CACHE_BYTES:
                self._cache.popitem(last=False)  # the page seen longest ago
        else:
            self._cache.move_to_end(key)
        return image

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#7a7f85"))
        for index, rect in enumerate(self._rects):
            if not rect.intersects(event.rect()):
                continue
            painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 70))
            painter.drawImage(QRectF(rect), self._image(index))
        painter.end()


class PdfPreview(QWidget):
    """The preview with its own small toolbar. ``set_pdf(bytes)`` shows a
    document, ``clear(text)`` shows a sentence instead."""

    sig_page_changed = Signal(int, int)  # current (1-based), count

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.pages: PdfPages | None = None
        self._fit = True
        self._zoom = 1.0  # relative to real size, when not fitting the width

        self.fit_button = QToolButton(objectName="previewFitWidth", checkable=True, checked=True)
        self.real_button = QToolButton(objectName="previewRealSize", checkable=True)
        self.out_button = QToolButton(objectName="previewZoomOut", text="−")
        self.in_button = QToolButton(objectName="previewZoomIn", text="+")
        self.zoom_label = QLabel(objectName="previewZoom")
        self.prev_button = QToolButton(objectName="previewPrevPage", arrowType=Qt.ArrowType.UpArrow)
        self.next_button = QToolButton(objectName="previewNextPage", arrowType=Qt.ArrowType.DownArrow)
        self.page_label = QLabel(objectName="previewPage")
        self.fit_button.clicked.connect(self.fit_width)
        self.real_button.clicked.connect(lambda: self.set_zoom(1.0))
        self.out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.in_button.clicked.connect(lambda: self.step_zoom(+1))
        self.prev_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.fit_button, self.real_button, self.out_button, self.in_button, self.zoom_label):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(w)

        self.canvas = PageCanvas()
        self.scroll = QScrollArea(objectName="previewScroll")
        self.scroll.setWidget(self.canvas)
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # fitting never oscillates
        self.scroll.setStyleSheet("QScrollArea { background: #7a7f85; }")
        self.scroll.viewport().installEventFilter(self)
        self.scroll.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.empty = mark(QLabel(objectName="previewEmpty"), "hint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setFrameShape(QFrame.Shape.StyledPanel)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.scroll)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.stack, 1)
        self._refit = QTimer(self, singleShot=True, interval=60)  # a resize drag re-renders once, at the end
        self._refit.timeout.connect(self._apply_zoom)
        self.retranslate()
        self._update_controls()

    def retranslate(self) -> None:
        self.fit_button.setText(self.tr("Fit width"))
        self.fit_button.setToolTip(self.tr("Pages as wide as the preview"))
        self.real_button.setText(self.tr("100 %"))
        self.real_button.setToolTip(self.tr("Pages at their real size on paper"))
        self.out_button.setToolTip(self.tr("Smaller"))
        self.in_button.setToolTip(self.tr("Larger"))
        self.prev_button.setToolTip(self.tr("Previous page"))
        self.next_button.setToolTip(self.tr("Next page"))
        if not self.empty.text():
            self.empty.setText(self.tr("Nothing to show yet."))
        self._update_controls()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the document ------------------------------------------------------------------

    def set_pdf(self, data: bytes) -> None:
        old, self.pages = self.pages, PdfPages(data)
        self.canvas.set_pages(self.pages)
        if old is not None:
            old.close()
        self.stack.setCurrentWidget(self.scroll)
        self._apply_zoom()
        self.scroll.verticalScrollBar().setValue(0)
        self._update_controls()

    def clear(self, text: str = "") -> None:
        old, self.pages = self.pages, None
        self.canvas.set_pages(None)
        if old is not None:
            old.close()
        self.empty.setText(text or self.tr("Nothing to show yet."))
        self.stack.setCurrentWidget(self.empty)
        self._update_controls()

    def page_count(self) -> int:
        return len(self.pages) if self.pages is not None else 0

    # --- zoom -----------------------------------------------------------------------------

    def _real_scale(self) -> float:
        """Pixels per point at real size: the screen's logical dots per inch / 72."""
        return self.logicalDpiX() / 72

    def scale(self) -> float:
        if self.pages is None:
            return self.canvas.scale
        if self._fit:
            widest = max(w for w, _ in self.pages.sizes)
            room = self.scroll.viewport().width() - 2 * GAP - 4
            return max(0.1, room / widest)
        return self._zoom * self._real_scale()

    def zoom_percent(self) -> int:
        return round(self.scale() / self._real_scale() * 100)

    def fit_width(self) -> None:
        self._fit = True
        self._apply_zoom()

    def set_zoom(self, zoom: float) -> None:
        self._fit = False
        self._zoom = min(max(zoom, ZOOM_STEPS[0]), ZOOM_STEPS[-1])
        self._apply_zoom()

    def step_zoom(self, direction: int) -> None:
        now = self.scale() / self._real_scale()
        if direction > 0:
            bigger = [z for z in ZOOM_STEPS if z > now + 1e-3]
            self.set_zoom(bigger[0] if bigger else ZOOM_STEPS[-1])
        else:
            smaller = [z for z in ZOOM_STEPS if z < now - 1e-3]
            self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def _apply_zoom(self) -> None:
        bar = self.scroll.verticalScrollBar()
        where = bar.value() / max(1, self.canvas.height())  # keep the same place in view
        self.canvas.set_scale(self.scale())
        bar.setValue(round(where * self.canvas.height()))
        self._update_controls()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.scroll.viewport():
            if event.type() == QEvent.Type.Resize and self._fit:
                self._refit.start()
            elif (event.type() == QEvent.Type.Wheel and self.pages is not None
                  and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
                self.step_zoom(1 if event.angleDelta().y() > 0 else -1)  # Ctrl+wheel zooms, as in any viewer
                return True
        return super().eventFilter(watched, event)

    # --- pages ----------------------------------------------------------------------------

    def current_page(self) -> int:
        """0-based: the page under the upper third of the view."""
        rects = self.canvas.page_rects()
        if not rects:
            return 0
        y = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 3
        for index, rect in enumerate(rects):
            if y < rect.bottom() + GAP:
                return index
        return len(rects) - 1

    def go_to_page(self, index: int) -> None:
        rects = self.canvas.page_rects()
        if not rects:
            return
        index = min(max(index, 0), len(rects) - 1)
        self.scroll.verticalScrollBar().setValue(rects[index].top() - GAP)
        self._update_controls()

    def _scrolled(self, _value: int) -> None:
        self._update_controls()

    def _update_controls(self) -> None:
        count = self.page_count()
        has = count > 0
        for w in (self.fit_button, self.real_button, self.out_button, self.in_button):
            w.setEnabled(has)
        self.fit_button.setChecked(self._fit)
        self.real_button.setChecked(not self._fit and abs(self._zoom - 1.0) < 1e-6)
        self.zoom_label.setText(f"{self.zoom_percent()} %" if has else "")
        current = self.current_page() + 1 if has else 0
        self.page_label.setText(self.tr("Page %1/%2").replace("%1", str(current)).replace("%2", str(count))
                                if has else "")
        self.prev_button.setEnabled(has and current > 1)
        self.next_button.setEnabled(has and current < count)
        if has:
            self.sig_page_changed.emit(current, count)
