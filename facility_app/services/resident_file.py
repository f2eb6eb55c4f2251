"""The residents' list as a file: reading it (bounded) and its cells.

The columns are those ``export residents`` writes (``exports.RESIDENT_COLUMNS``),
by their Vietnamese or English header; a cell is read the way the export
writes it (dates day/month/year, coded values by name) and the way Excel
keeps it (date cells, numbers that lost a leading zero). What the rows mean
for the store is ``imports``' business.
"""
from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from pathlib import Path

from care_core.domain import divisions, vocabulary
from care_core.domain.cells import is_formula_like
from care_core.domain.enums import BeneficiaryGroup, DisabilitySeverity, DisabilityType, DischargeReason, Sex
from care_core.domain.messages import DEFAULT_LANGUAGE, ActionError, Problem, store_text
from care_core.domain.text import fold, normalise_name
from .exports import RESIDENT_COLUMNS

MAX_FILE_BYTES = 20_000_000
MAX_ROWS = 20_000
# a column read in place of another when that one is absent or blank
FALLBACK = {"sex": "sex_code", "groups": "groups_code", "discharge_reason": "discharge_reason_code"}
HEADERS = {attr: (vi, en) for attr, vi, en in RESIDENT_COLUMNS}
_BY_HEADER = {fold(h): attr for attr, vi, en in RESIDENT_COLUMNS for h in (vi, en)}
_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def column_name(attr: str, lang: str = DEFAULT_LANGUAGE) -> str:
    vi, en = HEADERS.get(attr, (attr, attr))
    return vi if lang == "vi" else en


def column_of(header: str) -> str | None:
    """The attribute a header names (Vietnamese or English, any case), or None."""
    return _BY_HEADER.get(fold(header))


# --- reading the file ------------------------------------------------------------

def read_table(path: Path) -> list[list[object]]:
    """The file's rows (header first), bounded: CSV (UTF-8, with or without
    BOM; comma, semicolon or tab) or XLSX (the first sheet)."""
    path = Path(path)
    if not path.is_file():
        if not path.exists():
            raise ActionError(f"Không tìm thấy tệp {path}.", f"There is no file {path}.")
        raise ActionError(*store_text("not_a_file", path=path))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ActionError(*store_text("file_too_large", path=path, limit=f"{MAX_FILE_BYTES // 1_000_000} MB"))
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise ActionError(f"Tệp {path.name}: chỉ nhập được tệp .xlsx hoặc .csv.",
                      f"{path.name}: only .xlsx or .csv files can be imported.")


def _too_many() -> ActionError:
    return ActionError(f"Tệp có hơn {MAX_ROWS} dòng; hãy chia thành nhiều tệp nhỏ hơn.",
                       f"The file has more than {MAX_ROWS} rows; split it into smaller files.")


