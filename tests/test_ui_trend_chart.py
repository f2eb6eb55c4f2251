"""The trend chart's latest-value labels never cover the legend (issue 11,
point 8: a value at the top of the axis was written over it). Real widget,
painted offscreen; the label and legend rectangles are those of the paint.
"""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QColor

from facility_app.ui.widgets.trend_chart import Band, Series, TrendChart
from tests.ui_shell_fixtures import screenshots  # noqa: F401 - fixture


def _pressure(last_systolic: float, last_diastolic: float) -> list[Series]:
    days = [date(2026, m, 5) for m in range(1, 12)]
    systolic = [128, 135, 131, 142, 138, 150, 144, 139, 147, 152, last_systolic]
    diastolic = [78, 82, 80, 88, 84, 90, 86, 83, 89, 91, last_diastolic]
    return [Series("Tâm thu", QColor("#c0392b"), list(zip(days, systolic))),
            Series("Tâm trương", QColor("#2471a3"), list(zip(days, diastolic)))]


@pytest.mark.parametrize("size", [(640, 280), (420, 200), (1300, 240)])
@pytest.mark.parametrize("last", [(180, 120), (160, 100), (150, 60)])
def test_latest_values_stay_inside_the_plot_and_off_the_legend(qtbot, screenshots, size, last):
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(*size)
    # the axis ends exactly at the latest value: its label used to rise into the legend's row
    chart.set_data("Huyết áp", "mmHg", _pressure(*last), [Band(90, 139, "Bình thường")], y_max=last[0])
    image = chart.grab()
    assert len(chart.legend_rects) == 2 and len(chart.value_label_rects) == 2
    for label in chart.value_label_rects:
        assert not any(label.intersects(legend) for legend in chart.legend_rects), (label, chart.legend_rects)
        assert label.top() >= max(r.bottom() for r in chart.legend_rects)
        assert 0 <= label.left() and label.right() <= size[0] and label.bottom() <= size[1]
    first, second = chart.value_label_rects
    assert not first.intersects(second)  # the two latest values do not cover each other either
    image.save(str(screenshots / f"trend-{size[0]}x{size[1]}-{last[0]}.png"))


def test_a_single_series_has_no_legend_and_its_label_stays_in_the_widget(qtbot):
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(400, 200)
    chart.set_data("Cân nặng", "kg", [Series("Cân nặng", QColor("#333"), [(date(2026, 1, 1), 50), (date(2026, 6, 1), 62)])],
                   y_max=62)
    chart.grab()
    assert chart.legend_rects == [] and len(chart.value_label_rects) == 1
    (label,) = chart.value_label_rects
    assert label.top() >= 0 and label.right() <= 400
