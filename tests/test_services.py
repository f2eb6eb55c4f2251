"""Services on a real SQLCipher store: every data-changing call leaves
exactly one change-log row and one audit row; a call refused by validation
or by permission leaves nothing; roles are enforced; lockout works.

One store serves the whole module (opening one costs an argon2 derivation);
each case makes its own records first and measures only its own call.
"""
from __future__ import annotations

import dataclasses

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Callable

import pytest
import sqlalchemy as sa

from care_core.domain.entities import (
    Checkup, Condition, Referral, RehabSession, Resident, Stay, VitalSigns,
)
from care_core.domain.enums import (
    BeneficiaryGroup, CheckupKind, ConditionStatus, DischargeReason, ReferralOutcome, RehabType, Role, Sex, StayKind,
)
from care_core.domain.messages import ActionError, PermissionDenied, ValidationError
from facility_app.services.users import LoginRefused
from facility_app.storage import audit
from facility_app.storage.tables import audit_log, change_log
from tests.conftest import ADMIN, DIRECTOR, DOCTOR, NURSE, SYSTEM, TODAY, make_services
from tests.store_fixtures import counts, snapshot


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    s = make_services(tmp_path_factory.mktemp("services") / "data")
    s.users.add(SYSTEM, "admin1", "Quản Trị Viên", Role.ADMIN, "admin1 password")
    yield s
    s.close()


_serial = iter(range(1, 10**6))


def resident(**over) -> Resident:
    n = next(_serial)
    base = dict(full_name=f"Nguyễn Văn {['An', 'Bình', 'Cường', 'Dũng'][n % 4]}", sex=Sex.MALE,
                birth_date=date(1950, 3, 4), admission_date=date(2021, 5, 1),
                groups=[BeneficiaryGroup.ELDERLY], room="P101")
    base.update(over)
    return Resident(**base)


def admitted(s) -> Resident:
    return s.residents.admit(SYSTEM, resident())


def admitted_(s, tmp=None) -> Resident:
    return admitted(s)


def checkup_of(r: Resident, **over) -> Checkup:
    base = dict(resident_id=r.id, checkup_date=date(2026, 3, 10), kind=CheckupKind.PERIODIC,
                vitals=VitalSigns(systolic=135, diastolic=85, pulse=78, temperature=36.8))
    base.update(over)
    return Checkup(**base)


def rehab_of(r: Resident, **over) -> RehabSession:
    base = dict(resident_id=r.id, session_date=date(2026, 11, 2), rehab_type=RehabType.PHYSIOTHERAPY,
                minutes=45, barthel=60)
    base.update(over)
    return RehabSession(**base)


def referral_of(r: Resident, **over) -> Referral:
    base = dict(resident_id=r.id, referral_date=date(2026, 10, 1), hospital="Bệnh viện Đa khoa tỉnh Lạng Sơn",
                reason="Đau ngực", icd10="I10")
    base.update(over)
    return Referral(**base)


_users = iter(range(1, 10**6))


def new_user(s) -> str:
    name = f"user{next(_users)}"
    s.users.add(SYSTEM, name, "Hoàng Thị Lan", Role.NURSE, "first password")
    return name


def fresh_checkup(s) -> Checkup:
    return s.clinical.record_checkup(SYSTEM, checkup_of(admitted(s)))


def voided_checkup(s) -> Checkup:
    original = fresh_checkup(s)
    s.clinical.void_checkup(SYSTEM, original.id, "Nhập nhầm")
    return original


@dataclass
class Case:
    """A data-changing call: ``prep`` makes what it needs (not measured);
    ``ok``/``bad`` run the call with an actor, valid or invalid."""

    table: str  # the synced table the call writes
    op: str  # insert | update
    allowed: object  # an actor allowed to make the call
    denied: object | None  # an actor refused by permission (None: every role may)
    prep: Callable
    ok: Callable
    bad: Callable
    # history rows the call adds beside its own (a room change, a condition's
    # new status): each with its own change-log and audit row
    history: dict = dataclasses.field(default_factory=dict)


