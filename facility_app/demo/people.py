"""Phases 1-2 and the identity half of phase 3: who lives here (kind, age,
sex, groups), their stays and quotas, and each one's CCCD, BHYT card, next
of kin, room and address.
"""
from __future__ import annotations

from datetime import date, timedelta

from care_core.domain import divisions, rules
from care_core.domain.enums import DischargeReason, DisabilitySeverity, DisabilityType, FacilityType, Sex
from .clinical_terms import SERIOUS
from .model import F, G, M, Person, add_years, age_on, clamp
from .names import OTHER_PLACES, PHONE_PREFIXES


class People:
    """Who lives here: the population, the stays and each identity (phases 1-2
    and the identity part of phase 3)."""

    # --- phase 1: who lives here ----------------------------------------------

    def birth_for_age(self, age: int, *, jan_first: float = 0.0) -> date:
        year = self.today.year - age
        if self.chance(jan_first):
            birth = date(year, 1, 1)
        else:
            birth = date(year, 1, 1) + timedelta(days=self.rng.randint(0, 364))
        while age_on(birth, self.today) > age:
            birth += timedelta(days=1)
        while age_on(birth, self.today) < age:
            birth -= timedelta(days=1)
        if birth > self.today:
            birth = self.today - timedelta(days=self.rng.randint(30, 300))
        return birth

    def elderly_age(self, old: bool) -> int:
        band = self.pick([((60, 69), 20), ((70, 79), 35), ((80, 89), 35), ((90, 100), 10)] if not old else
                         [((65, 69), 10), ((70, 79), 45), ((80, 89), 35), ((90, 99), 10)])
        return self.rng.randint(*band)

    def person(self) -> Person:
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
            p = Person(kind, sex, self.birth_for_age(age, jan_first=0.2 if age >= 80 else 0.05), [G.ELDERLY])
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
            p = Person(kind, sex, self.birth_for_age(age), [G.CHILD])
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
            p = Person(kind, sex, self.birth_for_age(age), groups)
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
            p = Person(kind, sex, self.birth_for_age(age, jan_first=0.25), [G.MERIT, G.ELDERLY])
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
            p = Person(kind, sex, self.birth_for_age(age), [G.MERIT, G.DISABILITY])
            p.dis_type = self.pick([(DisabilityType.INTELLECTUAL, 45), (DisabilityType.MOBILITY, 40),
                                    (DisabilityType.VISION, 15)])
            p.dis_sev = self.pick([(DisabilitySeverity.SEVERE, 60), (DisabilitySeverity.EXTREME, 40)])
            p.codes = self.disability_conditions(p.dis_type, child=False)
        else:  # drug
            sex = M if self.chance(0.93) else F
            age = rng.randint(*self.pick([((18, 24), 20), ((25, 34), 40), ((35, 44), 30), ((45, 50), 10)]))
            p = Person(kind, sex, self.birth_for_age(age), [G.DRUG_USER])
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

    def admission(self, p: Person) -> date:
        window = 730 if p.kind == "drug" else 8 * 365
        adm = self.today - timedelta(days=int(window * self.rng.random() ** 1.25))
        min_age = {"elderly": 55, "veteran": 60, "drug": 18, "mental": 16, "disability": 16, "veteran-child": 16}.get(p.kind, 0)
        earliest = add_years(p.birth, min_age) if min_age else p.birth + timedelta(days=self.rng.randint(3, 60))
        if adm < earliest:
            adm = self.day_between(earliest, self.today) if earliest <= self.today else self.today
        return min(adm, self.today)

    def weighted_sample(self, people: list[Person], count: int, weight) -> list[Person]:
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

    def assign_quotas(self, people: list[Person]) -> None:
        n = len(people)
        today = self.today
        drug = self.type == FacilityType.DRUG_REHAB

        def death_weight(p: Person) -> float:
            if (today - p.adm).days < 45 or p.kind == "child":
                return 0
            age = age_on(p.birth, today)
            w = 1 + (2 if age >= 60 else 0) + (4 if age >= 80 else 0) + (3 if age >= 90 else 0)
            return w + 3 * sum(c in SERIOUS for c in p.codes)

        for p in self.weighted_sample(people, self.quota(n, 0.01 if drug else 0.04), death_weight):
            p.reason = DischargeReason.DECEASED
            p.discharge = self.day_between(p.adm + timedelta(days=30), today - timedelta(days=1))
            p.hospital_death = self.chance(0.4)

        def leave_weight(p: Person) -> float:
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
        pool = [p for p in people if not (p.kind == "child" and age_on(p.birth, today) < 6)]
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
                                        (3 if p.codes else 1) * (2 if age_on(p.birth, today) >= 60 else 1))
        for p in abnormal:
            p.abnormal = True
        opened = self.weighted_sample(present, self.quota(m, 0.025),
                                      lambda p: 0 if (today - p.adm).days < 20 else 1 + 2 * (age_on(p.birth, today) >= 70))
        for p in opened:
            p.open_referral = True

    # --- phase 3: one resident's record ---------------------------------------------

    def cccd(self, p: Person) -> str | None:
        age = age_on(p.birth, self.today)
        if age < 14:
            return None
        if self.chance(0.5 if age < 16 else 0.65 if age >= 80 else 0.92) is False:
            return None
        place = self.rng.choice(self.places) if self.chance(0.8) else self.rng.choice(OTHER_PLACES)
        middle = rules.cccd_expected_digits(p.sex, p.birth.year)
        while True:
            number = f"{place:03d}{middle}{self.rng.randint(0, 999999):06d}"
            if number not in self.used_cccd:
                self.used_cccd.add(number)
                return number

    def bhyt(self, p: Person) -> tuple[str | None, date | None, date | None]:
        if p.bhyt == "none":
            return None, None, None
        age = age_on(p.birth, self.today)
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
            return number, p.birth, add_years(p.birth, 6) - timedelta(days=1)
        ref = p.discharge or self.today
        if p.bhyt == "expiring":
            to = self.today + timedelta(days=self.rng.randint(0, 30))
        elif p.bhyt == "expired":
            to = self.today - timedelta(days=self.rng.randint(1, 90))
        else:
            to = ref + timedelta(days=self.rng.randint(31 if p.discharge is None else 1, 365))
        years = 5 if obj == "CC" and self.chance(0.5) else 1
        start = max(p.birth, add_years(to, -years) + timedelta(days=1))
        return number, start, to

    def kin(self, p: Person, own_name: str, minority: bool) -> tuple[str, str, str]:
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
        age = age_on(p.birth, self.today)
        offset = {"Mẹ": 25, "Bố": 28, "Bà nội": 50, "Bà ngoại": 50, "Bác ruột": 30, "Cô ruột": 22, "Chú ruột": 22,
                  "Dì ruột": 22, "Vợ": -3, "Chồng": 3, "Con trai": -28, "Con gái": -28, "Cháu nội": -55,
                  "Cháu ruột": -35, "Cháu họ": -35}.get(relation, 0)
        birth_year = self.today.year - clamp(age + offset, 20, 90)
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
        phone = self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randint(0, 9_999_999):07d}"
        return name, relation, phone

    def room(self, p: Person) -> str:
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

    def notes(self, p: Person, has_kin: bool) -> str:
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
