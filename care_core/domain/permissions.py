"""Who may do what. The services ask here; the UI hides what is refused.

The rules (also in the README):
- every role reads residents' records;
- nurses and doctors record clinical data (checkups, conditions, rehab,
  referrals) and correct it; they admit residents and edit profiles;
- doctors, directors and admins discharge residents;
- directors and admins change facility settings, run periodic reports and
  read the audit log; doctors, directors and admins print health books;
- doctors, directors and admins merge two records of one person;
- only admins manage users, back up, restore, export and enrol the PC for sync;
- doctors and admins hand one resident's record over as HL7 FHIR (a clinical
  hand-off to a hospital or another facility, not a bulk export);
- the facility-admin CLI acts as ``system`` with every permission, because
  whoever holds the passphrase can read everything anyway.
"""
from __future__ import annotations

from enum import Enum

from .enums import Role
from .messages import PermissionDenied


class Permission(str, Enum):
    READ_RECORDS = "read-records"
    EDIT_RESIDENT = "edit-resident"
    DISCHARGE_RESIDENT = "discharge-resident"
    RECORD_CLINICAL = "record-clinical"
    MANAGE_USERS = "manage-users"
    EDIT_SETTINGS = "edit-settings"
    RUN_PERIODIC_REPORT = "run-periodic-report"
    PRINT_HEALTH_BOOK = "print-health-book"
    READ_AUDIT = "read-audit"
    BACKUP_RESTORE = "backup-restore"
    EXPORT = "export"
    EXPORT_FHIR = "export-fhir"
    SYNC = "sync"
    ENROL_DEVICE = "enrol-device"
    MANAGE_ROUNDS = "manage-rounds"
    IMPORT_RESIDENTS = "import-residents"
    MERGE_RESIDENTS = "merge-residents"


_N, _D, _R, _A, _S = Role.NURSE, Role.DOCTOR, Role.DIRECTOR, Role.ADMIN, Role.SYSTEM

GRANTS: dict[Permission, frozenset[Role]] = {
    Permission.READ_RECORDS: frozenset({_N, _D, _R, _A, _S}),
    Permission.EDIT_RESIDENT: frozenset({_N, _D, _R, _A, _S}),
    Permission.DISCHARGE_RESIDENT: frozenset({_D, _R, _A, _S}),
    Permission.RECORD_CLINICAL: frozenset({_N, _D, _S}),
    Permission.MANAGE_USERS: frozenset({_A, _S}),
    Permission.EDIT_SETTINGS: frozenset({_R, _A, _S}),
    Permission.RUN_PERIODIC_REPORT: frozenset({_R, _A, _S}),
    Permission.PRINT_HEALTH_BOOK: frozenset({_D, _R, _A, _S}),
    Permission.READ_AUDIT: frozenset({_R, _A, _S}),
    Permission.BACKUP_RESTORE: frozenset({_A, _S}),
    Permission.EXPORT: frozenset({_A, _S}),
    Permission.EXPORT_FHIR: frozenset({_D, _A, _S}),
    Permission.SYNC: frozenset({_N, _D, _R, _A, _S}),
    Permission.ENROL_DEVICE: frozenset({_A, _S}),
    Permission.MANAGE_ROUNDS: frozenset({_D, _R, _A, _S}),
    Permission.IMPORT_RESIDENTS: frozenset({_R, _A, _S}),
    Permission.MERGE_RESIDENTS: frozenset({_D, _R, _A, _S}),
}

ROLE_NAMES = {
    Role.NURSE: ("Điều dưỡng", "Nurse"),
    Role.DOCTOR: ("Bác sĩ / y sĩ", "Doctor"),
    Role.DIRECTOR: ("Giám đốc", "Director"),
    Role.ADMIN: ("Quản trị hệ thống", "Administrator"),
    Role.SYSTEM: ("facility-admin", "facility-admin"),
}

_ACTION_NAMES = {
    Permission.READ_RECORDS: ("xem hồ sơ", "read records"),
    Permission.EDIT_RESIDENT: ("sửa thông tin đối tượng", "edit residents"),
    Permission.DISCHARGE_RESIDENT: ("cho đối tượng ra khỏi cơ sở", "discharge residents"),
    Permission.RECORD_CLINICAL: ("ghi chép chuyên môn (khám, bệnh, PHCN, chuyển tuyến)", "record clinical data"),
    Permission.MANAGE_USERS: ("quản lý người dùng", "manage users"),
    Permission.EDIT_SETTINGS: ("sửa cài đặt cơ sở", "change facility settings"),
    Permission.RUN_PERIODIC_REPORT: ("lập báo cáo định kỳ", "run periodic reports"),
    Permission.PRINT_HEALTH_BOOK: ("in sổ theo dõi sức khỏe", "print health books"),
    Permission.READ_AUDIT: ("xem nhật ký thao tác", "read the audit log"),
    Permission.BACKUP_RESTORE: ("sao lưu và phục hồi", "back up and restore"),
    Permission.EXPORT: ("xuất dữ liệu", "export data"),
    Permission.EXPORT_FHIR: ("xuất hồ sơ của đối tượng theo chuẩn HL7 FHIR", "export a resident's record as HL7 FHIR"),
    Permission.SYNC: ("đồng bộ", "synchronise"),
    Permission.ENROL_DEVICE: ("đăng ký máy với máy chủ tỉnh", "enrol this PC with the provincial server"),
    Permission.MANAGE_ROUNDS: ("lập và sửa đợt điều dưỡng", "set up nursing rounds"),
    Permission.IMPORT_RESIDENTS: ("nhập danh sách đối tượng từ tệp", "import a list of residents from a file"),
    Permission.MERGE_RESIDENTS: ("gộp hai hồ sơ của cùng một người", "merge two records of one person"),
}


def allowed(role: Role, permission: Permission) -> bool:
    return role in GRANTS[permission]


def require(role: Role, permission: Permission) -> None:
    if not allowed(role, permission):
        vi_role, en_role = ROLE_NAMES[role]
        vi_act, en_act = _ACTION_NAMES[permission]
        raise PermissionDenied(
            f"Vai trò “{vi_role}” không được phép {vi_act}.",
            f"The role “{en_role}” may not {en_act}.",
        )
