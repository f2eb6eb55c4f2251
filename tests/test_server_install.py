"""The provincial server installs and runs with its own dependency set.

A fresh virtual environment gets only ``pip install '.[server]'`` (the
README's server command): no Qt, no SQLCipher, no reportlab. It must still
migrate a real PostgreSQL database, serve, and answer ``/health``: the
server imports the shared core (``care_core``) and nothing of the desktop.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.server_fixtures import free_port, fresh_database

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server_venv(tmp_path_factory) -> Path:
    venv = tmp_path_factory.mktemp("server-venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    # no editable install: the venv must hold its own copy, as on the province's machine
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                          "--disable-pip-version-check", f"{ROOT}[server]"],
                         capture_output=True, text=True, timeout=900)
    assert pip.returncode == 0, pip.stderr[-3000:]
    return venv


def _py(venv: Path, code: str) -> subprocess.CompletedProcess:
    # run outside the source tree, so only what was installed can be imported
    return subprocess.run([str(venv / "bin" / "python"), "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=venv, env={"PATH": os.environ["PATH"], "HOME": str(venv)})


def test_server_set_leaves_out_the_desktop_dependencies(server_venv):
    for module in ("PySide6", "sqlcipher3", "reportlab"):
        found = _py(server_venv, f"import importlib.util as u; print(u.find_spec({module!r}) is not None)")
        assert found.returncode == 0, found.stderr
        assert found.stdout.strip() == "False", f"{module} was installed with the server's set"
    imported = _py(server_venv, "import sys, provincial_server.api, provincial_server.cli, care_core.protocol;"
                                "print(sorted(m for m in sys.modules if m.startswith('facility_app')))")
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "[]"


def test_server_set_migrates_serves_and_answers_health(server_venv, tmp_path):
    db = fresh_database("postgresql", tmp_path, "install")
    exe = str(server_venv / "bin" / "provincial-server")
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    migrated = subprocess.run([exe, "--db", db, "migrate"], capture_output=True, text=True, timeout=120,
                              cwd=tmp_path, env=env)
    assert migrated.returncode == 0, migrated.stderr
    port = free_port()
    proc = subprocess.Popen([exe, "--db", db, "serve", "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tmp_path, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode(errors="replace")[-2000:]
            try:
                answer = requests.get(f"http://127.0.0.1:{port}/health", timeout=2)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.2)
        assert answer.status_code == 200
        assert answer.json()["status"] == "ok"
    finally:
        proc.terminate()
        proc.wait(timeout=20)
