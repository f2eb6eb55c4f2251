"""Merging two records of one person (issue 15, point 3) on a real store:
every record of the merged-away person moves to the survivor through the
change log, the other becomes a tombstone that points at the survivor, the
audit says who merged what; refused merges change nothing."""
from __future__ import annotations

import json
from datetime import date

import pytest
import sqlalchemy as sa

from care_core.domain import merging
from care_core.domain.entities import BhytCard, Checkup, Condition, Referral, RehabSession, Resident, VitalSigns
from care_core.domain.enums import (
    BeneficiaryGroup, CheckupKind, ConditionStatus, DischargeReason, RehabType, Sex,
)
from care_core.domain.messages import PermissionDenied
from facility_app.storage import merges
from facility_app.storage.tables import SYNCED_TABLES, audit_log, change_log, residents
from tests.conftest import ADMIN, DIRECTOR, DOCTOR, NURSE, SYSTEM, make_services
from tests.store_fixtures import snapshot


@pytest.fixture
def svc(tmp_path):
    s = make_services(tmp_path / "data")
    yield s
    s.close()


def person(**over) -> Resident:
    base = dict(full_name="Trần Văn Bình", sex=Sex.MALE, birth_date=date(1948, 2, 3),
                admission_date=date(2024, 5, 1), groups=[BeneficiaryGroup.ELDERLY], room="P101")
    base.update(over)
    return Resident(**base)


def with_records(svc, r: Resident) -> dict[str, str]:
    """One row in every record table (a checkup, a condition and its status
    history, rehab, a referral, a card, rooms); returns an id per table."""
    ids = {}
    ids["checkups"] = svc.clinical.record_checkup(NURSE, Checkup(
        r.id, date(2026, 3, 10), CheckupKind.PERIODIC, VitalSigns(systolic=130, diastolic=80))).id
    cond = svc.clinical.add_condition(NURSE, Condition(r.id, "I10", date(2025, 1, 2)))
    ids["conditions"] = cond.id
    svc.clinical.update_condition(NURSE, cond.id, {"status": ConditionStatus.CONTROLLED,
                                                  "status_changed_on": date(2026, 2, 1)}, cond.version)
    ids["rehab_sessions"] = svc.clinical.record_rehab(NURSE, RehabSession(
        r.id, date(2026, 4, 2), RehabType.PHYSIOTHERAPY, 30)).id
    ids["referrals"] = svc.clinical.open_referral(NURSE, Referral(
        r.id, date(2026, 5, 3), "Bệnh viện Đa khoa tỉnh", "Đau ngực")).id
    svc.residents.update(NURSE, r.id, {"room": "P202", "room_moved_on": date(2026, 6, 1)},
                         svc.residents.get(NURSE, r.id).version)
    return ids


def rows_of(svc, resident_id: str) -> dict[str, int]:
    with svc.store.read() as conn:
        return {t.name: n for t, n in
                ((t, conn.execute(sa.select(sa.func.count()).where(t.c.resident_id == resident_id)).scalar())
                 for t in merges.record_tables())}


