"""Faults on the link and the server - resets mid-push and mid-pull, stalls,
duplicated requests, 500s, dropped connections, a server restart - and a
seeded random run of a few hundred operations with faults. Once the faults
stop, every copy converges with nothing lost and nothing applied twice."""
from __future__ import annotations

import random
import time

import pytest
import sqlalchemy as sa

from benchmarks import convergence
from facility_app.storage.tables import change_log
from provincial_server.tables import changes
from tests.sync_faults_fixtures import FAULTS, FaultProxy, Once
from tests.sync_fixtures import (
    NURSE, PC, Server, admit, assert_same, checkup, converge, edit, first_pc, joined_pc,
)
from tests.sync_fixtures import sqlite_server  # noqa: F401 (fixture)
from tests.sync_fixtures import sync_server  # noqa: F401 (fixture)

STALL = {"read_timeout": 1.0}


def assert_nothing_lost_or_doubled(server: Server, *pcs: PC) -> None:
    """Every change made on a PC is on the server exactly once; none waits."""
    made: list[str] = []
    for pc in pcs:
        with pc.store.read() as conn:
            states = dict(conn.execute(sa.select(change_log.c.state, sa.func.count()).group_by(change_log.c.state)).all())
            assert states.get("pending", 0) == 0 and states.get("parked", 0) == 0, (pc.name, states)
            made += list(conn.execute(sa.select(change_log.c.change_id)).scalars())
    with server.engine.connect() as conn:
        held = list(conn.execute(sa.select(changes.c.change_id).where(changes.c.origin_device != "server")).scalars())
    assert len(held) == len(set(held))
    assert sorted(held) == sorted(made)


def _work(pc: PC, rng: random.Random, residents: list) -> None:
    """Admit one, and a checkup and an edit of residents this PC holds."""
    residents.append(admit(pc, rng))
    here = pc.services.residents.list(NURSE)
    checkup(pc, rng, rng.choice(here).id)
    edit(pc, rng.choice(here).id, room=f"P{rng.randrange(100)}")


@pytest.mark.slow
def test_every_fault_mid_push_and_mid_pull_then_convergence(sqlite_server, tmp_path):
    server = sqlite_server
    proxy = FaultProxy(server.port, stall_seconds=2.0, on_restart=server.restart)
    rng = random.Random(11)
    pc1 = first_pc(tmp_path, server, url=proxy.base_url)
    residents = [admit(pc1, rng)]
    assert pc1.sync().complete
    pc2 = joined_pc(tmp_path, server, url=proxy.base_url)
    pc1.options = pc2.options = STALL
    try:
        for fault in FAULTS:
            for path in ("/v1/push", "/v1/pull"):
                _work(pc1, rng, residents)
                _work(pc2, rng, residents)
                proxy.policy = Once(fault, path)
                first = pc1.sync()
                second = pc2.sync()
                assert proxy.faults() and proxy.faults()[-1] == fault, (fault, path)
                # a run hit by a fault either recovered by itself or says why
                for report in (first, second):
                    assert report.complete or report.error is not None
                proxy.log.clear()
                proxy.policy = lambda r: "pass"
                converge(pc1, pc2)
                assert_same(server, pc1, pc2)
                assert_nothing_lost_or_doubled(server, pc1, pc2)
        ids = {r.id for r in residents}
        for pc in (pc1, pc2):
            assert {r.id for r in pc.services.residents.list(NURSE)} == ids
    finally:
        pc1.close()
        pc2.close()
        proxy.close()


def test_a_batch_sent_twice_is_applied_once(sqlite_server, tmp_path):
    """The server did the work, the answer was lost (500 after, reset after):
    the client sends the same batch again and gets the stored answer."""
    server = sqlite_server
    proxy = FaultProxy(server.port)
    rng = random.Random(12)
    pc = first_pc(tmp_path, server, url=proxy.base_url)
    try:
        for _ in range(3):
            admit(pc, rng)
        proxy.policy = Once("reset-response", "/v1/push")
        report = pc.sync()
        assert report.complete, report.error
        pushes = [entry for entry in proxy.log if entry[1] == "/v1/push"]
        assert [f for _, _, f in pushes] == ["reset-response", "pass"]
        assert_nothing_lost_or_doubled(server, pc)
        with server.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM batches")).scalar() == 1
    finally:
        pc.close()
        proxy.close()


