"""Checkups, chronic conditions, rehabilitation sessions and referrals.

Checkups and rehab sessions are insert-only: a correction or a void is a
new record pointing at the one it replaces, so history is never lost and
two PCs never fight over a clinical fact. Conditions and referrals are
living records whose fields change (status, outcome).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from care_core.domain import history, rules
from care_core.domain.entities import (Actor, AuditEntry, BhytCard, Checkup, Condition, ConditionStatusChange,
                                       Referral, RehabSession, Resident, RoomChange, Stay)
from care_core.domain.enums import ReferralOutcome
from care_core.domain.icd10 import normalise_code
from care_core.domain.ids import new_id
from care_core.domain.messages import Problem, ValidationError
from care_core.domain.permissions import Permission
from ..storage import audit
from ..storage import repositories as repo
from ..storage.mapping import changed_fields, to_row
from ..storage.tables import checkups, condition_status_changes, conditions, referrals, rehab_sessions
from .base import Service, not_found


@dataclass
class Timeline:
    """Everything recorded about one resident, for the record screen and the health book."""

    resident: Resident
    checkups: list[Checkup]
    conditions: list[Condition]
    rehab: list[RehabSession]
    referrals: list[Referral]
    # histories, oldest first: cards, the conditions' status changes, rooms
    cards: list[BhytCard] = dataclasses.field(default_factory=list)
    status_changes: list[ConditionStatusChange] = dataclasses.field(default_factory=list)
    rooms: list[RoomChange] = dataclasses.field(default_factory=list)
    stays: list[Stay] = dataclasses.field(default_factory=list)  # oldest first; one implied when none kept

    def status_history(self, condition: Condition) -> list[ConditionStatusChange]:
        return history.status_history(condition, [s for s in self.status_changes if s.condition_id == condition.id])


class ClinicalService(Service):
    def _resident(self, conn, resident_id: str, day=None) -> Resident:
        """The resident; with ``day``, as the stay around that day saw them
        (a checkup of an earlier stay, corrected after a re-admission, is
        checked against that stay's dates, not the current one's)."""
        resident = repo.get(conn, Resident, resident_id)
        if resident is None:
            raise not_found("đối tượng", "resident", resident_id)
        if day is not None:
            kept = repo.stays_of(conn, resident_id)
            if kept:
                return history.person_in_period(resident, history.stays_of(resident, kept), day, day)
        return resident

    # --- checkups ------------------------------------------------------

    def record_checkup(self, actor: Actor, checkup: Checkup) -> Checkup:
        self.require(actor, Permission.RECORD_CLINICAL)
        with self.store.write(actor, "record-checkup") as w:
            resident = self._resident(w.conn, checkup.resident_id, checkup.checkup_date)
            if checkup.next_due_date is None and checkup.checkup_date is not None:
                chronic = any(c.status != "resolved" for c in repo.conditions_of(w.conn, resident.id))
                checkup = dataclasses.replace(checkup, next_due_date=rules.default_next_due(checkup.checkup_date, chronic))
            rules.ensure(rules.check_checkup(checkup, resident, self.today()))
            w.insert(checkups, to_row(checkup))
        checkup.version = 1
        return checkup

    def correct_checkup(self, actor: Actor, old_id: str, corrected: Checkup) -> Checkup:
        """Record the corrected version; the earlier one stays in history."""
        return self._correct(actor, "correct-checkup", Checkup, checkups, old_id, corrected,
                             rules.check_checkup, ("lần khám", "checkup", "checkup_date"))

    def void_checkup(self, actor: Actor, old_id: str, reason: str) -> Checkup:
        """Mark a checkup entered by mistake; it stays in history with the reason."""
        self.require(actor, Permission.RECORD_CLINICAL)
        if not reason or not reason.strip():
            raise ValidationError([Problem("findings", "required")])
        with self.store.write(actor, "void-checkup") as w:
            old = repo.get(w.conn, Checkup, old_id)
            if old is None:
                raise not_found("lần khám", "checkup", old_id)
            if old.voided or repo.is_superseded(w.conn, checkups, old_id):
                raise ValidationError([Problem("checkup_date", "already_superseded")])
            void = dataclasses.replace(old, id=new_id(), supersedes_id=old_id, voided=True, findings=reason.strip())
            w.insert(checkups, to_row(void))
        return void

    def checkups(self, actor: Actor, resident_id: str) -> list[Checkup]:
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            return repo.checkups_of(conn, resident_id)

    def checkup_history(self, actor: Actor, checkup_id: str) -> list[Checkup]:
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            return repo.checkup_history(conn, checkup_id)

    # --- conditions ----------------------------------------------------

    def add_condition(self, actor: Actor, condition: Condition) -> Condition:
        self.require(actor, Permission.RECORD_CLINICAL)
        condition = dataclasses.replace(condition, icd10=normalise_code(condition.icd10 or ""))
        with self.store.write(actor, "add-condition") as w:
            resident = self._resident(w.conn, condition.resident_id)
            rules.ensure(rules.check_condition(condition, resident, self.today()))
            w.insert(conditions, to_row(condition))
            w.insert(condition_status_changes, to_row(ConditionStatusChange(
                condition.id, condition.resident_id, condition.status, condition.onset_date)))
        condition.version = 1
        return condition

    def update_condition(self, actor: Actor, condition_id: str, changes: dict, base_version: int) -> Condition:
        """``changes["status_changed_on"]``: the day a new status began (default today)."""
        self.require(actor, Permission.RECORD_CLINICAL)
        changes = dict(changes)
        status_on = changes.pop("status_changed_on", None) or self.today()
        if "icd10" in changes:
            changes = {**changes, "icd10": normalise_code(changes["icd10"] or "")}
        with self.store.write(actor, "update-condition") as w:
            current = repo.get(w.conn, Condition, condition_id)
            if current is None:
                raise not_found("bệnh", "condition", condition_id)
            updated = dataclasses.replace(current, **changes)
            rules.ensure(rules.check_condition(updated, self._resident(w.conn, current.resident_id), self.today()))
            diff = changed_fields(to_row(current), to_row(updated))
            if not diff:
                return current
            if "status" in diff:
                resident = self._resident(w.conn, current.resident_id)
                change = ConditionStatusChange(condition_id, current.resident_id, updated.status, status_on)
                rules.ensure(rules.check_status_change(change, resident, self.today()))
                kept = repo.status_changes_of(w.conn, condition_id)
                if kept and kept[-1].changed_on and status_on < kept[-1].changed_on:
                    raise ValidationError([Problem("changed_on", "status_before_last",
                                                   {"value": status_on, "last": kept[-1].changed_on})])
                if not kept:  # written down before it is replaced, so the history is whole
                    w.insert(condition_status_changes, to_row(ConditionStatusChange(
                        condition_id, current.resident_id, current.status, current.onset_date)))
                w.insert(condition_status_changes, to_row(change))
            updated.version = w.update(conditions, condition_id, diff, base_version)
        return updated

    def condition_history(self, actor: Actor, condition_id: str) -> list[ConditionStatusChange]:
        """A condition's statuses with the day each began, oldest first."""
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            condition = repo.get(conn, Condition, condition_id)
            if condition is None:
                raise not_found("bệnh", "condition", condition_id)
            return history.status_history(condition, repo.status_changes_of(conn, condition_id))

    # --- rehabilitation -------------------------------------------------

    def record_rehab(self, actor: Actor, session: RehabSession) -> RehabSession:
        self.require(actor, Permission.RECORD_CLINICAL)
        with self.store.write(actor, "record-rehab") as w:
            rules.ensure(rules.check_rehab(session, self._resident(w.conn, session.resident_id, session.session_date),
                                           self.today()))
            w.insert(rehab_sessions, to_row(session))
        session.version = 1
        return session

    def correct_rehab(self, actor: Actor, old_id: str, corrected: RehabSession) -> RehabSession:
        return self._correct(actor, "correct-rehab", RehabSession, rehab_sessions, old_id, corrected,
                             rules.check_rehab, ("buổi PHCN", "rehab session", "session_date"))

    def _correct(self, actor, action, cls, table, old_id, corrected, check, names):
        """Insert-only correction: a new record pointing at the one it replaces."""
        what_vi, what_en, date_field = names
        self.require(actor, Permission.RECORD_CLINICAL)
        with self.store.write(actor, action) as w:
            old = repo.get(w.conn, cls, old_id)
            if old is None:
                raise not_found(what_vi, what_en, old_id)
            if old.voided or repo.is_superseded(w.conn, table, old_id):
                raise ValidationError([Problem(date_field, "already_superseded")])
            new = dataclasses.replace(corrected, id=new_id(), resident_id=old.resident_id, supersedes_id=old_id, voided=False)
            rules.ensure(check(new, self._resident(w.conn, old.resident_id, getattr(new, date_field, None)),
                               self.today()))
            w.insert(table, to_row(new))
        new.version = 1
        return new

    # --- referrals -------------------------------------------------------

    def open_referral(self, actor: Actor, referral: Referral) -> Referral:
        self.require(actor, Permission.RECORD_CLINICAL)
        referral = dataclasses.replace(referral, outcome=ReferralOutcome.PENDING, return_date=None,
                                       icd10=normalise_code(referral.icd10) if referral.icd10 else None)
        with self.store.write(actor, "open-referral") as w:
            rules.ensure(rules.check_referral(referral, self._resident(w.conn, referral.resident_id,
                                                                       referral.referral_date), self.today()))
            w.insert(referrals, to_row(referral))
        referral.version = 1
        return referral

    def close_referral(self, actor: Actor, referral_id: str, outcome: ReferralOutcome,
                       return_date: date | None, note: str, base_version: int) -> Referral:
        self.require(actor, Permission.RECORD_CLINICAL)
        with self.store.write(actor, "close-referral") as w:
            current = repo.get(w.conn, Referral, referral_id)
            if current is None:
                raise not_found("lượt chuyển tuyến", "referral", referral_id)
            if not current.is_open:
                raise ValidationError([Problem("outcome", "referral_closed")])
            if outcome == ReferralOutcome.PENDING:
                raise ValidationError([Problem("outcome", "required")])
            updated = dataclasses.replace(current, outcome=outcome, return_date=return_date, outcome_note=note or "")
            rules.ensure(rules.check_referral(updated, self._resident(w.conn, current.resident_id,
                                                                      updated.referral_date), self.today()))
            diff = changed_fields(to_row(current), to_row(updated))
            updated.version = w.update(referrals, referral_id, diff, base_version)
        return updated

    # --- reading ---------------------------------------------------------

    def timeline(self, actor: Actor, resident_id: str) -> Timeline:
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            resident = self._resident(conn, resident_id)
            return Timeline(resident, repo.checkups_of(conn, resident_id), repo.conditions_of(conn, resident_id),
                            repo.rehab_of(conn, resident_id), repo.referrals_of(conn, resident_id),
                            history.cards_of(resident, repo.cards_of(conn, resident_id)),
                            repo.status_changes_of_resident(conn, resident_id),
                            history.room_history(resident, repo.room_changes_of(conn, resident_id)),
                            history.stays_of(resident, repo.stays_of(conn, resident_id), _stay_kind(conn)))

    def warm_up(self) -> None:
        """Prepare ``timeline``'s queries ahead of the first record opened (reads no record)."""
        with self.store.read() as conn:
            repo.warm_timeline(conn)

    def history(self, actor: Actor, resident_id: str) -> list[AuditEntry]:
        """The record's change history from the audit log (profile and every record)."""
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            return audit.for_row(conn, [resident_id, *repo.record_ids_of(conn, resident_id)])


def _stay_kind(conn):
    facility = repo.get_facility(conn)
    return history.implied_stay_kind(facility.type if facility else None)
