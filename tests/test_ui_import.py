"""The import dialog (a real Qt window, offscreen, over a real store): the
preview lists every row and the problems by row and column, Import is
refused while a row is bad, leaving the bad rows out imports the rest, and
the residents' list hears of the new residents."""
from __future__ import annotations

from PySide6.QtCore import Qt

from facility_app.ui.admin.import_dialog import ImportDialog
from facility_app.ui.session import Session
from tests.conftest import DIRECTOR, SYSTEM
from tests.intake_fixtures import rows, write_csv, write_xlsx
from tests.ui_shell_fixtures import qm_folder, shell_app, wait_idle  # noqa: F401 - fixtures


def open_dialog(qtbot, services, actor=DIRECTOR):
    session = Session(services, actor, "vi")
    dialog = ImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return session, dialog


def test_preview_shows_the_bad_row_and_import_waits_for_a_choice(qtbot, services, tmp_path, shell_app):
    data = rows(6)
    data[3]["birth_date"] = "32/13/1950"
    session, dialog = open_dialog(qtbot, services)
    assert not dialog.import_button.isEnabled()
    dialog.load(write_xlsx(tmp_path / "ds.xlsx", data))
    wait_idle(qtbot)
    assert dialog.table.rowCount() == 6
    assert dialog.table.item(3, 0).text() == "5" and dialog.table.item(3, 5).text() == "Có lỗi"
    assert dialog.table.item(3, 3).background().color().name() == "#fde7e9"  # the birth date cell
    assert "Dòng 5, cột “Ngày sinh”" in dialog.errors.toPlainText()
    assert "1 lỗi" in dialog.summary.text() and "5 mới" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    dialog.grab().save(str(tmp_path / "import-preview.png"))

    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(session.sig_changes, timeout=10_000) as changed:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert "Đã nhập: 5 mới, 0 thay đổi, 0 đã có, 1 dòng có lỗi" in dialog.summary.text()
    assert len(changed.args[0].rows["residents"]) == 5
    assert sorted(r.code for r in services.residents.list(SYSTEM)) == ["DT-00001", "DT-00002", "DT-00003",
                                                                      "DT-00005", "DT-00006"]
    assert not dialog.import_button.isEnabled()  # imported once; choose the file again to re-check


def test_a_valid_file_imports_and_again_changes_nothing(qtbot, services, tmp_path, shell_app):
    path = write_csv(tmp_path / "ds.csv", rows(4))
    session, dialog = open_dialog(qtbot, services)
    dialog.load(path)
    wait_idle(qtbot)
    assert "Mọi dòng đều đúng: 4 mới" in dialog.summary.text() and dialog.errors.isHidden()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert len(services.residents.list(SYSTEM)) == 4
    dialog.load(path)
    wait_idle(qtbot)
    assert "0 mới, 0 thay đổi, 4 đã có" in dialog.summary.text()
    assert {dialog.table.item(i, 5).text() for i in range(4)} == {"Đã có"}


def test_a_file_that_is_no_list_says_so(qtbot, services, tmp_path, shell_app):
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage")
    session, dialog = open_dialog(qtbot, services)
    dialog.load(bad)
    wait_idle(qtbot)
    assert "UTF-8" in dialog.summary.text() and not dialog.import_button.isEnabled()
