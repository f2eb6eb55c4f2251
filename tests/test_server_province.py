"""The province's view: three facilities of three types on one server,
province totals against the facility reports, officers scoped to their
governing body (403 otherwise), audited resident lists, and the warning
for a facility that has gone silent."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest
import requests
import sqlalchemy as sa

from provincial_server import admin
from provincial_server.db import write_conn
from provincial_server.entities import today_in_vietnam
from provincial_server.province import add_up
from tests.server_fixtures import BACKENDS, FakePC, checkup_fields, resident_fields, server_for

PASSWORD = "mat khau can bo"
# facility code -> (type, governing body text as the director typed it, residents, checked residents)
FACILITIES = {
    "TTNCC-LS": ("merit-care", "Sở Nội vụ tỉnh Lạng Sơn", 3, 2),
    "TTBTXH-LS": ("social-assistance", "", 4, 1),  # empty: the type's default, Sở Y tế
    "CSCN-LS": ("drug-rehab", "CÔNG AN TỈNH LẠNG SƠN", 2, 2),
}
OFFICERS = {"noivu.ls": ("noi-vu", "", "TTNCC-LS"), "yte.ls": ("y-te", "", "TTBTXH-LS"),
            "congan.ls": ("cong-an", "", "CSCN-LS"), "cai.nghien": ("", "drug-rehab", "CSCN-LS")}


@pytest.fixture(scope="module", params=BACKENDS)
def server(request, tmp_path_factory):
    s = server_for(request, tmp_path_factory, "province")
    with write_conn(s.engine) as conn, conn.begin():
        admin.add_officer(conn, "so.tinh", PASSWORD)  # the whole province, figures only
        admin.add_officer(conn, "thanh.tra", PASSWORD, governs="noi-vu", role="records")
        for name, (bodies, types, _) in OFFICERS.items():
            admin.add_officer(conn, name, PASSWORD, governs=bodies, types=types)
    return s


@pytest.fixture(scope="module")
def pcs(server):
    """Each facility's PC pushes its settings, residents and checkups."""
    day = today_in_vietnam().replace(day=1).isoformat()
    out = {}
    for code, (kind, body, n, checked) in FACILITIES.items():
        server.add_facility(code, f"Cơ sở {code}")
        pc = FakePC.enrol(server, code)
        pc.change("facility", str(uuid.uuid4()), "insert", {
            "code": code, "name": f"Cơ sở {code} <b>", "type": kind, "governing_body": body, "province_code": 20,
            "provincial_target_2025": 0.85, "provincial_target_2030": 1.0})
        ids = [str(uuid.uuid4()) for _ in range(n)]
        for i, rid in enumerate(ids):
            pc.change("residents", rid, "insert", resident_fields(f"Nguyễn Văn {chr(65 + i)}"))
        for rid in ids[:checked]:
            pc.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(rid, checkup_date=day))
        assert {r.status for r in pc.push().results} == {"applied"}
        out[code] = pc
    return out


def _get(server, path, user="so.tinh", **params):
    return requests.get(f"{server.url}{path}", auth=(user, PASSWORD), params=params, timeout=60)


