"""The periodic report PDF, read back: Decree 30 form, Vietnamese text with
its diacritics, and every figure, worked out by hand from the fixture in
tests/reports_fixtures.py (see the derivations beside each assertion)."""
from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from care_core.domain import periods
from facility_app.reports import run
from facility_app.reports.periodic import PeriodicOptions
from facility_app.services.reports import ReportService
from tests.conftest import DIRECTOR
from tests.reports_fixtures import DIRECTOR_NAME, assert_decree30_page_numbers, make_fixture_store

NOTES = "Đề nghị Sở Y tế hỗ trợ máy đo đường huyết.\nTăng cường khám định kỳ cho người cao tuổi."


@pytest.fixture(scope="module")
def facility(tmp_path_factory):
    services, residents = make_fixture_store(tmp_path_factory.mktemp("reports") / "data")
    yield services, residents
    services.close()


@pytest.fixture(scope="module")
def reports(facility):
    return ReportService.of(facility[0])


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("out")


class Pages(list):
    """Each page's text laid out as printed (for table rows), plus ``plain``:
    the text in drawing order, where a wrapped paragraph reads on."""

    plain: list[str]
    path: Path


def pdf_pages(path: Path) -> Pages:
    reader = pypdf.PdfReader(path)
    pages = Pages(page.extract_text(extraction_mode="layout") for page in reader.pages)
    pages.plain = [page.extract_text() for page in reader.pages]
    pages.path = Path(path)
    return pages


def flat(pages: Pages) -> str:
    """All text in drawing order, runs of white space as one space."""
    return re.sub(r"\s+", " ", " ".join(pages.plain))


def row(pages: list[str], label: str) -> list[str]:
    """The cells printed after the table cell ``label`` on its line (cells
    are apart by 2+ spaces; a label inside a sentence does not match)."""
    cell = re.compile(r"(?:^|\s{2,}|^\S+\s+)" + re.escape(label) + r"(?=\s{2,}|$)")
    for page in pages:
        for line in page.splitlines():
            found = cell.search(line.rstrip())
            if found:
                return [c for c in re.split(r"\s{2,}", line[found.end():].strip()) if c]
    raise AssertionError(f"no table row {label!r}")


@pytest.fixture(scope="module")
def q3(reports, out_dir):
    path = run.periodic_report(reports, DIRECTOR, periods.parse_period("2026-Q3"), out_dir / "q3.pdf",
                               options=PeriodicOptions(number="12", notes=NOTES, prepared_by="Lý Thị Hoa"))
    return pdf_pages(path)


def test_heading_and_closing_in_decree_30_form(q3):
    text = flat(q3)
    for words in ["SỞ Y TẾ", "TRUNG TÂM BẢO TRỢ XÃ HỘI TỈNH LẠNG SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc", "Số: 12/BC-TTBTXH", "Lạng Sơn, ngày 20 tháng 11 năm 2026",
                  "BÁO CÁO Tình hình chăm sóc sức khỏe đối tượng quý III năm 2026",
                  "(Từ ngày 01/07/2026 đến ngày 30/09/2026)",
                  "Nơi nhận:", "- Sở Y tế tỉnh Lạng Sơn;", "- Lưu: VT, YT.", "NGƯỜI LẬP BIỂU", "GIÁM ĐỐC",
                  DIRECTOR_NAME, "Lý Thị Hoa",
                  "VII. NHẬN XÉT, ĐỀ XUẤT, KIẾN NGHỊ", "Đề nghị Sở Y tế hỗ trợ máy đo đường huyết.",
                  "Tăng cường khám định kỳ cho người cao tuổi."]:
        assert words in text, words
    # the governing body sits above the facility, the motto above the slogan, number before the date
    assert text.index("SỞ Y TẾ") < text.index("TRUNG TÂM") < text.index("Số: 12/BC-TTBTXH")
    assert text.index("CỘNG HÒA") < text.index("Độc lập") < text.index("Lạng Sơn, ngày")
    assert "số liệu tính đến" not in text  # a finished quarter is complete


