"""Translations of the sync screens: the .ts files hold every string of the
sources, every sentence a state can produce is Vietnamese in Vietnamese, a
walk through the status bar, the review dialog, its confirmation and
Administration › Sync finds no English (with the shell walk's detector), and
screenshots of them in Vietnamese and English for a person to look at
(a temp folder, or $FACILITY_APP_SCREENSHOTS)."""
from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from facility_app.services.sync import SyncStatus
from facility_app.storage.tables import checkups
from facility_app.sync.engine import Progress
from facility_app.ui.sync.texts import texts
from tests.conftest import SYSTEM
from tests.sync_fixtures import edit, joined_pc
from tests.test_ui_translations import EnglishDetector, check
from tests.ui_shell_fixtures import (  # noqa: F401 - fixtures
    ROOT,
    qm_folder,
    record_abnormal,
    screenshots,
    shell_app,
    shoot,
)
from tests.ui_sync_fixtures import (  # noqa: F401 - fixtures
    WAIT_MS,
    area_of,
    close_all,
    fast_sync,
    first_pc_store,
    log_in_enrolled,
    server,
    sync_now,
    worker_of,
)

TS = {lang: ROOT / "translations" / f"sync_{lang}.ts" for lang in ("vi", "en")}
SOURCES = sorted((ROOT / "facility_app" / "ui" / "sync").glob("*.py"))


def _messages(path: Path):
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name"), m) for ctx in root.iter("context") for m in ctx.iter("message")]


@pytest.fixture(scope="module")
def detector() -> EnglishDetector:
    return EnglishDetector(sorted((ROOT / "translations").glob("*.ts")))


# --- the .ts files --------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_ts_files_hold_every_string_of_the_sources(tmp_path, lang):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lupdate"), "-locations", "none",
                    *map(str, SOURCES), "-ts", str(fresh)], check=True, capture_output=True)
    wanted = {(c, m.findtext("source")) for c, m in _messages(fresh)}
    have = {(c, m.findtext("source")) for c, m in _messages(TS[lang])}
    assert wanted <= have, f"run lupdate and translate: {sorted(wanted - have)[:10]}"
    assert have <= wanted, f"obsolete entries: {sorted(have - wanted)[:10]}"


def test_english_counts_have_singular_and_plural_and_vietnamese_one_form():
    for lang, forms in (("en", 2), ("vi", 1)):
        numerus = [m for _c, m in _messages(TS[lang]) if m.get("numerus") == "yes"]
        assert len(numerus) == 5  # changes waiting, conflicts, rejected, receiving, mark all read
        for m in numerus:
            texts_ = [f.text for f in m.find("translation").iter("numerusform")]
            assert len(texts_) == forms and all("%n" in t for t in texts_), (lang, texts_)


# --- every sentence a state can produce --------------------------------------------------------

def _status(**changes) -> SyncStatus:
    base = dict(enrolled=True, server_url="https://dongbo.tinh.gov.vn", facility_code="TTBTXH-LS",
                last_success_at=datetime.now(timezone.utc) - timedelta(days=2), last_attempt_at=None,
                last_error=None, revoked=False, waiting=3, parked=1, conflicts=2, pull_cursor=10)
    base.update(changes)
    return SyncStatus(**base)


def _error(kind: str) -> str:
    return json.dumps({"kind": kind, "vi": "Lỗi thử nghiệm.", "en": "Test failure."})


def test_every_state_reads_in_vietnamese_and_in_english(shell_app, detector):
    t = texts()
    states = [None, _status(enrolled=False), _status(), _status(last_success_at=None), _status(revoked=True),
              _status(clock_skew_ms=9 * 60_000), _status(clock_skew_ms=-7 * 60_000)]
    states += [_status(last_error=_error(kind)) for kind in ("offline", "server", "tls", "refused", "bad-answer")]
    sentences = []
    for s in states:
        line = t.headline(s, "vi", next_in=125.0)
        sentences += [line.text, line.tooltip, t.to_review(s)]
        if s is not None:
            sentences += [t.waiting(s.waiting), t.waiting(0), t.waiting(1)]
    sentences += [t.progress(None, 0), t.progress(Progress("push", 3, 10), 0), t.progress(Progress("pull", 800, 0), 2),
                  t.progress(Progress("conflicts", 0, 0), 2)]
    sentences += [t.record_state(state, enrolled).text for state in ("here", "server", "parked")
                  for enrolled in (True, False)]
    sentences = [x for x in sentences if x]
    assert detector.leftovers(sentences) == []
    assert t.progress(Progress("push", 3, 10), 0) == "Đang gửi thay đổi: 3/10…"
    assert t.to_review(_status()) == "Cần xem lại: 2 xung đột, 1 bị từ chối"
    assert "nhanh 9 phút" in t.headline(_status(clock_skew_ms=9 * 60_000), "vi").text

    from facility_app.ui import i18n
    i18n.install("en")
    assert t.to_review(_status(conflicts=1, parked=2)) == "To review: 1 conflict, 2 rejected changes"
    assert t.waiting(1) == "1 change waiting to be sent" and t.waiting(4) == "4 changes waiting to be sent"
    assert t.headline(_status(last_error=_error("offline")), "en").text.startswith("No connection to the server")


