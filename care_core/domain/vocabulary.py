"""One name per coded value, in Vietnamese and English, defined once.

The screens, the printed reports and the exports all name a sex, a
discharge reason, a condition's status, a referral's outcome and a
beneficiary group from this table, so "Tử vong" on a screen is "Tử vong" in
the PDF and in the CSV. Exports write the label, and the stored code in a
column of its own where a machine reads it.
"""
from __future__ import annotations

from enum import Enum

from .enums import BeneficiaryGroup, ConditionStatus, DischargeReason, ReferralOutcome, Sex
from .messages import DEFAULT_LANGUAGE

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
}


def label(value: Enum | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """The value's name in ``lang`` ('' for None)."""
    if value is None:
        return ""
    vi, en = LABELS[type(value)][value]
    return vi if lang == "vi" else en


def labels(kind: type[Enum], lang: str = DEFAULT_LANGUAGE) -> dict[Enum, str]:
    """Every value of ``kind`` with its name, in the enum's order."""
    return {v: label(v, lang) for v in kind}
