"""Vital-sign bands by age (domain.norms) and the numbers a nurse reads
(domain.numbers): table-driven against the cited sources, no Qt."""
from __future__ import annotations

from datetime import date

import pytest

from care_core.domain import norms
from care_core.domain.alerts import vital_alerts
from care_core.domain.entities import VitalSigns
from care_core.domain import growth, rules
from care_core.domain.enums import Sex
from care_core.domain.numbers import fmt, parse

DAY = date(2026, 11, 20)
BORN = {  # age on DAY
    "2y": date(2024, 6, 1),  # 2 years 5 months: toddler (PALS 1-2 y), AAP age 2
    "10y": date(2016, 5, 1),  # school age (PALS 6-11 y), AAP age 10
    "15y": date(2011, 3, 1),  # adolescent, AAP from 13 years
    "adult": date(1960, 1, 1),
}


def months(who: str) -> int:
    return norms.age_in_months(BORN[who], DAY)


def test_age_groups():
    assert [norms.age_group(months(w)) for w in BORN] == [norms.TODDLER, norms.SCHOOL_AGE, norms.ADOLESCENT,
                                                           norms.ADULT]
    assert norms.age_in_months(date(2026, 1, 21), DAY) == 9  # a day short of 10 months
    assert norms.age_group(11) == norms.INFANT and norms.age_group(12) == norms.TODDLER
    assert norms.age_group(18 * 12 - 1) == norms.ADOLESCENT and norms.age_group(18 * 12) == norms.ADULT
    assert norms.age_group(None) == norms.ADULT  # unknown birth date: an adult's bands


# (who, vital, value, flag outside the normal band)
FLAGS = [
    # 2 years: PALS toddler pulse 98-140, breathing 22-37; AAP 2 y screening 101/58; hypotension < 70 + 2x2
    ("2y", "pulse", 118, None), ("2y", "pulse", 98, None), ("2y", "pulse", 140, None),
    ("2y", "pulse", 97, "low"), ("2y", "pulse", 141, "high"),
    ("2y", "respiratory_rate", 37, None), ("2y", "respiratory_rate", 22, None),
    ("2y", "respiratory_rate", 38, "high"), ("2y", "respiratory_rate", 21, "low"),
    ("2y", "systolic", 100, None), ("2y", "systolic", 101, "high"), ("2y", "systolic", 74, None),
    ("2y", "systolic", 73, "low"), ("2y", "diastolic", 57, None), ("2y", "diastolic", 58, "high"),
    ("2y", "diastolic", 35, None),
    ("2y", "temperature", 37.5, None), ("2y", "temperature", 37.6, "high"), ("2y", "temperature", 35.9, "low"),
    ("2y", "bmi", 13.9, None), ("2y", "bmi", 30.0, None), ("2y", "bmi", 11.0, None),  # no adult BMI band
    # 10 years: PALS school age pulse 75-118, breathing 18-25; AAP 10 y 109/72; hypotension < 90
    ("10y", "pulse", 75, None), ("10y", "pulse", 118, None), ("10y", "pulse", 74, "low"), ("10y", "pulse", 119, "high"),
    ("10y", "respiratory_rate", 18, None), ("10y", "respiratory_rate", 25, None),
    ("10y", "respiratory_rate", 17, "low"), ("10y", "respiratory_rate", 26, "high"),
    ("10y", "systolic", 108, None), ("10y", "systolic", 109, "high"), ("10y", "systolic", 90, None),
    ("10y", "systolic", 89, "low"), ("10y", "diastolic", 71, None), ("10y", "diastolic", 72, "high"),
    ("10y", "bmi", 15.2, None),
    # 15 years: PALS adolescent pulse 60-100, breathing 12-20; AAP from 13 y 120/80
    ("15y", "pulse", 60, None), ("15y", "pulse", 100, None), ("15y", "pulse", 59, "low"), ("15y", "pulse", 101, "high"),
    ("15y", "respiratory_rate", 20, None), ("15y", "respiratory_rate", 21, "high"), ("15y", "respiratory_rate", 11, "low"),
    ("15y", "systolic", 105, None), ("15y", "systolic", 119, None), ("15y", "systolic", 120, "high"),
    ("15y", "diastolic", 65, None), ("15y", "diastolic", 79, None), ("15y", "diastolic", 80, "high"),
    ("15y", "bmi", 17.9, None),  # the 14-year-old called "low": no adult band under 18
    # adults: Bộ Y tế under 140/90; pulse 60-100; breathing 12-20; WHO Asia-Pacific BMI 18.5-22.9
    ("adult", "pulse", 118, "high"), ("adult", "pulse", 100, None), ("adult", "pulse", 59, "low"),
    ("adult", "respiratory_rate", 37, "high"), ("adult", "respiratory_rate", 20, None),
    ("adult", "systolic", 139, None), ("adult", "systolic", 140, "high"), ("adult", "systolic", 89, "low"),
    ("adult", "diastolic", 89, None), ("adult", "diastolic", 90, "high"), ("adult", "diastolic", 59, "low"),
    ("adult", "bmi", 22.9, None), ("adult", "bmi", 23.0, "high"), ("adult", "bmi", 18.5, None),
    ("adult", "bmi", 18.4, "low"), ("adult", "bmi", 13.9, "low"), ("adult", "bmi", 17.9, "low"),
    ("adult", "temperature", 36.0, None), ("adult", "temperature", 38.0, "high"),
    ("adult", "spo2", 95, None), ("adult", "spo2", 94, "low"), ("adult", "glucose", 5.6, "high"),
]