def test_province_totals_equal_the_sum_of_the_facility_reports(server, pcs):
    year = str(today_in_vietnam().year)
    dash = _get(server, "/v1/dashboard", period=year).json()
    reports = _get(server, "/v1/indicators", period=year).json()["facilities"]
    assert {f["code"] for f in reports} == set(FACILITIES)
    strip = [{k: v for k, v in f.items() if k not in ("code", "name", "province_code", "server_seq")} for f in reports]
    assert dash["totals"] == add_up(strip)
    # and by hand: 3 + 4 + 2 residents, 2 + 1 + 2 of them checked
    assert dash["totals"]["residents_in_care"] == 9
    assert dash["totals"]["tracked_electronically"] == {"numerator": 5, "denominator": 9, "value": 0.5556}
    # one facility per type and per governing body, each equal to that facility's own report
    by_code = {f["code"]: s for f, s in zip(reports, strip)}
    assert dash["by_type"]["merit-care"] == add_up([by_code["TTNCC-LS"]])
    assert dash["by_body"] == {"noi-vu": add_up([by_code["TTNCC-LS"]]), "y-te": add_up([by_code["TTBTXH-LS"]]),
                               "cong-an": add_up([by_code["CSCN-LS"]])}
    assert dash["targets"]["province_2025"] == 0.85 and dash["targets"]["national_2030"] == 1.0
    assert dash["trend"] and dash["trend"][-1]["tracked"]["denominator"] == 9
    # the 2025 milestone per column: everyone was in care on 31/12/2025, nobody checked in 2025
    assert dash["milestone_2025"] == {"numerator": 0, "denominator": 9, "value": 0.0}
    assert dash["milestones_2025"]["by_body"]["noi-vu"] == {"numerator": 0, "denominator": 3, "value": 0.0}
    assert dash["milestones_2025"]["by_type"]["social-assistance"]["denominator"] == 4


def test_each_governing_body_sees_only_its_facilities(server, pcs):
    for name, (_, _, code) in OFFICERS.items():
        dash = _get(server, "/v1/dashboard", user=name).json()
        assert [f["code"] for f in dash["facilities"]] == [code], name
        assert {f["code"] for f in _get(server, "/v1/indicators", user=name).json()["facilities"]} == {code}
        for other in set(FACILITIES) - {code}:
            assert _get(server, f"/facilities/{other}", user=name).status_code == 403
        assert _get(server, f"/facilities/{code}", user=name).status_code == 200
    assert len(_get(server, "/v1/dashboard").json()["facilities"]) == 3
    # an unknown code is not told apart from a forbidden one
    assert _get(server, "/facilities/KHONG-CO", user="noivu.ls").status_code == 403


def test_resident_lists_only_for_the_records_role_and_every_read_audited(server, pcs):
    def reads():
        return server.scalar("SELECT count(*) FROM officer_reads")
    before = reads()
    r = _get(server, "/v1/facilities/TTNCC-LS/residents", user="noivu.ls")
    assert r.status_code == 403 and r.json()["error"] == "no-resident-data"
    assert _get(server, "/facilities/TTNCC-LS/residents", user="so.tinh").status_code == 403
    assert reads() == before
    r = _get(server, "/v1/facilities/TTBTXH-LS/residents", user="thanh.tra")  # not its governing body
    assert r.status_code == 403 and r.json()["error"] == "out-of-scope"
    assert reads() == before
    r = _get(server, "/v1/facilities/TTNCC-LS/residents", user="thanh.tra")
    assert r.status_code == 200 and len(r.json()["residents"]) == 3
    assert set(r.json()["residents"][0]) == {"code", "full_name", "birth_year", "admission_date",
                                             "discharge_date", "last_checkup"}
    page = _get(server, "/facilities/TTNCC-LS/residents", user="thanh.tra")
    assert page.status_code == 200 and "Nguyễn Văn A" in page.text
    with server.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT officer, facility_code, what FROM officer_reads ORDER BY id")).all()
    assert [tuple(x) for x in rows[-2:]] == [("thanh.tra", "TTNCC-LS", "resident-list")] * 2
    assert reads() == before + 2


