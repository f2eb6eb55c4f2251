"""Realistic, deterministic demo data, written through the services.

``facility-admin demo --residents N [--seed S]`` fills an initialised store
with a population that fits the facility's type:

- social assistance: mostly elderly people (many 80+), some children,
  adults with disabilities (type and severity) and with mental illness;
- merit care: veterans and war invalids, mostly old, some of their children
  disabled by dioxin;
- drug rehabilitation: adults 18-50, mostly men, methamphetamine or opioid
  dependence, with HIV, tuberculosis and hepatitis more common.

Each resident gets an identity (Vietnamese name, CCCD, BHYT card), a stay
(admission over the last years; some discharged or deceased), chronic
conditions at plausible prevalence, checkups over the whole stay with
correlated vital signs, rehabilitation courses with rising Barthel scores
and referrals to hospitals. A few records are made so the due and abnormal
lists have something to show: overdue checkups, BHYT cards expired or
expiring, abnormal vital signs in the last week, referrals still open.

Nothing is written with SQL: every record goes through the same service
call a nurse's form uses, so it is validated, audited and change-logged like
real data. The whole run is one transaction (``Store.batch``).

Determinism: the only source of randomness is ``random.Random(seed)``, and
the only clock is ``today``. The same seed and the same ``today`` on the
same starting store give the same content (names, dates, vital signs...);
only the record ids (uuid7, time-based) differ.

``today`` must be the date the services validate against: build the
services with the same day (``Services(store, today=lambda: day)``) or leave
``today`` out, and the services' own ``today()`` is used.

Demo accounts (``facility-admin demo --accounts``): a nurse, a doctor and a
director with published demo passwords, so a demo can show the main task
(an admin may not record checkups). They are made through the user service
like any account (argon2 hash, audited); the passwords are demo-only and
known to everyone, so a real facility never runs this.
"""
from __future__ import annotations

import math
import random
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date, timedelta

from care_core.domain import divisions, icd10, rules
from care_core.domain.entities import Actor, Checkup, Condition, Facility, Referral, RehabSession, Resident, VitalSigns
from care_core.domain.enums import (
    BeneficiaryGroup,
    CheckupKind,
    ConditionStatus,
    DischargeReason,
    DisabilitySeverity,
    DisabilityType,
    FacilityType,
    HealthClass,
    ReferralOutcome,
    RehabType,
    ScreeningResult,
    Role,
    Sex,
)
from care_core.domain.messages import ActionError

__all__ = ["DEMO_ACCOUNTS", "DemoAccount", "DemoSummary", "add_demo_accounts", "generate"]

G = BeneficiaryGroup
M, F = Sex.MALE, Sex.FEMALE


@dataclass
class DemoSummary:
    """What was made. ``discharged`` counts residents who left alive
    (returned home or transferred); ``deceased`` those who died."""

    residents: int = 0
    discharged: int = 0
    deceased: int = 0
    checkups: int = 0
    conditions: int = 0
    rehab_sessions: int = 0
    referrals: int = 0
    open_referrals: int = 0
    overdue_checkups: int = 0  # present residents whose next checkup is past due
    abnormal_recent: int = 0  # checkups with abnormal vital signs in the last 7 days
    bhyt_expiring: int = 0  # present residents whose card expired or expires within 30 days
    without_bhyt: int = 0

    def __str__(self) -> str:
        return ", ".join(f"{f.name}={getattr(self, f.name)}" for f in fields(self))


# --- names ------------------------------------------------------------------

def _nfc(items):
    return [unicodedata.normalize("NFC", x) if isinstance(x, str) else x for x in items]


# Family names with their approximate shares of the population (Nguyễn ~38 %).
_FAMILY_NORTH = [
    ("Nguyễn", 38.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0), ("Hoàng", 4.2), ("Huỳnh", 0.9),
    ("Phan", 4.5), ("Vũ", 3.0), ("Võ", 0.9), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3),
    ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đinh", 0.6), ("Đào", 0.5), ("Trịnh", 0.4),
    ("Hà", 0.4), ("Lương", 0.4), ("Mai", 0.3), ("Cao", 0.3), ("Lâm", 0.3), ("Tạ", 0.2),
    ("Chu", 0.2), ("Kiều", 0.1), ("Triệu", 0.2), ("Tô", 0.2), ("Văn", 0.1),
]
# In the centre and south Huỳnh and Võ are the usual spellings of Hoàng and Vũ.
_FAMILY_SOUTH = [(n, {"Hoàng": 0.9, "Huỳnh": 4.2, "Vũ": 0.9, "Võ": 3.0}.get(n, w)) for n, w in _FAMILY_NORTH]

