"""Vietnamese alphabetical order for names (a ă â b c d đ e ê ... ơ ... ư ...).

Python's default order puts "Ân" after "Ánh" only by accident of code
points, and folding (no accents) makes "An" and "Ân" equal. Lists of
residents are read in the Vietnamese way: by given name (the last word),
then family name, then middle names; letters by the alphabet, and the tone
mark (ngang, huyền, hỏi, ngã, sắc, nặng) only to break ties.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# combining tone marks, in dictionary order after "no mark"
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


@lru_cache(maxsize=50_000)
def word_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    letters: list[int] = []
    tones: list[int] = []
    for ch in word.lower():
        parts = unicodedata.normalize("NFD", ch)
        tone = 0
        kept = ""
        for p in parts:
            if p in _TONES:
                tone = _TONES[p]
            else:
                kept += p
        letter = unicodedata.normalize("NFC", kept)
        letters.append(_RANK.get(letter, 100 + ord(letter[0]) if letter else 0))
        tones.append(tone)
    return tuple(letters), tuple(tones)


def name_key(full_name: str) -> tuple:
    """Given name, then family name, then middle names; tones last."""
    words = full_name.split()
    if not words:
        return ((), ())
    ordered = [words[-1], words[0], *words[1:-1]] if len(words) > 1 else words
    keys = [word_key(w) for w in ordered]
    return tuple(k[0] for k in keys), tuple(k[1] for k in keys)


_WORD_GAP, _PART_GAP = "\x01", "\x00"  # below every letter's code: a shorter word sorts first


@lru_cache(maxsize=50_000)
def _word_codes(word: str) -> tuple[str, str]:
    letters, tones = word_key(word)
    return "".join(chr(0x30 + n) for n in letters), "".join(chr(0x30 + n) for n in tones)


def name_sort_key(full_name: str) -> str:
    """``name_key`` as one string: the same order, but a list of 10,000
    names sorts several times faster on strings than on nested tuples."""
    words = full_name.split()
    ordered = [words[-1], words[0], *words[1:-1]] if len(words) > 1 else words
    codes = [_word_codes(w) for w in ordered]
    return _WORD_GAP.join(c[0] for c in codes) + _PART_GAP + _WORD_GAP.join(c[1] for c in codes)
