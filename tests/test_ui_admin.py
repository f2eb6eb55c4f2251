"""Roles in the shell, and the administration window: users, facility
settings, language, backup and restore (real store, real widgets)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, Role, Sex
from facility_app.ui import i18n
from tests.conftest import PASSPHRASE, SYSTEM, TODAY
from tests.ui_shell_fixtures import (  # noqa: F401 - fixtures
    PASSWORD,
    actor,
    log_in,
    make_store,
    qm_folder,
    screenshots,
    shell_app,
    shoot,
    start_logged_in,
    wait_idle,
)


@pytest.fixture
def store(tmp_path):
    services, _ = make_store(tmp_path / "data")
    services.close()
    return tmp_path / "data"


def message_box(name: str) -> QMessageBox:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
             and w.objectName() == name]
    assert boxes, f"no open {name}"
    return boxes[-1]


@pytest.mark.parametrize("username, admin_action, tabs, admit", [
    ("lan", False, [], True),
    ("binh", False, [], True),
    ("giamdoc", True, ["settingsTab", "generalTab"], True),
    ("admin", True, ["usersTab", "settingsTab", "generalTab", "backupTab", "syncTab"], True),
])
def test_each_role_sees_only_what_it_may_do(shell_app, qtbot, store, username, admin_action, tabs, admit):
    controller = start_logged_in(qtbot, store, username)
    main = controller.main
    assert main.act_admin.isVisible() == admin_action
    assert main.menu_admin.menuAction().isVisible() == admin_action
    assert main.act_admit.isVisible() == admit
    if admin_action:
        main.act_admin.trigger()
        dialog = controller.admin_dialog
        assert [dialog.tabs.widget(i).objectName() for i in range(dialog.tabs.count())] == tabs
        assert (not dialog.general.key_box.isHidden()) == (username == "admin")
    controller.shutdown()


def test_users_add_refuse_disable_and_reset_password(shell_app, qtbot, store, screenshots):
    controller = start_logged_in(qtbot, store, "admin")
    controller.main.act_admin.trigger()
    users = controller.admin_dialog.users
    qtbot.waitUntil(lambda: users.table.rowCount() == 4, timeout=10_000)
    shoot(controller.admin_dialog, screenshots, "admin-users-vi")
    users.add_button.click()
    form = users.findChild(QWidget, "userForm")
    form.username.setText("Chị Hoa")
    form.full_name.setText("")
    form.password.setText("ngan")
    form.again.setText("ngan")
    form.ok.click()
    assert form.isVisible()
    assert form.errors.labels["username"].text().startswith("Tên đăng nhập: 3–32 ký tự")
    assert form.errors.labels["full_name"].text() == "Họ và tên: bắt buộc nhập."
    assert form.errors.labels["password"].text() == "Mật khẩu: cần ít nhất 8 ký tự."
    shoot(form, screenshots, "admin-user-form-errors-vi")
    assert len(controller.services.users.list(actor("admin"))) == 4  # nothing added
    form.username.setText("hoa")
    form.full_name.setText("Trần Thị Hoa")
    form.role.setCurrentIndex(form.role.findData(Role.DOCTOR.value))
    form.password.setText("bac-si-2026")
    form.again.setText("bac-si-2026")
    form.ok.click()
    qtbot.waitUntil(lambda: users.table.rowCount() == 5, timeout=10_000)
    assert controller.services.users.login("hoa", "bac-si-2026").role == Role.DOCTOR

    def select(username):
        row = [u.username for u in users.users].index(username)
        users.table.selectRow(row)

    select("admin")
    assert not users.toggle_button.isEnabled()  # never one's own account
    select("hoa")
    assert users.toggle_button.text() == "&Khóa tài khoản"
    users.toggle_button.click()
    message_box("confirmBox").findChild(QWidget, "confirmYes").click()
    qtbot.waitUntil(lambda: not [u for u in users.users if u.username == "hoa"][0].active, timeout=10_000)
    with pytest.raises(Exception) as refused:
        controller.services.users.login("hoa", "bac-si-2026")
    assert refused.value.message("vi") == "Tài khoản này đã bị khóa; liên hệ quản trị."
    select("lan")
    users.reset_button.click()
    reset = [w for w in users.findChildren(QWidget, "userForm") if w.isVisible()][-1]
    reset.password.setText("mat-khau-moi-1")
    reset.again.setText("mat-khau-moi-1")
    reset.ok.click()
    assert not reset.isVisible()
    assert controller.services.users.login("lan", "mat-khau-moi-1").username == "lan"
    controller.shutdown()


def test_settings_refuse_with_the_reason_then_save_and_apply_auto_lock(shell_app, qtbot, store, screenshots):
    controller = start_logged_in(qtbot, store, "giamdoc")
    controller.main.act_admin.trigger()
    settings = controller.admin_dialog.settings
    assert settings.code.text() == "TTBTXH-LS"
    shoot(controller.admin_dialog, screenshots, "admin-settings-vi")
    settings.edits["name"].setText("")
    settings.save_button.click()
    assert settings.errors.labels["facility_name"].text() == "Tên cơ sở: bắt buộc nhập."
    assert controller.services.facility.get().name == "Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn"
    settings.edits["name"].setText("Trung tâm Công tác xã hội tỉnh Lạng Sơn")
    settings.edits["director_name"].setText("Hoàng Văn Minh")
    settings.edits["governing_body"].setText("SỞ Y TẾ TỈNH LẠNG SƠN")
    # the report form (Decree 30): a date that is none is refused beside its field, nothing saved
    report = settings.report_fields
    report.signature.setCurrentIndex(report.signature.findData("deputy"))
    settings.edits["deputy_name"].setText("Hoàng Thị Mai")
    settings.edits["plan_number"].setText("125/KH-UBND")
    settings.edits["plan_date"].setText("32/05/2022")
    settings.save_button.click()
    assert report.errors.labels["plan_date"].text().startswith("Ngày ban hành kế hoạch: “32/05/2022” không phải ngày")
    assert controller.services.facility.get().plan_number == ""
    settings.edits["plan_date"].setText("20/05/2022")
    settings.edits["plan_issuer"].setText("Ủy ban nhân dân tỉnh Lạng Sơn")
    shoot(report, screenshots, "admin-settings-report-form-vi")
    settings.target_2030.setValue(100)
    settings.lock_minutes.setValue(3)
    wards = settings.ward
    wards.setCurrentIndex(1)
    ward_code = wards.currentData()
    settings.save_button.click()
    assert settings.saved.text() == "Đã lưu thông tin cơ sở."
    f = controller.services.facility.get()
    assert (f.name, f.director_name, f.governing_body, f.provincial_target_2030, f.auto_lock_minutes, f.ward_code) == (
        "Trung tâm Công tác xã hội tỉnh Lạng Sơn", "Hoàng Văn Minh", "SỞ Y TẾ TỈNH LẠNG SƠN", 1.0, 3, ward_code)
    assert f.provincial_target_2025 is None
    assert (f.signature, f.deputy_name, f.plan_number, f.plan_date.isoformat(), f.plan_issuer) == (
        "deputy", "Hoàng Thị Mai", "125/KH-UBND", "2022-05-20", "Ủy ban nhân dân tỉnh Lạng Sơn")
    assert report.errors.labels["plan_date"].text() == ""
    assert controller.idle.timeout_s == 180
    controller.shutdown()


def test_language_switch_is_live_and_remembered(shell_app, qtbot, store, screenshots):
    controller = start_logged_in(qtbot, store, "admin")
    main = controller.main
    assert main.menu_file.title() == "&Tệp"
    main.act_admin.trigger()
    general = controller.admin_dialog.general
    general.language.setCurrentIndex(general.language.findData("en"))
    general.language.activated.emit(general.language.currentIndex())
    qtbot.wait(50)
    assert main.menu_file.title() == "&File" and controller.admin_dialog.windowTitle() == "Administration"
    assert main.residents.model.headerData(1, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.Orientation.Horizontal) \
        == "Full name"
    assert controller.session.lang == "en" and i18n.saved_language() == "en"
    for i in range(controller.admin_dialog.tabs.count()):
        controller.admin_dialog.tabs.setCurrentIndex(i)
        shoot(controller.admin_dialog, screenshots, f"admin-tab{i}-en")
    shoot(main, screenshots, "main-en")
    controller.set_language("vi")
    qtbot.wait(50)
    assert main.menu_file.title() == "&Tệp" and i18n.saved_language() == "vi"
    controller.shutdown()


def test_backup_then_restore_after_confirmation(shell_app, qtbot, store, tmp_path, screenshots):
    controller = start_logged_in(qtbot, store, "admin")
    controller.main.act_admin.trigger()
    dialog = controller.admin_dialog
    backup = dialog.backup
    dialog.tabs.setCurrentWidget(backup)
    target = tmp_path / "usb" / "sao-luu.db"
    backup.backup_path.setText(str(target))
    backup.backup_button.click()
    assert backup.backup_error.text().startswith("Thư mục") and not target.exists()  # folder missing
    target.parent.mkdir()
    backup.backup_button.click()
    qtbot.waitUntil(lambda: not backup.working, timeout=20_000)
    assert target.is_file() and backup.backup_result.text().startswith("Đã sao lưu:")
    assert not target.read_bytes()[:16].startswith(b"SQLite format")  # encrypted
    shoot(dialog, screenshots, "admin-backup-vi")

    # a resident admitted after the backup disappears with the restore
    later = controller.services.residents.admit(SYSTEM, Resident("Vũ Thị Sau", Sex.FEMALE, TODAY.replace(year=1950),
                                                                 TODAY, [BeneficiaryGroup.ELDERLY]))
    backup.restore_path.setText(str(target))
    backup.restore_passphrase.setText("sai mật khẩu")
    backup.restore_button.click()
    qtbot.waitUntil(lambda: not backup.working, timeout=20_000)
    assert backup.restore_error.text().startswith("Mật khẩu không mở được tệp sao lưu")
    backup.restore_passphrase.setText(PASSPHRASE)
    backup.restore_button.click()
    qtbot.waitUntil(lambda: not backup.working, timeout=20_000)
    box = message_box("confirmBox")
    assert "sao-luu.db" in box.text()
    shoot(box, screenshots, "admin-restore-confirm-vi")
    box.findChild(QWidget, "confirmYes").click()
    window = controller.start_window
    qtbot.waitUntil(lambda: window.login is not None and window.pages.currentWidget() is window.login
                    and window.isVisible(), timeout=30_000)
    assert controller.main is None  # everyone logs in again
    names = [r.full_name for r in controller.services.residents.list(SYSTEM)]
    assert "Vũ Thị Sau" not in names and "Nguyễn Văn An" in names
    kept = list((Path(store) / "backups").glob("pre-restore-*"))
    assert kept, "the replaced store is kept under backups/"
    log_in(qtbot, window.login, "admin")
    qtbot.waitUntil(lambda: controller.main is not None, timeout=15_000)
    wait_idle(qtbot)
    assert later.id not in {r.id for r in controller.main.residents.model.rows()}
    controller.shutdown()
