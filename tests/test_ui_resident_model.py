"""The resident list's model and filter proxy: Qt's model checks, accent-free
search, group and stay filters, sorting with the filter kept."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from care_core.domain.enums import BeneficiaryGroup, Sex
from care_core.domain.text import fold
from facility_app.services.roster import RosterRow
from facility_app.ui.models.residents import ID_ROLE, ResidentFilterProxy, ResidentTableModel
from tests.conftest import TODAY

G = BeneficiaryGroup


def row(i, name, room="", cccd="", groups=(G.ELDERLY,), left=None, code=None) -> RosterRow:
    return RosterRow(f"id-{i}", code or f"DT-{i:05d}", name, fold(name), Sex.FEMALE if "Thị" in name else Sex.MALE,
                     date(1940 + i, 1, 1), tuple(groups), room, cccd, None, date(2024, 1, 1), left)


ROWS = [
    row(1, "Nguyễn Văn An", "A101", "001040012345"),
    row(2, "Đặng Thị Bình", "A102"),
    row(3, "Đặng Thị Hoa", "B201", groups=(G.DISABILITY,)),
    row(4, "Trần Văn Anh", "Nhà 2 - P.3"),
    row(5, "Nguyễn Văn Ân", "C301", left=date(2026, 3, 1)),
    row(6, "Lê Thị Cúc", "A101", groups=(G.CHILD, G.DISABILITY)),
]


@pytest.fixture
def models(qapp):
    model = ResidentTableModel(lambda: TODAY)
    proxy = ResidentFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(list(ROWS))
    return model, proxy


def names(proxy) -> list[str]:
    return [proxy.data(proxy.index(r, 1)) for r in range(proxy.rowCount())]


def test_source_model_passes_qt_model_checks(qtmodeltester, models):
    model, _ = models
    qtmodeltester.check(model)


def test_proxy_passes_qt_model_checks_while_filtering_and_sorting(qtmodeltester, models):
    model, proxy = models
    qtmodeltester.check(proxy)
    proxy.set_filter(text="van")
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.upsert(row(7, "Vũ Văn Tám", "D1"))
    qtmodeltester.check(proxy)


@pytest.mark.parametrize("typed, expected", [
    ("nguyen van an", {"Nguyễn Văn An"}),  # words are matched anywhere, so 'an' alone would also find Ân
    ("dang thi", {"Đặng Thị Bình", "Đặng Thị Hoa"}),
    ("ĐẶNG thị", {"Đặng Thị Bình", "Đặng Thị Hoa"}),
    ("a101", {"Nguyễn Văn An", "Lê Thị Cúc"}),  # room
    ("nha 2", {"Trần Văn Anh"}),  # room with accents, typed without
    ("dt-00002", {"Đặng Thị Bình"}),  # code
    ("0010400", {"Nguyễn Văn An"}),  # CCCD
    ("  van   anh ", {"Trần Văn Anh"}),
    ("xyz", set()),
])
def test_accent_insensitive_search_on_name_code_room_cccd(models, typed, expected):
    _, proxy = models
    proxy.set_filter(text=typed)
    assert set(names(proxy)) == expected


def test_present_left_and_group_filters(models):
    _, proxy = models
    assert "Nguyễn Văn Ân" not in names(proxy)  # present only by default
    proxy.set_filter(status="left")
    assert names(proxy) == ["Nguyễn Văn Ân"]
    proxy.set_filter(status="all", group=G.DISABILITY)
    assert set(names(proxy)) == {"Đặng Thị Hoa", "Lê Thị Cúc"}
    proxy.set_filter(group=None, text="nguyen")
    assert set(names(proxy)) == {"Nguyễn Văn An", "Nguyễn Văn Ân"}


def test_typing_on_then_deleting_gives_the_same_answers_as_fresh_filters(models):
    _, proxy = models
    typed = "dang thi hoa"
    seen = []
    for n in range(1, len(typed) + 1):
        proxy.set_filter(text=typed[:n])
        seen.append(set(names(proxy)))
    for n in range(len(typed), 0, -1):
        proxy.set_filter(text=typed[:n])
        assert set(names(proxy)) == seen[n - 1]
    fresh = ResidentFilterProxy()
    fresh.setSourceModel(ResidentTableModel(lambda: TODAY))
    fresh.sourceModel().set_rows(list(ROWS))
    fresh.set_filter(text="dang thi ho")
    assert set(names(fresh)) == seen[len("dang thi ho") - 1] == {"Đặng Thị Hoa"}


def test_sorting_keeps_the_filter_and_given_name_order(models):
    model, proxy = models
    proxy.set_filter(status="all")
    assert names(proxy) == ["Nguyễn Văn An", "Trần Văn Anh", "Nguyễn Văn Ân", "Đặng Thị Bình", "Lê Thị Cúc",
                            "Đặng Thị Hoa"]  # Vietnamese lists sort by the given name
    proxy.set_filter(text="thi")
    proxy.sort(0, Qt.SortOrder.DescendingOrder)  # the header asks the proxy; the source sorts
    assert [proxy.data(proxy.index(r, 0)) for r in range(proxy.rowCount())] == ["DT-00006", "DT-00003", "DT-00002"]
    assert proxy.resident_id(0) == "id-6" and proxy.data(proxy.index(0, 0), ID_ROLE) == "id-6"
    assert proxy.resident_id(99) is None


def test_display_texts(models, qapp):
    model, proxy = models
    proxy.set_filter(status="all", text="nguyen van an")
    # no translator here: Qt's texts stay in their English source; the sex is named by the
    # one vocabulary in the program's language (Vietnamese unless switched)
    assert [proxy.data(proxy.index(0, c)) for c in range(model.columnCount())] == [
        "DT-00001", "Nguyễn Văn An", "Nam", "01/01/1941 (85)", "A101", "NCT", "Present"]
    proxy.set_filter(text="c301")
    assert proxy.data(proxy.index(0, 6)) == "Left 01/03/2026"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Full name"


def test_upsert_adds_or_replaces_and_applies_the_filter(models):
    model, proxy = models
    proxy.set_filter(text="tam")
    assert names(proxy) == []
    model.upsert(row(7, "Vũ Văn Tám"))
    assert names(proxy) == ["Vũ Văn Tám"]
    model.upsert(row(7, "Vũ Văn Tâm Sửa"))
    assert names(proxy) == ["Vũ Văn Tâm Sửa"] and model.rowCount() == 7


def test_names_sort_in_vietnamese_alphabetical_order():
    from facility_app.ui.collation import name_key

    names_ = ["Đặng Thị Ân", "Lê Văn Anh", "Trần Thị Ăn", "Phạm Văn Ánh", "Bùi Thị Đào", "Võ Văn Dũng",
              "Ngô Thị Ơn", "Hồ Văn Ôn", "Lý Văn On"]
    assert sorted(names_, key=name_key) == [
        "Lê Văn Anh", "Phạm Văn Ánh", "Trần Thị Ăn", "Đặng Thị Ân", "Võ Văn Dũng", "Bùi Thị Đào",
        "Lý Văn On", "Hồ Văn Ôn", "Ngô Thị Ơn"]


def test_the_list_sorts_names_by_one_string_key_in_the_same_order_as_name_key():
    from facility_app.ui.collation import name_key, name_sort_key

    names_ = ["Đặng Thị Ân", "Lê Văn Anh", "Trần Thị Ăn", "Phạm Văn Ánh", "Bùi Thị Đào", "Võ Văn Dũng",
              "Ngô Thị Ơn", "Hồ Văn Ôn", "Lý Văn On", "Lê Văn Dao", "Lê Văn Đa", "Lê Da", "An", "Lê Văn An Anh",
              "Nguyễn Thị Á", "Nguyễn Thị A", "Nguyễn Thị Ả", "Nguyễn Thị À", "Nguyễn Thị Ã", "Nguyễn Thị Ạ",
              "Hà Văn Hà", "Hà Hà", "Y Niê", "H'Hen Niê", "Trần Văn Anh", "Trần Văn Ánh Sáng", ""]
    assert sorted(names_, key=name_sort_key) == sorted(names_, key=name_key)
    assert sorted(["Đức", "Dung", "Em"], key=name_sort_key) == ["Dung", "Đức", "Em"]  # Đ after D, before E
    tones = ["Nguyễn Thị A", "Nguyễn Thị À", "Nguyễn Thị Ả", "Nguyễn Thị Ã", "Nguyễn Thị Á", "Nguyễn Thị Ạ"]
    assert sorted(reversed(tones), key=name_sort_key) == tones  # tone marks only break ties, in dictionary order


def test_search_texts_come_from_the_stored_folded_name():
    from care_core.domain.text import search_text
    from facility_app.ui.models.residents import haystack, prepare

    listing = prepare(list(ROWS))
    assert [r.full_name for r in listing.rows][:3] == ["Nguyễn Văn An", "Trần Văn Anh", "Nguyễn Văn Ân"]
    assert listing.hay == [search_text(r.full_name, r.code, r.room, r.cccd) for r in listing.rows]
    stored = row(9, "Đỗ Văn Chín")._replace(name_folded="do van chin")
    assert haystack(stored).startswith("do van chin dt-00009")


def test_a_text_typed_again_after_an_edit_is_filtered_afresh(models):
    model, proxy = models
    proxy.set_filter(text="sua")
    assert names(proxy) == []  # remembered for deleting back
    proxy.set_filter(text="")
    model.upsert(row(2, "Đặng Thị Bình Sửa", "A102"))  # an edit of a shown row: its search text changes
    proxy.set_filter(text="sua")
    assert names(proxy) == ["Đặng Thị Bình Sửa"]


def test_filtering_keeps_the_selected_resident_while_shown(models, qapp):
    from PySide6.QtCore import QItemSelectionModel

    _, proxy = models
    selection = QItemSelectionModel(proxy)
    proxy.set_filter(text="dang")
    hoa = names(proxy).index("Đặng Thị Hoa")
    selection.setCurrentIndex(proxy.index(hoa, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect
                              | QItemSelectionModel.SelectionFlag.Rows)
    proxy.set_filter(text="")  # the list grows: the same resident stays selected, on its new row
    assert [proxy.resident_id(i.row()) for i in selection.selectedRows()] == ["id-3"]
    proxy.set_filter(text="binh")  # filtered out: nothing selected, never another resident
    assert selection.selectedRows() == [] and not selection.currentIndex().isValid()
