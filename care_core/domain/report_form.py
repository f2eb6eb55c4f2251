"""The form Decree 30/2020/NĐ-CP (Appendix I) sets for a facility's
administrative reports: who governs the facility by default (the 2025
split of the ministry), the number and symbol, the legal basis, the
province's plan and the signature authority.

Everything a facility may arrange otherwise is a facility setting; this
module gives the defaults and the wording, never a hard-coded province.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

import vietnam_provinces as vp

from . import dates
from .enums import FacilityType, StrEnum
from .messages import Problem, ValidationError
from .periods import PeriodError, parse_date

NBSP = "\u00a0"

# Quyết định 1942/QĐ-TTg, quoted as the Prime Minister signed it.
LEGAL_BASIS = ("Quyết định số 1942/QĐ-TTg ngày 18/11/2021 của Thủ tướng Chính phủ phê duyệt Chương trình nâng "
               "cao chất lượng bảo vệ, chăm sóc sức khỏe người có công với cách mạng, người cao tuổi, trẻ em, "
               "người khuyết tật và các đối tượng cần trợ giúp xã hội giai đoạn 2021-2030")

# Since 2025 (Sở LĐTBXH dissolved): merit-person affairs went to home
# affairs, social assistance to health, drug-addiction treatment to the police.
GOVERNING_BY_TYPE: dict[FacilityType, str] = {
    FacilityType.MERIT_CARE: "Sở Nội vụ",
    FacilityType.SOCIAL_ASSISTANCE: "Sở Y tế",
    FacilityType.DRUG_REHAB: "Công an",
}


class Signature(StrEnum):
    """Who signs: the director, or a deputy on the director's behalf (KT.)."""
    DIRECTOR = "director"
    DEPUTY = "deputy"


SIGNATURE_LINES: dict[Signature, tuple[str, ...]] = {
    Signature.DIRECTOR: ("GIÁM ĐỐC",),
    Signature.DEPUTY: ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
}

_SYMBOL = re.compile(r"^BC(-[A-Z0-9Đ]+)*$")
_PLAN_NUMBER = re.compile(r"^\d{1,6}/[A-Z0-9Đ-]+$")


def province_title(code: int | None) -> str:
    """'tỉnh Lạng Sơn', 'thành phố Hải Phòng' (a centrally-run city is
    never a tỉnh); '' when unknown."""
    if code is None:
        return ""
    try:
        p = vp.Province.from_code(code)
    except (ValueError, KeyError):
        return ""
    name = p.name
    if p.division_type == vp.VietNamDivisionType.THANH_PHO_TRUNG_UONG:
        return "thành phố " + name.removeprefix("Thành phố ").strip()
    return "tỉnh " + name.removeprefix("Tỉnh ").strip()


def governing_body(kind: FacilityType | str, province_code: int | None) -> str:
    """The governing body in full, as Nơi nhận names it: 'Sở Y tế tỉnh Lạng Sơn'."""
    base = GOVERNING_BY_TYPE[FacilityType(kind)]
    place = province_title(province_code)
    return f"{base} {place}" if place else base


def default_heading(kind: FacilityType | str, province_code: int | None) -> str:
    """The governing body as the heading prints it: 'CÔNG AN THÀNH PHỐ HẢI PHÒNG'."""
    return governing_body(kind, province_code).upper()


@lru_cache(maxsize=1)
def _place_titles() -> tuple[str, ...]:
    """Every province's title, longest first ('thành phố Hồ Chí Minh' ...)."""
    titles = {province_title(int(p.code)) for p in vp.Province.iter_all()}
    return tuple(sorted((t for t in titles if t), key=len, reverse=True))


def keep_place_together(heading: str) -> str:
    """Join the words of a province's name (with its 'tỉnh'/'thành phố') by
    non-breaking spaces, so a long heading wraps between words but never
    inside the place name."""
    for place in _place_titles():
        for form in (place.upper(), place, place[:1].upper() + place[1:]):
            if form in heading:
                heading = heading.replace(form, form.replace(" ", NBSP))
    return heading


def report_number(number: str | int | None) -> str:
    """'05' for 5 (Decree 30: below 10 with a leading zero); '' for none."""
    text = str(number if number is not None else "").strip()
    if not text:
        return ""
    return f"{int(text):02d}" if text.isdigit() else text


def abbreviation(name: str) -> str:
    """The facility's usual abbreviation from its name, before the place:
    'Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn' -> 'TTBTXH'."""
    words = []
    for word in (name or "").split():
        if word.lower() in ("tỉnh", "thành", "tp", "tp."):
            break
        words.append(word)
    letters = "".join(w[0] for w in words if w[:1].isalnum()).upper()
    # strip accents but keep Đ, as the abbreviations are written
    plain = "".join(c for c in unicodedata.normalize("NFD", letters) if not unicodedata.combining(c))
    return plain.replace("Ð", "Đ")


def default_symbol(name: str) -> str:
    abbr = abbreviation(name)
    return f"BC-{abbr}" if abbr else "BC"


def symbol_ok(symbol: str) -> bool:
    return bool(_SYMBOL.match(symbol or ""))


def plan_number_ok(number: str) -> bool:
    return bool(_PLAN_NUMBER.match(number or ""))


def plan_phrase(number: str, issued: date | None, issuer: str) -> str:
    """'Kế hoạch số 125/KH-UBND ngày 20/5/2022 của Ủy ban nhân dân tỉnh Lạng
    Sơn' ('' when no plan is set)."""
    number = (number or "").strip()
    if not number:
        return ""
    out = f"Kế hoạch số {number}"
    if issued is not None:
        out += f" ngày {dates.dmy(issued)}"
    if (issuer or "").strip():
        out += f" của {issuer.strip()}"
    return out


# The settings of the report form, by key (a Facility field), in the order
# the setup wizard, the GUI settings and ``facility-admin settings`` list them.
SETTINGS: tuple[str, ...] = ("governing_body", "report_recipient", "report_place", "report_symbol", "signature",
                             "director_name", "deputy_name", "plan_number", "plan_date", "plan_issuer")


def parse_setting(key: str, text: str):
    """A setting typed as text (the CLI's VALUE) as the Facility field's
    value; '' clears it. An unknown key or a date that is none is a Problem."""
    if key not in SETTINGS:
        raise ValidationError([Problem("setting", "choice", {"value": key, "choices": ", ".join(SETTINGS)})])
    raw = (text or "").strip()
    if key == "plan_date":
        if not raw:
            return None
        try:
            return parse_date(raw)
        except PeriodError:
            raise ValidationError([Problem("plan_date", "date_format", {"value": raw})]) from None
    if key == "signature":
        return raw.lower()
    if key == "report_symbol":
        return raw.upper()
    return raw


def show_setting(value) -> str:
    if isinstance(value, date):
        return dates.dmy(value)
    return "" if value is None else str(value)
