"""Pulled pages that wait while one is applied go into the store together,
in one transaction with the cursor (engine._Fetcher, merge.apply_pages):
a crash or a dropped link in the middle of such a group loses and doubles
nothing - the cursor moves only with the rows committed beside it."""
from __future__ import annotations

import random
import time

import pytest
import sqlalchemy as sa

from facility_app.sync import merge
from facility_app.sync.engine import sync_once
from tests.sync_faults_fixtures import FaultProxy, Once
from tests.sync_fixtures import FAST, admit, assert_same, checkup, converge, first_pc, joined_pc
from tests.sync_fixtures import sqlite_server  # noqa: F401 (fixture)
from tests.test_sync_faults import assert_nothing_lost_or_doubled

PAGE = 4  # changes per pulled page


def _cursor(store) -> int:
    with store.read() as conn:
        return conn.execute(sa.text("SELECT pull_cursor FROM sync_state")).scalar()


def _filled_first_pc(tmp_path, server, url=None):
    rng = random.Random(5)
    pc1 = first_pc(tmp_path, server, url=url)
    for _ in range(25):
        resident = admit(pc1, rng)
        checkup(pc1, rng, resident.id)
    report = pc1.sync()
    assert report.complete, report.error
    return pc1


def test_waiting_pages_are_applied_together_with_their_cursor(sqlite_server, tmp_path, monkeypatch):  # noqa: F811
    pc1 = _filled_first_pc(tmp_path, sqlite_server)
    groups: list[tuple[int, int, int]] = []  # (pages, cursor before, cursor after)
    real = merge.apply_pages

    def slow_apply(store, pages, **kw):
        before = _cursor(store)
        applied = real(store, pages, **kw)
        groups.append((len(pages), before, _cursor(store)))
        assert _cursor(store) == pages[-1].cursor  # one transaction: the group's rows and its last cursor
        time.sleep(0.5)  # the fetcher goes on meanwhile: the next group is several pages
        return applied
    monkeypatch.setattr(merge, "apply_pages", slow_apply)
    pc2 = joined_pc(tmp_path, sqlite_server, pull_limit=PAGE)
    try:
        assert max(n for n, _, _ in groups) > 1, groups
        assert len(groups) < sum(n for n, _, _ in groups)
        for (_, _, after), (_, before, _) in zip(groups, groups[1:]):
            assert before == after  # each group starts where the one before committed
        assert_same(sqlite_server, pc1, pc2)
        assert_nothing_lost_or_doubled(sqlite_server, pc1, pc2)
    finally:
        pc1.close()
        pc2.close()


class Crash(Exception):
    pass


def _held(pc, keys: set[tuple[str, str]]) -> set[tuple[str, str]]:
    rows = pc.rows()
    return {(t, r) for t, r in keys if r in rows.get(t, {})}


def test_a_crash_in_the_middle_of_a_group_loses_and_doubles_nothing(sqlite_server, tmp_path, monkeypatch):  # noqa: F811
    pc1 = _filled_first_pc(tmp_path, sqlite_server)
    pc2 = joined_pc(tmp_path, sqlite_server)
    try:
        rng = random.Random(6)
        for _ in range(20):
            checkup(pc1, rng, admit(pc1, rng).id)
        assert pc1.sync().complete
        committed: list[int] = []  # the cursor after each group that committed
        brought: set[tuple[str, str]] = set()  # rows the committed groups created
        lost: set[tuple[str, str]] = set()  # rows of the group that crashed
        real = merge.apply_pages

        def crashing_apply(store, pages, **kw):
            keys = {(ch.table, ch.row_id) for page in pages for ch in page.changes}
            if len(committed) == 2:
                assert len(pages) > 1, "the third apply should hold pages that waited"
                lost.update(keys)
                with monkeypatch.context() as m:  # the rows go in, the process dies before the commit
                    m.setattr(merge.state, "move_cursor", lambda conn, cursor: (_ for _ in ()).throw(Crash()))
                    return real(store, pages, **kw)
            applied = real(store, pages, **kw)
            committed.append(_cursor(store))
            brought.update(keys)
            time.sleep(0.5)  # pages pile up meanwhile
            return applied

        before = _cursor(pc2.store)
        monkeypatch.setattr(merge, "apply_pages", crashing_apply)
        with pytest.raises(Crash):
            sync_once(pc2.store, **{**FAST, "pull_limit": PAGE})
        monkeypatch.setattr(merge, "apply_pages", real)
        assert len(committed) == 2 and _cursor(pc2.store) == committed[-1] > before
        assert lost and not lost & brought
        assert _held(pc2, brought) == brought and not _held(pc2, lost)
        converge(pc1, pc2)
        assert _held(pc2, lost) == lost
        assert_same(sqlite_server, pc1, pc2)
        assert_nothing_lost_or_doubled(sqlite_server, pc1, pc2)
    finally:
        pc1.close()
        pc2.close()


def test_a_link_dropped_while_pages_wait_loses_and_doubles_nothing(sqlite_server, tmp_path, monkeypatch):  # noqa: F811
    proxy = FaultProxy(sqlite_server.port)
    pc1 = _filled_first_pc(tmp_path, sqlite_server)
    pc2 = joined_pc(tmp_path, sqlite_server, url=proxy.base_url)
    try:
        rng = random.Random(7)
        for _ in range(20):
            checkup(pc1, rng, admit(pc1, rng).id)
        assert pc1.sync().complete
        before = _cursor(pc2.store)
        real = merge.apply_pages
        groups: list[int] = []

        def slow_apply(store, pages, **kw):
            groups.append(len(pages))
            time.sleep(0.5)
            return real(store, pages, **kw)
        monkeypatch.setattr(merge, "apply_pages", slow_apply)
        proxy.policy = Once("reset-response", "/v1/pull", nth=6)
        report = pc2.sync(pull_limit=PAGE)
        assert proxy.faults() == ["reset-response"]
        assert report.error is not None and report.pulled == 5 * PAGE
        assert before < _cursor(pc2.store) and sum(groups) == 5
        proxy.policy = lambda r: "pass"
        monkeypatch.setattr(merge, "apply_pages", real)
        converge(pc1, pc2)
        assert_same(sqlite_server, pc1, pc2)
        assert_nothing_lost_or_doubled(sqlite_server, pc1, pc2)
    finally:
        pc1.close()
        pc2.close()
        proxy.close()
