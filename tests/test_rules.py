"""Property-based checks of the domain's validation rules and text folding.

The allowed ranges and formats are written here from the issue's
specification, not read from ``rules.py``, so a changed limit in the code
shows up as a failing test rather than silently moving both sides.
"""
from __future__ import annotations

import string
import unicodedata
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from care_core.domain import rules
from care_core.domain.entities import Checkup, Referral, RehabSession, Resident, VitalSigns
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, DischargeReason, RehabType, Sex
from care_core.domain.text import fold

TODAY = date(2026, 11, 20)

# field: (low, high, is_integer, Vietnamese label, English label) - from the issue
VITALS = {
    "systolic": (60, 260, True, "Huyết áp tâm thu", "Systolic blood pressure"),
    "diastolic": (30, 160, True, "Huyết áp tâm trương", "Diastolic blood pressure"),
    "pulse": (20, 250, True, "Mạch", "Pulse"),
    "temperature": (32, 43, False, "Nhiệt độ", "Temperature"),
    "spo2": (50, 100, True, "SpO2", "SpO2"),
    "weight_kg": (1, 250, False, "Cân nặng", "Weight"),
    "height_cm": (30, 230, False, "Chiều cao", "Height"),
    "glucose": (1, 40, False, "Đường huyết", "Blood glucose"),
}


def _in_range(field: str):
    low, high, integer, *_ = VITALS[field]
    if integer:
        return st.integers(low, high)
    return st.floats(low, high, allow_nan=False)


def _out_of_range(field: str):
    low, high, integer, *_ = VITALS[field]
    if integer:
        return st.integers(max_value=low - 1) | st.integers(min_value=high + 1)
    return (st.floats(max_value=low, exclude_max=True, allow_nan=False)
            | st.floats(min_value=high, exclude_min=True, allow_nan=False))


@st.composite
def valid_vitals(draw) -> VitalSigns:
    values = {f: draw(st.none() | _in_range(f)) for f in VITALS if f not in ("systolic", "diastolic")}
    if draw(st.booleans()):
        systolic = draw(st.integers(61, 260))
        diastolic = draw(st.integers(30, min(160, systolic - 1)))
        values.update(systolic=systolic, diastolic=diastolic)
    values["respiratory_rate"] = draw(st.none() | st.integers(10, 40))
    return VitalSigns(**values)


def _resident(**over) -> Resident:
    base = dict(full_name="Nguyễn Văn An", sex=Sex.MALE, birth_date=date(1950, 3, 4),
                admission_date=date(2020, 1, 15), groups=[BeneficiaryGroup.ELDERLY])
    base.update(over)
    return Resident(**base)


# --- vital signs -----------------------------------------------------------

@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(valid_vitals())
def test_vitals_in_range_pass(vitals):
    assert rules.check_vitals(vitals) == []


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(VITALS)), st.data())
def test_vital_out_of_range_fails_naming_field_and_range(field, data):
    value = data.draw(_out_of_range(field), label=field)
    values = {"systolic": 120, "diastolic": 80}  # a valid pair around the bad value
    values[field] = value
    problems = rules.check_vitals(VitalSigns(**values))
    assert [(p.field, p.code) for p in problems] == [(field, "range")]
    low, high, _, vi_label, en_label = VITALS[field]
    vi, en = problems[0].message("vi"), problems[0].message("en")
    assert vi.startswith(vi_label + ":") and f"{low}–{high}" in vi and "ngoài khoảng cho phép" in vi
    assert en.startswith(en_label + ":") and f"{low}–{high}" in en and "outside the allowed range" in en


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(st.sampled_from(sorted(VITALS)), st.booleans())
def test_vital_at_either_bound_passes(field, at_high):
    low, high, *_ = VITALS[field]
    # keep the pressure pair valid around the bound: 30 < 60 and 160 < 260
    values = {"systolic": 260 if field == "diastolic" else 120, "diastolic": 30 if field == "systolic" else 80}
    values[field] = high if at_high else low
    assert rules.check_vitals(VitalSigns(**values)) == []


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(st.integers(60, 160), st.data())
def test_diastolic_not_below_systolic_fails(systolic, data):
    diastolic = data.draw(st.integers(max(30, systolic), 160))
    problems = rules.check_vitals(VitalSigns(systolic=systolic, diastolic=diastolic))
    assert [(p.field, p.code) for p in problems] == [("diastolic", "diastolic_not_below_systolic")]
    assert f"({systolic} mmHg)" in problems[0].message("vi")
    assert "lower than the systolic" in problems[0].message("en")


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(st.sampled_from(["systolic", "diastolic"]), st.integers(60, 160))
def test_lone_blood_pressure_value_fails(given_field, value):
    problems = rules.check_vitals(VitalSigns(**{given_field: value}))
    missing = "diastolic" if given_field == "systolic" else "systolic"
    assert [(p.field, p.code) for p in problems] == [(missing, "bp_pair")]


