"""What a rule says when it is broken, in Vietnamese (default) and English.

A problem is data (field, code, parameters); its sentence is made here so
the GUI, the CLI and the provincial server say exactly the same thing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from care_core import fields

from . import dates, numbers

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"

_OWN_LABELS: dict[str, tuple[str, str]] = {
    # names a problem may use that are no column: (vi, en)
    "password": ("Mật khẩu", "Password"),
    "facility_code": ("Mã cơ sở", "Facility code"),
    "facility_name": ("Tên cơ sở", "Facility name"),
    "facility_type": ("Loại hình cơ sở", "Facility type"),
    "passphrase": ("Mật khẩu kho dữ liệu", "Store passphrase"),
    "provincial_target": ("Chỉ tiêu của tỉnh", "Provincial target"),
    "auto_lock_minutes": ("Tự khóa sau (phút)", "Auto-lock after (minutes)"),
    "setting": ("Thiết lập", "Setting"),
    "governing_body": ("Cơ quan chủ quản", "Governing body"),
    "report_recipient": ("Nơi nhận báo cáo", "Reports are sent to"),
    "report_place": ("Địa danh ghi ở ngày tháng", "Place in the date line"),
    "report_symbol": ("Ký hiệu báo cáo", "Report symbol"),
    "director_name": ("Họ tên giám đốc", "Director's name"),
    "signature": ("Thẩm quyền ký", "Signature authority"),
    "deputy_name": ("Họ tên phó giám đốc ký thay", "Deputy director who signs"),
    "plan_number": ("Số kế hoạch của tỉnh", "Province's plan number"),
    "plan_date": ("Ngày ban hành kế hoạch", "Plan's date"),
    "plan_issuer": ("Cơ quan ban hành kế hoạch", "Plan issued by"),
    "stay_kind": ("Loại lưu trú", "Kind of stay"),
}
_UNITS = {f.name: f for f in (*fields.VITALS, *fields.DERIVED,
                              *(f for table in fields.TABLES.values() for f in table)) if f.unit}
FIELD_LABELS: dict[str, tuple[str, str]] = {**fields.labels(), **_OWN_LABELS}
"""(vi, en) of every field a message may name: the field table's labels, then these."""

