"""The records of a facility, as plain data. Rules live in ``rules.py``."""
from __future__ import annotations

from dataclasses import dataclass, field, make_dataclass
from datetime import date, datetime

from care_core import fields

from .enums import (
    BeneficiaryGroup,
    CheckupKind,
    ConditionStatus,
    DischargeReason,
    DisabilitySeverity,
    DisabilityType,
    FacilityType,
    HealthClass,
    ReferralOutcome,
    RehabType,
    Role,
    ScreeningResult,
    Sex,
    StayKind,
)
from .ids import new_id


@dataclass
class Facility:
    code: str
    name: str
    type: FacilityType
    province_code: int | None = None
    ward_code: int | None = None
    address: str = ""
    governing_body: str = ""  # cơ quan chủ quản, printed above the name
    report_recipient: str = ""  # where periodic reports are sent
    report_place: str = ""  # "Lạng Sơn" in "Lạng Sơn, ngày ..."
    report_symbol: str = "BC"  # "BC-TTBTXH" in "Số: 12/BC-TTBTXH"
    director_name: str = ""
    signature: str = "director"  # report_form.Signature: GIÁM ĐỐC, or KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC
    deputy_name: str = ""  # the deputy director who signs "KT. GIÁM ĐỐC"
    plan_number: str = ""  # the province's own plan: "125/KH-UBND"
    plan_date: date | None = None
    plan_issuer: str = ""  # "Ủy ban nhân dân tỉnh Lạng Sơn"
    provincial_target_2025: float | None = None  # share, 0..1
    provincial_target_2030: float | None = None
    auto_lock_minutes: int = 10
    version: int = 0


@dataclass
class Resident:
    full_name: str
    sex: Sex
    birth_date: date
    admission_date: date
    groups: list[BeneficiaryGroup] = field(default_factory=list)
    code: str = ""  # facility's own resident code, made on admission if blank
    cccd: str | None = None
    bhyt_number: str | None = None
    bhyt_valid_from: date | None = None
    bhyt_valid_to: date | None = None
    bhyt_place: str = ""  # the card's place of first registration (nơi đăng ký KCB ban đầu)
    disability_type: DisabilityType | None = None
    disability_severity: DisabilitySeverity | None = None
    discharge_date: date | None = None
    discharge_reason: DischargeReason | None = None
    room: str = ""
    next_of_kin_name: str = ""
    next_of_kin_relation: str = ""
    next_of_kin_phone: str = ""
    province_code: int | None = None
    ward_code: int | None = None
    address_detail: str = ""  # house, street, hamlet
    old_address: str = ""  # as written on paper records before the 2025 merger
    notes: str = ""
    id: str = field(default_factory=new_id)
    version: int = 0

    def age_on(self, day: date) -> int:
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


def _bmi(self) -> float | None:
    if not self.weight_kg or not self.height_cm:
        return None
    metres = self.height_cm / 100
    return round(self.weight_kg / (metres * metres), 1)


VitalSigns = make_dataclass(
    "VitalSigns",
    [(f.name, int | None if f.whole else float | None, None) for f in fields.VITALS],
    namespace={"bmi": property(_bmi), "__doc__": "The vital signs of a checkup: the field table's "
               "``VITALS``, in their order (units and ranges there); ``bmi`` derived. Keyword "
               "arguments only: a sign added to the table must not shift the others."},
    kw_only=True,
)
VitalSigns.__module__ = __name__


@dataclass
class Checkup:
    resident_id: str
    checkup_date: date
    kind: CheckupKind
    vitals: VitalSigns = field(default_factory=VitalSigns)
    findings: str = ""
    classification: HealthClass | None = None
    next_due_date: date | None = None
    examiner: str = ""
    # admission screening
    screening: ScreeningResult | None = None
    screening_note: str = ""
    isolation: bool = False
    # insert-only history: a correction or void points at what it replaces
    supersedes_id: str | None = None
    voided: bool = False
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class Condition:
    resident_id: str
    icd10: str
    onset_date: date | None = None
    status: ConditionStatus = ConditionStatus.ACTIVE
    follow_up_days: int | None = None
    note: str = ""
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class RehabSession:
    resident_id: str
    session_date: date
    rehab_type: RehabType
    minutes: int
    therapist: str = ""
    barthel: int | None = None
    note: str = ""
    supersedes_id: str | None = None
    voided: bool = False
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class Referral:
    resident_id: str
    referral_date: date
    hospital: str
    reason: str
    icd10: str | None = None
    outcome: ReferralOutcome = ReferralOutcome.PENDING
    return_date: date | None = None
    outcome_note: str = ""
    id: str = field(default_factory=new_id)
    version: int = 0

    @property
    def is_open(self) -> bool:
        return self.outcome == ReferralOutcome.PENDING


@dataclass
class User:
    username: str
    full_name: str
    role: Role
    active: bool = True
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user, or the facility-admin CLI."""

    username: str
    role: Role
    user_id: str | None = None


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: str
    action: str
    table: str
    row_id: str
    detail: str


# --- history: what changes over time is kept with its dates, never overwritten

@dataclass
class BhytCard:
    """One health-insurance card of a resident. A renewal adds a card; a
    correction of a typo edits it. The resident's ``bhyt_*`` fields mirror
    the newest card, for the list and the Today panel."""

    resident_id: str
    number: str
    valid_from: date | None = None
    valid_to: date | None = None
    registration_place: str = ""  # nơi đăng ký khám chữa bệnh ban đầu
    id: str = field(default_factory=new_id)
    version: int = 0

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and \
            self.valid_to is not None and day <= self.valid_to


@dataclass
class ConditionStatusChange:
    """A condition's status from a date on (active, controlled, resolved).
    The condition's ``status`` mirrors the latest; reports read these."""

    condition_id: str
    resident_id: str
    status: ConditionStatus
    changed_on: date | None = None  # None: since the condition was recorded
    note: str = ""
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class RoomChange:
    """A resident's room from a date on; ``Resident.room`` mirrors the latest."""

    resident_id: str
    room: str
    moved_on: date
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class NursingRound:
    """A round (đợt) of rotating nursing stays for merit persons: its dates,
    its places, and the province's quota (chỉ tiêu) for the year as known
    when the round was set up. Its people are the stays that name it."""

    year: int
    number: int  # đợt 1, 2, ... of the year
    starts_on: date
    ends_on: date
    places: int
    year_quota: int | None = None
    note: str = ""
    id: str = field(default_factory=new_id)
    version: int = 0


@dataclass
class Stay:
    """One stay (lượt) of a person, admission to discharge. The person's
    record (``Resident``) is for life; ``Resident.admission_date``,
    ``discharge_date`` and ``discharge_reason`` mirror the latest stay."""

    resident_id: str
    kind: StayKind
    admitted_on: date
    discharged_on: date | None = None
    discharge_reason: DischargeReason | None = None
    decision_number: str = ""  # the court's decision of a compulsory rehab stay
    term_months: int | None = None  # its term
    round_id: str | None = None  # the nursing round (đợt) it belongs to, when rounds are kept
    note: str = ""
    id: str = field(default_factory=new_id)
    version: int = 0

    def is_open(self) -> bool:
        return self.discharged_on is None

    def days(self, today: date) -> int:
        """Length of the stay in days (bed-days): the discharge day not counted,
        at least one."""
        end = self.discharged_on or today
        return max(1, (end - self.admitted_on).days)
