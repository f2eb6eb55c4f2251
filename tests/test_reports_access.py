"""Who may run reports, what the audit log records, and what a refused or
failed run leaves behind (nothing), through the services and the CLI."""
from __future__ import annotations

import json
import os
from pathlib import Path
from datetime import date

import pytest
import sqlalchemy as sa

from facility_app.cli.main import main
from care_core.domain import periods
from care_core.domain.entities import Checkup, Resident
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, Sex
from care_core.domain.messages import NotFound, PermissionDenied
from facility_app.reports import run
from facility_app.reports.periodic import PeriodicOptions
from facility_app.services.reports import ReportService
from facility_app.storage.tables import audit_log
from tests.conftest import ADMIN, DIRECTOR, DOCTOR, NURSE, PASSPHRASE, SYSTEM, make_services
from tests.test_reports import flat, pdf_pages

Q3 = periods.parse_period("2026-Q3")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    data = tmp_path_factory.mktemp("access") / "data"
    services = make_services(data)
    r = services.residents.admit(NURSE, Resident("Phạm Thị Hằng", Sex.FEMALE, date(1950, 5, 5), date(2026, 1, 10),
                                                 [BeneficiaryGroup.ELDERLY]))
    services.clinical.record_checkup(NURSE, Checkup(r.id, date(2026, 8, 1), CheckupKind.PERIODIC))
    f = services.facility.get()
    services.facility.update(DIRECTOR, {"report_symbol": "BC-TTBTXH"}, f.version)
    yield services, ReportService.of(services), r, data
    services.close()


def audit_rows(services) -> list[dict]:
    with services.store.read() as conn:
        rows = conn.execute(sa.select(audit_log).where(audit_log.c.action == "run-report")
                            .order_by(audit_log.c.seq)).mappings().all()
    return [dict(r, detail=json.loads(r["detail"])) for r in rows]


@pytest.mark.parametrize("actor", [NURSE, DOCTOR])
def test_only_director_and_admin_run_periodic_reports(world, tmp_path, actor):
    services, reports, _, _ = world
    before = len(audit_rows(services))
    with pytest.raises(PermissionDenied) as err:
        run.periodic_report(reports, actor, Q3, tmp_path / "r.pdf")
    assert "lập báo cáo định kỳ" in err.value.message("vi")
    assert not (tmp_path / "r.pdf").exists() and list(tmp_path.iterdir()) == []
    assert len(audit_rows(services)) == before


def test_nurse_cannot_print_a_health_book(world, tmp_path):
    services, reports, r, _ = world
    with pytest.raises(PermissionDenied) as err:
        run.health_book_pdf(reports, NURSE, r.code, tmp_path / "b.pdf")
    assert "in sổ theo dõi sức khỏe" in err.value.message("vi")
    assert list(tmp_path.iterdir()) == []


def test_every_report_and_export_is_audited(world, tmp_path):
    services, reports, r, _ = world
    before = len(audit_rows(services))
    run.periodic_report(reports, DIRECTOR, Q3, tmp_path / "q3.pdf", options=PeriodicOptions(number="3"))
    run.periodic_report(reports, ADMIN, Q3, tmp_path / "q3.csv")
    run.periodic_report(reports, SYSTEM, Q3, tmp_path / "q3.xlsx")
    run.health_book_pdf(reports, DOCTOR, r.code.lower(), tmp_path / "book.pdf")  # codes are case-insensitive
    new = audit_rows(services)[before:]
    assert [(a["actor"], a["role"], a["table_name"], a["row_id"]) for a in new] == [
        ("director1", "director", "reports", "2026-Q3"), ("admin1", "admin", "reports", "2026-Q3"),
        ("facility-admin", "system", "reports", "2026-Q3"), ("doctor1", "doctor", "residents", r.id)]
    assert [(a["detail"]["format"], a["detail"]["file"]) for a in new] == [
        ("pdf", "q3.pdf"), ("csv", "q3.csv"), ("xlsx", "q3.xlsx"), ("pdf", "book.pdf")]
    assert new[0]["detail"]["report"] == "periodic" and new[3]["detail"]["report"] == "health-book"
    assert all(ok for name, ok, _ in services.store.verify())  # the hash chain still holds
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.pdf", "q3.csv", "q3.pdf", "q3.xlsx"]  # no .part left


