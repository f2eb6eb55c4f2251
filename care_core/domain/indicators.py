"""The programme's indicators, defined once and computed from domain entities.

The periodic report (PDF), its CSV/XLSX export, the screen and the
provincial server all read one ``PeriodicIndicators`` object made here, so
they cannot disagree. Every definition is written next to its code; the
ones a reader could take two ways:

- *in care at the start* of a period: admitted before its first day and not
  discharged before it; *at the end*: admitted by its last day and not
  discharged on or before it (a resident leaves on the discharge day). So
  start + admissions - discharges = end, always.
- *served* (present at any time in the period): admitted by its last day
  and not discharged before its first day.
- a period still running is counted up to ``as_of`` (today), never beyond.
- *age* is the age on the period's last day, or on the discharge day for
  a resident who left during it. The elderly and children's groups follow
  from it (elderly from 60, Law on the Elderly 2009; children under 16, Law
  on Children 2016), never from a stored flag: a resident who is 59 at the
  period end is not counted as elderly, whatever the record says today. The
  other groups are legal statuses (merit person, disability, ...) and come
  from the record.
- *managed and tracked electronically* (the programme's definition): a served resident whose
  record holds at least one current (not voided, not superseded) checkup of
  any kind dated in the 12 months ending on ``as_of``. A record that holds
  only identity data does not count. One definition, one denominator (the
  residents served in the period); the 2025 milestone is the same definition
  applied to the year 2025 (residents served in 2025, checkups in the 12
  months ending 31/12/2025).
- *overdue at the period end*: in care at the end, and either no checkup in
  the 12 months ending on ``as_of`` (the programme asks for one a year at
  least) or the latest one's due date (its ``next_due_date``, else a year
  after it: ``rules.checkup_due``) before ``as_of``; the Today panel uses
  the same rule for today.
- *checkup coverage*: residents in care at the end with a periodic or
  admission checkup (not ad-hoc) within the period / within 12 months.
- *health classification*: the latest classified checkup in the period.
- a condition's status is the one it had on the period's last day (its
  status history, ``history.status_on``); a condition resolved before the
  period began is not counted. A referral's outcome is the one recorded now.
- *people and stays*: a person (người) keeps one record for life and may
  come several times; each coming is a stay (lượt). The census above counts
  people: a person is read, for a period, as admitted with the first of
  their stays that touch it and discharged with the last
  (``history.person_in_period``), so a re-admission in 2026 leaves the
  report of 2025 as it was. ``StayFigures`` counts stays: those touching
  the period, admitted and discharged in it (by stay), *bed-days* (ngày
  giường: days inside the period, the admission day counted, the discharge
  day not; a stay that began and ended the same day counts one) and the
  *average length of stay* of the stays that ended in the period.
- *health insurance*: the card valid on the period's last day, from the
  card history (``history.card_state_on``): a renewal recorded later never
  makes an earlier period look uninsured.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from . import history, icd10, rules
from . import rounds as round_rules
from .entities import (BhytCard, Checkup, Condition, ConditionStatusChange, NursingRound, Referral, RehabSession,
                       Resident, Stay)
from .enums import (
    BeneficiaryGroup,
    CheckupKind,
    ConditionStatus,
    DischargeReason,
    HealthClass,
    ReferralOutcome,
    RehabType,
    Sex,
    StayKind,
)
from .periods import Period, twelve_months_before

ELDERLY_FROM_AGE = 60  # người cao tuổi: Law on the Elderly 2009, art. 2
ADULT_FROM_AGE = 16  # trẻ em: under 16, Law on Children 2016, art. 1
BARTHEL_DECIMALS = 1  # Barthel means print with one decimal

NATIONAL_TARGET_2025 = 0.80  # Decision 1942/QĐ-TTg: 80 % by 2025
NATIONAL_TARGET_2030 = 1.00  # ... and 100 % by 2030
MILESTONE_2025 = date(2025, 12, 31)

# (key, lowest age, highest age or None)
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    (f"<{ADULT_FROM_AGE}", 0, ADULT_FROM_AGE - 1), (f"{ADULT_FROM_AGE}-{ELDERLY_FROM_AGE - 1}", ADULT_FROM_AGE,
                                                       ELDERLY_FROM_AGE - 1),
    (f"{ELDERLY_FROM_AGE}-79", ELDERLY_FROM_AGE, 79), ("80+", 80, None),
)

AGE_DEFINED_GROUPS = frozenset({BeneficiaryGroup.ELDERLY, BeneficiaryGroup.CHILD})


def in_group(r: Resident, group: BeneficiaryGroup, age: int) -> bool:
    """Whether ``r`` belongs to ``group`` at ``age``: the elderly and
    children by age, the legal statuses by the record."""
    if group is BeneficiaryGroup.ELDERLY:
        return age >= ELDERLY_FROM_AGE
    if group is BeneficiaryGroup.CHILD:
        return age < ADULT_FROM_AGE
    return group in r.groups

# ICD-10 chapters: (first code, last code, roman numeral, Vietnamese name)
ICD10_CHAPTERS: tuple[tuple[str, str, str, str], ...] = (
    ("A00", "B99", "I", "Bệnh nhiễm trùng và ký sinh trùng"),
    ("C00", "D48", "II", "Bướu tân sinh"),
    ("D50", "D89", "III", "Bệnh của máu, cơ quan tạo máu và rối loạn miễn dịch"),
    ("E00", "E90", "IV", "Bệnh nội tiết, dinh dưỡng và chuyển hóa"),
    ("F00", "F99", "V", "Rối loạn tâm thần và hành vi"),
    ("G00", "G99", "VI", "Bệnh của hệ thần kinh"),
    ("H00", "H59", "VII", "Bệnh mắt và phần phụ"),
    ("H60", "H95", "VIII", "Bệnh tai và xương chũm"),
    ("I00", "I99", "IX", "Bệnh hệ tuần hoàn"),
    ("J00", "J99", "X", "Bệnh hệ hô hấp"),
    ("K00", "K93", "XI", "Bệnh hệ tiêu hóa"),
    ("L00", "L99", "XII", "Bệnh da và mô dưới da"),
    ("M00", "M99", "XIII", "Bệnh hệ cơ, xương khớp và mô liên kết"),
    ("N00", "N99", "XIV", "Bệnh hệ sinh dục - tiết niệu"),
    ("O00", "O99", "XV", "Thai nghén, sinh đẻ và hậu sản"),
    ("P00", "P96", "XVI", "Một số bệnh lý xuất phát trong thời kỳ chu sinh"),
    ("Q00", "Q99", "XVII", "Dị tật bẩm sinh, biến dạng và bất thường nhiễm sắc thể"),
    ("R00", "R99", "XVIII", "Triệu chứng, dấu hiệu bất thường chưa phân loại nơi khác"),
    ("S00", "T98", "XIX", "Vết thương, ngộ độc và hậu quả của nguyên nhân bên ngoài"),
    ("V01", "Y98", "XX", "Nguyên nhân bên ngoài của bệnh tật và tử vong"),
    ("Z00", "Z99", "XXI", "Yếu tố ảnh hưởng đến sức khỏe và tiếp xúc dịch vụ y tế"),
    ("U00", "U99", "XXII", "Mã dành cho những mục đích đặc biệt"),
)
_CHAPTER_ORDER = {roman: i for i, (_, _, roman, _) in enumerate(ICD10_CHAPTERS)}


def icd10_chapter(code: str) -> tuple[str, str]:
    """(roman numeral, Vietnamese name) of the chapter holding ``code``."""
    category = (code or "")[:3].upper()
    for first, last, roman, name in ICD10_CHAPTERS:
        if first <= category <= last:
            return roman, name
    return "", "Chưa phân loại"


def icd10_category_name(category: str) -> str:
    found = icd10.catalogue().get(category) or icd10.lookup(category)
    return found.name("vi") if found else ""


def age_band(age: int) -> str:
    for key, low, high in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return key
    return AGE_BANDS[0][0]  # negative ages cannot pass validation


# --- result shapes -----------------------------------------------------

@dataclass(frozen=True)
class Share:
    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    def met(self, target: float | None) -> bool | None:
        if target is None or self.value is None:
            return None
        return self.value + 1e-12 >= target

    def attainment(self, target: float | None) -> float | None:
        """How far along the target: share / target (1.0 = reached)."""
        if not target or self.value is None:
            return None
        return self.value / target


@dataclass(frozen=True)
class Flow:
    """One slice of residents through the period."""

    at_start: int = 0
    admitted: int = 0
    discharged: int = 0
    deceased: int = 0
    at_end: int = 0
    served: int = 0


@dataclass
class Census:
    total: Flow
    discharged_by_reason: dict[DischargeReason, int]
    by_group: dict[BeneficiaryGroup, Flow]
    by_sex: dict[Sex, Flow]
    by_age: dict[str, Flow]

    @property
    def deaths(self) -> int:
        return self.total.deceased


@dataclass
class Tracking:
    """Share of residents managed and tracked with an electronic record."""

    share: Share
    window_first_day: date  # the 12-month window: window_first_day .. as_of
    provincial_2025: float | None
    provincial_2030: float | None
    milestone_2025: Share | None  # at 31/12/2025, when the data reaches it
    national_2025: float = NATIONAL_TARGET_2025
    national_2030: float = NATIONAL_TARGET_2030

    @property
    def untracked(self) -> int:
        return self.share.denominator - self.share.numerator


@dataclass(frozen=True)
class CheckupCoverage:
    population: int  # in care at the end of the period
    in_period: Share
    in_12_months: Share
    overdue: Share = Share(0, 0)  # overdue for their checkup at the end (see the module's definition)


@dataclass
class Classification:
    counts: dict[HealthClass, int]
    unclassified: int
    population: int  # served


@dataclass(frozen=True)
class ConditionRow:
    chapter: str
    chapter_name: str
    category: str
    name: str
    residents: int  # distinct residents with a condition of this category
    new_in_period: int  # ... whose onset falls in the period
    under_follow_up: int  # ... still active or controlled


@dataclass
class Chronic:
    rows: list[ConditionRow]
    residents_with_condition: int
    follow_up_active: int  # residents with at least one active condition
    follow_up_controlled: int  # residents whose conditions are all controlled or resolved, one controlled

    by_chapter: list[tuple[str, str, int]]  # (chapter, name, residents with a condition in it)

    @property
    def under_follow_up(self) -> int:
        return self.follow_up_active + self.follow_up_controlled


@dataclass(frozen=True)
class RehabTypeRow:
    rehab_type: RehabType
    residents: int
    sessions: int
    minutes: int

    @property
    def hours(self) -> float:
        return self.minutes / 60


@dataclass(frozen=True)
class BarthelChange:
    """First against last Barthel score per resident (two scores at least)."""

    assessed: int
    mean_first: float | None
    mean_last: float | None
    improved: int
    unchanged: int
    worsened: int

    @property
    def mean_change(self) -> float | None:
        """The change of the means as printed: the means are printed rounded
        once (``BARTHEL_DECIMALS``), and the change is their difference, so
        57,8 -> 64,6 reads +6,8, never a separately rounded +6,9."""
        if self.mean_first is None or self.mean_last is None:
            return None
        return round(round(self.mean_last, BARTHEL_DECIMALS) - round(self.mean_first, BARTHEL_DECIMALS),
                     BARTHEL_DECIMALS)


@dataclass
class Rehab:
    residents: int
    sessions: int
    minutes: int
    by_type: list[RehabTypeRow]
    barthel: BarthelChange

    @property
    def hours(self) -> float:
        return self.minutes / 60


@dataclass
class Referrals:
    count: int
    residents: int
    by_outcome: dict[ReferralOutcome, int]
    still_open: int  # pending now, referred on or before as_of (any date)


@dataclass(frozen=True)
class Insurance:
    """Health-insurance cards on the period's last day, from each resident's
    card history. *unknown*: the card known then has no end date, or no
    history was kept yet and the current card begins after the day."""

    population: int  # in care at the end
    valid: int
    expired: int  # the card known on the day ended before it
    unknown: int
    no_card: int

    @property
    def share(self) -> Share:
        return Share(self.valid, self.population)


@dataclass(frozen=True)
class StayFigures:
    """People and stays (người, lượt) of the period; see the module's definitions."""

    people: int  # persons with a stay touching the period
    stays: int  # stays touching the period
    admitted: int  # stays that began in it
    discharged: int  # stays that ended in it
    bed_days: int
    average_length: float | None  # days, of the stays that ended in it; None when none did
    ended_days: int  # the length of those stays, summed (average_length's numerator)
    by_kind: dict[StayKind, int]  # stays touching the period, by kind


