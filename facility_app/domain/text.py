"""Vietnamese text folding, so `nguyen van an` finds `Nguyễn Văn An`."""
from __future__ import annotations

import unicodedata

_D = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str | None) -> str:
    """Lower-case, strip tone marks and vowel marks, map đ to d, squeeze spaces."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.lower().split())


def normalise_name(name: str) -> str:
    """A person's name as stored: NFC, single spaces, each word capitalised."""
    words = unicodedata.normalize("NFC", name).split()
    return " ".join(w[:1].upper() + w[1:].lower() for w in words)


def search_text(name: str, code: str, room: str, cccd: str | None) -> str:
    """What a typed search is matched against: the same for the resident
    list (filtered in memory per keystroke) and ``residents search``."""
    return f"{fold(name)} {(code or '').lower()} {fold(room)} {cccd or ''}"


def matches(words: list[str], text: str) -> bool:
    """Every folded word of the query appears somewhere in ``text``."""
    return all(word in text for word in words)
