"""A login name made on two PCs offline, as the admin sees it: the conflict
in the review dialog (real window, real server), refused when the name is
the other account's, settled by keeping the provisional name; an account
change refused by the server shows its reason but never a password hash."""
from __future__ import annotations

from care_core.domain.enums import Role
from facility_app.services.sync import SyncService
from tests.conftest import SYSTEM
from tests.sync_fixtures import joined_pc
from tests.ui_shell_fixtures import (  # noqa: F401 - fixtures
    actor,
    qm_folder,
    screenshots,
    shell_app,
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
)


def test_a_login_name_made_on_two_pcs_is_a_conflict_the_admin_settles(shell_app, qtbot, tmp_path, server,
                                                                       fast_sync, screenshots):
    first_pc_store(tmp_path / "data", server)
    pc2 = joined_pc(tmp_path, server)
    controller = log_in_enrolled(qtbot, tmp_path / "data", "admin")
    try:
        controller.services.users.add(actor("admin"), "hoa", "Lê Thị Hoa", Role.NURSE, "hoa password here")
        pc2.services.users.add(SYSTEM, "hoa", "Trần Thị Hoa", Role.DOCTOR, "hoa password there")
        assert pc2.sync().complete  # the other PC's "hoa" reaches the server first
        report = sync_now(qtbot, controller)
        assert report.error is None and report.open_conflicts == 1
        area = area_of(controller)
        assert area.review == "Cần xem lại: 1 xung đột"

        area.open_review()
        dialog = controller.main.sync.review
        qtbot.waitUntil(lambda: dialog.data is not None, timeout=WAIT_MS)
        table = dialog.conflict_table
        cells = [table.item(0, c).text() for c in range(table.columnCount())]
        assert cells[:4] == ["Tài khoản người dùng", "Tên đăng nhập", "hoa", "hoa_2"]
        assert dialog.keep_theirs.text() == "Giữ “hoa_2” (máy khác)"
        dialog.grab().save(str(screenshots / "sync_review_username_conflict.png"))

        dialog.keep_mine.click()  # "hoa" is the other PC's account now
        assert "đã thuộc tài khoản khác" in dialog.conflict_error.text()
        assert len(SyncService(controller.services.store).conflicts(actor("admin"))) == 1

        dialog.keep_theirs.click()
        qtbot.waitUntil(lambda: dialog.data is not None and not dialog.data.conflicts and not dialog.loading,
                        timeout=WAIT_MS)
        names = {u.username: u.full_name for u in controller.services.users.list(actor("admin"))}
        assert names["hoa"] == "Trần Thị Hoa" and names["hoa_2"] == "Lê Thị Hoa"
        # a parked account change would list its fields: never the password hash
        shown = dialog._fields({"username": "boss", "role": "admin", "password_hash": "$argon2id$v=19$m=65536"})
        assert "boss" in shown and "argon2" not in shown
        assert "argon2" not in dialog._value("password_hash", "$argon2id$v=19$m=65536")
    finally:
        pc2.close()
        close_all(controller)
