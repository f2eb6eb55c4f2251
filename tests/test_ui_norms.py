"""A child's vital signs on the real screens and in the real health book:
judged by the child's age bands (domain.norms), numbers written as the
language writes them (comma in Vietnamese, point in English)."""
from __future__ import annotations

from datetime import date, timedelta

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTreeWidget

from care_core.domain.entities import Checkup, Resident, VitalSigns
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, Sex
from facility_app.reports import run
from facility_app.services.reports import ReportService
from facility_app.ui import style
from facility_app.ui.record.models import RED
from facility_app.ui.session import Session
from facility_app.ui.today_panel import TodayPanel
from tests.conftest import DOCTOR, NURSE, TODAY
from tests.test_reports import flat, pdf_pages
from tests.ui_record_fixtures import (  # noqa: F401 - fixtures
    child,
    open_record,
    record_qm,
    services,
    translated,
    type_into,
)

# 2 years 5 months on TODAY (20/11/2026): PALS toddler pulse 98-140, breathing 22-37
TODDLER_BORN = date(2024, 6, 1)
# normal for a 2-year-old, red for an adult: pulse 118, breathing 37, BMI 12 / 0.93² = 13.9
TODDLER_NORMAL = VitalSigns(systolic=95, diastolic=55, pulse=118, temperature=36.8, spo2=98, respiratory_rate=37,
                            weight_kg=12.0, height_cm=93.0)
TODDLER_ILL = VitalSigns(systolic=96, diastolic=56, pulse=160, temperature=39.4, spo2=97, respiratory_rate=45,
                         weight_kg=11.8, height_cm=93.0)


def admit(services, name, born, group=BeneficiaryGroup.CHILD) -> Resident:
    return services.residents.admit(NURSE, Resident(name, Sex.FEMALE, born, date(2025, 1, 10), [group], room="C1"))


def record(services, resident, day, vitals) -> Checkup:
    return services.clinical.record_checkup(NURSE, Checkup(resident.id, day, CheckupKind.PERIODIC, vitals))


def column(model, header: str) -> int:
    found = [c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header]
    assert found, header
    return found[0]


def red_cells(model, row: int) -> set[str]:
    """Headers of the cells drawn red in a row of the checkup table."""
    return {model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
            if model.data(model.index(row, c), Qt.ItemDataRole.ForegroundRole) == RED}


def test_checkup_table_judges_a_toddler_by_a_toddlers_bands(qtbot, services):
    toddler = admit(services, "Lò Thị Mai", TODDLER_BORN)
    adult = admit(services, "Vi Văn Dũng", date(1960, 1, 1), BeneficiaryGroup.DISABILITY)
    for who in (toddler, adult):
        record(services, who, date(2026, 11, 10), TODDLER_NORMAL)
    record(services, toddler, date(2026, 10, 1), TODDLER_ILL)

    widget = open_record(qtbot, services, toddler.id)
    model = widget.checkups.model
    assert model.rowCount() == 2
    newest = 0  # newest first
    assert model.data(model.index(newest, column(model, "Pulse"))) == "118"
    assert model.data(model.index(newest, column(model, "Temp.\n(°C)"))) == "36,8"
    assert model.data(model.index(newest, column(model, "BMI"))) == "13,9"
    assert red_cells(model, newest) == set()  # every normal toddler value in black
    assert red_cells(model, 1) == {"Pulse", "Temp.\n(°C)", "Resp."}  # 160, 39.4, 45 at 2 years

    tip = model.data(model.index(newest, column(model, "BMI")), Qt.ItemDataRole.ToolTipRole)
    assert tip == "BMI-for-age (WHO 2006): z = -1,4"

    grown = open_record(qtbot, services, adult.id)
    # the same numbers in an adult are out of the adult's bands
    assert red_cells(grown.checkups.model, 0) == {"BP\n(mmHg)", "Pulse", "Resp.", "BMI"}  # 55 diastolic too
    assert grown.checkups.model.data(grown.checkups.model.index(0, column(model, "BMI")),
                                     Qt.ItemDataRole.ToolTipRole) is None


