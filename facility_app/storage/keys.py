"""From the facility passphrase to SQLCipher's raw key.

argon2id runs once per unlock; SQLCipher then gets the raw key with the
salt (``x'<key><salt>'``), so a new connection costs under a millisecond
instead of SQLCipher's own PBKDF2 (~130 ms). The salt is the database
file's first 16 bytes, so a database or a backup is self-describing.
``store.json`` beside the database holds the KDF parameters and a check
value, so a wrong passphrase is refused without opening (or touching) the
database. Neither the passphrase nor the key is ever written anywhere.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw

SALT_BYTES = 16
KEY_BYTES = 32
MAX_INFO_BYTES = 64 * 1024


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 1

    def to_json(self) -> dict:
        return {"algorithm": "argon2id", "time_cost": self.time_cost,
                "memory_kib": self.memory_kib, "parallelism": self.parallelism}

    @staticmethod
    def from_json(data: dict) -> "KdfParams":
        return KdfParams(data["time_cost"], data["memory_kib"], data["parallelism"])


@dataclass(frozen=True)
class RawKey:
    key: bytes
    salt: bytes

    def pragma_literal(self) -> str:
        return f"\"x'{self.key.hex()}{self.salt.hex()}'\""

    def check_value(self) -> str:
        return hmac.new(self.key, b"facility-app key check v1", hashlib.sha256).hexdigest()

    def __repr__(self) -> str:  # never print key material
        return "RawKey(<hidden>)"


def derive(passphrase: str, salt: bytes, params: KdfParams = KdfParams()) -> RawKey:
    key = hash_secret_raw(
        passphrase.encode("utf-8"), salt,
        time_cost=params.time_cost, memory_cost=params.memory_kib,
        parallelism=params.parallelism, hash_len=KEY_BYTES, type=Type.ID,
    )
    return RawKey(key, salt)


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def read_salt(db_path: Path) -> bytes:
    with open(db_path, "rb") as f:
        return f.read(SALT_BYTES)


@dataclass
class StoreInfo:
    """Plain-text facts beside the database: no patient data, no secret."""

    kdf: KdfParams
    salt_hex: str
    key_check: str
    format: int = 1

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        data = {"format": self.format, "kdf": self.kdf.to_json(), "salt": self.salt_hex, "key_check": self.key_check}
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)

    @staticmethod
    def load(path: Path) -> "StoreInfo | None":
        try:
            with open(path, "rb") as f:
                raw = f.read(MAX_INFO_BYTES + 1)
            if len(raw) > MAX_INFO_BYTES:  # a few hundred bytes when genuine
                return None
            data = json.loads(raw.decode("utf-8"))
            return StoreInfo(KdfParams.from_json(data["kdf"]), data["salt"], data["key_check"], data.get("format", 1))
        except (OSError, ValueError, KeyError):
            return None