def test_failures_change_nothing(world, tmp_path):
    services, reports, _, _ = world
    before = len(audit_rows(services))
    with pytest.raises(run.OutputError) as err:
        run.periodic_report(reports, DIRECTOR, Q3, tmp_path / "missing" / "r.pdf")
    assert "không tồn tại" in err.value.message("vi")
    with pytest.raises(run.OutputError):
        run.periodic_report(reports, DIRECTOR, Q3, tmp_path / "r.docx")
    with pytest.raises(run.OutputError):
        run.periodic_report(reports, DIRECTOR, Q3, tmp_path / "r.csv", "pdf")
    with pytest.raises(NotFound) as err:
        run.health_book_pdf(reports, DOCTOR, "DT-99999", tmp_path / "b.pdf")
    assert err.value.message("vi") == "Không tìm thấy đối tượng có mã “DT-99999”."
    with pytest.raises(periods.PeriodError):
        run.periodic_report(reports, DIRECTOR, periods.parse_period("2027"), tmp_path / "r.pdf")
    assert len(audit_rows(services)) == before
    assert list(tmp_path.iterdir()) == []


def test_unwritable_targets_are_refused(world, tmp_path):
    _, reports, _, _ = world
    with pytest.raises(run.OutputError) as err:
        run.periodic_report(reports, DIRECTOR, Q3, tmp_path, "pdf")
    assert "là một thư mục" in err.value.message("vi")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(run.OutputError) as err:
        run.periodic_report(reports, DIRECTOR, Q3, blocker / "r.pdf")
    assert "không tồn tại" in err.value.message("vi")


def test_read_only_folder_is_refused(world, tmp_path, monkeypatch):
    # CI runs as root, whom file modes never refuse: the OS's answer is simulated
    _, reports, _, _ = world
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    monkeypatch.setattr(run.os, "access", lambda p, mode: False if Path(p) == locked else real_access(p, mode))
    with pytest.raises(run.OutputError) as err:
        run.periodic_report(reports, DIRECTOR, Q3, locked / "r.pdf")
    assert "Không có quyền ghi" in err.value.message("vi")
    assert not (locked / "r.pdf").exists()


# --- the CLI ------------------------------------------------------------------

def cli(data, *args, lang: str = "vi") -> list[str]:
    return ["--data-dir", str(data), "--lang", lang, "report", *args]


def test_cli_periodic_pdf_with_number_and_notes(world, tmp_path, monkeypatch, capsys):
    _, _, _, data = world
    monkeypatch.setenv("FACILITY_APP_PASSPHRASE", PASSPHRASE)
    notes = tmp_path / "notes.txt"
    notes.write_text("Đề nghị bổ sung 01 điều dưỡng.\nKinh phí < 5 triệu & cần <b>duyệt</b>.\n", encoding="utf-8-sig")
    out = tmp_path / "báo cáo q3.pdf"
    assert main(cli(data, "periodic", "--period", "2026-Q3", "--out", str(out), "--number", "15",
                    "--notes-file", str(notes), "--prepared-by", "Lý Thị Hoa")) == 0
    assert f"Đã lập báo cáo quý III năm 2026: {out}" in capsys.readouterr().out
    text = flat(pdf_pages(out))
    assert "Số: 15/BC-TTBTXH" in text and "Đề nghị bổ sung 01 điều dưỡng." in text and "Lý Thị Hoa" in text
    assert "Kinh phí < 5 triệu & cần <b>duyệt</b>." in text  # printed as typed, never read as markup


