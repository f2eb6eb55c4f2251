"""One person, many stays: the rules, the store, the services, the migration
and the report's people-and-stays figures."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from alembic import command

from care_core.domain import history
from care_core.domain import indicators as ind
from care_core.domain import periods
from care_core.domain import rules
from care_core.domain.entities import Resident, Stay
from care_core.domain.enums import BeneficiaryGroup as G
from care_core.domain.enums import DischargeReason, FacilityType, Sex, StayKind
from care_core.domain.messages import PermissionDenied, ValidationError
from facility_app.reports import tables
from facility_app.services.base import operation
from facility_app.services.container import Services
from facility_app.storage import migrate
from facility_app.storage.store import Store
from tests.conftest import DIRECTOR, DOCTOR, NURSE, PASSPHRASE, SYSTEM, TODAY, make_services
from tests.sync_fixtures import sync_server as server  # noqa: F401 (fixture)

Y2025 = periods.parse_period("2025")
HOME = DischargeReason.RETURNED_HOME


def _person(**kw) -> Resident:
    values = dict(full_name="Lò Văn Pọm", sex=Sex.MALE, birth_date=date(1960, 3, 1),
                  admission_date=date(2020, 1, 1), groups=[G.MERIT])
    values.update(kw)
    return Resident(**values)


def _figures(ix: ind.PeriodicIndicators) -> list:
    return [(t.key, t.as_text()) for t in tables.all_tables(ix)]


# --- the domain ---------------------------------------------------------------

def test_a_record_without_kept_stays_reads_as_one_stay_of_the_facilitys_kind():
    r = _person(discharge_date=date(2024, 3, 1), discharge_reason=HOME)
    [stay] = history.stays_of(r, [], history.implied_stay_kind(FacilityType.DRUG_REHAB))
    assert (stay.kind, stay.admitted_on, stay.discharged_on, stay.discharge_reason) == \
        (StayKind.REHAB_VOLUNTARY, date(2020, 1, 1), date(2024, 3, 1), HOME)
    assert history.implied_stay_kind(FacilityType.MERIT_CARE) == StayKind.LONG_TERM
    kept = [Stay(r.id, StayKind.LONG_TERM, date(2026, 1, 1)), Stay(r.id, StayKind.LONG_TERM, date(2020, 1, 1))]
    assert [s.admitted_on for s in history.stays_of(r, kept)] == [date(2020, 1, 1), date(2026, 1, 1)]


def test_a_compulsory_stay_needs_its_decision_and_term():
    r = _person()
    bare = Stay(r.id, StayKind.REHAB_COMPULSORY, date(2026, 1, 1))
    problems = rules.check_stay(bare, r, TODAY)
    assert {p.field for p in problems} == {"decision_number", "term_months"}
    assert "cai nghiện bắt buộc" in problems[0].message("vi")
    ok = Stay(r.id, StayKind.REHAB_COMPULSORY, date(2026, 1, 1), decision_number="12/2026/QĐ-TA", term_months=24)
    assert rules.check_stay(ok, r, TODAY) == []
    too_long = Stay(r.id, StayKind.REHAB_COMPULSORY, date(2026, 1, 1), decision_number="12/QĐ", term_months=48)
    assert [p.code for p in rules.check_stay(too_long, r, TODAY)] == ["range"]


def test_a_discharge_before_admission_and_overlapping_stays_are_refused():
    r = _person()
    back = Stay(r.id, StayKind.LONG_TERM, date(2026, 1, 1), date(2025, 12, 1), HOME)
    [p] = rules.check_stay(back, r, TODAY)
    assert p.code == "discharge_before_admission" and "01/01/2026" in p.message("vi")
    first = Stay(r.id, StayKind.LONG_TERM, date(2020, 1, 1), date(2024, 3, 1), HOME)
    inside = Stay(r.id, StayKind.LONG_TERM, date(2023, 1, 1), date(2023, 2, 1), HOME)
    [p] = rules.check_stay_among(inside, [first])
    assert p.code == "stay_overlap" and "01/03/2024" in p.message("vi")
    same_day = Stay(r.id, StayKind.LONG_TERM, date(2024, 3, 1))
    assert rules.check_stay_among(same_day, [first]) == []  # leaves and comes back the same day
    open_one = Stay(r.id, StayKind.LONG_TERM, date(2025, 1, 1))
    [p] = rules.check_stay_among(Stay(r.id, StayKind.LONG_TERM, date(2026, 1, 1)), [first, open_one])
    assert p.code == "stay_open" and "01/01/2025" in p.message("vi")


def test_bed_days_and_average_length_count_inside_the_period():
    rid = "p1"
    stays = [Stay(rid, StayKind.NURSING_ROUND, date(2024, 12, 25), date(2025, 1, 4), HOME),  # 3 days in 2025
             Stay(rid, StayKind.NURSING_ROUND, date(2025, 6, 1), date(2025, 6, 11), HOME),  # 10 days
             Stay("p2", StayKind.LONG_TERM, date(2025, 12, 30)),  # open: 2 days
             Stay("p3", StayKind.EMERGENCY, date(2025, 3, 3), date(2025, 3, 3), HOME),  # same day: 1
             Stay("p4", StayKind.LONG_TERM, date(2026, 1, 1))]  # after: nothing
    f = ind.stay_figures(stays, date(2025, 1, 1), date(2025, 12, 31))
    assert (f.people, f.stays, f.admitted, f.discharged, f.bed_days) == (3, 4, 3, 3, 3 + 10 + 2 + 1)
    assert f.average_length == pytest.approx((10 + 10 + 1) / 3)
    assert f.by_kind[StayKind.NURSING_ROUND] == 2 and f.by_kind[StayKind.EMERGENCY] == 1


# --- the services ------------------------------------------------------------

@pytest.fixture
def services(tmp_path):
    s = make_services(tmp_path / "data")
    yield s
    s.close()


def _discharged(services, on=date(2024, 3, 1), **kw):
    r = services.residents.admit(NURSE, _person(room="A1", **kw))
    return services.residents.discharge(DOCTOR, r.id, on, HOME, r.version)


def _count(services, table: str, resident_id: str) -> int:
    with services.store.read() as conn:
        return conn.execute(sa.text(f"SELECT count(*) FROM {table} WHERE resident_id = :r"),
                            {"r": resident_id}).scalar()


def test_readmission_adds_a_stay_to_the_same_record_and_syncs_both(services):
    r = _discharged(services)
    assert _count(services, "stays", r.id) == 1  # the discharge wrote the first stay down
    result = operation(lambda: services.residents.readmit(
        NURSE, r.id, Stay(r.id, StayKind.LONG_TERM, date(2026, 5, 4)), room="B2"))
    assert "stays" in result.changes.rows and r.id in result.changes.residents
    assert len(services.residents.list(NURSE)) == 1  # one person, never a second record
    again = services.residents.get(NURSE, r.id)
    assert (again.admission_date, again.discharge_date, again.discharge_reason, again.room) == \
        (date(2026, 5, 4), None, None, "B2")
    got = services.residents.stays(NURSE, r.id)
    assert [(s.admitted_on, s.discharged_on) for s in got] == [(date(2020, 1, 1), date(2024, 3, 1)),
                                                                (date(2026, 5, 4), None)]
    assert [(x.room, x.moved_on) for x in services.residents.rooms(NURSE, r.id)] == \
        [("A1", date(2020, 1, 1)), ("B2", date(2026, 5, 4))]
    with services.store.read() as conn:
        logged = conn.execute(sa.text("SELECT count(*) FROM change_log WHERE table_name = 'stays'")).scalar()
        audited = {t for (t,) in conn.execute(sa.text(
            "SELECT DISTINCT table_name FROM audit_log WHERE action = 'readmit-resident'"))}
    assert logged == 2 and audited == {"stays", "residents", "room_changes"}
    # the second discharge closes the open stay
    services.residents.discharge(DOCTOR, r.id, date(2026, 9, 1), DischargeReason.TRANSFERRED, again.version)
    last = services.residents.stays(NURSE, r.id)[-1]
    assert (last.discharged_on, last.discharge_reason) == (date(2026, 9, 1), DischargeReason.TRANSFERRED)


def test_readmission_while_a_stay_is_open_or_overlapping_is_refused_and_changes_nothing(services):
    r = services.residents.admit(NURSE, _person())
    with pytest.raises(ValidationError) as refused:
        services.residents.readmit(NURSE, r.id, Stay(r.id, StayKind.LONG_TERM, date(2026, 5, 4)))
    assert refused.value.problems[0].code == "stay_open"
    assert _count(services, "stays", r.id) == 0
    d = _discharged(services, full_name="Hà Thị Xuân", sex=Sex.FEMALE)
    with pytest.raises(ValidationError) as refused:
        services.residents.readmit(NURSE, d.id, Stay(d.id, StayKind.LONG_TERM, date(2023, 5, 4)))
    assert refused.value.problems[0].code == "stay_overlap"
    with pytest.raises(ValidationError) as refused:
        services.residents.readmit(NURSE, d.id, Stay(d.id, StayKind.REHAB_COMPULSORY, date(2026, 5, 4)))
    assert {p.field for p in refused.value.problems} == {"decision_number", "term_months"}
    assert len(services.residents.stays(NURSE, d.id)) == 1
    assert services.residents.get(NURSE, d.id).discharge_date == date(2024, 3, 1)


def test_readmission_needs_the_right_to_admit(services):
    from care_core.domain.entities import Actor
    from care_core.domain.enums import Role
    r = _discharged(services)
    roles = {Role.NURSE, Role.DOCTOR, Role.DIRECTOR, Role.ADMIN}
    refused = []
    for i, role in enumerate(sorted(roles)):
        try:
            services.residents.readmit(Actor("x", role), r.id, Stay(r.id, StayKind.LONG_TERM, date(2026, 5, 1 + 2 * i)))
            services.residents.discharge(DOCTOR, r.id, date(2026, 5, 2 + 2 * i), HOME,
                                         services.residents.get(NURSE, r.id).version)
        except PermissionDenied:
            refused.append(role)
    from care_core.domain.permissions import Permission, allowed
    assert set(refused) == {role for role in roles if not allowed(role, Permission.EDIT_RESIDENT)}


def test_a_stay_correction_follows_into_the_record_when_it_is_the_latest(services):
    r = _discharged(services)
    stay = services.residents.readmit(NURSE, r.id, Stay(r.id, StayKind.REHAB_VOLUNTARY, date(2026, 5, 4)))
    fixed = services.residents.update_stay(NURSE, r.id, stay.id, {"admitted_on": date(2026, 5, 2),
                                                                  "note": "Tái nghiện"}, stay.version)
    assert fixed.version == 2
    assert services.residents.get(NURSE, r.id).admission_date == date(2026, 5, 2)
    first = services.residents.stays(NURSE, r.id)[0]
    with pytest.raises(ValidationError):  # would overlap the second stay
        services.residents.update_stay(DOCTOR, r.id, first.id, {"discharged_on": date(2026, 6, 1)}, first.version)


def test_an_earlier_stay_from_the_paper_file_goes_before_the_current_one(services):
    r = services.residents.admit(NURSE, _person(admission_date=date(2024, 1, 1)))
    round_ = Stay(r.id, StayKind.NURSING_ROUND, date(2021, 5, 3), date(2021, 5, 13), HOME)
    services.residents.add_past_stay(NURSE, r.id, round_)
    got = services.residents.stays(NURSE, r.id)
    assert [(s.kind, s.admitted_on) for s in got] == [(StayKind.NURSING_ROUND, date(2021, 5, 3)),
                                                      (StayKind.LONG_TERM, date(2024, 1, 1))]
    assert services.residents.get(NURSE, r.id).admission_date == date(2024, 1, 1)  # the record's own stays
    for bad, code in [(Stay(r.id, StayKind.LONG_TERM, date(2021, 5, 10), date(2021, 6, 1), HOME), "stay_overlap"),
                      (Stay(r.id, StayKind.LONG_TERM, date(2025, 1, 1), date(2025, 2, 1), HOME), "stay_open"),
                      (Stay(r.id, StayKind.LONG_TERM, date(2022, 1, 1)), "stay_overlap")]:  # never ended
        with pytest.raises(ValidationError) as refused:
            services.residents.add_past_stay(NURSE, r.id, bad)
        assert refused.value.problems[0].code == code
    assert len(services.residents.stays(NURSE, r.id)) == 2


def test_a_checkup_of_an_earlier_stay_can_still_be_corrected_after_a_readmission(services):
    from care_core.domain.entities import Checkup, VitalSigns
    from care_core.domain.enums import CheckupKind
    r = services.residents.admit(NURSE, _person())
    old = services.clinical.record_checkup(DOCTOR, Checkup(r.id, date(2023, 4, 4), CheckupKind.PERIODIC,
                                                           VitalSigns(systolic=130, diastolic=80)))
    services.residents.discharge(DOCTOR, r.id, date(2024, 3, 1), HOME, r.version)
    services.residents.readmit(NURSE, r.id, Stay(r.id, StayKind.LONG_TERM, date(2026, 5, 4)))
    fixed = services.clinical.correct_checkup(DOCTOR, old.id, Checkup(r.id, date(2023, 4, 5), CheckupKind.PERIODIC,
                                                                      VitalSigns(systolic=131, diastolic=80)))
    assert fixed.supersedes_id == old.id
    with pytest.raises(ValidationError) as refused:  # between the stays: not here
        services.clinical.record_checkup(DOCTOR, Checkup(r.id, date(2025, 1, 1), CheckupKind.PERIODIC,
                                                         VitalSigns(systolic=130, diastolic=80)))
    assert refused.value.problems[0].code == "outside_stay"


def test_correcting_the_admission_date_on_the_profile_corrects_the_latest_stay(services):
    r = _discharged(services)
    services.residents.readmit(NURSE, r.id, Stay(r.id, StayKind.LONG_TERM, date(2026, 5, 4)))
    r = services.residents.get(NURSE, r.id)
    r = services.residents.update(NURSE, r.id, {"admission_date": date(2026, 5, 6)}, r.version)
    assert [s.admitted_on for s in services.residents.stays(NURSE, r.id)] == [date(2020, 1, 1), date(2026, 5, 6)]
    with pytest.raises(ValidationError) as refused:  # into the first stay
        services.residents.update(NURSE, r.id, {"admission_date": date(2024, 1, 1)}, r.version)
    assert refused.value.problems[0].code == "stay_overlap"
    assert services.residents.get(NURSE, r.id).admission_date == date(2026, 5, 6)


def test_a_report_of_2025_stays_the_same_after_a_2026_readmission(services):
    r = _discharged(services, on=date(2025, 6, 30))
    services.residents.admit(NURSE, _person(full_name="Hà Thị Xuân", sex=Sex.FEMALE, admission_date=date(2025, 2, 1)))

    def report_2025():
        return services.reports.periodic(DIRECTOR, Y2025, output="csv").indicators

    before = report_2025()
    assert (before.stays.people, before.stays.stays, before.stays.discharged) == (2, 2, 1)
    services.residents.readmit(NURSE, r.id, Stay(r.id, StayKind.LONG_TERM, date(2026, 2, 1)))
    after = report_2025()
    assert _figures(after) == _figures(before)
    assert after.stays == before.stays
    y2026 = services.reports.periodic(DIRECTOR, periods.parse_period("2026"), output="csv").indicators
    assert (y2026.stays.people, y2026.stays.stays, y2026.stays.admitted) == (2, 2, 1)
    assert y2026.census.total.admitted == 1 and y2026.census.total.at_start == 1


def test_the_printed_report_counts_people_and_stays(services, tmp_path):
    import subprocess

    from facility_app.reports import run
    r = _discharged(services, on=date(2025, 3, 10))
    services.residents.readmit(NURSE, r.id, Stay(r.id, StayKind.EMERGENCY, date(2025, 9, 1)))
    services.residents.admit(NURSE, _person(full_name="Hà Thị Xuân", sex=Sex.FEMALE, admission_date=date(2025, 2, 1)))
    pdf = run.periodic_report(services.reports, DIRECTOR, Y2025, tmp_path / "bao-cao.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Biểu 2a. Số người và số lượt lưu trú trong kỳ" in text
    lines = {" ".join(line.split()[:-1]): line.split()[-1] for line in text.splitlines() if line.strip()}
    # two people, three stays: 68 + 122 + 334 bed-days; one stay ended, after 1895 days
    assert lines["1 Số người có lưu trú trong kỳ"] == "2"
    assert lines["2 Số lượt lưu trú trong kỳ"] == "3"
    assert lines["3 Số lượt tiếp nhận trong kỳ"] == "2"
    assert lines["4 Số lượt ra khỏi cơ sở trong kỳ"] == "1"
    assert lines["5 Tổng số ngày lưu trú trong kỳ (ngày)"] == "524"
    assert lines["6 Số ngày lưu trú bình quân một lượt (*)"] == "1.895,0"
    assert any("Tiếp nhận khẩn cấp, tạm thời" in line for line in lines)


def test_the_health_book_of_a_person_who_came_back_lists_every_stay(services, tmp_path):
    import subprocess

    from facility_app.reports import run
    r = _discharged(services, on=date(2024, 3, 1))
    services.residents.readmit(NURSE, r.id, Stay(r.id, StayKind.EMERGENCY, date(2025, 9, 1)))
    once = services.residents.admit(NURSE, _person(full_name="Hà Thị Xuân", sex=Sex.FEMALE))
    pdf = run.health_book_pdf(services.reports, DOCTOR, r.code, tmp_path / "so.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "Thời gian ở cơ sở 2 lượt (bảng dưới); lượt gần nhất: Người thân" in lines
    assert "tiếp nhận ngày 01/09/2025" in lines
    assert "Các lượt ở cơ sở" in lines
    assert any(line.startswith("1 Nuôi dưỡng tập trung 01/01/2020 01/03/2024 Trở về gia đình") for line in lines)
    assert "2 Tiếp nhận khẩn cấp, tạm thời 01/09/2025 Đang ở" in lines
    single = run.health_book_pdf(services.reports, DOCTOR, once.code, tmp_path / "so-2.pdf")
    text = subprocess.run(["pdftotext", str(single), "-"], capture_output=True, text=True, check=True).stdout
    assert "Các lượt ở cơ sở" not in text and "Tiếp nhận ngày" in " ".join(text.split())


# --- the migration from a store of the previous version --------------------------

def test_a_store_of_the_previous_version_upgrades_and_reads_one_stay_per_resident(tmp_path):
    data_dir = tmp_path / "data"
    services = make_services(data_dir)
    people = [services.residents.admit(NURSE, _person(full_name=f"Người Thứ {name}", admission_date=date(2019 + i, 1, 1)))
              for i, name in enumerate(("Một", "Hai", "Ba"))]
    services.residents.discharge(DOCTOR, people[0].id, date(2025, 4, 1), HOME, people[0].version)
    with services.store.engine.connect().execution_options(write=True) as conn:  # the store as 0005 left it
        conn.execute(sa.text("DELETE FROM change_log WHERE table_name = 'stays'"))
        conn.execute(sa.text("DELETE FROM stays"))
        conn.commit()
    before = _figures(services.reports.periodic(DIRECTOR, Y2025, output="csv").indicators)
    with services.store.engine.connect().execution_options(write=True) as conn:
        command.downgrade(migrate._config(conn), "0005")
        conn.commit()
        assert "stays" not in sa.inspect(conn).get_table_names()
    services.close()

    store = Store.open(data_dir, PASSPHRASE)  # upgrades, after a backup
    services = Services(store, today=lambda: TODAY)
    try:
        assert migrate.current(store.engine) == migrate.head()
        for p in people:
            [stay] = services.residents.stays(NURSE, p.id)
            assert stay.kind == StayKind.LONG_TERM and stay.admitted_on == p.admission_date
        assert _figures(services.reports.periodic(DIRECTOR, Y2025, output="csv").indicators) == before
    finally:
        services.close()


# --- the command line ------------------------------------------------------------

def test_readmit_and_export_stays_from_the_command_line(tmp_path):
    import csv
    import io

    from facility_app.services.exports import STAY_COLUMNS
    from tests.store_fixtures import assert_one_line_error, fingerprint, init_args, run_cli

    data = tmp_path / "data"
    assert run_cli(data, *init_args(kind="drug-rehab")).returncode == 0
    with Store.open(data, PASSPHRASE) as store:
        s = Services(store, today=lambda: TODAY)
        r = s.residents.admit(NURSE, _person(groups=[G.DRUG_USER], room="K1"))
        s.residents.admit(NURSE, _person(full_name="Hà Văn Sáng", groups=[G.DRUG_USER]))
        s.residents.discharge(DOCTOR, r.id, date(2024, 3, 1), HOME, r.version)

    before = fingerprint(data)
    refused = run_cli(data, "readmit", r.code, "--on", "05/05/2026", "--kind", "rehab_compulsory")
    assert "cai nghiện bắt buộc" in assert_one_line_error(refused)
    assert fingerprint(data) == before  # nothing changed
    bad_date = run_cli(data, "readmit", r.code, "--on", "31/02/2026", "--kind", "rehab_voluntary")
    assert "không tồn tại" in assert_one_line_error(bad_date)

    done = run_cli(data, "readmit", r.code, "--on", "05/05/2026", "--kind", "rehab_compulsory",
                   "--decision", "15/2026/QĐ-TA", "--term-months", "12")
    assert done.returncode == 0, done.stderr
    assert "lượt lưu trú thứ 2" in done.stdout and "Cai nghiện bắt buộc" in done.stdout
    again = run_cli(data, "readmit", r.code, "--on", "06/05/2026", "--kind", "rehab_voluntary")
    assert "đang ở cơ sở" in assert_one_line_error(again)

    out = tmp_path / "luot.csv"
    exported = run_cli(data, "export", "stays", str(out))
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.reader(io.StringIO(out.read_bytes()[3:].decode("utf-8"))))
    assert rows[0] == [vi for vi, _ in STAY_COLUMNS]
    mine = [row for row in rows[1:] if row[0] == r.code]
    assert [(row[2], row[3], row[4], row[5], row[8], row[11]) for row in mine] == [
        ("1", "Cai nghiện tự nguyện", "01/01/2020", "01/03/2024", "", "rehab_voluntary"),  # the first, implied kind
        ("2", "Cai nghiện bắt buộc", "05/05/2026", "", "15/2026/QĐ-TA", "rehab_compulsory")]
    assert len(rows) == 1 + 3  # two stays of one person, one of the other
    with Store.open(data, PASSPHRASE) as store:
        people = Services(store, today=lambda: TODAY).residents.list(NURSE)
    assert len(people) == 2  # no second record


# --- sync through the real provincial server -----------------------------------------

def test_a_readmission_on_one_pc_reaches_the_other_through_the_server(server, tmp_path):
    """Pushed from one PC, pulled on another, through the real server (SQLite,
    and PostgreSQL when FACILITY_TEST_PG_URL names one, as scripts/test.sh does)."""
    import random

    from tests.sync_fixtures import admit, assert_same, converge, first_pc, joined_pc

    pc1 = first_pc(tmp_path, server)
    pc2 = None
    try:
        r = admit(pc1, random.Random(7))
        left, back = r.admission_date + timedelta(days=5), r.admission_date + timedelta(days=20)
        r = pc1.services.residents.discharge(DOCTOR, r.id, left, HOME, r.version)
        assert pc1.sync().complete
        pc2 = joined_pc(tmp_path, server)
        assert [s.discharged_on for s in pc2.services.residents.stays(NURSE, r.id)] == [left]
        pc2.services.residents.readmit(NURSE, r.id, Stay(r.id, StayKind.REHAB_COMPULSORY, back,
                                                         decision_number="15/2026/QĐ-TA", term_months=12))
        converge(pc2, pc1)
        assert_same(server, pc1, pc2)
        got = pc1.services.residents.stays(NURSE, r.id)
        assert [(s.kind, s.admitted_on, s.discharged_on, s.decision_number) for s in got] == [
            (StayKind.LONG_TERM, r.admission_date, left, ""),
            (StayKind.REHAB_COMPULSORY, back, None, "15/2026/QĐ-TA")]
        again = pc1.services.residents.get(NURSE, r.id)
        assert (again.admission_date, again.discharge_date) == (back, None)
        assert len(pc1.services.residents.list(NURSE)) == 1
        assert len(server.rows()["stays"]) == 2
        # a compulsory stay without its decision is refused by the server too (the same rule)
        from provincial_server.entities import Refusal, check
        with pytest.raises(Refusal) as refused:
            check("stays", {"resident_id": r.id, "kind": "rehab_compulsory", "admitted_on": back.isoformat()},
                  "TTBTXH-LS", _ResidentRow(r.id, server.rows()["residents"][r.id]), today=TODAY)
        assert "cai nghiện bắt buộc" in refused.value.vi
    finally:
        if pc2 is not None:
            pc2.close()
        pc1.close()


def test_a_checkup_of_the_earlier_stay_arriving_after_the_readmission_is_not_refused(server, tmp_path):
    """PC 1, offline, records a checkup of the first stay; PC 2 meanwhile
    discharges and re-admits the person and syncs first. The server checks
    the late checkup against the stay around its date: applied, not parked."""
    import random

    from care_core.domain.entities import Checkup, VitalSigns
    from care_core.domain.enums import CheckupKind
    from tests.sync_fixtures import admit, assert_same, converge, first_pc, joined_pc

    pc1 = first_pc(tmp_path, server)
    pc2 = None
    try:
        r = admit(pc1, random.Random(8))
        assert pc1.sync().complete
        pc2 = joined_pc(tmp_path, server)
        seen, left, back = (r.admission_date + timedelta(days=2), r.admission_date + timedelta(days=5),
                            r.admission_date + timedelta(days=20))
        checkup = pc1.services.clinical.record_checkup(DOCTOR, Checkup(r.id, seen, CheckupKind.PERIODIC,
                                                                       VitalSigns(systolic=128, diastolic=82)))
        gone = pc2.services.residents.discharge(DOCTOR, r.id, left, HOME, r.version)
        pc2.services.residents.readmit(NURSE, r.id, Stay(r.id, StayKind.LONG_TERM, back), base_version=gone.version)
        assert pc2.sync().complete
        report = pc1.sync()
        assert report.complete and not report.parked, report
        converge(pc1, pc2)
        assert_same(server, pc1, pc2)
        assert [c.id for c in pc2.services.clinical.checkups(NURSE, r.id)] == [checkup.id]
        assert [s.admitted_on for s in pc1.services.residents.stays(NURSE, r.id)] == [r.admission_date, back]
    finally:
        if pc2 is not None:
            pc2.close()
        pc1.close()


class _ResidentRow:
    """The server's row of a resident, as ``check`` reads it."""

    def __init__(self, row_id: str, wire: dict):
        self.row_id, self.version, self.deleted = row_id, wire["version"], wire["deleted"]
        self.data = {k: v for k, v in wire.items() if k not in ("version", "deleted")}


