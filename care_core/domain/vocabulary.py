"""One name per coded value, in Vietnamese and English, defined once.

The screens, the printed reports and the exports name every closed
vocabulary from this table (sex, discharge reason, a condition's status, a
referral's outcome, beneficiary group, disability type and severity, checkup
kind, health class, screening result, rehabilitation type, facility type,
role), so "Tử vong" on a screen is "Tử vong" in the PDF and in the CSV. It
is the one mechanism for such names: the UI reads it in the session's
language, as it reads Qt's translations for its own sentences. Exports write
the label, and the stored code in a column of its own where a machine reads it.
"""
from __future__ import annotations

from enum import Enum

from .enums import (
    BeneficiaryGroup,
    CheckupKind,
    ConditionStatus,
    DisabilitySeverity,
    DisabilityType,
    DischargeReason,
    FacilityType,
    HealthClass,
    ReferralOutcome,
    RehabType,
    Role,
    ScreeningResult,
    Sex,
    StayKind,
)
from .messages import DEFAULT_LANGUAGE
from .permissions import ROLE_NAMES

LABELS: dict[type[Enum], dict[Enum, tuple[str, str]]] = {
    Sex: {
        Sex.MALE: ("Nam", "Male"),
        Sex.FEMALE: ("Nữ", "Female"),
    },
    DischargeReason: {
        DischargeReason.RETURNED_HOME: ("Trở về gia đình, cộng đồng", "Returned to family and community"),
        DischargeReason.TRANSFERRED: ("Chuyển cơ sở khác", "Transferred to another facility"),
        DischargeReason.DECEASED: ("Tử vong", "Deceased"),
    },
    StayKind: {
        StayKind.LONG_TERM: ("Nuôi dưỡng tập trung", "Long-term residential care"),
        StayKind.NURSING_ROUND: ("Điều dưỡng tập trung (luân phiên)", "Rotating nursing stay"),
        StayKind.REHAB_COMPULSORY: ("Cai nghiện bắt buộc", "Compulsory drug rehabilitation"),
        StayKind.REHAB_VOLUNTARY: ("Cai nghiện tự nguyện", "Voluntary drug rehabilitation"),
        StayKind.EMERGENCY: ("Tiếp nhận khẩn cấp, tạm thời", "Emergency or temporary protection"),
    },
    ConditionStatus: {
        ConditionStatus.ACTIVE: ("Đang điều trị", "Under treatment"),
        ConditionStatus.CONTROLLED: ("Ổn định", "Controlled"),
        ConditionStatus.RESOLVED: ("Đã khỏi", "Resolved"),
    },
    ReferralOutcome: {
        ReferralOutcome.PENDING: ("Đang điều trị tại tuyến trên", "Being treated at the hospital"),
        ReferralOutcome.RETURNED: ("Điều trị xong, trở về cơ sở", "Treated, returned to the facility"),
        ReferralOutcome.ADMITTED_LONG_TERM: ("Ở lại điều trị dài ngày", "Staying for long-term treatment"),
        ReferralOutcome.TRANSFERRED: ("Chuyển tiếp tuyến khác", "Transferred to another hospital"),
        ReferralOutcome.DECEASED: ("Tử vong", "Deceased"),
    },
    BeneficiaryGroup: {
        BeneficiaryGroup.MERIT: ("Người có công", "Person with meritorious service"),
        BeneficiaryGroup.ELDERLY: ("Người cao tuổi", "Elderly person"),
        BeneficiaryGroup.CHILD: ("Trẻ em", "Child"),
        BeneficiaryGroup.DISABILITY: ("Người khuyết tật", "Person with disability"),
        BeneficiaryGroup.SOCIAL_ASSISTANCE: ("Đối tượng bảo trợ xã hội khác", "Other social-assistance beneficiary"),
        BeneficiaryGroup.DRUG_USER: ("Người nghiện ma túy", "Person with drug addiction"),
    },
    DisabilityType: {
        DisabilityType.MOBILITY: ("Khuyết tật vận động", "Mobility disability"),
        DisabilityType.HEARING_SPEECH: ("Khuyết tật nghe, nói", "Hearing and speech disability"),
        DisabilityType.VISION: ("Khuyết tật nhìn", "Visual disability"),
        DisabilityType.MENTAL: ("Khuyết tật thần kinh, tâm thần", "Mental and psychosocial disability"),
        DisabilityType.INTELLECTUAL: ("Khuyết tật trí tuệ", "Intellectual disability"),
        DisabilityType.OTHER: ("Khuyết tật khác", "Other disability"),
    },
    DisabilitySeverity: {  # Law on Persons with Disabilities 2010, art. 3
        DisabilitySeverity.EXTREME: ("Đặc biệt nặng", "Extremely severe"),
        DisabilitySeverity.SEVERE: ("Nặng", "Severe"),
        DisabilitySeverity.MILD: ("Nhẹ", "Mild"),
    },
    CheckupKind: {
        CheckupKind.ADMISSION: ("Khám tiếp nhận", "Admission checkup"),
        CheckupKind.PERIODIC: ("Khám định kỳ", "Periodic checkup"),
        CheckupKind.AD_HOC: ("Khám đột xuất", "Ad-hoc visit"),
    },
    HealthClass: {
        HealthClass.I: ("Loại I (rất khỏe)", "Class I (very good)"),
        HealthClass.II: ("Loại II (khỏe)", "Class II (good)"),
        HealthClass.III: ("Loại III (trung bình)", "Class III (average)"),
        HealthClass.IV: ("Loại IV (yếu)", "Class IV (weak)"),
        HealthClass.V: ("Loại V (rất yếu)", "Class V (very weak)"),
    },
    ScreeningResult: {
        ScreeningResult.NEGATIVE: ("Âm tính", "Negative"),
        ScreeningResult.SUSPECTED: ("Nghi ngờ", "Suspected"),
        ScreeningResult.POSITIVE: ("Dương tính", "Positive"),
        ScreeningResult.NOT_DONE: ("Chưa làm", "Not done"),
    },
    RehabType: {
        RehabType.PHYSIOTHERAPY: ("Vật lý trị liệu", "Physiotherapy"),
        RehabType.OCCUPATIONAL: ("Hoạt động trị liệu", "Occupational therapy"),
        RehabType.SPEECH: ("Ngôn ngữ trị liệu", "Speech therapy"),
        RehabType.PSYCHOLOGICAL: ("Tâm lý trị liệu", "Psychological therapy"),
        RehabType.ORTHOPAEDIC: ("Dụng cụ chỉnh hình, trợ giúp", "Orthopaedic or assistive device"),
        RehabType.COMMUNITY: ("PHCN dựa vào cộng đồng", "Community-based rehabilitation"),
    },
    FacilityType: {
        FacilityType.MERIT_CARE: ("Cơ sở nuôi dưỡng, điều dưỡng người có công",
                                  "Care centre for people with meritorious service"),
        FacilityType.SOCIAL_ASSISTANCE: ("Cơ sở trợ giúp xã hội", "Social-assistance centre"),
        FacilityType.DRUG_REHAB: ("Cơ sở cai nghiện ma túy", "Drug-rehabilitation centre"),
    },
    Role: ROLE_NAMES,
}

SHORT: dict[type[Enum], dict[Enum, tuple[str, str]]] = {
    # the same names in one word, for narrow table cells
    CheckupKind: {
        CheckupKind.ADMISSION: ("Tiếp nhận", "Admission"),
        CheckupKind.PERIODIC: ("Định kỳ", "Periodic"),
        CheckupKind.AD_HOC: ("Đột xuất", "Ad-hoc"),
    },
}


def label(value: Enum | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """The value's name in ``lang`` ('' for None)."""
    if value is None:
        return ""
    vi, en = LABELS[type(value)][value]
    return vi if lang == "vi" else en


def short(value: Enum | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """The one-word name of ``value`` where the table has one, else its name."""
    if value is None:
        return ""
    pair = SHORT.get(type(value), {}).get(value)
    if pair is None:
        return label(value, lang)
    return pair[0] if lang == "vi" else pair[1]


def labels(kind: type[Enum], lang: str = DEFAULT_LANGUAGE) -> dict[Enum, str]:
    """Every value of ``kind`` with its name, in the enum's order."""
    return {v: label(v, lang) for v in kind}
