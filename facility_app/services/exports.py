"""Exports and backups: only on an explicit action of someone allowed, and audited.

An export is the one way patient data leaves the encrypted store in the
clear, so it is written where the person chose and nowhere else.
"""
from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from care_core.domain import divisions, history, vocabulary
from care_core.domain.cells import csv_row
from care_core.domain.dates import dmy
from care_core.domain.entities import Actor, Checkup, Condition, Facility, Referral, RehabSession, Resident, Stay
from care_core.domain.messages import ActionError
from care_core.domain.permissions import Permission
from ..storage import repositories as repo
from .base import Service, not_found

RESIDENT_COLUMNS = [
    # (attribute, vi header, en header)
    ("code", "Mã đối tượng", "Code"),
    ("full_name", "Họ và tên", "Full name"),
    ("sex", "Giới tính", "Sex"),
    ("birth_date", "Ngày sinh", "Date of birth"),
    ("groups", "Nhóm đối tượng", "Groups"),
    ("cccd", "Số CCCD", "Citizen ID"),
    ("bhyt_number", "Số thẻ BHYT", "Insurance card"),
    ("bhyt_valid_to", "BHYT hạn đến", "Insurance valid to"),
    ("disability_type", "Dạng khuyết tật", "Disability type"),
    ("disability_severity", "Mức độ khuyết tật", "Disability severity"),
    ("admission_date", "Ngày tiếp nhận", "Admitted"),
    ("discharge_date", "Ngày ra", "Discharged"),
    ("discharge_reason", "Lý do ra", "Discharge reason"),
    ("room", "Phòng", "Room"),
    ("province", "Tỉnh/thành phố", "Province"),
    ("ward", "Xã/phường", "Commune/ward"),
    ("address_detail", "Địa chỉ", "Address"),
    ("old_address", "Địa chỉ cũ", "Old address"),
    ("next_of_kin_name", "Người thân", "Next of kin"),
    ("next_of_kin_phone", "Điện thoại người thân", "Next of kin's phone"),
    # the stored codes, for a program reading the file (the columns above hold the names)
    ("sex_code", "sex_code", "sex_code"),
    ("groups_code", "groups_code", "groups_code"),
    ("discharge_reason_code", "discharge_reason_code", "discharge_reason_code"),
]
NAMED = ("sex", "discharge_reason")  # written as their names (care_core.domain.vocabulary)


def _cell(r: Resident, attr: str, lang: str = "vi") -> str:
    if attr == "groups":
        return "; ".join(vocabulary.label(g, lang) for g in r.groups)
    if attr in NAMED:
        return vocabulary.label(getattr(r, attr), lang)
    if attr == "groups_code":
        return ",".join(g.value for g in r.groups)
    if attr.endswith("_code") and attr.removesuffix("_code") in NAMED:
        value = getattr(r, attr.removesuffix("_code"))
        return "" if value is None else value.value
    if attr == "province":
        return divisions.province_name(r.province_code)
    if attr == "ward":
        return divisions.ward_name(r.ward_code)
    value = getattr(r, attr)
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return dmy(value)
    return str(value)


STAY_COLUMNS = [
    # (vi header, en header)
    ("Mã đối tượng", "Code"),
    ("Họ và tên", "Full name"),
    ("Lượt thứ", "Stay no."),
    ("Loại lưu trú", "Kind of stay"),
    ("Ngày tiếp nhận", "Admitted"),
    ("Ngày ra", "Discharged"),
    ("Lý do ra", "Discharge reason"),
    ("Số ngày lưu trú", "Days"),
    ("Số quyết định", "Decision number"),
    ("Thời hạn (tháng)", "Term (months)"),
    ("Ghi chú", "Note"),
    ("kind_code", "kind_code"),
    ("discharge_reason_code", "discharge_reason_code"),
]


def _stay_cells(r: Resident, number: int, s, today, lang: str) -> list[str]:
    return [r.code, r.full_name, str(number), vocabulary.label(s.kind, lang), dmy(s.admitted_on),
            dmy(s.discharged_on) if s.discharged_on else "", vocabulary.label(s.discharge_reason, lang),
            str(s.days(today)), s.decision_number or "", "" if s.term_months is None else str(s.term_months),
            s.note or "", s.kind.value, s.discharge_reason.value if s.discharge_reason else ""]


@dataclass
class ResidentRecord:
    """One resident's current record, as a receiving system gets it: no voided
    or superseded versions, no audit, no sync metadata."""
    facility: Facility
    resident: Resident
    checkups: list[Checkup]  # current versions, oldest first
    conditions: list[Condition]
    rehab: list[RehabSession]  # current versions
    referrals: list[Referral]
    stays: list[Stay]  # the kept ones, oldest first