CASES = {
    "residents.admit": Case(
        "residents", "insert", NURSE, None, lambda s: None,
        lambda s, p, a: s.residents.admit(a, resident()).id,
        lambda s, p, a: s.residents.admit(a, resident(cccd="12345")), {"room_changes": 1}),
    "residents.update": Case(
        "residents", "update", NURSE, NURSE, admitted,
        lambda s, r, a: s.residents.update(a, r.id, {"room": "P207"}, r.version).id,
        lambda s, r, a: s.residents.update(a, r.id, {"birth_date": TODAY + timedelta(days=1)}, r.version),
        {"room_changes": 1}),
    "residents.discharge": Case(
        "residents", "update", DOCTOR, NURSE, admitted,
        lambda s, r, a: s.residents.discharge(a, r.id, date(2026, 11, 1), DischargeReason.RETURNED_HOME, r.version).id,
        lambda s, r, a: s.residents.discharge(a, r.id, date(2021, 4, 30), DischargeReason.RETURNED_HOME, r.version),
        {"stays": 1}),  # the first discharge writes the stay down
    "clinical.record_checkup": Case(
        "checkups", "insert", NURSE, DIRECTOR, admitted,
        lambda s, r, a: s.clinical.record_checkup(a, checkup_of(r)).id,
        lambda s, r, a: s.clinical.record_checkup(a, checkup_of(r, vitals=VitalSigns(systolic=300, diastolic=80)))),
    "clinical.correct_checkup": Case(
        "checkups", "insert", DOCTOR, ADMIN, lambda s: s.clinical.record_checkup(SYSTEM, checkup_of(admitted(s))),
        lambda s, c, a: s.clinical.correct_checkup(a, c.id, checkup_of(Resident("", Sex.MALE, None, None), checkup_date=date(2026, 3, 11))).id,
        lambda s, c, a: s.clinical.correct_checkup(a, c.id, checkup_of(Resident("", Sex.MALE, None, None), vitals=VitalSigns(systolic=120, diastolic=120)))),
    "clinical.void_checkup": Case(
        "checkups", "insert", NURSE, DIRECTOR, lambda s: (fresh_checkup(s), voided_checkup(s)),
        lambda s, p, a: s.clinical.void_checkup(a, p[0].id, "Nhập nhầm người").id,
        # voiding what was already voided is refused inside the transaction
        lambda s, p, a: s.clinical.void_checkup(a, p[1].id, "Nhập nhầm lần nữa")),
    "clinical.add_condition": Case(
        "conditions", "insert", DOCTOR, ADMIN, admitted,
        lambda s, r, a: s.clinical.add_condition(a, Condition(r.id, "e11", onset_date=date(2015, 1, 1))).id,
        lambda s, r, a: s.clinical.add_condition(a, Condition(r.id, "QQ9")), {"condition_status_changes": 1}),
    "clinical.update_condition": Case(
        "conditions", "update", NURSE, DIRECTOR,
        lambda s: s.clinical.add_condition(SYSTEM, Condition(admitted(s).id, "I10", follow_up_days=90)),
        lambda s, c, a: s.clinical.update_condition(a, c.id, {"status": ConditionStatus.CONTROLLED}, c.version).id,
        lambda s, c, a: s.clinical.update_condition(a, c.id, {"follow_up_days": 0}, c.version),
        {"condition_status_changes": 1}),
    "clinical.record_rehab": Case(
        "rehab_sessions", "insert", NURSE, DIRECTOR, admitted,
        lambda s, r, a: s.clinical.record_rehab(a, rehab_of(r)).id,
        lambda s, r, a: s.clinical.record_rehab(a, rehab_of(r, minutes=0))),
    "clinical.correct_rehab": Case(
        "rehab_sessions", "insert", DOCTOR, ADMIN, lambda s: s.clinical.record_rehab(SYSTEM, rehab_of(admitted(s))),
        lambda s, x, a: s.clinical.correct_rehab(a, x.id, rehab_of(Resident("", Sex.MALE, None, None), minutes=50)).id,
        lambda s, x, a: s.clinical.correct_rehab(a, x.id, rehab_of(Resident("", Sex.MALE, None, None), barthel=101))),
    "clinical.open_referral": Case(
        "referrals", "insert", NURSE, DIRECTOR, admitted,
        lambda s, r, a: s.clinical.open_referral(a, referral_of(r)).id,
        lambda s, r, a: s.clinical.open_referral(a, referral_of(r, referral_date=TODAY + timedelta(days=3)))),
    "clinical.close_referral": Case(
        "referrals", "update", DOCTOR, ADMIN, lambda s: s.clinical.open_referral(SYSTEM, referral_of(admitted(s))),
        lambda s, f, a: s.clinical.close_referral(a, f.id, ReferralOutcome.RETURNED, date(2026, 10, 9), "Ổn định", f.version).id,
        lambda s, f, a: s.clinical.close_referral(a, f.id, ReferralOutcome.RETURNED, date(2026, 9, 1), "", f.version)),
    "users.add": Case(
        "users", "insert", ADMIN, NURSE, lambda s: None,
        lambda s, p, a: s.users.add(a, f"staff{next(_users)}", "Lò Văn Sáu", Role.DOCTOR, "long enough").id,
        lambda s, p, a: s.users.add(a, f"staff{next(_users)}", "Lò Văn Sáu", Role.DOCTOR, "short")),
    "users.set_active": Case(
        "users", "update", ADMIN, DOCTOR, new_user,
        lambda s, u, a: s.users.set_active(a, u, False),
        # an admin may not disable their own account (refused inside the transaction)
        lambda s, u, a: s.users.set_active(a, a.username, False)),
    "users.reset_password": Case(
        "users", "update", ADMIN, DIRECTOR, new_user,
        lambda s, u, a: s.users.reset_password(a, u, "another password"),
        lambda s, u, a: s.users.reset_password(a, u, "1234567")),
    "facility.update": Case(
        "facility", "update", DIRECTOR, NURSE, lambda s: s.facility.get(),
        lambda s, f, a: s.facility.update(a, {"director_name": f"Trần Văn Hùng {next(_serial)}"}, s.facility.get().version),
        lambda s, f, a: s.facility.update(a, {"auto_lock_minutes": 0}, s.facility.get().version)),
}