def test_a_silent_facility_is_flagged_until_it_syncs(server, pcs):
    dash = _get(server, "/v1/dashboard", stale_days=14).json()
    assert dash["flagged"] == []
    month_ago = (datetime.now(timezone.utc) - timedelta(days=30)).isoformat(timespec="seconds")
    with server.engine.begin() as conn:
        conn.execute(sa.text("UPDATE devices SET last_seen_at = :t, last_pull_at = :t WHERE facility_code = 'CSCN-LS'"),
                     {"t": month_ago})
    dash = _get(server, "/v1/dashboard", stale_days=14).json()
    assert dash["flagged"] == ["CSCN-LS"]
    row = {f["code"]: f for f in dash["facilities"]}["CSCN-LS"]
    assert row["stale"] and row["days_silent"] == 30
    assert _get(server, "/v1/dashboard", stale_days=60).json()["flagged"] == []  # the officer's own threshold
    page = _get(server, "/indicators", stale_days=14)
    assert "Cơ sở cần liên hệ (1)" in page.text and "không đồng bộ quá 14 ngày" in page.text
    # it syncs with nothing to push (a pull only): no longer flagged
    pc = pcs["CSCN-LS"]
    pc.pull_all()
    assert _get(server, "/v1/dashboard", stale_days=14).json()["flagged"] == []
    # silent again, then it pushes: not flagged either
    with server.engine.begin() as conn:
        conn.execute(sa.text("UPDATE devices SET last_seen_at = :t, last_pull_at = :t WHERE facility_code = 'CSCN-LS'"),
                     {"t": month_ago})
    assert _get(server, "/v1/dashboard", stale_days=14).json()["flagged"] == ["CSCN-LS"]
    pc.change("residents", str(uuid.uuid4()), "insert", resident_fields("Trần Văn Mới"))
    pc.push()
    assert _get(server, "/v1/dashboard", stale_days=14).json()["flagged"] == []


def test_refused_changes_flag_the_facility(server, pcs):
    pc = pcs["TTBTXH-LS"]
    pc.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(str(uuid.uuid4())))  # no such resident
    assert pc.push().results[0].status == "rejected"
    dash = _get(server, "/v1/dashboard").json()
    row = {f["code"]: f for f in dash["facilities"]}["TTBTXH-LS"]
    assert row["parked"] == 1 and "TTBTXH-LS" in dash["flagged"]


def test_dashboard_page_one_table_escaped_with_a_chart_and_no_script(server, pcs):
    r = _get(server, "/indicators")
    assert r.status_code == 200
    html = r.text
    assert "<script" not in html and "<svg" in html and "<rect" in html and "<polyline" in html
    assert "Cơ sở TTNCC-LS &lt;b&gt;" in html and "Cơ sở TTNCC-LS <b>" not in html
    assert "Cơ sở nuôi dưỡng, điều dưỡng người có công" in html and "Sở Nội vụ" in html
    assert "Mốc 31/12/2025" in html and "Chỉ tiêu quốc gia đến 2030" in html
    assert "So với chỉ tiêu quốc gia đến 2030 (100,0%)" in html and "Mốc 31/12/2025 (chỉ tiêu 85,0%)" in html
    assert "script-src" not in r.headers["content-security-policy"]
    # a scoped officer's page names the scope and holds only its facility
    r = _get(server, "/indicators", user="noivu.ls")
    assert "Phạm vi xem: Sở Nội vụ" in r.text and "TTBTXH-LS" not in r.text


def _report(server, tmp_path, *extra):
    from provincial_server.cli import main
    url = server.engine.url.render_as_string(hide_password=False)
    return main(["--db", url, "report", "--period", str(today_in_vietnam().year), *extra])


