"""Spreadsheet cells that stay data (OWASP "CSV injection").

Excel and LibreOffice run a cell that begins with ``=``, ``+``, ``-`` or
``@`` (also after a tab or carriage return) as a formula, so a room named
``=cmd|' /C calc'!A0`` would start a program on the reader's PC. Every CSV
writer passes its text through ``csv_text``: such a cell gets a leading
single quote, which the spreadsheet shows as text. A plain number ("-3",
"+1.5", "12,5%") cannot be a formula and is left as it is, so the report's
signed changes still read as numbers. XLSX writers store text as string
cells instead (see ``reports.exports``), never as formulas.
"""
from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d.,]*%?")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text)


def csv_text(value: object) -> object:
    """The value to hand to ``csv.writer``: text that a spreadsheet would run
    is quoted; everything else unchanged."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


def csv_row(values) -> list:
    return [csv_text(v) for v in values]
