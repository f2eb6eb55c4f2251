"""Finding a resident from the keyboard (issue 11, point 1): one Ctrl+F
that works wherever the focus is, and Enter opens only the resident shown
selected. Qt's type-ahead in the list and the Today panel once moved the
selection silently, so "nguyen thi huong" + Enter opened someone else.

Real main window over a real encrypted store, offscreen, keys typed.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, Sex
from facility_app.ui.models.residents import COLUMNS
from tests.conftest import SYSTEM
from tests.ui_shell_fixtures import (  # noqa: F401 - fixtures
    make_store,
    qm_folder,
    screenshots,
    shell_app,
    shoot,
    start_logged_in,
    wait_idle,
)

SIMILAR = ("Nguyễn Thành Bảo", "Nguyễn Thị Hương", "Nguyễn Thị Hường", "Nguyễn Thị Huệ")


def _store(tmp_path):
    data = tmp_path / "data"
    services, _people = make_store(data)
    ids = {}
    for name in SIMILAR:
        ids[name] = services.residents.admit(SYSTEM, Resident(
            name, Sex.FEMALE, date(1950, 1, 1), date(2024, 1, 10), [BeneficiaryGroup.ELDERLY], room="D1")).id
    services.close()
    return data, ids


def _type(qtbot, text: str) -> None:
    """Keys to whichever widget has the focus, as a keyboard would send them."""
    for char in text:
        qtbot.keyClick(QApplication.focusWidget(), char)


def _open_tab_ids(main) -> list[str]:
    return [w.resident_id_for_tab for w in main.record_tabs()]


def _selected_name(main) -> str | None:
    rid = main.residents.selected_id()
    return next((r.full_name for r in main.residents.model.rows() if r.id == rid), None)


def _find_and_open(qtbot, main, typed: str) -> str | None:
    """Ctrl+F, type, Enter: returns the name shown selected just before Enter."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert main.tabs.currentIndex() == 0 and QApplication.focusWidget() is main.residents.search
    assert main.residents.search.selectedText() == main.residents.search.text()  # typing replaces it
    _type(qtbot, typed)
    assert main.residents.search.text() == typed
    shown = _selected_name(main)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    return shown


def test_ctrl_f_from_the_table_opens_exactly_the_resident_shown_selected(shell_app, qtbot, tmp_path, screenshots):
    data, ids = _store(tmp_path)
    controller = start_logged_in(qtbot, data)
    main = controller.main
    main.activateWindow()
    table = main.residents.table
    table.setFocus()
    main.residents.select_row(0)
    shown = _find_and_open(qtbot, main, "nguyen thi huong")
    assert shown == "Nguyễn Thị Hương"
    assert _open_tab_ids(main) == [ids["Nguyễn Thị Hương"]]
    assert main.tabs.tabText(main.tabs.currentIndex()) == "Nguyễn Thị Hương"


def test_ctrl_f_from_the_today_panel_and_from_a_record_tab(shell_app, qtbot, tmp_path, screenshots):
    data, ids = _store(tmp_path)
    controller = start_logged_in(qtbot, data)
    main = controller.main
    main.activateWindow()
    tree = main.today.tree
    tree.setFocus()
    assert QApplication.focusWidget() is tree
    shown = _find_and_open(qtbot, main, "nguyen thanh bao")
    assert shown == "Nguyễn Thành Bảo" and _open_tab_ids(main) == [ids["Nguyễn Thành Bảo"]]
    record = main.tabs.currentWidget()
    assert record.objectName() == "residentRecord"

    # on the record tab: Ctrl+F shows the list (it used to fill the hidden search box)
    record.checkups.table.setFocus()
    shown = _find_and_open(qtbot, main, "nguyen thi hue")
    assert shown == "Nguyễn Thị Huệ"
    assert _open_tab_ids(main) == [ids["Nguyễn Thành Bảo"], ids["Nguyễn Thị Huệ"]]
    assert main.tabs.currentWidget().resident_id_for_tab == ids["Nguyễn Thị Huệ"]
    shoot(main, screenshots, "find-after-record-vi")


def test_nothing_shown_selected_means_enter_opens_nothing(shell_app, qtbot, tmp_path):
    data, _ids = _store(tmp_path)
    controller = start_logged_in(qtbot, data)
    main = controller.main
    main.activateWindow()
    shown = _find_and_open(qtbot, main, "khong ai ten nay")
    assert shown is None and main.residents.proxy.rowCount() == 0
    assert _open_tab_ids(main) == [] and main.tabs.currentIndex() == 0
    # emptied search: the full list, nothing selected, Enter still opens nothing
    main.residents.search.clear()
    assert main.residents.proxy.rowCount() > 0 and main.residents.selected_id() is None
    qtbot.keyClick(main.residents.search, Qt.Key.Key_Return)
    assert _open_tab_ids(main) == []


