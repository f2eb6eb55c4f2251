"""What the record screens call things: enum values, audit actions, dates.

Sex, group, discharge reason, condition status and referral outcome are
named by ``care_core.domain.vocabulary`` in the screen's language (the same
names the reports and exports print). The others go through Qt's
translation (context ``RecordLabels``) with English source text; the
Vietnamese comes from translations/record_vi.ts.
"""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from care_core.domain import dates, numbers, vocabulary
from care_core.domain.enums import (
    BeneficiaryGroup,
    CheckupKind,
    ConditionStatus,
    DischargeReason,
    DisabilitySeverity,
    DisabilityType,
    HealthClass,
    ReferralOutcome,
    RehabType,
    ScreeningResult,
    Sex,
    StayKind,
)
from .. import i18n

translate = QCoreApplication.translate


def _named(value) -> str:
    return vocabulary.label(value, i18n.current())


def sex(value: Sex | None) -> str:
    return _named(Sex(value)) if value else ""


def group(value: BeneficiaryGroup) -> str:
    return _named(BeneficiaryGroup(value))


def disability_type(value: DisabilityType | None) -> str:
    return _named(DisabilityType(value)) if value else ""


def disability_severity(value: DisabilitySeverity | None) -> str:
    return _named(DisabilitySeverity(value)) if value else ""


def discharge_reason(value: DischargeReason | None) -> str:
    return _named(DischargeReason(value)) if value else ""


def stay_kind(value: StayKind | None) -> str:
    return _named(StayKind(value)) if value else ""


def checkup_kind(value: CheckupKind | None) -> str:
    return _named(CheckupKind(value)) if value else ""


def checkup_kind_short(value: CheckupKind | None) -> str:
    """For table cells: the kind in one word."""
    return vocabulary.short(CheckupKind(value), i18n.current()) if value else ""


def health_class(value: HealthClass | None, long: bool = True) -> str:
    if value is None:
        return ""
    if not long:
        return value.roman
    return _named(HealthClass(value))


def screening(value: ScreeningResult | None) -> str:
    return _named(ScreeningResult(value)) if value else ""


def condition_status(value: ConditionStatus | None) -> str:
    return _named(ConditionStatus(value)) if value else ""


def rehab_type(value: RehabType | None) -> str:
    return _named(RehabType(value)) if value else ""


def referral_outcome(value: ReferralOutcome | None) -> str:
    return _named(ReferralOutcome(value)) if value else ""


def action(name: str) -> str:
    """Readable name of an audited action (services' ``store.write`` names)."""
    names = {
        "admit-resident": translate("RecordLabels", "Admitted the resident"),
        "update-resident": translate("RecordLabels", "Changed the profile"),
        "record-checkup": translate("RecordLabels", "Recorded a checkup"),
        "correct-checkup": translate("RecordLabels", "Corrected a checkup"),
        "void-checkup": translate("RecordLabels", "Cancelled a checkup entered by mistake"),
        "add-condition": translate("RecordLabels", "Added a chronic condition"),
        "update-condition": translate("RecordLabels", "Updated a chronic condition"),
        "record-rehab": translate("RecordLabels", "Recorded a rehabilitation session"),
        "correct-rehab": translate("RecordLabels", "Corrected a rehabilitation session"),
        "open-referral": translate("RecordLabels", "Referred to a hospital"),
        "close-referral": translate("RecordLabels", "Closed a referral"),
        "readmit-resident": translate("RecordLabels", "Re-admitted the resident (a new stay)"),
        "update-stay": translate("RecordLabels", "Corrected a stay"),
        "add-past-stay": translate("RecordLabels", "Recorded an earlier stay"),
    }
    return names.get(name, name)


def day(value: date | None) -> str:
    """Dates as Vietnamese paper records write them: 05/01/2027."""
    return dates.dmy(value)


def moment(value: datetime | None) -> str:
    """A stored UTC instant, shown in the PC's local time."""
    return dates.dmy_time(value)


def number(value: float | int | None, lang: str = "vi", decimals: int = 1, fixed: bool = False,
           signed: bool = False) -> str:
    """Numbers with a decimal comma in Vietnamese (36,5), a point in English
    (``domain.numbers.fmt``). ``fixed`` keeps the decimals (6,0 beside 5,4 in a
    column of glucose values); ``signed`` writes + before a positive z-score."""
    return numbers.fmt(value, lang, decimals, fixed=fixed, signed=signed)


def parse_number(text: str) -> float | None:
    """'36,8' or '36.8' -> 36.8; '' -> None; anything else raises ValueError."""
    return numbers.parse(text)
