"""Fixtures for the resident-record screen tests (tests/test_ui_record*.py).

A real encrypted store per test (conftest.make_services), a resident, the
record widget at 1366x768, and the record's translations compiled from
translations/record_*.ts into a temp folder (the .qm files are build output).
"""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, Sex
from facility_app.ui import dialogs
from facility_app.ui.record import feedback
from facility_app.ui.session import Session
from tests.conftest import NURSE, make_services

ROOT = Path(__file__).resolve().parent.parent


LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"


def compile_translation(lang: str, folder: Path) -> Path:
    qm = folder / f"record_{lang}.qm"
    subprocess.run([str(LRELEASE), "-silent", str(ROOT / "translations" / f"record_{lang}.ts"), "-qm", str(qm)],
                   check=True, capture_output=True)
    return qm


@pytest.fixture(scope="session")
def record_qm(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("record-qm")
    return {lang: compile_translation(lang, folder) for lang in ("vi", "en")}


@pytest.fixture
def translated(qapp, record_qm):
    """Install a language's translator for the test: ``translated("vi")``."""
    installed: list[QTranslator] = []

    def install(lang: str) -> QTranslator:
        translator = QTranslator()
        assert translator.load(str(record_qm[lang]))
        QCoreApplication.installTranslator(translator)
        installed.append(translator)
        return translator

    yield install
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def services(tmp_path):
    s = make_services(tmp_path / "data")
    yield s
    s.close()


@pytest.fixture
def resident(services) -> Resident:
    return services.residents.admit(NURSE, Resident(
        "Hoàng Văn Thụ", Sex.MALE, date(1941, 6, 15), date(2019, 3, 1),
        [BeneficiaryGroup.ELDERLY, BeneficiaryGroup.DISABILITY], room="A2-05"))


@pytest.fixture
def answers(monkeypatch):
    """The modal questions answer from a list instead of waiting for a person."""
    replies: dict[str, list] = {"confirm": [], "ask_text": []}

    def confirm(_parent, _title, _text, _yes, on_yes, no=None):
        if replies["confirm"] and replies["confirm"].pop(0):
            on_yes()

    def ask_text(*_args, **_kwargs):
        return replies["ask_text"].pop(0) if replies["ask_text"] else None

    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(feedback, "ask_text", ask_text)
    return replies


def session_for(services, actor=NURSE, lang="vi") -> Session:
    return Session(services, actor, lang)


def open_record(qtbot, services, resident_id, actor=NURSE, lang="vi"):
    from facility_app.ui.record.window import ResidentRecordWidget

    session = session_for(services, actor, lang)
    widget = ResidentRecordWidget(session, resident_id)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()  # shortcuts (Ctrl+S, Esc) need the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=2000)
    return widget


def child(parent: QWidget, name: str, kind=QWidget):
    found = parent.findChild(kind, name)
    assert found is not None, f"no widget named {name}"
    return found


def type_into(qtbot, parent: QWidget, name: str, text: str) -> QLineEdit:
    """Replace the text of a named line edit as a person would (textEdited fires)."""
    box = child(parent, name, QLineEdit)
    box.setFocus()
    box.selectAll()
    if box.text():
        qtbot.keyClick(box, Qt.Key.Key_Delete)
    for char in text:
        if char.isascii():
            qtbot.keyClick(box, char)
        else:  # QTest only types ASCII; a key event carrying the text is what an IME sends
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(box, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    return box


def rich_record(services) -> Resident:
    """A made-up resident with a few years of every kind of record (for
    screenshots and the language walk). No real person."""
    from care_core.domain.entities import Checkup, Condition, Referral, RehabSession, VitalSigns
    from care_core.domain.enums import (
        CheckupKind,
        DisabilitySeverity,
        DisabilityType,
        HealthClass,
        ReferralOutcome,
        RehabType,
    )

    r = services.residents.admit(NURSE, Resident(
        "Phạm Thị Hồng Nhung", Sex.FEMALE, date(1944, 8, 19), date(2021, 4, 12),
        [BeneficiaryGroup.ELDERLY, BeneficiaryGroup.DISABILITY], room="B2-07",
        disability_type=DisabilityType.MOBILITY, disability_severity=DisabilitySeverity.SEVERE,
        bhyt_number="BT2201234567890", bhyt_valid_from=date(2026, 1, 1), bhyt_valid_to=date(2026, 12, 31),
        next_of_kin_name="Phạm Văn Hùng", next_of_kin_relation="Con trai", next_of_kin_phone="0912345678",
        province_code=20, old_address="Xã Hoàng Đồng, TP Lạng Sơn, tỉnh Lạng Sơn"))
    days = [date(2021, 4, 12), date(2021, 10, 5), date(2022, 4, 8), date(2022, 10, 11), date(2023, 4, 3),
            date(2023, 10, 2), date(2024, 4, 9), date(2024, 10, 7), date(2025, 4, 1), date(2025, 10, 6),
            date(2026, 4, 6), date(2026, 10, 5)]
    for i, day in enumerate(days):
        services.clinical.record_checkup(NURSE, Checkup(
            r.id, day, CheckupKind.ADMISSION if i == 0 else CheckupKind.PERIODIC,
            VitalSigns(systolic=128 + (i * 7) % 26, diastolic=78 + (i * 3) % 14, pulse=72 + i % 9, temperature=36.5 + (i % 4) / 10, spo2=96 - i % 3, respiratory_rate=18,
                       weight_kg=48.0 + i * 0.4, height_cm=150, glucose=5.4 + (i % 5) * 0.6),
            findings="Tăng huyết áp độ 1, dặn ăn nhạt" if i % 3 else "Sức khỏe ổn định",
            classification=HealthClass.III if i < 8 else HealthClass.IV, examiner="BS. Lò Văn Minh"))
    services.clinical.add_condition(NURSE, Condition(r.id, "I10", date(2021, 4, 12), follow_up_days=30,
                                                     note="Uống thuốc đều"))
    services.clinical.add_condition(NURSE, Condition(r.id, "E11", date(2023, 10, 2), follow_up_days=90))
    for i in range(10):
        services.clinical.record_rehab(NURSE, RehabSession(
            r.id, date(2026, 6, 1 + i * 3), RehabType.PHYSIOTHERAPY if i % 2 else RehabType.OCCUPATIONAL, 45,
            "KTV Hoàng Thu Hà", barthel=35 + i * 4 if i % 2 == 0 else None, note="Tập đi với khung"))
    closed = services.clinical.open_referral(NURSE, Referral(r.id, date(2025, 2, 3), "Bệnh viện Đa khoa tỉnh Lạng Sơn",
                                                             "Khó thở, SpO2 88%", "J44"))
    services.clinical.close_referral(NURSE, closed.id, ReferralOutcome.RETURNED, date(2025, 2, 14),
                                     "Đợt cấp COPD, đã ổn định", closed.version)
    services.clinical.open_referral(NURSE, Referral(r.id, date(2026, 11, 18), "Bệnh viện Phục hồi chức năng Lạng Sơn",
                                                    "Đánh giá lại chức năng vận động"))
    return services.residents.get(NURSE, r.id)


def settled(qtbot, timeout: int = 5000) -> None:
    """Wait until every service call started off the GUI thread (a form's save)
    has answered and its screens have heard what changed."""
    from facility_app.ui import workers

    qtbot.waitUntil(lambda: workers.pending() == 0, timeout=timeout)