def test_page_numbers_as_decree_30_sets_them(out_dir, q3):
    """None on page 1; from page 2 the bare number at the top centre, 13 pt."""
    n = assert_decree30_page_numbers(out_dir / "q3.pdf")
    assert n == len(q3) >= 3
    page = pypdf.PdfReader(out_dir / "q3.pdf").pages[1]
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip() == "2":
            found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], size * tm[0] * cm[0]))
    page.extract_text(visitor_text=visit)
    height = float(page.mediabox.height)
    (x, y, size), = [f for f in found if f[1] > height - 20 * 72 / 25.4]  # the one in the top margin
    # centred on the text block (left margin 30 mm, right 15 mm), 13-14 pt
    assert abs(x + 3.25 - (30 + (210 - 45) / 2) * 72 / 25.4) < 3
    assert 13 <= size <= 14


def test_fonts_are_embedded_liberation_serif(out_dir, q3):
    reader = pypdf.PdfReader(out_dir / "q3.pdf")
    fonts = {}
    for page in reader.pages:
        for f in page["/Resources"]["/Font"].values():
            f = f.get_object()
            desc = f["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in f else f["/FontDescriptor"]
            fonts[str(f["/BaseFont"]).split("+")[-1]] = "/FontFile2" in desc.get_object()
    assert fonts and all(fonts.values()), fonts  # every font embedded
    assert {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic"} <= set(fonts)


def test_place_and_date_are_italic(out_dir, q3):
    runs = []
    page = pypdf.PdfReader(out_dir / "q3.pdf").pages[0]
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: runs.append(
        (text, str(font.get("/BaseFont", "")) if font else "")))
    font_of = {t.strip(): f for t, f in runs if t.strip()}
    assert font_of["Lạng Sơn, ngày 20 tháng 11 năm 2026"].endswith("LiberationSerif-Italic")
    assert font_of["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].endswith("LiberationSerif-Bold")


def test_census_figures(q3):
    # columns: start, admitted, discharged, of whom died, end, served in the period
    # served in Q3: A, B, C, D, F (E left 30/06, G came 15/10); start A B D F; C came and left; D died
    assert row(q3, "Tổng số đối tượng") == ["4", "1", "2", "1", "3", "5"]
    assert row(q3, "Người có công") == ["2", "0", "1", "1", "1", "2"]  # B, D
    # by age at the period end (or at discharge), not by the stored flag: A 86, B 71, D 79 (died)
    assert row(q3, "Người cao tuổi") == ["3", "0", "1", "1", "2", "3"]
    assert row(q3, "Người cao tuổi") == [str(int(a) + int(b)) for a, b in
                                         zip(row(q3, "Từ 60 đến 79 tuổi"), row(q3, "Từ 80 tuổi trở lên"))]
    assert row(q3, "Trẻ em") == ["0", "1", "1", "0", "0", "1"]  # C, admitted and discharged inside Q3
    assert row(q3, "Người khuyết tật") == ["1", "0", "0", "0", "1", "1"]  # B
    assert row(q3, "Nam") == ["3", "0", "1", "1", "2", "3"]  # B, D, F
    assert row(q3, "Nữ") == ["1", "1", "1", "0", "1", "2"]  # A, C
    assert row(q3, "Dưới 16 tuổi") == ["0", "1", "1", "0", "0", "1"]  # C, 14
    assert row(q3, "Từ 16 đến 59 tuổi") == ["1", "0", "0", "0", "1", "1"]  # F, 35
    # B 71; D would be 80 on 01/09/2026 but died at 79 on 20/08/2026: age at discharge
    assert row(q3, "Từ 60 đến 79 tuổi") == ["2", "0", "1", "1", "1", "2"]
    assert row(q3, "Từ 80 tuổi trở lên") == ["1", "0", "0", "0", "1", "1"]  # A, 86
    assert row(q3, "Trở về gia đình, cộng đồng") == ["1"]
    assert row(q3, "Chuyển cơ sở khác") == ["0"]
    assert row(q3, "Tổng số ra khỏi cơ sở") == ["2"]
    text = flat(q3)
    assert ("Đầu kỳ đơn vị quản lý 4 đối tượng; trong kỳ tiếp nhận 1 đối tượng, 2 đối tượng ra khỏi cơ sở "
            "(trong đó 1 tử vong); cuối kỳ còn 3 đối tượng.") in text


def test_electronic_tracking_against_targets(q3):
    # window 01/10/2025 - 30/09/2026: A (corrected checkup 10/08), B (admission 01/02), C (10/07) count;
    # D has no checkup; F's only 2026 checkup was voided and 01/08/2025 is too old -> 3/5
    text = flat(q3)
    assert ("(mẫu số: 5 đối tượng được quản lý trong kỳ; tử số: những người trong số đó có ít nhất một lần khám "
            "ghi trong hồ sơ điện tử trong 12 tháng tính đến ngày 30/09/2026) là 3/5, đạt 60,0%") in text
    assert "(01/10/2025 – 30/09/2026)" in text
    assert row(q3, "Số đối tượng chưa có lần khám nào trong 12 tháng") == ["2"]
    assert row(q3, "Tỷ lệ đối tượng được quản lý, theo dõi bằng hồ sơ sức khỏe điện tử") == ["60,0%"]
    # 31/12/2025: served in 2025 A, D, E, F; checkups in 2025: A (01/09), F (01/08) -> 2/4 = 50 %
    assert row(q3, "Mốc năm 2025 của cả nước") == ["80,0%", "50,0%", "Chưa đạt"]
    assert row(q3, "Mốc năm 2025 của tỉnh") == ["30,0%", "50,0%", "Đạt"]
    assert row(q3, "Mục tiêu năm 2030 của cả nước") == ["100,0%", "60,0%", "Đạt 60,0% mục tiêu"]
    assert row(q3, "Mục tiêu năm 2030 của tỉnh") == ["70,0%", "60,0%", "Đạt 85,7% mục tiêu"]  # 0.6 / 0.7
    assert ("Mốc năm 2025 (cùng định nghĩa, mẫu số là 4 đối tượng được quản lý trong năm 2025): tại ngày "
            "31/12/2025 tỷ lệ là 50,0% (2/4), chưa đạt mốc 80% của cả nước; đạt chỉ tiêu 30,0% của tỉnh.") in text


def test_checkups_and_classification(q3):
    # in care at the end: A, B, F. Periodic/admission in Q3: A only; in 12 months: A, B
    assert row(q3, "Được khám định kỳ hoặc khám tiếp nhận trong kỳ") == ["1", "33,3%"]
    assert row(q3, "Được khám định kỳ hoặc khám tiếp nhận trong 12 tháng gần nhất") == ["2", "66,7%"]
    # overdue on 30/09/2026: F (no current checkup in 12 months: 2025's is too old, 2026's voided);
    # A and B were seen in 2026 and are due in 2027 (a year after, no chronic condition known then)
    assert row(q3, "Quá hạn khám tại ngày 30/09/2026") == ["1", "33,3%"]
    assert "1 người (33,3%) quá hạn khám tại ngày 30/09/2026" in flat(q3)
    # latest classification in Q3 of the 5 served: A III (corrected from IV), C II; B, D, F none
    assert row(q3, "Loại I (rất khỏe)") == ["0", "0,0%"]
    assert row(q3, "Loại II (khỏe)") == ["1", "20,0%"]
    assert row(q3, "Loại III (trung bình)") == ["1", "20,0%"]
    assert row(q3, "Loại IV (yếu)") == ["0", "0,0%"]
    assert row(q3, "Chưa được phân loại trong kỳ") == ["3", "60,0%"]


def test_chronic_conditions_by_icd10_group(q3):
    # columns: residents, new in the period, under follow-up
    assert row(q3, "I10") == ["Bệnh tăng huyết áp vô căn (nguyên phát)", "2", "1", "2"]  # A controlled, B new active
    assert row(q3, "E11") == ["Đái tháo đường típ 2", "1", "0", "1"]
    assert row(q3, "F20") == ["Tâm thần phân liệt", "1", "0", "1"]
    # D's J44 was resolved before the quarter (no status history: resolved since it was found): not current
    assert "J44" not in flat(q3)
    assert row(q3, "Chương IX") == ["Bệnh hệ tuần hoàn", "2"]
    assert "G40" not in flat(q3)  # C's epilepsy was found after the quarter; G (I10) came after it
    assert row(q3, "Số đối tượng có bệnh mạn tính") == ["3"]  # A, B, F (D's was resolved before the quarter)
    assert row(q3, "Có ít nhất một bệnh đang điều trị") == ["2"]  # B, F
    assert row(q3, "Các bệnh đã ổn định, tiếp tục theo dõi") == ["1"]  # A
    assert row(q3, "Tổng số đối tượng đang được theo dõi bệnh mạn tính") == ["3"]


def test_rehabilitation(q3):
    # B physio 45 + 75 min, OT 30; A physio 30 + 30 (20 corrected to 30); C psychological 90; F's is in June
    assert row(q3, "Vật lý trị liệu") == ["2", "4", "3,0"]
    assert row(q3, "Hoạt động trị liệu") == ["1", "1", "0,5"]
    assert row(q3, "Tâm lý trị liệu") == ["1", "1", "1,5"]
    assert row(q3, "Tổng số (³)") == ["3", "6", "5,0"]
    assert "Ngôn ngữ trị liệu" not in flat(q3)
    # Barthel: B 50 -> 65, A 40 -> 40; C has one score only
    assert row(q3, "Số người được đánh giá Barthel từ 2 lần trở lên trong kỳ") == ["2"]
    assert row(q3, "Điểm Barthel trung bình lần đầu") == ["45,0"]
    assert row(q3, "Điểm Barthel trung bình lần cuối") == ["52,5"]
    assert row(q3, "Thay đổi trung bình (điểm)") == ["+7,5"]
    assert row(q3, "Số người cải thiện") == ["1"]
    assert row(q3, "Số người không thay đổi") == ["1"]


def test_referrals_and_insurance(q3):
    assert row(q3, "Số lượt chuyển tuyến trong kỳ") == ["2"]  # A 20/07 (returned), B 15/08 (pending)
    assert row(q3, "Kết quả: Điều trị xong, trở về cơ sở") == ["1"]
    assert row(q3, "Kết quả: Đang điều trị tại tuyến trên") == ["1"]
    assert row(q3, "Chưa có kết quả, đang điều trị tuyến trên (tính đến 30/09/2026)") == ["2"]  # B's and D's of May
    # at 30/09/2026: A valid to 31/12/2026, B expired 30/06/2026, F card without an end date
    assert row(q3, "Có thẻ BHYT còn giá trị sử dụng") == ["1", "33,3%"]
    assert row(q3, "Thẻ BHYT đã hết hạn") == ["1", "33,3%"]
    assert row(q3, "Chưa xác định được hạn thẻ (⁴)") == ["1", "33,3%"]
    assert row(q3, "Chưa có thẻ BHYT") == ["0", "0,0%"]


def test_year_still_running_counts_up_to_today(reports, out_dir):
    pages = pdf_pages(run.periodic_report(reports, DIRECTOR, periods.parse_period("2026"), out_dir / "y.pdf"))
    text = flat(pages)
    assert "Tình hình chăm sóc sức khỏe đối tượng năm 2026" in text
    assert "(Từ ngày 01/01/2026 đến ngày 31/12/2026; số liệu tính đến ngày 20/11/2026)" in text
    # start A D E F; admitted B C G; left C (home) D (died) E (transferred); end A B F G
    assert row(pages, "Tổng số đối tượng") == ["4", "3", "3", "1", "4", "7"]
    assert row(pages, "Chuyển cơ sở khác") == ["1"]
    # no number given: a gap to fill in by hand, then the symbol
    assert re.search(r"Số:\s+/BC-TTBTXH", text)
    # no notes: dotted lines to write on
    assert "....................." in text


def test_period_with_no_residents(reports, out_dir):
    pages = pdf_pages(run.periodic_report(reports, DIRECTOR, periods.parse_period("2012-07"), out_dir / "empty.pdf"))
    text = flat(pages)
    assert "Tình hình chăm sóc sức khỏe đối tượng tháng 7 năm 2012" in text
    assert row(pages, "Tổng số đối tượng") == ["0", "0", "0", "0", "0", "0"]
    assert row(pages, "Tỷ lệ đối tượng được quản lý, theo dõi bằng hồ sơ sức khỏe điện tử") == ["–"]
    assert row(pages, "Mốc năm 2025 của cả nước") == ["80,0%", "Không có số liệu", "Không có số liệu"]
    assert "Không có đối tượng mắc bệnh mạn tính được ghi nhận" in text
    assert_decree30_page_numbers(out_dir / "empty.pdf")


def test_custom_range_title(reports, out_dir):
    period = periods.custom(periods.parse_date("01/07/2026"), periods.parse_date("2026-08-15"))
    pages = pdf_pages(run.periodic_report(reports, DIRECTOR, period, out_dir / "custom.pdf"))
    assert "Tình hình chăm sóc sức khỏe đối tượng từ ngày 01/07/2026 đến ngày 15/08/2026" in flat(pages)
    # A B D F at the start; C came 10/07; D died 20/08, after the range
    assert row(pages, "Tổng số đối tượng") == ["4", "1", "0", "0", "5", "5"]
