"""Charts drawn with reportlab graphics (vector, same font as the text).

Sober on purpose: they print on the black-and-white laser printers most
facilities have, so series differ by shade and marker, every bar carries
its value, and nothing relies on colour alone.
"""
from __future__ import annotations

import math
from datetime import date

from reportlab import rl_config
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm

from care_core.domain.dates import month_year
from .layout import BOLD, FONT, register_fonts
from .tables import fmt_num

# Checking every attribute set on a shape is a development aid that costs a
# third of a chart's drawing time; our charts are fixed code, so skip it.
rl_config.shapeChecking = 0

MAX_MARKERS = 40  # beyond this many points a line reads better without dots

DARK = colors.Color(0.20, 0.32, 0.50)
MID = colors.Color(0.55, 0.62, 0.72)
GREY = colors.Color(0.45, 0.45, 0.45)
LIGHT = colors.Color(0.80, 0.80, 0.80)
SERIES = [DARK, colors.Color(0.70, 0.35, 0.20), colors.Color(0.25, 0.55, 0.35)]
MARKERS = ["FilledCircle", "FilledSquare", "FilledDiamond"]
BAND_FILLS = [colors.Color(0.88, 0.93, 0.88), colors.Color(0.88, 0.90, 0.95)]  # normal ranges, pale


def _drawing(width: float, height: float) -> Drawing:
    """A drawing whose text defaults to the embedded font (not Helvetica)."""
    d = Drawing(width, height)
    d.initialFontName = FONT
    d.initialFontSize = 10
    return d


def _title(d: Drawing, text_: str, width: float, height: float) -> None:
    d.add(String(width / 2, height - 12, text_, fontName=BOLD, fontSize=11, textAnchor="middle"))


def _nice_max(value: float) -> float:
    """A round top for a value axis, a little above the highest bar (room for its label)."""
    if value <= 5:
        return 5
    for scale in (1, 10, 100, 1000, 10000, 100000):
        for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8):
            if step * scale >= value * 1.1:
                return step * scale
    return value * 1.2


