"""The field table: every recorded field, declared once (name, kind,
length, unit, valid range, normal and alert bands by age, labels).

Validation, the wire schema, the storage columns of the vital signs, the
entity ``VitalSigns``, the checkup form, the Today panel's alerts, the
tables, charts and health book all read these declarations; a test keeps
``facility_app/storage/tables.py`` equal to them and finds any second copy
of a range or unit in the code.

The *valid range* only refuses typing slips (a temperature of 367), whatever
the age. A value *outside the normal band* is shown in red; a value *beyond
an alert limit* is worrying and goes on the Today panel.

Sources of the bands (age groups: see ``model.age_group``):

- Normal heart rate (awake) and respiratory rate for children: American
  Heart Association, *Pediatric Advanced Life Support (PALS) Provider
  Manual* (2020), tables "Normal heart rates" and "Normal respiratory rates"
  (after Hazinski MF, *Nursing Care of the Critically Ill Child*, 3rd ed.,
  2013). The infants' normal breathing stops below the WHO fast-breathing
  limit (next item).
- Alert for fast breathing, 1 month to 5 years: WHO, *Integrated Management
  of Childhood Illness (IMCI) chart booklet* (2014): 50/min or more from 2 to
  12 months, 40/min or more from 12 months to 5 years.
- Alert limits of heart and respiratory rate for children: the 1st and 99th
  centiles of Fleming S, Thompson M, Stevens R, et al. "Normal ranges of heart
  rate and respiratory rate in children from birth to 18 years of age: a
  systematic review of observational studies", Lancet 2011;377:1011-18
  (the widest of Fleming's age bands inside each group).
- High blood pressure in children: Flynn JT, Kaelber DC, Baker-Smith CM, et
  al. "Clinical Practice Guideline for Screening and Management of High
  Blood Pressure in Children and Adolescents", Pediatrics 2017;140(3):
  e20171904 (AAP). Normal is below its Table 6 screening values (the higher
  of boys and girls for each year of age; 120/80 from 13 years). The alert
  is stage 2 hypertension: 140/90 from 13 years; under 13 the guideline's
  stage 2 is the 95th centile (by age, sex and height) + 12 mmHg, for which
  this app uses the screening value + 12 mmHg, or 140/90 if lower: never
  above the child's real limit, so the alert errs towards telling the
  nurse. The guideline starts at 1 year: infants keep the upper end of PALS
  2020's "Normal blood pressures" table for infants (104/56, after Haque IU,
  Zaritsky AL, Pediatr Crit Care Med 2007;8:138-44) and have no high alert.
- Low blood pressure in children (hypotension, both the end of normal and
  the alert): PALS 2020: systolic below 70 mmHg for infants, 70 + 2 x age in
  years from 1 to 10 years, below 90 mmHg from 10 years. No low limit for a
  child's diastolic pressure.
- Temperature: normal 36.0-37.5 °C (axillary); fever alert from 38 °C at
  every age (NICE guideline NG143, *Fever in under 5s*, 2019); hypothermia
  alert below 36.0 °C in infants (WHO, *Thermal protection of the newborn*,
  1997) and below 35.5 °C after.
- Adults: Vietnamese Ministry of Health practice (Bộ Y tế, hypertension
  guideline 2010 (Quyết định 3192/QĐ-BYT): normal under 140/90, grade 2 from
  160/100); hypoxaemia below 92 %; tachycardia above 120, bradycardia below
  50/min; breathing 8/min or less or 25/min or more (Royal College of
  Physicians, *National Early Warning Score (NEWS) 2*, 2017); fasting glucose
  normal 3.9-5.5 mmol/L, alert outside 3.9-13.9.
- BMI: adults, WHO Asia-Pacific cut-offs (WHO Expert Consultation, Lancet
  2004;363:157-63): normal 18.5-22.9 (the band ends at 22.9 because BMI is
  shown to one decimal and overweight starts at 23.0). Under 18 no adult
  band is used: under 5 years the BMI-for-age z-score on the WHO Child
  Growth Standards (2006) judges it (``care_core.domain.growth``); from 5
  to 17 the WHO reference (2007) is not available to the app, so no BMI
  judgement is shown.
"""
from __future__ import annotations

from dataclasses import replace

from .model import (
    ADOLESCENT,
    INFANT,
    NO_BAND,
    PRESCHOOL,
    SCHOOL_AGE,
    TODDLER,
    Band,
    Field,
    Unit,
)