@dataclass(frozen=True)
class RoundFigures:
    """A merit-care centre's nursing rounds of the period against the year's quota."""

    rounds: int  # rounds that began in the period
    stays: int  # their stays (lượt)
    people: int
    year: int  # the year of the period's end, whose quota is compared
    quota: int | None
    used: int  # stays of that year's rounds begun up to the period's end

    @property
    def share(self) -> Share | None:
        return Share(self.used, self.quota) if self.quota else None


@dataclass
class PeriodicIndicators:
    period: Period
    as_of: date
    census: Census
    tracking: Tracking
    checkups: CheckupCoverage
    classification: Classification
    chronic: Chronic
    rehab: Rehab
    referrals: Referrals
    insurance: Insurance
    stays: StayFigures | None = None
    rounds: RoundFigures | None = None  # only where rounds are kept

    @property
    def partial(self) -> bool:
        """The period is still running: figures go up to as_of only."""
        return self.as_of < self.period.end


# --- residents through the period ---------------------------------------

def in_care_at_start(r: Resident, start: date) -> bool:
    return r.admission_date < start and (r.discharge_date is None or r.discharge_date >= start)


def in_care_at_end(r: Resident, end: date) -> bool:
    return r.admission_date <= end and (r.discharge_date is None or r.discharge_date > end)


