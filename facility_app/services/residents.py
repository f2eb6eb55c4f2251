"""Admit, update, discharge and find residents."""
from __future__ import annotations

import dataclasses
from datetime import date

from care_core.domain import rules
from care_core.domain.entities import Actor, Resident
from care_core.domain.enums import DischargeReason
from care_core.domain.messages import Problem, ValidationError
from care_core.domain.permissions import Permission
from care_core.domain.text import fold, normalise_name
from ..storage import repositories as repo
from ..storage.mapping import changed_fields, to_row
from ..storage.tables import residents
from .base import Service, not_found

CODE_PREFIX = "DT-"
# Each PC numbers new residents in its own series so two PCs admitting
# offline never make the same code: the PC that created the store uses
# "DT-", a PC that joined later "DT<n>-" (n = its enrolment number at the
# provincial server, stored under this key when it joins).
CODE_PREFIX_KEY = "resident_code_prefix"


class ResidentService(Service):
    def get(self, actor: Actor, resident_id: str) -> Resident:
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            found = repo.get(conn, Resident, resident_id)
        if found is None:
            raise not_found("đối tượng", "resident", resident_id)
        return found

    def by_code(self, actor: Actor, code: str) -> Resident:
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            found = repo.resident_by_code(conn, code.strip().upper())
        if found is None:
            raise not_found("đối tượng có mã", "resident with code", code)
        return found

    def list(self, actor: Actor, *, present_only: bool = False) -> list[Resident]:
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            return repo.all_residents(conn, present_only=present_only)

    def search(self, actor: Actor, query: str, limit: int = 50) -> list[Resident]:
        """Accent-insensitive: every typed word must match name, code, room or CCCD."""
        self.require(actor, Permission.READ_RECORDS)
        words = fold(query).split()
        if not words:
            return []
        with self.store.read() as conn:
            return repo.search_residents(conn, words, limit)

    def _validate(self, conn, resident: Resident, own_id: str | None, before: Resident | None = None) -> None:
        """Domain rules, then uniqueness of CCCD and code - checked only when
        they change, so a duplicate that arrived by sync never blocks edits."""
        problems = rules.check_resident(resident, self.today())
        if resident.cccd and (before is None or before.cccd != resident.cccd):
            other = repo.resident_with_cccd(conn, resident.cccd)
            if other is not None and other != own_id:
                problems.append(Problem("cccd", "duplicate", {"value": resident.cccd}))
        if resident.code and (before is None or before.code != resident.code):
            other = repo.resident_by_code(conn, resident.code)
            if other is not None and other.id != own_id:
                problems.append(Problem("code", "duplicate", {"value": resident.code}))
        rules.ensure(problems)

    def admit(self, actor: Actor, resident: Resident) -> Resident:
        self.require(actor, Permission.EDIT_RESIDENT)
        resident = dataclasses.replace(resident, full_name=normalise_name(resident.full_name or ""),
                                       code=(resident.code or "").strip().upper())
        with self.store.write(actor, "admit-resident") as w:
            self._validate(w.conn, resident, resident.id)
            if not resident.code:
                prefix = repo.meta_value(w.conn, CODE_PREFIX_KEY, CODE_PREFIX)
                resident.code = f"{prefix}{repo.max_resident_number(w.conn, prefix) + 1:05d}"
            w.insert(residents, to_row(resident))
        resident.version = 1
        return resident

    def update(self, actor: Actor, resident_id: str, changes: dict, base_version: int) -> Resident:
        """Change some profile fields; discharge goes through ``discharge``."""
        self.require(actor, Permission.EDIT_RESIDENT)
        if {"discharge_date", "discharge_reason"} & changes.keys():
            self.require(actor, Permission.DISCHARGE_RESIDENT)
        with self.store.write(actor, "update-resident") as w:
            current = repo.get(w.conn, Resident, resident_id)
            if current is None:
                raise not_found("đối tượng", "resident", resident_id)
            if "full_name" in changes:
                changes = {**changes, "full_name": normalise_name(changes["full_name"] or "")}
            updated = dataclasses.replace(current, **changes)
            self._validate(w.conn, updated, resident_id, current)
            diff = changed_fields(to_row(current), to_row(updated))
            diff.pop("id", None)
            if not diff:
                return current
            updated.version = w.update(residents, resident_id, diff, base_version)
        return updated

    def discharge(self, actor: Actor, resident_id: str, on: date, reason: DischargeReason,
                  base_version: int) -> Resident:
        self.require(actor, Permission.DISCHARGE_RESIDENT)
        if on is None or reason is None:
            raise ValidationError([Problem("discharge_date" if on is None else "discharge_reason", "discharge_incomplete")])
        return self.update(actor, resident_id, {"discharge_date": on, "discharge_reason": reason}, base_version)
