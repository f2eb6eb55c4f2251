"""The per-token request budget: a runaway PC is slowed down with 429 and
Retry-After; other PCs and the facility client's own runs carry on."""
from __future__ import annotations

import pytest
import requests

import random

from provincial_server.budget import RequestBudget
from tests.server_fixtures import FakePC, ServerRunner, fresh_database
from tests.sync_fixtures import NURSE, Server, admit, first_pc


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_bucket_spends_refills_and_keeps_tokens_apart():
    clock = Clock()
    budget = RequestBudget(burst=3, per_second=1.0, clock=clock)
    assert [budget.take("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert budget.take("a") == pytest.approx(1.0)
    assert budget.take("b") == 0.0  # another device's budget is its own
    clock.now += 0.5
    assert budget.take("a") == pytest.approx(0.5)  # refused requests cost nothing
    clock.now += 0.5
    assert budget.take("a") == 0.0
    clock.now += 100  # refills up to the burst, not beyond
    assert [budget.take("a") for _ in range(4)][-1] == pytest.approx(1.0)
    with pytest.raises(ValueError):
        RequestBudget(burst=0)


def test_idle_buckets_are_dropped_when_the_table_grows(monkeypatch):
    import provincial_server.budget as b
    monkeypatch.setattr(b, "_MAX_KEYS", 10)
    clock = Clock()
    budget = RequestBudget(burst=2, per_second=1.0, clock=clock)
    for i in range(10):  # one request each from ten random tokens ...
        budget.take(f"random-{i}")
    clock.now += 5  # ... whose buckets are full again by now
    budget.take("busy")
    budget.take("busy")
    budget.take("one-more")  # the eleventh key: the table is pruned
    assert len(budget._buckets) == 2
    assert budget.take("busy") > 0  # a bucket still spent is kept


@pytest.fixture
def tight_server(tmp_path):
    server = ServerRunner(fresh_database("sqlite", tmp_path, "budget"),
                          budget=RequestBudget(burst=3, per_second=0.2)).start()
    yield server
    server.stop()


def test_over_budget_is_429_with_retry_after_and_a_reason(tight_server):
    server = tight_server
    facility = server.add_facility("BUDGET-1")
    a, b = FakePC.enrol(server, facility), FakePC.enrol(server, facility)
    for _ in range(3):
        assert a.http.get(f"{server.url}/v1/pull", timeout=10).status_code == 200
    r = a.http.get(f"{server.url}/v1/pull", timeout=10)
    assert r.status_code == 429
    assert r.headers["Retry-After"] == "5"
    body = r.json()
    assert body["error"] == "rate-limited" and "quá nhiều yêu cầu" in body["message_vi"] and body["message_en"]
    assert b.http.get(f"{server.url}/v1/pull", timeout=10).status_code == 200  # B is not slowed by A
    assert requests.get(f"{server.url}/health", timeout=10).status_code == 200  # nor is the health check


def test_the_client_waits_out_a_429_and_completes(tmp_path):
    """A run of four requests against a budget of three: the fourth is told
    to wait, the client's HTTP retry waits as told, and the run completes."""

    class Counting(RequestBudget):
        refused = 0

        def take(self, token):
            wait = super().take(token)
            Counting.refused += wait > 0
            return wait

    server = Server(tmp_path, "sqlite", budget=Counting(burst=3, per_second=0.5))
    pc = first_pc(tmp_path, server)  # a facility row and an admin user wait in its outbox
    try:
        admit(pc, random.Random(1))
        report = pc.sync(max_changes=1, window=1)  # 3 pushes and a pull
        assert report.complete, report.error
        assert Counting.refused >= 1 and report.wire.requests >= 5  # and the retry after the 429
        assert len(pc.services.residents.list(NURSE)) == 1
        assert len(server.rows()["residents"]) == 1
    finally:
        pc.close()
        server.close()
