"""Current administrative divisions (34 provinces, communes; since 1 July 2025).

The list comes from the ``vietnam-provinces`` package, never typed by hand.
"""
from __future__ import annotations

from functools import lru_cache

import vietnam_provinces as vp

from .messages import Problem
from .text import fold


@lru_cache(maxsize=1)
def provinces() -> list[tuple[int, str]]:
    """(code, name) of every province, sorted by name without diacritics."""
    items = [(int(p.code), p.name) for p in vp.Province.iter_all()]
    return sorted(items, key=lambda item: fold(item[1]))


@lru_cache(maxsize=1)
def _wards() -> dict[int, tuple[str, int]]:
    return {int(w.code): (w.name, int(w.province_code)) for w in vp.Ward.iter_all()}


def wards(province_code: int) -> list[tuple[int, str]]:
    items = [(code, name) for code, (name, prov) in _wards().items() if prov == province_code]
    return sorted(items, key=lambda item: fold(item[1]))


def province_name(code: int | None) -> str:
    if code is None:
        return ""
    return dict(provinces()).get(code, "")


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
    if province_code is not None and province_code not in dict(provinces()):
        return [Problem("province_code", "unknown_division", {"value": province_code})]
    if ward_code is not None:
        ward = _wards().get(ward_code)
        if ward is None:
            return [Problem("ward_code", "unknown_division", {"value": ward_code})]
        if province_code is not None and ward[1] != province_code:
            return [Problem("ward_code", "ward_not_in_province")]
    return []
