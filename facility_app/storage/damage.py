"""Telling a damaged file from a wrong passphrase, and saying what is wrong.

SQLCipher authenticates every 4096-byte page with its own HMAC. With the
wrong key every page fails; with the right key only damaged pages fail, and
a file cut short ends in a partial page. So ``cipher_integrity_check`` on a
read-only, immutable connection (nothing beside the file is written) tells
the two apart even when page 1 - where SQLite would first stumble - is the
damaged one.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

from .keys import RawKey

PAGE_SIZE = 4096
SHOWN = 3  # problems named in a one-line message


@dataclass(frozen=True)
class Examination:
    size: int
    pages: int
    problems: list[str]
    key_fits: bool  # the key authenticates at least one page

    @property
    def cut_short(self) -> bool:
        return self.size % PAGE_SIZE != 0

    def summary(self) -> str:
        """The first few problems on one line."""
        shown = [" ".join(p.split()) for p in self.problems[:SHOWN]]
        more = len(self.problems) - SHOWN
        text = "; ".join(shown) + (f" (+{more})" if more > 0 else "")
        return text[:300]


def examine(path: Path, key: RawKey) -> Examination:
    path = Path(path)
    size = path.stat().st_size
    pages = -(-size // PAGE_SIZE)
    problems: list[str] = []
    if size % PAGE_SIZE:
        problems.append(f"{size} bytes is not a whole number of {PAGE_SIZE}-byte pages: the file was cut short")
    conn = sqlcipher3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key.pragma_literal()}")
        found = [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    except sqlcipher3.DatabaseError as exc:
        found = [str(exc)]
    finally:
        conn.close()
    failed_pages = sum(1 for p in found if "HMAC verification failed" in p)
    problems += found
    return Examination(size, pages, problems, key_fits=pages > 0 and failed_pages < pages)
