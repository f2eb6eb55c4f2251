"""Vietnamese names of the closed vocabularies, as printed on reports.

Every coded value's name comes from ``care_core.domain.vocabulary`` (the
names the screens and exports use too); only the age bands are the reports'
own (they are the report's rows, not a stored code)."""
from __future__ import annotations

from care_core.domain.enums import (
    BeneficiaryGroup,
    CheckupKind,
    ConditionStatus,
    DisabilitySeverity,
    DisabilityType,
    DischargeReason,
    HealthClass,
    ReferralOutcome,
    RehabType,
    Sex,
    StayKind,
)
from care_core.domain.vocabulary import labels as _vocabulary

GROUPS = _vocabulary(BeneficiaryGroup)
SEX = _vocabulary(Sex)
AGE_BANDS = {"<16": "Dưới 16 tuổi", "16-59": "Từ 16 đến 59 tuổi", "60-79": "Từ 60 đến 79 tuổi",
             "80+": "Từ 80 tuổi trở lên"}
DISCHARGE = _vocabulary(DischargeReason)
CHECKUP_KINDS = _vocabulary(CheckupKind)
HEALTH_CLASSES = _vocabulary(HealthClass)
CONDITION_STATUS = _vocabulary(ConditionStatus)
REHAB_TYPES = _vocabulary(RehabType)
REFERRAL_OUTCOMES = _vocabulary(ReferralOutcome)
DISABILITY_TYPES = _vocabulary(DisabilityType)
DISABILITY_SEVERITY = _vocabulary(DisabilitySeverity)
STAY_KINDS = _vocabulary(StayKind)
