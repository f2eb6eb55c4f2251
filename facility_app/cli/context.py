"""What every command needs: the data folder, secrets from env or prompt,
the open store and its services, the acting ``facility-admin`` actor."""
from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.entities import Actor
from ..domain.enums import Role
from ..domain.messages import ActionError
from ..services.container import Services
from ..storage.store import Store

PASSPHRASE_ENV = "FACILITY_APP_PASSPHRASE"
NEW_PASSPHRASE_ENV = "FACILITY_APP_NEW_PASSPHRASE"
ADMIN_PASSWORD_ENV = "FACILITY_APP_ADMIN_PASSWORD"
USER_PASSWORD_ENV = "FACILITY_APP_USER_PASSWORD"


class CliError(ActionError):
    pass


def secret(env: str, prompt_vi: str, prompt_en: str, lang: str, *, confirm: bool = False) -> str:
    """From the environment, else typed at a terminal (twice when ``confirm``)."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CliError(f"Cần {prompt_vi}: đặt biến môi trường {env} hoặc chạy trong cửa sổ lệnh.",
                       f"{prompt_en} needed: set {env} or run in a terminal.")
    prompt = prompt_vi if lang == "vi" else prompt_en
    value = getpass.getpass(prompt + ": ")
    if confirm and getpass.getpass(("Nhập lại" if lang == "vi" else "Again") + ": ") != value:
        raise CliError("Hai lần nhập không khớp.", "The two entries differ.")
    return value


@dataclass
class Context:
    data_dir: Path
    lang: str
    user: str | None = None
    _services: Services | None = field(default=None, repr=False)

    @property
    def actor(self) -> Actor:
        return Actor(self.user or "facility-admin", Role.SYSTEM)

    def passphrase(self, *, confirm: bool = False) -> str:
        return secret(PASSPHRASE_ENV, "mật khẩu kho dữ liệu", "Store passphrase", self.lang, confirm=confirm)

    def services(self) -> Services:
        if self._services is None:
            store = Store.open(self.data_dir, self.passphrase())
            self._services = Services(store)
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None

    def say(self, vi: str, en: str) -> None:
        print(vi if self.lang == "vi" else en)
