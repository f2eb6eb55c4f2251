"""What the record screens call things: enum values, audit actions, dates.

Every name goes through Qt's translation (context ``RecordLabels``) with
English source text; the Vietnamese comes from translations/record_vi.ts.
"""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from ...domain.enums import (
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
)

translate = QCoreApplication.translate
C = "RecordLabels"


def sex(value: Sex | None) -> str:
    return {Sex.MALE: translate(C, "Male"), Sex.FEMALE: translate(C, "Female")}.get(value, "")


def group(value: BeneficiaryGroup) -> str:
    return {
        BeneficiaryGroup.MERIT: translate(C, "Person with meritorious service (NCC)"),
        BeneficiaryGroup.ELDERLY: translate(C, "Elderly (NCT)"),
        BeneficiaryGroup.CHILD: translate(C, "Child (TE)"),
        BeneficiaryGroup.DISABILITY: translate(C, "Person with disability (NKT)"),
        BeneficiaryGroup.SOCIAL_ASSISTANCE: translate(C, "Other social assistance (BTXH)"),
        BeneficiaryGroup.DRUG_USER: translate(C, "Drug rehabilitation (NCMT)"),
    }[value]


def disability_type(value: DisabilityType | None) -> str:
    return {
        DisabilityType.MOBILITY: translate(C, "Mobility"),
        DisabilityType.HEARING_SPEECH: translate(C, "Hearing and speech"),
        DisabilityType.VISION: translate(C, "Vision"),
        DisabilityType.MENTAL: translate(C, "Mental and psychosocial"),
        DisabilityType.INTELLECTUAL: translate(C, "Intellectual"),
        DisabilityType.OTHER: translate(C, "Other disability"),
    }.get(value, "")


def disability_severity(value: DisabilitySeverity | None) -> str:
    return {
        DisabilitySeverity.EXTREME: translate(C, "Extremely severe"),
        DisabilitySeverity.SEVERE: translate(C, "Severe"),
        DisabilitySeverity.MILD: translate(C, "Mild"),
    }.get(value, "")


def discharge_reason(value: DischargeReason | None) -> str:
    return {
        DischargeReason.RETURNED_HOME: translate(C, "Returned home"),
        DischargeReason.TRANSFERRED: translate(C, "Transferred to another facility"),
        DischargeReason.DECEASED: translate(C, "Deceased"),
    }.get(value, "")


def checkup_kind(value: CheckupKind | None) -> str:
    return {
        CheckupKind.ADMISSION: translate(C, "Admission screening"),
        CheckupKind.PERIODIC: translate(C, "Periodic checkup"),
        CheckupKind.AD_HOC: translate(C, "Ad-hoc visit"),
    }.get(value, "")


def health_class(value: HealthClass | None, long: bool = True) -> str:
    if value is None:
        return ""
    if not long:
        return value.roman
    return {
        HealthClass.I: translate(C, "Class I - very good"),
        HealthClass.II: translate(C, "Class II - good"),
        HealthClass.III: translate(C, "Class III - average"),
        HealthClass.IV: translate(C, "Class IV - weak"),
        HealthClass.V: translate(C, "Class V - very weak"),
    }[value]


def screening(value: ScreeningResult | None) -> str:
    return {
        ScreeningResult.NEGATIVE: translate(C, "Negative"),
        ScreeningResult.SUSPECTED: translate(C, "Suspected"),
        ScreeningResult.POSITIVE: translate(C, "Positive"),
        ScreeningResult.NOT_DONE: translate(C, "Not done"),
    }.get(value, "")


def condition_status(value: ConditionStatus | None) -> str:
    return {
        ConditionStatus.ACTIVE: translate(C, "Active"),
        ConditionStatus.CONTROLLED: translate(C, "Controlled"),
        ConditionStatus.RESOLVED: translate(C, "Resolved"),
    }.get(value, "")


def rehab_type(value: RehabType | None) -> str:
    return {
        RehabType.PHYSIOTHERAPY: translate(C, "Physiotherapy"),
        RehabType.OCCUPATIONAL: translate(C, "Occupational therapy"),
        RehabType.SPEECH: translate(C, "Speech therapy"),
        RehabType.PSYCHOLOGICAL: translate(C, "Psychological therapy"),
        RehabType.ORTHOPAEDIC: translate(C, "Orthopaedic or assistive device"),
        RehabType.COMMUNITY: translate(C, "Community-based rehabilitation"),
    }.get(value, "")


def referral_outcome(value: ReferralOutcome | None) -> str:
    return {
        ReferralOutcome.PENDING: translate(C, "Being treated at the hospital"),
        ReferralOutcome.RETURNED: translate(C, "Returned to the facility"),
        ReferralOutcome.ADMITTED_LONG_TERM: translate(C, "Staying for long-term treatment"),
        ReferralOutcome.TRANSFERRED: translate(C, "Transferred to another hospital"),
        ReferralOutcome.DECEASED: translate(C, "Deceased"),
    }.get(value, "")


def action(name: str) -> str:
    """Readable name of an audited action (services' ``store.write`` names)."""
    names = {
        "admit-resident": translate(C, "Admitted the resident"),
        "update-resident": translate(C, "Changed the profile"),
        "record-checkup": translate(C, "Recorded a checkup"),
        "correct-checkup": translate(C, "Corrected a checkup"),
        "void-checkup": translate(C, "Cancelled a checkup entered by mistake"),
        "add-condition": translate(C, "Added a chronic condition"),
        "update-condition": translate(C, "Updated a chronic condition"),
        "record-rehab": translate(C, "Recorded a rehabilitation session"),
        "correct-rehab": translate(C, "Corrected a rehabilitation session"),
        "open-referral": translate(C, "Referred to a hospital"),
        "close-referral": translate(C, "Closed a referral"),
    }
    return names.get(name, name)


def day(value: date | None) -> str:
    """Dates as Vietnamese paper records write them: 05/01/2027."""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def moment(value: datetime | None) -> str:
    """A stored UTC instant, shown in the PC's local time."""
    if value is None:
        return ""
    local = value.astimezone() if value.tzinfo else value
    return f"{day(local.date())} {local.hour:02d}:{local.minute:02d}"


def number(value: float | int | None, lang: str = "vi", decimals: int = 1) -> str:
    """Numbers with a decimal comma in Vietnamese (36,5), a point in English."""
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        text = str(int(value))
    else:
        text = f"{value:.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang == "vi" else text


def parse_number(text: str) -> float | None:
    """'36,8' or '36.8' -> 36.8; '' -> None; anything else raises ValueError."""
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    value = float(text)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value
