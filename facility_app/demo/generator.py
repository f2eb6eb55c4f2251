"""The run: a seeded generator over the services, in one transaction."""
from __future__ import annotations

import math
import random
from dataclasses import dataclass, fields
from datetime import date, timedelta

from care_core.domain import divisions, icd10
from care_core.domain.entities import Actor, BhytCard, Facility, Resident
from care_core.domain.enums import FacilityType, Sex
from care_core.domain.messages import ActionError
from .clinical_terms import CODES_USED
from .histories import Histories
from .rounds import add_rounds
from .model import F, M, add_years
from .names import (FAMILY_NORTH, FAMILY_SOUTH, FORMER_PARTS, GIVEN, MIDDLE, MINORITY_FAMILY, MINORITY_GIVEN,
                    MINORITY_MIDDLE, MOUNTAIN)
from .people import People
from .stays import Stays


@dataclass
class DemoSummary:
    """What was made. ``discharged`` counts residents who left alive
    (returned home or transferred); ``deceased`` those who died."""

    residents: int = 0
    discharged: int = 0
    deceased: int = 0
    checkups: int = 0
    conditions: int = 0
    rehab_sessions: int = 0
    referrals: int = 0
    open_referrals: int = 0
    overdue_checkups: int = 0  # present residents whose next checkup is past due
    abnormal_recent: int = 0  # checkups with abnormal vital signs in the last 7 days
    bhyt_expiring: int = 0  # present residents whose card expired or expires within 30 days
    without_bhyt: int = 0
    rounds: int = 0  # nursing rounds of a merit-care demo
    round_stays: int = 0
    round_people: int = 0  # records the rounds made, beside ``residents``
    readmitted: int = 0  # people who came back: their record holds earlier stays
    earlier_stays: int = 0  # stays that ended before the current one

    def __str__(self) -> str:
        return ", ".join(f"{f.name}={getattr(self, f.name)}" for f in fields(self))