def test_every_record_moves_and_the_other_becomes_a_tombstone_that_points(svc):
    keep = svc.residents.admit(NURSE, person(cccd=None, next_of_kin_phone=""))
    other = svc.residents.admit(NURSE, person(full_name="Trần Văn Bình", admission_date=date(2023, 1, 9),
                                              next_of_kin_phone="0912345678", notes="Dị ứng penicillin",
                                              bhyt_number="DN4010123456789", bhyt_valid_from=date(2026, 1, 1),
                                              bhyt_valid_to=date(2026, 12, 31)))
    with_records(svc, keep)
    with_records(svc, other)
    svc.residents.discharge(DOCTOR, other.id, date(2026, 7, 1), DischargeReason.TRANSFERRED,
                            svc.residents.get(NURSE, other.id).version)
    before_keep, before_other = rows_of(svc, keep.id), rows_of(svc, other.id)
    assert all(before_other.values()), before_other  # the other holds a row in every record table
    with svc.store.read() as conn:
        log_before = conn.execute(sa.select(sa.func.max(change_log.c.seq))).scalar()

    after = svc.residents.merge(DOCTOR, keep.id, other.id)

    now_keep, now_other = rows_of(svc, keep.id), rows_of(svc, other.id)
    assert sum(now_other.values()) == 0
    for table in before_keep:
        assert now_keep[table] >= before_keep[table] + before_other[table], table
    # the survivor kept its values, took the other's where it had none, and the stay is the union
    assert after.next_of_kin_phone == "0912345678" and after.notes == "Dị ứng penicillin"
    assert after.admission_date == date(2023, 1, 9) and after.discharge_date is None
    assert svc.residents.get(NURSE, keep.id).next_of_kin_phone == "0912345678"
    # the other: a tombstone pointing at the survivor, gone from lists and search
    with svc.store.read() as conn:
        row = conn.execute(sa.select(residents).where(residents.c.id == other.id)).one()
        assert row.deleted and row.merged_into == keep.id
        # every move went through the change log: it syncs as field changes
        moved = conn.execute(sa.select(change_log.c.table_name, change_log.c.row_id, change_log.c.fields)
                             .where(change_log.c.seq > log_before)).all()
    assert [r.id for r in svc.residents.list(NURSE)] == [keep.id]
    assert svc.residents.search(NURSE, other.code) == []
    repointed = {(t, r) for t, r, f in moved if json.loads(f) == {"resident_id": keep.id}}
    assert len(repointed) == sum(before_other.values())
    tomb = [json.loads(f) for t, r, f in moved if (t, r) == ("residents", other.id)]
    assert tomb == [{"deleted": True, "merged_into": keep.id}]
    # the whole record reads on the survivor: both checkups, both conditions
    timeline = svc.clinical.timeline(NURSE, keep.id)
    assert len(timeline.checkups) == 2 and len(timeline.conditions) == 2
    assert {c.room for c in timeline.rooms} >= {"P101", "P202"}


def test_the_audit_says_who_merged_what_into_what(svc):
    keep = svc.residents.admit(NURSE, person())
    other = svc.residents.admit(NURSE, person(discharge_date=date(2024, 6, 1),
                                              discharge_reason=DischargeReason.TRANSFERRED))
    svc.clinical.record_checkup(NURSE, Checkup(other.id, date(2024, 5, 10), CheckupKind.PERIODIC,
                                               VitalSigns(pulse=70)))
    svc.residents.merge(DIRECTOR, keep.id, other.id)
    with svc.store.read() as conn:
        entries = conn.execute(sa.select(audit_log).where(audit_log.c.action == "merge-residents")).all()
    assert {e.actor for e in entries} == {"director1"}
    summary = [json.loads(e.detail) for e in entries if e.table_name == "residents" and e.row_id == keep.id
               and "merged" in json.loads(e.detail)]
    assert len(summary) == 1
    assert summary[0]["merged"]["code"] == other.code and summary[0]["into"]["code"] == keep.code
    assert summary[0]["merged"]["name"] == "Trần Văn Bình" and summary[0]["moved"]["checkups"] == 1
    assert all(ok for _, ok, _ in svc.store.verify())


def test_a_disputed_identity_field_keeps_the_survivors_value_unless_chosen(svc):
    keep = svc.residents.admit(NURSE, person(birth_date=date(1948, 2, 3)))
    other = svc.residents.admit(NURSE, person(birth_date=date(1948, 3, 2), discharge_date=date(2024, 6, 1),
                                              discharge_reason=DischargeReason.TRANSFERRED))
    comparison = svc.residents.compare(DOCTOR, keep.id, other.id)
    assert comparison.disputed == ("birth_date",)
    after = svc.residents.merge(DOCTOR, keep.id, other.id, {"birth_date": merging.OTHER})
    assert after.birth_date == date(1948, 3, 2)


