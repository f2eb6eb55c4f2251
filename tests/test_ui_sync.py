"""Sync as a nurse and the administrator meet it in the desktop program,
against a real provincial server over HTTP on 127.0.0.1: the status bar,
"Sync now", enrolment in Administration › Sync, the other PC's changes
arriving on open screens, a conflict decided in the review dialog, the
server gone and back, a revoked PC, and the worker stopping on lock,
log-out and close - and on quitting mid-sync in a real process."""
from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import date

from PySide6.QtWidgets import QApplication, QMessageBox

from care_core.domain.entities import Checkup, Resident, VitalSigns
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, Sex
from facility_app.services.container import Services
from facility_app.services.sync import SyncService
from facility_app.storage.store import Store
from tests.conftest import PASSPHRASE, TODAY
from tests.sync_fixtures import NURSE, edit, joined_pc
from tests.ui_shell_fixtures import (  # noqa: F401 - fixtures
    PASSWORD,
    actor,
    log_in,
    qm_folder,
    shell_app,
    start_logged_in,
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
    wait_runs,
    worker_of,
)

OFFLINE_VI = "Mất kết nối máy chủ — dữ liệu vẫn được lưu trên máy này; sẽ tự gửi khi có mạng"
REVOKED_VI = ("Máy này đã bị thu hồi quyền đồng bộ — dữ liệu vẫn được lưu trên máy này; "
              "liên hệ cán bộ CNTT để đăng ký lại")


def message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def record_checkup(controller, resident_id: str) -> Checkup:
    """What the checkup form does: save through the session as the logged-in nurse (screens hear what it wrote)."""
    session = controller.session
    return session.perform(lambda: session.services.clinical.record_checkup(session.actor, Checkup(
        resident_id, TODAY, CheckupKind.PERIODIC, VitalSigns(systolic=128, diastolic=82, pulse=76),
        findings="Ổn định", examiner="ĐD Lan")))


def edit_room(controller, resident_id: str, room: str) -> None:
    session = controller.session
    current = session.services.residents.get(session.actor, resident_id)
    session.perform(lambda: session.services.residents.update(session.actor, resident_id, {"room": room}, current.version))


# --- not enrolled --------------------------------------------------------------------------

def test_not_enrolled_says_not_configured_and_never_syncs(shell_app, qtbot, tmp_path, fast_sync):
    _, residents = first_pc_store(tmp_path / "data")
    controller = start_logged_in(qtbot, tmp_path / "data", "lan")
    try:
        worker, area = worker_of(controller), area_of(controller)
        qtbot.waitUntil(lambda: worker.status is not None, timeout=WAIT_MS)
        assert area.headline == "Chưa cấu hình đồng bộ"
        assert area.waiting == f"{worker.status.waiting} thay đổi chờ gửi" and worker.status.waiting > 0
        assert "Quản trị › Đồng bộ" in area.sentence.toolTip()
        assert not area.now.isVisible() and not controller.main.sync.act_sync.isEnabled()
        assert worker.scheduled_in is None and not worker.sync_now()
        controller.main.open_resident(residents[0].id)
        record = controller.main.tabs.currentWidget()
        qtbot.waitUntil(lambda: record.sync_state.text() != "", timeout=WAIT_MS)
        assert record.sync_state.text() == "Chỉ lưu trên máy này (chưa cấu hình đồng bộ)"
        qtbot.wait(300)
        assert worker.runs == 0 and not worker.running
    finally:
        close_all(controller)


# --- enrolment, then Sync now ------------------------------------------------------------------

