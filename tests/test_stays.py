"""One person, many stays: the rules, the store, the services, the migration
and the report's people-and-stays figures."""
from __future__ import annotations

from datetime import date

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
from tests.conftest import DIRECTOR, DOCTOR, NURSE, PASSPHRASE, TODAY, make_services

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