class Generator(People, Histories, Stays):
    def __init__(self, services, actor: Actor, facility: Facility, rng: random.Random, today: date):
        self.history_rng = random.Random(0)  # generate() seeds it from the run's seed
        self.stays_rng = random.Random(0)  # so does it this one
        self.s = services
        self.actor = actor
        self.facility = facility
        self.type = FacilityType(facility.type)
        self.rng = rng
        self.today = today
        self.province = facility.province_code or 1
        self.places = FORMER_PARTS.get(self.province, [self.province])
        self.mountain = self.province in MOUNTAIN
        self.family = FAMILY_SOUTH if self.province >= 48 else FAMILY_NORTH
        self.summary = DemoSummary()
        self.used_cccd: set[str] = set()
        self.used_bhyt: set[str] = set()
        self._wards: dict[int, list[tuple[int, str]]] = {}
        self.staff = self._staff()
        self.hospitals = self._hospitals()

    # --- small helpers ----------------------------------------------------

    def pick(self, weighted):
        names = [n for n, _ in weighted]
        weights = [w for _, w in weighted]
        return self.rng.choices(names, weights)[0]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def day_between(self, start: date, end: date) -> date:
        if end <= start:
            return start
        return start + timedelta(days=self.rng.randint(0, (end - start).days))

    def poisson(self, mean: float) -> int:
        limit, k, prod = math.exp(-mean), 0, self.rng.random()
        while prod > limit:
            k += 1
            prod *= self.rng.random()
        return k

    def name(self, sex: Sex, birth_year: int, *, family: str | None = None, minority: bool | None = None) -> str:
        if minority is None:
            minority = self.chance(0.10 if self.mountain else 0.02)
        if minority:
            fam = family or self.pick(MINORITY_FAMILY)
            mid = self.pick(MINORITY_MIDDLE[sex])
            given = self.rng.choice(MINORITY_GIVEN[sex])
            return f"{fam} {mid} {given}"
        fam = family or self.pick(self.family)
        era = "old" if birth_year < 1975 else "mid" if birth_year < 2005 else "young"
        common, share, others = MIDDLE[(sex, era)]
        mid = common if self.chance(share) else self.rng.choice(others)
        while mid == fam:  # no "Hoàng Hoàng ..."
            mid = self.rng.choice(others)
        pool = GIVEN[(sex, "old" if birth_year < 1975 else "young")]
        given = self.rng.choice(pool)
        while given == mid:
            given = self.rng.choice(pool)
        return f"{fam} {mid} {given}"

    def _staff(self) -> dict[str, list[str]]:
        year = self.today.year
        def person(title, sex, age):
            return f"{title} {self.name(sex, year - age, minority=False)}"
        return {
            "examiner": [person("BS.", M, 48), person("YS.", F, 40), person("ĐD.", F, 35),
                         person("ĐD.", F, 29), person("ĐD.", M, 31)],
            "therapist": [person("KTV.", F, 33), person("KTV.", M, 38)],
            "psychologist": [person("CN. tâm lý", F, 30)],
        }

    def _hospitals(self) -> dict[str, list[str]]:
        full = divisions.province_name(self.province) or "Thành phố Hà Nội"
        short = divisions.short_province_name(self.province) or "Hà Nội"
        level = "thành phố" if full.startswith("Thành phố") else "tỉnh"
        where = f"{level} {short}"
        central = ("Bệnh viện Bạch Mai" if self.province < 44 else
                   "Bệnh viện Trung ương Huế" if self.province < 56 else "Bệnh viện Chợ Rẫy")
        lung_central = "Bệnh viện Phổi Trung ương" if self.province < 44 else "Bệnh viện Phạm Ngọc Thạch"
        return {
            "general": [f"Bệnh viện Đa khoa {where}"] * 8 + [central],
            "lung": [f"Bệnh viện Phổi {where}"] * 3 + [lung_central],
            "psych": [f"Bệnh viện Tâm thần {where}"],
            "eye": [f"Bệnh viện Mắt {where}"],
            "child": [f"Bệnh viện Sản - Nhi {where}"] * 3 + [
                "Bệnh viện Nhi Trung ương" if self.province < 44 else "Bệnh viện Nhi Đồng 1"],
        }

    def wards(self, province: int) -> list[tuple[int, str]]:
        if province not in self._wards:
            self._wards[province] = divisions.wards(province)
        return self._wards[province]

    # --- the run -----------------------------------------------------------------

    def past_cards(self, p, created: Resident, number: str, first_from: date) -> None:
        """The cards before the current one, back to the admission (six years
        at most): a card a year (five for some merit persons), renewed with
        the same number (the social-insurance code stays, the validity
        changes), now and then after a lapse of a month or two."""
        rng = self.history_rng
        years = 5 if number.startswith("CC") and rng.random() < 0.5 else 1
        start = first_from
        while start > max(p.adm, p.birth, add_years(self.today, -6)):
            lapse = rng.randint(20, 60) if rng.random() < 0.04 else 0
            end = start - timedelta(days=1 + lapse)
            begin = max(add_years(end, -years) + timedelta(days=1), p.birth)
            if begin >= end:
                break
            self.s.residents.add_past_card(self.actor, created.id, BhytCard(created.id, number, begin, end))
            start = begin

    def run(self, count: int) -> DemoSummary:
        people = [self.person() for _ in range(count)]
        for p in people:
            p.adm = self.admission(p)
        self.assign_quotas(people)
        for p in people:
            end = p.discharge or self.today
            self.plan_conditions(p, end)
            self.baselines(p)
            minority = self.chance(0.10 if self.mountain else 0.02)
            full_name = self.name(p.sex, p.birth.year, minority=minority)
            number, valid_from, valid_to = self.bhyt(p)
            kin_name, kin_relation, kin_phone = self.kin(p, full_name, minority)
            province, ward, detail = self.address()
            resident = Resident(
                full_name=full_name, sex=p.sex, birth_date=p.birth, admission_date=p.adm, groups=list(p.groups),
                cccd=self.cccd(p), bhyt_number=number, bhyt_valid_from=valid_from, bhyt_valid_to=valid_to,
                disability_type=p.dis_type, disability_severity=p.dis_sev, room=self.room(p),
                next_of_kin_name=kin_name, next_of_kin_relation=kin_relation, next_of_kin_phone=kin_phone,
                province_code=province, ward_code=ward, address_detail=detail, notes=self.notes(p, bool(kin_name)),
            )
            earlier = self.plan_earlier_stays(p)
            if earlier:
                created = self.admit_with_stays(resident, p, earlier)
            else:
                created = self.s.residents.admit(self.actor, resident)
            if number is not None:
                self.past_cards(p, created, number, valid_from)
            self.summary.residents += 1
            if number is None:
                self.summary.without_bhyt += 1
            elif p.discharge is None and valid_to <= self.today + timedelta(days=30):
                self.summary.bhyt_expiring += 1
            self.write(p, created)
        if self.type == FacilityType.MERIT_CARE and count:
            rounds, stays, people, again = add_rounds(self)
            self.summary.rounds, self.summary.round_stays, self.summary.round_people = rounds, stays, people
            self.summary.readmitted += again  # the same merit persons come round after round
            self.summary.earlier_stays += stays - people
        return self.summary


def generate(services, actor: Actor, residents: int, seed: int = 1, today: date | None = None) -> DemoSummary:
    """Admit ``residents`` demo residents with their records, in one transaction.

    ``today`` defaults to the services' own ``today()`` (``date.today()`` unless
    the services were built with another): pass the same day the services
    validate against, or dates may be refused as being in the future.
    """
    if residents < 0:
        raise ValueError("residents must not be negative")
    facility = services.facility.get()
    if facility is None:
        raise ActionError("Chưa khởi tạo thông tin cơ sở; hãy chạy facility-admin init trước.",
                          "The facility is not initialised yet; run facility-admin init first.")
    missing = [c for c in CODES_USED if icd10.lookup(c) is None]
    if missing:
        raise ActionError("Danh mục ICD-10 thiếu mã: " + ", ".join(missing),
                          "The ICD-10 list lacks the codes: " + ", ".join(missing))
    today = today or services.residents.today()
    gen = Generator(services, actor, facility, random.Random(seed), today)
    # the histories draw from their own stream, so the rest stays as it was for a seed
    gen.history_rng = random.Random(f"{seed}-history")
    gen.seed_text = str(seed)
    gen.stays_rng = random.Random(f"{seed}-stays")
    # CCCDs already in the store stay unique (a second run adds, never collides)
    gen.used_cccd.update(r.cccd for r in services.residents.list(actor) if r.cccd)
    with services.store.batch():
        return gen.run(residents)
