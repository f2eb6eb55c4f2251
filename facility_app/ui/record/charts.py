"""Which trend charts the record shows, and what each one plots."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ...domain.entities import Checkup, RehabSession
from ..widgets.trend_chart import Band, Series, TrendChart
from . import labels, norms

translate = QCoreApplication.translate
BLUE = QColor(31, 98, 180)
ORANGE = QColor(214, 100, 20)
GREEN = QColor(30, 130, 60)
PURPLE = QColor(120, 60, 160)
BAND = QColor(46, 160, 67, 38)
BAND_2 = QColor(31, 98, 180, 28)

CHARTS = ("blood_pressure", "weight", "bmi", "glucose")


def chart_name(key: str) -> str:
    return {
        "blood_pressure": translate("RecordCharts", "Blood pressure"),
        "weight": translate("RecordCharts", "Weight"),
        "bmi": translate("RecordCharts", "BMI"),
        "glucose": translate("RecordCharts", "Blood glucose"),
    }[key]


def _range_text(name: str, lang: str, template: str) -> str:
    low, high = norms.NORMAL[name]
    return template.replace("%1", labels.number(low, lang)).replace("%2", labels.number(high, lang))


def show_checkups(chart: TrendChart, key: str, checkups: list[Checkup], lang: str) -> None:
    empty = translate("RecordCharts", "No measurements recorded yet.")

    def points(get) -> list:
        return [(c.checkup_date, get(c)) for c in checkups if get(c) is not None]

    comma = lang == "vi"
    if key == "blood_pressure":
        series = [Series(translate("RecordCharts", "Systolic"), ORANGE, points(lambda c: c.vitals.systolic)),
                  Series(translate("RecordCharts", "Diastolic"), BLUE, points(lambda c: c.vitals.diastolic))]
        bands = [Band(*norms.NORMAL["systolic"], _range_text("systolic", lang, translate("RecordCharts", "systolic: normal %1–%2")), BAND),
                 Band(*norms.NORMAL["diastolic"], _range_text("diastolic", lang, translate("RecordCharts", "diastolic: normal %1–%2")), BAND_2)]
        chart.set_data(chart_name(key), "mmHg", series, bands, empty, decimal_comma=comma)
    elif key == "weight":
        chart.set_data(chart_name(key), "kg", [Series(chart_name(key), GREEN, points(lambda c: c.vitals.weight_kg))],
                       [], empty, decimal_comma=comma)
    elif key == "bmi":
        chart.set_data(chart_name(key), "kg/m²", [Series(chart_name(key), PURPLE, points(lambda c: c.vitals.bmi))],
                       [Band(*norms.NORMAL["bmi"], _range_text("bmi", lang, translate("RecordCharts", "normal %1–%2")), BAND)], empty, decimal_comma=comma)
    elif key == "glucose":
        chart.set_data(chart_name(key), "mmol/L", [Series(chart_name(key), ORANGE, points(lambda c: c.vitals.glucose))],
                       [Band(*norms.NORMAL["glucose"], _range_text("glucose", lang, translate("RecordCharts", "fasting: normal %1–%2")), BAND)],
                       empty, decimal_comma=comma)


def show_barthel(chart: TrendChart, sessions: list[RehabSession], lang: str) -> None:
    points = [(s.session_date, s.barthel) for s in sessions if s.barthel is not None]
    chart.set_data(translate("RecordCharts", "Barthel index"), translate("RecordCharts", "points"),
                   [Series(translate("RecordCharts", "Barthel"), GREEN, points)],
                   [Band(91, 100, translate("RecordCharts", "independent or nearly (91–100)"), BAND)],
                   translate("RecordCharts", "No Barthel score recorded yet."), y_min=0, y_max=100,
                   decimal_comma=lang == "vi")
