"""The closed vocabularies of the records, with their stored values."""
from __future__ import annotations

from enum import Enum


class StrEnum(str, Enum):
    def __str__(self) -> str:  # stored and printed as the value
        return self.value


class FacilityType(StrEnum):
    MERIT_CARE = "merit-care"  # cơ sở nuôi dưỡng, điều dưỡng người có công
    SOCIAL_ASSISTANCE = "social-assistance"  # cơ sở trợ giúp xã hội
    DRUG_REHAB = "drug-rehab"  # cơ sở cai nghiện ma túy


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"


class BeneficiaryGroup(StrEnum):
    MERIT = "NCC"  # người có công
    ELDERLY = "NCT"  # người cao tuổi
    CHILD = "TE"  # trẻ em
    DISABILITY = "NKT"  # người khuyết tật
    SOCIAL_ASSISTANCE = "BTXH"  # đối tượng bảo trợ xã hội khác
    DRUG_USER = "NCMT"  # người nghiện ma túy


class DisabilityType(StrEnum):
    MOBILITY = "mobility"  # vận động
    HEARING_SPEECH = "hearing-speech"  # nghe, nói
    VISION = "vision"  # nhìn
    MENTAL = "mental"  # thần kinh, tâm thần
    INTELLECTUAL = "intellectual"  # trí tuệ
    OTHER = "other"


class DisabilitySeverity(StrEnum):
    EXTREME = "extreme"  # đặc biệt nặng
    SEVERE = "severe"  # nặng
    MILD = "mild"  # nhẹ


class DischargeReason(StrEnum):
    RETURNED_HOME = "returned-home"
    TRANSFERRED = "transferred"
    DECEASED = "deceased"


class StayKind(StrEnum):
    """What a stay (lượt) is: its kind decides what it must record."""
    LONG_TERM = "long_term"  # nuôi dưỡng tập trung
    NURSING_ROUND = "nursing_round"  # điều dưỡng tập trung, a round against the yearly quota
    REHAB_COMPULSORY = "rehab_compulsory"  # cai nghiện bắt buộc, by court decision with its term
    REHAB_VOLUNTARY = "rehab_voluntary"  # cai nghiện tự nguyện
    EMERGENCY = "emergency"  # tiếp nhận khẩn cấp, tạm thời


class CheckupKind(StrEnum):
    ADMISSION = "admission"  # khám sàng lọc khi tiếp nhận
    PERIODIC = "periodic"  # khám định kỳ
    AD_HOC = "ad-hoc"  # khám đột xuất


class ScreeningResult(StrEnum):
    NEGATIVE = "negative"
    SUSPECTED = "suspected"
    POSITIVE = "positive"
    NOT_DONE = "not-done"


class HealthClass(int, Enum):
    """Phân loại sức khỏe loại I (rất khỏe) ... V (rất yếu)."""

    I = 1  # noqa: E741 - the official roman numerals
    II = 2
    III = 3
    IV = 4
    V = 5

    @property
    def roman(self) -> str:
        return self.name


class ConditionStatus(StrEnum):
    ACTIVE = "active"
    CONTROLLED = "controlled"
    RESOLVED = "resolved"


class RehabType(StrEnum):
    PHYSIOTHERAPY = "physiotherapy"  # vật lý trị liệu
    OCCUPATIONAL = "occupational"  # hoạt động trị liệu
    SPEECH = "speech"  # ngôn ngữ trị liệu
    PSYCHOLOGICAL = "psychological"  # tâm lý trị liệu
    ORTHOPAEDIC = "orthopaedic"  # dụng cụ chỉnh hình, trợ giúp
    COMMUNITY = "community"  # PHCN dựa vào cộng đồng


class ReferralOutcome(StrEnum):
    PENDING = "pending"  # đang điều trị tại tuyến trên
    RETURNED = "returned"  # điều trị xong, trở về cơ sở
    ADMITTED_LONG_TERM = "admitted"  # ở lại điều trị dài ngày
    TRANSFERRED = "transferred"  # chuyển tiếp tuyến khác
    DECEASED = "deceased"


class Role(StrEnum):
    NURSE = "nurse"
    DOCTOR = "doctor"
    DIRECTOR = "director"
    ADMIN = "admin"
    # The facility-admin CLI: whoever holds the passphrase (the IT officer).
    SYSTEM = "system"
