"""Translations of the record screens: complete .ts files, no English left on
screen in Vietnamese, and screenshots of every tab in both languages (saved
to a temp folder, or $RECORD_SCREENSHOTS, for a person to look at)."""
from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QTabWidget

from facility_app.ui.record.admit_dialog import AdmitDialog
from tests.ui_record_fixtures import (  # noqa: F401 - fixtures
    settled,
    ROOT,
    answers,
    open_record,
    record_qm,
    rich_record,
    services,
    session_for,
    translated,
    type_into,
)

TS = {lang: ROOT / "translations" / f"record_{lang}.ts" for lang in ("vi", "en")}
SOURCES = sorted((ROOT / "facility_app" / "ui" / "record").glob("*.py")) + [
    ROOT / "facility_app" / "ui" / "widgets" / "trend_chart.py"]
# Words that are the same in both languages (units, codes, abbreviations).
SAME_IN_BOTH = {"SpO2", "BMI", "ICD-10", "SpO2\n(%)", "Barthel", "—", "mmHg", "kg", "cm", "%", "°C", "mmol/L",
                "kg/m²", "/"}


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name"), m.findtext("source"), m.find("translation"))
            for ctx in root.iter("context") for m in ctx.iter("message")]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_entry_is_finished(lang):
    entries = messages(TS[lang])
    assert len(entries) > 200
    for context, source, translation in entries:
        assert translation.get("type") is None, f"{lang} {context}: {source!r} is {translation.get('type')}"
        texts = [f.text for f in translation.iter("numerusform")] or [translation.text]  # plural forms, or one
        assert all((t or "").strip() for t in texts), f"{lang} {context}: {source!r} has no translation"
        if lang == "en" and texts == [translation.text]:
            assert translation.text == source
        for text in texts:  # the placeholders (and a plural's count) stay in every form
            assert [text.count(p) for p in ("%1", "%2", "%n")] == [source.count(p) for p in ("%1", "%2", "%n")]


def test_vietnamese_has_diacritics_and_is_not_english():
    entries = messages(TS["vi"])
    differing = [t.text for _c, s, t in entries if s not in SAME_IN_BOTH and t.text != s]
    assert len(differing) > 0.9 * len(entries)
    with_marks = [t for t in differing if any(ord(ch) > 127 for ch in t)]
    assert len(with_marks) > 0.8 * len(differing)


