"""The logged-in session every screen is handed: services, who acts, language.

Screens call services with ``session.actor`` and announce what they changed
through ``sig_data_changed`` so other screens refresh (Anki's "operations
return what changed" in spirit).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from care_core.domain.entities import Actor
from care_core.domain.permissions import Permission, allowed
from ..services.container import Services


class Session(QObject):
    # table names changed: "residents", "checkups", "conditions", "rehab_sessions", "referrals", "users", "facility"
    sig_data_changed = Signal(str)
    sig_language_changed = Signal(str)

    def __init__(self, services: Services, actor: Actor, lang: str = "vi", parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.lang = lang

    def can(self, permission: Permission) -> bool:
        return allowed(self.actor.role, permission)

    def changed(self, table: str) -> None:
        self.sig_data_changed.emit(table)
