"""Vietnamese names by sex and era (family, middle, given; Kinh and ethnic
minorities) and the places people come from: the demo's vocabulary of people.
"""
from __future__ import annotations

import unicodedata

from .model import F, M


def nfc(items):
    return [unicodedata.normalize("NFC", x) if isinstance(x, str) else x for x in items]


# Family names with their approximate shares of the population (Nguyễn ~38 %).
FAMILY_NORTH = [
    ("Nguyễn", 38.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0), ("Hoàng", 4.2), ("Huỳnh", 0.9),
    ("Phan", 4.5), ("Vũ", 3.0), ("Võ", 0.9), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3),
    ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đinh", 0.6), ("Đào", 0.5), ("Trịnh", 0.4),
    ("Hà", 0.4), ("Lương", 0.4), ("Mai", 0.3), ("Cao", 0.3), ("Lâm", 0.3), ("Tạ", 0.2),
    ("Chu", 0.2), ("Kiều", 0.1), ("Triệu", 0.2), ("Tô", 0.2), ("Văn", 0.1),
]
# In the centre and south Huỳnh and Võ are the usual spellings of Hoàng and Vũ.
FAMILY_SOUTH = [(n, {"Hoàng": 0.9, "Huỳnh": 4.2, "Vũ": 0.9, "Võ": 3.0}.get(n, w)) for n, w in FAMILY_NORTH]

