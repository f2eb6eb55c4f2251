"""What the shell's screens call enum values (context ``ShellNames``)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from care_core.domain import dates
from care_core.domain.enums import BeneficiaryGroup, FacilityType, Role, Sex
from care_core.domain.permissions import ROLE_NAMES


def facility_type(value: FacilityType) -> str:
    return {
        FacilityType.MERIT_CARE: QCoreApplication.translate("ShellNames", "Care centre for people with meritorious service"),
        FacilityType.SOCIAL_ASSISTANCE: QCoreApplication.translate("ShellNames", "Social-assistance centre"),
        FacilityType.DRUG_REHAB: QCoreApplication.translate("ShellNames", "Drug-rehabilitation centre"),
    }[FacilityType(value)]


def role(value: Role, lang: str) -> str:
    vi, en = ROLE_NAMES[Role(value)]
    return vi if lang == "vi" else en


def group(value: BeneficiaryGroup) -> str:
    return {
        BeneficiaryGroup.MERIT: QCoreApplication.translate("ShellNames", "Meritorious service (NCC)"),
        BeneficiaryGroup.ELDERLY: QCoreApplication.translate("ShellNames", "Elderly (NCT)"),
        BeneficiaryGroup.CHILD: QCoreApplication.translate("ShellNames", "Children (TE)"),
        BeneficiaryGroup.DISABILITY: QCoreApplication.translate("ShellNames", "Disability (NKT)"),
        BeneficiaryGroup.SOCIAL_ASSISTANCE: QCoreApplication.translate("ShellNames", "Other social assistance (BTXH)"),
        BeneficiaryGroup.DRUG_USER: QCoreApplication.translate("ShellNames", "Drug rehabilitation (NCMT)"),
    }[BeneficiaryGroup(value)]


def sex(value: Sex | None) -> str:
    if value is None:
        return ""
    return QCoreApplication.translate("ShellNames", "Male") if Sex(value) == Sex.MALE else QCoreApplication.translate("ShellNames", "Female")


def date_text(day) -> str:
    return dates.dmy(day)
