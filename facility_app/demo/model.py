"""A planned resident (before anything is written) and small date and number helpers."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from care_core.domain.enums import (
    BeneficiaryGroup,
    ConditionStatus,
    DischargeReason,
    DisabilitySeverity,
    DisabilityType,
    Sex,
)


G = BeneficiaryGroup
M, F = Sex.MALE, Sex.FEMALE


@dataclass
class Cond:
    code: str
    onset: date | None = None
    status: ConditionStatus = ConditionStatus.ACTIVE


@dataclass
class Person:
    kind: str  # elderly, child, disability, mental, veteran, veteran-child, drug
    sex: Sex
    birth: date
    groups: list[BeneficiaryGroup]
    dis_type: DisabilityType | None = None
    dis_sev: DisabilitySeverity | None = None
    codes: list[str] = field(default_factory=list)
    adm: date | None = None
    discharge: date | None = None
    reason: DischargeReason | None = None
    # quotas
    bhyt: str = "valid"  # valid, expiring, expired, none
    overdue: bool = False
    abnormal: bool = False
    open_referral: bool = False
    hospital_death: bool = False
    # filled while planning
    conds: list[Cond] = field(default_factory=list)
    height: float = 0.0
    bmi: float = 0.0
    sys_base: float = 0.0
    child_factor: float = 1.0
    health: int = 2

    def has(self, code_prefix: str, on: date) -> bool:
        return any(c.code.startswith(code_prefix) and (c.onset is None or c.onset <= on)
                   and c.status != ConditionStatus.RESOLVED for c in self.conds)


def age_on(birth: date, on: date) -> int:
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def clamp(x, low, high):
    return max(low, min(high, x))
