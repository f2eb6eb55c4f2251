"""One search rule for the on-screen list and `facility-admin residents search`."""
from __future__ import annotations

from datetime import date

from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, DischargeReason, Sex
from care_core.domain.text import fold, matches, search_text

from .conftest import DOCTOR, NURSE


def _admit(services, name, room="", cccd=None, sex=Sex.FEMALE, born=date(1950, 1, 1)):
    return services.residents.admit(NURSE, Resident(name, sex, born, date(2024, 1, 2), [BeneficiaryGroup.ELDERLY],
                                                    room=room, cccd=cccd))


def test_words_match_name_code_room_and_cccd_without_accents(services):
    an = _admit(services, "Nguyễn Văn An", room="Nhà 3 - P.2", sex=Sex.MALE)
    dang = _admit(services, "Đặng Thị Huệ", room="A101", cccd="020150000123")
    _admit(services, "Trần Thị Bích", room="B-204")
    search = lambda q: [r.full_name for r in services.residents.search(NURSE, q)]  # noqa: E731
    assert search("nguyen van an") == ["Nguyễn Văn An"]
    assert search("dang thi") == ["Đặng Thị Huệ"]
    assert search("nha 3") == ["Nguyễn Văn An"]  # rooms are folded too
    assert search("0201500") == ["Đặng Thị Huệ"]
    assert search(an.code.lower()) == ["Nguyễn Văn An"]
    assert sorted(search("thi")) == sorted(["Trần Thị Bích", "Đặng Thị Huệ"])
    assert search("xyz") == []
    assert dang.code in search_text(dang.full_name, dang.code, dang.room, dang.cccd).upper()


def test_present_residents_come_before_discharged_ones(services):
    left = _admit(services, "Lê Thị Lan")
    services.residents.discharge(DOCTOR, left.id, date(2025, 5, 1), DischargeReason.RETURNED_HOME, left.version)
    _admit(services, "Lê Thị Mai")
    assert [r.full_name for r in services.residents.search(NURSE, "le thi")] == ["Lê Thị Mai", "Lê Thị Lan"]


def test_the_list_screen_uses_the_same_rule():
    from facility_app.services.roster import RosterRow
    from facility_app.ui.models.residents import haystack

    row = RosterRow("id", "DT-00007", "Đỗ Thị Ngọc Ánh", fold("Đỗ Thị Ngọc Ánh"), Sex.FEMALE, date(1940, 1, 1),
                    (BeneficiaryGroup.ELDERLY,), "Nhà 2 - P.4", "", None, date(2020, 1, 1), None)
    assert haystack(row) == search_text(row.full_name, row.code, row.room, row.cccd)
    assert matches(fold("do thi ngoc anh nha 2").split(), haystack(row))
