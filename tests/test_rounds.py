"""Nursing rounds (đợt điều dưỡng): the rules of a round, which one is on,
the year's quota, and a round set up on one PC reaching the others."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from care_core.domain import periods, rounds
from care_core.domain.entities import NursingRound, Resident
from care_core.domain.enums import BeneficiaryGroup, DischargeReason, FacilityType, Sex, StayKind
from facility_app.services.rounds import RoundEntry
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


def _merit_person(i: int) -> Resident:
    given = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Khánh"][i % 8]
    middle = ["Văn", "Hữu", "Đình", "Quang", "Minh"][i % 5]
    return Resident(f"Lê {middle} {given}", Sex.MALE, date(1940 + i % 25, 1 + i % 12, 1 + i % 28),
                    date(2026, 3, 2), [BeneficiaryGroup.MERIT])


def test_a_round_of_forty_admitted_in_one_step_discharged_in_one_step_and_counted_in_the_report(tmp_path):
    services = make_services(tmp_path / "data", FacilityType.MERIT_CARE)
    try:
        # five came in 2024's round and went home: they are found, not made again
        earlier = []
        for i in range(5):
            p = services.residents.admit(NURSE, dataclasses.replace(_merit_person(i), admission_date=date(2024, 4, 1)))
            earlier.append(services.residents.discharge(DIRECTOR, p.id, date(2024, 4, 10),
                                                        DischargeReason.RETURNED_HOME, p.version))
        r = services.rounds.create(DIRECTOR, _round(2, date(2026, 5, 4), year_quota=300))
        entries = [RoundEntry(_merit_person(i), earlier[i].id if i < 5 else None, note="Thương binh")
                   for i in range(40)]
        outcome = services.rounds.admit_round(DIRECTOR, r.id, entries)
        assert (len(outcome.done), outcome.already, outcome.refused) == (40, [], [])
        assert len(services.residents.list(NURSE)) == 40  # 35 new records, the 5 known ones reused
        members = services.rounds.members(NURSE, r.id)
        assert len(members) == 40 and {m.stay.kind for m in members} == {StayKind.NURSING_ROUND}
        assert {m.stay.admitted_on for m in members} == {date(2026, 5, 4)}
        assert len(services.residents.stays(NURSE, earlier[0].id)) == 2
        # the same list again admits nobody twice
        again = services.rounds.admit_round(DIRECTOR, r.id, [RoundEntry(_merit_person(0), earlier[0].id)])
        assert (again.done, len(again.already)) == ([], 1)
        done = services.rounds.discharge_round(DIRECTOR, r.id)
        assert len(done.done) == 40 and done.refused == []
        assert all(not m.stay.is_open() and m.stay.discharged_on == date(2026, 5, 13)
                   for m in services.rounds.members(NURSE, r.id))
        ix = services.reports.periodic(DIRECTOR, periods.parse_period("2026"), output="csv").indicators
        assert ix.stays.stays == 40 and ix.stays.people == 40
        assert ix.stays.bed_days == 40 * 9  # 4 May to 13 May: the day of leaving not counted
        assert ix.stays.by_kind[StayKind.NURSING_ROUND] == 40
    finally:
        services.close()


def test_a_person_still_in_another_stay_is_refused_by_name_and_the_others_are_admitted(tmp_path):
    services = make_services(tmp_path / "data", FacilityType.MERIT_CARE)
    try:
        staying = services.residents.admit(NURSE, dataclasses.replace(_merit_person(0), admission_date=date(2025, 1, 6)))
        r = services.rounds.create(DIRECTOR, _round(1, date(2026, 5, 4)))
        outcome = services.rounds.admit_round(DIRECTOR, r.id, [RoundEntry(_merit_person(0), staying.id),
                                                               RoundEntry(_merit_person(1))])
        assert len(outcome.done) == 1
        [(name, vi, _en)] = outcome.refused
        assert name == staying.full_name and "đang" in vi.lower()
        with pytest.raises(ActionError):
            services.rounds.admit_round(NURSE, r.id, [RoundEntry(_merit_person(2))])
    finally:
        services.close()


def test_the_today_list_knows_the_round_under_way_and_who_lacks_an_intake_checkup(tmp_path):
    from care_core.domain.entities import Checkup, VitalSigns
    from care_core.domain.enums import CheckupKind
    from facility_app.services.today import for_services

    services = make_services(tmp_path / "data", FacilityType.MERIT_CARE)
    try:
        r = services.rounds.create(DIRECTOR, _round(3, date(2026, 11, 16), year_quota=300))
        outcome = services.rounds.admit_round(DIRECTOR, r.id, [RoundEntry(_merit_person(i)) for i in range(4)])
        services.clinical.record_checkup(NURSE, Checkup(outcome.done[0], date(2026, 11, 16), CheckupKind.ADMISSION,
                                                        VitalSigns(systolic=120, diastolic=80)))
        today = for_services(services).due_list(NURSE, date(2026, 11, 20))
        assert (today.round.number, today.round.present, today.round.not_examined) == (3, 4, 3)
        assert for_services(services).due_list(NURSE, date(2026, 11, 30)).round is None  # after the round
    finally:
        services.close()


def _cccd(sex: Sex, birth: date, serial: int) -> str:
    from care_core.domain.rules import cccd_expected_digits

    return f"020{cccd_expected_digits(sex, birth.year)}{serial:06d}"


def _list_file(path, rows, header=("STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Diện người có công", "Xã/phường")):
    import csv

    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(header)
        for i, row in enumerate(rows, start=1):
            w.writerow((i, *row))
    return path


def test_the_provinces_list_is_read_matched_to_records_already_kept_and_bad_rows_named(tmp_path):
    services = make_services(tmp_path / "data", FacilityType.MERIT_CARE)
    try:
        by_cccd = services.residents.admit(NURSE, dataclasses.replace(
            _merit_person(0), admission_date=date(2024, 4, 1), cccd=_cccd(Sex.MALE, _merit_person(0).birth_date, 11)))
        by_name = services.residents.admit(NURSE, Resident("Đặng Đình Đức", Sex.MALE, date(1948, 2, 3),
                                                           date(2024, 4, 1), [BeneficiaryGroup.MERIT]))
        for p in (by_cccd, by_name):
            services.residents.discharge(DIRECTOR, p.id, date(2024, 4, 10), DischargeReason.RETURNED_HOME, p.version)
        rows = [("Le Van An", "01/01/1940", by_cccd.cccd, "Thương binh", ""),  # typed without diacritics
                ("Dang Dinh Duc", "03/02/1948", "", "Bệnh binh", ""),  # found by name and birth date, Đ as D
                ("Nguyễn Thị Hoa", "12/12/1950", _cccd(Sex.FEMALE, date(1950, 12, 12), 77), "Thân nhân liệt sĩ", ""),
                ("Trần Văn Bốn", "31/02/1950", "", "Thương binh", ""),  # no such day
                ("Phạm Văn Năm", "05/05/1951", "", "Thương binh", "")]  # no CCCD, no sex column
        loaded = services.rounds.read_list(DIRECTOR, _list_file(tmp_path / "dot.csv", rows))
        assert [e.person.full_name for e in loaded.entries] == ["Le Van An", "Dang Dinh Duc", "Nguyễn Thị Hoa"]
        assert [f.code if f else None for f in loaded.found] == [by_cccd.code, by_name.code, None]
        assert [e.resident_id for e in loaded.entries] == [by_cccd.id, by_name.id, None]
        assert loaded.entries[2].person.sex == Sex.FEMALE  # read from the CCCD
        assert [(e.row, e.column) for e in loaded.errors] == [(5, "birth_date"), (6, "sex")]
        assert "Cùng số CCCD" in loaded.found[0].why("vi")
        r = services.rounds.create(DIRECTOR, _round(1, date(2026, 5, 4)))
        outcome = services.rounds.admit_round(DIRECTOR, r.id, loaded.entries)
        assert len(outcome.done) == 3 and len(services.residents.list(NURSE)) == 3  # one new record only
        assert [m.stay.note for m in services.rounds.members(NURSE, r.id)].count("Thương binh") == 1
        missing = services.rounds.read_list(DIRECTOR, _list_file(tmp_path / "bad.csv", [("x",)], header=("STT", "Tên")))
        assert missing.entries == [] and "Họ và tên" in missing.errors[0].message("vi")
    finally:
        services.close()


def test_the_periodic_report_shows_the_rounds_of_the_period_against_the_years_quota(tmp_path):
    services = make_services(tmp_path / "data", FacilityType.MERIT_CARE)
    try:
        first = services.rounds.create(DIRECTOR, _round(1, date(2026, 3, 2), year_quota=200))
        second = services.rounds.create(DIRECTOR, _round(2, date(2026, 7, 6)))
        services.rounds.admit_round(DIRECTOR, first.id, [RoundEntry(_merit_person(i)) for i in range(30)])
        services.rounds.discharge_round(DIRECTOR, first.id)
        services.rounds.admit_round(DIRECTOR, second.id, [RoundEntry(_merit_person(i)) for i in range(30, 50)])
        q3 = services.reports.periodic(DIRECTOR, periods.parse_period("2026-Q3"), output="csv")
        r = q3.indicators.rounds
        assert (r.rounds, r.stays, r.quota, r.used) == (1, 20, 200, 50)
        assert r.share.value == 0.25
        from facility_app.reports import tables

        rows = {row[1]: row[2] for row in tables.stays_table(q3.indicators).rows}
        assert rows["Số đợt điều dưỡng bắt đầu trong kỳ"] == 1
        assert rows["Đã thực hiện năm 2026 đến cuối kỳ (lượt)"] == 50
        assert tables.text(rows["Tỷ lệ thực hiện so với chỉ tiêu năm"]) == "25,0%"
    finally:
        services.close()