MMHG = Unit("mm[Hg]", "mmHg", "mmHg")
PER_MINUTE = Unit("/min", "lần/phút", "/min")
CELSIUS = Unit("Cel", "°C", "°C")
PERCENT = Unit("%", "%", "%")
KG = Unit("kg", "kg", "kg")
CM = Unit("cm", "cm", "cm")
MMOL_L = Unit("mmol/L", "mmol/L", "mmol/L")
KG_M2 = Unit("kg/m2", "kg/m²", "kg/m²")
MINUTES = Unit("min", "phút", "min")
DAYS = Unit("d", "ngày", "days")

# --- children's bands ------------------------------------------------------

# AAP 2017 Table 6, the higher of boys and girls, by completed year of age 1..12
_AAP_SCREENING = {1: (98, 54), 2: (101, 58), 3: (102, 60), 4: (103, 62), 5: (104, 64), 6: (105, 67),
                  7: (106, 68), 8: (107, 69), 9: (108, 71), 10: (109, 72), 11: (111, 74), 12: (114, 75)}
_AAP_FROM_13 = (120, 80)
_STAGE_2_FROM_13 = (140, 90)
_INFANT_BP_HIGH = (104, 56)  # PALS 2020, infant 1-12 months
_INFANT_HYPOTENSION = 70  # PALS: below 70 mmHg systolic in infants; 70 + 2 x years to 10
_HYPOTENSION_FROM_10 = 90
_STAGE_2_MARGIN = 12


def _child_bp(months: int, which: int) -> Band:
    """A child's band of systolic (``which`` 0) or diastolic (1) pressure."""
    years = months // 12
    if years < 1:  # the AAP guideline starts at 1 year: PALS's infant range, no high alert
        if which == 0:
            return Band(_INFANT_HYPOTENSION, _INFANT_BP_HIGH[0], alert_low=_INFANT_HYPOTENSION)
        return Band(None, _INFANT_BP_HIGH[1])
    # normal is *below* the AAP screening value, so the band ends one under it
    high = _AAP_SCREENING.get(years, _AAP_FROM_13)[which]
    alert = (_STAGE_2_FROM_13[which] if years >= 13
             else min(high + _STAGE_2_MARGIN, _STAGE_2_FROM_13[which]))
    if which == 1:
        return Band(None, high - 1, alert_high=alert)
    hypotension = _INFANT_HYPOTENSION + 2 * years if years < 10 else _HYPOTENSION_FROM_10
    return Band(hypotension, high - 1, alert_low=hypotension, alert_high=alert)


def _rate(normal: tuple[int, int], alert: tuple[int, int], high_inclusive: bool) -> Band:
    return Band(*normal, alert_low=alert[0], alert_high=alert[1], high_inclusive=high_inclusive)


# (normal, alert) by age group: PALS 2020 normal, Fleming 2011 1st/99th centile alerts
_PULSE_CHILD = {
    INFANT: _rate((100, 180), (93, 181), False),
    TODDLER: _rate((98, 140), (76, 156), False),
    PRESCHOOL: _rate((80, 120), (65, 136), False),
    SCHOOL_AGE: _rate((75, 118), (52, 123), False),
    ADOLESCENT: _rate((60, 100), (43, 108), False),
}
# fast breathing under 6 years is WHO IMCI's "at or above"
_BREATHING_CHILD = {
    INFANT: _rate((30, 49), (22, 50), True),
    TODDLER: _rate((22, 37), (18, 40), True),
    PRESCHOOL: _rate((20, 28), (17, 40), True),
    SCHOOL_AGE: _rate((18, 25), (14, 27), False),
    ADOLESCENT: _rate((12, 20), (11, 23), False),
}
_TEMPERATURE = Band(36.0, 37.5, alert_low=35.5, alert_high=38.0)


def _vital(name, kind, label, unit, valid, normal=None, children=None, alert_rank=None, decimals=0,
           loinc=(), loinc_name="", laboratory=False) -> Field:
    return Field(name, kind, label, unit=unit, valid=valid, normal=normal, children=children,
                 alert_rank=alert_rank, decimals=decimals, vital=True, loinc=loinc, loinc_name=loinc_name,
                 laboratory=laboratory)


# --- the vital signs of a checkup, in the paper form's order -----------------