def test_letters_typed_in_the_table_or_today_panel_never_move_the_selection_silently(shell_app, qtbot, tmp_path):
    data, ids = _store(tmp_path)
    controller = start_logged_in(qtbot, data)
    main = controller.main
    main.activateWindow()
    residents = main.residents
    # the table: type-ahead would jump to the first name starting with "h"; the letters go to the search box
    residents.search.clear()
    residents.table.setFocus()
    residents.select_row(0)
    first = residents.selected_id()
    qtbot.keyClick(residents.table, "h")
    assert QApplication.focusWidget() is residents.search and residents.search.text() == "h"
    assert residents.selected_id() == residents.proxy.resident_id(0)  # the first match, in sight
    _type(qtbot, "oang van giang")
    assert _selected_name(main) == "Hoàng Văn Giang" and residents.proxy.rowCount() == 1
    assert first != residents.selected_id() or residents.proxy.rowCount() == 1

    # the Today panel: its current line stays where it was; the letters go to the list's search box
    residents.search.clear()
    tree = main.today.tree
    tree.setFocus()
    group = tree.topLevelItem(0)
    tree.setCurrentItem(group.child(0))
    before = tree.currentItem()
    for char in "nguyen thi huong":
        qtbot.keyClick(QApplication.focusWidget(), char)
    assert tree.currentItem() is before
    assert main.tabs.currentIndex() == 0 and residents.search.text() == "nguyen thi huong"
    assert _selected_name(main) == "Nguyễn Thị Hương"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert _open_tab_ids(main) == [ids["Nguyễn Thị Hương"]]


def test_groups_column_shows_every_group_at_1366x768_and_names_them_in_a_tooltip(shell_app, qtbot, tmp_path,
                                                                                   screenshots):
    data = tmp_path / "data"
    services, _people = make_store(data)
    many = services.residents.admit(SYSTEM, Resident(
        "Vi Văn Nhiều", Sex.MALE, date(1948, 2, 2), date(2024, 1, 10),
        [BeneficiaryGroup.SOCIAL_ASSISTANCE, BeneficiaryGroup.ELDERLY, BeneficiaryGroup.DISABILITY], room="A1"))
    services.close()
    controller = start_logged_in(qtbot, data)
    main = controller.main
    residents = main.residents
    residents.search.setText("vi van nhieu")
    column = COLUMNS.index("groups")
    index = residents.proxy.index(0, column)
    text = index.data()
    assert set(text.split(", ")) == {"BTXH", "NCT", "NKT"}
    table = residents.table
    assert not table.isColumnHidden(column)
    assert table.columnWidth(column) >= table.fontMetrics().horizontalAdvance(text) + 8  # not "BTXH, NC…"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    for name in ("Người cao tuổi", "Người khuyết tật"):
        assert name in tip, tip
    name_tip = residents.proxy.index(0, COLUMNS.index("full_name")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Vi Văn Nhiều" in name_tip and "Người khuyết tật" in name_tip  # when a narrow window hides the column
    assert residents.selected_id() == many.id
    shoot(main, screenshots, "list-groups-vi")


def test_no_two_window_shortcuts_share_a_key_with_a_record_open(shell_app, qtbot, tmp_path):
    """Two bindings of one key make Qt ignore both (how Ctrl+F broke)."""
    from PySide6.QtGui import QAction, QShortcut

    data, ids = _store(tmp_path)
    controller = start_logged_in(qtbot, data, "binh")  # a doctor: the health book's Ctrl+P too
    main = controller.main
    main.open_resident(ids["Nguyễn Thị Huệ"])
    record = main.tabs.currentWidget()
    for key in record.NEW_KEYS:
        record._page(key)  # every tab built
    keys: list[str] = []
    for action in main.findChildren(QAction):
        keys += [k.toString() for k in action.shortcuts() if not k.isEmpty()]
    for shortcut in main.findChildren(QShortcut):
        if shortcut.context() != Qt.ShortcutContext.WidgetWithChildrenShortcut and shortcut.parent().isVisible():
            keys.append(shortcut.key().toString())
    assert {"Ctrl+F", "Ctrl+K", "Ctrl+B", "Ctrl+H", "Ctrl+T", "Ctrl+P", "Ctrl+W"} <= set(keys)
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


def test_enter_on_a_row_the_nurse_unselected_opens_nothing(shell_app, qtbot, tmp_path):
    data, _ids = _store(tmp_path)
    controller = start_logged_in(qtbot, data)
    main = controller.main
    main.activateWindow()
    table = main.residents.table
    table.setFocus()
    main.residents.select_row(2)
    index = table.currentIndex()
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, rect.center())
    assert main.residents.selected_id() is None and table.currentIndex().isValid()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert _open_tab_ids(main) == []
    main.residents.select_row(2)  # selected again: Enter opens it
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert _open_tab_ids(main) == [main.residents.proxy.resident_id(2)]


def test_enter_in_the_today_panel_opens_only_the_line_shown_selected(shell_app, qtbot, tmp_path):
    data, _ids = _store(tmp_path)
    controller = start_logged_in(qtbot, data)
    main = controller.main
    main.activateWindow()
    tree = main.today.tree
    tree.setFocus()
    line = tree.topLevelItem(0).child(0)
    tree.setCurrentItem(line)
    tree.clearSelection()  # current but not shown selected
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert _open_tab_ids(main) == []
    tree.setCurrentItem(line)
    assert line.isSelected()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert _open_tab_ids(main) == [line.data(0, Qt.ItemDataRole.UserRole + 1)]