def served(r: Resident, start: date, end: date) -> bool:
    return r.admission_date <= end and (r.discharge_date is None or r.discharge_date >= start)


def _discharged_in(r: Resident, start: date, end: date) -> bool:
    return r.discharge_date is not None and start <= r.discharge_date <= end


def age_at_report(r: Resident, end: date) -> int:
    """Age on the period's last day, or on the discharge day if earlier."""
    day = min(end, r.discharge_date) if r.discharge_date else end
    return r.age_on(day)


def flow(residents: Iterable[Resident], start: date, end: date) -> Flow:
    s = a = d = dead = e = srv = 0
    for r in residents:
        s += in_care_at_start(r, start)
        a += start <= r.admission_date <= end
        if _discharged_in(r, start, end):
            d += 1
            dead += r.discharge_reason == DischargeReason.DECEASED
        e += in_care_at_end(r, end)
        srv += served(r, start, end)
    return Flow(s, a, d, dead, e, srv)


def census(residents: list[Resident], start: date, end: date) -> Census:
    touched = [r for r in residents if served(r, start, end)]
    by_reason = {reason: 0 for reason in DischargeReason}
    for r in touched:
        if _discharged_in(r, start, end):
            by_reason[r.discharge_reason] += 1
    age = {r.id: age_at_report(r, end) for r in touched}
    by_group = {g: flow([r for r in touched if in_group(r, g, age[r.id])], start, end) for g in BeneficiaryGroup}
    by_sex = {s: flow([r for r in touched if r.sex == s], start, end) for s in Sex}
    by_age = {key: flow([r for r in touched if age_band(age[r.id]) == key], start, end)
              for key, _, _ in AGE_BANDS}
    return Census(flow(touched, start, end), by_reason, by_group, by_sex, by_age)


