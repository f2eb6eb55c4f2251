"""Run a periodic report or a resident's health book: permission, data, audit.

The service reads everything a report needs in one read transaction (one
consistent snapshot), computes the indicators with the domain's single
definition (``domain/indicators.py``) and records in the audit log who
produced which report, in which format, before handing the figures over.
Laying them out (PDF, CSV, XLSX) is the ``reports`` package's job; it calls
this service and never SQL.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from care_core.domain import history, indicators
from care_core.domain.entities import (Actor, Checkup, Condition, Facility, Referral, RehabSession, Resident,
                                       Stay)
from care_core.domain.messages import ActionError
from care_core.domain.periods import Period
from care_core.domain.permissions import Permission
from ..storage import repositories as repo
from .base import Service, not_found
from .facility import with_defaults

REPORT_ACTION = "run-report"


@dataclass
class PeriodicReport:
    facility: Facility
    indicators: indicators.PeriodicIndicators
    issued_on: date  # the date printed beside the place


@dataclass
class HealthBook:
    facility: Facility
    resident: Resident
    checkups: list[Checkup]  # current versions, oldest first
    conditions: list[Condition]
    rehab: list[RehabSession]
    referrals: list[Referral]
    rehab_summary: indicators.Rehab
    issued_on: date
    stays: list[Stay] = field(default_factory=list)  # oldest first; one implied stay for an older record


def _facility(conn) -> Facility:
    found = repo.get_facility(conn)
    if found is None:
        raise ActionError("Kho dữ liệu chưa có thông tin cơ sở; hãy khởi tạo trước khi lập báo cáo.",
                          "The store has no facility yet; initialise it before running reports.")
    return with_defaults(found)


class ReportService(Service):
    @classmethod
    def of(cls, services) -> "ReportService":
        """Over an existing ``Services`` container (same store, same clock)."""
        return cls(services.store, services.residents.today)

    def periodic(self, actor: Actor, period: Period, *, output: str = "pdf",
                 target: str = "") -> PeriodicReport:
        """The indicators of ``period`` up to today; audited as ``output`` (pdf, csv, xlsx, preview)."""
        self.require(actor, Permission.RUN_PERIODIC_REPORT)
        today = self.today()
        as_of = period.as_of(today)
        with self.store.read() as conn:
            facility = _facility(conn)
            residents = repo.all_residents(conn)
            checkups = repo.current_checkups(conn, since=indicators.checkups_needed_from(period, as_of), until=as_of)
            conditions = repo.all_conditions(conn)
            sessions = repo.all_rehab(conn, since=period.start, until=as_of)
            referrals = repo.all_referrals(conn)
            cards = repo.all_cards(conn)
            status_changes = repo.all_status_changes(conn)
            stays = repo.all_stays(conn)
            nursing_rounds = repo.nursing_rounds_of(conn)
        result = indicators.compute(period, as_of, residents, checkups, conditions, sessions, referrals,
                                    facility.provincial_target_2025, facility.provincial_target_2030,
                                    cards=cards, status_changes=status_changes, stays=stays,
                                    stay_kind=history.implied_stay_kind(facility.type),
                                    nursing_rounds=nursing_rounds)
        with self.store.write(actor, REPORT_ACTION) as w:
            w.audit_only("reports", period.key(), {
                "report": "periodic", "period": period.key(), "as_of": as_of.isoformat(),
                "format": output, "file": target, "residents": result.census.total.served})
        return PeriodicReport(facility, result, today)

    def health_book(self, actor: Actor, code: str, *, output: str = "pdf", target: str = "") -> HealthBook:
        """One resident's whole record, found by resident code; audited."""
        self.require(actor, Permission.PRINT_HEALTH_BOOK)
        key = (code or "").strip().upper()
        with self.store.read() as conn:
            facility = _facility(conn)
            resident = repo.resident_by_code(conn, key) if key else None
            if resident is None:
                raise not_found("đối tượng có mã", "resident with code", code)
            book = HealthBook(facility, resident, repo.checkups_of(conn, resident.id),
                              repo.conditions_of(conn, resident.id), repo.rehab_of(conn, resident.id),
                              repo.referrals_of(conn, resident.id), indicators.rehab([]), self.today(),
                              history.stays_of(resident, repo.stays_of(conn, resident.id),
                                               history.implied_stay_kind(facility.type)))
        book.rehab_summary = indicators.rehab(book.rehab)
        with self.store.write(actor, REPORT_ACTION) as w:
            w.audit_only("residents", resident.id, {"report": "health-book", "format": output, "file": target})
        return book