# --- dates -------------------------------------------------------------------

@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(st.integers(1, 3650), st.sampled_from(["checkup", "rehab", "referral"]))
def test_record_dates_in_the_future_fail(days_ahead, kind):
    resident = _resident()
    day = TODAY + timedelta(days=days_ahead)
    if kind == "checkup":
        problems, field = rules.check_checkup(Checkup(resident.id, day, CheckupKind.PERIODIC), resident, TODAY), "checkup_date"
    elif kind == "rehab":
        problems, field = rules.check_rehab(RehabSession(resident.id, day, RehabType.PHYSIOTHERAPY, 30), resident, TODAY), "session_date"
    else:
        problems, field = rules.check_referral(Referral(resident.id, day, "Bệnh viện Đa khoa tỉnh", "Khó thở"), resident, TODAY), "referral_date"
    assert (field, "future_date") in [(p.field, p.code) for p in problems]
    vi = next(p for p in problems if p.code == "future_date").message("vi")
    assert "tương lai" in vi and f"{day.day:02d}/{day.month:02d}/{day.year}" in vi


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(st.integers(1, 3650), st.sampled_from(["birth_date", "admission_date"]))
def test_resident_dates_in_the_future_fail(days_ahead, field):
    day = TODAY + timedelta(days=days_ahead)
    resident = _resident(**{field: day}) if field == "admission_date" else _resident(birth_date=day, admission_date=TODAY)
    assert (field, "future_date") in [(p.field, p.code) for p in rules.check_resident(resident, TODAY)]


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(st.dates(date(1990, 1, 1), TODAY), st.dates(date(1990, 1, 1), TODAY))
def test_discharge_before_admission_fails_after_passes(admission, discharge):
    resident = _resident(birth_date=date(1940, 1, 1), admission_date=admission,
                         discharge_date=discharge, discharge_reason=DischargeReason.RETURNED_HOME)
    codes = [(p.field, p.code) for p in rules.check_resident(resident, TODAY)]
    if discharge < admission:
        assert codes == [("discharge_date", "discharge_before_admission")]
    else:
        assert codes == []


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(st.dates(date(2020, 1, 15), TODAY))
def test_checkup_within_stay_passes_outside_fails(day):
    resident = _resident(discharge_date=date(2024, 6, 30), discharge_reason=DischargeReason.TRANSFERRED)
    codes = [p.code for p in rules.check_checkup(Checkup(resident.id, day, CheckupKind.PERIODIC), resident, TODAY)]
    assert codes == ([] if day <= date(2024, 6, 30) else ["outside_stay"])


# --- CCCD and BHYT -------------------------------------------------------------

# digits 4-6 of a CCCD: century-and-sex digit, then the last two digits of the year
CENTURY_SEX = {(19, Sex.MALE): "0", (19, Sex.FEMALE): "1", (20, Sex.MALE): "2", (20, Sex.FEMALE): "3"}
digits = st.text(string.digits, min_size=1)


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(st.text(string.digits, min_size=3, max_size=3), st.sampled_from(list(Sex)),
       st.dates(date(1900, 1, 1), date(2099, 12, 31)), st.text(string.digits, min_size=6, max_size=6))