# --- electronic tracking, checkups, classification -------------------------

def _by_resident(items: Iterable, attr: str = "resident_id") -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for item in items:
        out[getattr(item, attr)].append(item)
    return out


def _current(checkups: Iterable[Checkup]) -> list[Checkup]:
    """Drop voids and versions a later record superseded (storage already
    returns only current ones; this keeps the definition self-contained)."""
    items = list(checkups)
    replaced = {c.supersedes_id for c in items if c.supersedes_id}
    return [c for c in items if not c.voided and c.id not in replaced]


def tracked_share(residents: list[Resident], checkups_by_resident: dict[str, list[Checkup]],
                  start: date, end: date) -> Share:
    first_day_excluded = twelve_months_before(end)
    population = [r for r in residents if served(r, start, end)]
    tracked = sum(
        any(first_day_excluded < c.checkup_date <= end for c in checkups_by_resident.get(r.id, ()))
        for r in population)
    return Share(tracked, len(population))


def tracking(residents: list[Resident], checkups_by_resident: dict[str, list[Checkup]],
             start: date, end: date, provincial_2025: float | None,
             provincial_2030: float | None) -> Tracking:
    share = tracked_share(residents, checkups_by_resident, start, end)
    milestone = None
    if end >= MILESTONE_2025:
        m = tracked_share(residents, checkups_by_resident, date(2025, 1, 1), MILESTONE_2025)
        milestone = m if m.denominator else None
    first_day = twelve_months_before(end).toordinal() + 1
    return Tracking(share, date.fromordinal(first_day), provincial_2025, provincial_2030, milestone)


