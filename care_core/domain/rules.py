"""Every rule a nurse can break, once, with a message that says how to fix it.

Each ``check_*`` returns the list of problems (empty when all is well);
``ensure(problems)`` raises ``ValidationError`` for the services.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from care_core import fields
from . import divisions, icd10, report_form
from .entities import (BhytCard, Checkup, Condition, ConditionStatusChange, Facility, Referral, RehabSession,
                       Resident, RoomChange, Stay, VitalSigns)
from .enums import BeneficiaryGroup, ReferralOutcome, ScreeningResult, Sex, StayKind
from .messages import Problem, ValidationError

# Plausible ranges for vital signs, from the field table: (low, high, unit).
# A value outside is a typing slip (or a device error), never a real
# measurement to keep.
VITAL_RANGES: dict[str, tuple[float, float, str]] = {
    f.name: (*f.valid, f.unit_text("vi")) for f in fields.VITALS if f.valid is not None}

BARTHEL_RANGE = fields.field("rehab_sessions", "barthel").valid
REHAB_MINUTES_RANGE = fields.field("rehab_sessions", "minutes").valid
FOLLOW_UP_DAYS_RANGE = fields.field("conditions", "follow_up_days").valid
PROVINCIAL_TARGET_RANGE = fields.field("facility", "provincial_target_2025").valid
AUTO_LOCK_RANGE = fields.field("facility", "auto_lock_minutes").valid


def _unit(table: str, name: str) -> str:
    return fields.field(table, name).unit_text("vi")
MAX_TEXT = 2000
MAX_SHORT_TEXT = 200

_CCCD = re.compile(r"^\d{12}$")
# 15-character card: object code (2 letters), benefit level (1-5), province
# code (2 digits), social-insurance number (10 digits). Since 2025 the bare
# 10-digit social-insurance number is also accepted on the card.
_BHYT = re.compile(r"^[A-Z]{2}[1-5]\d{12}$|^\d{10}$")
_PHONE = re.compile(r"^0\d{9}$")
# A name word is letters, possibly joined by one apostrophe (' or ’) or hyphen:
# Ê Đê and Gia Rai names ("H'Hen Niê", "Ksor H'Phin") and "Thu-Hà". Digits,
# punctuation elsewhere and doubled separators stay refused.
_NAME_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_NAME = re.compile(rf"^{_NAME_WORD}(?: {_NAME_WORD})+$")
_NAME_ANY = re.compile(rf"^{_NAME_WORD}(?: {_NAME_WORD})*$")
_USERNAME = re.compile(r"^[a-z0-9._]{3,32}$")
_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,19}$")
MIN_PASSWORD = 8
MIN_PASSPHRASE = 10


def ensure(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _required(problems: list[Problem], field: str, value) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        problems.append(Problem(field, "required"))
        return False
    return True


def _in_range(problems, field, value, low, high, unit=""):
    if value is not None and not (low <= value <= high):
        problems.append(Problem(field, "range", {"value": value, "low": low, "high": high, "unit": unit}))


def _not_future(problems, field, value: date | None, today: date):
    if value is not None and value > today:
        problems.append(Problem(field, "future_date", {"value": value, "today": today}))


def _text(problems, field, value: str | None, limit=MAX_SHORT_TEXT):
    if value and len(value) > limit:
        problems.append(Problem(field, "too_long", {"max": limit}))


def cccd_expected_digits(sex: Sex, birth_year: int) -> str:
    """Digits 4-6 of a CCCD: century-and-sex digit, then the year's last two."""
    century = (birth_year - 1900) // 100  # 1900s -> 0, 2000s -> 1, ...
    digit = century * 2 + (1 if sex == Sex.FEMALE else 0)
    return f"{digit}{birth_year % 100:02d}"


def check_person_name(field: str, name: str, *, full: bool = True) -> list[Problem]:
    """A person's name: letters, with ' ’ - inside a word; ``full`` needs two words or more."""
    text = " ".join(unicodedata.normalize("NFC", name or "").split())
    if (_NAME if full else _NAME_ANY).match(text):
        return []
    return [Problem(field, "name_format" if full else "person_name_format")]