MIDDLE = {
    (M, "old"): ("Văn", 0.70, ["Hữu", "Đức", "Đình", "Công", "Xuân", "Quang", "Ngọc", "Minh", "Thanh", "Quốc", "Bá", "Trọng"]),
    (F, "old"): ("Thị", 0.85, ["Ngọc", "Thu", "Kim", "Thanh", "Xuân", "Hồng", "Bích"]),
    (M, "mid"): ("Văn", 0.40, ["Minh", "Đức", "Quốc", "Hữu", "Anh", "Hoàng", "Hải", "Thành", "Công", "Quang", "Xuân", "Ngọc"]),
    (F, "mid"): ("Thị", 0.45, ["Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng", "Bích", "Thùy", "Mai", "Khánh", "Diệu", "Kim", "Hải"]),
    (M, "young"): ("Văn", 0.15, ["Minh", "Gia", "Đức", "Bảo", "Anh", "Quốc", "Hoàng", "Đăng", "Thành", "Hữu", "Nhật", "Trung"]),
    (F, "young"): ("Thị", 0.15, ["Ngọc", "Bảo", "Minh", "Khánh", "Phương", "Thảo", "Gia", "Tuệ", "Diệu", "Hà", "Quỳnh", "Mai"]),
}
GIVEN = {
    (M, "old"): ["An", "Bình", "Chiến", "Cường", "Dũng", "Đông", "Đức", "Giang", "Hải", "Hòa", "Hùng", "Hưng",
                 "Khánh", "Lâm", "Lợi", "Long", "Mạnh", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Sơn",
                 "Tài", "Tâm", "Thắng", "Thành", "Thanh", "Thịnh", "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Vinh",
                 "Bảy", "Cừ", "Lượng", "Sáu", "Tư", "Hợi", "Dần", "Kỳ", "Khải", "Thuận", "Lộc", "Phát", "Chính", "Quý"],
    (M, "young"): ["An", "Anh", "Bảo", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải", "Hiếu", "Hoàng", "Huy", "Hùng",
                   "Khang", "Khoa", "Khôi", "Kiên", "Lâm", "Long", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân",
                   "Quang", "Sơn", "Tài", "Thắng", "Thành", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Lực", "Hưng"],
    (F, "old"): ["Bích", "Cúc", "Dung", "Đào", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hồng", "Huệ", "Hương", "Hường",
                 "Lan", "Liên", "Loan", "Lụa", "Mai", "Mận", "Nga", "Nhung", "Nụ", "Oanh", "Phượng", "Sen", "Tâm",
                 "Thảo", "Thoa", "Thu", "Thủy", "Tuyết", "Vân", "Xuân", "Yến", "Gái", "Lựu", "Mơ", "Chanh", "Tý"],
    (F, "young"): ["An", "Anh", "Ánh", "Chi", "Diệp", "Dung", "Duyên", "Giang", "Hà", "Hân", "Hằng", "Hiền", "Hoa",
                   "Hương", "Huyền", "Lan", "Linh", "Ly", "Mai", "My", "Ngân", "Ngọc", "Nhi", "Nhung", "Phương",
                   "Quyên", "Quỳnh", "Tâm", "Thảo", "Thư", "Trang", "Trâm", "Uyên", "Vân", "Vy", "Yến"],
}
# Tày, Nùng, H'Mông, Dao, Thái names of the northern mountain provinces.
MINORITY_FAMILY = [("Hoàng", 3), ("Nông", 3), ("Lường", 2), ("Vi", 2), ("Lò", 2), ("Triệu", 2), ("Giàng", 2),
                    ("Sùng", 1.5), ("Lục", 1), ("Mã", 1), ("Lầu", 1), ("Vàng", 1.5), ("Hứa", 1), ("Lộc", 1),
                    ("Hà", 1), ("Thào", 1.5), ("Mùa", 1), ("Lăng", 1)]
MINORITY_MIDDLE = {M: [("Văn", 7), ("Seo", 2), ("A", 1)], F: [("Thị", 9), ("Mí", 1)]}
MINORITY_GIVEN = {M: ["Páo", "Dìn", "Pủa", "Chứ", "Sính", "Mìn", "Tráng", "Phủ", "Sáng", "Pao", "Dế", "Chẩn",
                       "Lìn", "Sài", "Khìn", "Slằng", "Pó", "Nhè"],
                   F: ["Xuân", "Mỷ", "Dua", "Sua", "Pằng", "Dính", "Sểnh", "Mẩy", "Lan", "Dợ", "Chía", "Súa",
                       "Nhìa", "Slao", "Nhất"]}

FAMILY_NORTH = [(unicodedata.normalize("NFC", n), w) for n, w in FAMILY_NORTH]
FAMILY_SOUTH = [(unicodedata.normalize("NFC", n), w) for n, w in FAMILY_SOUTH]
MINORITY_FAMILY = [(unicodedata.normalize("NFC", n), w) for n, w in MINORITY_FAMILY]
MIDDLE = {k: (unicodedata.normalize("NFC", a), p, nfc(rest)) for k, (a, p, rest) in MIDDLE.items()}
GIVEN = {k: nfc(v) for k, v in GIVEN.items()}
MINORITY_MIDDLE = {k: [(unicodedata.normalize("NFC", n), w) for n, w in v] for k, v in MINORITY_MIDDLE.items()}
MINORITY_GIVEN = {k: nfc(v) for k, v in MINORITY_GIVEN.items()}

# Provinces (current codes) where ethnic-minority names are common.
MOUNTAIN = {4, 8, 11, 12, 14, 15, 19, 20, 25, 52, 66, 68}
# The former provinces (their CCCD/BHYT place codes) each current province
# was merged from on 1 July 2025; a province not listed kept its own code.
FORMER_PARTS = {
    8: [8, 2], 15: [10, 15], 19: [19, 6], 25: [25, 26, 17], 24: [27, 24], 33: [33, 34], 31: [31, 30],
    37: [37, 35, 36], 44: [44, 45], 48: [48, 49], 51: [51, 62], 52: [64, 52], 56: [56, 58],
    68: [68, 67, 60], 66: [66, 54], 75: [75, 70], 79: [79, 74, 77], 80: [80, 72], 92: [92, 94, 93],
    86: [86, 83, 84], 82: [82, 87], 96: [96, 95], 91: [91, 89],
}
# CCCD place codes of people born elsewhere (Hà Nội, Hải Phòng, HCMC, neighbours...).
OTHER_PLACES = [1, 2, 4, 6, 8, 10, 19, 20, 22, 24, 27, 30, 31, 34, 36, 38, 40, 42, 46, 48, 79, 75, 92]
PHONE_PREFIXES = ["091", "094", "088", "083", "098", "097", "096", "086", "035", "038", "033", "036", "039",
                   "032", "034", "037", "090", "093", "089", "077", "070", "079", "081", "085", "056", "058"]