# --- the walk and the screenshots -----------------------------------------------------------------------

def _make_conflict_and_parked(tmp_path, server, controller, residents):
    """A same-field conflict with a second PC, and a change the server refuses (a checkup
    changed in place; the services never do that: clinical records are insert-only)."""
    pc2 = joined_pc(tmp_path, server)
    try:
        session = controller.session
        an = residents[0]
        current = session.services.residents.get(session.actor, an.id)
        session.services.residents.update(session.actor, an.id, {"room": "Phòng 12 - khu A"}, current.version)
        edit(pc2, an.id, room="Phòng 3 - khu B")
        assert pc2.sync().complete
    finally:
        pc2.close()
    checkup = record_abnormal(controller.services, residents[1].id)
    with controller.services.store.write(SYSTEM, "bad-edit") as w:
        w.update(checkups, checkup.id, {"findings": "sửa tại chỗ"})


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_walk_and_screenshots(shell_app, qtbot, tmp_path, server, fast_sync, detector, screenshots, lang):
    device_id, residents = first_pc_store(tmp_path / "data", server)
    controller = log_in_enrolled(qtbot, tmp_path / "data", "admin")
    if lang == "en":
        controller.set_language("en")
    found: list[str] = []
    walk = lang == "vi"

    def look(widget, name):
        qtbot.wait(60)  # a wrapped status line settles its height over a few layout passes
        shoot(widget, screenshots, f"sync-{name}-{lang}")
        if walk:
            found.extend(check(detector, widget, name))

    try:
        main = controller.main
        worker, area = worker_of(controller), area_of(controller)
        look(main, "main-synced")
        qtbot.wait(60)
        shoot(main.statusBar(), screenshots, f"sync-statusbar-synced-{lang}")

        _make_conflict_and_parked(tmp_path, server, controller, residents)
        report = sync_now(qtbot, controller)
        assert report.open_conflicts == 1 and report.parked_total == 1
        assert area.review
        look(main, "main-to-review")
        qtbot.wait(60)
        shoot(main.statusBar(), screenshots, f"sync-statusbar-to-review-{lang}")

        area.open_review()
        dialog = main.sync.review
        qtbot.waitUntil(lambda: dialog.data is not None, timeout=WAIT_MS)
        look(dialog, "review-conflicts")
        dialog.tabs.setCurrentIndex(1)
        look(dialog, "review-rejected")
        reason = dialog.parked_table.item(0, 3).text()
        dialog_subject = dialog.parked_table.item(0, 0).text()
        assert ("chỉ được thêm mới" in reason) if lang == "vi" else ("insert-only" in reason)
        dialog.dismiss.click()
        [box] = _boxes()
        look(box, "review-confirm-dismiss")
        box.done(0)
        dialog.close()

        server.stop()
        sync_now(qtbot, controller)
        look(main, "main-offline")
        qtbot.wait(60)
        shoot(main.statusBar(), screenshots, f"sync-statusbar-offline-{lang}")
        # 1366x768 at 150 %: about 910x510 logical pixels; the sentence wraps, nothing is cut
        assert main.minimumSizeHint().width() <= 910
        main.resize(910, 510)
        qtbot.wait(60)
        shoot(main.statusBar(), screenshots, f"sync-statusbar-offline-150pc-{lang}")
        assert area.sentence.height() >= area.sentence.heightForWidth(area.sentence.width())
        main.resize(1366, 768)
        server.start()

        main.act_admin.trigger()
        admin = controller.admin_dialog
        admin.tabs.setCurrentWidget(admin.sync)
        qtbot.waitUntil(lambda: admin.sync.status is not None, timeout=WAIT_MS)
        look(admin, "admin-sync-tab")
        admin.sync.url.setText("http://dongbo.example.vn")
        admin.sync.code.setText("x")
        admin.sync.enrol_button.click()
        look(admin, "admin-sync-refused")
        admin.close()

        server.revoke(device_id)
        sync_now(qtbot, controller)
        look(main, "main-revoked")
        qtbot.wait(60)
        shoot(main.statusBar(), screenshots, f"sync-statusbar-revoked-{lang}")
        main.open_resident(residents[1].id)
        record = main.tabs.currentWidget()
        qtbot.waitUntil(lambda: record.sync_state.text() != "", timeout=WAIT_MS)
        shoot(record, screenshots, f"sync-record-parked-{lang}")
        assert record.sync_state.text() == ("Máy chủ từ chối một thay đổi của hồ sơ này (xem menu Đồng bộ)"
                                            if lang == "vi" else
                                            "The server refused a change of this record (see the Sync menu)")
        assert dialog_subject.startswith("Lần khám 20/11/2026 — Đặng Thị Bình" if lang == "vi" else
                                         "Checkup 20/11/2026 — Đặng Thị Bình")
    finally:
        close_all(controller)
    assert not found, "English left on Vietnamese sync screens:\n" + "\n".join(found)
