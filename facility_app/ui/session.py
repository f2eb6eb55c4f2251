"""The logged-in session every screen is handed: services, who acts, language,
and the one place that hears what changed.

Screens make their changes through ``perform`` (quick, on the GUI thread) or
``run`` (off the GUI thread, like the resident list's reads). Either returns
the use case's value and emits ``sig_changes`` with what it wrote (a
``Changes``: tables, ids, whose record); rows pulled from the server arrive
the same way (``publish``). Each screen decides from it whether it must
refresh; nobody announces changes by hand (Anki's ``OpChanges`` in spirit).
"""
from __future__ import annotations

from typing import Any, Callable, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from care_core.domain.changes import Changes, OpResult
from care_core.domain.entities import Actor
from care_core.domain.permissions import Permission, allowed
from ..services.base import operation
from ..services.container import Services
from .workers import run_async

T = TypeVar("T")


class Session(QObject):
    sig_changes = Signal(object)  # Changes: after every operation that wrote something, here or pulled
    sig_language_changed = Signal(str)

    def __init__(self, services: Services, actor: Actor, lang: str = "vi", parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.lang = lang

    def can(self, permission: Permission) -> bool:
        return allowed(self.actor.role, permission)

    def publish(self, changes: Changes) -> None:
        """Tell every screen what was written (nothing when nothing was)."""
        if changes:
            self.sig_changes.emit(changes)

    def perform(self, call: Callable[[], T]) -> T:
        """Run a quick use case now; its errors raise to the caller, who shows them."""
        done = operation(call)
        self.publish(done.changes)
        return done.value

    def run(self, call: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None], owner: QObject | None = None) -> None:
        """Run a use case off the GUI thread; back on it, publish what it changed,
        then ``on_done(value)`` (or ``on_error(exc)``), unless ``owner`` (by default
        the object ``on_done`` is a method of) was deleted meanwhile. What changed
        is published even then: other screens still refresh."""
        if owner is None:
            candidate = getattr(on_done, "__self__", None)
            owner = candidate if isinstance(candidate, QObject) else None

        def alive() -> bool:
            return owner is None or shiboken6.isValid(owner)

        def done(result: OpResult) -> None:
            self.publish(result.changes)
            if alive():
                on_done(result.value)

        def failed(exc: BaseException) -> None:
            if alive():
                on_error(exc)

        run_async(lambda: operation(call), done, failed, owner=self)
