"""Admit, update, discharge and find residents."""
from __future__ import annotations

import dataclasses
from datetime import date

from care_core.domain import rules
from care_core.domain import history
from care_core.domain import merging
from care_core.domain.entities import Actor, BhytCard, Resident, RoomChange, Stay
from care_core.domain.enums import DischargeReason, StayKind
from care_core.domain.identity import MAX_MATCHES, PersonDraft, PersonMatch, judge, rank
from care_core.domain.messages import Problem, ValidationError
from care_core.domain.permissions import Permission
from care_core.domain.ids import new_id
from care_core.domain.text import fold, normalise_name
from ..storage import merges
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

    def find_person(self, actor: Actor, draft: PersonDraft, limit: int = MAX_MATCHES) -> list[PersonMatch]:
        """Who this might already be (discharged residents too), surest first:
        the duplicate check of an admission, as the nurse types."""
        self.require(actor, Permission.READ_RECORDS)
        if not draft.searchable():
            return []
        with self.store.read() as conn:
            return find_in(conn, draft, limit)

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

    def admit(self, actor: Actor, resident: Resident, stay: Stay | None = None) -> Resident:
        """A new person and their first stay: the implied one (the facility's
        usual kind), or ``stay`` when it says more (a nursing round, a court
        decision), written down with the person in one transaction."""
        self.require(actor, Permission.EDIT_RESIDENT)
        resident = dataclasses.replace(resident, full_name=normalise_name(resident.full_name or ""),
                                       code=(resident.code or "").strip().upper())
        with self.store.write(actor, "admit-resident") as w:
            self._validate(w.conn, resident, resident.id)
            if stay is not None:
                stay = dataclasses.replace(stay, resident_id=resident.id, admitted_on=resident.admission_date,
                                           discharged_on=None, discharge_reason=None, id=new_id())
                rules.ensure(rules.check_stay(stay, resident, self.today()))
            if not resident.code:
                prefix = repo.meta_value(w.conn, CODE_PREFIX_KEY, CODE_PREFIX)
                resident.code = f"{prefix}{repo.max_resident_number(w.conn, prefix) + 1:05d}"
            w.insert(residents, to_row(resident))
            self._keep_history(w, None, resident, resident.admission_date)
            if stay is not None:
                w.insert(stays, to_row(stay))
        resident.version = 1
        return resident

    def admit_all(self, actor: Actor, people: list[Resident]) -> list[Resident]:
        """Many admissions in one transaction (an import at go-live): the rules,
        rows and histories of ``admit``, written in bulk (a few statements, not
        a few per person). Refused whole if any one is invalid."""
        self.require(actor, Permission.EDIT_RESIDENT)
        people = [dataclasses.replace(r, full_name=normalise_name(r.full_name or ""), code=(r.code or "").strip().upper())
                  for r in people]
        with self.store.write(actor, "admit-resident") as w:
            problems = [p for r in people for p in rules.check_resident(r, self.today())]
            for column in ("code", "cccd"):
                values = [getattr(r, column) for r in people if getattr(r, column)]
                taken = set(repo.residents_with(w.conn, column, values))
                seen: set[str] = set()
                for value in values:
                    if value in taken or value in seen:
                        problems.append(Problem(column, "duplicate", {"value": value}))
                    seen.add(value)
            rules.ensure(problems)
            prefix = repo.meta_value(w.conn, CODE_PREFIX_KEY, CODE_PREFIX)
            number = repo.max_resident_number(w.conn, prefix)
            for r in people:
                if not r.code:
                    number += 1
                    r.code = f"{prefix}{number:05d}"
            w.insert_many(residents, [to_row(r) for r in people])
            w.insert_many(bhyt_cards, [to_row(BhytCard(r.id, *_card(r))) for r in people if r.bhyt_number])
            w.insert_many(room_changes, [to_row(RoomChange(r.id, r.room, r.admission_date)) for r in people if r.room])
        for r in people:
            r.version = 1
        return people

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

    # --- two records of one person -----------------------------------------

    def where_now(self, actor: Actor, resident_id: str) -> str:
        """The record a resident's data lives in: itself, or the record it was merged into."""
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            return merges.survivor_of(conn, resident_id)

    def compare(self, actor: Actor, survivor_id: str, merged_id: str) -> merging.Comparison:
        """Both records side by side, for the person about to merge them."""
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            survivor, other = repo.get(conn, Resident, survivor_id), repo.get(conn, Resident, merged_id)
            merging.check(survivor, other, merges.code_of(conn, survivor_id), merges.code_of(conn, merged_id))
            return merging.Comparison(survivor, other, merges.record_counts(conn, survivor_id),
                                      merges.record_counts(conn, merged_id),
                                      tuple(merging.disputed_fields(survivor, other)))

    def merge(self, actor: Actor, survivor_id: str, merged_id: str,
              choices: dict[str, str] | None = None) -> Resident:
        """Merge ``merged_id`` into ``survivor_id`` in one transaction: every
        record of the other moves to the survivor (through the change log,
        so it syncs), the other becomes a tombstone pointing at the survivor,
        and the audit says who merged what. ``choices``: disputed identity
        field -> ``"other"`` to take the merged record's value."""
        self.require(actor, Permission.MERGE_RESIDENTS)
        with self.store.write(actor, "merge-residents") as w:
            survivor = repo.get(w.conn, Resident, merges.survivor_of(w.conn, survivor_id))
            other = repo.get(w.conn, Resident, merged_id)
            merging.check(survivor, other, merges.code_of(w.conn, survivor.id if survivor else survivor_id),
                          merges.code_of(w.conn, merged_id))
            p = merging.plan(survivor, other, choices)
            after = merging.merged(survivor, p)
            w.update(residents, other.id, {"deleted": True, "merged_into": survivor.id}, op="delete")
            self._validate(w.conn, after, survivor.id, survivor)
            # the survivor first: its stay must cover every record that moves to it
            diff = changed_fields(to_row(survivor), to_row(after))
            diff.pop("id", None)
            after.version = w.update(residents, survivor.id, diff) if diff else survivor.version
            self._write_down_histories(w, survivor, other)
            moved = merges.rows_of(w.conn, other.id)
            for table, row_id in moved:
                w.update(table, row_id, {"resident_id": survivor.id})
            after = self._mirror_latest_stay(w, after)
            counts: dict[str, int] = {}
            for table, _ in moved:
                counts[table.name] = counts.get(table.name, 0) + 1
            w.audit_only("residents", survivor.id, {
                "merged": {"code": other.code, "name": other.full_name, "id": other.id},
                "into": {"code": survivor.code, "name": survivor.full_name, "id": survivor.id},
                "moved": counts, "taken": sorted(diff)})
        return after

    def _write_down_histories(self, w, survivor: Resident, other: Resident) -> None:
        """A card or room only implied by a record's own fields (no history
        rows yet) is written down for the survivor before the histories are
        joined: once rows exist, nothing is implied any more, and it would
        be lost."""
        cards = {(c.number, c.valid_from) for r in (survivor, other) for c in repo.cards_of(w.conn, r.id)}
        rooms = {(c.room, c.moved_on) for r in (survivor, other) for c in repo.room_changes_of(w.conn, r.id)}
        for r in (survivor, other):
            if r.bhyt_number and not repo.cards_of(w.conn, r.id) and (r.bhyt_number, r.bhyt_valid_from) not in cards:
                w.insert(bhyt_cards, to_row(BhytCard(survivor.id, *_card(r))))
                cards.add((r.bhyt_number, r.bhyt_valid_from))
            if r.room and not repo.room_changes_of(w.conn, r.id) and (r.room, r.admission_date) not in rooms:
                w.insert(room_changes, to_row(RoomChange(survivor.id, r.room, r.admission_date)))
                rooms.add((r.room, r.admission_date))
            if not repo.stays_of(w.conn, r.id):  # each record's own stay, kept as one of the person's stays
                w.insert(stays, to_row(dataclasses.replace(
                    history.implied_stay(r, self._stay_kind(w.conn)), resident_id=survivor.id, id=new_id())))

    def _mirror_latest_stay(self, w, after: Resident) -> Resident:
        """Once both records' stays are the survivor's: overlapping ones are
        one stay seen twice and become one; the survivor's admission and
        discharge are then those of its latest stay, as for any person."""
        rows = repo.stays_of(w.conn, after.id)
        if not rows:
            return after
        before = {s.id: s for s in rows}
        kept, absorbed = history.join_overlapping(rows)
        for s in kept:
            diff = changed_fields(to_row(before[s.id]), to_row(s))
            if diff:
                w.update(stays, s.id, diff)
        for s in absorbed:
            w.update(stays, s.id, {"deleted": True}, op="delete")
        latest = max(kept, key=lambda s: s.admitted_on)
        mirrored = dataclasses.replace(after, admission_date=latest.admitted_on, discharge_date=latest.discharged_on,
                                       discharge_reason=latest.discharge_reason)
        diff = changed_fields(to_row(after), to_row(mirrored))
        diff.pop("id", None)
        if diff:
            mirrored.version = w.update(residents, after.id, diff)
        return mirrored


def _card(r: Resident) -> tuple:
    return (r.bhyt_number, r.bhyt_valid_from, r.bhyt_valid_to, r.bhyt_place) if r.bhyt_number else ()


def find_in(conn, draft: PersonDraft, limit: int = MAX_MATCHES) -> list[PersonMatch]:
    """The duplicate check inside an open transaction (an import checks each row)."""
    year = draft.birth_date.year if draft.birth_date else None
    found, past_cards = repo.person_candidates(conn, draft.name_key, year, draft.cccd_key, draft.bhyt_key)
    judged = (judge(draft, r, past_cards.get(r.id, frozenset())) for r in found)
    return rank([m for m in judged if m is not None], limit)