_SCHEDULED = (CheckupKind.PERIODIC, CheckupKind.ADMISSION)


def checkup_coverage(residents: list[Resident], checkups_by_resident: dict[str, list[Checkup]],
                     start: date, end: date) -> CheckupCoverage:
    population = [r for r in residents if in_care_at_end(r, end)]
    year_ago = twelve_months_before(end)
    in_period = in_year = overdue = 0
    for r in population:
        mine = [c for c in checkups_by_resident.get(r.id, ()) if c.checkup_date <= end]
        scheduled = [c for c in mine if c.kind in _SCHEDULED]
        in_period += any(start <= c.checkup_date <= end for c in scheduled)
        in_year += any(year_ago < c.checkup_date <= end for c in scheduled)
        recent = [c for c in mine if c.checkup_date > year_ago]
        if not recent:
            overdue += 1
        else:
            latest = max(recent, key=lambda c: c.checkup_date)
            overdue += rules.checkup_due(latest.checkup_date, latest.next_due_date) < end
    n = len(population)
    return CheckupCoverage(n, Share(in_period, n), Share(in_year, n), Share(overdue, n))


def classification(residents: list[Resident], checkups_by_resident: dict[str, list[Checkup]],
                   start: date, end: date) -> Classification:
    counts = {h: 0 for h in HealthClass}
    population = [r for r in residents if served(r, start, end)]
    unclassified = 0
    for r in population:
        graded = [c for c in checkups_by_resident.get(r.id, ())
                  if c.classification is not None and start <= c.checkup_date <= end]
        if not graded:
            unclassified += 1
            continue
        latest = max(graded, key=lambda c: c.checkup_date)  # max keeps the first of equal dates
        counts[latest.classification] += 1
    return Classification(counts, unclassified, len(population))


# --- chronic conditions ------------------------------------------------------

_FOLLOWED = (ConditionStatus.ACTIVE, ConditionStatus.CONTROLLED)


def chronic(residents: list[Resident], conditions: list[Condition], start: date, end: date,
            status_changes: Iterable[ConditionStatusChange] = ()) -> Chronic:
    """Conditions known by the period's end of residents served in it and not
    resolved before it began, by ICD-10 3-character category, grouped under
    their chapter; each with its status on the period's last day."""
    population = {r.id for r in residents if served(r, start, end)}
    changes = _by_resident(status_changes, "condition_id")
    day_before = date.fromordinal(start.toordinal() - 1)
    status_at_end: dict[str, ConditionStatus] = {}
    known = []
    for c in conditions:
        if c.resident_id not in population or (c.onset_date is not None and c.onset_date > end):
            continue
        timeline = history.status_history(c, changes.get(c.id, ()))
        if history.status_on(timeline, day_before) == ConditionStatus.RESOLVED:
            continue
        status_at_end[c.id] = history.status_on(timeline, end) or ConditionStatus(timeline[0].status)
        known.append(c)
    cat_ids: dict[str, set[str]] = defaultdict(set)
    cat_new: dict[str, set[str]] = defaultdict(set)
    cat_follow: dict[str, set[str]] = defaultdict(set)
    chapter_ids: dict[tuple[str, str], set[str]] = defaultdict(set)
    statuses: dict[str, set[ConditionStatus]] = defaultdict(set)
    for c in known:
        cat = icd10.normalise_code(c.icd10)[:3]
        cat_ids[cat].add(c.resident_id)
        if c.onset_date is not None and start <= c.onset_date <= end:
            cat_new[cat].add(c.resident_id)
        if status_at_end[c.id] in _FOLLOWED:
            cat_follow[cat].add(c.resident_id)
        chapter_ids[icd10_chapter(cat)].add(c.resident_id)
        statuses[c.resident_id].add(status_at_end[c.id])
    rows = []
    for cat, ids in cat_ids.items():
        roman, chapter_name = icd10_chapter(cat)
        rows.append(ConditionRow(roman, chapter_name, cat, icd10_category_name(cat), len(ids),
                                 len(cat_new[cat]), len(cat_follow[cat])))
    rows.sort(key=lambda row: (_CHAPTER_ORDER.get(row.chapter, 99), row.category))
    active = sum(ConditionStatus.ACTIVE in s for s in statuses.values())
    controlled = sum(ConditionStatus.ACTIVE not in s and ConditionStatus.CONTROLLED in s
                     for s in statuses.values())
    by_chapter = sorted(((c, n, len(ids)) for (c, n), ids in chapter_ids.items()),
                        key=lambda item: _CHAPTER_ORDER.get(item[0], 99))
    return Chronic(rows, len(statuses), active, controlled, by_chapter)


