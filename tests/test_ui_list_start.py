"""Start-up order of the main window (issue 17): the resident list is read
first; the Today panel and the sync status start reading once it is shown,
so they do not share the CPU (and Python's lock) with it.

Real main window over a real encrypted store, offscreen.
"""
from __future__ import annotations

from tests.ui_shell_fixtures import (  # noqa: F401 - fixtures
    make_store,
    qm_folder,
    shell_app,
    start_logged_in,
    wait_idle,
)


def test_the_today_panel_reads_after_the_list_is_shown(shell_app, qtbot, tmp_path):
    data = tmp_path / "data"
    services, _people = make_store(data)
    services.close()
    controller = start_logged_in(qtbot, data)
    main = controller.main
    events: list[str] = []
    main.residents.sig_loaded.connect(lambda n: events.append(f"list {n}"))
    main.today.sig_loaded.connect(lambda _today: events.append("today"))
    started = []
    reload_today = main.today.reload
    main.today.reload = lambda: (started.append(main.residents.loading), reload_today())
    main.load()
    assert main.residents.loading and started == []  # the list reads; the Today panel waits
    wait_idle(qtbot)
    assert events == ["list 6", "today"] and started == [False]


def test_the_today_panel_still_loads_when_the_list_fails(shell_app, qtbot, tmp_path, monkeypatch):
    data = tmp_path / "data"
    services, _people = make_store(data)
    services.close()
    controller = start_logged_in(qtbot, data)
    main = controller.main
    monkeypatch.setattr(main.residents.roster, "rows", lambda actor: (_ for _ in ()).throw(OSError("disk gone")))
    today = []
    main.today.sig_loaded.connect(today.append)
    main.load()
    wait_idle(qtbot)
    assert main.residents.error.isVisibleTo(main) and len(today) == 1


def test_the_record_screen_loads_in_idle_time_never_while_typing(qapp, qtbot, monkeypatch):
    from types import SimpleNamespace

    from facility_app.ui import record_host

    loaded: list[str] = []
    monkeypatch.setattr(record_host, "importlib", SimpleNamespace(import_module=loaded.append))
    # names of its own: windows of earlier tests may still be preloading the real modules
    monkeypatch.setattr(record_host, "PRELOAD", ("test.first", "test.second", "record.test_window"))

    def mine() -> list[str]:
        return [n for n in loaded if ".test" in n]

    typing = [True]
    record_host.preload(busy=lambda: typing[0], after_ms=0)
    qtbot.wait(400)
    assert mine() == []  # the nurse is typing: nothing is imported
    typing[0] = False
    qtbot.waitUntil(lambda: len(mine()) == 3, timeout=5_000)
    assert mine() == ["facility_app.ui.test.first", "facility_app.ui.test.second", "facility_app.ui.record.test_window"]


def test_the_preload_list_names_modules_of_this_program():
    import importlib.util

    from facility_app.ui import record_host

    assert record_host.PRELOAD[-1] == "record.window"
    assert all(importlib.util.find_spec(f"facility_app.ui.{name}") for name in record_host.PRELOAD)
