"""Python's cycle collector never runs on a worker thread (ui.workers).

It frees whatever unreachable cycles it finds on the thread that happens to
allocate, and a Qt object freed off its own thread can crash the program.
Real thread pool, real Qt event loop, offscreen.
"""
from __future__ import annotations

import gc
import threading
import time

from PySide6.QtCore import QObject

from facility_app.ui import workers


def _churn() -> int:
    """Leave cyclic garbage enough to overflow the collector's counters many times."""
    made = 0
    for i in range(100_000):
        cycle = [i]
        cycle.append(cycle)
        made += 1
    return made


def test_workers_allocating_never_start_a_collection(qapp, qtbot):
    gui = threading.get_ident()
    started: list[int] = []

    def seen(phase, _info):
        if phase == "start":
            started.append(threading.get_ident())

    done: list[int] = []
    gc.callbacks.append(seen)
    try:
        for _ in range(3):
            workers.run_async(_churn, done.append, lambda exc: done.append(-1))
        qtbot.waitUntil(lambda: len(done) == 3, timeout=20_000)
        qtbot.waitUntil(lambda: gui in started, timeout=5_000)  # the garbage is still collected, here
    finally:
        gc.callbacks.remove(seen)
    assert done == [100_000] * 3
    assert set(started) == {gui}


def test_a_dropped_qt_cycle_is_freed_on_the_gui_thread(qapp, qtbot):
    """A parentless QObject kept only by a Python cycle, dropped while a
    worker allocates: it is destroyed, and on the GUI thread."""
    gui = threading.get_ident()
    destroyed_on: list[int] = []

    class Holder:
        pass

    class Tracked(QObject):
        def __del__(self):
            destroyed_on.append(threading.get_ident())

    holder = Holder()
    holder.obj = Tracked()
    holder.me = holder  # a cycle: only the collector frees it
    del holder
    done: list[int] = []
    workers.run_async(_churn, done.append, lambda exc: done.append(-1))
    qtbot.waitUntil(lambda: bool(done) and bool(destroyed_on), timeout=20_000)
    assert destroyed_on == [gui]


def test_a_qt_object_only_the_work_holds_dies_on_the_gui_thread(qapp, qtbot):
    """The worker drops no last reference: the work (and the Qt object it
    captured) and its result are let go of where the result is reported."""
    gui = threading.get_ident()
    freed_on: dict[str, int] = {}

    class Tracked(QObject):
        def __del__(self):
            freed_on["captured"] = threading.get_ident()

    class Result:
        def __del__(self):
            freed_on["result"] = threading.get_ident()

    captured = Tracked()
    done: list[object] = []
    workers.run_async(lambda kept=captured: time.sleep(0.05), done.append, done.append)
    workers.run_async(Result, lambda result: done.append(type(result).__name__), done.append)
    del captured
    qtbot.waitUntil(lambda: len(freed_on) == 2 and workers.pending() == 0, timeout=10_000)
    assert sorted(map(str, done)) == ["None", "Result"]
    assert freed_on == {"captured": gui, "result": gui}


def test_old_objects_are_frozen_not_walked_and_thawed_within_minutes(qapp, monkeypatch):
    """Where Python would walk the whole heap, the collector frees the young
    cycles and freezes the survivors (a whole-heap pass over a big list is a
    pause a nurse feels); a cycle that died old is freed at the next thaw."""

    class Holder:
        pass

    def cycle(freed: list) -> Holder:
        holder = Holder()
        holder.me = holder
        holder.tracked = Tracked(freed)
        return holder

    class Tracked:
        def __init__(self, freed):
            self.freed = freed

        def __del__(self):
            self.freed.append(True)

    def overflow() -> None:  # all three generations' counters past their thresholds
        monkeypatch.setattr(gc, "get_count", lambda: (10**6, 10**6, 10**6))

    gc.unfreeze()
    old_freed: list = []
    old = cycle(old_freed)
    monkeypatch.setattr(workers, "_last_full", float("-inf"))
    monkeypatch.setattr(workers, "_last_thaw", time.monotonic())  # no thaw due
    overflow()
    workers.collect_garbage()
    assert gc.get_freeze_count() > 0  # the survivors, ``old`` among them, are frozen
    monkeypatch.undo()

    young_freed: list = []
    young = cycle(young_freed)
    del old, young  # both unreachable now; only the young one is collected without a thaw
    monkeypatch.setattr(workers, "_last_full", float("-inf"))
    monkeypatch.setattr(workers, "_last_thaw", time.monotonic())
    overflow()
    workers.collect_garbage()
    assert young_freed == [True] and old_freed == []

    monkeypatch.setattr(workers, "_last_full", float("-inf"))
    monkeypatch.setattr(workers, "_last_thaw", time.monotonic() - workers._THAW_EVERY_S - 1)  # a thaw is due
    workers.collect_garbage()
    monkeypatch.undo()
    assert old_freed == [True]
    gc.unfreeze()