def _last(conn, table, of_table: str):
    query = sa.select(table).where(table.c.table_name == of_table).order_by(table.c.seq.desc()).limit(1)
    return conn.execute(query).mappings().first()


@pytest.mark.parametrize("name", sorted(CASES))
def test_change_leaves_one_change_log_and_one_audit_row(svc, name):
    case = CASES[name]
    prepared = case.prep(svc)
    before = counts(svc.store.engine)
    result = case.ok(svc, prepared, case.allowed)
    after = counts(svc.store.engine)
    delta = {t: after[t] - before[t] for t in after if after[t] != before[t]}
    rows = 1 + sum(case.history.values())
    expected = {"change_log": rows, "audit_log": rows, **case.history}
    if case.op == "insert":
        expected[case.table] = 1
    assert delta == expected
    with svc.store.read() as conn:
        change, entry = _last(conn, change_log, case.table), _last(conn, audit_log, case.table)
        assert (change["table_name"], change["op"]) == (case.table, case.op)
        assert (entry["table_name"], entry["row_id"]) == (case.table, change["row_id"])
        assert (entry["actor"], entry["role"]) == (case.allowed.username, case.allowed.role.value)
        if isinstance(result, str):
            assert change["row_id"] == result
        assert json.loads(change["fields"])  # the new values travel with the change
        assert audit.verify(conn)[0]


@pytest.mark.parametrize("name", sorted(CASES))
def test_change_refused_by_validation_leaves_nothing(svc, name):
    case = CASES[name]
    prepared = case.prep(svc)
    before = snapshot(svc.store.engine)
    with pytest.raises(ActionError if name == "users.set_active" else ValidationError) as caught:
        case.bad(svc, prepared, case.allowed)
    assert snapshot(svc.store.engine) == before
    message = caught.value.message("vi")
    assert message and message != caught.value.message("en")


@pytest.mark.parametrize("name", sorted(n for n, c in CASES.items() if c.denied is not None))
def test_change_refused_by_permission_leaves_nothing(svc, name):
    case = CASES[name]
    prepared = case.prep(svc)
    before = snapshot(svc.store.engine)
    call = case.ok
    if name == "residents.update":  # every role edits profiles; only discharging is guarded
        def call(s, r, a):
            return s.residents.update(a, r.id, {"discharge_date": date(2026, 11, 1),
                                                 "discharge_reason": DischargeReason.DECEASED}, r.version)
    with pytest.raises(PermissionDenied) as caught:
        call(svc, prepared, case.denied)
    assert snapshot(svc.store.engine) == before
    assert "không được phép" in caught.value.message("vi")
    assert "may not" in caught.value.message("en")


# --- who may do what (README "Who may do what") ---------------------------------

N, D, R, A = Role.NURSE, Role.DOCTOR, Role.DIRECTOR, Role.ADMIN
ROLE_VI = {N: "Điều dưỡng", D: "Bác sĩ / y sĩ", R: "Giám đốc", A: "Quản trị hệ thống"}
ACTORS = {N: NURSE, D: DOCTOR, R: DIRECTOR, A: ADMIN}