# code: (vi template, en template). Templates use {label} and parameters.
TEMPLATES: dict[str, tuple[str, str]] = {
    "required": ("{label}: bắt buộc nhập.", "{label}: required."),
    "range": (
        "{label}: {value} {unit} nằm ngoài khoảng cho phép {low}–{high} {unit}.",
        "{label}: {value} {unit} is outside the allowed range {low}–{high} {unit}.",
    ),
    "diastolic_not_below_systolic": (
        "{label}: {value} {unit} phải thấp hơn huyết áp tâm thu ({systolic} {unit}).",
        "{label}: {value} {unit} must be lower than the systolic pressure ({systolic} {unit}).",
    ),
    "bp_pair": (
        "{label}: nhập đủ cả huyết áp tâm thu và tâm trương.",
        "{label}: enter both systolic and diastolic pressure.",
    ),
    "future_date": (
        "{label}: {value} là ngày trong tương lai; hôm nay là {today}.",
        "{label}: {value} is in the future; today is {today}.",
    ),
    "before_birth": (
        "{label}: {value} trước ngày sinh ({birth_date}).",
        "{label}: {value} is before the date of birth ({birth_date}).",
    ),
    "discharge_before_admission": (
        "{label}: {value} phải sau hoặc bằng ngày tiếp nhận ({admission_date}).",
        "{label}: {value} must be on or after the admission date ({admission_date}).",
    ),
    "outside_stay": (
        "{label}: {value} nằm ngoài thời gian ở cơ sở ({admission_date} – {end}).",
        "{label}: {value} is outside the resident's stay ({admission_date} – {end}).",
    ),
    "status_before_last": (
        "{label}: {value} trước lần đổi tình trạng gần nhất ({last}); tình trạng mới chỉ có thể bắt đầu từ ngày đó trở đi.",
        "{label}: {value} is before the latest status change ({last}); a new status can only begin on or after it.",
    ),
    "not_after": (
        "{label}: {value} phải sau {other_label} ({other}).",
        "{label}: {value} must be after {other_label} ({other}).",
    ),
    "cccd_format": (
        "{label}: phải gồm đúng 12 chữ số (đã nhập {length} ký tự).",
        "{label}: must be exactly 12 digits ({length} characters entered).",
    ),
    "cccd_mismatch": (
        "{label}: chữ số thứ 4–6 ({digits}) không khớp giới tính và năm sinh ({expected}).",
        "{label}: digits 4–6 ({digits}) do not match the sex and year of birth ({expected}).",
    ),
    "bhyt_format": (
        "{label}: phải có 15 ký tự (2 chữ cái, mức hưởng 1–5, 2 số mã tỉnh, 10 số mã BHXH, ví dụ CC1010123456789) hoặc 10 chữ số mã BHXH.",
        "{label}: must be 15 characters (2 letters, benefit level 1–5, 2-digit province, 10-digit social-insurance number, e.g. CC1010123456789) or the 10-digit social-insurance number.",
    ),
    "choice": (
        "{label}: giá trị “{value}” không hợp lệ; chọn một trong: {choices}.",
        "{label}: “{value}” is not valid; choose one of: {choices}.",
    ),
    "groups_empty": (
        "{label}: chọn ít nhất một nhóm đối tượng.",
        "{label}: choose at least one beneficiary group.",
    ),
    "disability_needs_group": (
        "{label}: chỉ ghi khi đối tượng thuộc nhóm người khuyết tật (NKT).",
        "{label}: only for residents in the disability group (NKT).",
    ),
    "discharge_incomplete": (
        "{label}: nhập cả ngày và lý do ra khỏi cơ sở.",
        "{label}: enter both the discharge date and its reason.",
    ),
    "name_format": (
        "{label}: nhập họ và tên đầy đủ (ít nhất 2 từ, chỉ chữ cái; được dùng dấu nháy ' và gạch nối - trong tên như H'Hen, Thu-Hà).",
        "{label}: enter the full name (at least 2 words, letters only; an apostrophe ' or hyphen - may join letters, as in H'Hen, Thu-Hà).",
    ),
    "person_name_format": (
        "{label}: chỉ chữ cái (được dùng dấu nháy ' và gạch nối - trong tên như H'Hen, Thu-Hà), không có chữ số.",
        "{label}: letters only (an apostrophe ' or hyphen - may join letters, as in H'Hen, Thu-Hà), no digits.",
    ),
    "date_format": (
        "{label}: “{value}” không phải ngày; nhập dạng 20/05/2022 hoặc 2022-05-20.",
        "{label}: “{value}” is not a date; write 20/05/2022 or 2022-05-20.",
    ),
    "symbol_format": (
        "{label}: “{value}” không đúng dạng; viết BC- và chữ viết tắt tên cơ sở, chữ in hoa không dấu, ví dụ BC-TTBTXH.",
        "{label}: “{value}” is not valid; write BC- and the facility's abbreviation in capitals, e.g. BC-TTBTXH.",
    ),
    "plan_number_format": (
        "{label}: “{value}” không đúng dạng; viết số/ký hiệu, ví dụ 125/KH-UBND.",
        "{label}: “{value}” is not valid; write number/symbol, e.g. 125/KH-UBND.",
    ),
    "too_long": (
        "{label}: tối đa {max} ký tự.",
        "{label}: at most {max} characters.",
    ),
    "icd10_unknown": (
        "{label}: không tìm thấy mã “{value}” trong danh mục ICD-10.",
        "{label}: “{value}” is not in the ICD-10 list.",
    ),
    "phone_format": (
        "{label}: số điện thoại gồm 10 chữ số, bắt đầu bằng 0.",
        "{label}: a phone number has 10 digits and starts with 0.",
    ),
    "ward_not_in_province": (
        "{label}: xã/phường này không thuộc tỉnh/thành phố đã chọn.",
        "{label}: this commune/ward is not in the chosen province.",
    ),
    "unknown_division": (
        "{label}: mã đơn vị hành chính “{value}” không tồn tại.",
        "{label}: administrative code “{value}” does not exist.",
    ),
    "username_format": (
        "{label}: 3–32 ký tự, chỉ chữ thường không dấu, số, dấu chấm, gạch dưới.",
        "{label}: 3–32 characters: lower-case letters, digits, dot, underscore.",
    ),
    "password_weak": (
        "{label}: cần ít nhất {min} ký tự.",
        "{label}: needs at least {min} characters.",
    ),
    "code_format": (
        "{label}: 2–20 ký tự, chữ in hoa không dấu, số và dấu gạch ngang.",
        "{label}: 2–20 characters: capital letters, digits and hyphens.",
    ),
    "referral_closed": (
        "{label}: lượt chuyển tuyến này đã kết thúc.",
        "{label}: this referral is already closed.",
    ),
    "resident_discharged": (
        "{label}: đối tượng đã ra khỏi cơ sở ngày {discharge_date}.",
        "{label}: the resident was discharged on {discharge_date}.",
    ),
    "already_superseded": (
        "{label}: bản ghi này đã được sửa hoặc hủy; hãy sửa bản mới nhất.",
        "{label}: this record was already corrected or voided; correct the latest version.",
    ),
    "duplicate": (
        "{label}: “{value}” đã được dùng cho người khác.",
        "{label}: “{value}” is already used by someone else.",
    ),
    "isolation_needs_screening": (
        "{label}: chỉ cách ly khi kết quả sàng lọc là nghi ngờ hoặc dương tính.",
        "{label}: isolation is only for a suspected or positive screening.",
    ),
    "compulsory_needs_decision": (
        "{label}: bắt buộc nhập đối với lượt cai nghiện bắt buộc (theo quyết định của Tòa án).",
        "{label}: required for a compulsory rehabilitation stay (by court decision).",
    ),
    "stay_overlap": (
        "{label}: {value} trùng với một lượt lưu trú khác của người này ({start} – {end}).",
        "{label}: {value} overlaps another stay of this person ({start} – {end}).",
    ),
    "stay_open": (
        "{label}: người này đang ở cơ sở (tiếp nhận ngày {admitted_on}); hãy làm thủ tục ra khỏi cơ sở trước khi tiếp nhận lại.",
        "{label}: this person is still in the facility (admitted on {admitted_on}); discharge them before re-admitting.",
    ),
    "unknown_province": (
        "{label}: không có tỉnh/thành phố “{value}”; nhập tên hoặc mã của một trong 34 tỉnh, thành phố hiện nay "
        "(ví dụ: Hải Phòng hoặc 31), hoặc tên tỉnh cũ trước ngày 01/07/2025 (ví dụ: Hải Dương).",
        "{label}: there is no province “{value}”; give the name or code of one of the 34 current provinces "
        "(e.g. Hải Phòng or 31), or a former province's name from before 1 July 2025 (e.g. Hải Dương).",
    ),
}

