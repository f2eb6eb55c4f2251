"""Vietnamese for the command line: argparse's own words, then every help
text, description and placeholder of facility-admin, keyed by the English
source text. A new option needs its line here (tests/test_cli_language.py
lists any text without one)."""
from __future__ import annotations

from care_core.domain import vocabulary
from care_core.domain.enums import FacilityType, Role, StayKind
from care_core.domain.messages import facility_type_label, label
from care_core.domain.report_form import SETTINGS
from care_core.domain.permissions import ROLE_NAMES

# Texts computed per language, written "{name}" in a help text.
FIELDS = {
    "facility_types": lambda lang: ("loại hình cơ sở: " if lang == "vi" else "facility type: ") + "; ".join(
        f"{t.value} = {facility_type_label(t.value, lang)}" for t in FacilityType),
    "roles": lambda lang: ("vai trò: " if lang == "vi" else "role: ") + "; ".join(
        f"{r.value} = {ROLE_NAMES[r][0 if lang == 'vi' else 1]}" for r in (Role.NURSE, Role.DOCTOR, Role.DIRECTOR, Role.ADMIN)),
    "stay_kinds": lambda lang: ("loại lưu trú: " if lang == "vi" else "kind of stay: ") + "; ".join(
        f"{k.value} = {vocabulary.label(k, lang)}" for k in StayKind),
    "setting_keys": lambda lang: ("thiết lập: " if lang == "vi" else "setting: ") + "; ".join(
        f"{key} = {label(key, lang)}" for key in SETTINGS) + (
        " (signature: director = GIÁM ĐỐC, deputy = KT. GIÁM ĐỐC; plan_date: 20/05/2022)"),
}

ARGPARSE = {  # Python 3.11's argparse, every message a user can meet
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "show program's version number and exit": "hiện số phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "not allowed with argument %s": "không dùng cùng được với tham số %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị %r",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ: có thể là %(matches)s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (chọn một trong: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
}

PLACEHOLDERS = {  # how a value is shown in "usage" and help
    "COMMAND": "LỆNH",
    "ACTION": "THAO_TÁC",
    "WHAT": "LOẠI",
    "FILE": "TỆP",
    "FILE.pdf": "TỆP.pdf",
    "FILE.pem": "TỆP.pem",
    "FILE.json": "TỆP.json",
    "FOLDER": "THƯ_MỤC",
    "DATE": "NGÀY",
    "NAME": "TÊN",
    "TEXT": "TỪ_KHÓA",
    "URL": "ĐỊA_CHỈ",
    "CODE": "MÃ",
    "SURVIVOR_CODE": "MÃ_GIỮ_LẠI",
    "MERGED_CODE": "MÃ_GỘP_ĐI",
    "ID": "SỐ",
    "SEQ|all": "SỐ|all",
    "USERNAME": "TÊN_ĐĂNG_NHẬP",
    "NEW_USERNAME": "TÊN_ĐĂNG_NHẬP_MỚI",
    "PERIOD": "KỲ",
    "FORMAT": "ĐỊNH_DẠNG",
    "NUMBER": "SỐ",
    "FACILITY_CODE": "MÃ_CƠ_SỞ",
    "FACILITY_NAME": "TÊN_CƠ_SỞ",
    "PROVINCE": "TỈNH",
    "ADMIN_USER": "TÊN_ĐĂNG_NHẬP",
    "ADMIN_FULL_NAME": "HỌ_TÊN",
    "FULL_NAME": "HỌ_TÊN",
    "RESIDENTS": "SỐ_LƯỢNG",
    "SEED": "SỐ",
    "LIMIT": "SỐ",
    "KEY": "THIẾT_LẬP",
    "KIND": "LOẠI",
    "ROOM": "PHÒNG",
    "N": "SỐ",
    "VALUE": "GIÁ_TRỊ",
    # admit, find-person, import
    "GROUPS": "NHÓM",
    "ROOM": "PHÒNG",
    "SEX": "GIỚI_TÍNH",
}