VITALS: tuple[Field, ...] = (
    _vital("systolic", "int", ("Huyết áp tâm thu", "Systolic blood pressure"), MMHG, (60, 260),
           Band(90, 139, alert_low=90, alert_high=160), lambda m: _child_bp(m, 0), alert_rank=1,
           loinc=("8480-6",), loinc_name="Systolic blood pressure"),
    _vital("diastolic", "int", ("Huyết áp tâm trương", "Diastolic blood pressure"), MMHG, (30, 160),
           Band(60, 89, alert_high=100), lambda m: _child_bp(m, 1), alert_rank=2,
           loinc=("8462-4",), loinc_name="Diastolic blood pressure"),
    _vital("pulse", "int", ("Mạch", "Pulse"), PER_MINUTE, (20, 250),
           Band(60, 100, alert_low=50, alert_high=120, high_inclusive=False), _PULSE_CHILD, alert_rank=5,
           loinc=("8867-4",), loinc_name="Heart rate"),
    _vital("temperature", "float", ("Nhiệt độ", "Temperature"), CELSIUS, (32, 43),
           _TEMPERATURE, {INFANT: replace(_TEMPERATURE, alert_low=36.0)}, alert_rank=4, decimals=1,
           loinc=("8310-5",), loinc_name="Body temperature"),
    _vital("spo2", "int", ("SpO2", "SpO2"), PERCENT, (50, 100), Band(95, 100, alert_low=92), alert_rank=3,
           loinc=("59408-5", "2708-6"), loinc_name="Oxygen saturation in Arterial blood by Pulse oximetry"),
    _vital("respiratory_rate", "int", ("Nhịp thở", "Respiratory rate"), PER_MINUTE, (5, 80),
           Band(12, 20, alert_low=9, alert_high=25), _BREATHING_CHILD, alert_rank=6,
           loinc=("9279-1",), loinc_name="Respiratory rate"),
    _vital("weight_kg", "float", ("Cân nặng", "Weight"), KG, (1, 250), decimals=1,
           loinc=("29463-7",), loinc_name="Body weight"),
    _vital("height_cm", "float", ("Chiều cao", "Height"), CM, (30, 230),
           loinc=("8302-2",), loinc_name="Body height"),
    _vital("glucose", "float", ("Đường huyết", "Blood glucose"), MMOL_L, (1, 40),
           Band(3.9, 5.5, alert_low=3.9, alert_high=13.9, high_inclusive=False), alert_rank=7, decimals=1,
           loinc=("15074-8",), loinc_name="Glucose [Moles/volume] in Blood", laboratory=True),
)

BMI = Field("bmi", "float", ("BMI", "BMI"), unit=KG_M2, decimals=1, normal=Band(18.5, 22.9), children=NO_BAND,
            loinc=("39156-5",), loinc_name="Body mass index (BMI) [Ratio]")
"""Derived from weight and height, never stored: judged, charted, exported."""

DERIVED: tuple[Field, ...] = (BMI,)


# --- the synced record tables -------------------------------------------------

def _s(name: str, length: int, label=("", ""), **kw) -> Field:
    return Field(name, "str", label, length=length, **kw)


def _e(name: str, length: int, label=("", ""), **kw) -> Field:
    return Field(name, "enum", label, length=length, **kw)


def _resident_id() -> Field:
    return _s("resident_id", 36, ("Đối tượng", "Resident"), required=True)


_NOTE = ("Ghi chú", "Note")

