"""Import residents at go-live: the list a centre kept in Excel, read into the store.

The columns are exactly those ``export residents`` writes (Vietnamese or
English headers), so an exported file imports as it is. Every row is checked
with the rules an admission uses, plus the file's own checks (a CCCD or a
code twice in the file); the report lists every problem by row and column.
Nothing is written unless every row is valid (or ``skip_invalid``), and then
in one transaction, through the resident service (audited, change-logged).

A row is the same person as a stored resident when it has their code, else
their CCCD, else (neither given) their name without diacritics and birth
date, uniquely. A matched row changes only what differs; a blank cell never
clears a stored value. So a second run of the same file changes nothing.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from functools import lru_cache
from pathlib import Path

from care_core.domain import divisions, rules, vocabulary
from care_core.domain.cells import is_formula_like
from care_core.domain.entities import Actor, Resident
from care_core.domain.enums import BeneficiaryGroup, DisabilitySeverity, DisabilityType, DischargeReason, Sex
from care_core.domain.identity import MatchLevel, PersonDraft
from care_core.domain.messages import DEFAULT_LANGUAGE, ActionError, Problem, store_text
from care_core.domain.permissions import Permission
from care_core.domain.text import fold, normalise_name
from ..storage import repositories as repo
from ..storage.mapping import changed_fields, to_row
from .base import Service
from .exports import RESIDENT_COLUMNS
from .residents import ResidentService, find_in

MAX_FILE_BYTES = 20_000_000
MAX_ROWS = 20_000
REQUIRED = ("full_name", "sex", "birth_date", "groups", "admission_date")
# a column read in place of another when that one is absent or blank
FALLBACK = {"sex": "sex_code", "groups": "groups_code", "discharge_reason": "discharge_reason_code"}
# which column a rule's field is shown under
FIELD_COLUMN = {"province_code": "province", "ward_code": "ward", "bhyt_valid_from": "bhyt_valid_to",
                "bhyt_place": "bhyt_number"}
HEADERS = {attr: (vi, en) for attr, vi, en in RESIDENT_COLUMNS}
_BY_HEADER = {fold(h): attr for attr, vi, en in RESIDENT_COLUMNS for h in (vi, en)}
_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def column_name(attr: str, lang: str = DEFAULT_LANGUAGE) -> str:
    vi, en = HEADERS.get(attr, (attr, attr))
    return vi if lang == "vi" else en


@dataclass(frozen=True)
class RowError:
    """One problem of the file: its row (1 = the header line; 0 = the whole file) and column."""
    row: int
    column: str  # attribute name ('' for the row or the file)
    vi: str
    en: str

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.vi if lang == "vi" else self.en

    def line(self, lang: str = DEFAULT_LANGUAGE) -> str:
        where = []
        if self.row:
            where.append(f"{'Dòng' if lang == 'vi' else 'Row'} {self.row}")
        if self.column:
            where.append(f"{'cột' if lang == 'vi' else 'column'} “{column_name(self.column, lang)}”")
        return (", ".join(where) + ": " if where else "") + self.message(lang)


@dataclass
class PlannedRow:
    row: int
    cells: dict[str, str]
    resident: Resident | None = None
    action: str = "invalid"  # new, changed, same, invalid
    existing_id: str | None = None
    changes: dict = field(default_factory=dict)


@dataclass
class ImportPlan:
    rows: list[PlannedRow]
    errors: list[RowError]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def file_errors(self) -> list[RowError]:
        return [e for e in self.errors if e.row == 0]

    def summary(self, lang: str = DEFAULT_LANGUAGE) -> str:
        n, c, s, bad = (self.count(a) for a in ("new", "changed", "same", "invalid"))
        if lang == "vi":
            return f"{n} mới, {c} thay đổi, {s} đã có" + (f", {bad} dòng có lỗi" if bad else "")
        return f"{n} new, {c} changed, {s} already there" + (f", {bad} rows with errors" if bad else "")


class ImportRefused(ActionError):
    """The file has problems and nothing was written; ``plan`` lists them."""

    def __init__(self, plan: ImportPlan):
        self.plan = plan
        count = len(plan.errors)
        super().__init__(f"Không nhập: tệp có {count} lỗi; không có gì được ghi.\n"
                         + "\n".join(e.line("vi") for e in plan.errors),
                         f"Not imported: the file has {count} problems; nothing was written.\n"
                         + "\n".join(e.line("en") for e in plan.errors))


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

def _text(value: object) -> str:
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


def _digits(value: object, width: int) -> str:
    """A number Excel stored as a number lost its leading zero: 1050123456 -> 001050123456."""
    text = _text(value)
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
    text = {attr: _text(v) for attr, v in cells.items()}
    text["cccd"] = _digits(cells.get("cccd"), 12)
    text["next_of_kin_phone"] = _digits(cells.get("next_of_kin_phone"), 10)
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


# --- the service -------------------------------------------------------------------

class ImportService(Service):
    def __init__(self, store, today=date.today):
        super().__init__(store, today)
        self.residents = ResidentService(store, today)

    def check(self, actor: Actor, path: Path) -> ImportPlan:
        """Read and check the file; write nothing (the preview, ``--dry-run``)."""
        self.require(actor, Permission.IMPORT_RESIDENTS)
        table = read_table(path)
        with self.store.read() as conn:
            return self._plan(conn, table)

    def run(self, actor: Actor, path: Path, skip_invalid: bool = False) -> ImportPlan:
        """Check, then write every valid row in one transaction; refuse the
        whole file (ImportRefused, nothing written) if a row is invalid,
        unless ``skip_invalid``. Returns the plan that was carried out."""
        self.require(actor, Permission.IMPORT_RESIDENTS)
        table = read_table(path)
        with self.store.batch():
            with self.store.write(actor, "import-residents") as w:
                plan = self._plan(w.conn, table)
                if plan.file_errors or (plan.errors and not skip_invalid):
                    raise ImportRefused(plan)
                new = [row for row in plan.rows if row.action == "new"]
                for row, resident in zip(new, self.residents.admit_all(actor, [row.resident for row in new])):
                    row.resident = resident
                for row in plan.rows:
                    if row.action == "changed":
                        current = repo.get(w.conn, Resident, row.existing_id)
                        row.resident = self.residents.update(actor, row.existing_id, row.changes, current.version)
                w.audit_only("residents", "*", {"import": Path(path).name, "new": plan.count("new"),
                                                "changed": plan.count("changed"), "same": plan.count("same"),
                                                "skipped": plan.count("invalid")})
        return plan

    def _plan(self, conn, table: list[list[object]]) -> ImportPlan:
        errors: list[RowError] = []
        if not table or not any(_text(c) for c in table[0]):
            return ImportPlan([], [RowError(0, "", "Tệp không có dòng tiêu đề (tên các cột) ở dòng đầu.",
                                            "The file has no header line (the column names) on its first line.")])
        header = [_text(c) for c in table[0]]
        columns: dict[int, str] = {}
        present: set[str] = set()
        for i, name in enumerate(header):
            if not name:
                continue
            attr = _BY_HEADER.get(fold(name))
            if attr is None:
                errors.append(RowError(1, "", f"cột “{name}” không có trong danh sách cột nhập được (xem hướng dẫn nhập).",
                                       f"column “{name}” is not one of the importable columns (see the import guide)."))
            elif attr in present:
                errors.append(RowError(1, attr, "cột này có hai lần.", "this column appears twice."))
            else:
                columns[i] = attr
                present.add(attr)
        for attr in REQUIRED:
            if attr not in present and FALLBACK.get(attr) not in present:
                errors.append(RowError(0, attr, "thiếu cột bắt buộc này.", "this required column is missing."))
        if errors:
            return ImportPlan([], [dataclasses.replace(e, row=0) for e in errors])

        rows: list[PlannedRow] = []
        seen: dict[tuple[str, str], int] = {}
        known = self._known(conn, table[1:], columns)
        for number, raw in enumerate(table[1:], start=2):
            cells = {attr: raw[i] if i < len(raw) else None for i, attr in columns.items()}
            if not any(_text(v) for _, v in cells.items()):
                continue  # a blank line
            planned = PlannedRow(number, {a: _text(v) for a, v in cells.items()})
            rows.append(planned)
            values, bad = parse_row(cells)
            row_errors = [RowError(number, attr, vi, en) for attr, vi, en in bad]
            for key in ("code", "cccd"):
                if values.get(key):
                    first = seen.setdefault((key, values[key]), number)
                    if first != number:
                        row_errors.append(RowError(number, key, f"“{values[key]}” đã có ở dòng {first} của tệp.",
                                                   f"“{values[key]}” is already on row {first} of the file."))
            if not row_errors:
                row_errors = self._judge(conn, planned, values, known)
            if row_errors:
                planned.action = "invalid"
                errors.extend(row_errors)
        return ImportPlan(rows, errors)

    @staticmethod
    def _known(conn, body: list[list[object]], columns: dict[int, str]) -> dict[str, dict[str, Resident]]:
        """The stored residents the file's codes and CCCDs name, read in a few queries."""
        known = {}
        for attr, width in (("code", 0), ("cccd", 12)):
            index = next((i for i, a in columns.items() if a == attr), None)
            values = [] if index is None else [_digits(r[index], width) if width else _text(r[index]).upper()
                                               for r in body if index < len(r)]
            known[attr] = repo.residents_with(conn, attr, values)
        return known

    def _judge(self, conn, planned: PlannedRow, values: dict, known: dict[str, dict[str, Resident]]) -> list[RowError]:
        """New, changed or the same: match the row to a stored person, then check the result."""
        number = planned.row
        existing = None
        if values.get("code"):
            existing = known["code"].get(values["code"])
        if existing is None and values.get("cccd"):
            existing = known["cccd"].get(values["cccd"])
            if existing is not None and values.get("code"):
                return [RowError(number, "code", f"số CCCD {values['cccd']} là của {existing.full_name}, mã "
                                 f"{existing.code}, không phải mã {values['code']} như trong tệp.",
                                 f"the CCCD {values['cccd']} belongs to {existing.full_name}, code {existing.code}, "
                                 f"not to code {values['code']} as the file says.")]
        if existing is None and not values.get("code") and not values.get("cccd") and values.get("full_name"):
            draft = PersonDraft(values["full_name"], values.get("birth_date"))
            likely = [m for m in find_in(conn, draft) if m.level >= MatchLevel.LIKELY] if draft.searchable() else []
            if len(likely) == 1:
                existing = likely[0].resident
        if existing is not None:
            merged = dataclasses.replace(existing, **values)
            problems = rules.check_resident(merged, self.today())
            diff = changed_fields(to_row(existing), to_row(merged))
            diff.pop("id", None)
            diff.pop("name_folded", None)
            planned.resident, planned.existing_id = merged, existing.id
            planned.changes = {k: getattr(merged, k) for k in values if k in diff}
            planned.action = "changed" if planned.changes else "same"
        else:
            missing = [a for a in ("full_name", "sex", "birth_date", "admission_date") if a not in values]
            problems = [Problem(a, "required") for a in missing]
            if "groups" not in values:
                problems.append(Problem("groups", "groups_empty"))
            if not problems:
                merged = Resident(**values)
                problems = rules.check_resident(merged, self.today())
                planned.resident = merged
            planned.action = "new"
        if values.get("cccd") and (existing is None or existing.cccd != values["cccd"]):
            holder = known["cccd"].get(values["cccd"])
            if holder is not None and (existing is None or holder.id != existing.id):
                problems.append(Problem("cccd", "duplicate", {"value": values["cccd"]}))
        return [RowError(number, FIELD_COLUMN.get(p.field, p.field if p.field in HEADERS else ""),
                         p.message("vi"), p.message("en")) for p in problems]
