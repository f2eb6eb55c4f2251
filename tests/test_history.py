"""The past stays true: a report of a past period reads what was true then.

Cards, a condition's status and rooms are kept as histories with dates.
Events dated after a period never change its report; a correction of a fact
inside it changes exactly the figures it should.
"""
from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from care_core.domain import history
from care_core.domain import indicators as ind
from care_core.domain import periods
from care_core.domain.entities import BhytCard, Checkup, Condition, ConditionStatusChange, Resident
from care_core.domain.enums import BeneficiaryGroup as G
from care_core.domain.enums import CheckupKind, ConditionStatus, DischargeReason, Sex
from facility_app.reports import tables
from care_core.domain.messages import ValidationError
from tests.conftest import DIRECTOR, DOCTOR, NURSE, make_services

Y2025 = periods.parse_period("2025")
AFTER = date(2026, 1, 1)


def _figures(ix: ind.PeriodicIndicators) -> list:
    """Every printed cell of the report's tables (what a director signs)."""
    return [(t.key, t.as_text()) for t in tables.all_tables(ix)]


# --- the domain: any history, any later events -------------------------------------

later_day = st.dates(min_value=AFTER, max_value=date(2026, 11, 20))
any_day = st.dates(min_value=date(2015, 1, 1), max_value=date(2026, 11, 20))
status = st.sampled_from(list(ConditionStatus))


@st.composite
def a_store(draw):
    people, cards, conditions, changes, checkups = [], [], [], [], []
    for i in range(draw(st.integers(1, 6))):
        born = draw(st.dates(min_value=date(1930, 1, 1), max_value=date(2012, 12, 31)))
        admitted = draw(st.dates(min_value=max(born, date(2015, 1, 1)), max_value=date(2025, 12, 31)))
        r = Resident(f"Người {i}", Sex.MALE, born, admitted, [G.SOCIAL_ASSISTANCE])
        people.append(r)
        start = draw(st.dates(min_value=date(2020, 1, 1), max_value=date(2025, 12, 31)))
        if draw(st.booleans()):
            cards.append(BhytCard(r.id, f"DN40101234567{i:02d}", start, start + timedelta(days=draw(st.integers(30, 800)))))
        for _ in range(draw(st.integers(0, 2))):
            c = Condition(r.id, "I10", draw(st.dates(min_value=admitted, max_value=date(2025, 12, 31))), draw(status))
            conditions.append(c)
            changes.append(ConditionStatusChange(c.id, r.id, ConditionStatus.ACTIVE, c.onset_date))
            if draw(st.booleans()):
                changes.append(ConditionStatusChange(c.id, r.id, draw(status),
                                                     draw(st.dates(min_value=c.onset_date, max_value=date(2025, 12, 31)))))
        if draw(st.booleans()):
            checkups.append(Checkup(r.id, draw(st.dates(min_value=admitted, max_value=date(2025, 12, 31))),
                                    CheckupKind.PERIODIC))
    return people, cards, conditions, changes, checkups


@st.composite
def later_events(draw, store):
    """Renewals, status changes, discharges and checkups, all dated after 2025."""
    people, cards, conditions, changes, checkups = store
    cards, changes, checkups = list(cards), list(changes), list(checkups)
    people = list(people)
    for i, r in enumerate(people):
        if draw(st.booleans()):
            start = draw(later_day)
            cards.append(BhytCard(r.id, f"DN40109876543{i:02d}", start, start + timedelta(days=365)))
        if draw(st.booleans()):
            people[i] = dataclasses.replace(r, discharge_date=draw(later_day), discharge_reason=DischargeReason.DECEASED)
        if draw(st.booleans()):
            checkups.append(Checkup(r.id, draw(later_day), CheckupKind.PERIODIC))
    conditions = list(conditions)
    for i, c in enumerate(conditions):
        if draw(st.booleans()):
            new = draw(status)
            changes.append(ConditionStatusChange(c.id, c.resident_id, new, draw(later_day)))
            conditions[i] = dataclasses.replace(c, status=new)  # the record mirrors its latest status
    return people, cards, conditions, changes, checkups


def _report(store, period=Y2025, as_of=None):
    people, cards, conditions, changes, checkups = store
    return ind.compute(period, as_of or period.end, people, checkups, conditions, [], [],
                       cards=cards, status_changes=changes)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_events_dated_after_a_period_never_change_its_report(data):
    store = data.draw(a_store())
    before = _figures(_report(store))
    after = _figures(_report(data.draw(later_events(store))))
    assert after == before


@settings(max_examples=40, deadline=None)
@given(a_store())
def test_a_card_recorded_for_the_period_end_turns_exactly_one_resident_insured(store):
    people, cards, conditions, changes, checkups = store
    base = _report(store).insurance
    present = [r for r in people if ind.in_care_at_end(r, Y2025.end)]
    uninsured = [r for r in present if history.card_state_on(
        history.cards_of(r, [c for c in cards if c.resident_id == r.id]), Y2025.end) != history.CardState.VALID]
    if not uninsured:
        return
    r = uninsured[0]
    fixed = (people, cards + [BhytCard(r.id, "DN4010555555555", date(2025, 1, 1), date(2025, 12, 31))],
             conditions, changes, checkups)
    corrected = _report(fixed).insurance
    assert corrected.valid == base.valid + 1
    assert corrected.population == base.population
    assert corrected.valid + corrected.expired + corrected.unknown + corrected.no_card == corrected.population