def _read_csv(path: Path) -> list[list[object]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ActionError(
            f"Tệp {path.name} không phải văn bản UTF-8 (có thể lưu bằng bảng mã Windows): trong Excel hãy chọn "
            "Lưu thành → “CSV UTF-8 (Comma delimited)”, rồi nhập lại.",
            f"{path.name} is not UTF-8 text (perhaps saved in a Windows code page): in Excel choose "
            "Save As → “CSV UTF-8 (Comma delimited)”, then import again.") from None
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    rows: list[list[object]] = []
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        rows.append(row)
        if len(rows) > MAX_ROWS + 1:
            raise _too_many()
    return rows


def _read_xlsx(path: Path) -> list[list[object]]:
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ActionError(f"Tệp {path.name} không đọc được như một tệp Excel (.xlsx): {type(exc).__name__}.",
                          f"{path.name} cannot be read as an Excel (.xlsx) file: {type(exc).__name__}.") from None
    try:
        sheet = book.worksheets[0]
        rows: list[list[object]] = []
        for row in sheet.iter_rows(values_only=True, max_col=len(RESIDENT_COLUMNS) + 20):
            rows.append(list(row))
            if len(rows) > MAX_ROWS + 1:
                raise _too_many()
        return rows
    finally:
        book.close()

# --- one cell ------------------------------------------------------------------

def text_of(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and is_formula_like(text[1:]):
        text = text[1:]  # the export's guard against formulas, undone
    return text


def digits_of(value: object, width: int) -> str:
    """A number Excel stored as a number lost its leading zero: 1050123456 -> 001050123456."""
    text = text_of(value)
    if isinstance(value, (int, float)) and text.isdigit() and len(text) < width:
        return text.zfill(width)
    return text


class CellError(Exception):
    def __init__(self, vi: str, en: str):
        super().__init__(en)
        self.vi, self.en = vi, en


def read_date(text: str) -> date | None:
    if not text:
        return None
    m = _DATE.match(text)
    try:
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
        m = _ISO.match(text)
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        pass
    raise CellError(f"“{text}” không phải ngày hợp lệ; ghi ngày/tháng/năm, ví dụ 05/01/1950.",
                    f"“{text}” is not a valid date; write day/month/year, e.g. 05/01/1950.")


@lru_cache(maxsize=None)
def _names(kind: type[Enum]) -> dict[str, Enum]:
    table: dict[str, Enum] = {}
    for value in kind:
        table[fold(value.value)] = value
        for lang in ("vi", "en"):
            table[fold(vocabulary.label(value, lang))] = value
    return table


def read_coded(kind: type[Enum], text: str) -> Enum | None:
    if not text:
        return None
    found = _names(kind).get(fold(text))
    if found is None:
        known = ", ".join(vocabulary.label(v, "vi") for v in kind)
        known_en = ", ".join(vocabulary.label(v, "en") for v in kind)
        raise CellError(f"“{text}” không phải giá trị được dùng; chọn một trong: {known}.",
                        f"“{text}” is not a known value; use one of: {known_en}.")
    return found


def read_groups(text: str) -> list[BeneficiaryGroup]:
    parts = [p for p in re.split(r"[;,]", text) if p.strip()]
    return list(dict.fromkeys(read_coded(BeneficiaryGroup, p.strip()) for p in parts))


@lru_cache(maxsize=64)
def _wards_by_name(province_code: int) -> dict[str, int]:
    return {fold(name): code for code, name in divisions.wards(province_code)}


def _province(text: str) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    found = divisions.find_province(text)
    if found is None:
        problem = Problem("province_code", "unknown_province", {"value": text})
        raise CellError(problem.message("vi"), problem.message("en"))
    return found[0]


def _ward(text: str, province_code: int | None) -> int | None:
    if not text:
        return None
    if text.isdigit():
        return int(text)
    code = _wards_by_name(province_code).get(fold(text)) if province_code else None
    if code is None:
        where = divisions.province_name(province_code) if province_code else ""
        raise CellError(f"không có xã/phường “{text}”" + (f" ở {where}" if where else " (cần ghi cả tỉnh)") + ".",
                        f"there is no commune or ward “{text}”" + (f" in {where}" if where else " (give the province too)") + ".")
    return code


def parse_row(cells: dict[str, object]) -> tuple[dict, list[tuple[str, str, str]]]:
    """A row's cells -> Resident fields that were given (blank cells left out),
    and the cells that could not be read: (column, vi, en)."""
    values: dict = {}
    errors: list[tuple[str, str, str]] = []
    text = {attr: text_of(v) for attr, v in cells.items()}
    text["cccd"] = digits_of(cells.get("cccd"), 12)
    text["next_of_kin_phone"] = digits_of(cells.get("next_of_kin_phone"), 10)
    for attr, fallback in FALLBACK.items():
        if not text.get(attr) and text.get(fallback):
            text[attr] = text[fallback]

    def read(attr: str, convert) -> None:
        if not text.get(attr):
            return
        try:
            values[attr] = convert(text[attr])
        except CellError as exc:
            errors.append((attr, exc.vi, exc.en))

    for attr in ("code", "full_name", "cccd", "bhyt_number", "room", "address_detail", "old_address",
                 "next_of_kin_name", "next_of_kin_phone"):
        read(attr, str)
    if "code" in values:
        values["code"] = values["code"].upper()
    if "bhyt_number" in values:
        values["bhyt_number"] = "".join(values["bhyt_number"].split()).upper()
    if "full_name" in values:
        values["full_name"] = normalise_name(values["full_name"])
    read("sex", lambda t: read_coded(Sex, t))
    read("groups", read_groups)
    read("disability_type", lambda t: read_coded(DisabilityType, t))
    read("disability_severity", lambda t: read_coded(DisabilitySeverity, t))
    read("discharge_reason", lambda t: read_coded(DischargeReason, t))
    for attr in ("birth_date", "bhyt_valid_to", "admission_date", "discharge_date"):
        read(attr, read_date)
    read("province", _province)
    if "province" in values:
        values["province_code"] = values.pop("province")
    read("ward", lambda t: _ward(t, values.get("province_code")))
    if "ward" in values:
        values["ward_code"] = values.pop("ward")
    return values, errors
