"""Logs: where they go, that they rotate, and that they never hold patient data.

- the folder: the platform's user log folder, or ``<data folder>/logs`` when
  the data folder was chosen (``--data-dir`` / ``FACILITY_APP_DATA_DIR``);
- rotation: 1 MB files, five old ones kept;
- an unexpected error is logged by type and stack frames, never by its
  message (nor the message of the error that caused it);
- a whole demo session - the real ``facility-admin`` (init, demo, search by
  a resident's name and CCCD, export, backup, verify, a refused restore),
  the real ``facility-app`` started on that store, and a GUI session in
  which saving a checkup fails unexpectedly with a message quoting the
  resident - leaves log files that name the commands and the error, and
  hold no resident's name (NFC, NFD, UTF-16, accent-folded), CCCD or BHYT
  number.
"""
from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from facility_app import logs, paths
from care_core.domain.entities import Resident
from care_core.domain.text import fold
from facility_app.services.clinical import ClinicalService
from facility_app.services.container import Services
from facility_app.storage.store import Store
from facility_app.ui.record.feedback import unexpected_text
from tests.conftest import SYSTEM
from tests.store_fixtures import PASSPHRASE, cli_env, init_args, run_cli
from tests.ui_shell_fixtures import make_store, qm_folder, shell_app, start_logged_in, wait_idle  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
LOG_NAME = "facility-app.log"


@pytest.fixture(autouse=True)
def fresh_logger():
    """Each test sets up its own log file; none is left open afterwards."""
    yield
    logger = logging.getLogger(logs.LOGGER_NAME)
    for handler in list(logger.handlers):
        handler.close()
        logger.removeHandler(handler)


def needles_of(people: list[Resident]) -> list[bytes]:
    """Every way a resident's identity could be written into a file."""
    found: set[bytes] = set()
    for p in people:
        for text in (p.full_name, p.next_of_kin_name):
            if len(text) < 6:
                continue
            for form in ("NFC", "NFD"):
                found.add(unicodedata.normalize(form, text).encode("utf-8"))
            found.add(unicodedata.normalize("NFC", text).encode("utf-16-le"))
            found.add(fold(text).encode("ascii"))
        for value in (p.cccd, p.bhyt_number):
            if value:
                found.add(value.encode("ascii"))
    return sorted(found)


def leaks(folder: Path, needles: list[bytes]) -> dict[str, list[bytes]]:
    pattern = re.compile(b"|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)))
    return {str(p.relative_to(folder)): sorted(set(hits)) for p in sorted(folder.rglob("*"))
            if p.is_file() and (hits := pattern.findall(p.read_bytes()))}


def child(parent: QWidget, name: str, kind=QWidget):
    found = parent.findChild(kind, name)
    assert found is not None, f"no widget named {name}"
    return found


def type_digits(qtbot, parent: QWidget, name: str, text: str) -> None:
    box = child(parent, name, QLineEdit)
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)


def log_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob(LOG_NAME + "*")))


# --- where, and rotation -------------------------------------------------------------------------

def test_logs_go_to_the_platform_folder_unless_the_data_folder_was_chosen(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    platform_logs = Path(platformdirs.user_log_dir(paths.APP_NAME, paths.APP_AUTHOR))
    assert paths.log_dir() == platform_logs
    assert paths.log_dir(paths.data_dir()) == platform_logs  # the default data folder: platform logs
    assert paths.log_dir(tmp_path / "chosen") == tmp_path / "chosen" / "logs"  # --data-dir
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "env"))
    assert paths.log_dir(paths.data_dir()) == tmp_path / "env" / "logs"


def test_log_files_rotate_at_one_megabyte_keeping_five(tmp_path):
    folder = tmp_path / "logs"
    log = logs.setup(folder)
    assert not folder.exists()  # nothing is created until something is logged
    line = "x" * 1000
    for i in range(7_000):  # ~7 MB of records
        log.info("event %d %s", i, line)
    names = sorted(p.name for p in folder.iterdir())
    assert names == [LOG_NAME] + [f"{LOG_NAME}.{n}" for n in range(1, 6)]
    assert all(p.stat().st_size <= 1_000_000 for p in folder.iterdir())
    assert "event 6999 " in (folder / LOG_NAME).read_text(encoding="utf-8")  # the newest is in the current file


# --- unexpected errors ---------------------------------------------------------------------------

def _read_card(name: str, number: str) -> None:
    try:
        int("card " + number)
    except ValueError as exc:
        raise RuntimeError(f"cannot read the card of {name}, CCCD {number}") from exc


def _save_profile(name: str, number: str) -> None:
    _read_card(name, number)


