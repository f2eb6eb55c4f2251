"""The records of a facility, as plain data. Rules live in ``rules.py``."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

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

    def present_on(self, day: date) -> bool:
        return self.admission_date <= day and (self.discharge_date is None or self.discharge_date >= day)

    def age_on(self, day: date) -> int:
        years = day.year - self.birth_date.year
        if (day.month, day.day) < (self.birth_date.month, self.birth_date.day):
            years -= 1
        return years


@dataclass
class VitalSigns:
    systolic: int | None = None  # mmHg
    diastolic: int | None = None  # mmHg
    pulse: int | None = None  # beats/min
    temperature: float | None = None  # °C
    spo2: int | None = None  # %
    respiratory_rate: int | None = None  # breaths/min
    weight_kg: float | None = None
    height_cm: float | None = None
    glucose: float | None = None  # mmol/L

    @property
    def bmi(self) -> float | None:
        if not self.weight_kg or not self.height_cm:
            return None
        metres = self.height_cm / 100
        return round(self.weight_kg / (metres * metres), 1)


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
