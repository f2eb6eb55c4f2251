"""The duplicate check: who a person being admitted might already be.

Domain (the levels and reasons, Đ/đ) and the service over a real SQLCipher
store (CCCD, a past card's number, discharged residents, the commune)."""
from __future__ import annotations

from datetime import date

from care_core.domain.entities import BhytCard, Resident
from care_core.domain.enums import BeneficiaryGroup, DischargeReason, Sex
from care_core.domain.identity import MatchLevel, PersonDraft, judge, rank
from tests.conftest import NURSE, SYSTEM
from tests.store_fixtures import cccd_for

WARD = 5977  # Phường Đông Kinh, Lạng Sơn
OTHER_WARD = 6187


def person(name="Đặng Văn Đức", birth=date(1950, 3, 4), **kw) -> Resident:
    return Resident(name, Sex.MALE, birth, date(2020, 1, 6), [BeneficiaryGroup.ELDERLY], **kw)


# --- domain ---------------------------------------------------------------------

def test_name_without_diacritics_and_birth_date_is_likely_d_for_dj():
    found = judge(PersonDraft("dang van duc", date(1950, 3, 4)), person())
    assert found is not None and found.level == MatchLevel.LIKELY
    assert found.reasons == ("name_birth",)
    assert found.reason_text("vi") == "Cùng họ tên và ngày sinh"
    # capital Đ typed as D, lower đ typed as đ, extra spaces
    assert judge(PersonDraft("  DANG  văn đuc ", date(1950, 3, 4)), person()).level == MatchLevel.LIKELY


def test_another_birth_date_or_name_is_no_match():
    assert judge(PersonDraft("dang van duc", date(1950, 3, 5)), person()) is None
    assert judge(PersonDraft("dang van dung", date(1950, 3, 4)), person()) is None


def test_name_year_and_commune_is_possible_only_in_the_same_commune():
    draft = PersonDraft("Đặng Văn Đức", date(1950, 9, 9), ward_code=WARD)
    assert judge(draft, person(ward_code=WARD)).level == MatchLevel.POSSIBLE
    assert judge(draft, person(ward_code=WARD)).reasons == ("name_year_ward",)
    assert judge(draft, person(ward_code=OTHER_WARD)) is None
    assert judge(PersonDraft("Đặng Văn Đức", date(1950, 9, 9)), person(ward_code=WARD)) is None


def test_cccd_or_card_is_certain_whatever_the_name():
    cccd = cccd_for(Sex.MALE, date(1950, 3, 4), 123456)
    found = judge(PersonDraft("Tên Khác", None, cccd=cccd), person(cccd=cccd))
    assert found.level == MatchLevel.CERTAIN and found.reasons == ("cccd",)
    card = judge(PersonDraft(bhyt_number="bt2201234567890"), person(bhyt_number="BT2201234567890"))
    assert card.level == MatchLevel.CERTAIN and card.reasons == ("bhyt",)
    past = judge(PersonDraft(bhyt_number="BT2209999999999"), person(), frozenset({"BT2209999999999"}))
    assert past.level == MatchLevel.CERTAIN and past.reasons == ("bhyt_past",)
    both = judge(PersonDraft("dang van duc", date(1950, 3, 4), cccd=cccd), person(cccd=cccd))
    assert both.reasons == ("cccd", "name_birth")


def test_rank_puts_surest_first_then_present_people():
    a = judge(PersonDraft("Đặng Văn Đức", date(1950, 3, 4)), person(code="DT-00002"))
    gone = person(code="DT-00001", discharge_date=date(2024, 1, 1), discharge_reason=DischargeReason.RETURNED_HOME)
    b = judge(PersonDraft("Đặng Văn Đức", date(1950, 3, 4)), gone)
    c = judge(PersonDraft(cccd="001050123456"), person(cccd="001050123456", code="DT-00003"))
    assert [m.resident.code for m in rank([b, a, c])] == ["DT-00003", "DT-00002", "DT-00001"]
    assert len(rank([a] * 30)) == 10


def test_too_little_typed_looks_for_nobody():
    assert not PersonDraft("Đặng Văn").searchable()
    assert not PersonDraft(cccd="0010").searchable()
    assert PersonDraft("Đặng Văn Đức", date(1950, 3, 4)).searchable()
    assert PersonDraft(cccd="001050123456").searchable()


# --- service over the real store ---------------------------------------------------

