"""Vietnamese names of the closed vocabularies, as printed on reports."""
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

GROUPS = {
    BeneficiaryGroup.MERIT: "Người có công",
    BeneficiaryGroup.ELDERLY: "Người cao tuổi",
    BeneficiaryGroup.CHILD: "Trẻ em",
    BeneficiaryGroup.DISABILITY: "Người khuyết tật",
    BeneficiaryGroup.SOCIAL_ASSISTANCE: "Đối tượng bảo trợ xã hội khác",
    BeneficiaryGroup.DRUG_USER: "Người nghiện ma túy",
}
GROUPS_SHORT = {  # for chart axes
    BeneficiaryGroup.MERIT: "Người có công",
    BeneficiaryGroup.ELDERLY: "Người cao tuổi",
    BeneficiaryGroup.CHILD: "Trẻ em",
    BeneficiaryGroup.DISABILITY: "Khuyết tật",
    BeneficiaryGroup.SOCIAL_ASSISTANCE: "BTXH khác",
    BeneficiaryGroup.DRUG_USER: "Nghiện ma túy",
}
SEX = {Sex.MALE: "Nam", Sex.FEMALE: "Nữ"}
AGE_BANDS = {"<16": "Dưới 16 tuổi", "16-59": "Từ 16 đến 59 tuổi", "60-79": "Từ 60 đến 79 tuổi",
             "80+": "Từ 80 tuổi trở lên"}
DISCHARGE = {
    DischargeReason.RETURNED_HOME: "Trở về gia đình, cộng đồng",
    DischargeReason.TRANSFERRED: "Chuyển cơ sở khác",
    DischargeReason.DECEASED: "Tử vong",
}
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
CONDITION_STATUS = {
    ConditionStatus.ACTIVE: "Đang điều trị",
    ConditionStatus.CONTROLLED: "Ổn định",
    ConditionStatus.RESOLVED: "Đã khỏi",
}
REHAB_TYPES = {
    RehabType.PHYSIOTHERAPY: "Vật lý trị liệu",
    RehabType.OCCUPATIONAL: "Hoạt động trị liệu",
    RehabType.SPEECH: "Ngôn ngữ trị liệu",
    RehabType.PSYCHOLOGICAL: "Tâm lý trị liệu",
    RehabType.ORTHOPAEDIC: "Dụng cụ chỉnh hình, trợ giúp",
    RehabType.COMMUNITY: "PHCN dựa vào cộng đồng",
}
REFERRAL_OUTCOMES = {
    ReferralOutcome.PENDING: "Đang điều trị tại tuyến trên",
    ReferralOutcome.RETURNED: "Điều trị xong, trở về cơ sở",
    ReferralOutcome.ADMITTED_LONG_TERM: "Ở lại điều trị dài ngày",
    ReferralOutcome.TRANSFERRED: "Chuyển tiếp tuyến khác",
    ReferralOutcome.DECEASED: "Tử vong",
}
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