def test_nurses_may_not_merge_and_refused_merges_change_nothing(svc):
    keep = svc.residents.admit(NURSE, person())
    other = svc.residents.admit(NURSE, person())  # both present
    gone = svc.residents.admit(NURSE, person(discharge_date=date(2024, 6, 1),
                                             discharge_reason=DischargeReason.TRANSFERRED))
    before = snapshot(svc.store.engine)
    with pytest.raises(PermissionDenied):
        svc.residents.merge(NURSE, keep.id, gone.id)
    with pytest.raises(merging.MergeRefused, match="A record cannot be merged with itself"):
        svc.residents.merge(ADMIN, keep.id, keep.id)
    with pytest.raises(merging.MergeRefused) as both:
        svc.residents.merge(ADMIN, keep.id, other.id)
    assert both.value.message("vi").startswith("Cả hai hồ sơ đang có lượt lưu trú")
    assert snapshot(svc.store.engine) == before
    # a merged-away record cannot be merged again; merging into it follows the pointer
    svc.residents.merge(SYSTEM, keep.id, gone.id)
    with pytest.raises(merging.MergeRefused, match="already merged"):
        svc.residents.merge(SYSTEM, keep.id, gone.id)
    third = svc.residents.admit(NURSE, person(discharge_date=date(2024, 7, 1),
                                              discharge_reason=DischargeReason.TRANSFERRED))
    after = svc.residents.merge(SYSTEM, gone.id, third.id)
    assert after.id == keep.id and rows_of(svc, keep.id)["room_changes"] >= 1


def test_record_tables_are_found_from_the_schema():
    found = {t.name for t in merges.record_tables()}
    assert found == {name for name, t in SYNCED_TABLES.items() if "resident_id" in t.c}
    assert {"checkups", "conditions", "condition_status_changes", "rehab_sessions", "referrals",
            "bhyt_cards", "room_changes"} <= found


def test_a_chain_of_pointers_is_followed_with_a_bound():
    pointers = {"a": "b", "b": "c"}
    assert merging.follow("a", pointers.get) == "c"
    assert merging.follow("c", pointers.get) == "c"
    with pytest.raises(merging.MergeRefused):
        merging.follow("x", {"x": "y", "y": "x"}.get)
    long = {str(i): str(i + 1) for i in range(merging.MAX_CHAIN + 2)}
    with pytest.raises(merging.MergeRefused):
        merging.follow("0", long.get)


def test_plan_joins_groups_notes_and_cards():
    keep = person(groups=[BeneficiaryGroup.ELDERLY], notes="A", bhyt_number=None)
    other = person(groups=[BeneficiaryGroup.DISABILITY], notes="B", bhyt_number="DN4010123456789",
                   bhyt_valid_from=date(2026, 1, 1), bhyt_valid_to=date(2026, 12, 31), bhyt_place="BV tỉnh")
    p = merging.plan(keep, other)
    assert set(p.changes["groups"]) == {BeneficiaryGroup.DISABILITY, BeneficiaryGroup.ELDERLY}
    assert p.changes["notes"] == "A\nB"
    assert p.changes["bhyt_number"] == "DN4010123456789" and p.changes["bhyt_valid_to"] == date(2026, 12, 31)
    assert p.disputed == ()


# --- facility-admin merge ---------------------------------------------------------