def check_cccd(cccd: str | None, sex: Sex | None = None, birth_date: date | None = None) -> list[Problem]:
    problems: list[Problem] = []
    if not cccd:
        return problems  # may be missing (old residents, children)
    if not _CCCD.match(cccd):
        return [Problem("cccd", "cccd_format", {"length": len(cccd)})]
    if sex is not None and birth_date is not None and 1900 <= birth_date.year < 2400:
        expected = cccd_expected_digits(sex, birth_date.year)
        if cccd[3:6] != expected:
            problems.append(Problem("cccd", "cccd_mismatch", {"digits": cccd[3:6], "expected": expected}))
    return problems


def check_bhyt(number: str | None) -> list[Problem]:
    if not number:
        return []
    return [] if _BHYT.match(number) else [Problem("bhyt_number", "bhyt_format")]


def check_resident(r: Resident, today: date) -> list[Problem]:
    p: list[Problem] = []
    if _required(p, "full_name", r.full_name):
        p += check_person_name("full_name", r.full_name)
        _text(p, "full_name", r.full_name, 100)
    _required(p, "sex", r.sex)
    if _required(p, "birth_date", r.birth_date):
        _not_future(p, "birth_date", r.birth_date, today)
        if r.birth_date.year < 1900:
            p.append(Problem("birth_date", "range", {"value": r.birth_date.year, "low": 1900, "high": today.year, "unit": ""}))
    if _required(p, "admission_date", r.admission_date):
        _not_future(p, "admission_date", r.admission_date, today)
        if r.birth_date and r.admission_date < r.birth_date:
            p.append(Problem("admission_date", "before_birth", {"value": r.admission_date, "birth_date": r.birth_date}))
    if not r.groups:
        p.append(Problem("groups", "groups_empty"))
    if r.code and not _CODE.match(r.code):
        p.append(Problem("code", "code_format"))
    p += check_cccd(r.cccd, r.sex, r.birth_date)
    p += check_bhyt(r.bhyt_number)
    if r.bhyt_valid_from and r.bhyt_valid_to and r.bhyt_valid_to <= r.bhyt_valid_from:
        p.append(Problem("bhyt_valid_to", "not_after", {"value": r.bhyt_valid_to, "other_field": "bhyt_valid_from", "other": r.bhyt_valid_from}))
    _text(p, "bhyt_place", r.bhyt_place)
    if (r.disability_type or r.disability_severity) and BeneficiaryGroup.DISABILITY not in r.groups:
        p.append(Problem("disability_type", "disability_needs_group"))
    if (r.discharge_date is None) != (r.discharge_reason is None):
        p.append(Problem("discharge_date" if r.discharge_date is None else "discharge_reason", "discharge_incomplete"))
    if r.discharge_date is not None:
        _not_future(p, "discharge_date", r.discharge_date, today)
        if r.admission_date and r.discharge_date < r.admission_date:
            p.append(Problem("discharge_date", "discharge_before_admission", {"value": r.discharge_date, "admission_date": r.admission_date}))
    if r.next_of_kin_name and r.next_of_kin_name.strip():
        p += check_person_name("next_of_kin_name", r.next_of_kin_name, full=False)
    if r.next_of_kin_phone and not _PHONE.match(r.next_of_kin_phone):
        p.append(Problem("next_of_kin_phone", "phone_format"))
    p += divisions.check(r.province_code, r.ward_code)
    for name in ("room", "next_of_kin_name", "next_of_kin_relation", "address_detail"):
        _text(p, name, getattr(r, name))
    _text(p, "notes", r.notes, MAX_TEXT)
    _text(p, "old_address", r.old_address, 500)
    return p


