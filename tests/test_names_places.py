"""Names and places as residents carry them: Ê Đê and Gia Rai names with an
apostrophe, hyphenated given names, and the provinces before the July 2025
merger (typed in the CLI, chosen in the setup wizard) with where they went.
"""
from __future__ import annotations

from datetime import date

import pytest
from care_core.domain import divisions, rules
from care_core.domain.entities import Resident
from care_core.domain.enums import BeneficiaryGroup, Role, Sex
from care_core.domain.messages import ValidationError
from care_core.domain.text import normalise_name
from facility_app.services import startup
from facility_app.services.container import Services
from facility_app.storage.store import Store
from facility_app.ui.i18n import install
from facility_app.ui.start.wizard import SetupWizard
from tests.conftest import NURSE, PASSPHRASE, SYSTEM, make_services
from tests.store_fixtures import assert_one_line_error, counts, init_args, run_cli
from tests.ui_shell_fixtures import qm_folder, screenshots, shell_app, shoot  # noqa: F401 - fixtures

ACCEPTED = ["H'Hen Niê", "Ksor H'Phin", "Ksor H’Phin", "Nguyễn Thu-Hà", "Y-Moan Êban", "Rơ Mah Hyun",
            "Nguyễn Văn An", "Lò Thị Mí"]
REFUSED = ["Nguyễn Văn 2", "Trần An1", "Nguyễn -- Hà", "H''Hen Niê", "'Hen Niê", "Thu- Hà", "Nguyễn Văn An!",
           "Nguyễn_Văn An", "Hen", "Lê <b>Hà</b>", "Phạm Hà-"]


@pytest.mark.parametrize("name", ACCEPTED)
def test_full_names_with_apostrophe_or_hyphen_are_accepted(name):
    assert rules.check_person_name("full_name", name) == []
    assert rules.check_person_name("next_of_kin_name", name, full=False) == []


@pytest.mark.parametrize("name", REFUSED)
def test_digits_and_junk_are_still_refused(name):
    problems = rules.check_person_name("full_name", name)
    assert [p.code for p in problems] == ["name_format"]
    assert "H'Hen" in problems[0].message("vi") and "chữ cái" in problems[0].message("vi")


@pytest.mark.parametrize("typed, stored", [
    ("h'hen niê", "H'Hen Niê"), ("KSOR H’PHIN", "Ksor H’Phin"), ("nguyễn  thu-hà", "Nguyễn Thu-Hà"),
    ("nguyễn văn an", "Nguyễn Văn An"),
])
def test_names_are_stored_capitalised_after_apostrophe_and_hyphen(typed, stored):
    assert normalise_name(typed) == stored


def _resident(**over) -> Resident:
    base = dict(full_name="H'Hen Niê", sex=Sex.FEMALE, birth_date=date(1950, 3, 4),
                admission_date=date(2021, 5, 1), groups=[BeneficiaryGroup.ELDERLY], room="P101",
                next_of_kin_name="Ksor H’Phin")
    base.update(over)
    return Resident(**base)


def test_resident_user_and_kin_names_go_through_the_real_store(tmp_path):
    services = make_services(tmp_path / "data")
    try:
        admitted = services.residents.admit(NURSE, _resident(full_name="h'hen niê"))
        back = services.residents.get(NURSE, admitted.id)
        assert (back.full_name, back.next_of_kin_name) == ("H'Hen Niê", "Ksor H’Phin")
        assert [r.full_name for r in services.residents.search(NURSE, "hen nie")] == ["H'Hen Niê"]
        user = services.users.add(SYSTEM, "hphin", "Ksor H'Phin", Role.NURSE, "long enough 1")
        assert user.full_name == "Ksor H'Phin"
        assert startup.admin_problems("thuha", "Nguyễn Thu-Hà", "long enough 1") == []
        assert [p.code for p in startup.admin_problems("thuha", "Admin 01", "long enough 1")] == ["person_name_format"]
        with pytest.raises(ValidationError) as caught:
            services.users.add(SYSTEM, "staff2", "Nhân viên 2", Role.NURSE, "long enough 1")
        assert caught.value.fields() == {"full_name"} and "H'Hen" in caught.value.message("vi")
        before = counts(services.store.engine)
        for bad in (dict(full_name="Nguyễn Văn 2"), dict(next_of_kin_name="Bà 3")):
            with pytest.raises(ValidationError) as caught:
                services.residents.admit(NURSE, _resident(**bad))
            assert caught.value.fields() == set(bad)
        assert counts(services.store.engine) == before  # a refused name changes nothing
    finally:
        services.close()