# Facility types as the law names them (the GUI's ShellNames say the same).
FACILITY_TYPES: dict[str, tuple[str, str]] = {
    "merit-care": ("Cơ sở nuôi dưỡng, điều dưỡng người có công", "Care centre for people with meritorious service"),
    "social-assistance": ("Cơ sở trợ giúp xã hội", "Social-assistance centre"),
    "drug-rehab": ("Cơ sở cai nghiện ma túy", "Drug-rehabilitation centre"),
}


def facility_type_label(value: str, lang: str = DEFAULT_LANGUAGE) -> str:
    vi, en = FACILITY_TYPES.get(str(value), (str(value), str(value)))
    return vi if lang == "vi" else en


# Sentences that are not problems: notes the CLI and the GUI show alike.
NOTES: dict[str, tuple[str, str]] = {
    "province_merged": (
        "{former} nay thuộc {current} (Nghị quyết 202/2025/QH15, từ ngày 01/07/2025).",
        "{former} is now part of {current} (Resolution 202/2025/QH15, since 1 July 2025).",
    ),
}


def text(key: str, lang: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    vi, en = NOTES[key]
    return (vi if lang == "vi" else en).format(**values)


def label(field_name: str, lang: str = DEFAULT_LANGUAGE) -> str:
    pair = FIELD_LABELS.get(field_name)
    if pair is None:
        return field_name
    return pair[0] if lang == "vi" else pair[1]


@dataclass(frozen=True)
class Problem:
    """One broken rule: which field, which rule, with what values."""

    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        vi, en = TEMPLATES[self.code]
        template = vi if lang == "vi" else en
        values = {k: _show(v, lang) for k, v in self.params.items()}
        if values.get("unit") and self.field in _UNITS:  # the unit as this language writes it
            values["unit"] = _UNITS[self.field].unit_text(lang)
            if values["unit"].startswith("/"):  # 130/min, not 130 /min
                template = template.replace(" {unit}", "{unit}")
        if "other_field" in self.params:
            values["other_label"] = label(self.params["other_field"], lang)
        return template.format(label=label(self.field, lang), **values)


def _show(value: Any, lang: str) -> str:
    if hasattr(value, "isoformat") and hasattr(value, "day"):
        return dates.dmy(value)
    if isinstance(value, float):
        return numbers.fmt(value, lang, decimals=2)
    return str(value)


class DomainError(Exception):
    """An error a person can act on; ``message(lang)`` says what to do."""

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:  # pragma: no cover - overridden
        return str(self)


class ValidationError(DomainError):
    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.message("en"))

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return " ".join(p.message(lang) for p in self.problems)

    def fields(self) -> set[str]:
        return {p.field for p in self.problems}


