"""Earlier stays of a demo resident: people come back.

Every centre re-admits a few people it discharged; a drug-rehabilitation
centre sees relapses (a voluntary stay, then compulsory ones by court
decision); a merit-care centre received some of its residents earlier for a
rotating nursing stay of about ten days. Written through the services as a
nurse would: admit, discharge, re-admit (one record, several stays).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta

from care_core.domain import history
from care_core.domain.entities import Resident, Stay
from care_core.domain.enums import DischargeReason, FacilityType, StayKind
from .model import Person, add_years

_ADULT = {"drug": 18}
READMITTED_SHARE = 0.04  # people any centre received before
RELAPSE_SHARE = 0.30  # drug-rehab residents who were here before
FEW = 2  # every demo has at least this many (the first people who can have been here before)


@dataclass
class Earlier:
    kind: StayKind
    admitted: date
    discharged: date
    decision: str = ""
    term: int | None = None


class Stays:
    """Mixin of the demo generator (needs ``history_rng``, ``type``, ``s``, ``actor``)."""

    def plan_earlier_stays(self, p: Person) -> list[Earlier]:
        """Stays that ended before ``p.adm`` (oldest first); none for most people."""
        rng = self.stays_rng
        relapse = self.type == FacilityType.DRUG_REHAB and p.kind == "drug"
        chosen = rng.random() < (RELAPSE_SHARE if relapse else READMITTED_SHARE)
        if not chosen and self.summary.readmitted >= FEW:
            return []
        earliest = max(add_years(p.birth, _ADULT.get(p.kind, 16)), add_years(p.adm, -8))
        spans: list[tuple[date, date]] = []
        end = p.adm - timedelta(days=rng.randint(60, 400))
        for _ in range(rng.randint(1, 3) if relapse else 1):
            start = end - timedelta(days=self._length(rng, relapse))
            if start < earliest:
                break
            spans.append((start, end))
            end = start - timedelta(days=rng.randint(90, 500))
        out = []
        for i, (start, end) in enumerate(reversed(spans)):  # oldest first
            kind = self._kind(relapse, i)
            out.append(Earlier(kind, start, end, *self._decision(kind, start)))
        return out

    def _length(self, rng, relapse: bool) -> int:
        if relapse:
            return rng.randint(180, 540)
        if self.type == FacilityType.MERIT_CARE:
            return rng.randint(9, 12)  # a rotating nursing stay (điều dưỡng luân phiên)
        return rng.randint(30, 700)

    def _kind(self, relapse: bool, i: int) -> StayKind:
        if relapse:
            return StayKind.REHAB_VOLUNTARY if i == 0 else StayKind.REHAB_COMPULSORY
        if self.type == FacilityType.MERIT_CARE:
            return StayKind.NURSING_ROUND
        if self.type == FacilityType.DRUG_REHAB:
            return StayKind.REHAB_VOLUNTARY
        return StayKind.EMERGENCY if self.stays_rng.random() < 0.3 else StayKind.LONG_TERM

    def admit_with_stays(self, resident: Resident, p: Person, earlier: list[Earlier]) -> Resident:
        """Admit for the first stay, then discharge and re-admit for each later
        one, as the nurses did at the time. When the first stay was of
        another kind than the centre's usual one (a merit person's nursing
        round, an emergency stay) it is written from the paper file instead,
        after admitting for the current stay. Returns the record as it is
        once the current stay began. (The run is one transaction: nothing is
        read back, versions are counted.)"""
        s, actor = self.s, self.actor
        self.summary.readmitted += 1
        self.summary.earlier_stays += len(earlier)
        if earlier[0].kind != history.implied_stay_kind(self.type):
            created = s.residents.admit(actor, resident)
            for stay in earlier:
                s.residents.add_past_stay(actor, created.id, self._stay(created.id, stay))
            return created
        current = resident.admission_date
        kind = self._current_kind(p, earlier)
        decision, term = self._decision(kind, current)
        first = dataclasses.replace(resident, admission_date=earlier[0].admitted)
        created = s.residents.admit(actor, first)
        for i, stay in enumerate(earlier):
            if i:
                s.residents.readmit(actor, created.id, self._stay(created.id, stay), base_version=created.version)
                created.version += 1
            created = s.residents.discharge(actor, created.id, stay.discharged, DischargeReason.RETURNED_HOME,
                                            created.version)
        s.residents.readmit(actor, created.id, Stay(created.id, kind, current, decision_number=decision,
                                                    term_months=term), base_version=created.version)
        return dataclasses.replace(created, admission_date=current, discharge_date=None, discharge_reason=None,
                                   version=created.version + 1)

    def _current_kind(self, p: Person, earlier: list[Earlier]) -> StayKind:
        if self.type == FacilityType.DRUG_REHAB:
            return StayKind.REHAB_COMPULSORY if len(earlier) >= 2 else StayKind.REHAB_VOLUNTARY
        return StayKind.LONG_TERM  # they came back to stay

    def _decision(self, kind: StayKind, start: date) -> tuple[str, int | None]:
        if kind != StayKind.REHAB_COMPULSORY:
            return "", None
        rng = self.stays_rng
        return f"{rng.randint(10, 350)}/{start.year}/QĐ-TA", rng.choice((12, 18, 24))

    @staticmethod
    def _stay(resident_id: str, e: Earlier) -> Stay:
        return Stay(resident_id, e.kind, e.admitted, e.discharged, DischargeReason.RETURNED_HOME,
                    decision_number=e.decision, term_months=e.term)
