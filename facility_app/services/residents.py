"""Admit, update, discharge and find residents."""
from __future__ import annotations

import dataclasses
from datetime import date

from care_core.domain import rules
from care_core.domain import history
from care_core.domain.entities import Actor, BhytCard, Resident, RoomChange
from care_core.domain.enums import DischargeReason
from care_core.domain.messages import Problem, ValidationError
from care_core.domain.permissions import Permission
from care_core.domain.text import fold, normalise_name
from ..storage import repositories as repo
from ..storage.mapping import changed_fields, to_row
from ..storage.tables import bhyt_cards, residents, room_changes
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
            self._keep_history(w, None, resident, resident.admission_date)
        resident.version = 1
        return resident

    def _keep_history(self, w, before: Resident | None, after: Resident, moved_on: date) -> None:
        """A changed card or room adds to its history instead of overwriting it
        (the resident's own fields keep the newest, for the list). The first
        change writes down the value it replaces, so the history is whole."""
        if after.bhyt_number and (before is None or _card(before) != _card(after)):
            kept = repo.cards_of(w.conn, after.id)
            if not kept and before is not None and before.bhyt_number:
                old = BhytCard(after.id, *_card(before))
                w.insert(bhyt_cards, to_row(old))
                kept = [old]
            same = [c for c in kept if (c.number, c.valid_from) == (after.bhyt_number, after.bhyt_valid_from)]
            if same:  # the same card, corrected (its end date, its place)
                fixed = {k: v for k, v in (("valid_to", after.bhyt_valid_to), ("registration_place", after.bhyt_place))
                         if getattr(same[-1], k) != v}
                if fixed:
                    w.update(bhyt_cards, same[-1].id, fixed)
            else:  # a renewal, or another card
                w.insert(bhyt_cards, to_row(BhytCard(after.id, *_card(after))))
        if after.room and (before is None or before.room != after.room):
            if before is not None and before.room and not repo.room_changes_of(w.conn, after.id):
                w.insert(room_changes, to_row(RoomChange(after.id, before.room, before.admission_date)))
            w.insert(room_changes, to_row(RoomChange(after.id, after.room, moved_on)))

    def add_past_card(self, actor: Actor, resident_id: str, card: BhytCard) -> BhytCard:
        """Record a card the resident held before the current one (from the
        paper file, at go-live): the history grows, the current card stays."""
        self.require(actor, Permission.EDIT_RESIDENT)
        with self.store.write(actor, "add-past-card") as w:
            resident = repo.get(w.conn, Resident, resident_id)
            if resident is None:
                raise not_found("đối tượng", "resident", resident_id)
            card = dataclasses.replace(card, resident_id=resident_id, number=(card.number or "").strip().upper())
            rules.ensure(rules.check_bhyt_card(card, resident, self.today()))
            if not repo.cards_of(w.conn, resident_id) and resident.bhyt_number:
                w.insert(bhyt_cards, to_row(BhytCard(resident_id, *_card(resident))))  # the history is whole
            w.insert(bhyt_cards, to_row(card))
        card.version = 1
        return card

    def cards(self, actor: Actor, resident_id: str) -> list[BhytCard]:
        """The resident's health-insurance cards, oldest first."""
        resident = self.get(actor, resident_id)
        with self.store.read() as conn:
            return history.cards_of(resident, repo.cards_of(conn, resident_id))

    def rooms(self, actor: Actor, resident_id: str) -> list[RoomChange]:
        """The resident's rooms with the day each began, oldest first."""
        resident = self.get(actor, resident_id)
        with self.store.read() as conn:
            return history.room_history(resident, repo.room_changes_of(conn, resident_id))

    def update(self, actor: Actor, resident_id: str, changes: dict, base_version: int) -> Resident:
        """Change some profile fields; discharge goes through ``discharge``.
        ``changes["room_moved_on"]``: the day of a room change (default today)."""
        self.require(actor, Permission.EDIT_RESIDENT)
        changes = dict(changes)
        moved_on = changes.pop("room_moved_on", None) or self.today()
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
            if "room" in diff:
                rules.ensure(rules.check_room_change(RoomChange(resident_id, updated.room, moved_on), updated,
                                                     self.today()))
            updated.version = w.update(residents, resident_id, diff, base_version)
            self._keep_history(w, current, updated, moved_on)
        return updated

    def discharge(self, actor: Actor, resident_id: str, on: date, reason: DischargeReason,
                  base_version: int) -> Resident:
        self.require(actor, Permission.DISCHARGE_RESIDENT)
        if on is None or reason is None:
            raise ValidationError([Problem("discharge_date" if on is None else "discharge_reason", "discharge_incomplete")])
        return self.update(actor, resident_id, {"discharge_date": on, "discharge_reason": reason}, base_version)



def _card(r: Resident) -> tuple:
    return (r.bhyt_number, r.bhyt_valid_from, r.bhyt_valid_to, r.bhyt_place) if r.bhyt_number else ()