def horizontal_bars(title: str, categories: list[str], values: list[float], *, width: float,
                    value_format=lambda v: fmt_num(v, 0), bar_colors: list | None = None) -> Drawing:
    """One bar per category, label on the left, value at the bar's end."""
    register_fonts()
    row = 7 * mm
    label_w = 48 * mm
    height = 22 + row * max(len(categories), 1) + 16
    d = _drawing(width, height)
    _title(d, title, width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_w, 14
    chart.width, chart.height = width - label_w - 18 * mm, row * max(len(categories), 1)
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = list(reversed(categories)) or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 10
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = GREY
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_max(max(values, default=0))
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 9
    chart.valueAxis.strokeColor = GREY
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = LIGHT
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.labelTextFormat = lambda v: fmt_num(v, 0)
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = DARK
    if bar_colors:
        for i, c in enumerate(reversed(bar_colors)):
            chart.bars[(0, i)].fillColor = c
    chart.barLabelFormat = value_format
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 10
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barWidth = 4 * mm
    d.add(chart)
    return d


def vertical_bars(title: str, categories: list[str], values: list[float], *, width: float,
                  height: float = 62 * mm, value_format=lambda v: fmt_num(v, 0),
                  bar_colors: list | None = None, value_max: float | None = None) -> Drawing:
    register_fonts()
    d = _drawing(width, height)
    _title(d, title, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 12 * mm
    chart.width, chart.height = width - 20 * mm, height - 12 * mm - 22
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = categories or [""]
    top = value_max or _nice_max(max(values, default=0))
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 10
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = GREY
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 9
    chart.valueAxis.strokeColor = GREY
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = LIGHT
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.valueAxis.labelTextFormat = lambda v: fmt_num(v, 0)
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = DARK
    if bar_colors:
        for i, c in enumerate(bar_colors):
            chart.bars[(0, i)].fillColor = c
    chart.barLabelFormat = value_format
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 10
    chart.barLabels.nudge = 7
    chart.groupSpacing = 8
    d.add(chart)
    return d


def no_data(title: str, width: float, message: str = "Không có số liệu trong kỳ") -> Drawing:
    height = 26 * mm
    d = _drawing(width, height)
    _title(d, title, width, height)
    d.add(Rect(0, 4, width, height - 22, strokeColor=LIGHT, fillColor=None, strokeWidth=0.6))
    d.add(String(width / 2, (height - 18) / 2, message, fontName=FONT, fontSize=10.5,
                 textAnchor="middle", fillColor=GREY))
    return d


def side_by_side(left: Drawing, right: Drawing, gap: float = 6 * mm) -> Drawing:
    """Two charts on one row."""
    height = max(left.height, right.height)
    d = _drawing(left.width + gap + right.width, height)
    left.translate(0, height - left.height)
    d.add(left)
    right.translate(left.width + gap, height - right.height)
    d.add(right)
    return d


def _date_ticks(first: date, last: date, most: int = 7) -> tuple[list[int], str]:
    """Tick days on month or year starts, at most ``most``, and the label form."""
    months = (last.year - first.year) * 12 + last.month - first.month
    if months > 36:
        step = max(1, -(-(last.year - first.year + 1) // most))
        years = range(first.year + 1 if first > date(first.year, 1, 1) else first.year, last.year + 1, step)
        return [date(y, 1, 1).toordinal() for y in years], "year"
    step = next((s for s in (1, 2, 3, 6, 12) if months / s <= most - 1), 12)
    ticks, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        day = date(y, m, 1)
        if day >= first and (m - 1) % step == 0:
            ticks.append(day.toordinal())
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return ticks, "month"


def _value_ticks(low: float, high: float, decimals: int) -> list[float]:
    """Round steps (1, 2, 2.5, 5 x 10^k; whole numbers when decimals is 0)."""
    span = max(high - low, 10 ** -decimals)
    for k in range(-decimals, 6):
        for m in (1, 2, 2.5, 5):
            step = m * 10 ** k
            if decimals == 0 and step != int(step):
                continue
            if span / step <= 5:
                first = math.ceil(low / step) * step
                return [first + i * step for i in range(int((high - first) / step + 1e-9) + 1)]
    return [low, high]


def trend(title: str, series: list[tuple[str, list[tuple[date, float]]]], *, width: float,
          height: float = 55 * mm, unit: str = "", bands: list[tuple[float, str]] | None = None,
          normal: list[tuple[float, float, str]] | None = None,
          decimals: int = 0, y_range: tuple[float, float] | None = None) -> Drawing:
    """Values over time, one line per series, with a legend, optional
    dashed reference lines (e.g. 140 mmHg) and shaded normal bands
    ``(low, high, caption)`` (light grey, so they print); ``y_range`` fixes
    the scale (Barthel 0-100, so a small change looks small)."""
    register_fonts()
    points = [pt for _, pts in series for pt in pts]
    if not points:
        return no_data(title, width, "Chưa có số đo")
    d = _drawing(width, height)
    _title(d, title + (f" ({unit})" if unit else ""), width, height)
    first, last = min(pt[0] for pt in points), max(pt[0] for pt in points)
    x_min, x_max = first.toordinal(), last.toordinal()
    x_min, x_max = min(x_min, x_max - 60), max(x_max, x_min + 60)  # two months at least
    span = x_max - x_min
    x_lo, x_hi = x_min - span * 0.04, x_max + span * 0.04
    ticks, kind = _date_ticks(date.fromordinal(x_min), date.fromordinal(x_max),
                              7 if width > 120 * mm else 4)
    ys = [pt[1] for pt in points] + [b for b, _ in (bands or [])] + [y for lo, hi, _ in (normal or []) for y in (lo, hi)]
    y_min, y_max = min(ys), max(ys)
    pad = max((y_max - y_min) * 0.12, 1 if decimals == 0 else 0.5)
    y_lo, y_hi = (y_min - pad, y_max + pad) if y_range is None else y_range
    plot = LinePlot()
    plot.x, plot.y = 14 * mm, 16 * mm
    plot.width, plot.height = width - 20 * mm, height - 16 * mm - 30
    plot.data = [[(p_[0].toordinal(), p_[1]) for p_ in pts] or [(x_min, y_min)] for _, pts in series]
    for i in range(len(series)):
        plot.lines[i].strokeColor = SERIES[i % len(SERIES)]
        plot.lines[i].strokeWidth = 1.2
        if len(series[i][1]) <= MAX_MARKERS:
            plot.lines[i].symbol = makeMarker(MARKERS[i % len(MARKERS)], size=3.5, fillColor=SERIES[i % len(SERIES)],
                                              strokeColor=SERIES[i % len(SERIES)])
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = x_lo, x_hi
    plot.xValueAxis.valueSteps = ticks
    plot.xValueAxis.labels.fontName = FONT
    plot.xValueAxis.labels.fontSize = 8.5
    plot.xValueAxis.labelTextFormat = (
        (lambda v: str(date.fromordinal(int(v)).year)) if kind == "year" else
        (lambda v: month_year(date.fromordinal(int(v)))))
    plot.xValueAxis.strokeColor = GREY
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = y_lo, y_hi
    plot.yValueAxis.valueSteps = _value_ticks(y_lo, y_hi, decimals)
    plot.yValueAxis.labels.fontName = FONT
    plot.yValueAxis.labels.fontSize = 8.5
    plot.yValueAxis.labelTextFormat = lambda v: fmt_num(v, decimals if v != int(v) else 0)
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = LIGHT
    plot.yValueAxis.gridStrokeWidth = 0.4
    plot.yValueAxis.strokeColor = GREY
    def y_of(value: float) -> float:
        return plot.y + (value - y_lo) / (y_hi - y_lo) * plot.height

    for i, (low, high, caption) in enumerate(normal or []):  # behind the lines, captioned at the foot
        d.add(Rect(plot.x, y_of(low), plot.width, y_of(high) - y_of(low), strokeColor=None,
                   fillColor=BAND_FILLS[i % len(BAND_FILLS)]))
        d.add(String(plot.x + 3, y_of(low) + 2, caption, fontName=FONT, fontSize=8, fillColor=GREY))
    d.add(plot)
    for value, label in bands or []:
        y = plot.y + (value - plot.yValueAxis.valueMin) / (plot.yValueAxis.valueMax - plot.yValueAxis.valueMin) * plot.height
        d.add(Line(plot.x, y, plot.x + plot.width, y, strokeColor=GREY, strokeWidth=0.6, strokeDashArray=[3, 2]))
        d.add(String(plot.x + plot.width - 2, y + 2, label, fontName=FONT, fontSize=8, textAnchor="end", fillColor=GREY))
    x = plot.x
    for i, (name, _) in enumerate(series):  # legend under the plot
        colour = SERIES[i % len(SERIES)]
        d.add(Line(x, 4, x + 10, 4, strokeColor=colour, strokeWidth=1.4))
        d.add(String(x + 13, 1.5, name, fontName=FONT, fontSize=9))
        x += 13 + len(name) * 4.6 + 12
    return d
