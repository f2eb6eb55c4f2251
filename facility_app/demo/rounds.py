"""A merit-care demo's nursing rounds: a year of rounds of about ten days
against the province's quota, the same merit persons coming back round after
round (each has one record and a stay per visit), an intake checkup for each
person of each round, and the latest round under way today."""
from __future__ import annotations

import random
from datetime import date, timedelta

from care_core.domain.rounds import RoundEntry
from care_core.domain.entities import Actor, Checkup, NursingRound, Resident, VitalSigns
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, Sex

ROUNDS = 5
ROUND_DAYS = 10
PER_ROUND = 16
POOL = 40  # persons the rounds draw from: about two visits each
YEAR_QUOTA = 240


def add_rounds(gen) -> tuple[int, int, int, int]:
    """Rounds every ten weeks up to today (the last begun three days ago and
    still under way); returns (rounds, stays, people, people who came more
    than once). ``gen`` is the demo generator."""
    rng = random.Random(f"{getattr(gen, 'seed_text', 0)}-rounds")
    services, actor, today = gen.s, gen.actor, gen.today
    pool = [_person(gen, rng, today) for _ in range(POOL)]
    known: dict[int, str] = {}  # pool index -> record id, once admitted
    numbers: dict[int, int] = {}
    stays = 0
    visits: dict[int, int] = {}
    for k in range(ROUNDS):
        starts = today - timedelta(days=3 + 70 * (ROUNDS - 1 - k))
        year = starts.year
        numbers[year] = numbers.get(year, 0) + 1
        r = services.rounds.create(actor, NursingRound(
            year, numbers[year], starts, starts + timedelta(days=ROUND_DAYS - 1), PER_ROUND + 4,
            YEAR_QUOTA if numbers[year] == 1 else None, "Đợt điều dưỡng tập trung (dữ liệu mẫu)"))
        chosen = sorted(rng.sample(range(POOL), PER_ROUND))
        for i in chosen:
            visits[i] = visits.get(i, 0) + 1
        entries = [RoundEntry(pool[i], known.get(i), note=_merit_note(rng)) for i in chosen]
        outcome = services.rounds.admit_round(actor, r.id, entries)
        for i, entry in zip(chosen, entries):
            if entry.resident_id is None:
                known[i] = next(m.resident.id for m in services.rounds.members(actor, r.id)
                                if m.resident.full_name == entry.person.full_name
                                and m.resident.birth_date == entry.person.birth_date)
        stays += len(outcome.done)
        for rid in outcome.done:
            services.clinical.record_checkup(actor, Checkup(rid, starts, CheckupKind.ADMISSION, _vitals(rng),
                                                            examiner="BS. Nguyễn Thị Hạnh"))
        if r.ends_on < today:
            services.rounds.discharge_round(actor, r.id, r.ends_on)
    return ROUNDS, stays, len(visits), sum(1 for n in visits.values() if n > 1)


def _person(gen, rng: random.Random, today: date) -> Resident:
    sex = Sex.MALE if rng.random() < 0.8 else Sex.FEMALE
    age = rng.randint(62, 92)
    birth = date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))
    return Resident(gen.name(sex, birth.year, minority=False), sex, birth, today, [BeneficiaryGroup.MERIT])


def _merit_note(rng: random.Random) -> str:
    return rng.choice(["Thương binh", "Bệnh binh", "Thân nhân liệt sĩ", "Người hoạt động kháng chiến",
                       "Người có công giúp đỡ cách mạng"])


def _vitals(rng: random.Random) -> VitalSigns:
    systolic = rng.randint(110, 165)
    return VitalSigns(systolic=systolic, diastolic=min(systolic - 30, rng.randint(65, 95)), pulse=rng.randint(60, 92),
                      temperature=round(rng.uniform(36.2, 37.1), 1), spo2=rng.randint(94, 99),
                      weight_kg=round(rng.uniform(45, 70), 1), height_cm=rng.randint(150, 172))
