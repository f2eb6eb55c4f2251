"""Who governs a facility since 2025 (the ministry split), as a closed key.

The governing body printed on a facility's reports is free text the
director may change (``Facility.governing_body``: "SỞ Y TẾ", "Sở Nội vụ
tỉnh Lạng Sơn" ...). The province groups and scopes facilities by it, so
the text is read into one of a few keys; an empty text means the default
for the facility's type: merit-care centres answer to Sở Nội vụ,
social-assistance centres to Sở Y tế, drug-rehab centres to the police.
"""
from __future__ import annotations

from . import vocabulary
from .enums import FacilityType, StrEnum
from .text import fold


class GoverningBody(StrEnum):
    HOME_AFFAIRS = "noi-vu"  # Sở Nội vụ
    HEALTH = "y-te"  # Sở Y tế
    POLICE = "cong-an"  # Công an tỉnh / thành phố
    OTHER = "khac"  # anything else a director typed

    @property
    def heading(self) -> str:
        """The body's name in capitals, before the province (Decree 30 heading)."""
        return _HEADINGS[self]

    @property
    def name_vi(self) -> str:
        return _NAMES[self]


_HEADINGS = {GoverningBody.HOME_AFFAIRS: "SỞ NỘI VỤ", GoverningBody.HEALTH: "SỞ Y TẾ",
             GoverningBody.POLICE: "CÔNG AN", GoverningBody.OTHER: ""}
_NAMES = {GoverningBody.HOME_AFFAIRS: "Sở Nội vụ", GoverningBody.HEALTH: "Sở Y tế",
          GoverningBody.POLICE: "Công an tỉnh", GoverningBody.OTHER: "Cơ quan khác"}

DEFAULT_BODY = {
    FacilityType.MERIT_CARE: GoverningBody.HOME_AFFAIRS,
    FacilityType.SOCIAL_ASSISTANCE: GoverningBody.HEALTH,
    FacilityType.DRUG_REHAB: GoverningBody.POLICE,
}

TYPE_NAMES_VI = vocabulary.labels(FacilityType, "vi")  # the one vocabulary's names

# folded words -> body; checked in order (the longer, surer phrases first)
_MARKS = (("noi vu", GoverningBody.HOME_AFFAIRS), ("y te", GoverningBody.HEALTH),
          ("cong an", GoverningBody.POLICE))


def governing_body(text: str | None, facility_type: FacilityType | str | None) -> GoverningBody:
    """The key of a facility's governing body, from its setting and type."""
    folded = fold(text)
    if not folded:
        try:
            return DEFAULT_BODY[FacilityType(facility_type)]
        except ValueError:
            return GoverningBody.OTHER
    for words, body in _MARKS:
        if words in folded:
            return body
    return GoverningBody.OTHER


def heading_with_province(body: GoverningBody, province_name: str) -> str:
    """'SỞ Y TẾ TỈNH LẠNG SƠN', 'CÔNG AN THÀNH PHỐ HẢI PHÒNG' (Decree 30:
    the governing body with its province; a city run by the centre is
    'THÀNH PHỐ', never 'TỈNH'). ``province_name`` as the division list
    gives it ('Lạng Sơn', 'Thành phố Hải Phòng')."""
    place = province_name.strip()
    if place and not place.lower().startswith(("thành phố ", "tỉnh ")):
        place = f"Tỉnh {place}"
    return " ".join(x for x in (body.heading, place.upper()) if x)
