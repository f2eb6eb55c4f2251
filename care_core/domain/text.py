"""Vietnamese text folding, so `nguyen van an` finds `Nguyễn Văn An`."""
from __future__ import annotations

import re
import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str | None) -> str:
    """Lower-case, strip tone marks and vowel marks, map đ to d, squeeze spaces."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.lower().split())


_NAME_JOINS = re.compile(r"(['’-])")


def normalise_name(name: str) -> str:
    """A person's name as stored: NFC, single spaces, each word capitalised,
    and each part after an apostrophe or hyphen too ("h'hen" -> "H'Hen")."""
    words = unicodedata.normalize("NFC", name).split()
    return " ".join("".join(part[:1].upper() + part[1:].lower() for part in _NAME_JOINS.split(w)) for w in words)


def search_text(name: str, code: str, room: str, cccd: str | None) -> str:
    """What a typed search is matched against: the same for the resident
    list (filtered in memory per keystroke) and ``residents search``."""
    return f"{fold(name)} {(code or '').lower()} {fold(room)} {cccd or ''}"


def matches(words: list[str], text: str) -> bool:
    """Every folded word of the query appears somewhere in ``text``."""
    return all(word in text for word in words)
