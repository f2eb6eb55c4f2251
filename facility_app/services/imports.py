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

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from care_core.domain import rules
from care_core.domain.entities import Actor, Resident
from care_core.domain.identity import MatchLevel, PersonDraft
from care_core.domain.messages import DEFAULT_LANGUAGE, ActionError, Problem
from care_core.domain.permissions import Permission
from ..storage import repositories as repo
from ..storage.mapping import changed_fields, to_row
from .base import Service
from .resident_file import FALLBACK, HEADERS, column_name, column_of, digits_of, parse_row, read_table, text_of
from .residents import ResidentService, find_in

REQUIRED = ("full_name", "sex", "birth_date", "groups", "admission_date")
# which column a rule's field is shown under
FIELD_COLUMN = {"province_code": "province", "ward_code": "ward", "bhyt_valid_from": "bhyt_valid_to",
                "bhyt_place": "bhyt_number"}


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
        if not table or not any(text_of(c) for c in table[0]):
            return ImportPlan([], [RowError(0, "", "Tệp không có dòng tiêu đề (tên các cột) ở dòng đầu.",
                                            "The file has no header line (the column names) on its first line.")])
        header = [text_of(c) for c in table[0]]
        columns: dict[int, str] = {}
        present: set[str] = set()
        for i, name in enumerate(header):
            if not name:
                continue
            attr = column_of(name)
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
            if not any(text_of(v) for _, v in cells.items()):
                continue  # a blank line
            planned = PlannedRow(number, {a: text_of(v) for a, v in cells.items()})
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
            values = [] if index is None else [digits_of(r[index], width) if width else text_of(r[index]).upper()
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