def test_checkup_table_marks_a_thin_toddlers_bmi_by_the_who_standards(qtbot, services):
    toddler = admit(services, "Lò Thị Mai", TODDLER_BORN)
    record(services, toddler, date(2026, 11, 10), VitalSigns(weight_kg=10.0, height_cm=93.0))  # BMI 11.6, z -3.7
    record(services, toddler, date(2026, 10, 1), VitalSigns(weight_kg=12.0, height_cm=93.0))  # BMI 13.9, z -1.3
    model = open_record(qtbot, services, toddler.id).checkups.model
    assert red_cells(model, 0) == {"BMI"} and red_cells(model, 1) == set()


def test_chart_bands_follow_the_age(qtbot, services):
    toddler = admit(services, "Lò Thị Mai", TODDLER_BORN)
    record(services, toddler, date(2026, 11, 10), TODDLER_NORMAL)
    widget = open_record(qtbot, services, toddler.id)
    chart = widget.checkups.chart
    widget.checkups.show_chart("blood_pressure")
    # systolic: hypotension below 70 + 2 x 2 (PALS), normal below the AAP 2017 screening value 101
    assert [(b.low, b.high) for b in chart._bands] == [(74, 100)]
    widget.checkups.show_chart("bmi")
    assert chart._bands == []  # no adult BMI band for a child


def test_today_panel_alerts_by_age_with_the_languages_numbers(qtbot, services):
    well = admit(services, "Lò Thị Mai", TODDLER_BORN)
    ill = admit(services, "Lò Văn Páo", TODDLER_BORN)
    adult = admit(services, "Vi Văn Dũng", date(1960, 1, 1), BeneficiaryGroup.DISABILITY)
    for who, vitals in ((well, TODDLER_NORMAL), (ill, TODDLER_ILL), (adult, TODDLER_NORMAL)):
        record(services, who, TODAY - timedelta(days=2), vitals)

    texts = {}
    for lang in ("vi", "en"):
        panel = TodayPanel(Session(services, NURSE, lang))
        qtbot.addWidget(panel)
        panel.resize(420, 700)
        panel.show()
        panel.reload()
        qtbot.waitUntil(lambda: panel.current is not None, timeout=10_000)
        abnormal = {i.resident_id: i.detail(lang) for i in panel.current.of_kind("abnormal_vitals")}
        tree = panel.findChild(QTreeWidget, "todayTree")
        shown = [tree.topLevelItem(g).child(k).text(0) for g in range(tree.topLevelItemCount())
                 for k in range(tree.topLevelItem(g).childCount())]
        texts[lang] = (abnormal, shown)

    abnormal, shown = texts["vi"]
    assert well.id not in abnormal  # pulse 118 and breathing 37 are normal at 2 years
    assert abnormal[adult.id].startswith("Nhịp thở cao: 37 lần/phút (≥ 25)")  # not at 60
    assert abnormal[ill.id].startswith("Nhiệt độ cao: 39,4 °C (≥ 38); Mạch cao: 160 lần/phút (> 156); "
                                       "Nhịp thở cao: 45 lần/phút (≥ 40)")
    assert any("39,4 °C" in line for line in shown) and not any("39.4" in line for line in shown)
    abnormal, shown = texts["en"]
    assert abnormal[ill.id].startswith("Temperature high: 39.4 °C (≥ 38); Pulse high: 160/min (> 156)")
    assert any("39.4 °C" in line for line in shown)


def open_form(qtbot, widget):
    widget.tabs.setCurrentWidget(widget.checkups)
    qtbot.mouseClick(child(widget, "checkupNew", QPushButton), Qt.MouseButton.LeftButton)
    return child(widget, "checkupForm")


@pytest.mark.parametrize("lang, typed, shown", [
    ("vi", "36.7", "36,7"), ("vi", "36,7", "36,7"), ("en", "36,7", "36.7"), ("en", "36.7", "36.7"),
    ("vi", "36.7.1", "36.7.1"),  # junk stays as typed, for its message
])
def test_form_shows_the_languages_decimal_mark_after_editing(qtbot, services, lang, typed, shown):
    toddler = admit(services, "Lò Thị Mai", TODDLER_BORN)
    widget = open_record(qtbot, services, toddler.id, lang=lang)
    open_form(qtbot, widget)
    box = type_into(qtbot, widget, "checkupTemperature", typed)
    assert box.text() == typed  # nothing changes under the nurse's fingers
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert child(widget, "checkupTemperature", QLineEdit).text() == shown