def check_vitals(v: VitalSigns) -> list[Problem]:
    p: list[Problem] = []
    for name, (low, high, unit) in VITAL_RANGES.items():  # _in_range written out: a push checks thousands
        value = getattr(v, name)
        if value is not None and not (low <= value <= high):
            p.append(Problem(name, "range", {"value": value, "low": low, "high": high, "unit": unit}))
    if (v.systolic is None) != (v.diastolic is None):
        p.append(Problem("systolic" if v.systolic is None else "diastolic", "bp_pair"))
    elif v.systolic is not None and v.diastolic is not None and not any(x.field in ("systolic", "diastolic") for x in p):
        if v.diastolic >= v.systolic:
            p.append(Problem("diastolic", "diastolic_not_below_systolic", {"value": v.diastolic, "systolic": v.systolic,
                                                                           "unit": fields.vital("diastolic").unit_text("vi")}))
    return p


def _within_stay(p, field, day: date, resident: Resident, today: date):
    end = resident.discharge_date or today
    if day < resident.admission_date or day > end:
        p.append(Problem(field, "outside_stay", {"value": day, "admission_date": resident.admission_date, "end": end}))


def check_checkup(c: Checkup, resident: Resident, today: date) -> list[Problem]:
    p: list[Problem] = []
    if _required(p, "checkup_date", c.checkup_date):
        _not_future(p, "checkup_date", c.checkup_date, today)
        if not p:
            _within_stay(p, "checkup_date", c.checkup_date, resident, today)
    _required(p, "kind", c.kind)
    if not c.voided:
        p += check_vitals(c.vitals)
    if c.next_due_date is not None and c.checkup_date is not None and c.next_due_date <= c.checkup_date:
        p.append(Problem("next_due_date", "not_after", {"value": c.next_due_date, "other_field": "checkup_date", "other": c.checkup_date}))
    if c.isolation and c.screening not in (ScreeningResult.SUSPECTED, ScreeningResult.POSITIVE):
        p.append(Problem("screening", "isolation_needs_screening"))
    _text(p, "findings", c.findings, MAX_TEXT)
    _text(p, "examiner", c.examiner)
    return p


def check_condition(c: Condition, resident: Resident, today: date) -> list[Problem]:
    p: list[Problem] = []
    if _required(p, "icd10", c.icd10) and icd10.lookup(c.icd10) is None:
        p.append(Problem("icd10", "icd10_unknown", {"value": c.icd10}))
    _not_future(p, "onset_date", c.onset_date, today)
    if c.onset_date and c.onset_date < resident.birth_date:
        p.append(Problem("onset_date", "before_birth", {"value": c.onset_date, "birth_date": resident.birth_date}))
    if c.follow_up_days is not None:
        _in_range(p, "follow_up_days", c.follow_up_days, *FOLLOW_UP_DAYS_RANGE, "")  # the label says "(days)"
    _text(p, "note", c.note, MAX_TEXT)
    return p


def check_bhyt_card(c: BhytCard, resident: Resident, today: date) -> list[Problem]:
    p: list[Problem] = []
    if _required(p, "bhyt_number", c.number):
        check = Resident(resident.full_name, resident.sex, resident.birth_date, resident.admission_date,
                         bhyt_number=c.number, bhyt_valid_from=c.valid_from, bhyt_valid_to=c.valid_to)
        p.extend(x for x in check_resident(check, today) if x.field.startswith("bhyt"))
    _text(p, "registration_place", c.registration_place)
    return p


def check_status_change(s: ConditionStatusChange, resident: Resident, today: date) -> list[Problem]:
    p: list[Problem] = []
    _required(p, "status", s.status)
    if s.changed_on is not None:
        _not_future(p, "changed_on", s.changed_on, today)
        if s.changed_on < resident.birth_date:
            p.append(Problem("changed_on", "before_birth", {"value": s.changed_on, "birth_date": resident.birth_date}))
    _text(p, "note", s.note, MAX_TEXT)
    return p


def check_room_change(r: RoomChange, resident: Resident, today: date) -> list[Problem]:
    p: list[Problem] = []
    if _required(p, "moved_on", r.moved_on):
        _not_future(p, "moved_on", r.moved_on, today)
    _text(p, "room", r.room)
    return p


