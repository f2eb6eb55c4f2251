"""Admit, update, discharge and find residents."""
from __future__ import annotations

import dataclasses
from datetime import date

from care_core.domain import rules
from care_core.domain import history
from care_core.domain.entities import Actor, BhytCard, Resident, RoomChange, Stay
from care_core.domain.enums import DischargeReason, StayKind
from care_core.domain.messages import Problem, ValidationError
from care_core.domain.permissions import Permission
from care_core.domain.ids import new_id
from care_core.domain.text import fold, normalise_name
from ..storage import repositories as repo
from ..storage.mapping import changed_fields, to_row
from ..storage.tables import bhyt_cards, residents, room_changes, stays
from .base import Service, not_found

CODE_PREFIX = "DT-"
# Each PC numbers new residents in its own series so two PCs admitting
# offline never make the same code: the PC that created the store uses
# "DT-", a PC that joined later "DT<n>-" (n = its enrolment number at the
# provincial server, stored under this key when it joins).
CODE_PREFIX_KEY = "resident_code_prefix"
STAY_FIELDS = frozenset({"kind", "admitted_on", "discharged_on", "discharge_reason", "decision_number", "term_months",
                         "round_id", "note"})  # what update_stay may correct


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
            if {"admission_date", "discharge_date", "discharge_reason"} & diff.keys():
                self._follow_stay(w, updated)
            updated.version = w.update(residents, resident_id, diff, base_version)
            self._keep_history(w, current, updated, moved_on)
        return updated

    def discharge(self, actor: Actor, resident_id: str, on: date, reason: DischargeReason,
                  base_version: int) -> Resident:
        self.require(actor, Permission.DISCHARGE_RESIDENT)
        if on is None or reason is None:
            raise ValidationError([Problem("discharge_date" if on is None else "discharge_reason", "discharge_incomplete")])
        return self.update(actor, resident_id, {"discharge_date": on, "discharge_reason": reason}, base_version)

    # --- stays: one person, many stays -------------------------------------

    def _stay_kind(self, conn) -> StayKind:
        facility = repo.get_facility(conn)
        return history.implied_stay_kind(facility.type if facility else None)

    def _kept_stays(self, w, resident: Resident) -> list[Stay]:
        """The person's stays as rows, writing the implied one down first (in
        this transaction, through the change log) when none were kept."""
        kept = repo.stays_of(w.conn, resident.id)
        if kept:
            return kept
        implied = dataclasses.replace(history.implied_stay(resident, self._stay_kind(w.conn)), id=new_id())
        w.insert(stays, to_row(implied))
        implied.version = 1
        return [implied]

    def _follow_stay(self, w, updated: Resident) -> None:
        """The resident's admission and discharge changed (a discharge, a
        correction): the latest stay follows them."""
        kept = repo.stays_of(w.conn, updated.id)
        if not kept:  # the implied stay, written down as it now is
            w.insert(stays, to_row(dataclasses.replace(
                history.implied_stay(updated, self._stay_kind(w.conn)), id=new_id())))
            return
        latest = kept[-1]
        fixed = dataclasses.replace(latest, admitted_on=updated.admission_date, discharged_on=updated.discharge_date,
                                    discharge_reason=updated.discharge_reason)
        rules.ensure(rules.check_stay(fixed, updated, self.today()) + rules.check_stay_among(fixed, kept))
        diff = changed_fields(to_row(latest), to_row(fixed))
        if diff:
            w.update(stays, latest.id, diff)

    def stays(self, actor: Actor, resident_id: str) -> list[Stay]:
        """The person's stays, oldest first (one implied stay when none were kept)."""
        resident = self.get(actor, resident_id)
        with self.store.read() as conn:
            return history.stays_of(resident, repo.stays_of(conn, resident_id), self._stay_kind(conn))

    def readmit(self, actor: Actor, resident_id: str, stay: Stay, room: str | None = None,
                base_version: int | None = None) -> Stay:
        """A person the facility discharged comes back: a new stay on the same
        record (never a second record). Refused while a stay is open. The
        record's admission, discharge and room follow the new stay; the
        earlier stays and room history stay as they were."""
        self.require(actor, Permission.EDIT_RESIDENT)
        with self.store.write(actor, "readmit-resident") as w:
            resident = repo.get(w.conn, Resident, resident_id)
            if resident is None:
                raise not_found("đối tượng", "resident", resident_id)
            stay = dataclasses.replace(stay, resident_id=resident_id, discharged_on=None, discharge_reason=None,
                                       decision_number=(stay.decision_number or "").strip(), id=new_id())
            known = history.stays_of(resident, repo.stays_of(w.conn, resident_id), self._stay_kind(w.conn))
            problems = rules.check_stay(stay, resident, self.today()) + rules.check_stay_among(stay, known)
            room = (room or "").strip() or resident.room
            if room != resident.room:
                problems += rules.check_room_change(RoomChange(resident_id, room, stay.admitted_on), resident,
                                                    self.today())
            rules.ensure(problems)
            self._kept_stays(w, resident)
            w.insert(stays, to_row(stay))
            updated = dataclasses.replace(resident, admission_date=stay.admitted_on, discharge_date=None,
                                          discharge_reason=None, room=room)
            diff = changed_fields(to_row(resident), to_row(updated))
            diff.pop("id", None)
            w.update(residents, resident_id, diff, base_version)
            self._keep_history(w, resident, updated, stay.admitted_on)
        stay.version = 1
        return stay

    def add_past_stay(self, actor: Actor, resident_id: str, stay: Stay) -> Stay:
        """Record a stay the person had before the current one (from the
        paper file, at go-live): the stays grow, the record's own admission
        and discharge (the latest stay's) stay as they are."""
        self.require(actor, Permission.EDIT_RESIDENT)
        with self.store.write(actor, "add-past-stay") as w:
            resident = repo.get(w.conn, Resident, resident_id)
            if resident is None:
                raise not_found("đối tượng", "resident", resident_id)
            stay = dataclasses.replace(stay, resident_id=resident_id, id=new_id(),
                                       decision_number=(stay.decision_number or "").strip())
            known = history.stays_of(resident, repo.stays_of(w.conn, resident_id), self._stay_kind(w.conn))
            problems = rules.check_stay(stay, resident, self.today()) + rules.check_stay_among(stay, known)
            if stay.discharged_on is None and not problems:
                problems.append(Problem("discharged_on", "required"))
            if not problems and stay.admitted_on > max(s.admitted_on for s in known):
                problems.append(Problem("admitted_on", "stay_overlap", {
                    "value": stay.admitted_on, "start": known[-1].admitted_on, "end": known[-1].discharged_on or "…"}))
            rules.ensure(problems)
            self._kept_stays(w, resident)
            w.insert(stays, to_row(stay))
        stay.version = 1
        return stay

    def update_stay(self, actor: Actor, resident_id: str, stay_id: str, changes: dict,
                    base_version: int | None) -> Stay:
        """Correct a stay (its kind, dates, decision, note). The latest stay's
        dates are the record's own: they change with it."""
        self.require(actor, Permission.EDIT_RESIDENT)
        if {"discharged_on", "discharge_reason"} & changes.keys():
            self.require(actor, Permission.DISCHARGE_RESIDENT)
        if changes.keys() - STAY_FIELDS:  # a stay never moves to another person here (merging does that)
            raise ValueError(f"not a correctable field of a stay: {sorted(changes.keys() - STAY_FIELDS)}")
        with self.store.write(actor, "update-stay") as w:
            resident = repo.get(w.conn, Resident, resident_id)
            if resident is None:
                raise not_found("đối tượng", "resident", resident_id)
            implied = not repo.stays_of(w.conn, resident_id)
            kept = self._kept_stays(w, resident)
            if implied and stay_id.startswith("implied:"):
                stay_id, base_version = kept[0].id, None
            current = next((s for s in kept if s.id == stay_id), None)
            if current is None:
                raise not_found("lượt lưu trú", "stay", stay_id)
            fixed = dataclasses.replace(current, **changes)
            problems = rules.check_stay(fixed, resident, self.today()) + rules.check_stay_among(fixed, kept)
            rules.ensure(problems)
            diff = changed_fields(to_row(current), to_row(fixed))
            diff.pop("id", None)
            if not diff:
                return current
            fixed.version = w.update(stays, stay_id, diff, base_version)
            if max(kept, key=lambda s: s.admitted_on).id == stay_id:
                mirror = {k: v for k, v in (("admission_date", fixed.admitted_on),
                                            ("discharge_date", fixed.discharged_on),
                                            ("discharge_reason", fixed.discharge_reason))
                          if getattr(resident, k) != v}
                if mirror:
                    w.update(residents, resident_id, changed_fields(to_row(resident),
                                                                   to_row(dataclasses.replace(resident, **mirror))))
        return fixed


def _card(r: Resident) -> tuple:
    return (r.bhyt_number, r.bhyt_valid_from, r.bhyt_valid_to, r.bhyt_place) if r.bhyt_number else ()