class ActionError(DomainError):
    """A refused action (permission, lockout, missing record...), bilingual."""

    def __init__(self, vi: str, en: str):
        self.vi, self.en = vi, en
        super().__init__(en)

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.vi if lang == "vi" else self.en


class PermissionDenied(ActionError):
    pass


class NotFound(ActionError):
    pass


STORE_TEXTS: dict[str, tuple[str, str]] = {
    # code: (vi, en); what happened to the store or a file, and what to do
    "store_busy": ("Kho dữ liệu đang được đổi mật khẩu hoặc phục hồi từ bản sao lưu; "
                   "hãy đợi việc đó xong rồi mở lại.",
                   "The records are being rekeyed or restored from a backup; "
                   "wait until that is finished, then open them again."),
    "store_in_use": ("Chương trình (hoặc một lệnh khác) đang mở kho dữ liệu trên máy này: hãy đóng nó trước "
                     "rồi chạy lại. Không có gì bị thay đổi.",
                     "The app (or another command) has the store open on this PC: close it first, "
                     "then run this again. Nothing was changed."),
    "store_damaged": ("Tệp kho dữ liệu {path} bị hỏng ({detail}); mật khẩu đúng. Hãy chạy “facility-admin verify” "
                      "để xem chi tiết, rồi phục hồi từ bản sao lưu gần nhất.",
                      "The store file {path} is damaged ({detail}); the passphrase is right. Run "
                      "“facility-admin verify” for details, then restore the latest backup."),
    "backup_damaged": ("Tệp sao lưu {path} bị hỏng ({detail}); hãy dùng một bản sao lưu khác.",
                       "The backup file {path} is damaged ({detail}); use another backup."),
    "empty_file": ("Tệp {path} rỗng (0 byte): đây không phải kho dữ liệu hay bản sao lưu. "
                   "Hãy phục hồi từ bản sao lưu gần nhất.",
                   "The file {path} is empty (0 bytes): it is not a store or a backup. Restore the latest backup."),
    "disk_full": ("Ổ đĩa đã đầy: hãy giải phóng dung lượng (xóa tệp không cần, dọn thùng rác) rồi thử lại. "
                  "Những gì đã lưu trước đó vẫn còn nguyên.",
                  "The disk is full: free some space (delete files you do not need, empty the recycle bin) and "
                  "try again. What was saved before is intact."),
    "db_locked": ("Một chương trình khác đang ghi vào kho dữ liệu quá lâu: hãy đóng nó (hoặc đợi nó xong) rồi thử lại.",
                  "Another program has been writing to the store for too long: close it (or let it finish) "
                  "and try again."),
    "read_only": ("Không ghi được vào {path} (thư mục chỉ đọc hoặc không có quyền): hãy chọn thư mục khác.",
                  "Cannot write to {path} (read-only folder or no permission): choose another folder."),
    "no_permission": ("Không có quyền đọc hoặc ghi {path}: hãy hỏi cán bộ CNTT cấp quyền cho tài khoản này.",
                      "No permission to read or write {path}: ask the IT officer to give this account access."),
    "io_error": ("Lỗi đọc/ghi ổ đĩa ở {path} ({detail}): hãy kiểm tra ổ đĩa (cáp, USB) rồi thử lại.",
                 "A disk read/write error at {path} ({detail}): check the drive (cable, USB stick) and try again."),
    "file_too_large": ("Tệp {path} quá lớn (hơn {limit}); không đọc.",
                       "The file {path} is too large (over {limit}); not read."),
    "not_a_file": ("{path} không phải là một tệp thường; không đọc.",
                   "{path} is not a regular file; not read."),
}