@pytest.mark.parametrize("who, name, value, expected", FLAGS)
def test_normal_band_flags(who, name, value, expected):
    assert norms.flag(name, value, months(who)) == expected


# (who, vitals, alerted fields)
ALERTS = [
    ("2y", dict(pulse=118, respiratory_rate=37, temperature=37.2, systolic=95, diastolic=55), set()),
    ("2y", dict(respiratory_rate=39), set()), ("2y", dict(respiratory_rate=40), {"respiratory_rate"}),  # WHO IMCI
    ("2y", dict(respiratory_rate=18), set()), ("2y", dict(respiratory_rate=17), {"respiratory_rate"}),  # Fleming 1st
    ("2y", dict(pulse=156), set()), ("2y", dict(pulse=157), {"pulse"}), ("2y", dict(pulse=75), {"pulse"}),
    ("2y", dict(systolic=112, diastolic=69), set()), ("2y", dict(systolic=113, diastolic=70), {"systolic", "diastolic"}),
    ("2y", dict(systolic=73, diastolic=40), {"systolic"}),  # PALS hypotension 70 + 2 x 2
    ("2y", dict(temperature=38.0), {"temperature"}), ("2y", dict(temperature=35.5), set()),
    ("10y", dict(pulse=123, respiratory_rate=27), set()), ("10y", dict(pulse=124), {"pulse"}),
    ("10y", dict(respiratory_rate=28), {"respiratory_rate"}), ("10y", dict(systolic=121, diastolic=70), {"systolic"}),
    ("10y", dict(systolic=89, diastolic=60), {"systolic"}),
    ("15y", dict(pulse=108, systolic=139, diastolic=89), set()), ("15y", dict(pulse=109), {"pulse"}),
    ("15y", dict(systolic=140, diastolic=90), {"systolic", "diastolic"}),
    ("adult", dict(pulse=118, respiratory_rate=24), set()), ("adult", dict(respiratory_rate=25), {"respiratory_rate"}),
    ("adult", dict(respiratory_rate=8), {"respiratory_rate"}), ("adult", dict(respiratory_rate=37), {"respiratory_rate"}),
    ("adult", dict(systolic=160, diastolic=80), {"systolic"}), ("adult", dict(systolic=159, diastolic=99), set()),
]


@pytest.mark.parametrize("who, vitals, fields", ALERTS)
def test_alerts_by_age(who, vitals, fields):
    assert {a.field for a in vital_alerts(VitalSigns(**vitals), months(who))} == fields


@pytest.mark.parametrize("age_months", range(0, 18 * 12 + 1))
def test_every_age_alerts_only_outside_normal(age_months):
    """At every age, an alert limit lies outside the normal band: a value
    called normal never raises an alert, and every band is ordered."""
    for name, band in norms.bands(age_months).items():
        if band.low is not None and band.high is not None:
            assert band.low < band.high, name
        for value in (band.low, band.high):
            if value is not None:
                assert band.alert(value) is None, (age_months, name, value)
        if band.alert_low is not None and band.low is not None:
            assert band.alert_low <= band.low, name
        if band.alert_high is not None and band.high is not None:
            assert band.alert_high > band.high, name


@pytest.mark.parametrize("group_months, pulse, breathing", [
    (6, (100, 180), (30, 49)), (18, (98, 140), (22, 37)), (48, (80, 120), (20, 28)),
    (96, (75, 118), (18, 25)), (168, (60, 100), (12, 20)),
])
def test_pals_normal_ranges_are_not_flagged(group_months, pulse, breathing):
    """No value inside PALS 2020's normal range is shown as abnormal."""
    for value in range(pulse[0], pulse[1] + 1):
        assert norms.flag("pulse", value, group_months) is None
    for value in range(breathing[0], breathing[1] + 1):
        assert norms.flag("respiratory_rate", value, group_months) is None


