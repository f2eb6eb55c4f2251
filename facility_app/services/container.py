"""All services over one open store: what the UI, CLI and sync are handed."""
from __future__ import annotations

from datetime import date
from typing import Callable

from ..storage.store import Store
from .clinical import ClinicalService
from .exports import ExportService
from .facility import FacilityService
from .imports import ImportService
from .reports import ReportService
from .residents import ResidentService
from .rounds import RoundService
from .sync import SyncService
from .users import UserService


class Services:
    def __init__(self, store: Store, today: Callable[[], date] = date.today):
        self.store = store
        self.residents = ResidentService(store, today)
        self.clinical = ClinicalService(store, today)
        self.users = UserService(store, today)
        self.facility = FacilityService(store, today)
        self.exports = ExportService(store, today)
        self.imports = ImportService(store, today)
        self.reports = ReportService(store, today)
        self.sync = SyncService(store, today)
        self.rounds = RoundService(store, today)

    def close(self) -> None:
        self.store.close()
