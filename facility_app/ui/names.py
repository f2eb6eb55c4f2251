"""What the shell's screens call coded values: the one vocabulary (``care_core.domain.vocabulary``)."""
from __future__ import annotations


from care_core.domain import dates, vocabulary
from care_core.domain.enums import BeneficiaryGroup, FacilityType, Role, Sex
from . import i18n


def facility_type(value: FacilityType) -> str:
    return vocabulary.label(FacilityType(value), i18n.current())


def role(value: Role, lang: str) -> str:
    return vocabulary.label(Role(value), lang)


def group(value: BeneficiaryGroup) -> str:
    """The group's name (``care_core.domain.vocabulary``: the reports' name too)."""
    return vocabulary.label(BeneficiaryGroup(value), i18n.current())


def sex(value: Sex | None) -> str:
    return "" if value is None else vocabulary.label(Sex(value), i18n.current())


def date_text(day) -> str:
    return dates.dmy(day)