TERM_MONTHS_RANGE = fields.field("stays", "term_months").valid


def check_stay(s: Stay, resident: Resident, today: date) -> list[Problem]:
    """One stay on its own: its kind, dates, and a compulsory stay's decision."""
    p: list[Problem] = []
    _required(p, "stay_kind", s.kind)
    if _required(p, "admitted_on", s.admitted_on):
        _not_future(p, "admitted_on", s.admitted_on, today)
        if resident.birth_date and s.admitted_on < resident.birth_date:
            p.append(Problem("admitted_on", "before_birth", {"value": s.admitted_on, "birth_date": resident.birth_date}))
    if (s.discharged_on is None) != (s.discharge_reason is None):
        p.append(Problem("discharged_on" if s.discharged_on is None else "discharge_reason", "discharge_incomplete"))
    if s.discharged_on is not None:
        _not_future(p, "discharged_on", s.discharged_on, today)
        if s.admitted_on and s.discharged_on < s.admitted_on:
            p.append(Problem("discharged_on", "discharge_before_admission",
                             {"value": s.discharged_on, "admission_date": s.admitted_on}))
    if s.kind == StayKind.REHAB_COMPULSORY:
        if not (s.decision_number or "").strip():
            p.append(Problem("decision_number", "compulsory_needs_decision"))
        if s.term_months is None:
            p.append(Problem("term_months", "compulsory_needs_decision"))
    if s.term_months is not None:
        _in_range(p, "term_months", s.term_months, *TERM_MONTHS_RANGE, "")
    _text(p, "decision_number", s.decision_number, 50)
    _text(p, "note", s.note, MAX_TEXT)
    return p


def _stay_end(s: Stay) -> date:
    """The first day after the stay (a stay admitted and ended the same day holds that day)."""
    if s.discharged_on is None:
        return date.max
    return max(s.discharged_on, s.admitted_on + timedelta(days=1))


def check_stay_among(s: Stay, others: list[Stay]) -> list[Problem]:
    """A stay against the person's other stays: one open stay at most, and
    no two overlap (leaving and coming back the same day is fine)."""
    p: list[Problem] = []
    for o in others:
        if o.id == s.id or o.admitted_on is None or s.admitted_on is None:
            continue
        if o.is_open() and s.admitted_on >= o.admitted_on:
            p.append(Problem("admitted_on", "stay_open", {"admitted_on": o.admitted_on}))
        elif s.admitted_on < _stay_end(o) and o.admitted_on < _stay_end(s):
            p.append(Problem("admitted_on", "stay_overlap", {"value": s.admitted_on, "start": o.admitted_on,
                                                             "end": o.discharged_on or "…"}))
        else:
            continue
        break
    return p


def check_rehab(s: RehabSession, resident: Resident, today: date) -> list[Problem]:
    p: list[Problem] = []
    if _required(p, "session_date", s.session_date):
        _not_future(p, "session_date", s.session_date, today)
        if not p:
            _within_stay(p, "session_date", s.session_date, resident, today)
    _required(p, "rehab_type", s.rehab_type)
    if _required(p, "minutes", s.minutes):
        _in_range(p, "minutes", s.minutes, *REHAB_MINUTES_RANGE, _unit("rehab_sessions", "minutes"))
    if s.barthel is not None:
        _in_range(p, "barthel", s.barthel, *BARTHEL_RANGE, "")
    _text(p, "therapist", s.therapist)
    _text(p, "note", s.note, MAX_TEXT)
    return p


