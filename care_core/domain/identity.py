"""Is this the same person? The duplicate check of an admission and an import.

A person keeps one record for life; admitting someone who was here before
must find the old record instead of making a second one. The level says how
sure the match is:

- certain: the same CCCD number, or the same health-insurance card number
  (the current card or one held before);
- likely: the same name without diacritics (Đ/đ read as d) and the same
  birth date;
- possible: the same name, the same birth year and the same commune.

Pure: the store finds candidates (by those keys), this module judges them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum

from .entities import Resident
from .messages import DEFAULT_LANGUAGE
from .text import fold

MAX_MATCHES = 10


class MatchLevel(IntEnum):
    """Higher is surer."""
    POSSIBLE = 1
    LIKELY = 2
    CERTAIN = 3


# reason code: (vi, en)
REASONS: dict[str, tuple[str, str]] = {
    "cccd": ("Cùng số CCCD", "Same citizen ID (CCCD)"),
    "bhyt": ("Cùng số thẻ BHYT", "Same health-insurance card number"),
    "bhyt_past": ("Cùng số thẻ BHYT đã dùng trước đây", "Same number as a health-insurance card held before"),
    "name_birth": ("Cùng họ tên và ngày sinh", "Same name and date of birth"),
    "name_year_ward": ("Cùng họ tên, năm sinh và xã/phường", "Same name, birth year and commune"),
}
LEVEL_NAMES: dict[MatchLevel, tuple[str, str]] = {
    MatchLevel.CERTAIN: ("Chắc chắn", "Certain"),
    MatchLevel.LIKELY: ("Rất có thể", "Likely"),
    MatchLevel.POSSIBLE: ("Có thể", "Possible"),
}


@dataclass(frozen=True)
class PersonDraft:
    """What is known of the person being admitted (typed so far, or a row of a file)."""
    full_name: str = ""
    birth_date: date | None = None
    cccd: str | None = None
    bhyt_number: str | None = None
    ward_code: int | None = None

    @staticmethod
    def of(r: Resident) -> PersonDraft:
        return PersonDraft(r.full_name, r.birth_date, r.cccd, r.bhyt_number, r.ward_code)

    @property
    def name_key(self) -> str:
        return fold(self.full_name)

    @property
    def cccd_key(self) -> str:
        return "".join((self.cccd or "").split())

    @property
    def bhyt_key(self) -> str:
        return "".join((self.bhyt_number or "").split()).upper()

    def searchable(self) -> bool:
        """Enough to look for anyone: a whole CCCD or card number, or a name with a birth date."""
        return bool(len(self.cccd_key) == 12 or len(self.bhyt_key) == 15
                    or (self.name_key and self.birth_date is not None))


@dataclass(frozen=True)
class PersonMatch:
    resident: Resident
    level: MatchLevel
    reasons: tuple[str, ...] = field(default_factory=tuple)

    def reason_text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return "; ".join(REASONS[r][0 if lang == "vi" else 1] for r in self.reasons)

    def level_text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        vi, en = LEVEL_NAMES[self.level]
        return vi if lang == "vi" else en


def judge(draft: PersonDraft, candidate: Resident, past_cards: frozenset[str] = frozenset()) -> PersonMatch | None:
    """How sure is it that ``candidate`` is the person of ``draft``? None: not at all.
    ``past_cards``: numbers of cards the candidate held before."""
    reasons: list[str] = []
    level: MatchLevel | None = None
    if draft.cccd_key and candidate.cccd and draft.cccd_key == candidate.cccd:
        reasons.append("cccd")
    if draft.bhyt_key:
        if candidate.bhyt_number and draft.bhyt_key == candidate.bhyt_number.upper():
            reasons.append("bhyt")
        elif draft.bhyt_key in past_cards:
            reasons.append("bhyt_past")
    if reasons:
        level = MatchLevel.CERTAIN
    same_name = bool(draft.name_key) and draft.name_key == fold(candidate.full_name)
    if same_name and draft.birth_date is not None and candidate.birth_date is not None:
        if draft.birth_date == candidate.birth_date:
            reasons.append("name_birth")
            level = level or MatchLevel.LIKELY
        elif (draft.birth_date.year == candidate.birth_date.year and draft.ward_code is not None
              and draft.ward_code == candidate.ward_code):
            reasons.append("name_year_ward")
            level = level or MatchLevel.POSSIBLE
    return PersonMatch(candidate, level, tuple(reasons)) if level is not None else None


def rank(matches: list[PersonMatch], limit: int = MAX_MATCHES) -> list[PersonMatch]:
    """Surest first; among equals people still here first, then by name and code."""
    ordered = sorted(matches, key=lambda m: (-m.level, m.resident.discharge_date is not None,
                                             fold(m.resident.full_name), m.resident.code))
    return ordered[:limit]
