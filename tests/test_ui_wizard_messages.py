"""The set-up wizard's messages go as soon as the field is right (issue 11,
point 7): "bắt buộc nhập" stayed under fields already filled in. No new
message appears before Next, and a failure sentence stays until the next try.
"""
from __future__ import annotations

from facility_app.services.startup import StoreGate
from facility_app.ui.start.wizard import SetupWizard
from tests.conftest import PASSPHRASE
from tests.ui_shell_fixtures import qm_folder, screenshots, shell_app, shoot  # noqa: F401 - fixtures


def _wizard(qtbot, tmp_path) -> SetupWizard:
    wizard = SetupWizard(StoreGate(tmp_path / "new"), "vi")
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_facility_messages_follow_the_typing(shell_app, qtbot, tmp_path, screenshots):
    wizard = _wizard(qtbot, tmp_path)
    wizard.next()
    page = wizard.facility_page
    code, name = page.errors.labels["facility_code"], page.errors.labels["facility_name"]
    qtbot.keyClicks(page.code, "TT")  # typing before Next shows nothing yet
    assert code.isHidden() and name.isHidden()
    page.code.clear()
    wizard.next()
    assert wizard.currentPage() is page
    assert code.text() == "Mã cơ sở: bắt buộc nhập." and name.text() == "Tên cơ sở: bắt buộc nhập."
    qtbot.keyClicks(page.code, "ttbtxh-ls!")  # something typed, but not a valid code yet
    assert not code.isHidden() and "chữ in hoa không dấu" in code.text()
    page.code.backspace()
    assert code.isHidden() and not name.isHidden()  # right now: its message is gone, the other stays
    page.name.setText("Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn")  # QTest types ASCII only
    assert name.isHidden()
    shoot(wizard, screenshots, "wizard-facility-fixed-vi")
    wizard.next()
    assert wizard.currentPage() is wizard.report_page  # the report form, filled with its defaults
    wizard.next()
    assert wizard.currentPage() is wizard.passphrase_page


def test_passphrase_and_admin_messages_follow_the_typing(shell_app, qtbot, tmp_path):
    wizard = _wizard(qtbot, tmp_path)
    wizard.next()
    wizard.facility_page.code.setText("TTBTXH-LS")
    wizard.facility_page.name.setText("Trung tâm Bảo trợ xã hội tỉnh Lạng Sơn")
    wizard.next()
    assert wizard.currentPage() is wizard.report_page
    wizard.next()
    pp = wizard.passphrase_page
    assert wizard.currentPage() is pp
    wizard.next()
    assert "bắt buộc nhập" in pp.error_first.text() or "10 ký tự" in pp.error_first.text()
    qtbot.keyClicks(pp.first, PASSPHRASE)
    assert pp.error_first.isHidden()
    qtbot.keyClicks(pp.again, PASSPHRASE + "x")
    wizard.next()
    assert wizard.currentPage() is pp and not pp.error_again.isHidden()
    pp.again.backspace()
    assert pp.error_again.isHidden()
    wizard.next()
    admin = wizard.admin_page
    assert wizard.currentPage() is admin
    assert not admin.check()
    username, full_name = admin.errors.labels["username"], admin.errors.labels["full_name"]
    assert not username.isHidden() and not full_name.isHidden()
    qtbot.keyClicks(admin.username, "admin")
    assert username.isHidden() and not full_name.isHidden()
    admin.full_name.setText("Trần Văn Quản")
    assert full_name.isHidden()
    # a failure that is not about a field stays while typing
    admin.errors.general.show_text("Không ghi được vào thư mục dữ liệu.")
    qtbot.keyClicks(admin.password, "x")
    assert admin.errors.general.text() == "Không ghi được vào thư mục dữ liệu."