def test_an_unexpected_error_is_logged_by_type_and_frames_without_its_message(tmp_path):
    logs.setup(tmp_path / "logs")
    name, number = "Nguyễn Thị Hoa", "001190012345"
    try:
        _save_profile(name, number)
    except RuntimeError as exc:
        message, cause = str(exc), str(exc.__cause__)
        logs.log_unexpected(exc)
    text = log_text(tmp_path / "logs")
    assert "ERROR" in text and "unexpected RuntimeError" in text
    assert "_save_profile" in text and "_read_card" in text and "test_logs.py" in text  # where it happened
    for secret in (name, fold(name), number, message, cause):
        assert secret not in text  # neither its message nor its cause's


# --- a whole session ---------------------------------------------------------------------------

def _residents(data: Path) -> list[Resident]:
    services = Services(Store.open(data, PASSPHRASE))
    try:
        return services.residents.list(SYSTEM)
    finally:
        services.close()


@pytest.mark.slow
def test_a_demo_session_leaves_logs_without_patient_data(shell_app, qtbot, tmp_path, monkeypatch):
    data = tmp_path / "data"
    out = tmp_path / "out"
    out.mkdir()

    # --- the IT officer, with the real facility-admin ----------------------------------------------
    for args in (init_args(), ["demo", "--residents", "30", "--seed", "11"]):
        proc = run_cli(data, *args)
        assert proc.returncode == 0, (args, proc.stderr)
    people = _residents(data)
    someone = next(p for p in people if p.cccd and p.bhyt_number)
    commands = [
        ["residents", "search", someone.full_name],  # a name and a CCCD on the command line
        ["residents", "search", someone.cccd],
        ["export", "residents", str(out / "doi-tuong.csv")],
        ["backup", str(out / "sao-luu.db")],
        ["verify"],
        ["info"],
    ]
    for args in commands:
        proc = run_cli(data, *args)
        assert proc.returncode == 0, (args, proc.stderr)
    assert someone.full_name in (out / "doi-tuong.csv").read_text(encoding="utf-8-sig")  # the needles are real
    refused = run_cli(tmp_path / "elsewhere", "restore", str(out / "sao-luu.db"), passphrase="not the passphrase")
    assert refused.returncode == 1

    # --- the program itself, started on that store (logs beside the chosen data folder) ----------
    env = cli_env(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "home"))
    started = subprocess.run([sys.executable, "-m", "facility_app.app", "--data-dir", str(data), "--startup-probe"],
                             env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert started.returncode == 0 and "startup-probe: startWindow shown" in started.stdout, started.stderr

    # --- a nurse in the GUI; saving a checkup fails unexpectedly, quoting the resident -------------
    gui_data = tmp_path / "gui"
    services, admitted = make_store(gui_data)
    services.close()
    logs.setup(paths.log_dir(gui_data))  # as facility-app does at start
    victim = next(p for p in admitted if p.cccd)

    def broken(self, actor, checkup):
        raise RuntimeError(f"disk trouble while saving {victim.full_name} ({victim.cccd})")

    monkeypatch.setattr(ClinicalService, "record_checkup", broken)
    controller = start_logged_in(qtbot, gui_data, "lan")
    main = controller.main
    qtbot.keyClicks(main.residents.search, fold(victim.full_name))
    assert main.residents.proxy.rowCount() == 1
    qtbot.keyClick(main.residents.search, Qt.Key.Key_Return)
    record = main.tabs.currentWidget()
    assert record.objectName() == "residentRecord"
    record.tabs.setCurrentWidget(record.checkups)
    child(record, "checkupNew", QPushButton).click()
    for name, text in {"checkupSystolic": "128", "checkupDiastolic": "82", "checkupPulse": "76"}.items():
        type_digits(qtbot, record, name, text)
    child(record, "checkupSave", QPushButton).click()
    wait_idle(qtbot)
    shown = [label.text() for label in record.findChildren(QLabel) if label.isVisible()]
    assert unexpected_text() in shown  # the nurse is told, in words; the log gets the stack
    main.close()
    controller.shutdown()

    # --- what the logs say, and what they must not -------------------------------------------------
    cli_logs = data / "logs"
    gui_logs = gui_data / "logs"
    cli_text = log_text(cli_logs)
    for name in ("init", "demo", "search", "export-residents", "backup", "verify", "info"):
        assert f"facility-admin {name}: exit 0" in cli_text, name
    assert "facility-app 0" in cli_text and "started" in cli_text and "stopped: exit 0" in cli_text
    assert not (tmp_path / "elsewhere").exists()  # the refused restore wrote nothing, not even a log
    assert "unexpected RuntimeError" in log_text(gui_logs)

    needles = needles_of(people + admitted)
    assert len(needles) > 100
    assert leaks(cli_logs, needles) == {}
    assert leaks(gui_logs, needles) == {}
    assert os.listdir(cli_logs) and os.listdir(gui_logs)