def test_provincial_report_pdf_in_the_decree_30_form(server, pcs, tmp_path, capsys):
    import subprocess
    out = tmp_path / "bao-cao.pdf"
    assert _report(server, tmp_path, "--scope", "noi-vu", "--out", str(out), "--number", "05",
                   "--signer", "Hoàng Văn Nam") == 0, capsys.readouterr().err
    pages = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                           check=True).stdout.replace("\xa0", " ").split("\f")
    first = " ".join(pages[0].split())  # lines joined: a long heading wraps between words
    for text in ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số: 05/BC-SNV", "Lạng Sơn, ngày", "BÁO CÁO",
                 "Quyết định số 1942/QĐ-TTg", "Cơ sở nuôi dưỡng, điều dưỡng người có công"):
        assert text in first, text
    whole = " ".join("\n".join(pages).split())
    assert "TTNCC-LS" in whole and "TTBTXH-LS" not in whole and "CSCN-LS" not in whole  # its facilities only
    assert "Nơi nhận:" in whole and "- Bộ Nội vụ (để báo cáo);" in whole and "- Lưu: VT." in whole
    assert "GIÁM ĐỐC" in whole and "Hoàng Văn Nam" in whole
    assert "Mốc năm 2025" in whole
    # page numbers: none on page 1; from page 2 the bare number at the top
    real = [p_ for p_ in pages if p_.strip()]
    assert len(real) >= 2
    assert real[0].strip().splitlines()[0].strip() != "1"
    for n, page_text in enumerate(real[1:], 2):
        assert page_text.strip().splitlines()[0].strip() == str(n)


def test_provincial_report_xlsx_and_refusals(server, pcs, tmp_path, capsys):
    from openpyxl import load_workbook
    out = tmp_path / "bao-cao.xlsx"
    assert _report(server, tmp_path, "--scope", "cong-an", "--out", str(out)) == 0
    cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row if c]
    assert "BỘ CÔNG AN" in cells and "CÔNG AN TỈNH LẠNG SƠN" in cells and "CSCN-LS" in cells
    assert "TTNCC-LS" not in cells
    from provincial_server.report import _safe
    assert _safe("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")" and _safe("- Lưu: VT.") == "- Lưu: VT."
    capsys.readouterr()
    assert _report(server, tmp_path, "--scope", "y-te", "--out", str(tmp_path / "x.doc")) == 1
    assert ".pdf or .xlsx" in capsys.readouterr().err
    assert _report(server, tmp_path, "--scope", "y-te", "--out", str(tmp_path / "khong-co" / "x.pdf")) == 1
    assert not (tmp_path / "khong-co").exists()


def test_fhir_export_of_a_facility_parses_as_r4_and_is_audited(server, pcs, tmp_path, capsys):
    import json
    from fhir.resources.R4B.bundle import Bundle
    from provincial_server.cli import main
    pc = pcs["TTNCC-LS"]
    rid = str(uuid.uuid4())
    day = today_in_vietnam().replace(day=1).isoformat()
    pc.change("residents", rid, "insert", resident_fields("Đặng Thị Hoa", sex="F", code="NCC-0001",
                                                          cccd="001150012345", room="P9", notes="ghi chú riêng"))
    kept, voided = str(uuid.uuid4()), str(uuid.uuid4())
    pc.change("checkups", kept, "insert", checkup_fields(rid, checkup_date=day, weight_kg=52.5, temperature=36.8))
    pc.change("checkups", voided, "insert", checkup_fields(rid, checkup_date=day, voided=True))
    pc.change("conditions", str(uuid.uuid4()), "insert", {"resident_id": rid, "icd10": "I10", "status": "active",
                                                          "note": ""})
    pc.change("referrals", str(uuid.uuid4()), "insert", {
        "resident_id": rid, "referral_date": day, "hospital": "Bệnh viện Đa khoa tỉnh", "reason": "Đau ngực",
        "outcome": "pending", "outcome_note": ""})
    assert {r.status for r in pc.push().results} == {"applied"}
    url = server.engine.url.render_as_string(hide_password=False)
    before = server.scalar("SELECT count(*) FROM officer_reads WHERE what = 'fhir-export'")
    out = tmp_path / "ncc.json"
    assert main(["--db", url, "export", "fhir", "--facility", "TTNCC-LS", "--out", str(out), "--by", "thanh.tra"]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    parsed = Bundle.model_validate_json(out.read_bytes())
    kinds = [e.resource.get_resource_type() for e in parsed.entry]
    assert kinds.count("Patient") == 4 and kinds.count("Organization") == 1
    ids = {e.resource.id for e in parsed.entry}
    assert rid in ids and kept in ids and voided not in ids
    hoa = next(e.resource for e in parsed.entry if e.resource.id == rid)
    assert hoa.name[0].family == "Đặng" and hoa.identifier[0].value == "001150012345"
    weights = [e.resource.valueQuantity.value for e in parsed.entry if e.resource.get_resource_type() == "Observation"
               and e.resource.subject.reference == f"urn:uuid:{rid}" and e.resource.code.coding[0].code == "29463-7"]
    assert [float(w) for w in weights] == [52.5]
    assert "P9" not in out.read_text(encoding="utf-8") and "ghi chú riêng" not in out.read_text(encoding="utf-8")
    with server.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT officer, facility_code, detail FROM officer_reads "
                                   "WHERE what = 'fhir-export' ORDER BY id DESC")).first()
    assert tuple(row) == ("thanh.tra", "TTNCC-LS", "4 residents")
    # one resident; an unknown one is refused and nothing is written nor audited
    one = tmp_path / "one.json"
    assert main(["--db", url, "export", "fhir", "--facility", "TTNCC-LS", "--resident", "NCC-0001",
                 "--out", str(one), "--by", "thanh.tra"]) == 0
    assert [e["resource"]["resourceType"] for e in json.loads(one.read_text())["entry"]].count("Patient") == 1
    capsys.readouterr()
    assert main(["--db", url, "export", "fhir", "--facility", "TTNCC-LS", "--resident", "KHONG-CO",
                 "--out", str(tmp_path / "none.json")]) == 1
    assert "no resident KHONG-CO" in capsys.readouterr().err and not (tmp_path / "none.json").exists()
    assert server.scalar("SELECT count(*) FROM officer_reads WHERE what = 'fhir-export'") == before + 2


