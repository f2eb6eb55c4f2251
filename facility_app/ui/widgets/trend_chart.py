"""A small line chart of measurements over time, drawn with QPainter.

PySide6-Essentials has no QtCharts, and a nurse needs only this: dated
points joined by lines, a shaded normal range, axes with dates and units,
a legend, and the value under the mouse. Sized to stay readable in a
third of a 1366x768 screen.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from care_core.domain import numbers
from care_core.domain.dates import dmy, dmy_short, month_year


@dataclass
class Series:
    name: str
    color: QColor
    points: list[tuple[date, float]] = field(default_factory=list)


@dataclass
class Band:
    """A shaded range (the normal values) with its caption."""

    low: float
    high: float
    label: str
    color: QColor = field(default_factory=lambda: QColor(46, 160, 67, 38))


def nice_step(span: float, target_ticks: int = 5) -> float:
    """1, 2 or 5 times a power of ten, so that about ``target_ticks`` ticks fit."""
    if span <= 0:
        return 1.0
    raw = span / max(target_ticks, 1)
    power = 10 ** math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        if raw <= mult * power:
            return mult * power
    return 10 * power


def _add_months(d: date, months: int) -> date:
    month = d.month - 1 + months
    return date(d.year + month // 12, month % 12 + 1, 1)


def date_ticks(first: date, last: date, max_ticks: int) -> tuple[list[date], str]:
    """Tick dates between first and last and how to print them ('day', 'month', 'year')."""
    span = (last - first).days
    if span <= max_ticks * 7:
        step = max(1, math.ceil(span / max(max_ticks - 1, 1)))
        ticks = [date.fromordinal(first.toordinal() + i) for i in range(0, span + 1, step)]
        return ticks, "day"
    months = span / 30.44
    for step in (1, 2, 3, 6):
        if months / step <= max_ticks:
            start = _add_months(first, 0 if first.day == 1 else 1)
            start = _add_months(start, (-(start.month - 1)) % step)  # align to Jan/Apr/Jul/Oct for step 3
            ticks = []
            d = start
            while d <= last:
                ticks.append(d)
                d = _add_months(d, step)
            return ticks, "month"
    years = max(1, math.ceil((last.year - first.year + 1) / max_ticks))
    ticks = [date(y, 1, 1) for y in range(first.year + 1, last.year + 1, years)]
    return ticks, "year"


def date_label(d: date, kind: str) -> str:
    if kind == "day":
        return dmy_short(d)
    if kind == "month":
        return month_year(d)
    return str(d.year)


class TrendChart(QWidget):
    """``set_data(title, unit, series, bands)``; hover a point to read it."""

    MARGIN = 10

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 200)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._title = ""
        self._unit = ""
        self._series: list[Series] = []
        self._bands: list[Band] = []
        self._empty_text = ""
        self._fixed: tuple[float | None, float | None] = (None, None)
        self._decimal_comma = False
        self._hits: list[tuple[int, list[float], list[float]]] = []  # series index, its points' x and y
        self.legend_rects: list[QRectF] = []  # where the last paint put them (tests check they never overlap)
        self.value_label_rects: list[QRectF] = []

    # --- data -------------------------------------------------------------

    def set_data(self, title: str, unit: str, series: list[Series], bands: list[Band] | None = None,
                 empty_text: str = "", y_min: float | None = None, y_max: float | None = None,
                 decimal_comma: bool = False) -> None:
        self._title, self._unit = title, unit
        self._series = [Series(s.name, s.color, sorted(s.points)) for s in series]
        self._bands = list(bands or [])
        self._empty_text = empty_text
        self._fixed = (y_min, y_max)
        self._decimal_comma = decimal_comma
        self.update()

    def point_count(self) -> int:
        return sum(len(s.points) for s in self._series)

    def title(self) -> str:
        return self._title

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(640, 280)

    # --- geometry -------------------------------------------------------------

    def _points(self) -> list[tuple[date, float]]:
        return [p for s in self._series for p in s.points]

    def _y_range(self) -> tuple[float, float, float]:
        values = [v for _d, v in self._points()]
        for band in self._bands:
            values += [band.low, band.high]
        low, high = min(values), max(values)
        if self._fixed[0] is not None:
            low = self._fixed[0]
        if self._fixed[1] is not None:
            high = self._fixed[1]
        if high - low < 1e-9:
            low, high = low - 1, high + 1
        step = nice_step(high - low, 5)
        low = math.floor(low / step) * step if self._fixed[0] is None else low
        high = math.ceil(high / step) * step if self._fixed[1] is None else high
        return low, high, step

    def _x_range(self) -> tuple[int, int]:
        days = [d.toordinal() for d, _v in self._points()]
        first, last = min(days), max(days)
        if last - first < 14:
            first, last = first - 7, last + 7
        pad = max(1, round((last - first) * 0.03))
        return first - pad, last + pad

    def _fmt(self, value: float) -> str:
        return numbers.fmt(value, "vi" if self._decimal_comma else "en")

    # --- painting ---------------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt naming
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        base_font = QFont(self.font())
        fm = QFontMetrics(base_font)
        self._hits = []

        title_font = QFont(base_font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(self.palette().text().color())
        top = self.MARGIN
        title = self._title + (f" ({self._unit})" if self._unit else "")
        painter.drawText(QRectF(self.MARGIN, top, self.width() - 2 * self.MARGIN, fm.height() + 4),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(base_font)
        self.legend_rects, self.value_label_rects = [], []
        if len(self._series) > 1:  # one line needs no legend: the title names it
            self.legend_rects = self._draw_legend(painter, fm, top)
        top += fm.height() + 12

        if not self._points():
            painter.setPen(QColor(110, 110, 110))
            painter.drawText(QRectF(0, top, self.width(), self.height() - top), Qt.AlignmentFlag.AlignCenter,
                             self._empty_text)
            painter.end()
            return

        low, high, step = self._y_range()
        ticks = []
        value = low
        while value <= high + step * 1e-6:
            ticks.append(value)
            value += step
        left = self.MARGIN + max(fm.horizontalAdvance(self._fmt(t)) for t in ticks) + 8
        bottom = self.height() - self.MARGIN - fm.height() - 6
        right = self.width() - self.MARGIN - 4
        plot = QRectF(left, top, max(right - left, 10), max(bottom - top, 10))
        x0, x1 = self._x_range()

        left_px, bottom_px = plot.left(), plot.bottom()
        per_day, per_unit = plot.width() / (x1 - x0), plot.height() / (high - low)

        def sx(day: date) -> float:
            return left_px + (day.toordinal() - x0) * per_day

        def sy(v: float) -> float:
            return bottom_px - (v - low) * per_unit

        # normal ranges (their captions are placed last, clear of the points)
        band_rects = []
        for band in self._bands:
            y_top, y_bottom = sy(min(band.high, high)), sy(max(band.low, low))
            if y_bottom <= y_top:
                continue
            painter.fillRect(QRectF(plot.left(), y_top, plot.width(), y_bottom - y_top), band.color)
            band_rects.append((band, y_top, y_bottom))

        # grid and y labels
        grid_pen = QPen(QColor(220, 220, 220))
        text_color = QColor(70, 70, 70)
        for t in ticks:
            y = sy(t)
            painter.setPen(grid_pen)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_color)
            painter.drawText(QRectF(self.MARGIN, y - fm.height() / 2, left - self.MARGIN - 6, fm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self._fmt(t))

        # x ticks
        max_ticks = max(2, int(plot.width() // (fm.horizontalAdvance("00/0000") + 24)))
        dates, kind = date_ticks(date.fromordinal(x0), date.fromordinal(x1), max_ticks)
        for d in dates:
            x = sx(d)
            if x < plot.left() - 0.5 or x > plot.right() + 0.5:
                continue
            painter.setPen(grid_pen)
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(text_color)
            text = date_label(d, kind)
            w = fm.horizontalAdvance(text)
            if x - w / 2 < 0 or x + w / 2 > self.width() - 2:
                continue  # a date cut by the edge helps nobody
            painter.drawText(QRectF(x - w / 2 - 2, plot.bottom() + 4, w + 4, fm.height()),
                             Qt.AlignmentFlag.AlignCenter, text)

        # axes
        painter.setPen(QPen(QColor(120, 120, 120), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

        # series: one polyline and one call for all dots each, so a ten-year
        # record (hundreds of points) paints as fast as a short one
        obstacles: list[QRectF] = []
        for index, s in enumerate(self._series):
            if not s.points:
                continue
            xs = [left_px + (d.toordinal() - x0) * per_day for d, _v in s.points]
            ys = [bottom_px - (v - low) * per_unit for _d, v in s.points]
            points = [QPointF(x, y) for x, y in zip(xs, ys)]
            line = QPolygonF(points)
            # separate segments, not one polyline: Qt strokes a long zigzag
            # polyline as one self-overlapping outline (50 ms for 700 points)
            pen = QPen(s.color, 2)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)  # the segments meet without a notch
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawLines([QLineF(a, b) for a, b in zip(points, points[1:])])
            radius = 3.5 if len(xs) > 60 else 4.5
            dot = QPen(s.color, 2 * radius + 2)  # a filled circle of ``radius`` with its 1-px outline
            dot.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(dot)
            painter.drawPoints(line)
            self._hits.append((index, xs, ys))
            # the latest value, written beside the last point
            painter.setPen(s.color.darker(130))
            text = self._fmt(s.points[-1][1])
            rect = self._value_label_rect(fm, text, line.last(), plot, self.legend_rects + self.value_label_rects)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            obstacles.append(rect)
            self.value_label_rects.append(rect)
        self._draw_band_captions(painter, fm, plot, band_rects, obstacles)
        painter.end()

    @staticmethod
    def _value_label_rect(fm: QFontMetrics, text: str, point: QPointF, plot: QRectF, taken: list[QRectF]) -> QRectF:
        """Above and right of the point; below it when that would leave the
        plot (a value at the top of the axis) or cover the legend or another label."""
        w, h = fm.horizontalAdvance(text) + 2, fm.height()
        x = max(plot.left() + 2, min(point.x() + 6, plot.right() - w))
        above = QRectF(x, point.y() - 6 - h, w, h)
        below = QRectF(x, point.y() + 6, w, h)
        left = QRectF(max(plot.left() + 2, point.x() - 8 - w), point.y() - h / 2, w, h)

        def fits(rect: QRectF) -> bool:
            return (rect.top() >= plot.top() - 1 and rect.bottom() <= plot.bottom() + 1
                    and not any(rect.intersects(t) for t in taken))

        return next((r for r in (above, below, left) if fits(r)), below if above.top() < plot.top() else above)

    def _draw_band_captions(self, painter: QPainter, fm: QFontMetrics, plot: QRectF, bands, obstacles) -> None:
        """Each normal range's caption in the corner of its band that covers the fewest points."""
        points = [(x, y) for _i, xs, ys in self._hits for x, y in zip(xs, ys)]
        for band, y_top, y_bottom in bands:
            w, h = fm.horizontalAdvance(band.label) + 8, fm.height() + 2
            candidates = [QRectF(plot.right() - w - 2, y_top + 1, w, h), QRectF(plot.left() + 4, y_top + 1, w, h),
                          QRectF(plot.right() - w - 2, y_bottom - h - 1, w, h), QRectF(plot.left() + 4, y_bottom - h - 1, w, h)]

            def cost(rect: QRectF) -> int:
                grown = rect.adjusted(-6, -6, 6, 6)
                left, top, right, bottom = grown.left(), grown.top(), grown.right(), grown.bottom()
                covered = sum(1 for x, y in points if left <= x <= right and top <= y <= bottom)
                return covered + sum(grown.intersects(o) for o in obstacles) * 2

            rect = min(candidates, key=cost)
            painter.fillRect(rect, QColor(255, 255, 255, 200))
            colour = QColor(band.color)
            colour.setAlpha(255)
            painter.setPen(colour.darker(170))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, band.label)
            obstacles.append(rect)

    def _draw_legend(self, painter: QPainter, fm: QFontMetrics, top: float) -> list[QRectF]:
        """Right of the title, above the plot; returns the rectangles it covers."""
        x = self.width() - self.MARGIN
        rects = []
        for s in reversed(self._series):
            w = fm.horizontalAdvance(s.name)
            x -= w
            painter.setPen(self.palette().text().color())
            text_rect = QRectF(x, top, w + 2, fm.height() + 4)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, s.name)
            x -= 20
            painter.fillRect(QRectF(x, top + fm.height() / 2 - 1, 14, 4), s.color)
            rects.append(QRectF(x, top, text_rect.right() - x, text_rect.height()))
            x -= 16
        return rects

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt naming
        pos = event.position()
        px, py = pos.x(), pos.y()
        best = None
        for index, xs, ys in self._hits:
            for k, (x, y) in enumerate(zip(xs, ys)):
                distance = abs(x - px) + abs(y - py)
                if distance < 14 and (best is None or distance < best[0]):
                    best = (distance, index, k)
        if best:
            QToolTip.showText(event.globalPosition().toPoint(), self.point_text(best[1], best[2]), self)
        else:
            QToolTip.hideText()

    def point_text(self, series: int, k: int) -> str:
        """What hovering a point says: the series, value with unit, and date
        (made when asked, not for every point at every paint)."""
        s = self._series[series]
        d, v = s.points[k]
        unit = f" {self._unit}" if self._unit else ""
        return f"{s.name}: {self._fmt(v)}{unit} — {dmy(d)}"