def check_referral(r: Referral, resident: Resident, today: date) -> list[Problem]:
    p: list[Problem] = []
    if _required(p, "referral_date", r.referral_date):
        _not_future(p, "referral_date", r.referral_date, today)
        if not p:
            _within_stay(p, "referral_date", r.referral_date, resident, today)
    if _required(p, "hospital", r.hospital):
        _text(p, "hospital", r.hospital)
    _required(p, "reason", r.reason)
    _text(p, "reason", r.reason, MAX_TEXT)
    if r.icd10 and icd10.lookup(r.icd10) is None:
        p.append(Problem("icd10", "icd10_unknown", {"value": r.icd10}))
    if r.return_date is not None:
        _not_future(p, "return_date", r.return_date, today)
        if r.referral_date and r.return_date < r.referral_date:
            p.append(Problem("return_date", "not_after", {"value": r.return_date, "other_field": "referral_date", "other": r.referral_date}))
        if r.outcome != ReferralOutcome.RETURNED:
            p.append(Problem("outcome", "choice", {"value": r.outcome, "choices": ReferralOutcome.RETURNED.value}))
    if r.outcome == ReferralOutcome.RETURNED and r.return_date is None:
        p.append(Problem("return_date", "required"))
    return p


def check_facility(f: Facility) -> list[Problem]:
    p: list[Problem] = []
    if _required(p, "facility_code", f.code) and not _CODE.match(f.code):
        p.append(Problem("facility_code", "code_format"))
    if _required(p, "facility_name", f.name):
        _text(p, "facility_name", f.name)
    _required(p, "facility_type", f.type)
    p += divisions.check(f.province_code, f.ward_code)
    for target in (f.provincial_target_2025, f.provincial_target_2030):
        if target is not None:
            _in_range(p, "provincial_target", target, *PROVINCIAL_TARGET_RANGE, "")
    low, high = AUTO_LOCK_RANGE
    if not (low <= f.auto_lock_minutes <= high):
        p.append(Problem("auto_lock_minutes", "range", {"value": f.auto_lock_minutes, "low": low, "high": high, "unit": ""}))
    return p + check_report_settings(f)


REPORT_TEXT_LIMITS = {name: fields.field("facility", name).length for name in (
    "governing_body", "report_recipient", "report_place", "director_name", "deputy_name", "plan_issuer")}


def check_report_settings(f: Facility) -> list[Problem]:
    """The Decree 30 settings: the symbol 'BC-TTBTXH', who signs, the plan."""
    p: list[Problem] = []
    for name, limit in REPORT_TEXT_LIMITS.items():
        _text(p, name, getattr(f, name), limit)
    if not report_form.symbol_ok(f.report_symbol):
        p.append(Problem("report_symbol", "symbol_format", {"value": f.report_symbol}))
    if f.signature not in {s.value for s in report_form.Signature}:
        p.append(Problem("signature", "choice", {"value": f.signature,
                                                 "choices": ", ".join(s.value for s in report_form.Signature)}))
    if f.plan_number and not report_form.plan_number_ok(f.plan_number):
        p.append(Problem("plan_number", "plan_number_format", {"value": f.plan_number}))
    if (f.plan_date or f.plan_issuer) and not f.plan_number:
        p.append(Problem("plan_number", "required"))
    _not_future(p, "plan_date", f.plan_date, date.today())
    return p


def check_username(username: str) -> list[Problem]:
    return [] if _USERNAME.match(username or "") else [Problem("username", "username_format")]


def check_password(password: str) -> list[Problem]:
    return [] if len(password or "") >= MIN_PASSWORD else [Problem("password", "password_weak", {"min": MIN_PASSWORD})]


def check_passphrase(passphrase: str) -> list[Problem]:
    return [] if len(passphrase or "") >= MIN_PASSPHRASE else [Problem("passphrase", "password_weak", {"min": MIN_PASSPHRASE})]


def checkup_due(last_checkup: date, next_due: date | None) -> date:
    """When the next checkup is due after the latest one: the date the
    examiner set, else a year after it (the programme's minimum)."""
    return next_due or last_checkup + timedelta(days=365)


def default_next_due(checkup_date: date, has_chronic: bool) -> date:
    """At least yearly; every 3 months for residents with a chronic condition."""
    return checkup_date + timedelta(days=91 if has_chronic else 365)
