"""What every service shares: the store and today's date (injectable for tests),
and ``operation``: a use case's value together with what it changed."""
from __future__ import annotations

from datetime import date
from typing import Callable, TypeVar

from care_core.domain.changes import OpResult
from care_core.domain.entities import Actor
from care_core.domain.messages import NotFound
from care_core.domain.permissions import Permission, require
from ..storage.changes import collect
from ..storage.store import Store

T = TypeVar("T")


class Service:
    def __init__(self, store: Store, today: Callable[[], date] = date.today):
        self.store = store
        self.today = today

    @staticmethod
    def require(actor: Actor, permission: Permission) -> None:
        require(actor.role, permission)


def not_found(what_vi: str, what_en: str, key: str) -> NotFound:
    return NotFound(f"Không tìm thấy {what_vi} “{key}”.", f"No {what_en} “{key}”.")


def operation(call: Callable[[], T]) -> OpResult[T]:
    """Run one or more use cases; return their value and the rows they wrote
    (every mutating use case writes through one ``Writer``, which notes each
    row it logs, so nothing can forget to say what it changed). A refused
    use case raises as usual and changed nothing."""
    with collect() as rows:
        value = call()
    return OpResult(value, rows.freeze())