@pytest.mark.parametrize("born, weight, height, text, red", [
    # a girl of 2 years 5 months: WHO 2006 BMI-for-age z-score, not the adult band
    (TODDLER_BORN, "12", "93", "13,9 (điểm z theo WHO -1,4: bình thường so với tuổi)", False),
    (TODDLER_BORN, "10", "93", "11,6 (điểm z theo WHO -3,7: gầy so với tuổi)", True),
    (TODDLER_BORN, "17", "93", "19,7 (điểm z theo WHO +2,6: thừa cân so với tuổi)", True),
    # 10 and 15 years: beyond the WHO standards, no judgement at all (the 14-year-old's 17.9 was called low)
    (date(2016, 5, 1), "30", "140", "15,3 (dưới 18 tuổi: không dùng ngưỡng người lớn)", False),
    (date(2011, 3, 1), "45", "158,5", "17,9 (dưới 18 tuổi: không dùng ngưỡng người lớn)", False),
    (date(1960, 1, 1), "12", "93", "13,9 (thấp hơn bình thường)", True),
    (date(1960, 1, 1), "57", "158", "22,8 (bình thường)", False),
])
def test_form_judges_bmi_by_age(qtbot, services, translated, born, weight, height, text, red):
    translated("vi")
    who = admit(services, "Lò Thị Mai", born)
    widget = open_record(qtbot, services, who.id)
    open_form(qtbot, widget)
    type_into(qtbot, widget, "checkupWeight", weight)
    type_into(qtbot, widget, "checkupHeight", height)
    label = child(widget, "checkupBmi", QLabel)
    assert label.text() == text
    assert (style.ERROR_COLOUR in label.styleSheet()) == red


def bold_texts(path) -> set[str]:
    """Texts the PDF draws in a bold font."""
    found: set[str] = set()

    def visit(text, _cm, _tm, font, _size):
        if font and "Bold" in str(font.get("/BaseFont", "")) and text.strip():
            found.add(text.strip())

    for page in pypdf.PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_health_book_of_a_toddler_uses_the_toddlers_bands(services, tmp_path):
    toddler = admit(services, "Lò Thị Mai", TODDLER_BORN)
    record(services, toddler, date(2026, 10, 1), TODDLER_ILL)
    record(services, toddler, date(2026, 11, 10), TODDLER_NORMAL)
    adult = admit(services, "Vi Văn Dũng", date(1960, 1, 1), BeneficiaryGroup.DISABILITY)
    record(services, adult, date(2026, 11, 10), TODDLER_NORMAL)
    reports = ReportService.of(services)
    book = run.health_book_pdf(reports, DOCTOR, toddler.code, tmp_path / "toddler.pdf")
    text = flat(pdf_pages(book))
    assert "10/11/2026 Định kỳ 95/55 118 36,8 98 12,0 13,9" in text
    assert "01/10/2026 Định kỳ 96/56 160 39,4 97 11,8 13,6" in text
    assert "tâm thu bình thường 74–100" in text  # PALS hypotension limit to the AAP 2017 value
    assert "Dưới 18 tuổi: không đánh giá BMI theo ngưỡng của người lớn" in text
    assert "bình thường 18,5–22,9" not in text
    bold = bold_texts(book)
    assert {"160", "39,4"} <= bold and not {"118", "36,8", "13,9", "95/55"} & bold

    grown = run.health_book_pdf(reports, DOCTOR, adult.code, tmp_path / "adult.pdf")
    text = flat(pdf_pages(grown))
    assert "bình thường 18,5–22,9" in text and "tâm thu bình thường 90–139" in text
    assert "Dưới 18 tuổi" not in text
    assert {"118", "13,9"} <= bold_texts(grown)
