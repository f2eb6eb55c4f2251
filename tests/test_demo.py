"""Demo data: deterministic, realistic, and valid by the domain rules."""
from __future__ import annotations

import dataclasses
import unicodedata
from datetime import date, timedelta

import pytest

from care_core.domain import rules
from care_core.domain.entities import Actor, Facility
from care_core.domain.enums import (
    BeneficiaryGroup,
    CheckupKind,
    DischargeReason,
    FacilityType,
    ReferralOutcome,
    Role,
)
from care_core.domain.messages import ActionError
from facility_app import demo
from facility_app.services.container import Services
from facility_app.storage.store import Store

TODAY = date(2026, 11, 20)
ACTOR = Actor("facility-admin", Role.SYSTEM)
N = 60


def _services(folder) -> Services:
    store = Store.create(folder / "data", "demo passphrase 1")
    services = Services(store, today=lambda: TODAY)
    services.facility.initialise(ACTOR, Facility(
        code="TTBTXH-LS", name="Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn",
        type=FacilityType.SOCIAL_ASSISTANCE, province_code=20))
    return services


def _made(tmp_path_factory, name: str, residents: int, seed: int, **kw):
    services = _services(tmp_path_factory.mktemp(name))
    summary = demo.generate(services, ACTOR, residents, seed, **kw)
    return services, summary


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    services, summary = _made(tmp_path_factory, "first", N, 1, today=TODAY)
    yield services, summary
    services.close()


@pytest.fixture(scope="module")
def second(tmp_path_factory):
    services, summary = _made(tmp_path_factory, "second", N, 1, today=TODAY)
    yield services, summary
    services.close()


@pytest.fixture(scope="module")
def other_seed(tmp_path_factory):
    # no ``today``: the generator takes the services' own today()
    services, summary = _made(tmp_path_factory, "other", 20, 2)
    yield services, summary
    services.close()


_NOT_CONTENT = {"id", "resident_id", "version", "supersedes_id"}


def _content(obj) -> tuple:
    return tuple((k, v) for k, v in sorted(dataclasses.asdict(obj).items()) if k not in _NOT_CONTENT)


_snapshots: dict[int, list] = {}


def snapshot(services: Services) -> list:
    """Everything generated, without the (time-based) ids."""
    if id(services) in _snapshots:
        return _snapshots[id(services)]
    out = _snapshots[id(services)] = []
    for r in sorted(services.residents.list(ACTOR), key=lambda r: r.code):
        tl = services.clinical.timeline(ACTOR, r.id)
        out.append((
            _content(r),
            sorted((_content(c) for c in tl.checkups), key=repr),
            sorted((_content(c) for c in tl.conditions), key=repr),
            sorted((_content(s) for s in tl.rehab), key=repr),
            sorted((_content(x) for x in tl.referrals), key=repr),
            sorted((_content(x) for x in tl.cards), key=repr),
            sorted(((x.status, x.changed_on) for x in tl.status_changes), key=repr),
        ))
    return out


def test_same_seed_same_content(first, second):
    a, b = snapshot(first[0]), snapshot(second[0])
    assert len(a) == N
    assert a == b
    assert first[1] == second[1]
    # the ids are new each run; only the content repeats
    assert {r.id for r in first[0].residents.list(ACTOR)}.isdisjoint(r.id for r in second[0].residents.list(ACTOR))


def test_different_seed_differs(first, other_seed):
    names = [r.full_name for r in sorted(first[0].residents.list(ACTOR), key=lambda r: r.code)][:20]
    others = [r.full_name for r in sorted(other_seed[0].residents.list(ACTOR), key=lambda r: r.code)]
    assert len(others) == 20 and names != others
    assert snapshot(first[0])[:20] != snapshot(other_seed[0])


@pytest.mark.parametrize("which", ["first", "other_seed"])
def test_every_record_passes_the_rules(which, request):
    services, summary = request.getfixturevalue(which)
    residents = services.residents.list(ACTOR)
    counts = dict(checkups=0, conditions=0, rehab=0, referrals=0)
    for r in residents:
        assert rules.check_resident(r, TODAY) == []
        assert unicodedata.is_normalized("NFC", r.full_name)
        tl = services.clinical.timeline(ACTOR, r.id)
        assert sum(c.kind == CheckupKind.ADMISSION for c in tl.checkups) == 1
        for c in tl.checkups:
            assert rules.check_checkup(c, r, TODAY) == []
            assert c.next_due_date is not None and c.classification is not None
        for c in tl.conditions:
            assert rules.check_condition(c, r, TODAY) == []
        for s in tl.rehab:
            assert rules.check_rehab(s, r, TODAY) == []
            assert 20 <= s.minutes <= 90
        for x in tl.referrals:
            assert rules.check_referral(x, r, TODAY) == []
        counts["checkups"] += len(tl.checkups)
        counts["conditions"] += len(tl.conditions)
        counts["rehab"] += len(tl.rehab)
        counts["referrals"] += len(tl.referrals)
    assert (summary.residents, summary.checkups, summary.conditions, summary.rehab_sessions, summary.referrals) == (
        len(residents), counts["checkups"], counts["conditions"], counts["rehab"], counts["referrals"])
    cccds = [r.cccd for r in residents if r.cccd]
    assert len(cccds) == len(set(cccds))
    for r in residents:
        if r.bhyt_number:
            assert len(r.bhyt_number) == 15 and r.bhyt_valid_from < r.bhyt_valid_to
        if r.age_on(TODAY) < 14:
            assert r.cccd is None


