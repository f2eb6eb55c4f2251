"""Nursing rounds (đợt điều dưỡng): the rules of a round, which one is on,
the year's quota, and a round set up on one PC reaching the others."""
from __future__ import annotations

from datetime import date

import pytest

from care_core.domain import rounds
from care_core.domain.entities import NursingRound
from care_core.domain.enums import FacilityType
from care_core.domain.messages import ActionError, ValidationError
from tests.conftest import DIRECTOR, NURSE, make_services
from tests.sync_fixtures import converge, first_pc, joined_pc
from tests.sync_fixtures import sqlite_server  # noqa: F401 (fixture)


def _round(number=1, start=date(2026, 3, 2), days=10, **kw) -> NursingRound:
    return NursingRound(start.year, number, start, date.fromordinal(start.toordinal() + days - 1), 40, **kw)


def test_a_round_ends_after_it_starts_lasts_weeks_not_months_and_has_its_number_once_a_year():
    assert rounds.check_round(_round()) == []
    backwards = _round(days=-3)
    assert [p.field for p in rounds.check_round(backwards)] == ["ends_on"]
    assert [p.code for p in rounds.check_round(_round(days=90))] == ["range"]
    assert [p.code for p in rounds.check_round(_round(), [_round()])] == ["duplicate"]
    assert rounds.check_round(_round(), [_round(start=date(2025, 3, 2))]) == []  # another year's round 1
    wrong_year = NursingRound(2025, 1, date(2026, 3, 2), date(2026, 3, 11), 40)
    assert [p.field for p in rounds.check_round(wrong_year)] == ["year"]
    no_places = NursingRound(2026, 1, date(2026, 3, 2), date(2026, 3, 11), 0)
    assert [p.field for p in rounds.check_round(no_places)] == ["places"]
    message = rounds.check_round(backwards)[0].message("vi")
    assert "Ngày kết thúc đợt" in message and "Ngày bắt đầu đợt" in message


def test_the_round_on_a_day_and_the_years_quota_as_the_latest_round_states_it():
    first = _round(1, date(2026, 3, 2), year_quota=300)
    second = _round(2, date(2026, 5, 4))  # no quota stated: the earlier one stands
    third = _round(3, date(2026, 9, 7), year_quota=350)  # revised in September
    all_ = [first, second, third]
    assert rounds.current_round(all_, date(2026, 5, 8)) is second
    assert rounds.current_round(all_, date(2026, 5, 20)) is None
    assert rounds.year_quota(all_[:2], 2026) == 300
    assert rounds.year_quota(all_, 2026) == 350
    assert rounds.year_quota(all_, 2025) is None
    assert [r.number for r in rounds.rounds_in(all_, date(2026, 3, 10), date(2026, 5, 4))] == [1, 2]


def test_the_director_sets_up_and_corrects_rounds_a_nurse_only_reads_them(tmp_path):
    services = make_services(tmp_path / "data", FacilityType.MERIT_CARE)
    try:
        made = services.rounds.create(DIRECTOR, _round(year_quota=300))
        with pytest.raises(ActionError):
            services.rounds.create(NURSE, _round(2, date(2026, 5, 4)))
        with pytest.raises(ValidationError) as refused:
            services.rounds.create(DIRECTOR, _round(1, date(2026, 6, 1)))  # number 1 again
        assert refused.value.problems[0].code == "duplicate"
        fixed = services.rounds.update(DIRECTOR, made.id, {"places": 45}, made.version)
        assert fixed.places == 45 and fixed.version == 2
        assert [r.places for r in services.rounds.list(NURSE, 2026)] == [45]
        assert services.rounds.current(NURSE, date(2026, 3, 5)).id == made.id
        assert services.rounds.year_quota(NURSE, 2026) == 300
        with pytest.raises(ValidationError):
            services.rounds.update(DIRECTOR, made.id, {"ends_on": date(2026, 2, 1)}, fixed.version)
        assert services.rounds.get(NURSE, made.id).ends_on == date(2026, 3, 11)  # the refusal changed nothing
    finally:
        services.close()


def test_a_round_set_up_on_one_pc_reaches_the_other_through_the_server(sqlite_server, tmp_path):
    pc1 = first_pc(tmp_path, sqlite_server)
    pc2 = None
    try:
        assert pc1.sync().complete
        pc2 = joined_pc(tmp_path, sqlite_server)
        made = pc1.services.rounds.create(DIRECTOR, _round(year_quota=280))
        converge(pc1, pc2)
        [there] = pc2.services.rounds.list(NURSE)
        assert (there.id, there.starts_on, there.places, there.year_quota) == (made.id, made.starts_on, 40, 280)
    finally:
        if pc2 is not None:
            pc2.close()
        pc1.close()
