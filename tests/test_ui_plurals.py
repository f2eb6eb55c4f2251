"""Counts in sentences use Qt's plural forms (issue 11, point 9): "Checkup
1 day overdue", "3 days", never "1 days"; Vietnamese has one form.

Real main window over a real encrypted store, offscreen, both languages.
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from care_core.domain.entities import Checkup, Referral, Resident, VitalSigns
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, Sex
from tests.conftest import SYSTEM, TODAY
from tests.ui_shell_fixtures import (  # noqa: F401 - fixtures
    make_store,
    qm_folder,
    screenshots,
    shell_app,
    shoot,
    start_logged_in,
    visible_texts,
)


def _start(qtbot, data, lang):
    controller = start_logged_in(qtbot, data)
    controller.set_language(lang)  # as the Language menu does
    qtbot.wait(20)
    return controller


def _store(tmp_path):
    """One resident a day late, one three days late; a card with one day left;
    a referral one day old; a baby of one year."""
    data = tmp_path / "data"
    services, people = make_store(data, residents=2)
    one, three = people
    for person, late in ((one, 1), (three, 3)):
        services.clinical.record_checkup(SYSTEM, Checkup(
            person.id, TODAY - timedelta(days=200), CheckupKind.PERIODIC, VitalSigns(systolic=120, diastolic=80),
            next_due_date=TODAY - timedelta(days=late)))
    baby = services.residents.admit(SYSTEM, Resident(
        "Lò Thị Mai", Sex.FEMALE, TODAY - timedelta(days=400), date(2026, 1, 5), [BeneficiaryGroup.CHILD],
        room="E1", bhyt_number="TE1234567890123", bhyt_valid_from=date(2026, 1, 1),
        bhyt_valid_to=TODAY + timedelta(days=1)))
    services.clinical.open_referral(SYSTEM, Referral(baby.id, TODAY - timedelta(days=1), "Bệnh viện Nhi tỉnh",
                                                     "Sốt cao"))
    services.close()
    return data, one, three, baby


@pytest.mark.parametrize("lang, expected", [
    ("en", ["Checkup 1 day overdue (due 19/11/2026)", "Checkup 3 days overdue (due 17/11/2026)",
            "Insurance card expires on 21/11/2026 (1 day left)",
            "Referred to Bệnh viện Nhi tỉnh since 19/11/2026 (1 day)", "Showing 3 of 3 residents"]),
    ("vi", ["Quá hạn khám 1 ngày (hạn 19/11/2026)", "Quá hạn khám 3 ngày (hạn 17/11/2026)",
            "Thẻ BHYT hết hạn ngày 21/11/2026 (còn 1 ngày)",
            "Chuyển tuyến Bệnh viện Nhi tỉnh từ 19/11/2026 (1 ngày)", "Đang hiện 3 trên tổng số 3 đối tượng"]),
])
def test_today_panel_and_list_count_in_plural_forms(shell_app, qtbot, tmp_path, screenshots, lang, expected):
    data, *_ = _store(tmp_path)
    controller = _start(qtbot, data, lang)
    main = controller.main
    for group in range(main.today.tree.topLevelItemCount()):
        main.today.tree.topLevelItem(group).setExpanded(True)
    texts = "\n".join(visible_texts(main))
    for sentence in expected:
        assert sentence in texts, sentence
    assert "1 days" not in texts and "1 residents" not in texts
    shoot(main, screenshots, f"today-plurals-{lang}")
    main.residents.search.setText("lo thi mai")
    assert main.residents.count.text() == ("Showing 1 of 3 residents" if lang == "en"
                                           else "Đang hiện 1 trên tổng số 3 đối tượng")


def test_one_resident_in_the_list_is_singular(shell_app, qtbot, tmp_path):
    data = tmp_path / "data"
    services, _people = make_store(data, residents=1)
    services.close()
    controller = _start(qtbot, data, "en")
    assert controller.main.residents.count.text() == "Showing 1 of 1 resident"


@pytest.mark.parametrize("lang, words", [("en", "(1 year)"), ("vi", "(1 tuổi)")])
def test_record_header_gives_the_age_in_plural_forms(shell_app, qtbot, tmp_path, lang, words):
    data, _one, _three, baby = _store(tmp_path)
    controller = _start(qtbot, data, lang)
    main = controller.main
    main.open_resident(baby.id)
    record = main.tabs.currentWidget()
    assert words in record.details.text(), record.details.text()


@pytest.mark.parametrize("lang, one, many", [
    ("en", "Receiving changes: page 1 (1 change)…", "Receiving changes: page 2 (40 changes)…"),
    ("vi", "Đang nhận thay đổi: trang 1 (1 thay đổi)…", "Đang nhận thay đổi: trang 2 (40 thay đổi)…"),
])
def test_sync_progress_counts_in_plural_forms(shell_app, lang, one, many):
    from facility_app.sync.engine import Progress
    from facility_app.ui import i18n
    from facility_app.ui.sync.texts import SyncTexts

    i18n.install(lang)
    texts = SyncTexts()
    assert texts.progress(Progress("pull", 1, 0), 1) == one
    assert texts.progress(Progress("pull", 40, 0), 2) == many
