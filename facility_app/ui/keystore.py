"""Remembering the store key in the OS credential store (Windows Credential
Manager, macOS Keychain, Secret Service), when an admin turns it on.

What is kept is the *derived raw key* (hex), never the passphrase, under a
service name that includes the data folder, so two stores on one PC never
share an entry. Without a usable keyring backend (a bare Linux test box,
say) the option is reported unavailable with the reason, and nothing is
written anywhere else instead.
"""
from __future__ import annotations

from pathlib import Path

SERVICE_PREFIX = "FacilityHealth store key"
ACCOUNT = "store-key"


class KeyStore:
    def __init__(self, data_dir: Path):
        self.service = f"{SERVICE_PREFIX}: {Path(data_dir).resolve()}"

    @staticmethod
    def _backend():
        try:
            import keyring
            from keyring.backends import fail
        except ImportError:
            return None
        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
            return None
        return backend

    def available(self) -> bool:
        return self._backend() is not None

    def get(self) -> str | None:
        backend = self._backend()
        if backend is None:
            return None
        try:
            return backend.get_password(self.service, ACCOUNT)
        except Exception:  # a locked or broken keyring: fall back to typing
            return None

    def set(self, key_hex: str) -> None:
        backend = self._backend()
        if backend is None:
            raise RuntimeError("no credential store")
        backend.set_password(self.service, ACCOUNT, key_hex)

    def delete(self) -> None:
        backend = self._backend()
        if backend is None:
            return
        try:
            backend.delete_password(self.service, ACCOUNT)
        except Exception:  # nothing stored: nothing to forget
            pass
