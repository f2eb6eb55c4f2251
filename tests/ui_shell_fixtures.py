"""Fixtures for the shell's GUI tests (tests/test_ui_*.py except test_ui_record*).

Real widgets over a real encrypted store in a temp folder, offscreen. The
translations are compiled from translations/*.ts into a temp folder (the
.qm files are build output) and found by the app through
``FACILITY_APP_TRANSLATIONS``. QSettings go to a temp folder too, and the
OS credential store is replaced by an in-memory one only in the tests that
say so. Screenshots go to a temp folder (``FACILITY_APP_SCREENSHOTS`` to
choose it); they show generated fixture data only.
"""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from care_core.domain.entities import Actor, Checkup, Referral, Resident, VitalSigns
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, Role, Sex
from facility_app.ui import i18n, style, workers
from facility_app.ui.controller import AppController
from tests.conftest import PASSPHRASE, SYSTEM, TODAY, make_services

ROOT = Path(__file__).resolve().parent.parent
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"
PASSWORD = "mat-khau-2026"
USERS = {"admin": Role.ADMIN, "lan": Role.NURSE, "binh": Role.DOCTOR, "giamdoc": Role.DIRECTOR}


@pytest.fixture(scope="session")
def qm_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("qm")
    for ts in sorted((ROOT / "translations").glob("*.ts")):
        subprocess.run([str(LRELEASE), "-silent", str(ts), "-qm", str(folder / (ts.stem + ".qm"))],
                       check=True, capture_output=True)
    return folder


@pytest.fixture
def shell_app(qapp, qm_folder, tmp_path, monkeypatch):
    """The application as ``facility-app`` sets it up, in Vietnamese."""
    monkeypatch.setenv(i18n.DIR_ENV, str(qm_folder))
    monkeypatch.delenv("FACILITY_APP_PASSPHRASE", raising=False)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    style.apply(qapp)
    i18n.install("vi")
    yield qapp
    for w in QApplication.topLevelWidgets():
        w.close()
    i18n.install("en")


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    chosen = os.environ.get("FACILITY_APP_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screens")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def shoot(widget: QWidget, folder: Path, name: str) -> Path:
    QApplication.processEvents()  # pending layouts (a language switch) settle first
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path)), path
    return path


def wait_idle(qtbot, timeout: int = 10_000) -> None:
    """Until every background task has reported back."""
    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=timeout)


def make_store(data_dir: Path, residents: int = 6):
    """A facility with one account per role and a few residents (fixture data)."""
    services = make_services(data_dir)
    for username, role in USERS.items():
        services.users.add(SYSTEM, username, f"Người dùng {username}", role, PASSWORD)
    people = [
        ("Nguyễn Văn An", Sex.MALE, date(1940, 5, 2), "A101", "001040012345", [BeneficiaryGroup.ELDERLY]),
        ("Đặng Thị Bình", Sex.FEMALE, date(1950, 8, 9), "A102", None, [BeneficiaryGroup.ELDERLY]),
        ("Trần Thị Cúc", Sex.FEMALE, date(2012, 1, 5), "B201", None, [BeneficiaryGroup.CHILD]),
        ("Lê Văn Dũng", Sex.MALE, date(1975, 3, 3), "B202", None, [BeneficiaryGroup.DISABILITY]),
        ("Phạm Thị Én", Sex.FEMALE, date(1938, 12, 1), "A103", None, [BeneficiaryGroup.ELDERLY]),
        ("Hoàng Văn Giang", Sex.MALE, date(1960, 6, 6), "C301", None, [BeneficiaryGroup.MERIT]),
    ][:residents]
    admitted = []
    for name, sex, born, room, cccd, groups in people:
        admitted.append(services.residents.admit(SYSTEM, Resident(
            name, sex, born, date(2024, 1, 10), groups, room=room, cccd=cccd)))
    return services, admitted


def record_abnormal(services, resident_id: str, day: date = TODAY) -> Checkup:
    return services.clinical.record_checkup(SYSTEM, Checkup(resident_id, day, CheckupKind.PERIODIC,
                                                            VitalSigns(systolic=178, diastolic=96)))


def open_referral(services, resident_id: str) -> Referral:
    return services.clinical.open_referral(SYSTEM, Referral(resident_id, TODAY, "Bệnh viện Đa khoa tỉnh",
                                                            "Khó thở, nghi viêm phổi."))


def start_logged_in(qtbot, data_dir: Path, username: str = "lan", lang: str = "vi") -> AppController:
    """Unlock by typing the passphrase and log in, as a person would."""
    controller = AppController(data_dir, lang, today=lambda: TODAY)
    controller.start()
    window = controller.start_window
    qtbot.addWidget(window)
    window.unlock.passphrase.setText(PASSPHRASE)
    window.unlock.button.click()
    qtbot.waitUntil(lambda: window.login is not None and window.pages.currentWidget() is window.login,
                    timeout=15_000)
    log_in(qtbot, window.login, username)
    qtbot.waitUntil(lambda: controller.main is not None, timeout=15_000)
    main = controller.main  # not given to qtbot: the controller deletes it on log-out or restore
    main.resize(1366, 768)  # the target screen (the offscreen one is 800x800)
    qtbot.waitUntil(lambda: main.today.current is not None and not main.residents.loading, timeout=15_000)
    wait_idle(qtbot)
    return controller


def log_in(qtbot, login, username: str, password: str = PASSWORD) -> None:
    login.username.setText(username)
    login.password.setText(password)
    login.button.click()


def visible_texts(root: QWidget | None = None) -> list[str]:
    """Every text a person could read on screen now (labels, buttons, fields,
    tables, trees, tabs, window titles), from visible widgets only."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QTabBar,
    )

    texts: list[str] = []
    tops = [root] if root is not None else [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for top in tops:
        texts.append(top.windowTitle())
        for w in [top] + top.findChildren(QWidget):
            if not w.isVisible():
                continue
            if isinstance(w, (QLabel, QAbstractButton)):
                texts.append(w.text())
            elif isinstance(w, QLineEdit):
                texts += [w.text(), w.placeholderText()]
            elif isinstance(w, QComboBox):
                texts.append(w.currentText())
            elif isinstance(w, QGroupBox):
                texts.append(w.title())
            elif isinstance(w, QTabBar):
                texts += [w.tabText(i) for i in range(w.count())]
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                m = w.model()
                for r in range(min(m.rowCount(), 200)):
                    for c in range(m.columnCount()):
                        texts.append(str(m.data(m.index(r, c)) or ""))
                        child = m.index(r, c)
                        for k in range(min(m.rowCount(child), 200)):
                            texts.append(str(m.data(m.index(k, 0, child)) or ""))
    return [t for t in texts if t]


def actor(username: str) -> Actor:
    return Actor(username, USERS[username])