# --- rehabilitation, referrals, insurance ------------------------------------

def barthel_change(sessions: Iterable[RehabSession]) -> BarthelChange:
    scored = _by_resident(s for s in sessions if s.barthel is not None)
    firsts, lasts = [], []
    improved = unchanged = worsened = 0
    for items in scored.values():
        if len(items) < 2:
            continue
        items = sorted(items, key=lambda s: s.session_date)  # stable: same-day order kept
        first, last = items[0].barthel, items[-1].barthel
        firsts.append(first)
        lasts.append(last)
        improved += last > first
        unchanged += last == first
        worsened += last < first
    n = len(firsts)
    return BarthelChange(n, sum(firsts) / n if n else None, sum(lasts) / n if n else None,
                         improved, unchanged, worsened)


def rehab(sessions: Iterable[RehabSession]) -> Rehab:
    """Sessions (already limited to the period and to current records)."""
    items = [s for s in sessions if not s.voided]
    by_type = []
    for t in RehabType:
        of_type = [s for s in items if s.rehab_type == t]
        if of_type:
            by_type.append(RehabTypeRow(t, len({s.resident_id for s in of_type}), len(of_type),
                                        sum(s.minutes for s in of_type)))
    return Rehab(len({s.resident_id for s in items}), len(items), sum(s.minutes for s in items),
                 by_type, barthel_change(items))


def referrals(residents: list[Resident], items: list[Referral], start: date, end: date) -> Referrals:
    population = {r.id for r in residents if served(r, start, end)}
    mine = [x for x in items if x.resident_id in population]
    in_period = [x for x in mine if start <= x.referral_date <= end]
    by_outcome = {o: 0 for o in ReferralOutcome}
    for x in in_period:
        by_outcome[ReferralOutcome(x.outcome)] += 1
    still_open = sum(x.is_open and x.referral_date <= end for x in mine)
    return Referrals(len(in_period), len({x.resident_id for x in in_period}), by_outcome, still_open)


def insurance(residents: list[Resident], end: date, cards: Iterable[BhytCard] = ()) -> Insurance:
    counts = {state: 0 for state in history.CardState}
    population = [r for r in residents if in_care_at_end(r, end)]
    by_res = _by_resident(cards)
    for r in population:
        kept = by_res.get(r.id, ())
        counts[history.card_state_on(history.cards_of(r, kept), end, kept=bool(kept))] += 1
    S = history.CardState
    return Insurance(len(population), counts[S.VALID], counts[S.EXPIRED], counts[S.UNKNOWN], counts[S.NONE])


# --- people and stays ----------------------------------------------------------

def _touches(s: Stay, start: date, end: date) -> bool:
    return s.admitted_on <= end and (s.discharged_on is None or s.discharged_on >= start)


def bed_days(s: Stay, start: date, end: date) -> int:
    """Days of ``s`` inside ``start..end``: the admission day counted, the
    discharge day not; a same-day stay holds one day."""
    if not _touches(s, start, end):
        return 0
    if s.discharged_on is None:
        last = end
    elif s.discharged_on == s.admitted_on:
        last = s.admitted_on
    else:
        last = min(end, date.fromordinal(s.discharged_on.toordinal() - 1))
    first = max(start, s.admitted_on)
    return max(0, (last - first).days + 1)


