"""Translations: every .ts entry finished, and no English left on any shell
screen when the program runs in Vietnamese.

The walk builds each screen the shell owns (wizard pages, unlock, login,
main window with the Today panel, lock page, administration tabs, user
form, confirmations, message boxes, the record placeholder) in Vietnamese
and reads every text a person can see: window titles, labels, buttons,
tooltips, placeholders, group and tab titles, column headers, combo items,
menus and tree headings. A text is English when it is one of the English
source texts whose Vietnamese differs, or when it holds a word that occurs
in the English sources but in no Vietnamese translation. The last test
proves the walk catches a translation removed from shell_vi.ts.
"""
from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTabBar,
    QTreeWidget,
    QWidget,
)

from facility_app.ui import dialogs, i18n
from facility_app.ui.controller import AppController
from facility_app.ui.record_host import RecordPlaceholder
from facility_app.ui.start.unlock import UnlockWidget
from tests.conftest import TODAY
from tests.ui_shell_fixtures import (  # noqa: F401 - fixtures
    LRELEASE,
    ROOT,
    make_store,
    qm_folder,
    screenshots,
    shell_app,
    shoot,
    start_logged_in,
    wait_idle,
)

TS_FILES = sorted((ROOT / "translations").glob("*.ts"))
_WORD = re.compile(r"[^\W\d_]+")


def _messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message


# --- the .ts files ------------------------------------------------------------------------

def test_there_are_shell_translations_for_both_languages():
    names = {p.name for p in TS_FILES}
    assert {"shell_vi.ts", "shell_en.ts"} <= names


@pytest.mark.parametrize("path", TS_FILES, ids=lambda p: p.name)
def test_every_ts_entry_is_finished(path):
    problems = []
    for context, message in _messages(path):
        source = message.findtext("source")
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        if message.get("numerus") == "yes":
            forms = [f.text for f in translation.iter("numerusform")]
            empty = not forms or not all(f and f.strip() for f in forms)
        else:
            empty = translation is None or not (translation.text or "").strip()
        if kind in ("unfinished", "vanished", "obsolete", "missing") or empty:
            problems.append(f"{context}: {source!r} ({kind or 'empty'})")
    assert not problems, f"{path.name}: " + "; ".join(problems[:20])


@pytest.mark.parametrize("path", [p for p in TS_FILES if p.stem.endswith("_vi")], ids=lambda p: p.name)
def test_vietnamese_keeps_placeholders_and_mnemonics(path):
    for context, message in _messages(path):
        source = message.findtext("source")
        if message.get("numerus") == "yes":  # each plural form keeps the placeholders and the count
            translations = [f.text or "" for f in message.iter("numerusform")]
        else:
            translations = [message.findtext("translation") or ""]
        for translation in translations:
            keep = r"\{\w+\}|%\d|%L?n"
            assert set(re.findall(keep, source)) == set(re.findall(keep, translation)), (context, source)
            if re.search(r"&[^&\s]", source):
                assert re.search(r"&[^&\s]", translation), f"{context}: {source!r} lost its keyboard shortcut"


# --- what an English leftover is ------------------------------------------------------------

