"""What needs a nurse today: the due list behind the Today panel.

Present residents only. Five kinds of item, each pointing at one resident:

- ``checkup_due``: the latest current checkup's next-due date is today or
  past, or the resident has no checkup at all;
- ``abnormal_vitals``: a current checkup in the last 7 days crosses an
  alert limit of ``domain.alerts`` for the resident's age that day;
- ``bhyt``: the health-insurance card expired or expires within 30 days;
- ``referral``: a referral still open (resident at the higher-level hospital);
- ``elderly_no_checkup``: aged 80 or more and no checkup this calendar year.

Built from a handful of aggregate queries (not one query per resident) so a
facility of 10,000 residents gets its list in well under a second; the GUI
still calls it off its own thread.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from care_core import fields
from care_core.domain.alerts import vital_alerts
from care_core.domain.dates import dmy
from care_core.domain.entities import Actor, VitalSigns
from care_core.domain.norms import age_in_months
from care_core.domain import rounds, rules
from care_core.domain.permissions import Permission
from ..storage import repositories as repo
from .base import Service

# most urgent first: that is the order of the Today panel's groups
KINDS = ("abnormal_vitals", "referral", "checkup_due", "elderly_no_checkup", "bhyt")
ABNORMAL_WINDOW_DAYS = 7
BHYT_WARNING_DAYS = 30
PRIORITY_AGE = 80
_VITAL_COLUMNS = tuple(f.name for f in fields.VITALS)



@dataclass(frozen=True)
class TodayItem:
    kind: str
    resident_id: str
    code: str
    full_name: str
    room: str
    when: date | None  # the date that makes it due (due date, checkup, expiry, referral)
    detail_vi: str
    detail_en: str
    urgency: int = 0  # higher first: days overdue, or 1000 for an abnormal value today
    days: int | None = None  # the number of days the detail counts (late, left, at the hospital)
    place: str = ""  # the hospital of a referral

    def detail(self, lang: str = "vi") -> str:
        return self.detail_vi if lang == "vi" else self.detail_en


@dataclass(frozen=True)
class RoundToday:
    """The nursing round under way: who is in and who still lacks an intake checkup."""

    number: int
    year: int
    starts_on: date
    ends_on: date
    people: int
    present: int
    not_examined: int


@dataclass
class TodayList:
    day: date
    items: list[TodayItem] = field(default_factory=list)
    round: RoundToday | None = None

    def of_kind(self, kind: str) -> list[TodayItem]:
        return [i for i in self.items if i.kind == kind]

    def counts(self) -> dict[str, int]:
        return {k: len(self.of_kind(k)) for k in KINDS}

    def residents(self) -> set[str]:
        return {i.resident_id for i in self.items}


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def _age(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


class TodayService(Service):
    def due_list(self, actor: Actor, day: date | None = None) -> TodayList:
        self.require(actor, Permission.READ_RECORDS)
        day = day or self.today()
        out = TodayList(day)
        with self.store.read() as conn:
            people = {r.id: r for r in repo.residents_present(conn, day)}
            latest = repo.latest_checkups(conn, day)
            recent = repo.checkup_vitals_between(conn, day - timedelta(days=ABNORMAL_WINDOW_DAYS), day,
                                                 _VITAL_COLUMNS)
            open_refs = repo.open_referrals(conn)
            under_way = rounds.current_round(repo.nursing_rounds_of(conn, day.year), day)
            in_round = repo.stays_of_round(conn, under_way.id) if under_way else []
        if under_way is not None:
            present = [s for s in in_round if s.discharged_on is None or s.discharged_on > day]
            examined = sum(1 for s in present if (latest.get(s.resident_id) or (date.min,))[0] >= s.admitted_on)
            out.round = RoundToday(under_way.number, under_way.year, under_way.starts_on, under_way.ends_on,
                                   len(in_round), len(present), len(present) - examined)

        def item(kind, rid, when, vi, en, urgency=0, days=None, place=""):
            p = people[rid]
            out.items.append(TodayItem(kind, rid, p.code, p.full_name, p.room or "", when, vi, en, urgency,
                                       days, place))

        for rid, p in people.items():
            last = latest.get(rid)
            if last is None:
                item("checkup_due", rid, None, "Chưa có lần khám nào", "No checkup recorded yet", 10_000)
            else:
                last_date, next_due = last
                due = rules.checkup_due(last_date, next_due)
                if due <= day:
                    late = (day - due).days
                    if late == 0:
                        vi, en = "Đến hạn khám hôm nay", "Checkup due today"
                    else:
                        vi, en = (f"Quá hạn khám {late} ngày (hạn {dmy(due)})",
                                  f"Checkup {_days(late)} overdue (due {dmy(due)})")
                    item("checkup_due", rid, due, vi, en, late, late or None)
            if p.bhyt_valid_to is not None and p.bhyt_valid_to <= day + timedelta(days=BHYT_WARNING_DAYS):
                left = (p.bhyt_valid_to - day).days
                if left < 0:
                    vi, en = (f"Thẻ BHYT hết hạn từ {dmy(p.bhyt_valid_to)}",
                              f"Insurance card expired on {dmy(p.bhyt_valid_to)}")
                else:
                    vi, en = (f"Thẻ BHYT hết hạn ngày {dmy(p.bhyt_valid_to)} (còn {left} ngày)",
                              f"Insurance card expires on {dmy(p.bhyt_valid_to)} ({_days(left)} left)")
                item("bhyt", rid, p.bhyt_valid_to, vi, en, -left, left if left >= 0 else None)
            if p.birth_date and _age(p.birth_date, day) >= PRIORITY_AGE:
                if last is None or last[0] < date(day.year, 1, 1):
                    age = _age(p.birth_date, day)
                    item("elderly_no_checkup", rid, last[0] if last else None,
                         f"{age} tuổi, chưa khám trong năm {day.year}",
                         f"Aged {age}, no checkup in {day.year}", age)

        seen: set[str] = set()
        for row in recent:  # newest first: one line per resident, from the latest abnormal checkup
            if row.resident_id not in people or row.resident_id in seen:
                continue
            alerts = vital_alerts(VitalSigns(**{c: getattr(row, c) for c in _VITAL_COLUMNS}),
                                  age_in_months(people[row.resident_id].birth_date, row.checkup_date))
            if alerts:
                seen.add(row.resident_id)
                when = f" ({dmy(row.checkup_date)})"
                item("abnormal_vitals", row.resident_id, row.checkup_date,
                     "; ".join(a.message("vi") for a in alerts) + when,
                     "; ".join(a.message("en") for a in alerts) + when,
                     1000 - (day - row.checkup_date).days)
        for row in open_refs:
            if row.resident_id in people:
                days = (day - row.referral_date).days
                item("referral", row.resident_id, row.referral_date,
                     f"Chuyển tuyến {row.hospital} từ {dmy(row.referral_date)} ({days} ngày)",
                     f"Referred to {row.hospital} since {dmy(row.referral_date)} ({_days(days)})", days,
                     days, row.hospital)
        out.items.sort(key=lambda i: (KINDS.index(i.kind), -i.urgency, i.full_name))
        return out


def for_services(services) -> TodayService:
    """The Today service over the same store and clock as ``services``
    (the container predates it; this keeps one construction place)."""
    existing = getattr(services, "today_list", None)
    if isinstance(existing, TodayService):
        return existing
    return TodayService(services.store, services.residents.today)
