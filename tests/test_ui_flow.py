"""The whole path a facility walks, with the real widgets over a real
encrypted store: set-up wizard -> admin login -> a nurse's account -> nurse
login -> admit a resident (the record screens' AdmitDialog) -> find her
without accents -> record a checkup with an out-of-range value (message,
nothing saved, typed values kept) -> a valid one -> it shows in the record
and the Today panel reacts -> idle auto-lock hides every patient detail ->
log in again, everything as it was. Screenshots of each screen (fixture
data only) go to a temp folder, in Vietnamese, then in English."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget, QWizard

from care_core.domain.entities import Actor
from care_core.domain.enums import BeneficiaryGroup, Role, Sex
from facility_app.ui.controller import AppController
from tests.conftest import PASSPHRASE, TODAY
from tests.ui_record_fixtures import settled
from tests.ui_shell_fixtures import (  # noqa: F401 - fixtures
    PASSWORD,
    log_in,
    qm_folder,
    screenshots,
    shell_app,
    shoot,
    visible_texts,
    wait_idle,
)

NURSE_PASSWORD = "dieu-duong-2026"


def child(parent: QWidget, name: str, kind=QWidget):
    found = parent.findChild(kind, name)
    assert found is not None, f"no widget named {name}"
    return found


def type_into(qtbot, parent: QWidget, name: str, text: str) -> QLineEdit:
    box = child(parent, name, QLineEdit)
    box.setFocus()
    box.selectAll()
    if box.text():
        qtbot.keyClick(box, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(box, text)
    else:  # QTest types ASCII only; Vietnamese comes from an input method, as textEdited
        box.insert(text)
        box.textEdited.emit(box.text())
    return box


def run_wizard(qtbot, controller: AppController) -> None:
    w = controller.wizard
    qtbot.addWidget(w)
    w.next()
    w.facility_page.code.setText("TTBTXH-LS")
    w.facility_page.name.setText("Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn")
    w.facility_page.province.setCurrentIndex(w.facility_page.province.findText("Lạng Sơn"))
    w.next()
    assert w.currentPage() is w.report_page  # the report form's defaults are kept
    w.next()
    w.passphrase_page.first.setText(PASSPHRASE)
    w.passphrase_page.again.setText(PASSPHRASE)
    w.next()
    a = w.admin_page
    a.username.setText("admin")
    a.full_name.setText("Quản trị hệ thống")
    a.password.setText(PASSWORD)
    a.password_again.setText(PASSWORD)
    w.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: controller.start_window is not None and controller.start_window.login is not None,
                    timeout=20_000)
    qtbot.addWidget(controller.start_window)


def wait_main(qtbot, controller):
    qtbot.waitUntil(lambda: controller.main is not None, timeout=15_000)
    main = controller.main  # not given to qtbot: the controller deletes it on log-out
    main.resize(1366, 768)  # the target screen (the offscreen one is 800x800)
    qtbot.waitUntil(lambda: main.today.current is not None and not main.residents.loading, timeout=15_000)
    wait_idle(qtbot)
    return main


def test_setup_login_admit_checkup_today_autolock_unlock(shell_app, qtbot, tmp_path, screenshots):
    controller = AppController(tmp_path / "data", "vi", today=lambda: TODAY)
    controller.start()
    run_wizard(qtbot, controller)
    window = controller.start_window
    shoot(window, screenshots, "login-vi")

    # --- the admin creates the nurse's account --------------------------------------------------
    log_in(qtbot, window.login, "admin")
    main = wait_main(qtbot, controller)
    assert main.act_admin.isVisible()  # admins see Administration
    main.act_admin.trigger()
    admin = controller.admin_dialog
    users = admin.users
    qtbot.waitUntil(lambda: users.table.rowCount() == 1, timeout=10_000)
    users.add_button.click()
    form = users.findChild(QWidget, "userForm")
    form.username.setText("lan")
    form.full_name.setText("Nguyễn Thị Lan")
    form.role.setCurrentIndex(form.role.findData(Role.NURSE))
    form.password.setText(NURSE_PASSWORD)
    form.again.setText(NURSE_PASSWORD)
    form.ok.click()
    qtbot.waitUntil(lambda: users.table.rowCount() == 2, timeout=10_000)
    admin.close()
    main.act_logout.trigger()
    assert controller.main is None and window.isVisible()

    # --- the nurse logs in and admits a resident --------------------------------------------------
    log_in(qtbot, window.login, "lan", NURSE_PASSWORD)
    main = wait_main(qtbot, controller)
    assert main.isVisible() and not window.isVisible()
    assert not main.act_admin.isVisible() and main.act_admit.isVisible()  # roles: what a nurse may do
    assert main.residents.model.rowCount() == 0
    shoot(main, screenshots, "main-empty-vi")
    main.act_admit.trigger()
    dialog = QApplication.activeModalWidget() or main.findChild(QWidget, "admitDialog")
    assert dialog is not None and dialog.objectName() == "admitDialog", "AdmitDialog (record screens) not found"
    type_into(qtbot, dialog, "profileFullName", "Nguyễn Văn An")
    sex = child(dialog, "profileSex")
    sex.set_current(Sex.MALE)
    type_into(qtbot, dialog, "profileBirthDate", "02/05/1940")
    type_into(qtbot, dialog, "profileAdmissionDate", "10/01/2024")
    type_into(qtbot, dialog, "profileRoom", "A101")
    child(dialog, f"profileGroup_{BeneficiaryGroup.ELDERLY.value}").setChecked(True)
    shoot(dialog, screenshots, "admit-vi")
    qtbot.mouseClick(child(dialog, "profileSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    qtbot.waitUntil(lambda: main.residents.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: main.today.current is not None and bool(main.today.current.residents()), timeout=10_000)
    (resident_id,) = main.today.current.residents()
    assert {i.kind for i in main.today.current.items} == {"checkup_due", "elderly_no_checkup"}

    # --- find her without accents, open the record with Enter --------------------------------------
    main.residents.focus_search()
    qtbot.keyClicks(main.residents.search, "nguyen van an")
    assert main.residents.proxy.rowCount() == 1
    shoot(main, screenshots, "main-search-vi")
    qtbot.keyClick(main.residents.search, Qt.Key.Key_Return)
    record = main.tabs.currentWidget()
    assert record.objectName() == "residentRecord" and main.tabs.tabText(main.tabs.currentIndex()) == "Nguyễn Văn An"

    # --- an out-of-range value: message beside the field, nothing saved, typed values kept -----------
    nurse = Actor("lan", Role.NURSE)
    record.tabs.setCurrentWidget(record.checkups)
    qtbot.mouseClick(child(record, "checkupNew", QPushButton), Qt.MouseButton.LeftButton)
    typed = {"checkupSystolic": "300", "checkupDiastolic": "96", "checkupPulse": "88", "checkupSpo2": "95"}
    for name, text in typed.items():
        type_into(qtbot, record, name, text)
    qtbot.mouseClick(child(record, "checkupSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    error = child(record, "checkupError_systolic", QLabel)
    assert error.isVisible() and "Huyết áp tâm thu" in error.text() and "300" in error.text()
    assert controller.services.clinical.checkups(nurse, resident_id) == []
    assert all(child(record, n, QLineEdit).text() == t for n, t in typed.items())
    shoot(main, screenshots, "record-refused-vi")

    # --- a valid (but worrying) one: saved, in the table, and the Today panel reacts -------------------
    type_into(qtbot, record, "checkupSystolic", "178")
    qtbot.mouseClick(child(record, "checkupSave", QPushButton), Qt.MouseButton.LeftButton)
    settled(qtbot)
    (saved,) = controller.services.clinical.checkups(nurse, resident_id)
    assert (saved.vitals.systolic, saved.vitals.diastolic) == (178, 96)
    assert not record.checkups.form_open()
    assert child(record, "checkupTable").model().rowCount() == 1
    qtbot.waitUntil(lambda: {i.kind for i in main.today.current.items} == {"abnormal_vitals"}, timeout=10_000)
    (alert,) = main.today.current.items
    assert alert.resident_id == resident_id and "Huyết áp tâm thu cao: 178 mmHg" in alert.detail("vi")
    shoot(main, screenshots, "record-saved-vi")
    main.tabs.setCurrentIndex(0)
    assert any(t.startswith("Chỉ số sinh tồn bất thường") for t in visible_texts(main.today.tree))
    shoot(main, screenshots, "main-today-vi")

    # clicking the Today item brings the record back
    group = main.today.tree.topLevelItem(0)
    main.today.tree.itemClicked.emit(group.child(0), 0)
    assert main.tabs.currentWidget() is record

    # --- idle: the auto-lock hides every patient detail -------------------------------------------------
    controller.idle.set_timeout(0.3)
    qtbot.waitUntil(lambda: main.locked, timeout=5_000)
    QApplication.processEvents()
    assert main.stack.currentWidget() is not main.tabs and not record.isVisible()
    on_screen = " ".join(visible_texts())
    assert "Nguyễn Văn An" not in on_screen and "178" not in on_screen and "A101" not in on_screen
    assert "Đã khóa màn hình" in on_screen
    shoot(main, screenshots, "locked-vi")

    # --- log in again: everything where it was -------------------------------------------------------------
    controller.idle.set_timeout(600)
    assert main.lock_page.username.text() == "lan"
    log_in(qtbot, main.lock_page, "lan", "sai-mat-khau")
    qtbot.waitUntil(lambda: not main.lock_page.busy_now, timeout=10_000)
    assert main.locked and main.lock_page.error.text() == "Sai tên đăng nhập hoặc mật khẩu."
    log_in(qtbot, main.lock_page, "lan", NURSE_PASSWORD)
    qtbot.waitUntil(lambda: not main.locked, timeout=10_000)
    assert main.tabs.currentWidget() is record and record.isVisible()
    assert controller.idle.armed

    # --- the same screens in English ---------------------------------------------------------------------------
    controller.set_language("en")
    qtbot.wait(50)  # Qt delivers LanguageChange through the event loop
    assert main.act_lock.text() == "&Lock the screen" and main.tabs.tabText(0) == "Residents and today"
    shoot(main, screenshots, "record-en")
    main.tabs.setCurrentIndex(0)
    assert main.today.tree.topLevelItem(0).text(0).startswith("Abnormal vital signs")
    shoot(main, screenshots, "main-today-en")
    controller.set_language("vi")
    qtbot.wait(50)
    assert main.act_lock.text() == "&Khóa màn hình"
    controller.shutdown()
