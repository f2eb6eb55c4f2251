"""Nursing rounds (đợt điều dưỡng): set up, correct and list a merit-care
centre's rounds; which one is on today and the year's quota; admit the
round's people in one step (a person already known gets a new stay on their
record, never a second record), and discharge them in one step.

Admitting and discharging a round go person by person, each in its own
transaction: one refused person (a stay still open elsewhere) does not hold
up the forty others, the answer lists who was refused and why, and doing it
again admits only those still missing.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

from care_core.domain import rounds, rules
from care_core.domain.rounds import RoundEntry
from care_core.domain.entities import Actor, Checkup, NursingRound, Resident, Stay
from care_core.domain.enums import CheckupKind, DischargeReason, StayKind
from care_core.domain.messages import DEFAULT_LANGUAGE, DomainError
from care_core.domain.permissions import Permission
from ..storage import repositories as repo
from ..storage.mapping import changed_fields, to_row
from ..storage.tables import nursing_rounds
from .base import Service, not_found
from .residents import ResidentService


@dataclass
class RoundMember:
    resident: Resident
    stay: Stay


@dataclass
class RoundOutcome:
    """What admitting or discharging a round did, person by person."""

    done: list[str] = field(default_factory=list)  # resident ids
    already: list[str] = field(default_factory=list)
    refused: list[tuple[str, str, str]] = field(default_factory=list)  # (name, vi, en)

    def summary(self, lang: str = DEFAULT_LANGUAGE) -> str:
        if lang == "vi":
            return f"{len(self.done)} người xong, {len(self.already)} đã có từ trước, {len(self.refused)} không thực hiện được."
        return f"{len(self.done)} done, {len(self.already)} already done, {len(self.refused)} could not be done."


def _why(exc: DomainError) -> tuple[str, str]:
    return exc.message("vi"), exc.message("en")


__all__ = ["RoundEntry", "RoundMember", "RoundOutcome", "RoundService"]


class RoundService(Service):
    def __init__(self, store, today=date.today):
        super().__init__(store, today)
        self._residents = ResidentService(store, today)

    def create(self, actor: Actor, r: NursingRound) -> NursingRound:
        self.require(actor, Permission.MANAGE_ROUNDS)
        with self.store.write(actor, "create-round") as w:
            rules.ensure(rounds.check_round(r, repo.nursing_rounds_of(w.conn, r.year)))
            w.insert(nursing_rounds, to_row(r))
        r.version = 1
        return r

    def update(self, actor: Actor, round_id: str, changes: dict, base_version: int) -> NursingRound:
        self.require(actor, Permission.MANAGE_ROUNDS)
        with self.store.write(actor, "update-round") as w:
            current = repo.get(w.conn, NursingRound, round_id)
            if current is None:
                raise not_found("đợt điều dưỡng", "nursing round", round_id)
            updated = dataclasses.replace(current, **changes)
            rules.ensure(rounds.check_round(updated, repo.nursing_rounds_of(w.conn, updated.year)))
            diff = changed_fields(to_row(current), to_row(updated))
            diff.pop("id", None)
            if not diff:
                return current
            updated.version = w.update(nursing_rounds, round_id, diff, base_version)
        return updated

    def get(self, actor: Actor, round_id: str) -> NursingRound:
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            found = repo.get(conn, NursingRound, round_id)
        if found is None:
            raise not_found("đợt điều dưỡng", "nursing round", round_id)
        return found

    def list(self, actor: Actor, year: int | None = None) -> list[NursingRound]:
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            return repo.nursing_rounds_of(conn, year)

    def current(self, actor: Actor, day: date | None = None) -> NursingRound | None:
        """The round under way (today by default), for the Today panel."""
        day = day or self.today()
        return rounds.current_round(self.list(actor, day.year), day)

    def year_quota(self, actor: Actor, year: int) -> int | None:
        return rounds.year_quota(self.list(actor, year), year)

    def members(self, actor: Actor, round_id: str) -> list[RoundMember]:
        """The round's people and their stays, in the order they were admitted."""
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            if repo.get(conn, NursingRound, round_id) is None:
                raise not_found("đợt điều dưỡng", "nursing round", round_id)
            found = []
            for stay in repo.stays_of_round(conn, round_id):
                resident = repo.get(conn, Resident, stay.resident_id)
                if resident is not None:
                    found.append(RoundMember(resident, stay))
        return sorted(found, key=lambda m: (m.stay.admitted_on, m.resident.code))

    def admit_round(self, actor: Actor, round_id: str, entries: list[RoundEntry],
                    on: date | None = None) -> RoundOutcome:
        """Admit every person of the list to the round (on its first day, or
        ``on``): a known person gets a new stay, a new one a record."""
        self.require(actor, Permission.MANAGE_ROUNDS)
        r = self.get(actor, round_id)
        day = on or r.starts_on
        in_round = {m.resident.id for m in self.members(actor, round_id)}
        outcome = RoundOutcome()
        for entry in entries:
            stay = Stay("", StayKind.NURSING_ROUND, day, round_id=round_id, note=entry.note)
            try:
                if entry.resident_id in in_round:
                    outcome.already.append(entry.resident_id)
                    continue
                if entry.resident_id:
                    current = self._residents.get(actor, entry.resident_id)
                    self._residents.readmit(actor, current.id, stay, base_version=current.version)
                    outcome.done.append(current.id)
                else:
                    made = self._residents.admit(actor, dataclasses.replace(entry.person, admission_date=day),
                                                 stay=stay)
                    outcome.done.append(made.id)
                in_round.add(outcome.done[-1])
            except DomainError as exc:
                outcome.refused.append((entry.person.full_name, *_why(exc)))
        return outcome

    def discharge_round(self, actor: Actor, round_id: str, on: date | None = None,
                        reason: DischargeReason = DischargeReason.RETURNED_HOME) -> RoundOutcome:
        """Discharge everyone of the round still in (on its last day, or ``on``;
        never later than today)."""
        self.require(actor, Permission.DISCHARGE_RESIDENT)
        r = self.get(actor, round_id)
        day = on or min(r.ends_on, self.today())
        outcome = RoundOutcome()
        for m in self.members(actor, round_id):
            if not m.stay.is_open():
                outcome.already.append(m.resident.id)
                continue
            try:
                self._residents.discharge(actor, m.resident.id, day, reason, m.resident.version)
                outcome.done.append(m.resident.id)
            except DomainError as exc:
                outcome.refused.append((m.resident.full_name, *_why(exc)))
        return outcome

    def intake_checkups(self, actor: Actor, round_id: str) -> dict[str, Checkup]:
        """Each member's intake checkup of this round (the latest admission
        checkup inside the stay), by resident id: what the round table shows."""
        found: dict[str, Checkup] = {}
        members = self.members(actor, round_id)
        with self.store.read() as conn:
            for m in members:
                end = m.stay.discharged_on or date.max
                intake = [c for c in repo.checkups_of(conn, m.resident.id)
                          if c.kind == CheckupKind.ADMISSION and m.stay.admitted_on <= c.checkup_date <= end]
                if intake:
                    found[m.resident.id] = intake[-1]
        return found