def test_alert_sentence_for_a_child_uses_the_childs_limit_and_the_languages_comma():
    (alert,) = vital_alerts(VitalSigns(respiratory_rate=45), months("2y"))
    assert alert.message("vi") == "Nhịp thở cao: 45 lần/phút (≥ 40)"
    assert alert.message("en") == "Respiratory rate high: 45/min (≥ 40)"
    (alert,) = vital_alerts(VitalSigns(temperature=39.4), months("2y"))
    assert alert.message("vi") == "Nhiệt độ cao: 39,4 °C (≥ 38)"
    assert alert.message("en") == "Temperature high: 39.4 °C (≥ 38)"
    (alert,) = vital_alerts(VitalSigns(glucose=3.5))
    assert alert.message("vi") == "Đường huyết thấp: 3,5 mmol/L (< 3,9)"


@pytest.mark.parametrize("value, lang, kw, text", [
    (36.5, "vi", {}, "36,5"), (36.5, "en", {}, "36.5"), (36.0, "vi", {}, "36"), (36, "vi", {"fixed": True}, "36,0"),
    (6.04, "vi", {"fixed": True}, "6,0"), (118, "vi", {}, "118"), (22.95, "en", {"decimals": 2}, "22.95"),
    (1234.5, "vi", {"grouping": True, "fixed": True}, "1.234,5"),
    (1234.5, "en", {"grouping": True, "fixed": True}, "1,234.5"),
    (1234567, "vi", {"grouping": True, "decimals": 0}, "1.234.567"), (1234, "vi", {}, "1234"),
    (2.0, "vi", {"signed": True, "fixed": True}, "+2,0"), (-0.04, "vi", {"fixed": True}, "0,0"),
    (-3.25, "vi", {"fixed": True, "decimals": 2}, "-3,25"), (None, "vi", {}, ""), (None, "vi", {"blank": "–"}, "–"),
])
def test_one_formatter_per_language(value, lang, kw, text):
    assert fmt(value, lang, **kw) == text


@pytest.mark.parametrize("text, value", [
    ("36,7", 36.7), ("36.7", 36.7), (" 36,7 ", 36.7), ("118", 118.0), ("", None), ("  ", None), ("-1,5", -1.5),
])
def test_parse_accepts_comma_or_point(text, value):
    assert parse(text) == value


@pytest.mark.parametrize("text", ["36,7,1", "1.234,5", "36..7", "abc", "nan", "inf", "1e3", "٣٦", "3" * 40, "36,7°"])
def test_parse_refuses_junk(text):
    with pytest.raises(ValueError):
        parse(text)


def test_validation_messages_use_the_languages_decimal_mark():
    (problem,) = rules.check_vitals(VitalSigns(temperature=45.5))
    assert "45,5" in problem.message("vi") and "45.5" not in problem.message("vi")
    assert "45.5" in problem.message("en")


def test_sync_summary_groups_thousands_as_each_language_does():
    from facility_app.cli.sync_cmds import summary_line
    from facility_app.sync import engine

    report = engine.Report(pushed=3, pulled=2)
    report.wire.sent, report.wire.received, report.wire.requests = 1_200_000, 34_567, 4
    assert "(1.234.567 byte, 4 yêu cầu)" in summary_line(report, "vi")
    assert "(1,234,567 bytes, 4 requests)" in summary_line(report, "en")


@pytest.mark.parametrize("who, sex, weight, height, expected", [
    ("2y", Sex.FEMALE, 12.0, 93.0, None),  # BMI 13.9: z -1.4 on the WHO 2006 standards
    ("2y", Sex.FEMALE, 10.0, 93.0, "low"),  # 11.6: z -3.7
    ("2y", Sex.MALE, 17.0, 93.0, "high"),  # 19.7: z +2.6
    ("10y", Sex.FEMALE, 20.0, 140.0, None),  # 10.2 would be thin, but 5-17 is not judged
    ("15y", Sex.FEMALE, 45.0, 158.5, None),  # 17.9: the "low" teenager
    ("adult", Sex.MALE, 45.0, 158.5, "low"), ("adult", Sex.MALE, 57.0, 158.0, None),
    ("adult", Sex.MALE, 57.5, 158.0, "high"),  # 23.0
])
def test_bmi_judgement_by_age(who, sex, weight, height, expected):
    assert norms.bmi_flag(sex, BORN[who], DAY, weight, height) == expected


def test_who_bmi_for_age_z_scores():
    """Against the WHO 2006 tables: at the median BMI for age the z-score is 0."""
    # WHO girls' BMI-for-age median at 24 months (731 days) is 15.7 kg/m²; boys' at 0 days 13.4
    assert abs(growth.bmi_for_age(Sex.FEMALE, date(2024, 11, 20), date(2026, 11, 20), 15.7, 100.0).z) < 0.1
    assert abs(growth.bmi_for_age(Sex.MALE, DAY, DAY, 13.4 * 0.5 ** 2, 50.0).z) < 0.1
    assert growth.bmi_for_age(Sex.MALE, date(2021, 11, 19), DAY, 18.0, 110.0) is None  # past 60 months
    assert growth.bmi_for_age(None, BORN["2y"], DAY, 12.0, 93.0) is None