def test_cccd_with_matching_digits_passes(province, sex, birth, serial):
    cccd = province + CENTURY_SEX[(birth.year // 100, sex)] + f"{birth.year % 100:02d}" + serial
    assert rules.check_cccd(cccd, sex, birth) == []
    if birth <= date(2020, 1, 15):
        resident = _resident(sex=sex, birth_date=birth, cccd=cccd)
        assert [p for p in rules.check_resident(resident, TODAY) if p.field == "cccd"] == []


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(digits.filter(lambda s: len(s) != 12))
def test_cccd_of_other_lengths_fails(cccd):
    problems = rules.check_cccd(cccd)
    assert [(p.field, p.code) for p in problems] == [("cccd", "cccd_format")]
    assert f"{len(cccd)} ký tự" in problems[0].message("vi") and "12" in problems[0].message("en")


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(st.text(string.digits, min_size=11, max_size=11), st.integers(0, 11),
       st.sampled_from(list("aZ -.đ")))
def test_cccd_with_a_non_digit_fails(base, at, bad):
    cccd = base[:at] + bad + base[at:]
    assert [p.code for p in rules.check_cccd(cccd)] == ["cccd_format"]


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(st.text(string.digits, min_size=3, max_size=3), st.sampled_from(list(Sex)),
       st.dates(date(1900, 1, 1), date(2099, 12, 31)), st.text(string.digits, min_size=3, max_size=3),
       st.text(string.digits, min_size=6, max_size=6))
def test_cccd_with_other_digits_4_to_6_fails(province, sex, birth, middle, serial):
    expected = CENTURY_SEX[(birth.year // 100, sex)] + f"{birth.year % 100:02d}"
    cccd = province + middle + serial
    codes = [p.code for p in rules.check_cccd(cccd, sex, birth)]
    assert codes == ([] if middle == expected else ["cccd_mismatch"])


upper = st.sampled_from(string.ascii_uppercase)


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(upper, upper, st.integers(1, 5), st.text(string.digits, min_size=12, max_size=12))
def test_bhyt_15_character_card_passes(a, b, level, rest):
    assert rules.check_bhyt(f"{a}{b}{level}{rest}") == []


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(st.text(string.digits, min_size=10, max_size=10))
def test_bhyt_10_digit_social_insurance_number_passes(number):
    assert rules.check_bhyt(number) == []


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(upper, upper, st.integers(1, 5), st.text(string.digits, min_size=12, max_size=12),
       st.sampled_from(["lower", "level", "short", "long", "letter"]))
def test_bhyt_broken_card_fails(a, b, level, rest, how):
    card = f"{a}{b}{level}{rest}"
    if how == "lower":
        card = card[:2].lower() + card[2:]
    elif how == "level":
        card = card[:2] + "0" + card[3:] if level % 2 else card[:2] + "7" + card[3:]
    elif how == "short":
        card = card[:-1]
    elif how == "long":
        card = card + "1"
    else:
        card = card[:8] + "X" + card[9:]
    problems = rules.check_bhyt(card)
    assert [(p.field, p.code) for p in problems] == [("bhyt_number", "bhyt_format")]
    assert problems[0].message("vi").startswith("Số thẻ BHYT:")


@settings(deadline=None)  # a loaded machine must not turn a slow example into a failure
@given(st.text(string.digits, min_size=1, max_size=20).filter(lambda s: len(s) not in (10, 15)))
def test_bhyt_digits_of_other_lengths_fail(number):
    assert [p.code for p in rules.check_bhyt(number)] == ["bhyt_format"]


# --- folding for search ----------------------------------------------------------

TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # huyền sắc hỏi ngã nặng
VOWELS = {  # base letter -> the vowel marks Vietnamese puts on it
    "a": ["", "\u0306", "\u0302"], "e": ["", "\u0302"], "i": [""],
    "o": ["", "\u0302", "\u031b"], "u": ["", "\u031b"], "y": [""],
}
LETTERS: dict[str, str] = {}  # Vietnamese letter (NFC) -> its bare ASCII letter
for base, marks in VOWELS.items():
    for mark in marks:
        for tone in TONES:
            for case in (base, base.upper()):
                LETTERS[unicodedata.normalize("NFC", case + mark + tone)] = base
for consonant in "bcdghklmnpqrstvx":
    LETTERS[consonant] = LETTERS[consonant.upper()] = consonant
LETTERS["đ"] = LETTERS["Đ"] = "d"
assert len([k for k in LETTERS if k.islower()]) == 12 * 6 + 16 + 1  # 12 vowels x 6 tones, consonants, đ

viet_words = st.lists(st.text(st.sampled_from(sorted(LETTERS)), min_size=1, max_size=8), min_size=1, max_size=5)


@settings(max_examples=300, deadline=None)
@given(viet_words, st.sampled_from(["NFC", "NFD"]), st.sampled_from([" ", "  ", "\t"]))
def test_fold_strips_every_vietnamese_diacritic(words, form, sep):
    text = unicodedata.normalize(form, sep.join(words))
    folded = fold(text)
    assert folded == " ".join("".join(LETTERS[ch] for ch in w) for w in words)
    assert set(folded) <= set(string.ascii_lowercase + " ")


def test_fold_examples():
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert fold("  ĐẶNG   THỊ  Ngọc ") == "dang thi ngoc"
    assert fold(unicodedata.normalize("NFD", "Trương Quốc Huỳnh")) == "truong quoc huynh"
    assert fold(None) == ""
