"""Vietnamese names of the closed vocabularies, as printed on reports.

Sex, discharge reason, condition status, referral outcome and group come
from ``care_core.domain.vocabulary`` (the names the screens and exports use
too); the others are the reports' own."""
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
)
from care_core.domain.vocabulary import labels as _vocabulary

GROUPS = _vocabulary(BeneficiaryGroup)
SEX = _vocabulary(Sex)
AGE_BANDS = {"<16": "Dưới 16 tuổi", "16-59": "Từ 16 đến 59 tuổi", "60-79": "Từ 60 đến 79 tuổi",
             "80+": "Từ 80 tuổi trở lên"}
DISCHARGE = _vocabulary(DischargeReason)
CHECKUP_KINDS = {
    CheckupKind.ADMISSION: "Khám tiếp nhận",
    CheckupKind.PERIODIC: "Khám định kỳ",
    CheckupKind.AD_HOC: "Khám đột xuất",
}
HEALTH_CLASSES = {
    HealthClass.I: "Loại I (rất khỏe)",
    HealthClass.II: "Loại II (khỏe)",
    HealthClass.III: "Loại III (trung bình)",
    HealthClass.IV: "Loại IV (yếu)",
    HealthClass.V: "Loại V (rất yếu)",
}
CONDITION_STATUS = _vocabulary(ConditionStatus)
REHAB_TYPES = {
    RehabType.PHYSIOTHERAPY: "Vật lý trị liệu",
    RehabType.OCCUPATIONAL: "Hoạt động trị liệu",
    RehabType.SPEECH: "Ngôn ngữ trị liệu",
    RehabType.PSYCHOLOGICAL: "Tâm lý trị liệu",
    RehabType.ORTHOPAEDIC: "Dụng cụ chỉnh hình, trợ giúp",
    RehabType.COMMUNITY: "PHCN dựa vào cộng đồng",
}
REFERRAL_OUTCOMES = _vocabulary(ReferralOutcome)
DISABILITY_TYPES = {
    DisabilityType.MOBILITY: "Khuyết tật vận động",
    DisabilityType.HEARING_SPEECH: "Khuyết tật nghe, nói",
    DisabilityType.VISION: "Khuyết tật nhìn",
    DisabilityType.MENTAL: "Khuyết tật thần kinh, tâm thần",
    DisabilityType.INTELLECTUAL: "Khuyết tật trí tuệ",
    DisabilityType.OTHER: "Khuyết tật khác",
}
DISABILITY_SEVERITY = {
    DisabilitySeverity.EXTREME: "đặc biệt nặng",
    DisabilitySeverity.SEVERE: "nặng",
    DisabilitySeverity.MILD: "nhẹ",
}