_MIDDLE = {
    (M, "old"): ("Văn", 0.70, ["Hữu", "Đức", "Đình", "Công", "Xuân", "Quang", "Ngọc", "Minh", "Thanh", "Quốc", "Bá", "Trọng"]),
    (F, "old"): ("Thị", 0.85, ["Ngọc", "Thu", "Kim", "Thanh", "Xuân", "Hồng", "Bích"]),
    (M, "mid"): ("Văn", 0.40, ["Minh", "Đức", "Quốc", "Hữu", "Anh", "Hoàng", "Hải", "Thành", "Công", "Quang", "Xuân", "Ngọc"]),
    (F, "mid"): ("Thị", 0.45, ["Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng", "Bích", "Thùy", "Mai", "Khánh", "Diệu", "Kim", "Hải"]),
    (M, "young"): ("Văn", 0.15, ["Minh", "Gia", "Đức", "Bảo", "Anh", "Quốc", "Hoàng", "Đăng", "Thành", "Hữu", "Nhật", "Trung"]),
    (F, "young"): ("Thị", 0.15, ["Ngọc", "Bảo", "Minh", "Khánh", "Phương", "Thảo", "Gia", "Tuệ", "Diệu", "Hà", "Quỳnh", "Mai"]),
}
_GIVEN = {
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
_MINORITY_FAMILY = [("Hoàng", 3), ("Nông", 3), ("Lường", 2), ("Vi", 2), ("Lò", 2), ("Triệu", 2), ("Giàng", 2),
                    ("Sùng", 1.5), ("Lục", 1), ("Mã", 1), ("Lầu", 1), ("Vàng", 1.5), ("Hứa", 1), ("Lộc", 1),
                    ("Hà", 1), ("Thào", 1.5), ("Mùa", 1), ("Lăng", 1)]
_MINORITY_MIDDLE = {M: [("Văn", 7), ("Seo", 2), ("A", 1)], F: [("Thị", 9), ("Mí", 1)]}
_MINORITY_GIVEN = {M: ["Páo", "Dìn", "Pủa", "Chứ", "Sính", "Mìn", "Tráng", "Phủ", "Sáng", "Pao", "Dế", "Chẩn",
                       "Lìn", "Sài", "Khìn", "Slằng", "Pó", "Nhè"],
                   F: ["Xuân", "Mỷ", "Dua", "Sua", "Pằng", "Dính", "Sểnh", "Mẩy", "Lan", "Dợ", "Chía", "Súa",
                       "Nhìa", "Slao", "Nhất"]}

_FAMILY_NORTH = [(unicodedata.normalize("NFC", n), w) for n, w in _FAMILY_NORTH]
_FAMILY_SOUTH = [(unicodedata.normalize("NFC", n), w) for n, w in _FAMILY_SOUTH]
_MINORITY_FAMILY = [(unicodedata.normalize("NFC", n), w) for n, w in _MINORITY_FAMILY]
_MIDDLE = {k: (unicodedata.normalize("NFC", a), p, _nfc(rest)) for k, (a, p, rest) in _MIDDLE.items()}
_GIVEN = {k: _nfc(v) for k, v in _GIVEN.items()}
_MINORITY_MIDDLE = {k: [(unicodedata.normalize("NFC", n), w) for n, w in v] for k, v in _MINORITY_MIDDLE.items()}
_MINORITY_GIVEN = {k: _nfc(v) for k, v in _MINORITY_GIVEN.items()}

# Provinces (current codes) where ethnic-minority names are common.
_MOUNTAIN = {4, 8, 11, 12, 14, 15, 19, 20, 25, 52, 66, 68}
# The former provinces (their CCCD/BHYT place codes) each current province
# was merged from on 1 July 2025; a province not listed kept its own code.
_FORMER_PARTS = {
    8: [8, 2], 15: [10, 15], 19: [19, 6], 25: [25, 26, 17], 24: [27, 24], 33: [33, 34], 31: [31, 30],
    37: [37, 35, 36], 44: [44, 45], 48: [48, 49], 51: [51, 62], 52: [64, 52], 56: [56, 58],
    68: [68, 67, 60], 66: [66, 54], 75: [75, 70], 79: [79, 74, 77], 80: [80, 72], 92: [92, 94, 93],
    86: [86, 83, 84], 82: [82, 87], 96: [96, 95], 91: [91, 89],
}
# CCCD place codes of people born elsewhere (Hà Nội, Hải Phòng, HCMC, neighbours...).
_OTHER_PLACES = [1, 2, 4, 6, 8, 10, 19, 20, 22, 24, 27, 30, 31, 34, 36, 38, 40, 42, 46, 48, 79, 75, 92]
_PHONE_PREFIXES = ["091", "094", "088", "083", "098", "097", "096", "086", "035", "038", "033", "036", "039",
                   "032", "034", "037", "090", "093", "089", "077", "070", "079", "081", "085", "056", "058"]

# --- clinical vocabulary ------------------------------------------------------

_SHORT = {
    "I10": "tăng huyết áp", "E11": "đái tháo đường típ 2", "E11.9": "đái tháo đường típ 2",
    "J44": "bệnh phổi tắc nghẽn mạn tính", "J44.9": "bệnh phổi tắc nghẽn mạn tính",
    "M17": "thoái hóa khớp gối", "M19": "thoái hóa khớp", "F20": "tâm thần phân liệt",
    "F03": "sa sút trí tuệ", "F01": "sa sút trí tuệ mạch máu", "G30": "bệnh Alzheimer", "G40": "động kinh",
    "I69": "di chứng tai biến mạch máu não", "B18.1": "viêm gan B mạn", "B18.2": "viêm gan C mạn",
    "A15": "lao phổi", "B20": "HIV", "E78": "rối loạn lipid máu", "N18": "bệnh thận mạn",
    "H25": "đục thủy tinh thể", "F11": "nghiện chất dạng thuốc phiện", "F15": "nghiện ma túy tổng hợp",
    "G20": "bệnh Parkinson", "M81": "loãng xương", "K29": "viêm dạ dày", "G80": "bại não",
    "F79": "chậm phát triển trí tuệ", "Q90": "hội chứng Down", "F84": "rối loạn phổ tự kỷ",
    "H54": "suy giảm thị lực", "H90": "nghe kém", "J45": "hen phế quản", "F10": "rối loạn do rượu",
}
# Conditions followed every ~3 months (checkups and follow-up).
_CHRONIC = {"I10", "E11", "E11.9", "J44", "J44.9", "F20", "G40", "I69", "F03", "F01", "G30", "B20", "A15",
            "N18", "G20", "B18.1", "B18.2", "J45", "F11", "F15"}
_SERIOUS = {"I69", "F03", "F01", "G30", "J44", "J44.9", "N18", "G20", "B20", "A15", "G80"}
_FOLLOW_UP = {"I10": 30, "E11": 30, "E11.9": 30, "J44": 90, "J44.9": 90, "F20": 30, "G40": 90, "I69": 90,
              "F03": 90, "F01": 90, "G30": 90, "B20": 30, "A15": 30, "N18": 90, "G20": 90, "B18.1": 180,
              "B18.2": 180, "E78": 180, "M17": 180, "M19": 180, "H25": 365, "M81": 180, "K29": 180,
              "F11": 30, "F15": 30, "G80": 180, "F79": 365, "Q90": 365, "F84": 180, "H54": 365,
              "H90": 365, "J45": 90, "F10": 90}
_NOTES = {
    "I10": ["Amlodipin 5mg x 1 viên/ngày", "Amlodipin 5mg sáng, Losartan 50mg tối", "Nifedipin 20mg x 2 lần/ngày",
            "Theo dõi huyết áp hằng ngày, ăn nhạt"],
    "E11": ["Metformin 500mg x 2 viên/ngày", "Metformin 850mg, Gliclazid 30mg", "Chế độ ăn giảm đường, theo dõi đường huyết"],
    "E11.9": ["Metformin 500mg x 2 viên/ngày", "Theo dõi đường huyết mao mạch hằng tuần"],
    "J44": ["Xịt Seretide 2 nhát x 2 lần/ngày", "Khí dung Ventolin khi khó thở"],
    "J44.9": ["Xịt Seretide 2 nhát x 2 lần/ngày"],
    "F20": ["Olanzapin 10mg/ngày, cấp phát hằng tháng", "Haloperidol 5mg, Risperidon 2mg", "Risperidon 2mg x 2 lần/ngày"],
    "G40": ["Depakine 200mg x 2 lần/ngày", "Phenobarbital 100mg tối"],
    "I69": ["Liệt nửa người phải sau nhồi máu não", "Liệt nửa người trái, nói khó", "Yếu nửa người, đi lại có hỗ trợ"],
    "F03": ["Cần hỗ trợ sinh hoạt hằng ngày", "Hay quên, đi lang thang, cần giám sát"],
    "F01": ["Sau tai biến, giảm trí nhớ"], "G30": ["Donepezil 5mg tối"],
    "B20": ["Điều trị ARV (TDF/3TC/DTG) tại phòng khám ngoại trú", "Điều trị ARV, tải lượng virus dưới ngưỡng phát hiện"],
    "A15": ["Điều trị lao theo phác đồ 2RHZE/4RHE"],
    "B18.1": ["Theo dõi men gan 6 tháng/lần", "Điều trị Tenofovir 300mg/ngày"],
    "B18.2": ["Chờ điều trị thuốc kháng virus trực tiếp"],
    "F11": ["Cắt cơn, điều trị hỗ trợ", "Đã điều trị Methadone trước khi vào cơ sở"],
    "F15": ["Rối loạn tâm thần do sử dụng methamphetamine", "Cắt cơn, ổn định tâm lý"],
    "M17": ["Thoái hóa khớp gối hai bên", "Glucosamin, chườm ấm"], "M19": ["Đau khớp khi trời lạnh"],
    "H25": ["Mắt phải đục nhiều", "Đã mổ mắt trái"], "E78": ["Atorvastatin 10mg tối"],
    "N18": ["Suy thận mạn giai đoạn 3"], "G20": ["Madopar 250mg x 3 lần/ngày"], "M81": ["Canxi, vitamin D"],
    "K29": ["Omeprazol 20mg khi đau"], "G80": ["Bại não thể co cứng"], "Q90": [""], "F79": [""],
    "F84": ["Can thiệp hành vi"], "H54": ["Mù hai mắt"], "H90": ["Điếc bẩm sinh"], "J45": ["Xịt Ventolin khi lên cơn"],
    "F10": ["Cai rượu"],
}
_ADHOC = [
    "Ho, sốt nhẹ, họng đỏ. Viêm họng cấp, điều trị tại cơ sở.",
    "Đau bụng, đi ngoài phân lỏng 3 lần. Bù nước, theo dõi.",
    "Ngã trong nhà tắm, xây xát khuỷu tay. Sát khuẩn, băng vết thương.",
    "Chóng mặt, mệt mỏi. Nghỉ ngơi, theo dõi huyết áp.",
    "Ngứa, nổi mẩn da. Thuốc bôi ngoài da, theo dõi.",
    "Mất ngủ, lo âu. Tư vấn, theo dõi.",
    "Đau khớp tăng khi trời lạnh. Chườm ấm, giảm đau.",
    "Ho khan kéo dài, nghe phổi có ran rít. Khí dung, theo dõi.",
    "Đau răng, sưng lợi. Súc miệng nước muối, giảm đau.",
    "Đau đầu, sổ mũi. Cảm cúm, điều trị triệu chứng.",
]
_NORMAL = [
    "Sức khỏe ổn định, không phát hiện bất thường.",
    "Tỉnh, tiếp xúc tốt. Tim phổi bình thường.",
    "Ăn ngủ được, sinh hoạt bình thường.",
    "Da niêm mạc hồng, không phù. Tim đều, phổi không ran.",
]
_ABNORMAL = {
    "bp": "Đau đầu, chóng mặt. Huyết áp cao, cho thuốc hạ áp, theo dõi sát.",
    "spo2": "Ho, sốt, khó thở. Nghe phổi có ran nổ, nghi viêm phổi; thở oxy, theo dõi.",
    "fever": "Sốt cao, rét run. Hạ sốt, bù nước, theo dõi sát.",
    "glucose": "Mệt, khát nhiều, đường huyết cao. Điều chỉnh thuốc, theo dõi đường huyết.",
}


@dataclass
class _Cond:
    code: str
    onset: date | None = None
    status: ConditionStatus = ConditionStatus.ACTIVE


@dataclass
class _Person:
    kind: str  # elderly, child, disability, mental, veteran, veteran-child, drug
    sex: Sex
    birth: date
    groups: list[BeneficiaryGroup]
    dis_type: DisabilityType | None = None
    dis_sev: DisabilitySeverity | None = None
    codes: list[str] = field(default_factory=list)
    adm: date | None = None
    discharge: date | None = None
    reason: DischargeReason | None = None
    # quotas
    bhyt: str = "valid"  # valid, expiring, expired, none
    overdue: bool = False
    abnormal: bool = False
    open_referral: bool = False
    hospital_death: bool = False
    # filled while planning
    conds: list[_Cond] = field(default_factory=list)
    height: float = 0.0
    bmi: float = 0.0
    sys_base: float = 0.0
    child_factor: float = 1.0
    health: int = 2

    def has(self, code_prefix: str, on: date) -> bool:
        return any(c.code.startswith(code_prefix) and (c.onset is None or c.onset <= on)
                   and c.status != ConditionStatus.RESOLVED for c in self.conds)


def _age(birth: date, on: date) -> int:
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


# Children's height (cm) and weight (kg) by age, Vietnamese-boys-like medians.
_GROWTH = [(0, 50, 3.2), (0.5, 66, 7.5), (1, 75, 9.5), (2, 86, 12), (3, 94, 14), (4, 101, 15.8), (5, 108, 17.8),
           (6, 114, 20), (7, 120, 22.5), (8, 126, 25), (9, 131, 28), (10, 136, 31), (11, 141, 34.5),
           (12, 147, 38.5), (13, 153, 43), (14, 158, 47.5), (15, 162, 51), (16, 164, 53), (18, 165, 55)]


def _growth(age: float) -> tuple[float, float]:
    for (a0, h0, w0), (a1, h1, w1) in zip(_GROWTH, _GROWTH[1:]):
        if a0 <= age <= a1:
            t = (age - a0) / (a1 - a0)
            return h0 + t * (h1 - h0), w0 + t * (w1 - w0)
    return _GROWTH[-1][1], _GROWTH[-1][2]


def _clamp(x, low, high):
    return max(low, min(high, x))


class _Generator:
    def __init__(self, services, actor: Actor, facility: Facility, rng: random.Random, today: date):
        self.s = services
        self.actor = actor
        self.facility = facility
        self.type = FacilityType(facility.type)
        self.rng = rng
        self.today = today
        self.province = facility.province_code or 1
        self.places = _FORMER_PARTS.get(self.province, [self.province])
        self.mountain = self.province in _MOUNTAIN
        self.family = _FAMILY_SOUTH if self.province >= 48 else _FAMILY_NORTH
        self.summary = DemoSummary()
        self.used_cccd: set[str] = set()
        self.used_bhyt: set[str] = set()
        self._wards: dict[int, list[tuple[int, str]]] = {}
        self.staff = self._staff()
        self.hospitals = self._hospitals()

    # --- small helpers ----------------------------------------------------

    def pick(self, weighted):
        names = [n for n, _ in weighted]
        weights = [w for _, w in weighted]
        return self.rng.choices(names, weights)[0]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def day_between(self, start: date, end: date) -> date:
        if end <= start:
            return start
        return start + timedelta(days=self.rng.randint(0, (end - start).days))

    def poisson(self, mean: float) -> int:
        limit, k, prod = math.exp(-mean), 0, self.rng.random()
        while prod > limit:
            k += 1
            prod *= self.rng.random()
        return k

    def name(self, sex: Sex, birth_year: int, *, family: str | None = None, minority: bool | None = None) -> str:
        if minority is None:
            minority = self.chance(0.10 if self.mountain else 0.02)
        if minority:
            fam = family or self.pick(_MINORITY_FAMILY)
            mid = self.pick(_MINORITY_MIDDLE[sex])
            given = self.rng.choice(_MINORITY_GIVEN[sex])
            return f"{fam} {mid} {given}"
        fam = family or self.pick(self.family)
        era = "old" if birth_year < 1975 else "mid" if birth_year < 2005 else "young"
        common, share, others = _MIDDLE[(sex, era)]
        mid = common if self.chance(share) else self.rng.choice(others)
        while mid == fam:  # no "Hoàng Hoàng ..."
            mid = self.rng.choice(others)
        pool = _GIVEN[(sex, "old" if birth_year < 1975 else "young")]
        given = self.rng.choice(pool)
        while given == mid:
            given = self.rng.choice(pool)
        return f"{fam} {mid} {given}"

    def _staff(self) -> dict[str, list[str]]:
        year = self.today.year
        def person(title, sex, age):
            return f"{title} {self.name(sex, year - age, minority=False)}"
        return {
            "examiner": [person("BS.", M, 48), person("YS.", F, 40), person("ĐD.", F, 35),
                         person("ĐD.", F, 29), person("ĐD.", M, 31)],
            "therapist": [person("KTV.", F, 33), person("KTV.", M, 38)],
            "psychologist": [person("CN. tâm lý", F, 30)],
        }

    def _hospitals(self) -> dict[str, list[str]]:
        full = divisions.province_name(self.province) or "Thành phố Hà Nội"
        short = divisions.short_province_name(self.province) or "Hà Nội"
        level = "thành phố" if full.startswith("Thành phố") else "tỉnh"
        where = f"{level} {short}"
        central = ("Bệnh viện Bạch Mai" if self.province < 44 else
                   "Bệnh viện Trung ương Huế" if self.province < 56 else "Bệnh viện Chợ Rẫy")
        lung_central = "Bệnh viện Phổi Trung ương" if self.province < 44 else "Bệnh viện Phạm Ngọc Thạch"
        return {
            "general": [f"Bệnh viện Đa khoa {where}"] * 8 + [central],
            "lung": [f"Bệnh viện Phổi {where}"] * 3 + [lung_central],
            "psych": [f"Bệnh viện Tâm thần {where}"],
            "eye": [f"Bệnh viện Mắt {where}"],
            "child": [f"Bệnh viện Sản - Nhi {where}"] * 3 + [
                "Bệnh viện Nhi Trung ương" if self.province < 44 else "Bệnh viện Nhi Đồng 1"],
        }

    def wards(self, province: int) -> list[tuple[int, str]]:
        if province not in self._wards:
            self._wards[province] = divisions.wards(province)
        return self._wards[province]

    # --- phase 1: who lives here ----------------------------------------------

    def birth_for_age(self, age: int, *, jan_first: float = 0.0) -> date:
        year = self.today.year - age
        if self.chance(jan_first):
            birth = date(year, 1, 1)
        else:
            birth = date(year, 1, 1) + timedelta(days=self.rng.randint(0, 364))
        while _age(birth, self.today) > age:
            birth += timedelta(days=1)
        while _age(birth, self.today) < age:
            birth -= timedelta(days=1)
        if birth > self.today:
            birth = self.today - timedelta(days=self.rng.randint(30, 300))
        return birth

    def elderly_age(self, old: bool) -> int:
        band = self.pick([((60, 69), 20), ((70, 79), 35), ((80, 89), 35), ((90, 100), 10)] if not old else
                         [((65, 69), 10), ((70, 79), 45), ((80, 89), 35), ((90, 99), 10)])
        return self.rng.randint(*band)

    def person(self) -> _Person:
        rng = self.rng
        if self.type == FacilityType.SOCIAL_ASSISTANCE:
            kind = self.pick([("elderly", 50), ("child", 15), ("disability", 18), ("mental", 17)])
        elif self.type == FacilityType.MERIT_CARE:
            kind = self.pick([("veteran", 85), ("veteran-child", 15)])
        else:
            kind = "drug"

        if kind == "elderly":
            sex = F if self.chance(0.62) else M
            age = self.elderly_age(False)
            p = _Person(kind, sex, self.birth_for_age(age, jan_first=0.2 if age >= 80 else 0.05), [G.ELDERLY])
            if self.chance(0.15):
                p.groups.append(G.DISABILITY)
                p.dis_type = self.pick([(DisabilityType.MOBILITY, 55), (DisabilityType.VISION, 25),
                                        (DisabilityType.HEARING_SPEECH, 15), (DisabilityType.OTHER, 5)])
                p.dis_sev = self.pick([(DisabilitySeverity.MILD, 40), (DisabilitySeverity.SEVERE, 45),
                                       (DisabilitySeverity.EXTREME, 15)])
            p.codes = self.elderly_conditions(age, sex, veteran=False)
        elif kind == "child":
            sex = F if self.chance(0.5) else M
            age = self.pick([((0, 2), 10), ((3, 5), 20), ((6, 10), 35), ((11, 15), 35)])
            age = rng.randint(*age)
            p = _Person(kind, sex, self.birth_for_age(age), [G.CHILD])
            if self.chance(0.30):
                p.groups.append(G.DISABILITY)
                p.dis_type = self.pick([(DisabilityType.INTELLECTUAL, 40), (DisabilityType.MOBILITY, 30),
                                        (DisabilityType.HEARING_SPEECH, 20), (DisabilityType.VISION, 10)])
                p.dis_sev = self.pick([(DisabilitySeverity.MILD, 25), (DisabilitySeverity.SEVERE, 50),
                                       (DisabilitySeverity.EXTREME, 25)])
                p.codes = self.disability_conditions(p.dis_type, child=True)
            if self.chance(0.04):
                p.codes.append("J45")
            if self.chance(0.02):
                p.codes.append("B18.1")
        elif kind in ("disability", "mental"):
            sex = M if self.chance(0.55) else F
            age = rng.randint(16, 59) if kind == "disability" else rng.randint(20, 72)
            groups = [G.DISABILITY, G.SOCIAL_ASSISTANCE] if kind == "disability" else [G.SOCIAL_ASSISTANCE]
            p = _Person(kind, sex, self.birth_for_age(age), groups)
            if kind == "disability":
                p.dis_type = self.pick([(DisabilityType.MOBILITY, 35), (DisabilityType.INTELLECTUAL, 25),
                                        (DisabilityType.HEARING_SPEECH, 15), (DisabilityType.VISION, 10),
                                        (DisabilityType.MENTAL, 10), (DisabilityType.OTHER, 5)])
                p.dis_sev = self.pick([(DisabilitySeverity.MILD, 20), (DisabilitySeverity.SEVERE, 50),
                                       (DisabilitySeverity.EXTREME, 30)])
                p.codes = self.disability_conditions(p.dis_type, child=False)
            else:
                if self.chance(0.6):
                    p.groups.append(G.DISABILITY)
                    p.dis_type = DisabilityType.MENTAL
                    p.dis_sev = self.pick([(DisabilitySeverity.SEVERE, 70), (DisabilitySeverity.EXTREME, 30)])
                p.codes = ["F20"] if self.chance(0.85) else ["G40", "F79"] if self.chance(0.5) else ["F10"]
                if "F20" in p.codes and self.chance(0.08):
                    p.codes.append("G40")
            if age >= 60:
                p.groups.insert(0, G.ELDERLY)
            if age >= 40 and self.chance(0.12):
                p.codes.append("I10")
            if self.chance(0.05):
                p.codes.append("B18.1")
            if self.chance(0.06):
                p.codes.append("K29")
        elif kind == "veteran":
            sex = M if self.chance(0.85) else F
            age = self.elderly_age(True)
            p = _Person(kind, sex, self.birth_for_age(age, jan_first=0.25), [G.MERIT, G.ELDERLY])
            if sex == M and self.chance(0.32):  # war invalids (thương binh)
                p.groups.append(G.DISABILITY)
                p.dis_type = self.pick([(DisabilityType.MOBILITY, 60), (DisabilityType.HEARING_SPEECH, 15),
                                        (DisabilityType.VISION, 10), (DisabilityType.MENTAL, 15)])
                p.dis_sev = self.pick([(DisabilitySeverity.MILD, 50), (DisabilitySeverity.SEVERE, 40),
                                       (DisabilitySeverity.EXTREME, 10)])
            p.codes = self.elderly_conditions(age, sex, veteran=True)
        elif kind == "veteran-child":  # children of veterans exposed to dioxin
            sex = M if self.chance(0.55) else F
            age = rng.randint(28, 56)
            p = _Person(kind, sex, self.birth_for_age(age), [G.MERIT, G.DISABILITY])
            p.dis_type = self.pick([(DisabilityType.INTELLECTUAL, 45), (DisabilityType.MOBILITY, 40),
                                    (DisabilityType.VISION, 15)])
            p.dis_sev = self.pick([(DisabilitySeverity.SEVERE, 60), (DisabilitySeverity.EXTREME, 40)])
            p.codes = self.disability_conditions(p.dis_type, child=False)
        else:  # drug
            sex = M if self.chance(0.93) else F
            age = rng.randint(*self.pick([((18, 24), 20), ((25, 34), 40), ((35, 44), 30), ((45, 50), 10)]))
            p = _Person(kind, sex, self.birth_for_age(age), [G.DRUG_USER])
            meth = self.chance(0.68)
            opioid = self.chance(0.40 if meth else 1.0)
            p.codes = (["F15"] if meth else []) + (["F11"] if opioid else [])
            for code, prevalence in (("B20", 0.09), ("A15", 0.035), ("B18.1", 0.12), ("B18.2", 0.08),
                                     ("K29", 0.08), ("F20", 0.02)):
                if self.chance(prevalence * (1.6 if opioid and code in ("B20", "B18.2") else 1.0)):
                    p.codes.append(code)
        return p

    def elderly_conditions(self, age: int, sex: Sex, veteran: bool) -> list[str]:
        old = age >= 80
        k = 1.15 if veteran else 1.0
        codes = []
        for code, prevalence in (("I10", 0.50 if old else 0.42), ("E11", 0.15), ("M17", 0.20), ("M19", 0.11),
                                 ("J44", 0.08 * (1.4 if sex == M else 0.7)), ("I69", 0.06), ("H25", 0.18 if old else 0.10),
                                 ("E78", 0.10), ("M81", 0.16 if sex == F else 0.05), ("K29", 0.08), ("N18", 0.03),
                                 ("G20", 0.015), ("B18.1", 0.02), ("A15", 0.01)):
            if self.chance(min(0.95, prevalence * k)):
                codes.append(code)
        if self.chance(0.10 if old else 0.03):
            codes.append("F01" if "I69" in codes else self.pick([("F03", 70), ("G30", 30)]))
        if "E11" in codes and self.chance(0.3):
            codes[codes.index("E11")] = "E11.9"
        if "J44" in codes and self.chance(0.3):
            codes[codes.index("J44")] = "J44.9"
        return codes

    def disability_conditions(self, dis_type: DisabilityType, child: bool) -> list[str]:
        if dis_type == DisabilityType.MOBILITY:
            codes = ["G80"] if child or self.chance(0.5) else ["I69"] if self.chance(0.4) else []
            if codes == ["G80"] and self.chance(0.25):
                codes.append("G40")
        elif dis_type == DisabilityType.INTELLECTUAL:
            codes = [self.pick([("F79", 50), ("Q90", 25), ("F84", 25)])]
            if self.chance(0.2):
                codes.append("G40")
        elif dis_type == DisabilityType.HEARING_SPEECH:
            codes = ["H90"]
        elif dis_type == DisabilityType.VISION:
            codes = ["H54"]
        elif dis_type == DisabilityType.MENTAL:
            codes = ["F20"]
        else:
            codes = []
        return codes

    # --- phase 2: the stay ------------------------------------------------------

    def admission(self, p: _Person) -> date:
        window = 730 if p.kind == "drug" else 8 * 365
        adm = self.today - timedelta(days=int(window * self.rng.random() ** 1.25))
        min_age = {"elderly": 55, "veteran": 60, "drug": 18, "mental": 16, "disability": 16, "veteran-child": 16}.get(p.kind, 0)
        earliest = _add_years(p.birth, min_age) if min_age else p.birth + timedelta(days=self.rng.randint(3, 60))
        if adm < earliest:
            adm = self.day_between(earliest, self.today) if earliest <= self.today else self.today
        return min(adm, self.today)

    def weighted_sample(self, people: list[_Person], count: int, weight) -> list[_Person]:
        """``count`` people without replacement, likelier with higher weight."""
        keyed = []
        for i, p in enumerate(people):
            w = weight(p)
            u = self.rng.random()
            if w > 0:
                keyed.append((u ** (1.0 / w), i, p))
        keyed.sort(key=lambda t: (-t[0], t[1]))
        return [p for _, _, p in keyed[:count]]

    def quota(self, total: int, share: float) -> int:
        n = round(total * share)
        return max(n, 1) if total >= 10 and share > 0 else n

    def assign_quotas(self, people: list[_Person]) -> None:
        n = len(people)
        today = self.today
        drug = self.type == FacilityType.DRUG_REHAB

        def death_weight(p: _Person) -> float:
            if (today - p.adm).days < 45 or p.kind == "child":
                return 0
            age = _age(p.birth, today)
            w = 1 + (2 if age >= 60 else 0) + (4 if age >= 80 else 0) + (3 if age >= 90 else 0)
            return w + 3 * sum(c in _SERIOUS for c in p.codes)

        for p in self.weighted_sample(people, self.quota(n, 0.01 if drug else 0.04), death_weight):
            p.reason = DischargeReason.DECEASED
            p.discharge = self.day_between(p.adm + timedelta(days=30), today - timedelta(days=1))
            p.hospital_death = self.chance(0.4)

        def leave_weight(p: _Person) -> float:
            if p.reason is not None or (today - p.adm).days < (200 if drug else 60):
                return 0
            return 1.0 if p.kind in ("drug", "child", "mental", "disability") else 0.6

        for p in self.weighted_sample(people, self.quota(n, 0.25 if drug else 0.10), leave_weight):
            if drug:
                p.reason = DischargeReason.RETURNED_HOME if self.chance(0.9) else DischargeReason.TRANSFERRED
                p.discharge = min(p.adm + timedelta(days=self.rng.randint(180, 730)), today - timedelta(days=1))
            else:
                p.reason = self.pick([(DischargeReason.RETURNED_HOME, 60), (DischargeReason.TRANSFERRED, 40)])
                p.discharge = self.day_between(p.adm + timedelta(days=30), today - timedelta(days=1))

        present = [p for p in people if p.discharge is None]
        m = len(present)
        pool = [p for p in people if not (p.kind == "child" and _age(p.birth, today) < 6)]
        present_pool = [p for p in pool if p.discharge is None]
        none = self.weighted_sample(pool, self.quota(n, 0.03), lambda p: 1)
        for p in none:
            p.bhyt = "none"
        odd = self.weighted_sample(present_pool, self.quota(m, 0.08), lambda p: 0 if p.bhyt == "none" else 1)
        for i, p in enumerate(odd):
            p.bhyt = "expired" if i % 5 in (1, 3) else "expiring"
        # at least one periodic checkup done, so one can be missed
        overdue = self.weighted_sample(present, self.quota(m, 0.10), lambda p: 1 if (today - p.adm).days > 120 else 0)
        for p in overdue:
            p.overdue = True
        abnormal = self.weighted_sample(present, self.quota(m, 0.03),
                                        lambda p: 0 if p.overdue or (today - p.adm).days < 10 else
                                        (3 if p.codes else 1) * (2 if _age(p.birth, today) >= 60 else 1))
        for p in abnormal:
            p.abnormal = True
        opened = self.weighted_sample(present, self.quota(m, 0.025),
                                      lambda p: 0 if (today - p.adm).days < 20 else 1 + 2 * (_age(p.birth, today) >= 70))
        for p in opened:
            p.open_referral = True

    # --- phase 3: one resident's record ---------------------------------------------

    def cccd(self, p: _Person) -> str | None:
        age = _age(p.birth, self.today)
        if age < 14:
            return None
        if self.chance(0.5 if age < 16 else 0.65 if age >= 80 else 0.92) is False:
            return None
        place = self.rng.choice(self.places) if self.chance(0.8) else self.rng.choice(_OTHER_PLACES)
        middle = rules.cccd_expected_digits(p.sex, p.birth.year)
        while True:
            number = f"{place:03d}{middle}{self.rng.randint(0, 999999):06d}"
            if number not in self.used_cccd:
                self.used_cccd.add(number)
                return number

    def bhyt(self, p: _Person) -> tuple[str | None, date | None, date | None]:
        if p.bhyt == "none":
            return None, None, None
        age = _age(p.birth, self.today)
        if p.kind == "child" and age < 6:
            obj, level = "TE", 1
        elif G.MERIT in p.groups:
            obj, level = "CC", 1
        elif p.kind == "drug":
            obj, level = self.pick([(("HX", 4), 6), (("GD", 4), 3), (("DN", 4), 1)])
        elif p.kind == "elderly" and self.chance(0.2):
            obj, level = "HT", 3  # retired, pension card
        else:
            obj, level = "BT", 2
        place = self.rng.choice(self.places)
        while True:
            number = f"{obj}{level}{place:02d}{place:02d}{self.rng.randint(0, 99_999_999):08d}"
            if number not in self.used_bhyt:
                self.used_bhyt.add(number)
                break
        if obj == "TE":
            return number, p.birth, _add_years(p.birth, 6) - timedelta(days=1)
        ref = p.discharge or self.today
        if p.bhyt == "expiring":
            to = self.today + timedelta(days=self.rng.randint(0, 30))
        elif p.bhyt == "expired":
            to = self.today - timedelta(days=self.rng.randint(1, 90))
        else:
            to = ref + timedelta(days=self.rng.randint(31 if p.discharge is None else 1, 365))
        years = 5 if obj == "CC" and self.chance(0.5) else 1
        start = max(p.birth, _add_years(to, -years) + timedelta(days=1))
        return number, start, to

    def kin(self, p: _Person, own_name: str, minority: bool) -> tuple[str, str, str]:
        options = {
            "elderly": (0.45, ["Cháu ruột", "Con gái", "Con trai", "Em gái", "Em trai", "Cháu họ"]),
            "child": (0.5, ["Bà nội", "Bà ngoại", "Bác ruột", "Cô ruột", "Chú ruột", "Dì ruột", "Mẹ"]),
            "disability": (0.25, ["Mẹ", "Bố", "Anh trai", "Chị gái", "Em trai", "Em gái"]),
            "mental": (0.25, ["Mẹ", "Bố", "Anh trai", "Chị gái", "Em trai", "Em gái", "Con trai"]),
            "veteran": (0.10, ["Vợ", "Con trai", "Con gái", "Cháu nội"]),
            "veteran-child": (0.05, ["Mẹ", "Bố", "Anh trai", "Chị gái"]),
            "drug": (0.05, ["Mẹ", "Bố", "Vợ", "Anh trai", "Chị gái"]),
        }[p.kind]
        none_share, relations = options
        if self.chance(none_share):
            return "", "", ""
        relation = self.rng.choice(relations)
        if relation == "Vợ" and p.sex == F:
            relation = "Chồng"
        if relation in ("Mẹ", "Bà nội", "Bà ngoại", "Cô ruột", "Dì ruột", "Chị gái", "Em gái", "Vợ", "Con gái"):
            sex = F
        elif relation in ("Bố", "Chú ruột", "Anh trai", "Em trai", "Con trai", "Chồng"):
            sex = M
        else:  # Bác, Cháu: either
            sex = F if self.chance(0.5) else M
        age = _age(p.birth, self.today)
        offset = {"Mẹ": 25, "Bố": 28, "Bà nội": 50, "Bà ngoại": 50, "Bác ruột": 30, "Cô ruột": 22, "Chú ruột": 22,
                  "Dì ruột": 22, "Vợ": -3, "Chồng": 3, "Con trai": -28, "Con gái": -28, "Cháu nội": -55,
                  "Cháu ruột": -35, "Cháu họ": -35}.get(relation, 0)
        birth_year = self.today.year - _clamp(age + offset, 20, 90)
        same_family = relation in ("Con trai", "Con gái", "Bố", "Anh trai", "Chị gái", "Em trai", "Em gái",
                                   "Bác ruột", "Chú ruột", "Cô ruột", "Bà nội", "Cháu nội")
        name = own_name
        for _ in range(10):  # a relative never bears the resident's own full name
            if same_family:
                name = self.name(sex, birth_year, family=own_name.split()[0], minority=minority)
            else:
                name = self.name(sex, birth_year, minority=minority and self.chance(0.8))
            if name != own_name:
                break
        phone = self.rng.choice(_PHONE_PREFIXES) + f"{self.rng.randint(0, 9_999_999):07d}"
        return name, relation, phone

    def room(self, p: _Person) -> str:
        r = self.rng
        if p.kind in ("elderly", "veteran"):
            if p.sex == F:
                return f"A{r.randint(1, 3)}{r.randint(1, 12):02d}"
            return f"B-{r.randint(1, 3)}{r.randint(1, 12):02d}"
        if p.kind == "child":
            return f"Nhà {r.randint(1, 2)} - P.{r.randint(1, 6)}"
        if p.kind == "mental":
            return f"Nhà {r.randint(3, 4)} - P.{r.randint(1, 8)}"
        if p.kind == "drug":
            return f"Khu {r.choice('ABC')} - P.{r.randint(1, 20)}"
        return f"C{r.randint(1, 2)}{r.randint(1, 10):02d}"

    def address(self) -> tuple[int, int | None, str]:
        province = self.province if self.chance(0.8) else self.rng.choice(divisions.provinces())[0]
        wards = self.wards(province)
        if not wards:
            return province, None, ""
        code, ward = self.rng.choice(wards)
        if ward.startswith("Phường"):
            detail = self.rng.choice([f"Tổ dân phố {self.rng.randint(1, 20)}",
                                      f"Số {self.rng.randint(1, 150)}, ngõ {self.rng.randint(2, 90)}"])
        elif self.mountain and province == self.province and self.chance(0.6):
            detail = "Thôn " + self.rng.choice(["Nà Pàn", "Bản Chắt", "Pác Mạ", "Khòn Lạn", "Nà Lừa", "Bó Củng",
                                                "Còn Chè", "Lũng Vài", "Pò Nhùng", "Khuổi Luông"])
        else:
            detail = self.rng.choice([f"Thôn {self.rng.randint(1, 12)}", f"Xóm {self.rng.randint(1, 9)}",
                                      "Thôn " + self.rng.choice(["Đông", "Tây", "Trung", "Tân Lập", "Hợp Thành"])])
        return province, code, detail

    def notes(self, p: _Person, has_kin: bool) -> str:
        if p.kind == "elderly" and not has_kin:
            return "Người cao tuổi cô đơn, không nơi nương tựa."
        if p.kind == "child":
            return "Trẻ em mồ côi cả cha và mẹ." if not has_kin else self.rng.choice(
                ["Trẻ em có hoàn cảnh đặc biệt khó khăn.", "Trẻ mồ côi cha, mẹ không đủ khả năng nuôi dưỡng."])
        if p.kind == "veteran":
            if G.DISABILITY in p.groups:
                return f"Thương binh, tỷ lệ tổn thương cơ thể {self.rng.choice([41, 51, 61, 71, 81])}%."
            return self.rng.choice(["Bệnh binh.", "Người hoạt động kháng chiến.", "Cựu chiến binh, huân chương kháng chiến.",
                                    "Người hoạt động kháng chiến bị nhiễm chất độc hóa học."])
        if p.kind == "veteran-child":
            return "Con đẻ của người hoạt động kháng chiến bị nhiễm chất độc hóa học."
        if p.kind == "drug":
            return self.rng.choice(["Cai nghiện bắt buộc theo quyết định của Tòa án nhân dân.",
                                    "Cai nghiện bắt buộc theo quyết định của Tòa án nhân dân.", "Cai nghiện tự nguyện."])
        return ""

    def plan_conditions(self, p: _Person, end: date) -> None:
        for code in p.codes:
            age_now = _age(p.birth, end)
            min_age = {"I10": 35, "E11": 35, "E11.9": 35, "J44": 45, "J44.9": 45, "M17": 45, "M19": 45,
                       "F03": 65, "G30": 65, "F01": 60, "I69": 45, "H25": 50, "E78": 35, "M81": 50, "N18": 40,
                       "G20": 55, "F20": 16, "F11": 14, "F15": 14, "F10": 20}.get(code, 0)
            earliest = _add_years(p.birth, min(min_age, max(age_now, 0)))
            congenital = code in ("G80", "Q90", "F79", "F84", "H90") or (code == "H54" and p.kind == "child")
            if congenital:
                onset = p.birth
            elif p.kind == "drug" and code in ("F11", "F15"):
                onset = self.day_between(max(earliest, p.adm - timedelta(days=15 * 365)), p.adm - timedelta(days=180))
            elif code in ("B20", "A15", "B18.1", "B18.2") and p.kind == "drug" and self.chance(0.6):
                onset = p.adm  # found at the admission screening
            elif self.chance(0.72) or (end - p.adm).days < 60:
                onset = self.day_between(max(earliest, p.adm - timedelta(days=20 * 365)), p.adm)
            else:  # diagnosed during the stay
                onset = self.day_between(max(earliest, p.adm + timedelta(days=30)), end)
            onset = _clamp(onset, p.birth, min(end, self.today))
            if code in ("A15", "K29") and self.chance(0.5 if code == "A15" else 0.35) and onset < self.today - timedelta(days=240):
                status = ConditionStatus.RESOLVED
            elif code in ("I10", "E11", "E11.9", "F20", "B20", "G40", "E78"):
                status = ConditionStatus.CONTROLLED if self.chance(0.55 if code != "B20" else 0.8) else ConditionStatus.ACTIVE
            elif code in ("F11", "F15"):
                status = ConditionStatus.ACTIVE
            else:
                status = ConditionStatus.CONTROLLED if self.chance(0.45) else ConditionStatus.ACTIVE
            p.conds.append(_Cond(code, onset, status))

    def baselines(self, p: _Person) -> None:
        rng = self.rng
        age = _age(p.birth, p.adm)
        if p.kind == "drug":
            p.height = rng.gauss(165, 5.5) if p.sex == M else rng.gauss(154, 5)
            p.bmi = rng.gauss(19.5, 2.0)
        else:
            old = p.birth.year < 1950
            p.height = (rng.gauss(159 if old else 163, 5.5) if p.sex == M else rng.gauss(149 if old else 152, 5))
            p.bmi = rng.gauss(19.8 if age >= 80 else 21 if age >= 60 else 21.5, 2.4)
        if any(c.code.startswith("E11") for c in p.conds):
            p.bmi += 1.8
        if p.dis_sev in (DisabilitySeverity.SEVERE, DisabilitySeverity.EXTREME):
            p.bmi -= 1.0
        p.bmi = _clamp(p.bmi, 15.5, 32)
        p.child_factor = _clamp(rng.gauss(0.93 if p.dis_type else 0.98, 0.06), 0.75, 1.15)
        p.sys_base = 105 + 0.45 * max(age - 20, 0) + rng.gauss(0, 6)
        # health classification I-V
        if p.kind == "child":
            base = 1 if self.chance(0.6) else 2
        elif p.kind == "drug":
            base = self.pick([(1, 5), (2, 60), (3, 35)])
        elif age < 60:
            base = self.pick([(1, 20), (2, 70), (3, 10)])
        elif age < 80:
            base = self.pick([(2, 25), (3, 60), (4, 15)])
        else:
            base = self.pick([(3, 55), (4, 38), (5, 7)])
        if p.dis_sev == DisabilitySeverity.SEVERE:
            base = max(base, 3)
        elif p.dis_sev == DisabilitySeverity.EXTREME:
            base = max(base, 4)
        if "F20" in p.codes:
            base = max(base, 3)
        if any(c in _SERIOUS for c in p.codes) and self.chance(0.6):
            base += 1
        p.health = _clamp(base, 1, 5)

    def vitals(self, p: _Person, d: date, kind: CheckupKind, abnormal: str | None = None) -> VitalSigns:
        rng = self.rng
        age_days = (d - p.birth).days
        age = age_days / 365.25
        v = VitalSigns()
        if age < 16:
            h, w = _growth(age)
            if p.sex == F:
                h, w = h * 0.985, w * 0.97
            v.height_cm = round(_clamp(h * (0.97 + 0.03 * p.child_factor) + rng.gauss(0, 1.2), 45, 200) * 2) / 2
            v.weight_kg = round(_clamp(w * p.child_factor + rng.gauss(0, w * 0.03), 2.5, 120), 1)
            v.systolic = int(_clamp(85 + 1.6 * age + rng.gauss(0, 5), 70, 135))
            v.diastolic = int(_clamp(v.systolic * 0.62 + rng.gauss(0, 4), 40, v.systolic - 20))
            v.pulse = int(_clamp((130 if age < 1 else 115 - 2.5 * age) + rng.gauss(0, 7), 60, 170))
            v.respiratory_rate = int(_clamp((36 if age < 1 else 26 if age < 5 else 20) + rng.gauss(0, 2), 14, 50))
            v.spo2 = rng.randint(97, 100)
            v.temperature = round(_clamp(rng.gauss(36.7, 0.2), 36.1, 37.4), 1)
            if age < 2:  # blood pressure is rarely taken in infants
                v.systolic = v.diastolic = None
        else:
            years_in = max((d - p.adm).days, 0) / 365.25
            bmi = p.bmi - (0.25 * years_in if age >= 75 else 0) + rng.gauss(0, 0.35)
            if p.discharge and p.reason == DischargeReason.DECEASED and (p.discharge - d).days < 365:
                bmi -= 1.5
            if p.kind == "drug":
                bmi += min(years_in, 1.5) * 1.2  # weight regained in the centre
            height = p.height - max(age - 70, 0) * 0.1
            v.weight_kg = round(_clamp(bmi * (height / 100) ** 2, 28, 120), 1)
            if kind == CheckupKind.ADMISSION or self.chance(0.55):
                v.height_cm = round(_clamp(height, 120, 200) * 2) / 2
            sys = p.sys_base + 0.45 * years_in + rng.gauss(0, 7)
            if p.has("I10", d):
                sys += 12 if any(c.code == "I10" and c.status == ConditionStatus.CONTROLLED for c in p.conds) else 28
            elif "I10" in p.codes:
                sys += 8  # before it was diagnosed
            v.systolic = int(_clamp(sys, 90, 195))
            v.diastolic = int(_clamp(0.52 * v.systolic + 12 + rng.gauss(0, 5), 50, min(112, v.systolic - 25)))
            copd = p.has("J44", d)
            v.pulse = int(_clamp(76 + (6 if copd else 0) + (10 if p.kind == "drug" and kind == CheckupKind.ADMISSION else 0)
                                 + rng.gauss(0, 7), 52, 118))
            v.respiratory_rate = int(_clamp((21 if copd else 18) + rng.gauss(0, 1.5), 14, 28))
            v.spo2 = rng.randint(91, 96) if copd else rng.randint(95, 98) if age >= 85 else rng.randint(96, 99)
            v.temperature = round(_clamp(rng.gauss(36.6, 0.22), 36.0, 37.3), 1)
            if p.has("E11", d):
                controlled = any(c.code.startswith("E11") and c.status == ConditionStatus.CONTROLLED for c in p.conds)
                v.glucose = round(_clamp(rng.gauss(7.2, 1.0) if controlled else rng.gauss(8.8, 1.6), 5.0, 14.5), 1)
            elif kind == CheckupKind.ADMISSION or self.chance(0.35):
                v.glucose = round(_clamp(rng.gauss(5.2, 0.5), 3.9, 6.4), 1)
        if abnormal == "bp":
            v.systolic = rng.randint(168, 188)
            v.diastolic = rng.randint(98, 110)
            v.pulse = rng.randint(88, 104)
        elif abnormal == "spo2":
            v.spo2 = rng.randint(86, 90)
            v.temperature = round(rng.uniform(38.2, 38.9), 1)
            v.pulse = rng.randint(104, 120)
            v.respiratory_rate = rng.randint(26, 32)
        elif abnormal == "fever":
            v.temperature = round(rng.uniform(38.5, 39.4), 1)
            v.pulse = rng.randint(100, 118)
        elif abnormal == "glucose":
            v.glucose = round(rng.uniform(15.5, 19.5), 1)
        return v

    def classification(self, p: _Person, d: date) -> HealthClass:
        value = p.health
        if p.reason == DischargeReason.DECEASED and (p.discharge - d).days < 180:
            value += 1
        if self.chance(0.1):
            value += self.rng.choice((-1, 1))
        return HealthClass(_clamp(value, 1, 5))

    def findings(self, p: _Person, d: date, kind: CheckupKind) -> str:
        known = [c for c in p.conds if c.onset is None or c.onset <= d]
        names = []
        for c in known:
            short = _SHORT.get(c.code, c.code)
            if short not in names:
                names.append(short)
        if kind == CheckupKind.ADMISSION:
            text = "Khám sàng lọc khi tiếp nhận."
            if names:
                text += " Tiền sử: " + ", ".join(names) + "."
            return text + " " + self.rng.choice(_NORMAL)
        if kind == CheckupKind.AD_HOC:
            return self.rng.choice(_ADHOC)
        if not names:
            return "Khám định kỳ. " + self.rng.choice(_NORMAL)
        active = [c for c in known if c.status == ConditionStatus.ACTIVE]
        focus = self.rng.choice(active or known)
        state = "đang điều trị, theo dõi" if focus.status == ConditionStatus.ACTIVE else "ổn định với điều trị"
        if focus.status == ConditionStatus.RESOLVED:
            state = "đã khỏi, không tái phát"
        name = _SHORT.get(focus.code, focus.code)
        return f"Khám định kỳ. {name[:1].upper() + name[1:]} {state}. Tiếp tục theo dõi."

    def screening(self, p: _Person) -> tuple[ScreeningResult, str, bool]:
        # infections known at admission; tuberculosis only while still contagious
        found = [c for c in p.conds if c.code in ("B20", "B18.1", "B18.2") and c.onset <= p.adm
                 or c.code == "A15" and p.adm - timedelta(days=120) <= c.onset <= p.adm]
        tests = "lao, HIV, viêm gan B, viêm gan C" if p.kind == "drug" else "lao, viêm gan B, bệnh truyền nhiễm"
        tb = any(c.code == "A15" for c in found)
        if found:
            names = ", ".join(_SHORT[c.code] for c in found)
            return ScreeningResult.POSITIVE, f"Sàng lọc {tests}: dương tính ({names}).", tb
        if self.chance(0.03):
            reason = self.rng.choice(["ho kéo dài trên 2 tuần, nghi lao", "sốt, ho, nghi cúm", "ngứa, tổn thương da nghi ghẻ"])
            return ScreeningResult.SUSPECTED, f"Sàng lọc {tests}: {reason}; cách ly chờ kết quả.", True
        if self.chance(0.02):
            return ScreeningResult.NOT_DONE, "Chưa làm xét nghiệm sàng lọc, hẹn bổ sung.", False
        return ScreeningResult.NEGATIVE, f"Sàng lọc {tests}: âm tính.", False

    def write(self, p: _Person, created: Resident) -> None:
        """Conditions, checkups, rehab and referrals of one resident, then discharge."""
        rng, s, actor, today = self.rng, self.s, self.actor, self.today
        end = p.discharge or today
        rid = created.id
        for c in p.conds:
            follow = None if c.status == ConditionStatus.RESOLVED else _FOLLOW_UP.get(c.code, 180)
            note = rng.choice(_NOTES.get(c.code, [""]))
            if c.status == ConditionStatus.RESOLVED:
                note = "Đã điều trị khỏi."
            s.clinical.add_condition(actor, Condition(rid, c.code, c.onset, c.status, follow, note))
            self.summary.conditions += 1

        # --- checkups: admission, periodic schedule, ad-hoc visits ---
        def chronic_on(d: date) -> bool:
            return any(c.code in _CHRONIC and c.onset <= d and c.status != ConditionStatus.RESOLVED for c in p.conds)

        yearly = self.chance(0.35) and p.kind != "drug"
        def interval(d: date) -> int:
            if chronic_on(d):
                return rng.randint(84, 98)
            return rng.randint(350, 365) if yearly else rng.randint(175, 190)

        examiner = self.staff["examiner"]
        adm_day = min(p.adm + timedelta(days=rng.choice((0, 0, 0, 1, 2))), end)
        periodic = []
        nxt = adm_day + timedelta(days=interval(adm_day))
        while nxt <= end:
            periodic.append(nxt)
            nxt = nxt + timedelta(days=interval(nxt))
        pending = nxt
        kept = list(periodic)
        if p.overdue:
            while kept and kept[-1] >= today - timedelta(days=3):
                kept.pop()
            if kept:
                kept.pop()  # the last one was missed: its due date lies in the past
        schedule = periodic + [pending]

        def due_after(d: date) -> date:
            return next(x for x in schedule if x > d)

        events: list[tuple[date, CheckupKind, str | None]] = [(adm_day, CheckupKind.ADMISSION, None)]
        events += [(d, CheckupKind.PERIODIC, None) for d in kept]
        last_kept = kept[-1] if kept else adm_day
        years = max((end - p.adm).days, 0) / 365.25
        rate = 0.8 if _age(p.birth, end) >= 70 else 0.4  # ad-hoc visits a year
        horizon = last_kept if p.overdue else end
        for _ in range(self.poisson(rate * years)):
            d = self.day_between(adm_day + timedelta(days=1), horizon)
            if adm_day < d <= horizon and (not p.overdue or d < last_kept):
                events.append((d, CheckupKind.AD_HOC, None))
        if p.abnormal:
            last = max(d for d, _, _ in events)
            d = self.day_between(max(last, today - timedelta(days=6)), today)
            if p.has("I10", d):
                kind = "bp"
            elif p.has("E11", d) and self.chance(0.5):
                kind = "glucose"
            elif _age(p.birth, d) >= 70 or p.has("J44", d):
                kind = self.pick([("spo2", 60), ("fever", 40)])
            else:
                kind = self.pick([("fever", 60), ("bp", 40)]) if _age(p.birth, d) >= 40 else "fever"
            events.append((d, CheckupKind.AD_HOC, kind))
        events.sort(key=lambda e: (e[0], e[1] != CheckupKind.ADMISSION, e[1] != CheckupKind.PERIODIC))

        screening = self.screening(p)
        isolation_follow_up = screening[2]
        latest: tuple[date, date] | None = None  # (date, next due) of the latest checkup
        for d, kind, abnormal in events:
            if kind == CheckupKind.ADMISSION:
                result, note, isolate = screening
                checkup = Checkup(rid, d, kind, self.vitals(p, d, kind), self.findings(p, d, kind),
                                  self.classification(p, d), due_after(d), examiner[0] if rng.random() < 0.6 else examiner[1],
                                  result, note, isolate)
            else:
                due = due_after(d)
                if abnormal:
                    findings = _ABNORMAL[abnormal]
                    if due <= d:
                        due = d + timedelta(days=7)
                else:
                    findings = self.findings(p, d, kind)
                checkup = Checkup(rid, d, kind, self.vitals(p, d, kind, abnormal), findings,
                                  self.classification(p, d), due, rng.choice(examiner))
            s.clinical.record_checkup(actor, checkup)
            latest = (checkup.checkup_date, checkup.next_due_date)
            self.summary.checkups += 1
            if abnormal:
                self.summary.abnormal_recent += 1
        if isolation_follow_up:
            d = adm_day + timedelta(days=rng.randint(5, 14))
            if d <= end and (not p.overdue or d < last_kept):
                tb = screening[0] == ScreeningResult.POSITIVE
                text = ("Tiếp tục điều trị lao, hết giai đoạn lây; kết thúc cách ly." if tb else
                        "Kết quả xét nghiệm âm tính; kết thúc cách ly.")
                s.clinical.record_checkup(actor, Checkup(rid, d, CheckupKind.AD_HOC, self.vitals(p, d, CheckupKind.AD_HOC),
                                                         text, self.classification(p, d), due_after(d), examiner[0]))
                if d >= latest[0]:
                    latest = (d, due_after(d))
                self.summary.checkups += 1
        if p.discharge is None and latest[1] < today:
            self.summary.overdue_checkups += 1

        self.rehab(p, rid, end)
        self.referrals(p, rid, end)

        if p.discharge is not None:
            s.residents.discharge(actor, rid, p.discharge, p.reason, created.version)
            if p.reason == DischargeReason.DECEASED:
                self.summary.deceased += 1
            else:
                self.summary.discharged += 1

    def rehab(self, p: _Person, rid: str, end: date) -> None:
        rng = self.rng
        need: list[tuple[RehabType, float]] = []
        stroke = "I69" in p.codes
        if p.dis_type == DisabilityType.MOBILITY or stroke or "G80" in p.codes:
            need.append((RehabType.PHYSIOTHERAPY, 0.85 if stroke else 0.75))
        if p.dis_type == DisabilityType.INTELLECTUAL or (p.kind == "child" and p.dis_type is not None):
            need.append((RehabType.OCCUPATIONAL, 0.6))
        if p.dis_type == DisabilityType.HEARING_SPEECH or "F84" in p.codes:
            need.append((RehabType.SPEECH, 0.5))
        if p.dis_type == DisabilityType.VISION:
            need.append((RehabType.COMMUNITY, 0.3))
        if "F20" in p.codes or p.dis_type == DisabilityType.MENTAL:
            need.append((RehabType.PSYCHOLOGICAL, 0.3))
        if any(c in p.codes for c in ("F03", "G30", "F01")):
            need.append((RehabType.OCCUPATIONAL, 0.3))
        if any(c in p.codes for c in ("M17", "M19")) and not need:
            need.append((RehabType.PHYSIOTHERAPY, 0.2))
        if p.kind == "drug":
            need.append((RehabType.PSYCHOLOGICAL, 0.35))
        if not need:
            need.append((self.pick([(RehabType.PHYSIOTHERAPY, 70), (RehabType.COMMUNITY, 30)]), 0.05))
        chosen = [t for t, prob in need if self.chance(prob)]
        if not chosen or (end - p.adm).days < 14:
            return
        if p.dis_sev == DisabilitySeverity.EXTREME:
            barthel = rng.randint(5, 30)
        elif p.dis_sev == DisabilitySeverity.SEVERE or stroke:
            barthel = rng.randint(25, 55)
        elif p.dis_sev == DisabilitySeverity.MILD:
            barthel = rng.randint(55, 80)
        elif p.kind == "drug":
            barthel = rng.randint(90, 100)
        else:
            barthel = rng.randint(60, 90)
        years = (end - p.adm).days / 365.25
        courses = 2 if years > 3 and self.chance(0.5) else 1
        starts = sorted(self.day_between(p.adm + timedelta(days=3), end - timedelta(days=7)) for _ in range(courses))
        for course, start in enumerate(starts):
            rtype = chosen[course % len(chosen)]
            therapist = self.rng.choice(self.staff["psychologist"] if rtype == RehabType.PSYCHOLOGICAL else self.staff["therapist"])
            sessions = rng.randint(6, 12)
            gain = rng.uniform(3, 15) if barthel < 95 else 0
            start_barthel = barthel
            d = start
            if rtype == RehabType.PHYSIOTHERAPY and p.dis_sev in (DisabilitySeverity.SEVERE, DisabilitySeverity.EXTREME) \
                    and self.chance(0.3):
                note = self.rng.choice(["Lắp nẹp chỉnh hình cổ chân (AFO).", "Cấp xe lăn, hướng dẫn sử dụng.",
                                        "Cấp khung tập đi, hướng dẫn sử dụng."])
                self.s.clinical.record_rehab(self.actor, RehabSession(rid, d, RehabType.ORTHOPAEDIC, rng.randint(60, 90),
                                                                      therapist, start_barthel, note))
                self.summary.rehab_sessions += 1
                d += timedelta(days=rng.randint(1, 3))
            for k in range(sessions):
                if d > end:
                    break
                with_score = rtype in (RehabType.PHYSIOTHERAPY, RehabType.OCCUPATIONAL, RehabType.COMMUNITY) and (
                    k == 0 or k == sessions - 1 or k % 4 == 0)
                score = None
                if with_score:
                    score = int(round(_clamp(start_barthel + gain * k / max(sessions - 1, 1) + rng.gauss(0, 1.5), 0, 100)))
                minutes = {RehabType.PHYSIOTHERAPY: (30, 60), RehabType.OCCUPATIONAL: (30, 60), RehabType.SPEECH: (20, 45),
                           RehabType.PSYCHOLOGICAL: (45, 90), RehabType.COMMUNITY: (30, 60)}[rtype]
                self.s.clinical.record_rehab(self.actor, RehabSession(
                    rid, d, rtype, rng.randint(*minutes) // 5 * 5, therapist, score, self.rehab_note(rtype, p)))
                self.summary.rehab_sessions += 1
                d += timedelta(days=rng.choice((1, 2, 2, 3, 3, 4)))
            barthel = int(_clamp(start_barthel + gain - rng.uniform(0, 4), 0, 100))

    def rehab_note(self, rtype: RehabType, p: _Person) -> str:
        pool = {
            RehabType.PHYSIOTHERAPY: ["Tập vận động thụ động các khớp.", "Tập đi với khung.", "Tập thăng bằng, đứng dậy.",
                                      "Tập mạnh cơ tứ đầu đùi.", "Chiếu đèn hồng ngoại, xoa bóp.", "Tập đi cầu thang."],
            RehabType.OCCUPATIONAL: ["Tập ăn uống, cầm nắm.", "Tập mặc quần áo.", "Tập vệ sinh cá nhân.",
                                     "Lao động trị liệu: trồng rau.", "Tập xếp hình, phân loại đồ vật."],
            RehabType.SPEECH: ["Tập phát âm nguyên âm.", "Tập ngôn ngữ ký hiệu.", "Tập gọi tên đồ vật."],
            RehabType.PSYCHOLOGICAL: ["Tư vấn tâm lý cá nhân.", "Sinh hoạt nhóm, chia sẻ.", "Tập kỹ năng phòng ngừa tái nghiện."
                                      if p.kind == "drug" else "Tập kỹ năng giao tiếp.", "Liệu pháp nhận thức hành vi."],
            RehabType.COMMUNITY: ["Tập định hướng di chuyển.", "Hướng dẫn người chăm sóc.", "Tập kỹ năng sinh hoạt hằng ngày."],
        }[rtype]
        return self.rng.choice(pool)

    def referral_reason(self, p: _Person, d: date) -> tuple[str | None, str, str]:
        options: list[tuple[tuple[str | None, str, str], float]] = [
            (("J18", "Sốt cao, ho, khó thở, nghi viêm phổi.", "general"), 3 if _age(p.birth, d) >= 65 else 1),
            (("A09", "Tiêu chảy cấp, mất nước.", "child" if p.kind == "child" else "general"), 1),
            (("K29", "Đau thượng vị nhiều, nghi xuất huyết tiêu hóa.", "general"), 0.5 + ("K29" in p.codes)),
        ]
        if p.kind == "child":
            options.append((("J18", "Trẻ sốt cao, thở nhanh, nghi viêm phổi.", "child"), 3))
        if _age(p.birth, d) >= 60:
            options.append(((None, "Ngã, đau khớp háng, nghi gãy cổ xương đùi.", "general"), 1))
            options.append((("I63", "Yếu nửa người đột ngột, nghi đột quỵ não.", "general"), 0.8))
        if p.has("I10", d):
            options.append((("I10", "Tăng huyết áp không kiểm soát, đau đầu, nôn.", "general"), 2))
        if p.has("E11", d):
            options.append((("E11", "Đường huyết cao không kiểm soát.", "general"), 2))
        if p.has("J44", d):
            options.append((("J44", "Đợt cấp bệnh phổi tắc nghẽn mạn tính.", "lung"), 3))
        if p.has("F20", d):
            options.append((("F20", "Tái phát loạn thần, kích động.", "psych"), 3))
        if p.has("F15", d):
            options.append((("F15", "Loạn thần do sử dụng ma túy tổng hợp, kích động.", "psych"), 2))
        if p.has("B20", d):
            options.append((("B20", "Nhiễm trùng cơ hội, sốt kéo dài.", "general"), 2))
        if p.has("G40", d):
            options.append((("G40", "Cơn động kinh kéo dài.", "general"), 1.5))
        if p.has("N18", d):
            options.append((("N18", "Suy thận tiến triển, phù.", "general"), 1.5))
        if p.has("H25", d):
            options.append((("H25", "Đục thủy tinh thể, chuyển phẫu thuật.", "eye"), 1.5))
        if p.kind == "drug" or p.has("A15", d):
            options.append((("A15", "Ho kéo dài, sốt về chiều, nghi lao phổi.", "lung"), 1.5))
        return self.pick(options)

    def referral(self, p: _Person, rid: str, d: date, outcome: ReferralOutcome, back: date | None,
                 reason: tuple[str | None, str, str] | None = None) -> None:
        code, text, where = reason or self.referral_reason(p, d)
        hospital = self.rng.choice(self.hospitals[where])
        r = self.s.clinical.open_referral(self.actor, Referral(rid, d, hospital, text, code))
        self.summary.referrals += 1
        if outcome == ReferralOutcome.PENDING:
            if p.discharge is None:
                self.summary.open_referrals += 1
            return
        note = {ReferralOutcome.RETURNED: self.rng.choice(["Điều trị ổn định, trở về cơ sở.", "Ra viện, tiếp tục theo dõi tại cơ sở.",
                                                           "Đã phẫu thuật, ra viện." if where == "eye" else "Điều trị khỏi, ra viện."]),
                ReferralOutcome.ADMITTED_LONG_TERM: "Ở lại điều trị dài ngày tại bệnh viện.",
                ReferralOutcome.TRANSFERRED: "Chuyển tiếp lên tuyến trung ương.",
                ReferralOutcome.DECEASED: f"Tử vong tại bệnh viện ngày {(back or d):%d/%m/%Y}."}[outcome]
        self.s.clinical.close_referral(self.actor, r.id, outcome, back if outcome == ReferralOutcome.RETURNED else None,
                                       note, r.version)

    def referrals(self, p: _Person, rid: str, end: date) -> None:
        rng, today = self.rng, self.today
        age = _age(p.birth, end)
        rate = {"child": 0.06, "disability": 0.08, "mental": 0.10, "veteran-child": 0.08, "drug": 0.10}.get(
            p.kind, 0.18 if age >= 80 else 0.12)
        if len(p.codes) >= 3:
            rate += 0.04
        # the last trip of someone who died in hospital or stayed there
        final = None
        if p.reason == DischargeReason.DECEASED and p.hospital_death:
            final = (max(p.adm, p.discharge - timedelta(days=rng.randint(1, 10))), ReferralOutcome.DECEASED, None)
        elif p.reason == DischargeReason.TRANSFERRED and self.chance(0.3):
            reason = ("F20", "Tái phát loạn thần, cần điều trị dài ngày.", "psych") if "F20" in p.codes else None
            final = (max(p.adm, p.discharge - timedelta(days=rng.randint(0, 5))), ReferralOutcome.ADMITTED_LONG_TERM, reason)
        years = (end - p.adm).days / 365.25
        last_day = (final[0] if final else end) - timedelta(days=1) if p.discharge else end
        count = self.poisson(rate * years)
        dates = sorted(self.day_between(p.adm, last_day) for _ in range(count)) if last_day >= p.adm else []
        # a stroke during the stay: to hospital, back with its sequelae
        for c in p.conds:
            if c.code == "I69" and c.onset > p.adm + timedelta(days=20) and (final is None or c.onset < final[0]):
                d = c.onset - timedelta(days=rng.randint(10, 20))
                self.referral(p, rid, d, ReferralOutcome.RETURNED, c.onset,
                              ("I63", "Liệt nửa người đột ngột, nghi đột quỵ não.", "general"))
        for d in dates:
            if p.discharge is None and (today - d).days <= 10 and self.chance(0.6):
                self.referral(p, rid, d, ReferralOutcome.PENDING, None)
                continue
            back = min(d + timedelta(days=rng.randint(2, 21)), last_day)
            outcome = ReferralOutcome.RETURNED
            if p.discharge is None and self.chance(0.03):
                outcome = ReferralOutcome.TRANSFERRED
            self.referral(p, rid, d, outcome, back)
        if p.open_referral:
            d = self.day_between(max(p.adm, today - timedelta(days=14)), today)
            self.referral(p, rid, d, ReferralOutcome.PENDING, None)
        if final is not None:
            d, outcome, reason = final
            self.referral(p, rid, d, outcome, p.discharge if outcome == ReferralOutcome.DECEASED else None, reason)

    # --- the run -----------------------------------------------------------------

    def run(self, count: int) -> DemoSummary:
        people = [self.person() for _ in range(count)]
        for p in people:
            p.adm = self.admission(p)
        self.assign_quotas(people)
        for p in people:
            end = p.discharge or self.today
            self.plan_conditions(p, end)
            self.baselines(p)
            minority = self.chance(0.10 if self.mountain else 0.02)
            full_name = self.name(p.sex, p.birth.year, minority=minority)
            number, valid_from, valid_to = self.bhyt(p)
            kin_name, kin_relation, kin_phone = self.kin(p, full_name, minority)
            province, ward, detail = self.address()
            resident = Resident(
                full_name=full_name, sex=p.sex, birth_date=p.birth, admission_date=p.adm, groups=list(p.groups),
                cccd=self.cccd(p), bhyt_number=number, bhyt_valid_from=valid_from, bhyt_valid_to=valid_to,
                disability_type=p.dis_type, disability_severity=p.dis_sev, room=self.room(p),
                next_of_kin_name=kin_name, next_of_kin_relation=kin_relation, next_of_kin_phone=kin_phone,
                province_code=province, ward_code=ward, address_detail=detail, notes=self.notes(p, bool(kin_name)),
            )
            created = self.s.residents.admit(self.actor, resident)
            self.summary.residents += 1
            if number is None:
                self.summary.without_bhyt += 1
            elif p.discharge is None and valid_to <= self.today + timedelta(days=30):
                self.summary.bhyt_expiring += 1
            self.write(p, created)
        return self.summary


_CODES_USED = sorted(set(_SHORT) | {"I63", "J18", "A09"})


def generate(services, actor: Actor, residents: int, seed: int = 1, today: date | None = None) -> DemoSummary:
    """Admit ``residents`` demo residents with their records, in one transaction.

    ``today`` defaults to the services' own ``today()`` (``date.today()`` unless
    the services were built with another): pass the same day the services
    validate against, or dates may be refused as being in the future.
    """
    if residents < 0:
        raise ValueError("residents must not be negative")
    facility = services.facility.get()
    if facility is None:
        raise ActionError("Chưa khởi tạo thông tin cơ sở; hãy chạy facility-admin init trước.",
                          "The facility is not initialised yet; run facility-admin init first.")
    missing = [c for c in _CODES_USED if icd10.lookup(c) is None]
    if missing:
        raise ActionError("Danh mục ICD-10 thiếu mã: " + ", ".join(missing),
                          "The ICD-10 list lacks the codes: " + ", ".join(missing))
    today = today or services.residents.today()
    gen = _Generator(services, actor, facility, random.Random(seed), today)
    # CCCDs already in the store stay unique (a second run adds, never collides)
    gen.used_cccd.update(r.cccd for r in services.residents.list(actor) if r.cccd)
    with services.store.batch():
        return gen.run(residents)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    full_name: str
    role: Role
    password: str  # published demo password: never use on real data


DEMO_ACCOUNTS = (
    DemoAccount("dieuduong", "Hoàng Thị Lan", Role.NURSE, "dieuduong-demo-2026"),
    DemoAccount("bacsi", "Trần Văn Bình", Role.DOCTOR, "bacsi-demo-2026"),
    DemoAccount("giamdoc", "Nguyễn Thu Hà", Role.DIRECTOR, "giamdoc-demo-2026"),
)


def add_demo_accounts(services, actor: Actor) -> list[DemoAccount]:
    """Add the demo accounts that do not exist yet (a second run adds none);
    returns those added."""
    existing = {u.username for u in services.users.list(actor)}
    added = []
    for account in DEMO_ACCOUNTS:
        if account.username not in existing:
            services.users.add(actor, account.username, account.full_name, account.role, account.password)
            added.append(account)
    return added