def stay_figures(stays: Iterable[Stay], start: date, end: date) -> StayFigures:
    touching = [s for s in stays if _touches(s, start, end)]
    ended = [s for s in touching if s.discharged_on is not None and start <= s.discharged_on <= end]
    by_kind = {k: 0 for k in StayKind}
    for s in touching:
        by_kind[StayKind(s.kind)] += 1
    lengths = [max(1, (s.discharged_on - s.admitted_on).days) for s in ended]
    return StayFigures(
        people=len({s.resident_id for s in touching}),
        stays=len(touching),
        admitted=sum(start <= s.admitted_on <= end for s in touching),
        discharged=len(ended),
        bed_days=sum(bed_days(s, start, end) for s in touching),
        average_length=sum(lengths) / len(lengths) if lengths else None,
        ended_days=sum(lengths),
        by_kind=by_kind,
    )


# --- everything for one period ----------------------------------------------

def compute(period: Period, as_of: date, residents: list[Resident], checkups: Iterable[Checkup],
            conditions: list[Condition], rehab_sessions: Iterable[RehabSession],
            referral_items: list[Referral], provincial_2025: float | None = None,
            provincial_2030: float | None = None, cards: Iterable[BhytCard] = (),
            status_changes: Iterable[ConditionStatusChange] = (), stays: Iterable[Stay] = (),
            stay_kind: StayKind = StayKind.LONG_TERM,
            nursing_rounds: Iterable[NursingRound] = ()) -> PeriodicIndicators:
    """All indicators of ``period`` counted up to ``as_of`` (<= period.end).

    ``stays``: the kept stays of every resident; a resident with none reads
    as one stay of ``stay_kind`` (``history.stays_of``).

    ``checkups`` must hold every current checkup from 12 months before
    ``min(as_of, 31/12/2025)`` up to ``as_of``; more is harmless.
    """
    start, end = period.start, as_of
    kept = _by_resident(stays)
    every_stay = {r.id: history.stays_of(r, kept.get(r.id, ()), stay_kind) for r in residents}
    residents = [history.person_in_period(r, every_stay[r.id], start, end) for r in residents]
    by_res = _by_resident(c for c in _current(checkups) if c.checkup_date <= end)
    in_period_rehab = [s for s in rehab_sessions if start <= s.session_date <= end]
    return PeriodicIndicators(
        period=period,
        as_of=as_of,
        census=census(residents, start, end),
        tracking=tracking(residents, by_res, start, end, provincial_2025, provincial_2030),
        checkups=checkup_coverage(residents, by_res, start, end),
        classification=classification(residents, by_res, start, end),
        chronic=chronic(residents, conditions, start, end, status_changes),
        rehab=rehab(in_period_rehab),
        referrals=referrals(residents, referral_items, start, end),
        insurance=insurance(residents, end, cards),
        stays=stay_figures((s for mine in every_stay.values() for s in mine), start, end),
        rounds=round_figures(nursing_rounds, (s for mine in kept.values() for s in mine), start, end),
    )


def round_figures(kept_rounds: Iterable[NursingRound], stays: Iterable[Stay], start: date,
                  end: date) -> RoundFigures | None:
    """Rounds begun in ``start..end``, their stays, and the year's quota used
    so far by the stays of that year's rounds; None where no round is kept."""
    kept_rounds = list(kept_rounds)
    if not kept_rounds:
        return None
    by_round = _by_round(stays)
    in_period = [r for r in kept_rounds if start <= r.starts_on <= end]
    of_year = [r for r in kept_rounds if r.year == end.year and r.starts_on <= end]
    period_stays = [s for r in in_period for s in by_round.get(r.id, ())]
    return RoundFigures(rounds=len(in_period), stays=len(period_stays),
                        people=len({s.resident_id for s in period_stays}), year=end.year,
                        quota=round_rules.year_quota(kept_rounds, end.year),
                        used=sum(len(by_round.get(r.id, ())) for r in of_year))


def _by_round(stays: Iterable[Stay]) -> dict[str, list[Stay]]:
    out: dict[str, list[Stay]] = {}
    for s in stays:
        if s.round_id:
            out.setdefault(s.round_id, []).append(s)
    return out


def checkups_needed_from(period: Period, as_of: date) -> date:
    """The first day of checkups ``compute`` looks at (for the query)."""
    first = min(period.start, twelve_months_before(as_of))
    if as_of >= MILESTONE_2025:
        first = min(first, twelve_months_before(MILESTONE_2025))
    return first
