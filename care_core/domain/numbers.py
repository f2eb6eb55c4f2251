"""Numbers as a reader of each language writes them: one formatter, one parser.

Vietnamese writes a decimal comma and groups thousands with a point
(36,5 °C; 1.234 lượt); English the other way round (36.5; 1,234). Screens,
the Today panel, alerts, PDFs and CSV text all go through ``fmt``; XLSX cells
stay real numbers. ``parse`` reads what a nurse types, with either mark.
"""
from __future__ import annotations

import math

_MARKS = {"vi": (",", "."), "en": (".", ",")}  # (decimal, thousands)
MAX_TEXT = 32  # a measurement is never longer; refuse longer input unread


def fmt(value: float | int | None, lang: str = "vi", decimals: int = 1, *, fixed: bool = False,
        grouping: bool = False, signed: bool = False, blank: str = "") -> str:
    """``value`` with at most ``decimals`` decimals (exactly that many when
    ``fixed``: 6,0 beside 5,4 in a column), the language's marks, thousands
    grouped when ``grouping``, a sign when ``signed``; ``blank`` for None."""
    if value is None:
        return blank
    point, thousands = _MARKS.get(lang, _MARKS["en"])
    if round(value, decimals) == 0:
        value = 0  # never "-0,0"
    sign = "+" if signed else ""
    if fixed or decimals == 0:
        text = f"{value:{sign},.{decimals}f}"
    else:
        text = f"{value:{sign},.{decimals}f}".rstrip("0").rstrip(".")
    if not grouping:
        text = text.replace(",", "")
    return text.replace(",", "\0").replace(".", point).replace("\0", thousands)


def parse(text: str) -> float | None:
    """'36,8' or '36.8' -> 36.8; '' -> None; anything else raises ValueError.

    One mark, comma or point, is the decimal mark (a nurse does not group
    thousands in a measurement); two marks, or any other character, is junk.
    """
    if len(text) > MAX_TEXT:
        raise ValueError("too long")
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if text.count(",") + text.count(".") > 1:
        raise ValueError(text)
    text = text.replace(",", ".")
    if not all(ch.isascii() and (ch.isdigit() or ch in ".+-") for ch in text):
        raise ValueError(text)
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value
