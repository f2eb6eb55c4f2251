"""Use cases say what they changed: ``operation(call)`` returns the value and
the rows written (table, ids, whose record), read from the one write path,
so screens refresh from it instead of being told by hand."""
from __future__ import annotations

import pytest
import sqlalchemy as sa

from care_core.domain.changes import Changes, OpResult
from care_core.domain.entities import Condition
from facility_app.services.base import operation
from facility_app.storage.tables import SYNCED_TABLES, change_log
from tests.conftest import NURSE, SYSTEM, make_services
from tests.test_services import CASES, _last, admitted, checkup_of

RESIDENT_TABLES = {"residents", "checkups", "conditions", "rehab_sessions", "referrals", "bhyt_cards",
                   "condition_status_changes", "room_changes", "stays"}


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    s = make_services(tmp_path_factory.mktemp("changes") / "data")
    yield s
    s.close()


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_change_says_its_table_and_row(svc, name):
    case = CASES[name]
    prepared = case.prep(svc)
    done = operation(lambda: case.ok(svc, prepared, case.allowed))
    assert isinstance(done, OpResult)
    with svc.store.read() as conn:
        row_id = _last(conn, change_log, case.table)["row_id"]
    assert done.changes.rows[case.table] == frozenset({row_id})
    # and the history rows it added beside (a room change, a condition's new status)
    assert {t: len(ids) for t, ids in done.changes.rows.items() if t != case.table} == case.history
    kind = {"residents": "resident", "users": "users", "facility": "settings"}.get(case.table, "clinical")
    assert kind in done.changes.kinds and done.changes.kinds <= {kind, "resident", "clinical"}
    if case.table in RESIDENT_TABLES:  # whose record it is, for the open record windows
        table = SYNCED_TABLES[case.table]
        with svc.store.read() as conn:
            owner = row_id if case.table == "residents" else \
                conn.execute(sa.select(table.c.resident_id).where(table.c.id == row_id)).scalar()
        assert done.changes.residents == {owner}
    else:
        assert not done.changes.residents


def test_an_update_names_the_resident_though_the_change_does_not(svc):
    r = admitted(svc)
    condition = svc.clinical.add_condition(SYSTEM, Condition(r.id, "I10", follow_up_days=90))
    done = operation(lambda: svc.clinical.update_condition(NURSE, condition.id, {"note": "đo huyết áp"}, 1))
    assert done.changes.ids("conditions") == {condition.id}
    assert done.changes.residents == {r.id}
    assert done.value.note == "đo huyết áp"


def test_a_refused_call_raises_and_a_call_changing_nothing_says_so(svc):
    r = admitted(svc)
    with pytest.raises(Exception):
        operation(lambda: svc.clinical.record_checkup(NURSE, checkup_of(r, checkup_date=None)))
    same = operation(lambda: svc.residents.update(NURSE, r.id, {"room": r.room}, r.version))
    assert same.value.id == r.id and not same.changes
    reading = operation(lambda: svc.clinical.timeline(NURSE, r.id))
    assert not reading.changes


def test_calls_inside_one_operation_add_up(svc):
    def admit_and_check():
        r = admitted(svc)
        return r, svc.clinical.record_checkup(NURSE, checkup_of(r))

    done = operation(admit_and_check)
    r, checkup = done.value
    rooms = svc.residents.rooms(NURSE, r.id)  # the admission writes the first room of its history
    assert done.changes.rows == {"residents": {r.id}, "checkups": {checkup.id}, "room_changes": {rooms[0].id}}
    assert done.changes.residents == {r.id}
    inner = []
    outer = operation(lambda: inner.append(operation(lambda: admitted(svc))))
    assert outer.changes == inner[0].changes and outer.changes.touches("residents")


def test_changes_merge_and_answer_questions():
    a = Changes.of("checkups", "c1", residents=["r1"])
    b = Changes.of("checkups", "c2") | Changes.of("users", "u1")
    both = a | b
    assert both.ids("checkups") == {"c1", "c2"} and both.touches("users") and not both.touches("residents")
    assert both.touches_record("r1") and not both.touches_record("r2")
    assert both.kinds == {"clinical", "users"}
    assert not Changes() and both


def test_a_pull_says_which_rows_arrived(svc):
    """The rows a pulled page wrote, with their residents: open records refresh from it."""
    from care_core.protocol import PulledChange, PullPage
    from facility_app.sync import merge, state

    r = admitted(svc)
    condition = svc.clinical.add_condition(SYSTEM, Condition(r.id, "I10", follow_up_days=90))
    with svc.store.engine.connect().execution_options(write=True) as conn, conn.begin():
        state.save_enrolment(conn, server_url="https://example.invalid", token="t", server_device_id="pc-x",
                             facility_code=svc.store.facility_code or "", ca_bundle=None)
    hlc = "004102444800000-00000-other-pc"  # 2100: newer than anything typed here
    page = PullPage([PulledChange(1, "other-pc", "ch1", "residents", r.id, "update", {"room": "P305"}, hlc, 2),
                     PulledChange(2, "other-pc", "ch2", "conditions", condition.id, "update", {"note": "ổn"}, hlc, 2)],
                    2, False)
    applied = merge.apply_page(svc.store, page)
    changes = applied.rows.freeze()
    assert changes.rows == {"residents": {r.id}, "conditions": {condition.id}}
    assert changes.residents == {r.id}
    assert svc.residents.get(NURSE, r.id).room == "P305"