def test_service_finds_by_cccd_name_birth_past_card_and_discharged(services):
    cccd = cccd_for(Sex.MALE, date(1950, 3, 4), 111222)
    old = services.residents.admit(SYSTEM, person(cccd=cccd, bhyt_number="BT2201111111111",
                                                  bhyt_valid_from=date(2020, 1, 1), bhyt_valid_to=date(2020, 12, 31)))
    services.residents.update(SYSTEM, old.id, {"bhyt_number": "BT2202222222222", "bhyt_valid_from": date(2021, 1, 1),
                                               "bhyt_valid_to": date(2021, 12, 31)}, old.version)
    old = services.residents.get(SYSTEM, old.id)
    services.residents.discharge(SYSTEM, old.id, date(2022, 5, 1), DischargeReason.RETURNED_HOME, old.version)
    services.residents.admit(SYSTEM, person("Đặng Văn Đức", date(1961, 1, 1)))  # the same name, another person
    find = services.residents.find_person

    by_cccd = find(NURSE, PersonDraft("Ai Đó", None, cccd=cccd))
    assert [(m.resident.id, m.level) for m in by_cccd] == [(old.id, MatchLevel.CERTAIN)]
    assert by_cccd[0].resident.discharge_date == date(2022, 5, 1)  # discharged people are found
    by_name = find(NURSE, PersonDraft("dang van duc", date(1950, 3, 4)))
    assert [(m.resident.id, m.level, m.reasons) for m in by_name] == [(old.id, MatchLevel.LIKELY, ("name_birth",))]
    by_past_card = find(NURSE, PersonDraft(bhyt_number="BT2201111111111"))
    assert [(m.resident.id, m.reasons) for m in by_past_card] == [(old.id, ("bhyt_past",))]
    by_card = find(NURSE, PersonDraft(bhyt_number="BT2202222222222"))
    assert [(m.resident.id, m.reasons) for m in by_card] == [(old.id, ("bhyt",))]
    assert find(NURSE, PersonDraft("Đặng Văn Đức", date(1950, 3, 5))) == []
    assert find(NURSE, PersonDraft("Đặng Văn")) == []


def test_service_possible_match_by_commune(services):
    services.residents.admit(SYSTEM, person("Hoàng Thị Đào", date(1948, 2, 2), province_code=20, ward_code=WARD))
    found = services.residents.find_person(NURSE, PersonDraft("Hoang Thi Dao", date(1948, 7, 7), ward_code=WARD))
    assert [m.level for m in found] == [MatchLevel.POSSIBLE]
    assert services.residents.find_person(NURSE, PersonDraft("Hoang Thi Dao", date(1948, 7, 7))) == []


def test_lookup_uses_the_indexes(services):
    """Each branch of the candidate query is an index search, never a scan of residents."""
    with services.store.read() as conn:
        plans = [" ".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + q))
                 for q in ("SELECT id FROM residents WHERE cccd = '1'", "SELECT id FROM residents WHERE bhyt_number = '1'",
                           "SELECT resident_id FROM bhyt_cards WHERE number = '1'")]
    assert all("USING INDEX" in p for p in plans), plans


# --- the CLI: admit looks first -----------------------------------------------------

def test_cli_admit_refuses_a_person_on_record_by_cccd_or_name_and_birth(tmp_path):
    from tests.store_fixtures import assert_one_line_error, init_args, run_cli

    data_dir = tmp_path / "data"
    assert run_cli(data_dir, *init_args()).returncode == 0
    cccd = cccd_for(Sex.MALE, date(1950, 3, 4), 555000)
    first = run_cli(data_dir, "admit", "--name", "Đặng Văn Đức", "--birth", "04/03/1950", "--sex", "M",
                    "--groups", "NCT", "--cccd", cccd, "--admitted", "06/01/2020")
    assert first.returncode == 0 and "DT-00001" in first.stdout, first.stderr
    by_name = run_cli(data_dir, "admit", "--name", "dang van duc", "--birth", "04/03/1950", "--sex", "M",
                      "--groups", "NCT")
    assert "--new-person" in assert_one_line_error(by_name)
    assert "DT-00001" in by_name.stdout and "Cùng họ tên và ngày sinh" in by_name.stdout
    by_cccd = run_cli(data_dir, "admit", "--name", "Đặng Văn Đứt", "--birth", "04/03/1951", "--sex", "M",
                      "--groups", "NCT", "--cccd", cccd)
    assert by_cccd.returncode == 1 and "Cùng số CCCD" in by_cccd.stdout
    found = run_cli(data_dir, "--lang", "en", "find-person", "--cccd", cccd, lang="en")
    assert "DT-00001" in found.stdout and "Same citizen ID" in found.stdout
    listed = run_cli(data_dir, "residents", "search", "duc")
    assert listed.stdout.count("DT-") == 1  # no second record
    other = run_cli(data_dir, "admit", "--name", "Đặng Văn Đức", "--birth", "04/03/1950", "--sex", "M",
                    "--groups", "NCT", "--new-person")
    assert other.returncode == 0 and "DT-00002" in other.stdout
