"""Import at go-live: a centre's list read into the real SQLCipher store.

A 2,000-row file with 3 bad rows is refused with all 3 listed and nothing
written; fixed, it imports; imported again, nothing changes. The file
``export residents`` writes imports as it is into an empty store and exports
the same again. CSV and XLSX; the CLI says the same as the service."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from care_core.domain.enums import DischargeReason
from facility_app.services.imports import ImportRefused
from tests.conftest import NURSE, SYSTEM, make_services
from tests.intake_fixtures import rows, write_csv, write_xlsx
from tests.store_fixtures import counts, init_args, run_cli

SYNCED = ("residents", "bhyt_cards", "room_changes", "change_log")


def synced_counts(services) -> dict[str, int]:
    return {k: v for k, v in counts(services.store.engine).items() if k in SYNCED}


def test_2000_rows_with_3_bad_refused_then_fixed_then_nothing_changes(services, tmp_path):
    data = rows(2000)
    good = [dict(r) for r in data]
    data[10]["birth_date"] = "31/02/1950"  # no such day
    data[700]["cccd"] = "12345"  # too short
    data[1999]["sex"] = "Không rõ"  # not a value
    before = synced_counts(services)
    with pytest.raises(ImportRefused) as refused:
        services.imports.run(SYSTEM, write_csv(tmp_path / "ds.csv", data))
    listed = [(e.row, e.column) for e in refused.value.plan.errors]
    assert listed == [(12, "birth_date"), (702, "cccd"), (2001, "sex")]  # row 1 is the header line
    text = refused.value.message("vi")
    assert "Dòng 12, cột “Ngày sinh”" in text and "Dòng 702, cột “Số CCCD”" in text and "Dòng 2001, cột “Giới tính”" in text
    assert synced_counts(services) == before  # nothing written

    plan = services.imports.run(SYSTEM, write_csv(tmp_path / "ds.csv", good))
    assert (plan.count("new"), plan.count("changed"), plan.count("same")) == (2000, 0, 0)
    assert len(services.residents.list(SYSTEM)) == 2000
    one = services.residents.by_code(SYSTEM, "DT-00701")
    assert one.cccd == good[700]["cccd"] and one.ward_code == 5977 and one.province_code == 20
    after_first = synced_counts(services)

    again = services.imports.run(SYSTEM, tmp_path / "ds.csv")
    assert (again.count("new"), again.count("changed"), again.count("same")) == (0, 0, 2000)
    assert again.summary("vi") == "0 mới, 0 thay đổi, 2000 đã có"
    assert synced_counts(services) == after_first


def test_dry_run_and_skip_invalid(services, tmp_path):
    data = rows(5)
    data[2]["admission_date"] = "01/01/2099"
    path = write_xlsx(tmp_path / "ds.xlsx", data)
    plan = services.imports.check(SYSTEM, path)
    assert [(e.row, e.column) for e in plan.errors] == [(4, "admission_date")]
    assert "tương lai" in plan.errors[0].message("vi")
    assert services.residents.list(SYSTEM) == []
    plan = services.imports.run(SYSTEM, path, skip_invalid=True)
    assert plan.summary("vi") == "4 mới, 0 thay đổi, 0 đã có, 1 dòng có lỗi"
    assert sorted(r.code for r in services.residents.list(SYSTEM)) == ["DT-00001", "DT-00002", "DT-00004", "DT-00005"]


def test_a_changed_row_updates_only_what_differs_and_blank_never_clears(services, tmp_path):
    data = rows(3)
    services.imports.run(SYSTEM, write_csv(tmp_path / "a.csv", data))
    data[0]["room"] = "P999"
    card = data[1]["bhyt_number"]
    data[1]["bhyt_number"] = ""  # blank: the stored card stays
    plan = services.imports.run(SYSTEM, write_csv(tmp_path / "b.csv", data))
    assert [r.action for r in plan.rows] == ["changed", "same", "same"]
    assert services.residents.by_code(SYSTEM, "DT-00001").room == "P999"
    assert services.residents.by_code(SYSTEM, "DT-00002").bhyt_number == card  # not cleared
    assert [r.room for r in services.residents.rooms(SYSTEM, services.residents.by_code(SYSTEM, "DT-00001").id)][-1] == "P999"


def test_file_level_checks(services, tmp_path):
    data = rows(3)
    data[2]["cccd"] = data[0]["cccd"]
    data[1]["code"] = data[0]["code"]
    plan = services.imports.check(SYSTEM, write_csv(tmp_path / "d.csv", data))
    assert [(e.row, e.column) for e in plan.errors] == [(3, "code"), (4, "cccd")]
    assert "đã có ở dòng 2" in plan.errors[0].message("vi")
    bad = tmp_path / "h.csv"
    bad.write_text("Họ và tên,Giới tính,Tuổi\nAn,Nam,80\n", encoding="utf-8")
    plan = services.imports.check(SYSTEM, bad)
    messages = [e.line("vi") for e in plan.errors]
    assert any("“Tuổi”" in m for m in messages) and any("Ngày sinh" in m for m in messages), messages
    with pytest.raises(ImportRefused):
        services.imports.run(SYSTEM, bad)
    cp = tmp_path / "cp.csv"
    cp.write_bytes("Họ và tên\n".encode("utf-8") + "Nguyễn".encode("cp1258", errors="replace") + b"\xd2\n")
    with pytest.raises(Exception) as exc:
        services.imports.check(SYSTEM, cp)
    assert "UTF-8" in exc.value.message("vi")


def test_a_row_matching_a_stored_cccd_of_another_code_is_refused(services, tmp_path):
    data = rows(1)
    services.imports.run(SYSTEM, write_csv(tmp_path / "a.csv", data))
    other = dict(data[0], code="DT-00777", full_name="Lê Văn Khác")
    plan = services.imports.check(SYSTEM, write_csv(tmp_path / "b.csv", [other]))
    assert [(e.row, e.column) for e in plan.errors] == [(2, "code")]
    assert "DT-00001" in plan.errors[0].message("vi")


def test_export_imports_into_an_empty_store_and_exports_the_same(services, tmp_path):
    data = rows(40)
    data[3]["discharge_date"], data[3]["discharge_reason"] = "01/06/2026", "Trở về gia đình, cộng đồng"
    data[5]["room"] = "=cmd|' /C calc'!A0"  # a formula, escaped on the way out, read back as it was
    data[6]["groups"] = "Người khuyết tật"
    data[6]["disability_type"], data[6]["disability_severity"] = "vision", "severe"
    services.imports.run(SYSTEM, write_csv(tmp_path / "in.csv", data))
    first = tmp_path / "first.csv"
    services.exports.residents_csv(SYSTEM, first)
    assert "'=cmd" in first.read_text(encoding="utf-8-sig")
    empty = make_services(tmp_path / "other")
    try:
        plan = empty.imports.run(SYSTEM, first)
        assert plan.count("new") == 40 and not plan.errors
        second = tmp_path / "second.csv"
        empty.exports.residents_csv(SYSTEM, second)
        assert second.read_bytes() == first.read_bytes()
        gone = empty.residents.by_code(SYSTEM, "DT-00004")
        assert gone.discharge_reason == DischargeReason.RETURNED_HOME
        assert empty.residents.by_code(SYSTEM, "DT-00006").room == "=cmd|' /C calc'!A0"
        assert all(ok for _, ok, _ in empty.store.verify())  # the audit chain written in bulk holds
    finally:
        empty.close()
    english = tmp_path / "en.csv"  # an export with English headers and names imports too
    services.exports.residents_csv(SYSTEM, english, "en")
    again = make_services(tmp_path / "third")
    try:
        assert again.imports.run(SYSTEM, english).count("new") == 40
        third = tmp_path / "third.csv"
        again.exports.residents_csv(SYSTEM, third, "en")
        assert third.read_bytes() == english.read_bytes()
    finally:
        again.close()


def test_rows_without_code_or_cccd_match_by_name_and_birth(services, tmp_path):
    data = [{k: v for k, v in r.items() if k not in ("code", "cccd")} for r in rows(3)]
    services.imports.run(SYSTEM, write_csv(tmp_path / "a.csv", data, delimiter=";"))
    plan = services.imports.run(SYSTEM, tmp_path / "a.csv")
    assert plan.summary("vi") == "0 mới, 0 thay đổi, 3 đã có"
    assert len(services.residents.list(SYSTEM)) == 3


def test_a_nurse_may_not_import(services, tmp_path):
    from care_core.domain.messages import PermissionDenied
    with pytest.raises(PermissionDenied):
        services.imports.run(NURSE, write_csv(tmp_path / "a.csv", rows(1)))
    with pytest.raises(PermissionDenied):
        services.imports.check(NURSE, tmp_path / "a.csv")
    assert services.residents.list(SYSTEM) == []


def test_cli_import_dry_run_refusal_and_again(tmp_path):
    data_dir = tmp_path / "data"
    assert run_cli(data_dir, *init_args()).returncode == 0
    data = rows(30)
    data[4]["cccd"] = "1"
    path = write_csv(tmp_path / "ds.csv", data)
    proc = run_cli(data_dir, "import", "residents", str(path))
    assert proc.returncode == 1
    assert "Dòng 6, cột “Số CCCD”" in proc.stdout and "không có gì được ghi" in proc.stderr
    data[4]["cccd"] = ""
    write_csv(path, data)
    dry = run_cli(data_dir, "import", "residents", str(path), "--dry-run")
    assert dry.returncode == 0 and "30 mới" in dry.stdout
    assert run_cli(data_dir, "import", "residents", str(path)).returncode == 0
    again = run_cli(data_dir, "--lang", "en", "import", "residents", str(path), lang="en")
    assert again.returncode == 0 and "0 new, 0 changed, 30 already there" in again.stdout
    found = run_cli(data_dir, "find-person", "--name", data[0]["full_name"].replace("Đ", "D"), "--birth", data[0]["birth_date"])
    assert data[0]["code"] in found.stdout and "Cùng họ tên và ngày sinh" in found.stdout


def test_hostile_files_are_refused_before_they_are_read_whole(services, tmp_path, monkeypatch):
    from care_core.domain.messages import ActionError
    from facility_app.services import resident_file

    def refused(path) -> str:
        with pytest.raises(ActionError) as exc:
            services.imports.check(SYSTEM, path)
        return exc.value.message("vi")

    assert "không phải là một tệp thường" in refused(Path("/dev/zero"))
    assert "Không tìm thấy tệp" in refused(tmp_path / "missing.csv")
    assert "chỉ nhập được tệp .xlsx hoặc .csv" in refused(write_csv(tmp_path / "ds.csv", rows(1)).rename(tmp_path / "ds.pdf"))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    assert "không đọc được như một tệp Excel" in refused(broken)
    monkeypatch.setattr(resident_file, "MAX_ROWS", 10)
    assert "hơn 10 dòng" in refused(write_csv(tmp_path / "many.csv", rows(12)))
    assert "hơn 10 dòng" in refused(write_xlsx(tmp_path / "many.xlsx", rows(12)))
    monkeypatch.setattr(resident_file, "MAX_FILE_BYTES", 1000)
    assert "quá lớn" in refused(write_csv(tmp_path / "big.csv", rows(20)))
    assert services.residents.list(SYSTEM) == []


def test_excel_date_cells_and_numbers_that_lost_their_leading_zero(services, tmp_path):
    import datetime as dt

    import openpyxl

    from facility_app.services.exports import RESIDENT_COLUMNS
    from tests.intake_fixtures import HEADERS
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    cells = {"full_name": "Đỗ Thị Hoa", "sex": "Nữ", "birth_date": dt.datetime(1950, 3, 4), "groups": "NCT",
             "cccd": 1150123456, "admission_date": dt.datetime(2024, 5, 6), "next_of_kin_phone": 912345678}
    sheet.append([cells.get(attr) for attr, _, _ in RESIDENT_COLUMNS])
    book.save(tmp_path / "native.xlsx")
    plan = services.imports.run(SYSTEM, tmp_path / "native.xlsx")
    assert not plan.errors, [e.line("vi") for e in plan.errors]
    stored = services.residents.list(SYSTEM)[0]
    assert (stored.birth_date, stored.admission_date, stored.cccd, stored.next_of_kin_phone) == (
        date(1950, 3, 4), date(2024, 5, 6), "001150123456", "0912345678")
