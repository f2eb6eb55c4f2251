"""What every command needs: the data folder, secrets from env or prompt,
the open store and its services, the acting ``facility-admin`` actor."""
from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from care_core.domain.entities import Actor
from care_core.domain.enums import Role
from care_core.domain.messages import ActionError, store_text
from ..services.container import Services
from ..storage import failures
from ..storage.store import Store

PASSPHRASE_ENV = "FACILITY_APP_PASSPHRASE"
NEW_PASSPHRASE_ENV = "FACILITY_APP_NEW_PASSPHRASE"
ADMIN_PASSWORD_ENV = "FACILITY_APP_ADMIN_PASSWORD"
USER_PASSWORD_ENV = "FACILITY_APP_USER_PASSWORD"


MAX_INPUT_BYTES = 1_000_000  # any text file a command reads (notes): far above any real one


class CliError(ActionError):
    pass


def known_failure(exc: BaseException, data_dir: Path | None = None) -> ActionError | None:
    """A failure with a known cause (disk full, locked, read-only folder,
    damaged file) as a message that says what to do; None for a surprise."""
    return failures.describe(exc, data_dir)


def read_text_file(path: Path, limit: int = MAX_INPUT_BYTES) -> str:
    """A bounded read: a regular file of at most ``limit`` bytes, UTF-8.
    (/dev/zero, a FIFO or a 2 GB file is refused before it is read.)"""
    path = Path(path).expanduser()
    try:
        if not path.is_file():
            if not path.exists():
                raise FileNotFoundError(path)
            raise CliError(*store_text("not_a_file", path=path))
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise failures.describe(exc) or CliError(*store_text("io_error", path=path, detail=exc.strerror)) from None
    if len(data) > limit:
        raise CliError(*store_text("file_too_large", path=path, limit=f"{limit // 1000} KB"))
    return data.decode("utf-8-sig")


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