@pytest.mark.parametrize("args, fmt", [
    (["--from", "01/07/2026", "--to", "2026-08-15", "--out", "r.csv"], "csv"),
    (["--period", "2026-07", "--out", "r.xlsx", "--format", "xlsx"], "xlsx"),
    (["--period", "2026", "--out", "r"], None),
])
def test_cli_formats(world, tmp_path, monkeypatch, capsys, args, fmt):
    _, _, _, data = world
    monkeypatch.setenv("FACILITY_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.chdir(tmp_path)
    code = main(cli(data, "periodic", *args))
    if fmt is None:  # no extension and no --format: refused, says how to fix it
        assert code == 1
        assert "dùng đuôi .pdf, .csv, .xlsx" in capsys.readouterr().err
        assert list(tmp_path.iterdir()) == []
    else:
        assert code == 0
        data_ = (tmp_path / f"r.{fmt}").read_bytes()
        assert data_.startswith(b"\xef\xbb\xbf" if fmt == "csv" else b"PK")


def test_cli_resident_book(world, tmp_path, monkeypatch, capsys):
    _, _, r, data = world
    monkeypatch.setenv("FACILITY_APP_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "so.pdf"
    assert main(cli(data, "resident", r.code, "--out", str(out))) == 0
    assert "Phạm Thị Hằng" in flat(pdf_pages(out))


@pytest.mark.parametrize("args, message", [
    (["periodic", "--period", "2026-Q5", "--out", "r.pdf"], "Kỳ báo cáo “2026-Q5” không hợp lệ"),
    (["periodic", "--period", "2026-13", "--out", "r.pdf"], "Tháng “13”"),
    (["periodic", "--period", "2026", "--from", "2026-01-01", "--to", "2026-02-01", "--out", "r.pdf"],
     "Chỉ chọn một cách"),
    (["periodic", "--from", "2026-01-01", "--out", "r.pdf"], "cần cả --from và --to"),
    (["periodic", "--out", "r.pdf"], "Chọn kỳ báo cáo"),
    (["periodic", "--from", "31/02/2026", "--to", "2026-03-01", "--out", "r.pdf"], "không tồn tại"),
    (["periodic", "--from", "2026-08-01", "--to", "2026-07-01", "--out", "r.pdf"], "trước ngày bắt đầu"),
    (["periodic", "--period", "2026", "--out", "missing/r.pdf"], "không tồn tại"),
    (["periodic", "--period", "2026", "--out", "r.pdf", "--format", "docx"], "không hỗ trợ"),
    (["periodic", "--period", "2026", "--out", "r.csv", "--format", "pdf"], "có đuôi .csv"),
    (["periodic", "--period", "2026", "--out", "r.pdf", "--number", "12a"], "1–6 chữ số"),
    (["periodic", "--period", "2026", "--out", "r.pdf", "--notes-file", "none.txt"], "Không tìm thấy tệp ghi chú"),
])
def test_cli_errors_are_one_line_and_need_no_passphrase(world, tmp_path, monkeypatch, capsys, args, message):
    _, _, _, data = world
    monkeypatch.delenv("FACILITY_APP_PASSPHRASE", raising=False)  # checked before the store opens
    monkeypatch.chdir(tmp_path)
    assert main(cli(data, *args)) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0], err
    assert list(tmp_path.iterdir()) == []


def test_cli_store_errors_are_one_line(world, tmp_path, monkeypatch, capsys):
    _, _, _, data = world
    monkeypatch.setenv("FACILITY_APP_PASSPHRASE", PASSPHRASE)
    monkeypatch.chdir(tmp_path)
    assert main(cli(data, "resident", "DT-424242", "--out", "b.pdf")) == 1
    assert capsys.readouterr().err.strip() == "Không tìm thấy đối tượng có mã “DT-424242”."
    assert main(cli(data, "periodic", "--period", "2099", "--out", "r.pdf", lang="en")) == 1
    assert "has not begun" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