def test_enrol_in_the_admin_tab_then_a_nurses_checkup_reaches_the_server(shell_app, qtbot, tmp_path, server,
                                                                         fast_sync):
    _, residents = first_pc_store(tmp_path / "data")
    controller = start_logged_in(qtbot, tmp_path / "data", "admin")
    main = controller.main
    main.act_admin.trigger()
    admin = controller.admin_dialog
    tab = admin.sync
    admin.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.status is not None, timeout=WAIT_MS)
    assert "Máy này chưa đăng ký đồng bộ" in tab.state.text()

    # refusals: beside the button, nothing saved
    tab.url.setText("http://dongbo.example.vn")
    tab.code.setText("abc")
    tab.enrol_button.click()
    assert "chỉ kết nối máy chủ tỉnh qua https" in tab.error.text().lower()
    tab.url.setText(server.base_url)
    tab.code.setText("")
    tab.enrol_button.click()
    assert tab.error.text() == "Nhập mã đăng ký tỉnh cấp cho máy này."
    tab.code.setText("ma-sai-khong-ton-tai")
    tab.enrol_button.click()
    qtbot.waitUntil(lambda: not tab.working, timeout=WAIT_MS)
    assert tab.error.isVisible() and "máy chủ tỉnh từ chối" in tab.error.text().lower()
    assert not controller.services.sync.status().enrolled

    # the real code: enrolled, and the first sync follows at once
    device_id, code = server.enrol_code("pc-gui")
    tab.code.setText(code)
    tab.enrol_button.click()
    qtbot.waitUntil(lambda: tab.enrolled_answer is not None, timeout=WAIT_MS)
    assert tab.enrolled_answer.device_id == device_id
    [box] = message_boxes()
    assert "đã đăng ký với máy chủ tỉnh (cơ sở TTBTXH-LS)" in box.text()
    box.done(0)
    wait_runs(qtbot, controller, 1)
    worker, area = worker_of(controller), area_of(controller)
    assert worker.report.complete and worker.status.waiting == 0
    assert set(server.rows()["residents"]) == {r.id for r in residents}
    assert area.headline.startswith("Đồng bộ thành công lúc ") and area.headline.endswith(" hôm nay")
    qtbot.waitUntil(lambda: "Đã đăng ký với máy chủ" in tab.state.text(), timeout=WAIT_MS)
    admin.close()

    # log out (the worker stops), a nurse logs in (a new worker syncs at once)
    first = worker
    controller.logout()
    assert first.closed and not first.running
    window = controller.start_window
    log_in(qtbot, window.login, "lan")
    qtbot.waitUntil(lambda: controller.main is not None, timeout=WAIT_MS)
    wait_runs(qtbot, controller, 1)
    worker, area = worker_of(controller), area_of(controller)
    assert worker is not first and worker.report.complete

    # a checkup saved here: one change waiting, then "Sync now" with progress
    main = controller.main
    main.open_resident(residents[0].id)
    record = main.tabs.currentWidget()
    qtbot.waitUntil(lambda: record.sync_state.text() == "Đã lưu trên máy này và trên máy chủ tỉnh", timeout=WAIT_MS)
    checkup = record_checkup(controller, residents[0].id)
    qtbot.waitUntil(lambda: worker.status.waiting == 1, timeout=WAIT_MS)
    assert area.waiting == "1 thay đổi chờ gửi"
    qtbot.waitUntil(lambda: record.sync_state.text() == "Đã lưu trên máy này — chưa gửi lên máy chủ tỉnh",
                    timeout=WAIT_MS)
    seen = []
    worker.sig_progress.connect(lambda p: seen.append((p.phase, p.done, p.total, area.headline)))
    report = sync_now(qtbot, controller)
    assert report.complete and report.pushed == 1
    assert ("push", 1, 1, "Đang gửi thay đổi: 1/1…") in seen
    assert checkup.id in server.rows()["checkups"]
    assert worker.status.waiting == 0 and worker.status.last_success_at is not None
    assert area.waiting == "không còn gì chờ gửi"
    assert area.headline.startswith("Đồng bộ thành công lúc ")
    qtbot.waitUntil(lambda: record.sync_state.text() == "Đã lưu trên máy này và trên máy chủ tỉnh", timeout=WAIT_MS)
    assert worker.scheduled_in is not None and 240 < worker.scheduled_in <= 316  # 5 min (a coarse timer: 5 %)
    close_all(controller)


# --- the other PC's changes ---------------------------------------------------------------------

