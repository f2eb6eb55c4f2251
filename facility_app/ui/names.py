"""What the shell's screens call enum values (context ``ShellNames``)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from care_core.domain import dates, vocabulary
from care_core.domain.enums import BeneficiaryGroup, FacilityType, Role, Sex
from care_core.domain.permissions import ROLE_NAMES
from . import i18n


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
    """The group's name (``care_core.domain.vocabulary``: the reports' name too)."""
    return vocabulary.label(BeneficiaryGroup(value), i18n.current())


def sex(value: Sex | None) -> str:
    return "" if value is None else vocabulary.label(Sex(value), i18n.current())


def date_text(day) -> str:
    return dates.dmy(day)
