"""The DHIS2 hand-off: real synced rows on a real server (SQLite and
PostgreSQL), exported by the CLI, read back, compared with the officer's
indicators page; the mapping file refused when it is wrong."""
from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import pytest
import requests

from care_core.domain.periods import Period, parse_period
from provincial_server import admin, dhis2
from provincial_server.cli import main
from provincial_server.db import write_conn
from tests.server_fixtures import BACKENDS, FakePC, checkup_fields, resident_fields, server_for

PASSWORD = "mat khau can bo"
SAMPLE = Path(__file__).resolve().parent.parent / "docs" / "dhis2-mapping.sample.json"
NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung")


@pytest.fixture(scope="module", params=BACKENDS)
def server(request, tmp_path_factory):
    s = server_for(request, tmp_path_factory, "dhis2")
    with write_conn(s.engine) as conn, conn.begin():
        admin.add_officer(conn, "canbo.so", PASSWORD)
    return s


@pytest.fixture(scope="module")
def synced(server):
    """Hà Nội (in the sample mapping) and Đà Nẵng (not in it) push records of 2026's third quarter."""
    hn = server.add_facility("TTBTXH-HN", "Trung tâm Bảo trợ xã hội Hà Nội")
    dn = server.add_facility("TTBTXH-DN", "Trung tâm Bảo trợ xã hội Đà Nẵng")
    pc = FakePC.enrol(server, hn)
    r1, r2, r3, r4 = (str(uuid.uuid4()) for _ in range(4))
    pc.change("residents", r1, "insert", resident_fields(NAMES[0], bhyt_number="CC1010123456789",
                                                         bhyt_valid_from="2026-01-01", bhyt_valid_to="2026-12-31"))
    pc.change("residents", r2, "insert", resident_fields(NAMES[1], sex="F"))
    pc.change("residents", r3, "insert", resident_fields(NAMES[2], admission_date="2026-08-05"))
    pc.change("residents", r4, "insert", resident_fields(NAMES[3], sex="F", discharge_date="2026-07-20",
                                                         discharge_reason="deceased"))
    pc.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(r1, checkup_date="2026-08-10"))
    pc.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(r2, checkup_date="2026-07-03"))
    pc.change("checkups", str(uuid.uuid4()), "insert", checkup_fields(r3, checkup_date="2026-08-05",
                                                                       kind="admission"))
    pc.change("conditions", str(uuid.uuid4()), "insert", {"resident_id": r1, "icd10": "I10", "status": "active",
                                                          "note": ""})
    pc.change("rehab_sessions", str(uuid.uuid4()), "insert", {
        "resident_id": r2, "session_date": "2026-09-02", "rehab_type": "physiotherapy", "minutes": 45,
        "therapist": "", "note": "", "voided": False})
    pc.change("referrals", str(uuid.uuid4()), "insert", {
        "resident_id": r3, "referral_date": "2026-09-15", "hospital": "Bệnh viện Bạch Mai", "reason": "Đau ngực",
        "outcome": "pending", "outcome_note": ""})
    assert {r.status for r in pc.push().results} == {"applied"}
    other = FakePC.enrol(server, dn)
    other.change("residents", str(uuid.uuid4()), "insert", resident_fields("Võ Văn Em"))
    assert {r.status for r in other.push().results} == {"applied"}
    return hn, dn, (r1, r2, r3, r4)


def db_url(server) -> str:
    return server.engine.url.render_as_string(hide_password=False)