# --- a real store: the services keep the histories ----------------------------------

def test_a_store_report_of_2025_stays_the_same_after_2026_renewals_status_changes_and_discharges(tmp_path):
    services = make_services(tmp_path / "data")
    r = services.residents.admit(NURSE, Resident(
        "Lò Văn Pọm", Sex.MALE, date(1966, 3, 1), date(2020, 1, 1), [G.MERIT],
        bhyt_number="CC1010123456789", bhyt_valid_from=date(2025, 1, 1), bhyt_valid_to=date(2025, 12, 31)))
    s = services.residents.admit(NURSE, Resident("Hà Thị Xuân", Sex.FEMALE, date(1950, 5, 5), date(2021, 2, 1),
                                                 [G.SOCIAL_ASSISTANCE]))
    cond = services.clinical.add_condition(DOCTOR, Condition(r.id, "I10", date(2021, 1, 1)))
    reports = services.reports

    def report_2025():
        return _figures(reports.periodic(DIRECTOR, Y2025, output="csv").indicators)

    before = report_2025()
    ins = reports.periodic(DIRECTOR, Y2025, output="csv").indicators.insurance
    assert (ins.valid, ins.no_card) == (1, 1)
    # 2026: the card is renewed, the condition is controlled, the other resident dies
    r = services.residents.get(NURSE, r.id)
    services.residents.update(NURSE, r.id, {"bhyt_number": "CC1010123456790", "bhyt_valid_from": date(2026, 1, 1),
                                            "bhyt_valid_to": date(2026, 12, 31)}, r.version)
    services.clinical.update_condition(DOCTOR, cond.id, {"status": ConditionStatus.CONTROLLED,
                                                          "status_changed_on": date(2026, 6, 1)}, cond.version)
    s = services.residents.get(NURSE, s.id)
    services.residents.discharge(DOCTOR, s.id, date(2026, 3, 3), DischargeReason.DECEASED, s.version)
    assert [c.number for c in services.residents.cards(NURSE, r.id)] == ["CC1010123456789", "CC1010123456790"]
    steps = services.clinical.condition_history(NURSE, cond.id)
    assert [(x.status, x.changed_on) for x in steps] == [(ConditionStatus.ACTIVE, date(2021, 1, 1)),
                                                         (ConditionStatus.CONTROLLED, date(2026, 6, 1))]
    assert report_2025() == before
    # a correction inside 2025: the second resident had a card valid all year
    s = services.residents.get(NURSE, s.id)
    services.residents.update(NURSE, s.id, {"bhyt_number": "HT2010123456789", "bhyt_valid_from": date(2025, 1, 1),
                                            "bhyt_valid_to": date(2025, 12, 31)}, s.version)
    corrected = reports.periodic(DIRECTOR, Y2025, output="csv").indicators
    assert (corrected.insurance.valid, corrected.insurance.no_card) == (2, 0)
    changed = {key for (key, rows), (_k, old) in zip(_figures(corrected), before) if rows != old}
    assert changed == {"insurance"}
    services.close()


def test_a_status_change_cannot_be_dated_before_the_last_one(tmp_path):
    services = make_services(tmp_path / "data")
    r = services.residents.admit(NURSE, Resident("Lò Văn Pọm", Sex.MALE, date(1950, 3, 1), date(2020, 1, 1), [G.MERIT]))
    cond = services.clinical.add_condition(DOCTOR, Condition(r.id, "I10", date(2021, 1, 1)))
    cond = services.clinical.update_condition(DOCTOR, cond.id, {"status": ConditionStatus.CONTROLLED,
                                                                 "status_changed_on": date(2026, 6, 1)}, cond.version)
    with pytest.raises(ValidationError) as refused:
        services.clinical.update_condition(DOCTOR, cond.id, {"status": ConditionStatus.ACTIVE,
                                                             "status_changed_on": date(2026, 5, 1)}, cond.version)
    assert "01/06/2026" in refused.value.problems[0].message("vi")
    assert len(services.clinical.condition_history(NURSE, cond.id)) == 2  # nothing written
    services.close()


def test_a_room_move_keeps_the_room_before_it(tmp_path):
    services = make_services(tmp_path / "data")
    r = services.residents.admit(NURSE, Resident("Lò Văn Pọm", Sex.MALE, date(1950, 3, 1), date(2020, 1, 1),
                                                 [G.MERIT], room="A1"))
    services.residents.update(NURSE, r.id, {"room": "B2", "room_moved_on": date(2026, 2, 1)}, r.version)
    rooms = services.residents.rooms(NURSE, r.id)
    assert [(x.room, x.moved_on) for x in rooms] == [("A1", date(2020, 1, 1)), ("B2", date(2026, 2, 1))]
    assert history.room_on(rooms, date(2025, 12, 31)) == "A1"
    services.close()