# --- demo data -------------------------------------------------------------------

@pytest.mark.parametrize("facility_type", list(FacilityType))
def test_every_demo_has_readmissions_and_the_drug_rehab_demo_relapses(tmp_path, facility_type):
    from facility_app import demo

    services = make_services(tmp_path / "data", facility_type)
    try:
        summary = demo.generate(services, SYSTEM, 40, seed=5, today=TODAY)
        people = services.residents.list(NURSE)
        assert summary.residents == 40
        assert len(people) == 40 + summary.round_people  # a person who came back is still one record
        stays = {r.id: services.residents.stays(NURSE, r.id) for r in people}
        back = [rid for rid, mine in stays.items() if len(mine) >= 2]
        assert len(back) == summary.readmitted >= 2
        assert sum(len(mine) - 1 for mine in stays.values()) == summary.earlier_stays
        by_id = {r.id: r for r in people}
        for rid, mine in stays.items():
            r = by_id[rid]
            latest = mine[-1]
            assert (latest.admitted_on, latest.discharged_on) == (r.admission_date, r.discharge_date)
            for stay in mine:
                assert rules.check_stay(stay, r, TODAY) == []
                assert rules.check_stay_among(stay, mine) == []
        if facility_type == FacilityType.DRUG_REHAB:
            relapsed = [mine for mine in stays.values() if len(mine) >= 3]
            assert relapsed, "no resident relapsed twice"
            assert any(s.kind == StayKind.REHAB_COMPULSORY and s.decision_number for mine in relapsed for s in mine)
            assert all(mine[0].kind == StayKind.REHAB_VOLUNTARY for mine in relapsed)
    finally:
        services.close()


def test_a_formula_typed_in_a_stay_is_never_live_in_the_stays_export(services, tmp_path):
    import csv
    import io

    from tests.conftest import ADMIN
    r = _discharged(services)
    services.residents.readmit(NURSE, r.id, Stay(r.id, StayKind.REHAB_COMPULSORY, date(2026, 5, 4),
                                                 decision_number="=cmd|' /C calc'!A0", term_months=12,
                                                 note="+1+cmd|' /C calc'!A0"))
    out = tmp_path / "luot.csv"
    assert services.exports.stays_csv(ADMIN, out) == 2
    rows = list(csv.reader(io.StringIO(out.read_bytes()[3:].decode("utf-8"))))
    assert rows[2][8] == "'=cmd|' /C calc'!A0" and rows[2][10] == "'+1+cmd|' /C calc'!A0"
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)