def test_the_other_pcs_changes_arrive_and_open_screens_refresh(shell_app, qtbot, tmp_path, server, fast_sync):
    first_pc_store(tmp_path / "data", server)
    pc2 = joined_pc(tmp_path, server)
    controller = log_in_enrolled(qtbot, tmp_path / "data")
    try:
        main = controller.main
        an = [r for r in main.residents.model.rows() if r.full_name == "Nguyễn Văn An"][0]
        main.open_resident(an.id)
        record = main.tabs.currentWidget()
        assert "phòng A101" in record.details.text()
        # the other PC moves him and admits someone
        edit(pc2, an.id, room="B-205")
        pc2.services.residents.admit(NURSE, Resident("Vi Thị Hoa", Sex.FEMALE, date(1948, 4, 4), date(2026, 11, 2),
                                                     [BeneficiaryGroup.ELDERLY], room="C302", code="PC2-00001"))
        assert pc2.sync().complete
        changed = []
        controller.session.sig_changes.connect(changed.append)
        report = sync_now(qtbot, controller)
        # the move and its room-history entry, the admission and its first room
        assert report.complete and report.pulled == 4
        (pulled,) = changed  # one Changes for the run: the rows that arrived, with their residents
        assert an.id in pulled.ids("residents") and pulled.touches_record(an.id)
        qtbot.waitUntil(lambda: "phòng B-205" in record.details.text(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: "Vi Thị Hoa" in [r.full_name for r in main.residents.model.rows()], timeout=WAIT_MS)

        # the record closed and the language switched twice: later syncs reach no deleted widget
        main.close_tab(main.tabs.indexOf(record))
        qtbot.wait(50)
        controller.set_language("en")
        assert area_of(controller).headline.startswith("Last synced at ")
        controller.set_language("vi")
        edit(pc2, an.id, room="B-206")
        assert pc2.sync().complete
        assert sync_now(qtbot, controller).pulled == 2  # the move and its room-history entry
        assert worker_of(controller).report.complete
    finally:
        pc2.close()
        close_all(controller)


# --- a conflict, decided in the review dialog ----------------------------------------------------------

def test_a_same_field_conflict_is_reviewed_and_resolved_on_both_pcs(shell_app, qtbot, tmp_path, server, fast_sync):
    _, residents = first_pc_store(tmp_path / "data", server)
    pc2 = joined_pc(tmp_path, server)
    controller = log_in_enrolled(qtbot, tmp_path / "data")
    try:
        an = residents[0]
        edit_room(controller, an.id, "P-một")  # here first ...
        edit(pc2, an.id, room="P-hai")  # ... then on the other PC, which syncs first
        assert pc2.sync().complete
        report = sync_now(qtbot, controller)
        assert report.error is None and report.open_conflicts == 1
        worker, area = worker_of(controller), area_of(controller)
        assert worker.status.conflicts == 1
        assert area.review == "Cần xem lại: 1 xung đột" and "<a href" in area.sentence.text()

        area.open_review()
        dialog = controller.main.sync.review
        qtbot.waitUntil(lambda: dialog.data is not None, timeout=WAIT_MS)
        table = dialog.conflict_table
        assert table.rowCount() == 1
        cells = [table.item(0, c).text() for c in range(table.columnCount())]
        assert cells == [f"Nguyễn Văn An ({an.code})", "Phòng", "P-một", "P-hai", "máy khác"]
        assert dialog.tabs.tabText(0) == "Xung đột (1)" and dialog.tabs.tabText(1) == "Thay đổi bị từ chối (0)"
        assert "(nhập trên máy này)" in dialog.conflict_detail.text()
        assert dialog.keep_mine.text() == "Giữ “P-một” (máy này)"
        assert dialog.keep_theirs.text() == "Giữ “P-hai” (máy khác)"
        dialog.keep_mine.click()
        qtbot.waitUntil(lambda: dialog.data is not None and not dialog.data.conflicts and not dialog.loading,
                        timeout=WAIT_MS)
        assert controller.services.residents.get(actor("lan"), an.id).room == "P-một"
        runs = worker.runs
        dialog.close_button.click()  # closing after a decision syncs at once
        wait_runs(qtbot, controller, runs + 1)
        assert worker.report.complete and worker.status.conflicts == 0 and area.review == ""

        assert pc2.sync().complete
        assert SyncService(pc2.store).conflicts(NURSE) == []
        assert pc2.services.residents.get(NURSE, an.id).room == "P-một"
        assert server.rows()["residents"][an.id]["room"] == "P-một"
    finally:
        pc2.close()
        close_all(controller)


# --- the server gone, and back ----------------------------------------------------------------------------

def test_offline_keeps_the_data_says_so_and_retries_by_itself(shell_app, qtbot, tmp_path, server, fast_sync):
    _, residents = first_pc_store(tmp_path / "data", server)
    controller = log_in_enrolled(qtbot, tmp_path / "data")
    try:
        worker, area = worker_of(controller), area_of(controller)
        server.stop()
        checkup = record_checkup(controller, residents[1].id)
        report = sync_now(qtbot, controller)
        assert report.error is not None and report.error.kind == "offline"
        assert area.headline == OFFLINE_VI
        assert "Lần thử gần nhất: Không kết nối được máy chủ tỉnh" in area.sentence.toolTip()
        assert worker.status.waiting == 1 and area.waiting == "1 thay đổi chờ gửi"
        ids = [c.id for c in controller.services.clinical.checkups(actor("lan"), residents[1].id)]
        assert checkup.id in ids  # still saved here
        # the backoff: the first retry about 2 s later (jittered), by the timer
        assert worker.scheduled_in is not None and 1.0 <= worker.scheduled_in <= 2.6
        runs = worker.runs
        server.start()
        wait_runs(qtbot, controller, runs + 1)
        assert worker.report.complete and worker.status.waiting == 0
        assert checkup.id in server.rows()["checkups"]
        assert area.headline.startswith("Đồng bộ thành công lúc ")
    finally:
        close_all(controller)


# --- a revoked PC ----------------------------------------------------------------------------------------------

def test_a_revoked_pc_is_told_clearly_and_the_timer_stops(shell_app, qtbot, tmp_path, server, fast_sync):
    device_id, residents = first_pc_store(tmp_path / "data", server)
    controller = log_in_enrolled(qtbot, tmp_path / "data")
    try:
        worker, area = worker_of(controller), area_of(controller)
        assert worker.scheduled_in is not None
        server.revoke(device_id)
        record_checkup(controller, residents[0].id)
        report = sync_now(qtbot, controller)
        assert report.error is not None and report.error.kind == "revoked"
        assert area.headline == REVOKED_VI
        assert "color:#b3261e" in area.sentence.text()
        assert worker.status.revoked and worker.status.waiting == 1
        assert worker.scheduled_in is None and not worker.sync_now()
        assert not area.now.isVisible() and not controller.main.sync.act_sync.isEnabled()
        qtbot.wait(300)
        assert worker.runs == 1 + 1  # the login's run and the one pressed, nothing since
    finally:
        close_all(controller)


# --- lock, log-out, close ---------------------------------------------------------------------------------------

def test_the_worker_stops_on_lock_and_on_closing_even_mid_sync(shell_app, qtbot, tmp_path, server, fast_sync):
    _, residents = first_pc_store(tmp_path / "data", server)
    controller = log_in_enrolled(qtbot, tmp_path / "data")
    worker = worker_of(controller)
    assert worker.scheduled_in is not None
    controller.lock()  # what the idle watcher does after the facility's minutes
    assert worker.suspended and worker.scheduled_in is None and not worker.sync_now()
    controller.main.lock_page.sig_logged_in.emit(actor("lan"))  # the same nurse logs in again
    qtbot.waitUntil(lambda: worker.scheduled_in is not None, timeout=WAIT_MS)
    assert not worker.suspended

    # a sync under way when the window closes: the window waits for it, then the store closes
    rng = random.Random(4)
    for _ in range(30):
        edit_room(controller, residents[rng.randrange(len(residents))].id, f"P{rng.randrange(100)}")
    assert worker.sync_now()
    thread = worker._thread
    assert thread is not None and thread.isRunning()
    controller.logout()
    assert worker.closed and thread.isFinished()
    assert worker.scheduled_in is None
    controller.shutdown()


# --- quitting mid-sync, in a real process ------------------------------------------------------------------

QUIT_MID_SYNC = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from facility_app.ui.controller import AppController
from facility_app.ui.sync import hooks
hooks.RUNNER_OPTIONS = {"read_timeout": 3.0, "connect_timeout": 2.0, "retries": 1}
data, passphrase, password = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
app = QApplication([])
controller = AppController(data, "vi")
key = controller.gate.derive_key(passphrase)
controller._unlocked(key, controller.gate.open(key))
controller._logged_in(controller.services.users.login("lan", password))
worker = controller.main.sync.worker
seen = {}
def started():
    seen["thread"] = worker._thread
    print("sync started", flush=True)
    QTimer.singleShot(0, quit_now)

def quit_now():  # as Ctrl+Q or closing the last window would, while the sync runs
    print("running at quit" if seen["thread"].isRunning() else "idle at quit", flush=True)
    app.quit()
worker.sig_started.connect(started)
code = app.exec()
print("thread finished" if seen["thread"].isFinished() else "THREAD STILL RUNNING", flush=True)
controller.shutdown()
print("exit", code, flush=True)
"""


def test_quitting_during_a_sync_waits_for_it_and_exits_cleanly(tmp_path, server):
    _, residents = first_pc_store(tmp_path / "data", server)
    with Store.open(tmp_path / "data", PASSPHRASE) as store:  # work waiting to be sent
        s = Services(store, today=lambda: TODAY)
        for i in range(300):
            current = s.residents.get(NURSE, residents[i % len(residents)].id)
            s.residents.update(NURSE, current.id, {"room": f"P{i}"}, current.version)
    proc = subprocess.run([sys.executable, "-c", QUIT_MID_SYNC, str(tmp_path / "data"), PASSPHRASE, PASSWORD],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.splitlines() == ["sync started", "running at quit", "thread finished", "exit 0"], proc.stdout
    assert "QThread" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr[-2000:]
