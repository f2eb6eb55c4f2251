"""Fixtures for the sync screens' tests (tests/test_ui_sync*.py).

A real provincial server on 127.0.0.1 (uvicorn, SQLite: tests/sync_fixtures),
the facility's first PC as the GUI runs it (a real encrypted store with one
account per role, ui_shell_fixtures.make_store), and a second PC made by the
``init --join`` code path, driven through its services. The engine runs with
short timeouts (sync_fixtures.FAST) so an offline attempt fails at once.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from facility_app.sync import setup
from facility_app.sync.engine import sync_once
from facility_app.ui.sync import hooks
from tests.sync_fixtures import FAST, Server
from tests.ui_shell_fixtures import make_store, start_logged_in, wait_idle

WAIT_MS = 20_000


@pytest.fixture
def fast_sync(monkeypatch):
    monkeypatch.setattr(hooks, "RUNNER_OPTIONS", dict(FAST))


@pytest.fixture
def server(tmp_path):
    s = Server(tmp_path, "sqlite")
    yield s
    s.close()


def first_pc_store(data_dir: Path, server: Server | None = None, residents: int = 6):
    """The GUI PC's store, closed again; enrolled and synced once when a server is given.
    Returns (device id or "", the admitted residents)."""
    services, admitted = make_store(data_dir, residents)
    device_id = ""
    try:
        if server is not None:
            device_id, code = server.enrol_code("pc-gui")
            setup.enrol(services.store, server.base_url, code)
            report = sync_once(services.store, **FAST)
            assert report.complete, report.error
    finally:
        services.close()
    return device_id, admitted


def worker_of(controller):
    return controller.main.sync.worker


def area_of(controller):
    return controller.main.sync.area


def wait_runs(qtbot, controller, n: int) -> None:
    """Until the GUI's worker has finished ``n`` runs and re-read its status."""
    worker = worker_of(controller)
    qtbot.waitUntil(lambda: worker.runs >= n and not worker.running, timeout=WAIT_MS)
    wait_idle(qtbot, WAIT_MS)


def sync_now(qtbot, controller):
    """Press "Sync now" in the status bar and wait for the run to end; the report."""
    worker = worker_of(controller)
    area = area_of(controller)
    qtbot.waitUntil(lambda: area.now.isVisible() and area.now.isEnabled(), timeout=WAIT_MS)
    before = worker.runs
    area.now.click()
    wait_runs(qtbot, controller, before + 1)
    return worker.report


def log_in_enrolled(qtbot, data_dir: Path, username: str = "lan", lang: str = "vi"):
    """Unlock, log in and wait for the first (automatic) sync after login."""
    controller = start_logged_in(qtbot, data_dir, username, lang)
    wait_runs(qtbot, controller, 1)
    return controller


def close_all(controller) -> None:
    """As quitting does: the window closes first (the worker stops), then the store."""
    controller._close_main()
    controller.shutdown()
