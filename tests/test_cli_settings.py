"""facility-admin settings show | set: every key of the report form round-trips
through the real command line and appears in the periodic report's PDF; a bad
key or value is one clear line in the user's language and changes nothing."""
from __future__ import annotations

import re
import subprocess

import pytest

from care_core.domain.report_form import SETTINGS
from tests.store_fixtures import assert_one_line_error, init_args, run_cli

VALUES = {
    "governing_body": "SỞ NỘI VỤ THÀNH PHỐ HẢI PHÒNG",
    "report_recipient": "Sở Nội vụ thành phố Hải Phòng",
    "report_place": "Hải Phòng",
    "report_symbol": "BC-TTĐDNCC",
    "signature": "deputy",
    "director_name": "Nông Văn Dũng",
    "deputy_name": "Hoàng Thị Mai",
    "plan_number": "125/KH-UBND",
    "plan_date": "20/05/2022",
    "plan_issuer": "Ủy ban nhân dân thành phố Hải Phòng",
}


def shown(data) -> dict[str, tuple[str, str]]:
    proc = run_cli(data, "settings", "show")
    assert proc.returncode == 0, proc.stderr
    rows = [line.split("\t") for line in proc.stdout.splitlines()]
    return {key: (name, value) for key, name, value in rows}


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    data = tmp_path_factory.mktemp("settings") / "data"
    proc = run_cli(data, *init_args(), "--province", "Lạng Sơn")
    assert proc.returncode == 0, proc.stderr
    return data


def test_every_key_is_listed_with_its_default(data):
    table = shown(data)
    assert list(table) == list(SETTINGS)
    assert table["governing_body"] == ("Cơ quan chủ quản", "SỞ Y TẾ TỈNH LẠNG SƠN")
    assert table["report_recipient"][1] == "Sở Y tế tỉnh Lạng Sơn"
    assert table["report_symbol"][1] == "BC-TTBTXH" and table["signature"][1] == "director"
    assert table["report_place"][1] == "Lạng Sơn"


def test_every_key_round_trips_and_reaches_the_pdf(data, tmp_path):
    for key, value in VALUES.items():
        proc = run_cli(data, "settings", "set", key, value)
        assert proc.returncode == 0, proc.stderr
        assert f"({key})" in proc.stdout
    table = shown(data)
    assert {k: v for k, (_, v) in table.items()} == VALUES
    out = tmp_path / "r.pdf"
    proc = run_cli(data, "report", "periodic", "--period", "2025", "--number", "7", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                               check=True, timeout=60).stdout)
    # (the heading wraps between its words, the motto interleaves in reading order)
    for expected in ["SỞ NỘI VỤ", "THÀNH PHỐ HẢI PHÒNG", "- Sở Nội vụ thành phố Hải Phòng;", "Hải Phòng, ngày",
                     "Số: 07/BC-TTĐDNCC", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hoàng Thị Mai",
                     "Kế hoạch số 125/KH-UBND ngày 20/05/2022 của Ủy ban nhân dân thành phố Hải Phòng"]:
        assert expected in text, expected
    # the director's name is kept for when the director signs again
    proc = run_cli(data, "settings", "set", "signature", "director")
    assert proc.returncode == 0
    # an empty value clears a setting
    assert run_cli(data, "settings", "set", "plan_issuer", "").returncode == 0
    assert shown(data)["plan_issuer"][1] == ""


@pytest.mark.parametrize("lang, args, expected", [
    ("vi", ["report_symbol", "12/BC"], "Ký hiệu báo cáo: “12/BC” không đúng dạng"),
    ("en", ["report_symbol", "12/BC"], "Report symbol: “12/BC” is not valid"),
    ("vi", ["plan_date", "mai"], "Ngày ban hành kế hoạch: “mai” không phải ngày"),
    ("vi", ["signature", "chủ tịch"], "Thẩm quyền ký: giá trị “chủ tịch” không hợp lệ"),
    ("vi", ["plan_number", "năm"], "Số kế hoạch của tỉnh: “năm” không đúng dạng"),
])
def test_bad_values_are_refused_and_change_nothing(data, lang, args, expected):
    before = shown(data)
    err = assert_one_line_error(run_cli(data, "settings", "set", *args, lang=lang))
    assert expected in err, err
    assert shown(data) == before


def test_unknown_key_is_refused_in_vietnamese(data):
    proc = run_cli(data, "settings", "set", "colour", "red")
    assert proc.returncode == 2 and "không có lựa chọn 'colour'" in proc.stderr and "governing_body" in proc.stderr
