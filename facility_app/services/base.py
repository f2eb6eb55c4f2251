"""What every service shares: the store and today's date (injectable for tests)."""
from __future__ import annotations

from datetime import date
from typing import Callable

from care_core.domain.entities import Actor
from care_core.domain.messages import NotFound
from care_core.domain.permissions import Permission, require
from ..storage.store import Store


class Service:
    def __init__(self, store: Store, today: Callable[[], date] = date.today):
        self.store = store
        self.today = today

    @staticmethod
    def require(actor: Actor, permission: Permission) -> None:
        require(actor.role, permission)


def not_found(what_vi: str, what_en: str, key: str) -> NotFound:
    return NotFound(f"Không tìm thấy {what_vi} “{key}”.", f"No {what_en} “{key}”.")
