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


def test_vietnamese_output_to_a_pipe_in_a_code_page_that_lacks_it(tmp_path):
    """Windows sends a pipe's output in the ANSI code page (cp1252): facility-admin
    init used to fail there with UnicodeEncodeError; its output is UTF-8 now."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "PYTHONPATH": str(root),
           "FACILITY_APP_PASSPHRASE": "kiểm tra cài đặt 2026", "FACILITY_APP_ADMIN_PASSWORD": "quan-tri-2026"}
    proc = subprocess.run(
        [sys.executable, "-m", "facility_app.cli.main", "--lang", "en", "--data-dir", str(tmp_path / "data"),
         "init", "--facility-code", "TTBTXH-WC", "--facility-name", "Trung tâm bảo trợ xã hội kiểm tra",
         "--facility-type", "social-assistance", "--province", "Lạng Sơn", "--admin-user", "admin"],
        capture_output=True, env=env, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert "Trung tâm bảo trợ xã hội kiểm tra" in proc.stdout.decode("utf-8")