def test_ts_files_hold_every_string_of_the_sources(tmp_path):
    """lupdate over the sources finds nothing the .ts files lack."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lupdate"), "-locations", "none",
                    *map(str, SOURCES), "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(c, s) for c, s, _t in messages(fresh)}
    have = {(c, s) for c, s, _t in messages(TS["vi"])}
    assert wanted <= have, f"run lupdate and translate: {sorted(wanted - have)[:10]}"


def visible_texts(widget) -> list[str]:
    texts = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton) + widget.findChildren(QGroupBox):
        if not child.isVisibleTo(widget):
            continue
        text = child.title() if isinstance(child, QGroupBox) else child.text()
        if text:
            texts.append(text)
    for box in widget.findChildren(QLineEdit):
        if box.isVisibleTo(widget) and box.placeholderText():
            texts.append(box.placeholderText())
    for tabs in widget.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for view in widget.findChildren(__import__("PySide6.QtWidgets", fromlist=["QTableView"]).QTableView):
        model = view.model()
        texts += [model.headerData(c, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.Orientation.Horizontal)
                  for c in range(model.columnCount())]
    return texts


def test_a_walk_through_every_tab_in_vietnamese_finds_no_english(qtbot, services, translated):
    translated("vi")
    english = {s for _c, s, t in messages(TS["vi"]) if t.text != s}
    resident = rich_record(services)
    record = open_record(qtbot, services, resident.id)
    seen = []
    for index in range(record.tabs.count()):
        record.tabs.setCurrentIndex(index)
        seen += visible_texts(record)
    for opener in ("checkups", "conditions", "rehab", "referrals"):
        tab = getattr(record, opener)
        record.tabs.setCurrentWidget(tab)
        tab.start_new()
        seen += visible_texts(record)
    leftovers = sorted({t for t in seen if t in english})
    assert leftovers == []
    assert "Khám sức khỏe" in seen and "Lưu lần khám (Ctrl+S)" in seen


@pytest.fixture
def app_look(qapp):
    """The app's own font and stylesheet (ui/style.py), restored afterwards."""
    from PySide6.QtGui import QFont

    from facility_app.ui import style

    font, sheet = QFont(qapp.font()), qapp.styleSheet()
    style.apply(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


def _shots_folder(tmp_path) -> Path:
    folder = Path(os.environ.get("RECORD_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_screenshots_of_every_tab_and_form(qtbot, services, translated, tmp_path, lang, app_look):
    translated(lang)
    folder = _shots_folder(tmp_path)
    resident = rich_record(services)
    record = open_record(qtbot, services, resident.id, lang=lang)
    record.resize(1366, 700)  # the record area of a 1366x768 screen under the app's header
    names = []
    for index in range(record.tabs.count()):
        record.tabs.setCurrentIndex(index)
        if record.tabs.currentWidget() is record.history:
            record.history.table.selectRow(1)
        qtbot.wait(10)
        names.append(f"{lang}-tab{index}-{record.tabs.currentWidget().objectName()}.png")
        assert record.grab().save(str(folder / names[-1]))
    record.tabs.setCurrentWidget(record.checkups)
    record.checkups.start_new()
    type_into(qtbot, record, "checkupSystolic", "300")
    type_into(qtbot, record, "checkupTemperature", "36,x")
    record.checkups.form.save()
    settled(qtbot)
    names.append(f"{lang}-form-checkup-refused.png")
    assert record.grab().save(str(folder / names[-1]))
    record.tabs.setCurrentWidget(record.conditions)
    record.conditions.start_new()
    type_into(qtbot, record, "conditionIcdSearch", "tang huyet")
    names.append(f"{lang}-form-condition.png")
    assert record.grab().save(str(folder / names[-1]))
    record.tabs.setCurrentWidget(record.referrals)
    record.referrals.table.selectRow(0)
    record.referrals.start_close()
    names.append(f"{lang}-form-referral-close.png")
    assert record.grab().save(str(folder / names[-1]))
    record.tabs.setCurrentWidget(record.rehab)
    record.rehab.start_new()
    names.append(f"{lang}-form-rehab.png")
    assert record.grab().save(str(folder / names[-1]))

    dialog = AdmitDialog(session_for(services, lang=lang))
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.form.save()
    settled(qtbot)
    names.append(f"{lang}-admit-refused.png")
    assert dialog.grab().save(str(folder / names[-1]))
    assert all((folder / n).stat().st_size > 10_000 for n in names)


def test_switching_language_rebuilds_the_record_but_never_loses_typing(qtbot, services, translated, answers):
    vi = translated("vi")
    resident = rich_record(services)
    record = open_record(qtbot, services, resident.id)
    session = record.session
    assert record.tabs.tabText(1) == "Khám sức khỏe"

    record.checkups.start_new()
    type_into(qtbot, record, "checkupPulse", "88")
    from PySide6.QtCore import QCoreApplication
    QCoreApplication.removeTranslator(vi)
    translated("en")
    session.lang = "en"
    session.sig_language_changed.emit("en")
    # a form holds typing: nothing is rebuilt yet
    assert record.tabs.tabText(1) == "Khám sức khỏe"
    assert record.checkups.form_open()
    assert record.findChild(QLineEdit, "checkupPulse").text() == "88"

    answers["confirm"].append(True)  # the nurse discards the typing
    record.checkups.form.cancel()
    assert record.tabs.tabText(1) == "Checkups"
    assert record.findChild(QAbstractButton, "checkupNew").text() == "New checkup"
    assert len(record.findChildren(QTabWidget)) == 1
