"""Which trend charts the record shows, and what each one plots."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from care_core import fields
from care_core.domain.entities import Checkup, RehabSession
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


def _unit(name: str, lang: str) -> str:
    return fields.vital(name).unit_text(lang)


def _band(name: str, birth: date | None, day: date, lang: str, template: str, color: QColor) -> list[Band]:
    """The normal band at the resident's age on ``day``, captioned; none for a child's BMI."""
    normal = norms.normal_range(name, birth, day)
    if normal is None:
        return []
    low, high = normal
    return [Band(low, high, template.replace("%1", labels.number(low, lang)).replace("%2", labels.number(high, lang)), color)]


def show_checkups(chart: TrendChart, key: str, checkups: list[Checkup], lang: str, birth: date | None = None) -> None:
    """``checkups`` oldest first; the bands are those of the resident's age at the latest one."""
    empty = translate("RecordCharts", "No measurements recorded yet.")
    day = checkups[-1].checkup_date if checkups else date.min

    def points(get) -> list:
        return [(c.checkup_date, get(c)) for c in checkups if get(c) is not None]

    comma = lang == "vi"
    if key == "blood_pressure":
        series = [Series(translate("RecordCharts", "Systolic"), ORANGE, points(lambda c: c.vitals.systolic)),
                  Series(translate("RecordCharts", "Diastolic"), BLUE, points(lambda c: c.vitals.diastolic))]
        bands = (_band("systolic", birth, day, lang, translate("RecordCharts", "systolic: normal %1–%2"), BAND)
                 + _band("diastolic", birth, day, lang, translate("RecordCharts", "diastolic: normal %1–%2"), BAND_2))
        chart.set_data(chart_name(key), _unit("systolic", lang), series, bands, empty, decimal_comma=comma)
    elif key == "weight":
        chart.set_data(chart_name(key), _unit("weight_kg", lang), [Series(chart_name(key), GREEN, points(lambda c: c.vitals.weight_kg))],
                       [], empty, decimal_comma=comma)
    elif key == "bmi":
        chart.set_data(chart_name(key), _unit("bmi", lang), [Series(chart_name(key), PURPLE, points(lambda c: c.vitals.bmi))],
                       _band("bmi", birth, day, lang, translate("RecordCharts", "normal %1–%2"), BAND), empty, decimal_comma=comma)
    elif key == "glucose":
        chart.set_data(chart_name(key), _unit("glucose", lang), [Series(chart_name(key), ORANGE, points(lambda c: c.vitals.glucose))],
                       _band("glucose", birth, day, lang, translate("RecordCharts", "fasting: normal %1–%2"), BAND),
                       empty, decimal_comma=comma)


def show_barthel(chart: TrendChart, sessions: list[RehabSession], lang: str) -> None:
    points = [(s.session_date, s.barthel) for s in sessions if s.barthel is not None]
    chart.set_data(translate("RecordCharts", "Barthel index"), translate("RecordCharts", "points"),
                   [Series(translate("RecordCharts", "Barthel"), GREEN, points)],
                   [Band(91, 100, translate("RecordCharts", "independent or nearly (91–100)"), BAND)],
                   translate("RecordCharts", "No Barthel score recorded yet."), y_min=0, y_max=100,
                   decimal_comma=lang == "vi")
