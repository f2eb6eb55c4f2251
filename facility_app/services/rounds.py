"""Nursing rounds (đợt điều dưỡng): set up, correct and list a merit-care
centre's rounds; which one is on today and the year's quota."""
from __future__ import annotations

import dataclasses
from datetime import date

from care_core.domain import rounds, rules
from care_core.domain.entities import Actor, NursingRound
from care_core.domain.permissions import Permission
from ..storage import repositories as repo
from ..storage.mapping import changed_fields, to_row
from ..storage.tables import nursing_rounds
from .base import Service, not_found


class RoundService(Service):
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