def test_cli_prints_the_comparison_asks_and_merges_with_yes(tmp_path):
    from tests.store_fixtures import assert_one_line_error, init_args, run_cli
    from tests.test_cli import services_of

    folder = tmp_path / "data"
    assert run_cli(folder, *init_args()).returncode == 0
    s = services_of(folder)
    try:
        keep = s.residents.admit(SYSTEM, person(birth_date=date(1948, 2, 3)))
        other = s.residents.admit(SYSTEM, person(birth_date=date(1948, 3, 2), discharge_date=date(2024, 6, 1),
                                                 discharge_reason=DischargeReason.TRANSFERRED))
        s.clinical.record_checkup(SYSTEM, Checkup(other.id, date(2024, 5, 10), CheckupKind.PERIODIC,
                                                  VitalSigns(pulse=70)))
    finally:
        s.close()
    # no terminal, no --yes: the comparison, then a refusal; nothing changes
    asked = run_cli(folder, "merge", keep.code, other.code)
    assert asked.returncode == 1 and "--yes" in asked.stderr
    assert "Ngày sinh" in asked.stdout and "03/02/1948" in asked.stdout and "02/03/1948" in asked.stdout
    assert "≠" in asked.stdout and "Lần khám" in asked.stdout
    s = services_of(folder)
    try:
        assert len(s.residents.list(SYSTEM)) == 2
    finally:
        s.close()
    done = run_cli(folder, "merge", keep.code, other.code, "--yes", lang="en")
    assert done.returncode == 0, done.stderr
    assert f"Merged {other.code} into {keep.code}." in done.stdout and "Checkups" in done.stdout
    again = run_cli(folder, "merge", keep.code, other.code, "--yes")
    assert_one_line_error(again)
    s = services_of(folder)
    try:
        assert [r.id for r in s.residents.list(SYSTEM)] == [keep.id]
        assert len(s.clinical.checkups(SYSTEM, keep.id)) == 1
    finally:
        s.close()


def test_the_stay_is_the_union_of_both():
    left = dict(discharge_date=date(2025, 1, 1), discharge_reason=DischargeReason.TRANSFERRED)
    # the survivor left, the other is present: the person is present, since the earlier admission
    p = merging.plan(person(admission_date=date(2024, 5, 1), **left), person(admission_date=date(2022, 1, 1)))
    assert p.changes["admission_date"] == date(2022, 1, 1)
    assert p.changes["discharge_date"] is None and p.changes["discharge_reason"] is None
    # both left: the later departure, with its reason
    later = dict(discharge_date=date(2025, 6, 1), discharge_reason=DischargeReason.RETURNED_HOME)
    p = merging.plan(person(**left), person(**later))
    assert (p.changes["discharge_date"], p.changes["discharge_reason"]) == (date(2025, 6, 1),
                                                                            DischargeReason.RETURNED_HOME)
    assert "admission_date" not in p.changes  # same day
    # both present: refused before any plan is written
    with pytest.raises(merging.MergeRefused):
        merging.check(person(), person(), "DT-1", "DT-2")


def test_a_disputed_field_is_never_taken_silently():
    keep, other = person(cccd="001048001234"), person(cccd="001048009999", next_of_kin_phone="0912345678")
    p = merging.plan(keep, other)
    assert p.disputed == ("cccd",) and "cccd" not in p.changes
    assert p.changes["next_of_kin_phone"] == "0912345678"
    assert merging.plan(keep, other, {"cccd": merging.OTHER}).changes["cccd"] == "001048009999"


def test_stays_apart_stay_apart_and_the_survivor_shows_the_latest(svc):
    """A person discharged in 2024 and admitted again in 2026 on a new record by
    mistake: after the merge one record, two stays, today's admission."""
    old = svc.residents.admit(NURSE, person(admission_date=date(2023, 3, 1), room=""))
    old = svc.residents.discharge(DOCTOR, old.id, date(2024, 2, 1), DischargeReason.RETURNED_HOME, old.version)
    new = svc.residents.admit(NURSE, person(admission_date=date(2026, 2, 2)))
    after = svc.residents.merge(DOCTOR, new.id, old.id)
    stays = svc.residents.stays(NURSE, new.id)
    assert [(s.admitted_on, s.discharged_on) for s in stays] == [(date(2023, 3, 1), date(2024, 2, 1)),
                                                                 (date(2026, 2, 2), None)]
    assert (after.admission_date, after.discharge_date) == (date(2026, 2, 2), None)
    assert svc.residents.get(NURSE, new.id).admission_date == date(2026, 2, 2)
