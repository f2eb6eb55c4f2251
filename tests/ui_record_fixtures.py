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

from facility_app.domain.entities import Resident
from facility_app.domain.enums import BeneficiaryGroup, Sex
from facility_app.ui.record import feedback
from facility_app.ui.session import Session
from tests.conftest import NURSE, make_services

ROOT = Path(__file__).resolve().parent.parent


def _immortalise_singletons() -> None:
    """Work around PySide6 6.12's abi3 wheel on CPython 3.11.

    The wheel is built for Python >= 3.12, where None/True/False are immortal,
    so it returns them without taking a reference; on 3.11 every such return
    (any void method, any empty QVariant, any bool) drops one reference, and
    the process aborts with "none_dealloc"/"bool_dealloc" once enough calls
    have been made (measured: QComboBox.setCurrentIndex, QStandardItem.setData,
    QModelIndex.data() of an empty role each drop one). Giving the three
    singletons an enormous reference count does on 3.11 what 3.12 does by
    design. To be removed when the venv runs Python >= 3.12.
    """
    if sys.version_info >= (3, 12):
        return
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_immortalise_singletons()
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

    def confirm(*_args, **_kwargs):
        return replies["confirm"].pop(0) if replies["confirm"] else False

    def ask_text(*_args, **_kwargs):
        return replies["ask_text"].pop(0) if replies["ask_text"] else None

    monkeypatch.setattr(feedback, "confirm", confirm)
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
