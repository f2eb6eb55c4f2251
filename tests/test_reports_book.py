"""The resident health book (sổ theo dõi sức khỏe), read back from the PDF."""
from __future__ import annotations

import pytest

from facility_app.reports import run
from facility_app.services.reports import ReportService
from tests.conftest import DOCTOR
from tests.reports_fixtures import HOSPITAL, assert_decree30_page_numbers, make_fixture_store
from tests.test_reports import flat, pdf_pages, row


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    services, residents = make_fixture_store(tmp_path_factory.mktemp("book") / "data")
    out = tmp_path_factory.mktemp("book-out")
    reports = ReportService.of(services)
    made = {k: pdf_pages(run.health_book_pdf(reports, DOCTOR, residents[k].code, out / f"{k}.pdf"))
            for k in "ABDF"}
    yield made, residents
    services.close()


def test_identity_with_every_tone_mark(books):
    made, rs = books
    text = flat(made["A"])
    for words in ["SỔ THEO DÕI SỨC KHỎE", "NGUYỄN THỊ NGỌC ÁNH", "Nguyễn Thị Ngọc Ánh", f"Mã đối tượng: {rs['A'].code}",
                  "02/03/1940 (86 tuổi)", "Người cao tuổi", "HT2202012345678 (từ 01/01/2026 đến 31/12/2026)",
                  "Tiếp nhận ngày 01/05/2020", "Ngày in: 20/11/2026", "TRUNG TÂM BẢO TRỢ XÃ HỘI TỈNH LẠNG SƠN"]:
        assert words in text, words
    b = flat(made["F"])
    assert "Hoàng Văn Hải" in b and "0123456789 (chưa ghi hạn sử dụng)" in b


def test_conditions_checkups_and_corrections(books):
    made, _ = books
    a = made["A"]
    assert row(a, "I10") == ["Bệnh tăng huyết áp vô căn", "01/01/2019", "Ổn định", "90 ngày/lần"]
    # three current checkups, oldest first; the 10/08/2026 one as corrected (III, not IV)
    text = flat(a)
    assert text.index("03/09/2024") < text.index("01/09/2025") < text.index("10/08/2026")
    # date, kind, BP, pulse, temp, SpO2, weight, BMI = 52 / 1.5² = 23.1, glucose, class, findings, examiner
    assert ("10/08/2026 Định kỳ 150/90 80 36,8 97 52,0 23,1 7,2 III "
            "Tăng huyết áp, tiếp tục điều trị – BS. Lý Thị Hoa") in text
    assert "01/09/2025 Định kỳ 140/85 78 36,6 98 53,5 23,8 6,8 II" in text  # 53.5 / 1.5² = 23.78
    assert " IV " not in text
    for title in ["Huyết áp (mmHg)", "Cân nặng (kg)", "Chỉ số BMI", "Đường huyết (mmol/L)"]:
        assert title in text


def test_voided_checkup_is_not_in_the_book(books):
    made, _ = books
    text = flat(made["F"])
    assert "01/08/2025" in text
    assert "05/08/2026" not in text and "Nhập nhầm đối tượng" not in text


def test_rehab_summary_and_referrals(books):
    made, _ = books
    a = made["A"]
    # physio 01/08 30 min and 01/09 30 min (20 corrected to 30)
    assert row(a, "Vật lý trị liệu") == ["2", "1,0", "01/08/2026", "01/09/2026"]
    assert "Chỉ số Barthel: lần đầu 40 điểm, lần gần nhất 40 điểm (thay đổi +0 điểm)." in flat(a)
    text = flat(a)
    assert HOSPITAL in text and "Cơn tăng huyết áp (I10)" in text
    assert "Điều trị xong, trở về cơ sở. Ổn định" in text and "25/07/2026" in text


def test_resident_without_checkups_and_discharged(books):
    made, rs = books
    d = made["D"]
    text = flat(d)
    assert "Trương Văn Tuấn" in text
    assert "Chưa có lần khám nào được ghi trong hồ sơ." in text
    assert "Chưa có số đo để vẽ biểu đồ." in text
    assert "01/09/1946 (79 tuổi)" in text  # age on the discharge day
    assert "ra khỏi cơ sở ngày 20/08/2026 (tử vong)" in text
    assert "CC1200012345679 (hạn đến 31/12/2027)" in text


def test_every_page_numbered_and_named(books):
    made, rs = books
    for k, pages in made.items():
        assert assert_decree30_page_numbers(pages.path) == len(pages)
        for page in pages.plain:
            assert f"{rs[k].full_name} – {rs[k].code}" in page
