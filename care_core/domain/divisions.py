"""Current administrative divisions (34 provinces, communes; since 1 July 2025).

The list comes from the ``vietnam-provinces`` package, never typed by hand.
That package has no record of the 63 provinces before the merger, so the
merger list of Resolution 202/2025/QH15 is written down here
(``MERGED_FROM``): a former name such as "Hải Dương" is still understood,
with a note saying where it went.
"""
from __future__ import annotations

from functools import lru_cache

import vietnam_provinces as vp

from .messages import Problem, text
from .text import fold


@lru_cache(maxsize=1)
def provinces() -> list[tuple[int, str]]:
    """(code, name) of every province, sorted by name without diacritics."""
    items = [(int(p.code), p.name) for p in vp.Province.iter_all()]
    return sorted(items, key=lambda item: fold(item[1]))


@lru_cache(maxsize=1)
def _province_names() -> dict[int, str]:
    return dict(provinces())


@lru_cache(maxsize=1)
def _wards() -> dict[int, tuple[str, int]]:
    return {int(w.code): (w.name, int(w.province_code)) for w in vp.Ward.iter_all()}


def wards(province_code: int) -> list[tuple[int, str]]:
    items = [(code, name) for code, (name, prov) in _wards().items() if prov == province_code]
    return sorted(items, key=lambda item: fold(item[1]))


def province_name(code: int | None) -> str:
    if code is None:
        return ""
    return _province_names().get(code, "")


def ward_name(code: int | None) -> str:
    if code is None:
        return ""
    return _wards().get(code, ("", 0))[0]


def short_province_name(code: int | None) -> str:
    """'Thành phố Hải Phòng' -> 'Hải Phòng', for 'Hải Phòng, ngày ...'."""
    name = province_name(code)
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def check(province_code: int | None, ward_code: int | None) -> list[Problem]:
    if province_code is not None and province_code not in _province_names():  # (the server checks every resident)
        return [Problem("province_code", "unknown_division", {"value": province_code})]
    if ward_code is not None:
        ward = _wards().get(ward_code)
        if ward is None:
            return [Problem("ward_code", "unknown_division", {"value": ward_code})]
        if province_code is not None and ward[1] != province_code:
            return [Problem("ward_code", "ward_not_in_province")]
    return []


# Nghị quyết 202/2025/QH15 của Quốc hội về việc sắp xếp đơn vị hành chính cấp
# tỉnh (adopted 12 June 2025, in force 1 July 2025), Article 1: the 63 former
# provinces and centrally-run cities, by the current province they now form
# part of (current code from ``vietnam-provinces``). The first name is the
# province that kept its name; the eleven not merged are listed alone
# (Thừa Thiên Huế became Thành phố Huế on 1 January 2025, Resolution
# 1314/NQ-UBTVQH15).
MERGED_FROM: dict[int, tuple[str, ...]] = {
    1: ("Hà Nội",),
    4: ("Cao Bằng",),
    8: ("Tuyên Quang", "Hà Giang"),
    11: ("Điện Biên",),
    12: ("Lai Châu",),
    14: ("Sơn La",),
    15: ("Lào Cai", "Yên Bái"),
    19: ("Thái Nguyên", "Bắc Kạn"),
    20: ("Lạng Sơn",),
    22: ("Quảng Ninh",),
    24: ("Bắc Ninh", "Bắc Giang"),
    25: ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình"),
    31: ("Hải Phòng", "Hải Dương"),
    33: ("Hưng Yên", "Thái Bình"),
    37: ("Ninh Bình", "Hà Nam", "Nam Định"),
    38: ("Thanh Hóa",),
    40: ("Nghệ An",),
    42: ("Hà Tĩnh",),
    44: ("Quảng Trị", "Quảng Bình"),
    46: ("Huế", "Thừa Thiên Huế"),
    48: ("Đà Nẵng", "Quảng Nam"),
    51: ("Quảng Ngãi", "Kon Tum"),
    52: ("Gia Lai", "Bình Định"),
    56: ("Khánh Hòa", "Ninh Thuận"),
    66: ("Đắk Lắk", "Phú Yên"),
    68: ("Lâm Đồng", "Đắk Nông", "Bình Thuận"),
    75: ("Đồng Nai", "Bình Phước"),
    79: ("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"),
    80: ("Tây Ninh", "Long An"),
    82: ("Đồng Tháp", "Tiền Giang"),
    86: ("Vĩnh Long", "Bến Tre", "Trà Vinh"),
    91: ("An Giang", "Kiên Giang"),
    92: ("Cần Thơ", "Sóc Trăng", "Hậu Giang"),
    96: ("Cà Mau", "Bạc Liêu"),
}


def _key(name: str) -> str:
    """Folded, without the "tỉnh"/"thành phố" prefix and punctuation: what a
    typed province name is compared by ("tp. hcm" aside)."""
    folded = fold(name.replace("-", " ").replace("–", " ").replace(".", " "))
    for prefix in ("thanh pho ", "tp ", "tinh "):
        if folded.startswith(prefix):
            folded = folded[len(prefix):]
    return folded


@lru_cache(maxsize=1)
def former_provinces() -> list[tuple[str, int]]:
    """(former name, current code) of the provinces merged into another one,
    sorted by name without diacritics: "Hải Dương" -> 31 (Hải Phòng)."""
    current = {_key(name) for _, name in provinces()}
    items = [(name, code) for code, names in MERGED_FROM.items() for name in names if _key(name) not in current]
    return sorted(items, key=lambda item: fold(item[0]))


@lru_cache(maxsize=1)
def _by_name() -> dict[str, tuple[int, str | None]]:
    table: dict[str, tuple[int, str | None]] = {_key(name): (code, name) for name, code in former_provinces()}
    table.update({_key(name): (code, None) for code, name in provinces()})
    table["hcm"] = (79, None)
    return table


def find_province(typed: str) -> tuple[int, str | None] | None:
    """A province typed by name (any case, accents optional, with or without
    "tỉnh"/"thành phố"), current or former: (current code, the former name or
    None); None when unknown."""
    return _by_name().get(_key(typed or ""))


def former_note(former: str, code: int, lang: str = "vi") -> str:
    """"Hải Dương nay thuộc thành phố Hải Phòng" (Resolution 202/2025/QH15)."""
    if lang == "vi":
        name = province_name(code)
        name = name[:1].lower() + name[1:] if name.startswith("Thành phố") else "tỉnh " + name
    else:
        name = short_province_name(code)
    return text("province_merged", lang, former=former, current=name)