# --- provinces ---------------------------------------------------------------------------

def test_the_merger_list_covers_the_63_former_and_34_current_provinces():
    current = dict(divisions.provinces())
    assert set(divisions.MERGED_FROM) == set(current)
    names = [n for names in divisions.MERGED_FROM.values() for n in names if n != "Huế"]
    assert len(names) == len(set(names)) == 63
    former = dict(divisions.former_provinces())
    assert len(former) == 30  # 52 merged - 23 kept their name, + Thừa Thiên Huế
    assert former["Hải Dương"] == 31 and former["Hà Giang"] == 8 and former["Bình Dương"] == 79
    assert "Hải Phòng" not in former and "Lạng Sơn" not in former


@pytest.mark.parametrize("typed, code, former", [
    ("Hải Dương", 31, "Hải Dương"), ("hai duong", 31, "Hải Dương"), ("Tỉnh Hải Dương", 31, "Hải Dương"),
    ("Hoà Bình", 25, "Hòa Bình"), ("Bà Rịa–Vũng Tàu", 79, "Bà Rịa - Vũng Tàu"), ("kon tum", 51, "Kon Tum"),
    ("Thừa Thiên Huế", 46, "Thừa Thiên Huế"), ("Hải Phòng", 31, None), ("Thành phố Hà Nội", 1, None),
    ("TP. HCM", 79, None), ("lang son", 20, None),
])
def test_current_and_former_province_names_are_found(typed, code, former):
    assert divisions.find_province(typed) == (code, former)


def test_unknown_province_is_none():
    assert divisions.find_province("Atlantis") is None and divisions.find_province("") is None


def test_the_note_says_where_a_former_province_went():
    assert divisions.former_note("Hải Dương", 31, "vi").startswith("Hải Dương nay thuộc thành phố Hải Phòng")
    assert divisions.former_note("Hà Giang", 8, "vi").startswith("Hà Giang nay thuộc tỉnh Tuyên Quang")
    assert divisions.former_note("Hải Dương", 31, "en").startswith("Hải Dương is now part of Hải Phòng")


@pytest.mark.parametrize("lang, note", [
    ("vi", "Hải Dương nay thuộc thành phố Hải Phòng"), ("en", "Hải Dương is now part of Hải Phòng"),
])
def test_cli_init_accepts_a_former_province_with_a_note(tmp_path, lang, note):
    data = tmp_path / "data"
    proc = run_cli(data, *init_args(), "--province", "Hải Dương", lang=lang)
    assert proc.returncode == 0, proc.stderr
    assert note in proc.stdout
    opened = Services(Store.open(data, PASSPHRASE))
    try:
        facility = opened.facility.get()
        assert (facility.province_code, facility.report_place) == (31, "Hải Phòng")
    finally:
        opened.close()


@pytest.mark.parametrize("lang, words", [
    ("vi", ["không có tỉnh/thành phố “Atlantis”", "Hải Dương"]),
    ("en", ["there is no province “Atlantis”", "Hải Dương"]),
])
def test_cli_unknown_province_says_what_is_accepted(tmp_path, lang, words):
    data = tmp_path / "data"
    err = assert_one_line_error(run_cli(data, *init_args(), "--province", "Atlantis", lang=lang))
    assert all(w in err for w in words), err
    assert not data.exists()


def test_wizard_lists_former_provinces_and_says_where_they_went(shell_app, qtbot, tmp_path, screenshots):
    wizard = _wizard(tmp_path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.facility_page
    index = page.province.findText("Hải Dương (nay thuộc Hải Phòng)")
    assert index > 0 and page.province.itemText(index + 1) == "Hải Phòng"  # sorted with the current names
    assert not page.province_note.isVisible()
    page.province.setCurrentIndex(index)
    assert page.province_note.isVisible()
    assert page.province_note.text().startswith("Hải Dương nay thuộc thành phố Hải Phòng")
    assert page.facility().province_code == 31
    shoot(wizard, screenshots, "wizard-former-province-vi")
    wizard.lang = "en"
    install("en")  # the language change reaches the wizard as a LanguageChange event
    qtbot.waitUntil(lambda: page.province.currentText() == "Hải Dương (now Hải Phòng)", timeout=5000)
    assert page.province_note.text().startswith("Hải Dương is now part of Hải Phòng")
    page.province.setCurrentIndex(page.province.findText("Lạng Sơn"))
    assert not page.province_note.isVisible() and page.facility().province_code == 20


def _wizard(tmp_path):
    return SetupWizard(startup.StoreGate(tmp_path / "new"), "vi")