def _check_destination(path: Path) -> None:
    if path.is_dir():
        raise ActionError(f"{path} là một thư mục; hãy ghi cả tên tệp, ví dụ {path / 'ho-so.json'}.",
                          f"{path} is a folder; give a file name too, e.g. {path / 'record.json'}.")
    if not path.parent.is_dir():
        raise ActionError(f"Thư mục {path.parent} không tồn tại.", f"Folder {path.parent} does not exist.")


class ExportService(Service):
    def residents_csv(self, actor: Actor, path: Path, lang: str = "vi") -> int:
        """UTF-8 with BOM so Excel opens it; one row per resident. Returns the row count."""
        self.require(actor, Permission.EXPORT)
        path = Path(path)
        if not path.parent.is_dir():
            raise ActionError(f"Thư mục {path.parent} không tồn tại.", f"Folder {path.parent} does not exist.")
        with self.store.publishing(path) as tmp:  # the file appears only if its audit row is committed
            with self.store.write(actor, "export-residents") as w:
                rows = repo.all_residents(w.conn)
                with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
                    out = csv.writer(f)
                    out.writerow(csv_row(vi if lang == "vi" else en for _, vi, en in RESIDENT_COLUMNS))
                    for r in rows:
                        out.writerow(csv_row(_cell(r, attr, lang) for attr, _, _ in RESIDENT_COLUMNS))
                    f.flush()
                    os.fsync(f.fileno())
                w.audit_only("residents", "*", {"export": "residents-csv", "rows": len(rows)})
        return len(rows)

    def stays_csv(self, actor: Actor, path: Path, lang: str = "vi") -> int:
        """One row per stay (a person who came three times has three rows),
        UTF-8 with BOM; a record with no kept stays gives its one implied
        stay. Returns the row count."""
        self.require(actor, Permission.EXPORT)
        path = Path(path)
        _check_destination(path)
        today = self.today()
        with self.store.publishing(path) as tmp:
            with self.store.write(actor, "export-stays") as w:
                facility = repo.get_facility(w.conn)
                kind = history.implied_stay_kind(facility.type if facility else None)
                kept: dict[str, list] = {}
                for s in repo.all_stays(w.conn):
                    kept.setdefault(s.resident_id, []).append(s)
                count = 0
                with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
                    out = csv.writer(f)
                    out.writerow(csv_row(vi if lang == "vi" else en for vi, en in STAY_COLUMNS))
                    for r in repo.all_residents(w.conn):
                        for number, s in enumerate(history.stays_of(r, kept.get(r.id, ()), kind), 1):
                            out.writerow(csv_row(_stay_cells(r, number, s, today, lang)))
                            count += 1
                    f.flush()
                    os.fsync(f.fileno())
                w.audit_only("stays", "*", {"export": "stays-csv", "rows": count})
        return count

    def resident_fhir(self, actor: Actor, code: str, path: Path,
                      render: Callable[[ResidentRecord], dict]) -> dict:
        """One resident's record as JSON made by ``render`` (the FHIR Bundle of
        ``reports/fhir.py``), written whole or not at all, with its audit row.
        Returns what was written."""
        self.require(actor, Permission.EXPORT_FHIR)
        path = Path(path)
        _check_destination(path)
        key = (code or "").strip().upper()
        with self.store.publishing(path) as tmp:  # the file appears only if its audit row is committed
            with self.store.write(actor, "export-fhir") as w:
                resident = repo.resident_by_code(w.conn, key) if key else None
                if resident is None:
                    raise not_found("đối tượng có mã", "resident with code", code)
                facility = repo.get_facility(w.conn)
                if facility is None:
                    raise ActionError("Kho dữ liệu chưa có thông tin cơ sở.", "The store has no facility yet.")
                record = ResidentRecord(facility, resident, repo.checkups_of(w.conn, resident.id),
                                        repo.conditions_of(w.conn, resident.id), repo.rehab_of(w.conn, resident.id),
                                        repo.referrals_of(w.conn, resident.id), repo.stays_of(w.conn, resident.id))
                document = render(record)
                with open(tmp, "w", encoding="utf-8") as f:
                    json.dump(document, f, ensure_ascii=False, indent=1)
                    f.flush()
                    os.fsync(f.fileno())
                w.audit_only("residents", resident.id, {
                    "export": "fhir", "file": path.name, "resources": len(document.get("entry", []))})
        return document

    def backup(self, actor: Actor, dest: Path) -> Path:
        """The audit row is committed once the copy is complete and before it
        is renamed into place: neither exists without the other."""
        self.require(actor, Permission.BACKUP_RESTORE)
        self.store.check_backup_dest(Path(dest))  # a refused backup leaves no audit entry

        def audit() -> None:
            with self.store.write(actor, "backup") as w:
                w.audit_only("store", "*", {"backup": Path(dest).name})
        return self.store.backup(dest, before_publish=audit)