def _strip(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


class EnglishDetector:
    def __init__(self, ts_files: list[Path]):
        self.untranslated_sources: set[str] = set()
        vi_words: set[str] = set()
        en_words: set[str] = set()
        for path in ts_files:
            for _context, message in _messages(path):
                source = message.findtext("source") or ""
                translation = message.findtext("translation") or ""
                if path.stem.endswith("_vi"):
                    vi_words |= {w.lower() for w in _WORD.findall(translation)}
                    if _strip(translation) != _strip(source):
                        self.untranslated_sources.add(_strip(source))
                en_words |= {w.lower() for w in _WORD.findall(source) if w.isascii() and len(w) >= 3}
        # Qt's own buttons, should one ever show untranslated
        en_words |= {"cancel", "close", "yes", "apply", "save", "open", "help", "next", "back", "finish", "reset"}
        self.english_words = en_words - vi_words

    def leftovers(self, texts: list[str]) -> list[str]:
        found = []
        for text in texts:
            clean = _strip(text)
            if not clean:
                continue
            words = {w.lower() for w in _WORD.findall(clean)}
            vietnamese = any(not w.isascii() for w in words)  # "Vĩnh Long" is not English
            if clean in self.untranslated_sources or (not vietnamese and words & self.english_words):
                found.append(clean)
        return sorted(set(found))


@pytest.fixture(scope="module")
def detector() -> EnglishDetector:
    return EnglishDetector(TS_FILES)


def screen_texts(top: QWidget) -> list[str]:
    """What a person can read on this window now (not the records' own data)."""
    texts = [top.windowTitle()]
    widgets = [top] + top.findChildren(QWidget)
    record_parts = {w for w in widgets if w.objectName() in ("residentRecord", "admitDialog")}
    for w in widgets:
        if not w.isVisible() or any(r is w or r.isAncestorOf(w) for r in record_parts):
            continue  # the record screens' own texts are checked by their own tests
        texts.append(w.toolTip())
        if isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QGroupBox):
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())] + [w.tabToolTip(i) for i in range(w.count())]
        if isinstance(w, QTreeWidget):
            texts += [w.topLevelItem(i).text(0) for i in range(w.topLevelItemCount())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            texts += [str(m.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(m.columnCount())]
    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            texts.append(action.text())
            menu = action.menu()
            if menu is not None:
                texts += [a.text() for a in menu.actions()] + [a.toolTip() for a in menu.actions()]
        for action in top.actions():
            texts.append(action.text())
    return [t for t in texts if t]


def stray_ampersands(top: QWidget) -> list[str]:
    """A label with a keyboard shortcut (&) but no field to jump to shows a literal '&'."""
    return [w.text() for w in top.findChildren(QLabel)
            if w.isVisible() and re.search(r"(?<!&)&(?!&)", w.text()) and w.buddy() is None
            and w.textFormat() != Qt.TextFormat.RichText]


def check(detector, top: QWidget, where: str, shots: Path | None = None) -> list[str]:
    QApplication.processEvents()
    if shots is not None:
        shoot(top, shots, f"walk-{where}-vi")
    return ([f"{where}: {t}" for t in detector.leftovers(screen_texts(top))]
            + [f"{where}: literal '&' in {t!r}" for t in stray_ampersands(top)])


def open_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


# --- the walk ----------------------------------------------------------------------------------

def test_no_english_on_any_shell_screen_in_vietnamese(shell_app, qtbot, tmp_path, detector, screenshots):
    found: list[str] = []

    # first run: every wizard page, with the refusal messages shown
    wizard_ctrl = AppController(tmp_path / "new", "vi", today=lambda: TODAY)
    wizard_ctrl.start()
    wizard = wizard_ctrl.wizard
    qtbot.addWidget(wizard)
    for name in ("intro", "facility", "report", "passphrase", "admin"):
        if name != "intro":
            wizard.validateCurrentPage()  # empty fields: messages beside them
        found += check(detector, wizard, f"wizard-{name}", screenshots)
        page = wizard.currentPage()
        if name == "facility":
            page.code.setText("TT-WALK")
            page.name.setText("Trung tâm thử")
        if name == "passphrase":
            page.first.setText("mot cau dai du dai")
            page.again.setText("mot cau dai du dai")
        wizard.next()
    wizard.close()

    # later runs: unlock, login, main window as admin (every action shown)
    services, residents = make_store(tmp_path / "data")
    services.close()
    controller = AppController(tmp_path / "data", "vi", today=lambda: TODAY)
    controller.start()
    window = controller.start_window
    qtbot.addWidget(window)
    found += check(detector, window, "unlock", screenshots)
    window.show_busy("…")
    found += check(detector, window, "busy")
    controller.shutdown()
    window.close()

    controller = start_logged_in(qtbot, tmp_path / "data", "admin")
    main = controller.main
    found += check(detector, main, "main", screenshots)
    main.today.current.items.clear()
    main.today._fill(main.today.current)
    found += check(detector, main, "main-nothing-due")
    main.open_resident(residents[0].id)
    found += check(detector, main, "record-tab")
    main.about()
    found += [x for box in open_boxes() for x in check(detector, box, "about")]
    for box in open_boxes():
        box.done(0)
    dialogs.show_error(main, RuntimeError("x"), "vi")
    found += [x for box in open_boxes() for x in check(detector, box, "unexpected-error", screenshots)]
    for box in open_boxes():
        box.done(0)

    # administration: every tab, the user form, the confirmations
    main.act_admin.trigger()
    admin = controller.admin_dialog
    qtbot.waitUntil(lambda: admin.users.table.rowCount() > 0, timeout=10_000)
    for i in range(admin.tabs.count()):
        admin.tabs.setCurrentIndex(i)
        found += check(detector, admin, f"admin-{admin.tabs.widget(i).objectName()}", screenshots)
    admin.tabs.setCurrentWidget(admin.users)
    admin.users.add_button.click()
    form = [w for w in admin.findChildren(QWidget, "userForm") if w.isVisible()][-1]
    form.ok.click()  # empty: the messages beside the fields
    found += check(detector, form, "user-form-add", screenshots)
    form.done(0)
    admin.users.table.selectRow(1)
    admin.users.reset_button.click()
    form = [w for w in admin.findChildren(QWidget, "userForm") if w.isVisible()][-1]
    found += check(detector, form, "user-form-reset")
    form.done(0)
    admin.users.toggle_button.click()
    found += [x for box in open_boxes() for x in check(detector, box, "confirm-disable")]
    for box in open_boxes():
        box.done(0)
    admin.tabs.setCurrentWidget(admin.backup)
    admin.backup.backup_path.setText("")
    admin.backup.backup_button.click()
    admin.backup.restore_button.click()
    found += check(detector, admin, "admin-backup-errors")
    admin.backup._ask(Path("sao-luu.db"), "x")
    found += [x for box in open_boxes() for x in check(detector, box, "confirm-restore")]
    for box in open_boxes():
        box.done(0)
    admin.close()

    # the lock page
    controller.lock()
    found += check(detector, main, "locked", screenshots)
    # the placeholder the shell shows when a build lacks the record screens
    placeholder = RecordPlaceholder("x", "Nguyễn Văn An")
    qtbot.addWidget(placeholder)
    placeholder.show()
    found += check(detector, placeholder, "record-placeholder")
    controller.shutdown()

    assert not found, "English left on Vietnamese screens:\n" + "\n".join(found)


def test_the_walk_catches_a_translation_removed(shell_app, qtbot, tmp_path, detector):
    """Proof the check can fail: drop one Vietnamese translation, rebuild, look."""
    tree = ET.parse(ROOT / "translations" / "shell_vi.ts")
    for context in tree.getroot().iter("context"):
        if context.findtext("name") == "UnlockWidget":
            for message in context.iter("message"):
                if message.findtext("source") == "&Unlock":
                    translation = message.find("translation")
                    translation.text = ""
                    translation.set("type", "unfinished")
    broken = tmp_path / "shell_vi.ts"
    tree.write(broken, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "shell_vi.qm"
    subprocess.run([str(LRELEASE), "-silent", str(broken), "-qm", str(qm)], check=True, capture_output=True)
    i18n.install("en")  # nothing installed but the broken file
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        services, _ = make_store(tmp_path / "data", residents=0)
        services.close()
        from facility_app.services.startup import StoreGate
        from facility_app.ui.keystore import KeyStore

        widget = UnlockWidget(StoreGate(tmp_path / "data"), KeyStore(tmp_path / "data"), "vi")
        qtbot.addWidget(widget)
        widget.show()
        leftovers = detector.leftovers(screen_texts(widget))
        assert leftovers == ["Unlock"], leftovers
        assert widget.heading.text() == "Mở khóa hồ sơ"  # the rest is still Vietnamese
    finally:
        QCoreApplication.removeTranslator(translator)
