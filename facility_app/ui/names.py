"""What the shell's screens call enum values (context ``ShellNames``)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..domain.enums import BeneficiaryGroup, FacilityType, Role, Sex
from ..domain.permissions import ROLE_NAMES

C = "ShellNames"


def _t(text: str) -> str:
    return QCoreApplication.translate(C, text)


def facility_type(value: FacilityType) -> str:
    return {
        FacilityType.MERIT_CARE: _t("Care centre for people with meritorious service"),
        FacilityType.SOCIAL_ASSISTANCE: _t("Social-assistance centre"),
        FacilityType.DRUG_REHAB: _t("Drug-rehabilitation centre"),
    }[FacilityType(value)]


def role(value: Role, lang: str) -> str:
    vi, en = ROLE_NAMES[Role(value)]
    return vi if lang == "vi" else en


def group_short(value: BeneficiaryGroup) -> str:
    """The short code nurses use on paper (NCC, NCT...), same in both languages."""
    return BeneficiaryGroup(value).value


def group(value: BeneficiaryGroup) -> str:
    return {
        BeneficiaryGroup.MERIT: _t("Meritorious service (NCC)"),
        BeneficiaryGroup.ELDERLY: _t("Elderly (NCT)"),
        BeneficiaryGroup.CHILD: _t("Children (TE)"),
        BeneficiaryGroup.DISABILITY: _t("Disability (NKT)"),
        BeneficiaryGroup.SOCIAL_ASSISTANCE: _t("Other social assistance (BTXH)"),
        BeneficiaryGroup.DRUG_USER: _t("Drug rehabilitation (NCMT)"),
    }[BeneficiaryGroup(value)]


def sex(value: Sex | None) -> str:
    if value is None:
        return ""
    return _t("Male") if Sex(value) == Sex.MALE else _t("Female")


def date_text(day) -> str:
    return "" if day is None else f"{day.day:02d}/{day.month:02d}/{day.year}"