def test_officer_scope_on_the_command_line(server, pcs, monkeypatch, capsys):
    from provincial_server.cli import main
    url = server.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("PROVINCIAL_OFFICER_PASSWORD", PASSWORD)
    assert main(["--db", url, "officer", "add", "so.sai", "--governs", "so-ldtbxh"]) == 1
    assert "No governing body “so-ldtbxh”; choose from: noi-vu, y-te, cong-an, khac." in capsys.readouterr().err
    assert server.scalar("SELECT count(*) FROM officers WHERE username = 'so.sai'") == 0
    assert main(["--db", url, "officer", "add", "yte.hai", "--governs", "y-te", "--types", "drug-rehab"]) == 0
    assert "officer yte.hai saved (y-te, drug-rehab; figures)" in capsys.readouterr().out
    assert main(["--db", url, "officer", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert "yte.hai\ty-te, drug-rehab\tfigures" in listed and "so.tinh\twhole province\tfigures" in listed
    assert "thanh.tra\tnoi-vu\trecords" in listed
    seen = [f["code"] for f in _get(server, "/v1/dashboard", user="yte.hai").json()["facilities"]]
    assert seen == ["CSCN-LS", "TTBTXH-LS"]  # its body's facility and the type it was given
    # an officer whose scope holds no facility yet: an empty page, not an error
    assert main(["--db", url, "officer", "add", "khac.ls", "--governs", "khac"]) == 0
    page = _get(server, "/indicators", user="khac.ls")
    assert page.status_code == 200 and "Chưa có cơ sở nào trong phạm vi xem gửi dữ liệu." in page.text
    assert _get(server, "/v1/dashboard", user="khac.ls").json()["facilities"] == []


def test_the_report_without_the_server_reports_extra_says_how_to_install_it(server, pcs, tmp_path, capsys,
                                                                             monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "reportlab", None)  # as on a server installed with '.[server]' only
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    for name in ("r.pdf", "r.xlsx"):
        assert _report(server, tmp_path, "--scope", "y-te", "--out", str(tmp_path / name)) == 1
        assert "pip install '.[server-reports]'" in capsys.readouterr().err
        assert not (tmp_path / name).exists()