def store_text(code: str, **params: Any) -> tuple[str, str]:
    """(vi, en) for a store or file problem."""
    vi, en = STORE_TEXTS[code]
    return vi.format(**params), en.format(**params)


# Merging two records of one person (care_core.domain.merging): why a merge is refused.
MERGE_TEXTS: dict[str, tuple[str, str]] = {
    "same": ("Không thể gộp một hồ sơ với chính nó; hãy chọn hồ sơ kia.",
             "A record cannot be merged with itself; choose the other record."),
    "gone": ("Hồ sơ {code} đã bị xóa hoặc đã được gộp vào hồ sơ khác; không gộp được nữa.",
             "Record {code} was deleted or already merged into another; it cannot be merged."),
    "both_present": ("Cả hai hồ sơ đang có lượt lưu trú (chưa ra khỏi cơ sở): một người không thể ở hai nơi. "
                     "Hãy cho hồ sơ lập nhầm ra khỏi cơ sở trước (bác sĩ), rồi gộp.",
                     "Both records have an open stay (neither is discharged): one person cannot be in two places. "
                     "Discharge the record made by mistake first (a doctor), then merge."),
    "chain": ("Chuỗi gộp hồ sơ quá dài (hơn {n} lần) hoặc vòng lặp; hãy báo cán bộ CNTT.",
              "The chain of merged records is too long (over {n}) or loops; tell the IT officer."),
}

# What each record table holds, as the merge's comparison names it (a table not here shows its own name).
MERGE_RECORD_KINDS: dict[str, tuple[str, str]] = {
    "checkups": ("Lần khám", "Checkups"),
    "conditions": ("Bệnh", "Conditions"),
    "condition_status_changes": ("Lần đổi tình trạng bệnh", "Condition status changes"),
    "rehab_sessions": ("Buổi tập PHCN", "Rehabilitation sessions"),
    "referrals": ("Lần chuyển tuyến", "Referrals"),
    "bhyt_cards": ("Thẻ BHYT", "Insurance cards"),
    "room_changes": ("Lần chuyển phòng", "Room moves"),
    "stays": ("Lượt lưu trú", "Stays"),
}