OPERATIONS = {
    # name: (roles allowed, prep(services, tmp) -> x (not measured), call(services, actor, x, tmp))
    "read residents": ({N, D, R, A}, lambda s, t: None, lambda s, a, x, t: s.residents.list(a)),
    "search residents": ({N, D, R, A}, lambda s, t: None, lambda s, a, x, t: s.residents.search(a, "nguyen")),
    "read a timeline": ({N, D, R, A}, admitted_, lambda s, a, r, t: s.clinical.timeline(a, r.id)),
    "admit": ({N, D, R, A}, lambda s, t: None, lambda s, a, x, t: s.residents.admit(a, resident())),
    "edit a profile": ({N, D, R, A}, admitted_, lambda s, a, r, t: s.residents.update(a, r.id, {"room": "P9"}, r.version)),
    "re-admit": ({N, D, R, A}, lambda s, t: s.residents.discharge(SYSTEM, (r := admitted(s)).id, date(2026, 1, 1),
                                                                    DischargeReason.RETURNED_HOME, r.version),
                 lambda s, a, r, t: s.residents.readmit(a, r.id, Stay(r.id, StayKind.LONG_TERM, date(2026, 2, 1)))),
    "discharge": ({D, R, A}, admitted_, lambda s, a, r, t: s.residents.discharge(a, r.id, TODAY, DischargeReason.TRANSFERRED, r.version)),
    "record a checkup": ({N, D}, admitted_, lambda s, a, r, t: s.clinical.record_checkup(a, checkup_of(r))),
    "correct a checkup": ({N, D}, lambda s, t: fresh_checkup(s), lambda s, a, c, t: s.clinical.correct_checkup(a, c.id, checkup_of(Resident("", Sex.MALE, None, None)))),
    "void a checkup": ({N, D}, lambda s, t: fresh_checkup(s), lambda s, a, c, t: s.clinical.void_checkup(a, c.id, "Nhầm")),
    "add a condition": ({N, D}, admitted_, lambda s, a, r, t: s.clinical.add_condition(a, Condition(r.id, "J44"))),
    "record rehab": ({N, D}, admitted_, lambda s, a, r, t: s.clinical.record_rehab(a, rehab_of(r))),
    "open a referral": ({N, D}, admitted_, lambda s, a, r, t: s.clinical.open_referral(a, referral_of(r))),
    "change settings": ({R, A}, lambda s, t: s.facility.get(), lambda s, a, f, t: s.facility.update(a, {"report_symbol": "BC-TT" + str(next(_serial))}, f.version)),
    "list users": ({A}, lambda s, t: None, lambda s, a, x, t: s.users.list(a)),
    "add a user": ({A}, lambda s, t: None, lambda s, a, x, t: s.users.add(a, f"staff{next(_users)}", "Lò Thị Mai", Role.NURSE, "long enough")),
    "disable a user": ({A}, lambda s, t: new_user(s), lambda s, a, u, t: s.users.set_active(a, u, False)),
    "reset a password": ({A}, lambda s, t: new_user(s), lambda s, a, u, t: s.users.reset_password(a, u, "new password 1")),
    "export residents": ({A}, lambda s, t: None, lambda s, a, x, t: s.exports.residents_csv(a, t / "export.csv")),
    "export stays": ({A}, lambda s, t: None, lambda s, a, x, t: s.exports.stays_csv(a, t / "stays.csv")),
    "back up": ({A}, lambda s, t: None, lambda s, a, x, t: s.exports.backup(a, t / "backup.db")),
}


@pytest.mark.parametrize("role", [N, D, R, A], ids=str)
@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_roles_are_enforced_in_services(svc, tmp_path, role, operation):
    allowed_roles, prep, call = OPERATIONS[operation]
    actor = ACTORS[role]
    prepared = prep(svc, tmp_path)
    if role in allowed_roles:
        call(svc, actor, prepared, tmp_path)
        return
    before = snapshot(svc.store.engine)
    with pytest.raises(PermissionDenied) as caught:
        call(svc, actor, prepared, tmp_path)
    assert snapshot(svc.store.engine) == before
    vi = caught.value.message("vi")
    assert vi.startswith(f"Vai trò “{ROLE_VI[role]}” không được phép ")
    assert list(tmp_path.iterdir()) == []  # no export or backup file either


# --- accounts: login, disabled accounts, lockout ----------------------------------

