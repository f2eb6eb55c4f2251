"""Indicator definitions and reporting periods (pure domain, no store)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from care_core.domain import indicators as ind
from care_core.domain import dates, periods
from care_core.domain.entities import (BhytCard, Checkup, Condition, ConditionStatusChange, Referral,
                                       RehabSession, Resident)
from care_core.domain.enums import (
    BeneficiaryGroup,
    CheckupKind,
    ConditionStatus,
    DischargeReason,
    HealthClass,
    ReferralOutcome,
    RehabType,
    Sex,
)

G = BeneficiaryGroup


def resident(name="Nguyễn Văn An", sex=Sex.MALE, born=date(1950, 1, 1), admitted=date(2020, 1, 1),
             discharged=None, reason=None, groups=(G.ELDERLY,), **kw) -> Resident:
    if discharged and reason is None:
        reason = DischargeReason.RETURNED_HOME
    return Resident(name, sex, born, admitted, list(groups), discharge_date=discharged, discharge_reason=reason, **kw)


def checkup(r: Resident, day: date, kind=CheckupKind.PERIODIC, cls=None, **kw) -> Checkup:
    return Checkup(r.id, day, kind, classification=cls, **kw)


# --- periods -----------------------------------------------------------------

@pytest.mark.parametrize("text, start, end, title", [
    ("2026", date(2026, 1, 1), date(2026, 12, 31), "Năm 2026"),
    ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30), "Quý III năm 2026"),
    ("2026-q1", date(2026, 1, 1), date(2026, 3, 31), "Quý I năm 2026"),
    ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31), "Quý IV năm 2026"),
    ("2026-07", date(2026, 7, 1), date(2026, 7, 31), "Tháng 7 năm 2026"),
    ("2028-02", date(2028, 2, 1), date(2028, 2, 29), "Tháng 2 năm 2028"),
    ("2026-12", date(2026, 12, 1), date(2026, 12, 31), "Tháng 12 năm 2026"),
])
def test_period_parsing_and_titles(text, start, end, title):
    p = periods.parse_period(text)
    assert (p.start, p.end, p.title()) == (start, end, title)
    assert p.phrase() == title[0].lower() + title[1:]


def test_custom_period_title_and_both_date_forms():
    p = periods.custom(periods.parse_date("2026-07-01"), periods.parse_date("15/08/2026"))
    assert p.title() == "Từ ngày 01/07/2026 đến ngày 15/08/2026"
    assert p.title("en") == "From 01/07/2026 to 15/08/2026"
    assert periods.parse_date("1/7/2026") == date(2026, 7, 1)


@pytest.mark.parametrize("text, words", [
    ("2026-Q5", "không hợp lệ"), ("2026-13", "Tháng “13”"), ("năm nay", "không hợp lệ"),
    ("", "không hợp lệ"), ("1890", "1990–2100"),
])
def test_bad_period_says_what_is_accepted(text, words):
    with pytest.raises(periods.PeriodError) as err:
        periods.parse_period(text)
    assert words in err.value.message("vi")
    assert err.value.message("en")


@pytest.mark.parametrize("text", ["31/02/2026", "2026-02-30", "2026/07/01", "hôm qua"])
def test_bad_dates(text):
    with pytest.raises(periods.PeriodError):
        periods.parse_date(text)


def test_custom_range_end_before_start_is_refused():
    with pytest.raises(periods.PeriodError) as err:
        periods.custom(date(2026, 8, 1), date(2026, 7, 1))
    assert "trước ngày bắt đầu" in err.value.message("vi")


def test_as_of_stops_at_today_and_refuses_future_periods():
    today = date(2026, 11, 20)
    assert periods.parse_period("2026").as_of(today) == today
    assert periods.parse_period("2026-Q3").as_of(today) == date(2026, 9, 30)
    with pytest.raises(periods.PeriodError) as err:
        periods.parse_period("2027").as_of(today)
    assert "chưa bắt đầu" in err.value.message("vi")


@pytest.mark.parametrize("day, words", [
    (date(2027, 1, 5), "ngày 05 tháng 01 năm 2027"),
    (date(2026, 2, 9), "ngày 09 tháng 02 năm 2026"),
    (date(2026, 3, 15), "ngày 15 tháng 3 năm 2026"),
    (date(2026, 11, 20), "ngày 20 tháng 11 năm 2026"),
    (date(2026, 10, 10), "ngày 10 tháng 10 năm 2026"),
    (date(2026, 9, 1), "ngày 01 tháng 9 năm 2026"),
])
def test_document_date_leading_zero_rule(day, words):
    assert dates.document_date(day) == words
    assert dates.place_and_date("Lạng Sơn", day) == f"Lạng Sơn, {words}"


def test_twelve_months_before_handles_29_february():
    assert periods.twelve_months_before(date(2028, 2, 29)) == date(2027, 2, 28)
    assert periods.twelve_months_before(date(2026, 9, 30)) == date(2025, 9, 30)


# --- census ---------------------------------------------------------------------

Q3 = periods.parse_period("2026-Q3")


def test_admitted_and_discharged_inside_the_period():
    r = resident(admitted=date(2026, 7, 10), discharged=date(2026, 9, 1))
    f = ind.census([r], Q3.start, Q3.end).total
    assert (f.at_start, f.admitted, f.discharged, f.deceased, f.at_end, f.served) == (0, 1, 1, 0, 0, 1)


def test_edges_discharge_on_first_and_last_day():
    left_first_day = resident(discharged=Q3.start)
    left_last_day = resident(discharged=Q3.end, reason=DischargeReason.DECEASED)
    left_before = resident(discharged=Q3.start - timedelta(days=1))
    admitted_first_day = resident(admitted=Q3.start)
    c = ind.census([left_first_day, left_last_day, left_before, admitted_first_day], Q3.start, Q3.end)
    f = c.total
    assert f.at_start == 2  # the two who left on the first / last day were in care at the start
    assert f.admitted == 1 and f.discharged == 2 and f.deceased == 1
    assert f.at_end == 1  # only the one admitted on the first day; leaving on the last day is leaving
    assert f.served == 3
    assert c.discharged_by_reason == {DischargeReason.RETURNED_HOME: 1, DischargeReason.TRANSFERRED: 0,
                                      DischargeReason.DECEASED: 1}
    assert c.deaths == 1


def test_age_band_uses_age_at_discharge():
    # 80 on 1 September 2026, but discharged at 79 on 20 August
    r = resident(born=date(1946, 9, 1), discharged=date(2026, 8, 20))
    stays = resident(born=date(1946, 9, 1))
    c = ind.census([r, stays], Q3.start, Q3.end)
    assert c.by_age["60-79"].served == 1
    assert c.by_age["80+"].served == 1
    assert ind.age_band(15) == "<16" and ind.age_band(16) == "16-59" and ind.age_band(59) == "16-59"
    assert ind.age_band(60) == "60-79" and ind.age_band(79) == "60-79" and ind.age_band(80) == "80+"


def test_groups_count_a_resident_in_each_of_their_groups():
    r = resident(born=date(1970, 5, 1), groups=(G.MERIT, G.DISABILITY))
    c = ind.census([r], Q3.start, Q3.end)
    assert c.by_group[G.MERIT].served == 1 and c.by_group[G.DISABILITY].served == 1
    assert c.by_group[G.ELDERLY].served == 0 and c.total.served == 1


def test_elderly_and_children_follow_the_birth_date_at_the_period_end_not_the_flag():
    y2025 = periods.parse_period("2025")
    flagged_59 = resident(born=date(1966, 3, 1), groups=(G.ELDERLY,))  # 59 on 31/12/2025, 60 in 2026
    unflagged_61 = resident(born=date(1964, 2, 1), groups=(G.MERIT,))
    child_15 = resident(born=date(2010, 6, 1), groups=(G.SOCIAL_ASSISTANCE,))
    flagged_child_16 = resident(born=date(2009, 12, 1), groups=(G.CHILD,))
    people = [flagged_59, unflagged_61, child_15, flagged_child_16]
    c = ind.census(people, y2025.start, y2025.end)
    assert c.by_group[G.ELDERLY].served == 1  # the 61-year-old only
    assert c.by_group[G.CHILD].served == 1  # the 15-year-old only
    assert c.by_group[G.MERIT].served == 1 and c.by_group[G.SOCIAL_ASSISTANCE].served == 1
    # next year the 59-year-old has turned 60
    c2026 = ind.census(people, periods.parse_period("2026").start, periods.parse_period("2026").end)
    assert c2026.by_group[G.ELDERLY].served == 2


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dates(min_value=date(1920, 1, 1), max_value=date(2025, 12, 31)), min_size=1, max_size=30),
       st.lists(st.sampled_from(list(G)), max_size=3))
def test_elderly_row_equals_the_60_plus_age_bands_and_children_the_under_16_band(births, flags):
    y = periods.parse_period("2025")
    people = [resident(born=b, admitted=min(b, date(2024, 1, 1)), groups=tuple(flags)) for b in births]
    c = ind.census(people, y.start, y.end)
    assert c.by_group[G.ELDERLY].served == c.by_age["60-79"].served + c.by_age["80+"].served
    assert c.by_group[G.CHILD].served == c.by_age["<16"].served


def test_overdue_at_the_period_end_uses_the_due_date_or_a_year():
    end = Q3.end  # 30/09/2026
    late = resident(name="Quá Hạn")
    due_later = resident(name="Hẹn Sau")
    never = resident(name="Chưa Khám")
    yearly_ok = resident(name="Còn Hạn")
    gone = resident(name="Đã Về", discharged=date(2026, 9, 1))
    checks = [
        checkup(late, date(2026, 3, 1), next_due_date=date(2026, 6, 1)),  # due 01/06: overdue
        checkup(due_later, date(2026, 3, 1), next_due_date=date(2026, 12, 1)),
        checkup(yearly_ok, date(2025, 11, 1)),  # no due date: a year later, 01/11/2026
        checkup(gone, date(2024, 1, 1)),  # discharged before the end: not counted
    ]
    by_res = ind._by_resident(checks)
    k = ind.checkup_coverage([late, due_later, never, yearly_ok, gone], by_res, Q3.start, end)
    assert k.population == 4
    assert k.overdue == ind.Share(2, 4)  # the late one and the one never checked


def test_barthel_change_is_the_difference_of_the_printed_means():
    a, b, c = resident(), resident(), resident()
    P = RehabType.PHYSIOTHERAPY
    items = [RehabSession(a.id, date(2026, 7, 1), P, 30, barthel=57), RehabSession(a.id, date(2026, 9, 1), P, 30, barthel=64),
             RehabSession(b.id, date(2026, 7, 1), P, 30, barthel=58), RehabSession(b.id, date(2026, 9, 1), P, 30, barthel=65),
             RehabSession(c.id, date(2026, 7, 1), P, 30, barthel=58), RehabSession(c.id, date(2026, 9, 1), P, 30, barthel=64)]
    bc = ind.barthel_change(items)
    first, last = round(bc.mean_first, 1), round(bc.mean_last, 1)  # 57,7 and 64,3 (64,33...)
    assert (first, last) == (57.7, 64.3)
    assert bc.mean_change == round(last - first, 1) == 6.6  # unrounded it is 6,67: printed alone 6,7


day_in_range = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))


@st.composite
def stays(draw):
    admitted = draw(day_in_range)
    left = draw(st.one_of(st.none(), st.dates(min_value=admitted, max_value=date(2027, 12, 31))))
    return resident(admitted=admitted, discharged=left, sex=draw(st.sampled_from(list(Sex))),
                    born=draw(st.dates(min_value=date(1930, 1, 1), max_value=date(2020, 1, 1))))


@settings(max_examples=150, deadline=None)
@given(st.lists(stays(), max_size=25), day_in_range, st.integers(min_value=0, max_value=400))
def test_start_plus_admissions_minus_discharges_is_end(rs, start, length):
    end = start + timedelta(days=length)
    c = ind.census(rs, start, end)
    for f in [c.total, *c.by_sex.values(), *c.by_age.values(), *c.by_group.values()]:
        assert f.at_start + f.admitted - f.discharged == f.at_end
        assert f.served == f.at_start + f.admitted
    assert sum(f.served for f in c.by_age.values()) == c.total.served
    assert sum(f.served for f in c.by_sex.values()) == c.total.served


# --- electronic tracking ---------------------------------------------------------

def test_tracked_means_a_current_checkup_in_the_12_months_to_the_end():
    end = Q3.end  # window: 01/10/2025 .. 30/09/2026
    on_edge_out = resident()
    on_edge_in = resident()
    voided = resident()
    superseded = resident()
    no_record = resident()
    old = checkup(superseded, date(2026, 8, 1))
    cs = [
        checkup(on_edge_out, date(2025, 9, 30)),
        checkup(on_edge_in, date(2025, 10, 1), kind=CheckupKind.AD_HOC),
        checkup(voided, date(2026, 8, 1), voided=True),
        old,
        # a correction moved the date out of the window: the old version no longer counts
        checkup(superseded, date(2025, 6, 1), supersedes_id=old.id),
    ]
    rs = [on_edge_out, on_edge_in, voided, superseded, no_record]
    ix = ind.compute(Q3, end, rs, cs, [], [], [])
    assert ix.tracking.share == ind.Share(1, 5)
    assert ix.tracking.untracked == 4
    assert ix.tracking.window_first_day == date(2025, 10, 1)


def test_2025_milestone_only_when_the_data_reaches_it():
    a, b = resident(), resident(admitted=date(2026, 3, 1))
    cs = [checkup(a, date(2025, 5, 1)), checkup(b, date(2026, 3, 1))]
    q1_2025 = periods.parse_period("2025-Q1")
    assert ind.compute(q1_2025, q1_2025.end, [a], cs, [], [], []).tracking.milestone_2025 is None
    ix = ind.compute(Q3, Q3.end, [a, b], cs, [], [], [], provincial_2025=0.3, provincial_2030=0.6)
    m = ix.tracking.milestone_2025
    assert m == ind.Share(1, 1)  # b was not there in 2025
    assert m.met(ind.NATIONAL_TARGET_2025) and m.met(0.3)
    assert ix.tracking.share == ind.Share(1, 2)  # a's 2025 checkup is older than 12 months at 30/09/2026
    assert ix.tracking.share.met(1.0) is False
    assert ix.tracking.share.attainment(0.6) == pytest.approx(0.5 / 0.6)
    # a facility that started in 2026 has no 2025 figure
    assert ind.compute(Q3, Q3.end, [b], cs, [], [], []).tracking.milestone_2025 is None


def test_share_with_no_residents_is_undefined_not_zero():
    ix = ind.compute(Q3, Q3.end, [], [], [], [], [])
    assert ix.tracking.share.value is None
    assert ix.tracking.share.met(0.8) is None
    assert ix.insurance.share.value is None


# --- checkups and classification ----------------------------------------------------

def test_coverage_counts_periodic_and_admission_not_ad_hoc():
    a, b, c = resident(), resident(), resident()
    left = resident(discharged=date(2026, 8, 1))  # not in care at the end: not in the population
    cs = [checkup(a, date(2026, 8, 1)), checkup(b, date(2026, 8, 1), kind=CheckupKind.AD_HOC),
          checkup(c, date(2026, 1, 10), kind=CheckupKind.ADMISSION), checkup(left, date(2026, 7, 5))]
    cov = ind.compute(Q3, Q3.end, [a, b, c, left], cs, [], [], []).checkups
    assert cov.population == 3
    assert cov.in_period == ind.Share(1, 3)
    assert cov.in_12_months == ind.Share(2, 3)


def test_classification_is_the_latest_in_the_period():
    a, b, c = resident(), resident(), resident()
    cs = [checkup(a, date(2026, 7, 2), cls=HealthClass.II), checkup(a, date(2026, 9, 2), cls=HealthClass.IV),
          checkup(a, date(2026, 10, 2), cls=HealthClass.V),  # after the period
          checkup(b, date(2026, 8, 2)),  # no classification given
          checkup(c, date(2026, 6, 2), cls=HealthClass.I)]  # before the period
    cl = ind.compute(Q3, Q3.end, [a, b, c], cs, [], [], []).classification
    assert cl.counts[HealthClass.IV] == 1 and sum(cl.counts.values()) == 1
    assert cl.unclassified == 2 and cl.population == 3


# --- chronic conditions ------------------------------------------------------------

def test_conditions_by_category_and_chapter_with_follow_up():
    a, b, c = resident(), resident(), resident()
    gone = resident(discharged=date(2026, 1, 1))
    conds = [
        Condition(a.id, "I10", date(2019, 1, 1), ConditionStatus.CONTROLLED),
        Condition(b.id, "I10", date(2026, 8, 1), ConditionStatus.ACTIVE),
        Condition(b.id, "E11.9", date(2026, 3, 1), ConditionStatus.CONTROLLED),
        Condition(c.id, "J44", date(2020, 1, 1), ConditionStatus.RESOLVED),
        Condition(c.id, "G40", date(2026, 10, 5), ConditionStatus.ACTIVE),  # found after the period
        Condition(gone.id, "F20", None, ConditionStatus.ACTIVE),  # not served in the period
    ]
    j44 = conds[3]
    # J44: active from 2020, resolved on 15/08/2026 (inside Q3): counted, not under follow-up at the end
    changes = [ConditionStatusChange(j44.id, c.id, ConditionStatus.ACTIVE, date(2020, 1, 1)),
               ConditionStatusChange(j44.id, c.id, ConditionStatus.RESOLVED, date(2026, 8, 15))]
    ch = ind.compute(Q3, Q3.end, [a, b, c, gone], [], conds, [], [], status_changes=changes).chronic
    rows = {r.category: r for r in ch.rows}
    assert set(rows) == {"I10", "E11", "J44"}
    assert (rows["I10"].residents, rows["I10"].new_in_period, rows["I10"].under_follow_up) == (2, 1, 2)
    assert rows["I10"].chapter == "IX" and rows["I10"].name == "Bệnh tăng huyết áp vô căn (nguyên phát)"
    assert rows["E11"].chapter == "IV" and rows["E11"].name == "Đái tháo đường típ 2"
    assert rows["J44"].under_follow_up == 0
    assert [r.category for r in ch.rows] == ["E11", "I10", "J44"]  # chapter IV, IX, X
    assert ch.by_chapter == [("IV", "Bệnh nội tiết, dinh dưỡng và chuyển hóa", 1),
                             ("IX", "Bệnh hệ tuần hoàn", 2), ("X", "Bệnh hệ hô hấp", 1)]
    assert ch.residents_with_condition == 3
    assert (ch.follow_up_active, ch.follow_up_controlled, ch.under_follow_up) == (1, 1, 2)
    # Q4: J44 was resolved before the period began: not a current condition any more
    q4 = periods.parse_period("2026-Q4")
    later = ind.compute(q4, q4.end, [a, b, c, gone], [], conds, [], [], status_changes=changes).chronic
    assert "J44" not in {r.category for r in later.rows}
    # with no history kept, a resolved condition is resolved since it was found
    assert "J44" not in {r.category for r in ind.compute(Q3, Q3.end, [a, b, c, gone], [], conds, [], []).chronic.rows}


def test_a_condition_counts_with_its_status_on_the_period_end():
    r = resident()
    cond = Condition(r.id, "I10", date(2020, 1, 1), ConditionStatus.CONTROLLED)  # its status now
    changes = [ConditionStatusChange(cond.id, r.id, ConditionStatus.ACTIVE, date(2020, 1, 1)),
               ConditionStatusChange(cond.id, r.id, ConditionStatus.CONTROLLED, date(2026, 11, 2))]
    q3 = ind.compute(Q3, Q3.end, [r], [], [cond], [], [], status_changes=changes).chronic
    assert (q3.follow_up_active, q3.follow_up_controlled) == (1, 0)  # still active on 30/09/2026
    q4 = periods.parse_period("2026-Q4")
    q4c = ind.compute(q4, q4.end, [r], [], [cond], [], [], status_changes=changes).chronic
    assert (q4c.follow_up_active, q4c.follow_up_controlled) == (0, 1)


def test_insurance_reads_the_card_valid_on_the_period_end_from_the_history():
    y2025 = periods.parse_period("2025")
    r = resident(bhyt_number="DN4010123456789", bhyt_valid_from=date(2026, 1, 1), bhyt_valid_to=date(2026, 12, 31))
    old = BhytCard(r.id, "DN4010123456788", date(2025, 1, 1), date(2025, 12, 31))
    new = BhytCard(r.id, r.bhyt_number, date(2026, 1, 1), date(2026, 12, 31))
    with_history = ind.compute(y2025, y2025.end, [r], [], [], [], [], cards=[old, new]).insurance
    assert (with_history.valid, with_history.unknown) == (1, 0)
    # only the current card (no history kept): 2025 is unknown, not uninsured
    bare = ind.compute(y2025, y2025.end, [r], [], [], [], []).insurance
    assert (bare.valid, bare.unknown, bare.no_card) == (0, 1, 0)
    # a history that shows no card in 2025: none
    only_new = ind.compute(y2025, y2025.end, [r], [], [], [], [], cards=[new]).insurance
    assert only_new.no_card == 1
    # lapsed: the 2025 card ended in June and the renewal began in 2026
    lapsed = BhytCard(r.id, "DN4010123456788", date(2024, 7, 1), date(2025, 6, 30))
    assert ind.compute(y2025, y2025.end, [r], [], [], [], [], cards=[lapsed, new]).insurance.expired == 1


# --- rehabilitation, referrals, insurance --------------------------------------------

def test_rehab_hours_by_type_and_barthel_first_against_last():
    a, b, c, d = resident(), resident(), resident(), resident()
    P = RehabType.PHYSIOTHERAPY
    sessions = [
        RehabSession(a.id, date(2026, 9, 20), P, 75, barthel=65),
        RehabSession(a.id, date(2026, 7, 5), P, 45, barthel=50),  # order of input does not matter
        RehabSession(a.id, date(2026, 8, 1), RehabType.OCCUPATIONAL, 30),
        RehabSession(b.id, date(2026, 8, 1), P, 30, barthel=40),
        RehabSession(b.id, date(2026, 9, 1), P, 30, barthel=40),
        RehabSession(c.id, date(2026, 7, 15), RehabType.PSYCHOLOGICAL, 90, barthel=90),  # one score only
        RehabSession(d.id, date(2026, 8, 1), P, 30, barthel=70),
        RehabSession(d.id, date(2026, 9, 1), P, 30, barthel=60),
        RehabSession(d.id, date(2026, 6, 1), P, 30, barthel=10),  # before the period
    ]
    rh = ind.compute(Q3, Q3.end, [a, b, c, d], [], [], sessions, []).rehab
    by = {r.rehab_type: r for r in rh.by_type}
    assert (by[P].residents, by[P].sessions, by[P].minutes) == (3, 6, 240)
    assert by[RehabType.OCCUPATIONAL].hours == 0.5
    assert RehabType.SPEECH not in by
    assert (rh.residents, rh.sessions, rh.minutes) == (4, 8, 360)
    b_ = rh.barthel
    assert (b_.assessed, b_.improved, b_.unchanged, b_.worsened) == (3, 1, 1, 1)
    assert b_.mean_first == pytest.approx((50 + 40 + 70) / 3)
    assert b_.mean_last == pytest.approx((65 + 40 + 60) / 3)
    assert b_.mean_change == 1.7  # printed means 53,3 -> 55,0: the printed change is their difference


def test_referrals_in_period_by_outcome_and_still_open():
    a, b = resident(), resident()
    items = [
        Referral(a.id, date(2026, 7, 20), "BV A", "Đau ngực", outcome=ReferralOutcome.RETURNED,
                 return_date=date(2026, 7, 25)),
        Referral(a.id, date(2026, 8, 15), "BV A", "Khó thở"),
        Referral(b.id, date(2026, 5, 10), "BV B", "Gãy xương"),  # before, still open
        Referral(b.id, date(2026, 10, 1), "BV B", "Sốt"),  # after the period
    ]
    rf = ind.compute(Q3, Q3.end, [a, b], [], [], [], items).referrals
    assert (rf.count, rf.residents, rf.still_open) == (2, 1, 2)
    assert rf.by_outcome[ReferralOutcome.RETURNED] == 1 and rf.by_outcome[ReferralOutcome.PENDING] == 1


def test_insurance_valid_on_the_last_day():
    end = Q3.end
    rs = [
        resident(bhyt_number="CC1010123456789", bhyt_valid_from=date(2026, 1, 1), bhyt_valid_to=end),  # valid
        resident(bhyt_number="CC1010123456788", bhyt_valid_to=end - timedelta(days=1)),  # expired
        # the card on record begins after the day: the one before it is unknown, not "expired"
        resident(bhyt_number="CC1010123456787", bhyt_valid_from=end + timedelta(days=1),
                 bhyt_valid_to=date(2027, 12, 31)),
        resident(bhyt_number="0123456789"),  # no validity end recorded: unknown
        resident(),  # no card
        resident(bhyt_number="CC1010123456786", bhyt_valid_to=date(2027, 1, 1), discharged=date(2026, 8, 1)),
    ]
    ins = ind.compute(Q3, end, rs, [], [], [], []).insurance
    assert (ins.population, ins.valid, ins.expired, ins.unknown, ins.no_card) == (5, 1, 1, 2, 1)
    assert ins.share == ind.Share(1, 5)


def test_icd10_chapter_boundaries():
    assert ind.icd10_chapter("D48.9")[0] == "II" and ind.icd10_chapter("D50")[0] == "III"
    assert ind.icd10_chapter("H59")[0] == "VII" and ind.icd10_chapter("H60.1")[0] == "VIII"
    assert ind.icd10_chapter("T14")[0] == "XIX" and ind.icd10_chapter("U07.1")[0] == "XXII"