TABLES: dict[str, tuple[Field, ...]] = {
    "facility": (
        _s("code", 20, ("Mã cơ sở", "Facility code"), required=True),
        _s("name", 200, ("Tên cơ sở", "Facility name"), required=True),
        _e("type", 20, ("Loại hình cơ sở", "Facility type"), required=True),
        Field("province_code", "int", ("Tỉnh/thành phố", "Province")),
        Field("ward_code", "int", ("Xã/phường", "Commune/ward")),
        _s("address", 300, ("Địa chỉ", "Address")),
        _s("governing_body", 200, ("Cơ quan chủ quản", "Governing body")),
        _s("report_recipient", 300, ("Nơi nhận báo cáo", "Report recipient")),
        _s("report_place", 100, ("Địa danh trên báo cáo", "Place on reports")),
        _s("report_symbol", 40, ("Ký hiệu báo cáo", "Report symbol")),
        _s("director_name", 100, ("Giám đốc", "Director")),
        # the report form's signature and legal basis (Decree 30; care_core.domain.report_form)
        _e("signature", 10, ("Thẩm quyền ký", "Signature authority"), required=True),
        _s("deputy_name", 100, ("Họ tên phó giám đốc ký thay", "Deputy director who signs")),
        _s("plan_number", 40, ("Số kế hoạch của tỉnh", "Province's plan number")),
        Field("plan_date", "date", ("Ngày ban hành kế hoạch", "Plan's date")),
        _s("plan_issuer", 200, ("Cơ quan ban hành kế hoạch", "Plan issued by")),
        Field("provincial_target_2025", "float", ("Chỉ tiêu của tỉnh 2025", "Provincial target 2025"), valid=(0, 1)),
        Field("provincial_target_2030", "float", ("Chỉ tiêu của tỉnh 2030", "Provincial target 2030"), valid=(0, 1)),
        Field("auto_lock_minutes", "int", ("Tự khóa sau (phút)", "Auto-lock after (minutes)"), unit=MINUTES,
              valid=(1, 240)),
    ),
    "residents": (
        _s("code", 20, ("Mã đối tượng", "Resident code"), required=True),
        _s("full_name", 100, ("Họ và tên", "Full name"), required=True),
        _s("name_folded", 100, ("Tên không dấu", "Name without accents"), required=True),
        _e("sex", 1, ("Giới tính", "Sex"), required=True),
        Field("birth_date", "date", ("Ngày sinh", "Date of birth"), required=True),
        _s("groups", 60, ("Nhóm đối tượng", "Beneficiary groups"), required=True),
        _s("cccd", 12, ("Số CCCD", "Citizen ID (CCCD)")),
        _s("bhyt_number", 15, ("Số thẻ BHYT", "Health-insurance card number")),
        Field("bhyt_valid_from", "date", ("Thẻ BHYT có giá trị từ", "Insurance card valid from")),
        Field("bhyt_valid_to", "date", ("Thẻ BHYT có giá trị đến", "Insurance card valid to")),
        _s("bhyt_place", 200, ("Nơi đăng ký KCB ban đầu", "Place of first registration")),
        _e("disability_type", 20, ("Dạng khuyết tật", "Disability type")),
        _e("disability_severity", 20, ("Mức độ khuyết tật", "Disability severity")),
        Field("admission_date", "date", ("Ngày tiếp nhận", "Admission date"), required=True),
        Field("discharge_date", "date", ("Ngày ra khỏi cơ sở", "Discharge date")),
        _e("discharge_reason", 20, ("Lý do ra khỏi cơ sở", "Discharge reason")),
        _s("room", 200, ("Phòng", "Room")),
        _s("next_of_kin_name", 200, ("Người thân", "Next of kin")),
        _s("next_of_kin_relation", 200, ("Quan hệ", "Relationship")),
        _s("next_of_kin_phone", 20, ("Điện thoại người thân", "Next of kin's phone")),
        Field("province_code", "int", ("Tỉnh/thành phố", "Province")),
        Field("ward_code", "int", ("Xã/phường", "Commune/ward")),
        _s("address_detail", 200, ("Địa chỉ chi tiết", "Street address")),
        _s("old_address", 500, ("Địa chỉ cũ (trước sáp nhập)", "Old address (before the merger)")),
        Field("notes", "text", ("Ghi chú", "Notes")),
        # a record merged into another (care_core.domain.merging): the survivor's id, on a tombstone
        _s("merged_into", 36, ("Đã gộp vào hồ sơ", "Merged into")),
    ),
    "checkups": (
        _resident_id(),
        Field("checkup_date", "date", ("Ngày khám", "Checkup date"), required=True),
        _e("kind", 20, ("Loại khám", "Checkup kind"), required=True),
        *VITALS,
        Field("findings", "text", ("Kết luận, ghi chú khám", "Findings")),
        Field("classification", "int", ("Phân loại sức khỏe", "Health classification")),
        Field("next_due_date", "date", ("Ngày khám lần sau", "Next checkup due")),
        _s("examiner", 200, ("Người khám", "Examiner")),
        _e("screening", 20, ("Sàng lọc bệnh truyền nhiễm", "Infectious-disease screening")),
        Field("screening_note", "text", ("Sàng lọc các bệnh", "Screened for")),
        Field("isolation", "bool", ("Cách ly", "Isolation")),
        _s("supersedes_id", 36, ("Sửa lần khám", "Corrects")),
        Field("voided", "bool", ("Đã hủy", "Voided")),
    ),
    "conditions": (
        _resident_id(),
        _s("icd10", 8, ("Mã ICD-10", "ICD-10 code"), required=True),
        Field("onset_date", "date", ("Ngày phát hiện", "Onset date")),
        _e("status", 20, ("Tình trạng", "Status"), required=True),
        Field("follow_up_days", "int", ("Chu kỳ theo dõi (ngày)", "Follow-up interval (days)"), unit=DAYS,
              valid=(1, 730)),
        Field("note", "text", _NOTE),
    ),
    "rehab_sessions": (
        _resident_id(),
        Field("session_date", "date", ("Ngày tập", "Session date"), required=True),
        _e("rehab_type", 20, ("Loại phục hồi chức năng", "Rehabilitation type"), required=True),
        Field("minutes", "int", ("Thời gian (phút)", "Duration (minutes)"), required=True, unit=MINUTES,
              valid=(1, 480)),
        _s("therapist", 200, ("Người thực hiện", "Therapist")),
        Field("barthel", "int", ("Chỉ số Barthel", "Barthel index"), valid=(0, 100)),
        Field("note", "text", _NOTE),
        _s("supersedes_id", 36, ("Sửa buổi tập", "Corrects")),
        Field("voided", "bool", ("Đã hủy", "Voided")),
    ),
    "referrals": (
        _resident_id(),
        Field("referral_date", "date", ("Ngày chuyển tuyến", "Referral date"), required=True),
        _s("hospital", 200, ("Nơi chuyển đến", "Receiving hospital"), required=True),
        Field("reason", "text", ("Lý do chuyển", "Reason for referral"), required=True),
        _s("icd10", 8, ("Mã ICD-10", "ICD-10 code")),
        _e("outcome", 20, ("Kết quả", "Outcome"), required=True),
        Field("return_date", "date", ("Ngày trở về", "Return date")),
        Field("outcome_note", "text", ("Ghi chú kết quả", "Outcome note")),
    ),
    # histories: what changes over time, with its dates (care_core.domain.history)
    "bhyt_cards": (
        _resident_id(),
        _s("number", 15, ("Số thẻ BHYT", "Health-insurance card number"), required=True),
        Field("valid_from", "date", ("Có giá trị từ", "Valid from")),
        Field("valid_to", "date", ("Có giá trị đến", "Valid to")),
        _s("registration_place", 200, ("Nơi đăng ký KCB ban đầu", "Place of first registration")),
    ),
    "condition_status_changes": (
        _resident_id(),
        _s("condition_id", 36, ("Bệnh", "Condition"), required=True),
        _e("status", 20, ("Tình trạng", "Status"), required=True),
        Field("changed_on", "date", ("Từ ngày", "From")),
        Field("note", "text", _NOTE),
    ),
    "room_changes": (
        _resident_id(),
        _s("room", 200, ("Phòng", "Room"), required=True),
        Field("moved_on", "date", ("Ngày chuyển phòng", "Moved on"), required=True),
    ),
    # nursing rounds (đợt điều dưỡng): a merit-care centre's rotating stays
    "nursing_rounds": (
        Field("year", "int", ("Năm", "Year"), required=True),
        Field("number", "int", ("Đợt số", "Round number"), required=True),
        Field("starts_on", "date", ("Ngày bắt đầu đợt", "Round starts"), required=True),
        Field("ends_on", "date", ("Ngày kết thúc đợt", "Round ends"), required=True),
        Field("places", "int", ("Số chỗ của đợt", "Places in the round"), required=True),
        Field("year_quota", "int", ("Chỉ tiêu cả năm", "Quota for the year")),
        Field("note", "text", _NOTE),
    ),
    "stays": (  # one person, many stays (lượt); the resident's admission/discharge mirror the latest
        _resident_id(),
        _e("kind", 20, ("Loại lưu trú", "Kind of stay"), required=True),
        Field("admitted_on", "date", ("Ngày tiếp nhận", "Admitted on"), required=True),
        Field("discharged_on", "date", ("Ngày ra khỏi cơ sở", "Discharged on")),
        _e("discharge_reason", 20, ("Lý do ra khỏi cơ sở", "Discharge reason")),
        _s("decision_number", 50, ("Số quyết định", "Decision number")),
        # a compulsory term is 6 to 24 months (Luật Phòng, chống ma túy 2021, điều 33); the range only stops slips
        Field("term_months", "int", ("Thời hạn (tháng)", "Term (months)"), valid=(1, 24)),
        _s("round_id", 36, ("Đợt điều dưỡng", "Nursing round")),
        Field("note", "text", _NOTE),
    ),
    "users": (
        _s("username", 32, ("Tên đăng nhập", "Username"), required=True),
        _s("full_name", 100, ("Họ và tên", "Full name"), required=True),
        _e("role", 20, ("Vai trò", "Role"), required=True),
        _s("password_hash", 200, ("Mật khẩu (băm)", "Password hash"), required=True),
        Field("active", "bool", ("Đang hoạt động", "Active")),
    ),
}
"""The synced tables' fields (the ``id`` and the sync bookkeeping columns
are the storage's and the protocol's, not the record's)."""
