"""``facility-admin --self-test``: the console check an IT officer runs after
installing (installer/wine-check.sh runs it on the installed Windows build)."""
from __future__ import annotations

from facility_app.app import admin_main


def test_admin_self_test_runs_the_console_checks_and_passes(capsys, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert admin_main(["--self-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("facility-admin ") and " self-test (" in lines[0]
    assert [line.split(":")[0] for line in lines[1:-1]] == ["OK   modules", "OK   store", "OK   report",
                                                          "OK   translations"]  # no window
    assert lines[-1] == "self-test passed"


def test_admin_without_self_test_is_the_command_line_tool(capsys):
    try:
        admin_main(["--version"])
    except SystemExit as exc:  # argparse's --version
        assert exc.code == 0
    assert capsys.readouterr().out.startswith("facility-admin ")