HELP = {
    # facility-admin
    "Manage the facility's health-record store.": "Quản trị kho hồ sơ sức khỏe của cơ sở.",
    "data folder (env FACILITY_APP_DATA_DIR; default: the user data folder)":
        "thư mục dữ liệu (biến môi trường FACILITY_APP_DATA_DIR; mặc định: thư mục dữ liệu của người dùng)",
    "language of messages and help: vi (default) or en (env FACILITY_APP_LANG)":
        "ngôn ngữ của thông báo và hướng dẫn: vi (mặc định) hoặc en (biến môi trường FACILITY_APP_LANG)",
    "name recorded in the audit log instead of facility-admin":
        "tên ghi vào nhật ký kiểm tra thay cho facility-admin",
    # store
    "create the facility's encrypted store": "tạo kho dữ liệu mã hóa của cơ sở",
    "the facility's code from the province, e.g. TTBTXH-LS (capital letters, digits, hyphens; cannot be changed later)":
        "mã cơ sở do tỉnh cấp, ví dụ TTBTXH-LS (chữ in hoa không dấu, chữ số, gạch ngang; không đổi được về sau)",
    "the facility's full name, as on its decision of establishment":
        "tên đầy đủ của cơ sở, như trong quyết định thành lập",
    "{facility_types}": "{facility_types}",
    "code or name of one of the 34 current provinces, or a former province's name (e.g. Hải Dương)":
        "mã hoặc tên của một trong 34 tỉnh, thành phố hiện nay, hoặc tên tỉnh cũ (ví dụ: Hải Dương)",
    "user name of the first administrator (3–32 characters: a-z, 0-9, dot, underscore)":
        "tên đăng nhập của người quản trị đầu tiên (3–32 ký tự: a-z, 0-9, dấu chấm, gạch dưới)",
    "the administrator's full name (default: Quản trị hệ thống)":
        "họ và tên của người quản trị (mặc định: Quản trị hệ thống)",
    "instead: join a facility that already syncs (a second PC): enrol, pull its records and users":
        "thay vào đó: nối vào cơ sở đã đồng bộ (máy thứ hai): đăng ký máy, nhận hồ sơ và tài khoản của cơ sở",
    "with --join: the province's CA certificate file (PEM)": "cùng --join: tệp chứng thư CA của tỉnh (PEM)",
    "facility, counts and store location": "cơ sở, số đối tượng và nơi đặt kho dữ liệu",
    "check encryption, structure, schema level and audit chain":
        "kiểm tra mã hóa, cấu trúc, phiên bản lược đồ và chuỗi nhật ký kiểm tra",
    "write an encrypted backup (needs the passphrase to restore)":
        "ghi bản sao lưu mã hóa (cần mật khẩu kho dữ liệu để phục hồi)",
    "the backup file to write (the destination; its folder must exist)":
        "tệp sao lưu sẽ ghi ra (nơi lưu; thư mục chứa phải có sẵn)",
    "restore a backup into this data folder": "phục hồi bản sao lưu vào thư mục dữ liệu này",
    "the backup file to restore from": "tệp sao lưu cần phục hồi",
    "replace an existing store without asking": "ghi đè kho dữ liệu đang có mà không hỏi lại",
    "change the store passphrase": "đổi mật khẩu kho dữ liệu",
    # admit, find-person, import
    "admit a new resident (looks for the person first)": "tiếp nhận đối tượng mới (tìm xem người này đã có hồ sơ chưa trước)",
    "sex: M (male) or F (female)": "giới tính: M (nam) hoặc F (nữ)",
    "beneficiary groups, comma-separated codes or names, e.g. NCT,BTXH":
        "nhóm đối tượng, mã hoặc tên cách nhau bằng dấu phẩy, ví dụ NCT,BTXH",
    "day of admission, dd/mm/yyyy (default today)": "ngày tiếp nhận, ngày/tháng/năm (mặc định hôm nay)",
    "room": "phòng",
    "create a new record even if the same person seems to be on record already":
        "vẫn tạo hồ sơ mới dù người này có vẻ đã có hồ sơ",
    "look for a person on record (discharged too) by CCCD, card, name and birth":
        "tìm một người đã có hồ sơ (cả người đã ra) theo CCCD, thẻ BHYT, họ tên và ngày sinh",
    "full name (accents optional when looking)": "họ và tên (khi tìm có thể gõ không dấu)",
    "date of birth, dd/mm/yyyy": "ngày sinh, ngày/tháng/năm",
    "citizen ID (CCCD), 12 digits": "số căn cước công dân (CCCD), 12 chữ số",
    "health-insurance card number": "số thẻ bảo hiểm y tế",
    "import data (explicit action, audited)": "nhập dữ liệu (thao tác có chủ đích, ghi nhật ký kiểm tra)",
    "a list of residents from Excel (.xlsx) or CSV, with the export's columns":
        "danh sách đối tượng từ Excel (.xlsx) hoặc CSV, với các cột như tệp xuất ra",
    "the .xlsx or .csv file to read": "tệp .xlsx hoặc .csv cần đọc",
    "check the file and report; write nothing": "kiểm tra tệp và báo cáo; không ghi gì",
    "import the valid rows and leave out those with errors": "nhập các dòng đúng, bỏ qua các dòng có lỗi",
    # users
    "manage user accounts": "quản lý tài khoản người dùng",
    "add an account (password from FACILITY_APP_USER_PASSWORD or a prompt)":
        "thêm tài khoản (mật khẩu lấy từ FACILITY_APP_USER_PASSWORD hoặc nhập khi được hỏi)",
    "user name for logging in (3–32 characters: a-z, 0-9, dot, underscore)":
        "tên đăng nhập (3–32 ký tự: a-z, 0-9, dấu chấm, gạch dưới)",
    "{roles}": "{roles}",
    "the user's full name": "họ và tên của người dùng",
    "list accounts": "liệt kê tài khoản",
    "disable an account": "khóa tài khoản",
    "enable an account": "mở khóa tài khoản",
    "the account's user name": "tên đăng nhập của tài khoản",
    "the login name it takes instead": "tên đăng nhập mới thay cho tên cũ",
    "give an account another login name (e.g. after a name made on two PCs)":
        "đổi tên đăng nhập của một tài khoản (ví dụ khi cùng một tên được tạo trên hai máy)",
    "set a new password (from FACILITY_APP_USER_PASSWORD or a prompt)":
        "đặt mật khẩu mới (lấy từ FACILITY_APP_USER_PASSWORD hoặc nhập khi được hỏi)",
    # settings
    "the report form's settings (Decree 30): show or set one":
        "các thiết lập của mẫu báo cáo (Nghị định 30): xem hoặc đặt một thiết lập",
    "list every setting with its value": "liệt kê mọi thiết lập cùng giá trị",
    "set one setting (an empty VALUE clears it)": "đặt một thiết lập (GIÁ_TRỊ để trống thì xóa)",
    "{setting_keys}": "{setting_keys}",
    "the new value, in quotes when it holds spaces": "giá trị mới, đặt trong dấu ngoặc kép khi có dấu cách",
    # residents, demo, export
    "fill the store with realistic demo residents and records": "tạo dữ liệu mẫu: đối tượng và hồ sơ giống thật",
    "how many demo residents to create (1–20000; may be left out with --accounts)":
        "số đối tượng mẫu cần tạo (1–20000; có thể bỏ qua khi dùng --accounts)",
    "also add demo accounts (nurse, doctor, director) with published demo passwords":
        "thêm các tài khoản mẫu (điều dưỡng, bác sĩ, giám đốc) với mật khẩu mẫu đã công bố",
    "random seed: the same seed gives the same data (default 1)":
        "hạt giống ngẫu nhiên: cùng một số cho cùng dữ liệu (mặc định 1)",
    "export data (explicit action, audited)": "xuất dữ liệu (thao tác rõ ràng, được ghi nhật ký)",
    "one row per resident, UTF-8 CSV with BOM for Excel": "mỗi đối tượng một dòng, tệp CSV UTF-8 có BOM cho Excel",
    "the CSV file to write": "tệp CSV sẽ ghi ra",
    "one resident's record as an HL7 FHIR R4 Bundle (JSON), for a hospital or another facility":
        "hồ sơ của một đối tượng theo chuẩn HL7 FHIR R4 (tệp JSON), để chuyển cho bệnh viện hoặc cơ sở khác",
    "the JSON file to write": "tệp JSON sẽ ghi ra",
    "one row per stay (a person who came three times has three rows), UTF-8 CSV with BOM":
        "mỗi lượt lưu trú một dòng (người đến ba lần có ba dòng), tệp CSV UTF-8 có BOM",
    "re-admit a discharged resident: a new stay on the same record":
        "tiếp nhận lại một đối tượng đã ra khỏi cơ sở: thêm lượt lưu trú mới vào chính hồ sơ cũ",
    "day of re-admission (YYYY-MM-DD or DD/MM/YYYY)": "ngày tiếp nhận lại (YYYY-MM-DD hoặc DD/MM/YYYY)",
    "{stay_kinds}": "{stay_kinds}",
    "the room (default: the room the resident had)": "phòng ở (mặc định: phòng trước đây của đối tượng)",
    "the court's decision number (required for rehab_compulsory)":
        "số quyết định của Tòa án (bắt buộc với rehab_compulsory)",
    "the term in months (required for rehab_compulsory)": "thời hạn tính bằng tháng (bắt buộc với rehab_compulsory)",
    "a note on the stay": "ghi chú về lượt lưu trú",
    "find residents": "tìm đối tượng",
    "merge two records of one person: every record moves to the survivor (audited)":
        "gộp hai hồ sơ của cùng một người: mọi bản ghi chuyển sang hồ sơ giữ lại (có ghi nhật ký)",
    "the code of the record that stays, e.g. DT-00012": "mã hồ sơ được giữ lại, ví dụ DT-00012",
    "the code of the record made by mistake; it is merged away": "mã hồ sơ lập nhầm; hồ sơ này được gộp đi",
    "merge without asking (after printing the comparison)": "gộp mà không hỏi lại (sau khi in bảng so sánh)",
    "code and full name of matching residents (accents optional)":
        "mã và họ tên của các đối tượng khớp (gõ dấu hay không đều được)",
    "name, code, room or CCCD number (accents optional)": "họ tên, mã, phòng hoặc số CCCD (gõ dấu hay không đều được)",
    "at most this many results (default 50)": "số kết quả tối đa (mặc định 50)",
    # reports
    "periodic report (PDF/CSV/XLSX) and resident health books (PDF)":
        "báo cáo định kỳ (PDF/CSV/XLSX) và sổ theo dõi sức khỏe của đối tượng (PDF)",
    "the facility's periodic health report for a month, quarter, year or range":
        "báo cáo sức khỏe định kỳ của cơ sở theo tháng, quý, năm hoặc khoảng thời gian",
    "2026 (year), 2026-Q3 (quarter) or 2026-07 (month)": "2026 (năm), 2026-Q3 (quý) hoặc 2026-07 (tháng)",
    "start of a custom range (YYYY-MM-DD or DD/MM/YYYY)": "ngày đầu của khoảng thời gian (YYYY-MM-DD hoặc DD/MM/YYYY)",
    "end of a custom range (inclusive)": "ngày cuối của khoảng thời gian (tính cả ngày này)",
    "where to write the report": "nơi ghi báo cáo",
    "pdf, csv or xlsx (default: from the file's extension)": "pdf, csv hoặc xlsx (mặc định: theo đuôi tên tệp)",
    "the report's number, e.g. 12 in 'Số: 12/BC-TTBTXH' (blank: filled in by hand)":
        "số báo cáo, ví dụ 12 trong 'Số: 12/BC-TTBTXH' (để trống: điền tay)",
    "UTF-8 text: the director's remarks and proposals": "tệp văn bản UTF-8: nhận xét và kiến nghị của giám đốc",
    "the compiler's name: adds a NGƯỜI LẬP BIỂU block (none when left out)":
        "tên người lập biểu: in thêm khối NGƯỜI LẬP BIỂU (không in khi bỏ trống)",
    "one resident's health book (sổ theo dõi sức khỏe) as PDF": "sổ theo dõi sức khỏe của một đối tượng (PDF)",
    "the resident's code, e.g. DT-00012": "mã đối tượng, ví dụ DT-00012",
    "where to write the PDF": "nơi ghi tệp PDF",
    # sync
    "synchronise with the provincial server": "đồng bộ với máy chủ của tỉnh",
    "enrol this PC with a one-time code from the province": "đăng ký máy này bằng mã dùng một lần do tỉnh cấp",
    "the provincial server, e.g. https://dongbo.tinh.gov.vn": "máy chủ của tỉnh, ví dụ https://dongbo.tinh.gov.vn",
    "the one-time enrolment code": "mã đăng ký dùng một lần",
    "the province's CA certificate file (PEM), if it runs its own": "tệp chứng thư CA của tỉnh (PEM), nếu tỉnh tự cấp",
    "this PC's name as the server lists it (default: the computer name)":
        "tên của máy này trên máy chủ (mặc định: tên máy tính)",
    "send waiting changes and receive the other PCs' changes": "gửi các thay đổi đang chờ và nhận thay đổi từ các máy khác",
    "server, last sync, changes waiting, parked, conflicts":
        "máy chủ, lần đồng bộ gần nhất, thay đổi chờ gửi, bị từ chối, xung đột",
    "list conflicts, or resolve one": "liệt kê xung đột, hoặc giải quyết một xung đột",
    "also list resolved conflicts": "liệt kê cả các xung đột đã giải quyết",
    "the conflict to resolve": "xung đột cần giải quyết",
    "which value to keep": "giữ giá trị nào (mine: của máy này, theirs: của máy kia)",
    "changes the server refused, with its reasons": "các thay đổi bị máy chủ từ chối, kèm lý do",
    "mark as read (after re-entering what was needed)": "đánh dấu đã xem (sau khi đã nhập lại phần cần sửa)",
}

VI: dict[str, str] = {**ARGPARSE, **PLACEHOLDERS, **HELP}