@pytest.mark.slow
def test_seeded_random_run_with_faults(sync_server, tmp_path):
    """At least 200 operations on two PCs (admissions, checkups, edits of
    shared residents, syncs) with a fault on about a fifth of the requests
    and a few server restarts; then the faults stop and all converge."""
    server = sync_server
    seed = 20261123
    rng = random.Random(seed)
    fault_rng = random.Random(seed + 1)
    proxy = FaultProxy(server.port, stall_seconds=1.5, on_restart=server.restart)
    pc1 = first_pc(tmp_path, server, url=proxy.base_url)
    residents = [admit(pc1, rng) for _ in range(4)]
    assert pc1.sync().complete
    pc2 = joined_pc(tmp_path, server, url=proxy.base_url)
    pc1.options = pc2.options = STALL
    pcs = [pc1, pc2]
    known = {pc1.name: list(residents), pc2.name: list(residents)}
    kinds = [f for f in FAULTS if f != "restart"]

    def policy(req):
        roll = fault_rng.random()
        if roll < 0.01:
            return "restart"
        return fault_rng.choice(kinds) if roll < 0.2 else "pass"

    proxy.policy = policy
    started = time.monotonic()
    ops = {"admit": 0, "checkup": 0, "edit": 0, "sync": 0, "sync-failed": 0}
    try:
        for _ in range(220):
            pc = rng.choice(pcs)
            mine = known[pc.name]
            op = rng.choices(["admit", "checkup", "edit", "sync"], [2, 3, 4, 3])[0]
            if op == "admit":
                mine.append(admit(pc, rng))
            elif op == "checkup":
                checkup(pc, rng, rng.choice(mine).id)
            elif op == "edit":
                field = rng.choice(["room", "notes", "next_of_kin_phone"])
                value = {"room": f"P{rng.randrange(40)}", "notes": rng.choice(["Ổn định", "Theo dõi huyết áp", ""]),
                         "next_of_kin_phone": f"09{rng.randrange(10**8):08d}"}[field]
                edit(pc, rng.choice(mine).id, **{field: value})
            else:
                report = pc.sync()
                ops["sync-failed"] += report.error is not None
                if report.error is None:  # what this PC now shows, it may edit
                    known[pc.name] = pc.services.residents.list(NURSE)
            ops[op] += 1
        proxy.policy = lambda r: "pass"
        converge(pc1, pc2)
        assert_same(server, pc1, pc2)
        assert_nothing_lost_or_doubled(server, pc1, pc2)
        everyone = {r.id for pc in pcs for r in known[pc.name]}
        assert {r.id for r in pc1.services.residents.list(NURSE)} >= everyone
        assert len(proxy.faults()) >= 10, proxy.faults()
        assert time.monotonic() - started < 240
    finally:
        pc1.close()
        pc2.close()
        proxy.close()


def test_batches_overlap_on_a_slow_server_but_never_overtake_their_records(sqlite_server, tmp_path):
    """With slow answers the engine keeps several batches in flight; a batch
    that names a record of an earlier, unanswered batch waits, so nothing is
    refused for arriving before its resident."""
    server = sqlite_server
    pushes = iter(range(10**6))

    def uneven(req):  # every other push is slow, so a later batch could overtake an earlier one
        if req.path != "/v1/push":
            return "pass"
        return "delay:1.0" if next(pushes) % 2 else "delay:0.3"

    proxy = FaultProxy(server.port, uneven)
    rng = random.Random(13)
    pc = first_pc(tmp_path, server, url=proxy.base_url)
    try:
        for _ in range(40):  # each admission followed by its checkups: batches depend on each other
            person = admit(pc, rng)
            for _ in range(3):
                checkup(pc, rng, person.id)
            edit(pc, person.id, room="P-mới")
        report = pc.sync(max_changes=18)
        assert report.complete, report.error
        assert report.parked == 0 and report.push_rounds >= 9
        assert proxy.max_active >= 2  # batches did overlap
        assert_nothing_lost_or_doubled(server, pc)
        assert len(server.rows()["checkups"]) == 120
    finally:
        pc.close()
        proxy.close()


@pytest.mark.slow
def test_three_pcs_killed_and_a_server_killed_converge(tmp_path):
    """The probe's scale, short and seeded: three PC processes and a server
    process, each killed with SIGKILL mid-work and started again, then all
    settle: nothing lost, nothing doubled, every copy equal
    (``benchmarks/convergence.py --minutes N`` is the long run)."""
    started = time.monotonic()
    figures = convergence.run(15, seed=20261202, pcs=3, tmp=tmp_path)
    assert figures["pc_kills"] >= 1 and figures["server_kills"] >= 1, figures
    assert figures["changes"] > 20, figures  # the PCs did work between the kills
    assert not figures.get("still_moving"), figures
    assert (figures["lost"], figures["doubled"], figures["diverged"]) == (0, 0, 0), figures
    assert time.monotonic() - started < 120