def test_population_is_plausible(first):
    services, summary = first
    residents = services.residents.list(ACTOR)
    elderly = [r for r in residents if BeneficiaryGroup.ELDERLY in r.groups]
    assert len(elderly) >= N // 3
    hypertensive = [r for r in elderly if any(c.icd10 == "I10" for c in services.clinical.timeline(ACTOR, r.id).conditions)]
    assert 0.25 <= len(hypertensive) / len(elderly) <= 0.70
    assert any(r.age_on(TODAY) >= 80 for r in elderly)
    assert any(BeneficiaryGroup.CHILD in r.groups for r in residents)
    disabled = [r for r in residents if BeneficiaryGroup.DISABILITY in r.groups]
    assert disabled and all(r.disability_type and r.disability_severity for r in disabled)
    assert any(c.icd10 == "F20" for r in residents for c in services.clinical.timeline(ACTOR, r.id).conditions)
    adults = [r for r in residents if r.age_on(TODAY) >= 18]
    assert 0.65 <= sum(r.cccd is not None for r in adults) / len(adults) <= 0.98
    assert sum(r.full_name.startswith("Nguyễn ") for r in residents) >= N // 6


def test_the_lists_have_something_to_show(first):
    services, summary = first
    residents = services.residents.list(ACTOR)
    present = [r for r in residents if r.discharge_date is None]
    gone = [r for r in residents if r.discharge_date is not None]
    assert any(r.discharge_reason == DischargeReason.DECEASED for r in gone)
    assert any(r.discharge_reason != DischargeReason.DECEASED for r in gone)
    assert summary.deceased + summary.discharged == len(gone)
    for r in gone:
        assert r.admission_date < r.discharge_date < TODAY

    soon = TODAY + timedelta(days=30)
    expiring = [r for r in present if r.bhyt_valid_to is not None and r.bhyt_valid_to <= soon]
    assert expiring and summary.bhyt_expiring == len(expiring)
    assert len(expiring) <= len(present) * 0.25
    assert any(r.bhyt_number is None for r in residents)

    overdue = 0
    recent_abnormal = 0
    open_referrals = 0
    for r in present:
        tl = services.clinical.timeline(ACTOR, r.id)
        latest = max(tl.checkups, key=lambda c: c.checkup_date)
        overdue += latest.next_due_date < TODAY
        for c in tl.checkups:
            v = c.vitals
            if c.checkup_date >= TODAY - timedelta(days=7) and (
                    (v.systolic or 0) >= 160 or (v.spo2 or 100) <= 92 or (v.temperature or 0) >= 38.0
                    or (v.glucose or 0) >= 13.9):
                recent_abnormal += 1
        open_referrals += sum(x.outcome == ReferralOutcome.PENDING for x in tl.referrals)
    assert 1 <= overdue <= len(present) * 0.25
    assert overdue == summary.overdue_checkups
    assert recent_abnormal >= 1
    assert open_referrals >= 1 and open_referrals == summary.open_referrals


def test_needs_an_initialised_facility(tmp_path):
    store = Store.create(tmp_path / "data", "demo passphrase 1")
    try:
        with pytest.raises(ActionError):
            demo.generate(Services(store, today=lambda: TODAY), ACTOR, 5, 1, TODAY)
    finally:
        store.close()


def test_a_demo_report_of_last_year_reads_like_a_real_centre(tmp_path_factory):
    """Cards renewed over the years, conditions that changed status, residents
    who crossed 60: last year's report shows the cards valid then, and the
    elderly are the 60+ age bands."""
    from care_core.domain import history, periods
    from care_core.domain.enums import ConditionStatus
    services, _summary = _made(tmp_path_factory, "histories", 300, 3, today=TODAY)
    try:
        director = Actor("giamdoc", Role.DIRECTOR)
        ix = services.reports.periodic(director, periods.parse_period("2025"), output="csv").indicators
        ins = ix.insurance
        assert ins.valid >= 0.8 * ins.population and ins.unknown < 0.05 * ins.population
        census = ix.census
        assert census.by_group[BeneficiaryGroup.ELDERLY].served == \
            census.by_age["60-79"].served + census.by_age["80+"].served
        people = services.residents.list(ACTOR)
        renewed = [r for r in people if len(services.residents.cards(ACTOR, r.id)) > 1]
        assert len(renewed) > len(people) / 2  # most residents have had more than one card
        timelines = [services.clinical.timeline(ACTOR, r.id) for r in people]
        changed = [c for tl in timelines for c in tl.conditions if len(tl.status_history(c)) > 1]
        assert changed and all(tl.status_history(c)[0].status == ConditionStatus.ACTIVE
                               for tl in timelines for c in tl.conditions if len(tl.status_history(c)) > 1)
        turned_60 = [r for r in people if r.age_on(date(2025, 12, 31)) < 60 <= r.age_on(TODAY)]
        assert turned_60, "no resident crossed 60 since last year"
        assert all(history.card_state_on(history.cards_of(r, services.residents.cards(ACTOR, r.id)), TODAY)
                   != history.CardState.UNKNOWN for r in people)
    finally:
        services.close()
