"""Translations of the report screens: the .ts files hold every text of
ui/reports, the English file is the source, no English is left on any
report screen in Vietnamese (the shell walk's own detector, over every
state a director meets: empty, busy, preview, out of date, refusals, the
health book, the Reports menu), and screenshots in both languages for a
person to look at ($REPORT_SCREENSHOTS or a temp folder)."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from facility_app.ui import i18n
from facility_app.ui.main_window import MainWindow
from facility_app.ui.reports.health_book import HealthBookDialog
from facility_app.ui.reports.periodic_dialog import PeriodicReportDialog
from tests.conftest import DIRECTOR, DOCTOR, NURSE
from tests.test_ui_translations import EnglishDetector, screen_texts, stray_ampersands
from tests.ui_reports_fixtures import (  # noqa: F401 - fixtures
    FACILITY_NAME,
    close_boxes,
    message_boxes,
    report_shots,
    session,
    wait_done,
    world,
)
from tests.ui_shell_fixtures import LRELEASE, ROOT, qm_folder, shell_app, shoot  # noqa: F401 - fixtures

TS = {lang: ROOT / "translations" / f"reports_{lang}.ts" for lang in ("vi", "en")}
SOURCES = sorted((ROOT / "facility_app" / "ui" / "reports").glob("*.py"))


def messages(path: Path) -> list[tuple[str, str, str]]:
    root = ET.parse(path).getroot()
    return [(c.findtext("name"), m.findtext("source"), m.findtext("translation") or "")
            for c in root.iter("context") for m in c.iter("message")]


def test_ts_files_hold_every_text_of_the_report_screens(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lupdate"), "-locations", "none",
                    *map(str, SOURCES), "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(c, s) for c, s, _t in messages(fresh)}
    assert len(wanted) > 50
    for lang in ("vi", "en"):
        have = {(c, s) for c, s, _t in messages(TS[lang])}
        assert wanted == have, f"{lang}: missing {sorted(wanted - have)[:5]}, stale {sorted(have - wanted)[:5]}"


def test_english_is_the_source_and_vietnamese_is_vietnamese():
    assert all(s == t for _c, s, t in messages(TS["en"]))
    vi = messages(TS["vi"])
    differing = [t for _c, s, t in vi if s != t]
    assert len(differing) == len(vi) - 1  # only "100 %" reads the same
    assert sum(any(ord(ch) > 127 for ch in t) for t in differing) > 0.9 * len(differing)


@pytest.fixture(scope="module")
def detector() -> EnglishDetector:
    return EnglishDetector(sorted((ROOT / "translations").glob("*.ts")))


def look(detector, top, where: str, shots: Path | None = None, lang: str = "vi") -> list[str]:
    QApplication.processEvents()
    if shots is not None:
        shoot(top, shots, f"reports-{where}-{lang}")
    return ([f"{where}: {t}" for t in detector.leftovers(screen_texts(top))]
            + [f"{where}: literal '&' in {t!r}" for t in stray_ampersands(top)])


def walk(qtbot, services, residents, detector, shots, lang: str) -> list[str]:
    """Every state of the report screens, looked at (and photographed)."""
    found: list[str] = []
    d = PeriodicReportDialog(session(services, DIRECTOR, lang))
    qtbot.addWidget(d)
    d.resize(1366, 740)
    d.show()
    qtbot.waitExposed(d)
    found += look(detector, d, "periodic-empty", shots, lang)
    d.number.setText("12")
    d.prepared_by.setText("Lò Thị Mai")
    d.notes.setPlainText("Đề nghị Sở Y tế hỗ trợ máy đo đường huyết cho đơn vị.\n"
                         "Tiếp tục khám định kỳ 6 tháng một lần cho người cao tuổi.")
    d.make_preview()
    found += look(detector, d, "periodic-busy", shots, lang)
    wait_done(qtbot)
    found += look(detector, d, "periodic-preview", shots, lang)
    d.preview.real_button.click()
    d.preview.go_to_page(1)
    found += look(detector, d, "periodic-preview-100", shots, lang)
    d.preview.fit_button.click()
    d.prepared_by.setText("Lò Thị Mai Anh")
    found += look(detector, d, "periodic-stale", shots, lang)
    d.set_dates(date(2026, 9, 30), date(2026, 7, 1))
    d.number.setText("12a")
    d.notes.setPlainText("x" * 20001)
    d.make_preview()
    found += look(detector, d, "periodic-refused", shots, lang)
    d.set_dates(date(2026, 10, 1), date(2026, 11, 30))
    found += look(detector, d, "periodic-custom-running", None, lang)
    d.resize(910, 510)  # 1366x768 at 150 %
    qtbot.wait(150)  # the preview fits the new width once the resizing stops
    d.number.setText("12")
    d.notes.setPlainText("")
    found += look(detector, d, "periodic-small-screen", shots, lang)
    d.close()

    refused = PeriodicReportDialog(session(services, NURSE, lang))
    qtbot.addWidget(refused)
    refused.show()
    refused.make_preview()
    wait_done(qtbot)
    found += [x for box in message_boxes() for x in look(detector, box, "refusal", shots, lang)]
    close_boxes()
    refused.close()

    book = HealthBookDialog(session(services, DOCTOR, lang), residents["B"].code, residents["B"].full_name)
    qtbot.addWidget(book)
    book.show()
    wait_done(qtbot)
    found += look(detector, book, "health-book", shots, lang)
    book.close()

    main = MainWindow(session(services, DIRECTOR, lang), FACILITY_NAME)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    found += look(detector, main, "main-window", None, lang)
    main.report_actions.menu.popup(main.mapToGlobal(main.rect().topLeft()))
    found += look(detector, main.report_actions.menu, "reports-menu", None, lang)
    main.report_actions.menu.close()
    main.close()
    return found


def test_no_english_on_the_report_screens_in_vietnamese(qtbot, shell_app, world, detector, report_shots):
    services, residents = world
    found = walk(qtbot, services, residents, detector, report_shots, "vi")
    assert not found, "English left on Vietnamese report screens:\n" + "\n".join(found)


def test_screenshots_in_english(qtbot, shell_app, world, detector, report_shots):
    services, residents = world
    i18n.install("en")
    walk(qtbot, services, residents, detector, report_shots, "en")
    names = sorted(p.name for p in report_shots.glob("reports-*-en.png"))
    assert "reports-periodic-preview-en.png" in names and "reports-health-book-en.png" in names
    assert all((report_shots / n).stat().st_size > 5_000 for n in names)


def test_the_walk_catches_a_translation_removed(qtbot, shell_app, world, detector, tmp_path):
    """Proof the check can fail: the report dialog's Print button without its Vietnamese."""
    tree = ET.parse(TS["vi"])
    for context in tree.getroot().iter("context"):
        if context.findtext("name") == "PeriodicReportDialog":
            for message in context.iter("message"):
                if message.findtext("source") == "&Print…":
                    message.find("translation").text = ""
                    message.find("translation").set("type", "unfinished")
    broken = tmp_path / "reports_vi.ts"
    tree.write(broken, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "reports_vi.qm"
    subprocess.run([str(LRELEASE), "-silent", str(broken), "-qm", str(qm)], check=True, capture_output=True)
    i18n.install("en")  # nothing installed but the broken file
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        services, _ = world
        d = PeriodicReportDialog(session(services, DIRECTOR))
        qtbot.addWidget(d)
        d.show()
        assert look(detector, d, "broken") == ["broken: Print…"]
        assert d.preview_button.text() == "Xem &trước"  # the rest is still Vietnamese
    finally:
        QCoreApplication.removeTranslator(translator)


def test_switching_language_with_the_dialog_open(qtbot, shell_app, world):
    services, _ = world
    s = session(services, DIRECTOR)
    d = PeriodicReportDialog(s)
    qtbot.addWidget(d)
    d.show()
    assert d.windowTitle() == "Báo cáo sức khỏe định kỳ" and d.preset.currentText() == "Quý trước: Quý III năm 2026"
    s.lang = "en"
    i18n.install("en")
    QApplication.processEvents()  # Qt posts LanguageChange to each window
    assert d.windowTitle() == "Periodic health report" and d.preset.currentText() == "Last quarter: Q3 2026"
    assert d.preview.fit_button.text() == "Fit width" and d.close_button.text() == "Cl&ose"
    assert d.preview.empty.text() == "Choose the period, then press Preview to see the report here."