def run(server, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", db_url(server), "export", "dhis2", *args])
    return code, out.getvalue(), err.getvalue()


def page_figures(server, period: str, code: str) -> dict:
    r = requests.get(f"{server.url}/v1/indicators", params={"period": period}, auth=("canbo.so", PASSWORD),
                     timeout=30)
    assert r.status_code == 200, r.text
    return {f["code"]: f for f in r.json()["facilities"]}[code]


def page_value(figures: dict, key: str):
    value = figures
    for part in key.split("."):
        value = value[part]
    return value


@pytest.mark.parametrize(("period", "dhis2_period"), [("2026-Q3", "2026Q3"), ("2026-08", "202608"),
                                                      ("2025", "2025")])
def test_export_equals_the_indicators_page(server, synced, tmp_path, period, dhis2_period):
    hn, dn, ids = synced
    out = tmp_path / "btxh.json"
    code, stdout, stderr = run(server, "--period", period, "--mapping", str(SAMPLE), "--out", str(out))
    assert code == 0, stderr
    mapping = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["dataSet"] == "BTXH_SK_QUY" and doc["period"] == dhis2_period
    assert doc["idScheme"] == doc["dataElementIdScheme"] == doc["orgUnitIdScheme"] == "CODE"
    values = doc["dataValues"]
    # one value per mapped indicator and facility; Đà Nẵng is not in the mapping
    assert len(values) == len(mapping["dataElements"])
    assert {v["orgUnit"] for v in values} == {"VN_HN_TTBTXH1"} and {v["period"] for v in values} == {dhis2_period}
    figures = page_figures(server, period, hn)
    by_element = {v["dataElement"]: v for v in values}
    assert len(by_element) == len(values)
    for key, spec in mapping["dataElements"].items():
        v = by_element[spec["dataElement"]]
        assert v["categoryOptionCombo"] == spec["categoryOptionCombo"]
        assert float(v["value"]) == page_value(figures, key), key
    # the warning names what was left out, in Vietnamese by default
    assert "bỏ qua các cơ sở chưa có trong tệp ánh xạ: TTBTXH-DN" in stderr
    assert "TTBTXH-LS" in stderr  # named in the mapping, not registered here
    assert f"{len(values)} giá trị, kỳ {dhis2_period}" in stdout
    # aggregate numbers only: no resident's id or name
    text = out.read_text(encoding="utf-8")
    assert not any(x in text for x in (*ids, *NAMES))


def test_third_quarter_figures_are_the_synced_ones(server, synced, tmp_path):
    """Independent of the page: the numbers the synced rows must give."""
    out = tmp_path / "q3.json"
    assert run(server, "--period", "2026-Q3", "--mapping", str(SAMPLE), "--out", str(out), "--lang", "en")[0] == 0
    got = {v["dataElement"]: v["value"] for v in json.loads(out.read_text(encoding="utf-8"))["dataValues"]}
    assert got["BTXH_DANG_NUOI"] == "3"  # An, Bình, Cường at 30/09; Dung died in July
    assert got["BTXH_DUOC_PHUC_VU"] == "4"
    assert got["BTXH_TIEP_NHAN"] == "1" and got["BTXH_RA_KHOI"] == "1" and got["BTXH_TU_VONG"] == "1"
    assert got["BTXH_KHAM_KY_TU"] == "3" and got["BTXH_KHAM_KY_MAU"] == "3"
    assert got["BTXH_PHCN"] == "1" and got["BTXH_PHCN_GIO"] == "0.8"
    assert got["BTXH_CHUYEN_TUYEN"] == "1" and got["BTXH_MAN_TINH"] == "1"
    assert got["BTXH_BHYT_TU"] == "1" and got["BTXH_BHYT_MAU"] == "3"


def test_uid_scheme_and_a_mapping_without_combos(server, synced, tmp_path):
    mapping = tmp_path / "uid.json"
    mapping.write_text(json.dumps({
        "dataSet": "pBOMPrpg1QX", "idScheme": "UID",
        "orgUnits": {"TTBTXH-HN": "DiszpKrYNg8", "TTBTXH-DN": "ImspTQPwCqd"},
        "dataElements": {"residents_in_care": "fbfJHSPpUQD", "deaths": {"dataElement": "cYeuwXTCPkU"}}}),
        encoding="utf-8")
    out = tmp_path / "uid-out.json"
    code, _, stderr = run(server, "--period", "2026Q3", "--mapping", str(mapping), "--out", str(out))
    assert code == 0, stderr
    assert "bỏ qua" not in stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["dataElementIdScheme"] == doc["orgUnitIdScheme"] == "UID"
    assert len(doc["dataValues"]) == 4 and all("categoryOptionCombo" not in v for v in doc["dataValues"])
    dn = {v["dataElement"]: v["value"] for v in doc["dataValues"] if v["orgUnit"] == "ImspTQPwCqd"}
    assert dn == {"fbfJHSPpUQD": "1", "cYeuwXTCPkU": "0"}


def _refused(server, tmp_path, mapping_text: str | bytes, *extra: str, period: str = "2026-Q3") -> str:
    mapping = tmp_path / "bad.json"
    (mapping.write_bytes if isinstance(mapping_text, bytes) else mapping.write_text)(mapping_text)
    out = tmp_path / "out.json"
    out.write_text("earlier export", encoding="utf-8")
    code, stdout, stderr = run(server, "--period", period, "--mapping", str(mapping), "--out", str(out), *extra)
    assert code == 1 and stdout == ""
    assert out.read_text(encoding="utf-8") == "earlier export"  # nothing written over
    assert list(tmp_path.glob(".dhis2-*")) == []
    return stderr.strip()


def _good(**change) -> str:
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc.update(change)
    return json.dumps(doc)


def test_unknown_indicators_are_refused_by_name(server, synced, tmp_path):
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["dataElements"]["so_giuong"] = "BTXH_GIUONG"
    doc["dataElements"]["rehab.minutes"] = "BTXH_PHUT"
    err = _refused(server, tmp_path, json.dumps(doc))
    assert err == "lỗi: Tệp ánh xạ DHIS2: không có chỉ tiêu tên so_giuong, rehab.minutes (xem danh sách trong docs/dhis2.md)."
    err = _refused(server, tmp_path, json.dumps(doc), "--lang", "en")
    assert err == "error: DHIS2 mapping file: no indicator named so_giuong, rehab.minutes (see the list in docs/dhis2.md)."


@pytest.mark.parametrize(("text", "vi", "en"), [
    ("{ not json", "JSON sai ở dòng 1", "invalid JSON at line 1"),
    (b"\xff\xfe{}", "không phải văn bản UTF-8", "is not UTF-8 text"),
    ("[1, 2]", "phải là một đối tượng JSON", "must be a JSON object"),
    ("[" * 100_000 + "]" * 100_000, "JSON lồng nhau quá sâu", "JSON nested too deeply"),
    (_good(idScheme="NAME"), "“idScheme” phải là CODE hoặc UID", "“idScheme” must be CODE or UID"),
    (_good(idScheme="UID"), "không phải UID của DHIS2", "is not a DHIS2 UID"),
    (_good(dataSet=""), "dataSet: cần một mã", "dataSet: needs an identifier"),
    (_good(dataSet="X" * 51), "tối đa 50 ký tự", "at most 50 printable characters"),
    (_good(orgUnits={}), "“orgUnits” phải là một đối tượng JSON không rỗng", "“orgUnits” must be a non-empty"),
    (_good(orgUnits={"TTBTXH-HN": 7}), "orgUnits.TTBTXH-HN: cần một mã", "orgUnits.TTBTXH-HN: needs an identifier"),
    (_good(dataElements={"deaths": {"dataElement": "A", "extra": 1}}), "dataElements.deaths: cần",
     "dataElements.deaths: needs"),
    (_good(period="2026Q3"), "có mục không biết: period", "unknown entries: period"),
    ('{"dataSet": "A", "dataSet": "B"}', "“dataSet” có hai lần", "“dataSet” appears twice"),
    (_good(orgUnits={"TTBTXH-HN": "VN_1", "TTBTXH-DN": "VN_1"}), "Cơ sở “TTBTXH-HN” và “TTBTXH-DN” trỏ vào cùng",
     "Facilities “TTBTXH-HN” and “TTBTXH-DN” point at the same DHIS2 cell"),
    (_good(dataElements={"deaths": "DE_1", "admitted": {"dataElement": "DE_1"}}), "Chỉ tiêu “deaths” và “admitted”",
     "Indicators “deaths” and “admitted” point at the same"),
    (_good(orgUnits={"TTBTXH-XX": "VN_XX"}), "không có cơ sở nào đã đăng ký", "names no facility registered"),
])
def test_a_wrong_mapping_is_refused_in_both_languages(server, synced, tmp_path, text, vi, en):
    assert vi in _refused(server, tmp_path, text)
    assert en in _refused(server, tmp_path, text, "--lang", "en")


def test_a_huge_mapping_is_refused_without_reading_it_all(server, synced, tmp_path):
    huge = '{"_comment": "' + "x" * (dhis2.MAX_MAPPING_BYTES + 10) + '"}'
    assert "lớn hơn 256 KB" in _refused(server, tmp_path, huge)


def test_periods_dhis2_cannot_take_or_not_finished(server, synced, tmp_path):
    sample = SAMPLE.read_text(encoding="utf-8")
    assert "lỗi: Kỳ năm 2099 chưa kết thúc" in _refused(server, tmp_path, sample, period="2099")
    assert "has not ended" in _refused(server, tmp_path, sample, "--lang", "en", period="2099-Q1")
    assert "Tháng “13” không hợp lệ" in _refused(server, tmp_path, sample, period="2026-13")
    assert "Period “q3” is not valid" in _refused(server, tmp_path, sample, "--lang", "en", period="q3")


def test_dhis2_period_format():
    """DHIS2's ISO periods: yyyy, yyyyQn, yyyyMM (developer guide, "Date and period format")."""
    assert dhis2.dhis2_period(parse_period("2026")) == "2026"
    assert dhis2.dhis2_period(parse_period("2026-Q3")) == "2026Q3"
    assert dhis2.dhis2_period(parse_period("2026-q1")) == "2026Q1"
    assert dhis2.dhis2_period(parse_period("2026-07")) == "202607"
    assert dhis2.dhis2_period(parse_period("2026-12")) == "202612"
    with pytest.raises(dhis2.Dhis2Error, match="takes a year, quarter or month"):
        dhis2.dhis2_period(Period(date(2026, 7, 1), date(2026, 8, 15), "custom"))


def test_missing_mapping_file_and_output_folder(server, synced, tmp_path):
    code, _, err = run(server, "--period", "2026-Q3", "--mapping", str(tmp_path / "none.json"),
                       "--out", str(tmp_path / "x.json"))
    assert code == 1 and "Không đọc được tệp ánh xạ DHIS2" in err
    code, _, err = run(server, "--period", "2026-Q3", "--mapping", str(SAMPLE),
                       "--out", str(tmp_path / "no-such-folder" / "x.json"), "--lang", "en")
    assert code == 1 and "There is no folder" in err


def test_the_entry_point_as_a_process(server, synced, tmp_path):
    """What the officer types: exit status, the Vietnamese summary, the file."""
    out = tmp_path / "process.json"
    done = subprocess.run([sys.executable, "-m", "provincial_server.cli", "--db", db_url(server), "export", "dhis2",
                           "--period", "2026-07", "--mapping", str(SAMPLE), "--out", str(out)],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                          env={**os.environ, "PYTHONPATH": str(SAMPLE.parent.parent)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"15 giá trị, kỳ 202607 → {out}"
    assert done.stderr.startswith("cảnh báo: bỏ qua các cơ sở chưa có trong tệp ánh xạ: TTBTXH-DN")
    assert {v["period"] for v in json.loads(out.read_text(encoding="utf-8"))["dataValues"]} == {"202607"}


def test_text_from_the_mapping_is_echoed_escaped(server, synced, tmp_path):
    """A code with a terminal escape in it is shown as \\u001b, never sent to the terminal raw."""
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["dataElements"]["\x1b[31mso_giuong"] = "X"
    err = _refused(server, tmp_path, json.dumps(doc), "--lang", "en")
    assert "\x1b" not in err and "no indicator named \\u001b[31mso_giuong" in err
    doc = json.loads(SAMPLE.read_text(encoding="utf-8"))
    doc["orgUnits"]["\x1b]0;owned\x07"] = "VN_X"
    mapping, out = tmp_path / "esc.json", tmp_path / "esc-out.json"
    mapping.write_text(json.dumps(doc), encoding="utf-8")
    code, _, stderr = run(server, "--period", "2026-Q3", "--mapping", str(mapping), "--out", str(out))
    assert code == 0 and "\x1b" not in stderr and "\\u001b]0;owned\\u0007" in stderr