def test_login_and_disabled_account(svc):
    name = new_user(svc)
    actor = svc.users.login(name, "first password")
    assert (actor.username, actor.role) == (name, Role.NURSE)
    svc.users.set_active(ADMIN, name, False)
    with pytest.raises(LoginRefused) as caught:
        svc.users.login(name, "first password")
    assert "đã bị khóa" in caught.value.message("vi")
    svc.users.set_active(ADMIN, name, True)
    assert svc.users.login(name, "first password").username == name


def test_five_wrong_passwords_lock_until_reset(svc):
    name = new_user(svc)
    for _ in range(5):
        with pytest.raises(LoginRefused) as caught:
            svc.users.login(name, "wrong password")
        assert caught.value.message("vi") == "Sai tên đăng nhập hoặc mật khẩu."
    with pytest.raises(LoginRefused) as caught:
        svc.users.login(name, "first password")
    assert "tạm khóa do nhập sai mật khẩu 5 lần" in caught.value.message("vi")
    assert "locked after 5 wrong passwords" in caught.value.message("en")
    # the lock lasts 15 minutes, then the right password works again
    later = datetime.now(timezone.utc) + timedelta(minutes=16)
    assert svc.users.login(name, "first password", now=later).username == name

    for _ in range(5):
        with pytest.raises(LoginRefused):
            svc.users.login(name, "wrong password")
    svc.users.reset_password(ADMIN, name, "fresh password")
    assert svc.users.login(name, "fresh password").username == name
    with pytest.raises(LoginRefused):
        svc.users.login(name, "first password")


def test_four_wrong_passwords_do_not_lock(svc):
    name = new_user(svc)
    for _ in range(4):
        with pytest.raises(LoginRefused):
            svc.users.login(name, "wrong password")
    assert svc.users.login(name, "first password").username == name


def test_correction_keeps_the_earlier_version(svc):
    first = svc.clinical.record_checkup(NURSE, checkup_of(admitted(svc)))
    second = svc.clinical.correct_checkup(DOCTOR, first.id, checkup_of(Resident("", Sex.MALE, None, None),
                                                                        vitals=VitalSigns(systolic=128, diastolic=82)))
    assert [c.id for c in svc.clinical.checkup_history(NURSE, second.id)] == [first.id, second.id]
    assert [c.id for c in svc.clinical.checkups(NURSE, first.resident_id)] == [second.id]
    with pytest.raises(ValidationError):
        svc.clinical.correct_checkup(DOCTOR, first.id, checkup_of(Resident("", Sex.MALE, None, None)))


@pytest.mark.parametrize("call", ["add", "reset"])
def test_password_hashes_travel_in_the_change_log_but_never_in_the_audit_log(svc, call):
    name = new_user(svc)
    if call == "reset":
        svc.users.reset_password(ADMIN, name, "second password")
    with svc.store.read() as conn:
        change, entry = _last(conn, change_log, "users"), _last(conn, audit_log, "users")
    assert json.loads(change["fields"])["password_hash"].startswith("$argon2id$")
    assert json.loads(entry["detail"])["password_hash"] == "<hidden>"
    assert "argon2" not in entry["detail"]


def test_a_failed_export_leaves_no_partial_file_and_no_audit_entry(svc, tmp_path, monkeypatch):
    from facility_app.services import exports

    admitted(svc)
    admitted(svc)
    real_cell, calls = exports._cell, []

    def failing_cell(r, attr, lang="vi"):
        calls.append(attr)
        if len(calls) > len(exports.RESIDENT_COLUMNS) + 3:  # the first row is already written
            raise OSError("disk full")
        return real_cell(r, attr, lang)

    monkeypatch.setattr(exports, "_cell", failing_cell)
    before = snapshot(svc.store.engine)
    with pytest.raises(OSError):
        svc.exports.residents_csv(ADMIN, tmp_path / "r.csv")
    assert list(tmp_path.iterdir()) == []
    assert snapshot(svc.store.engine) == before


def test_a_call_that_changes_nothing_writes_nothing(svc):
    r = admitted(svc)
    cond = svc.clinical.add_condition(NURSE, Condition(r.id, "I10", follow_up_days=90))
    before = snapshot(svc.store.engine)
    assert svc.residents.update(NURSE, r.id, {"room": r.room}, r.version).version == r.version
    svc.clinical.update_condition(NURSE, cond.id, {"follow_up_days": 90}, cond.version)
    svc.users.set_active(ADMIN, "admin1", True)  # already active
    assert snapshot(svc.store.engine) == before
