"""Phase 3: one resident's clinical record over the stay: conditions,
baseline vital signs, checkups, rehabilitation courses and referrals.
"""
from __future__ import annotations

from datetime import date, timedelta

from care_core.domain.dates import dmy
from care_core.domain.entities import Checkup, Condition, Referral, RehabSession, Resident, VitalSigns
from care_core.domain.enums import (
    CheckupKind,
    ConditionStatus,
    DischargeReason,
    DisabilitySeverity,
    DisabilityType,
    HealthClass,
    ReferralOutcome,
    RehabType,
    ScreeningResult,
)
from .clinical_terms import ABNORMAL, ADHOC, CHRONIC, FOLLOW_UP, NORMAL, NOTES, SERIOUS, SHORT, growth_at
from .model import F, M, Cond, Person, add_years, age_on, clamp


class Histories:
    """One resident's clinical record over the stay (phase 3)."""

    def plan_conditions(self, p: Person, end: date) -> None:
        for code in p.codes:
            age_now = age_on(p.birth, end)
            min_age = {"I10": 35, "E11": 35, "E11.9": 35, "J44": 45, "J44.9": 45, "M17": 45, "M19": 45,
                       "F03": 65, "G30": 65, "F01": 60, "I69": 45, "H25": 50, "E78": 35, "M81": 50, "N18": 40,
                       "G20": 55, "F20": 16, "F11": 14, "F15": 14, "F10": 20}.get(code, 0)
            earliest = add_years(p.birth, min(min_age, max(age_now, 0)))
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
            onset = clamp(onset, p.birth, min(end, self.today))
            if code in ("A15", "K29") and self.chance(0.5 if code == "A15" else 0.35) and onset < self.today - timedelta(days=240):
                status = ConditionStatus.RESOLVED
            elif code in ("I10", "E11", "E11.9", "F20", "B20", "G40", "E78"):
                status = ConditionStatus.CONTROLLED if self.chance(0.55 if code != "B20" else 0.8) else ConditionStatus.ACTIVE
            elif code in ("F11", "F15"):
                status = ConditionStatus.ACTIVE
            else:
                status = ConditionStatus.CONTROLLED if self.chance(0.45) else ConditionStatus.ACTIVE
            p.conds.append(Cond(code, onset, status))

    def baselines(self, p: Person) -> None:
        rng = self.rng
        age = age_on(p.birth, p.adm)
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
        p.bmi = clamp(p.bmi, 15.5, 32)
        p.child_factor = clamp(rng.gauss(0.93 if p.dis_type else 0.98, 0.06), 0.75, 1.15)
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
        if any(c in SERIOUS for c in p.codes) and self.chance(0.6):
            base += 1
        p.health = clamp(base, 1, 5)

    def vitals(self, p: Person, d: date, kind: CheckupKind, abnormal: str | None = None) -> VitalSigns:
        rng = self.rng
        age_days = (d - p.birth).days
        age = age_days / 365.25
        v = VitalSigns()
        if age < 16:
            h, w = growth_at(age)
            if p.sex == F:
                h, w = h * 0.985, w * 0.97
            v.height_cm = round(clamp(h * (0.97 + 0.03 * p.child_factor) + rng.gauss(0, 1.2), 45, 200) * 2) / 2
            v.weight_kg = round(clamp(w * p.child_factor + rng.gauss(0, w * 0.03), 2.5, 120), 1)
            v.systolic = int(clamp(85 + 1.6 * age + rng.gauss(0, 5), 70, 135))
            v.diastolic = int(clamp(v.systolic * 0.62 + rng.gauss(0, 4), 40, v.systolic - 20))
            v.pulse = int(clamp((130 if age < 1 else 115 - 2.5 * age) + rng.gauss(0, 7), 60, 170))
            v.respiratory_rate = int(clamp((36 if age < 1 else 26 if age < 5 else 20) + rng.gauss(0, 2), 14, 50))
            v.spo2 = rng.randint(97, 100)
            v.temperature = round(clamp(rng.gauss(36.7, 0.2), 36.1, 37.4), 1)
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
            v.weight_kg = round(clamp(bmi * (height / 100) ** 2, 28, 120), 1)
            if kind == CheckupKind.ADMISSION or self.chance(0.55):
                v.height_cm = round(clamp(height, 120, 200) * 2) / 2
            sys = p.sys_base + 0.45 * years_in + rng.gauss(0, 7)
            if p.has("I10", d):
                sys += 12 if any(c.code == "I10" and c.status == ConditionStatus.CONTROLLED for c in p.conds) else 28
            elif "I10" in p.codes:
                sys += 8  # before it was diagnosed
            v.systolic = int(clamp(sys, 90, 195))
            v.diastolic = int(clamp(0.52 * v.systolic + 12 + rng.gauss(0, 5), 50, min(112, v.systolic - 25)))
            copd = p.has("J44", d)
            v.pulse = int(clamp(76 + (6 if copd else 0) + (10 if p.kind == "drug" and kind == CheckupKind.ADMISSION else 0)
                                 + rng.gauss(0, 7), 52, 118))
            v.respiratory_rate = int(clamp((21 if copd else 18) + rng.gauss(0, 1.5), 14, 28))
            v.spo2 = rng.randint(91, 96) if copd else rng.randint(95, 98) if age >= 85 else rng.randint(96, 99)
            v.temperature = round(clamp(rng.gauss(36.6, 0.22), 36.0, 37.3), 1)
            if p.has("E11", d):
                controlled = any(c.code.startswith("E11") and c.status == ConditionStatus.CONTROLLED for c in p.conds)
                v.glucose = round(clamp(rng.gauss(7.2, 1.0) if controlled else rng.gauss(8.8, 1.6), 5.0, 14.5), 1)
            elif kind == CheckupKind.ADMISSION or self.chance(0.35):
                v.glucose = round(clamp(rng.gauss(5.2, 0.5), 3.9, 6.4), 1)
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

    def classification(self, p: Person, d: date) -> HealthClass:
        value = p.health
        if p.reason == DischargeReason.DECEASED and (p.discharge - d).days < 180:
            value += 1
        if self.chance(0.1):
            value += self.rng.choice((-1, 1))
        return HealthClass(clamp(value, 1, 5))

    def findings(self, p: Person, d: date, kind: CheckupKind) -> str:
        known = [c for c in p.conds if c.onset is None or c.onset <= d]
        names = []
        for c in known:
            short = SHORT.get(c.code, c.code)
            if short not in names:
                names.append(short)
        if kind == CheckupKind.ADMISSION:
            text = "Khám sàng lọc khi tiếp nhận."
            if names:
                text += " Tiền sử: " + ", ".join(names) + "."
            return text + " " + self.rng.choice(NORMAL)
        if kind == CheckupKind.AD_HOC:
            return self.rng.choice(ADHOC)
        if not names:
            return "Khám định kỳ. " + self.rng.choice(NORMAL)
        active = [c for c in known if c.status == ConditionStatus.ACTIVE]
        focus = self.rng.choice(active or known)
        state = "đang điều trị, theo dõi" if focus.status == ConditionStatus.ACTIVE else "ổn định với điều trị"
        if focus.status == ConditionStatus.RESOLVED:
            state = "đã khỏi, không tái phát"
        name = SHORT.get(focus.code, focus.code)
        return f"Khám định kỳ. {name[:1].upper() + name[1:]} {state}. Tiếp tục theo dõi."

    def screening(self, p: Person) -> tuple[ScreeningResult, str, bool]:
        # infections known at admission; tuberculosis only while still contagious
        found = [c for c in p.conds if c.code in ("B20", "B18.1", "B18.2") and c.onset <= p.adm
                 or c.code == "A15" and p.adm - timedelta(days=120) <= c.onset <= p.adm]
        tests = "lao, HIV, viêm gan B, viêm gan C" if p.kind == "drug" else "lao, viêm gan B, bệnh truyền nhiễm"
        tb = any(c.code == "A15" for c in found)
        if found:
            names = ", ".join(SHORT[c.code] for c in found)
            return ScreeningResult.POSITIVE, f"Sàng lọc {tests}: dương tính ({names}).", tb
        if self.chance(0.03):
            reason = self.rng.choice(["ho kéo dài trên 2 tuần, nghi lao", "sốt, ho, nghi cúm", "ngứa, tổn thương da nghi ghẻ"])
            return ScreeningResult.SUSPECTED, f"Sàng lọc {tests}: {reason}; cách ly chờ kết quả.", True
        if self.chance(0.02):
            return ScreeningResult.NOT_DONE, "Chưa làm xét nghiệm sàng lọc, hẹn bổ sung.", False
        return ScreeningResult.NEGATIVE, f"Sàng lọc {tests}: âm tính.", False

    def write(self, p: Person, created: Resident) -> None:
        """Conditions, checkups, rehab and referrals of one resident, then discharge."""
        rng, s, actor, today = self.rng, self.s, self.actor, self.today
        end = p.discharge or today
        rid = created.id
        for c in p.conds:
            follow = None if c.status == ConditionStatus.RESOLVED else FOLLOW_UP.get(c.code, 180)
            note = rng.choice(NOTES.get(c.code, [""]))
            if c.status == ConditionStatus.RESOLVED:
                note = "Đã điều trị khỏi."
            if c.status == ConditionStatus.ACTIVE:
                s.clinical.add_condition(actor, Condition(rid, c.code, c.onset, c.status, follow, note))
            else:  # active from its onset, then controlled or resolved on a later day: its history
                added = s.clinical.add_condition(actor, Condition(rid, c.code, c.onset, ConditionStatus.ACTIVE,
                                                                  follow, note))
                last = min(p.discharge or self.today, self.today)
                first = max(c.onset, p.adm) if c.onset else p.adm
                if first < last:
                    span = (last - first).days
                    since = first + timedelta(days=self.history_rng.randint(min(30, span), span))
                    s.clinical.update_condition(actor, added.id, {"status": c.status, "status_changed_on": since}, 1)
                else:
                    s.clinical.update_condition(actor, added.id, {"status": c.status, "status_changed_on": last}, 1)
            self.summary.conditions += 1

        # --- checkups: admission, periodic schedule, ad-hoc visits ---
        def chronic_on(d: date) -> bool:
            return any(c.code in CHRONIC and c.onset <= d and c.status != ConditionStatus.RESOLVED for c in p.conds)

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
        rate = 0.8 if age_on(p.birth, end) >= 70 else 0.4  # ad-hoc visits a year
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
            elif age_on(p.birth, d) >= 70 or p.has("J44", d):
                kind = self.pick([("spo2", 60), ("fever", 40)])
            else:
                kind = self.pick([("fever", 60), ("bp", 40)]) if age_on(p.birth, d) >= 40 else "fever"
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
                    findings = ABNORMAL[abnormal]
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

    def rehab(self, p: Person, rid: str, end: date) -> None:
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
                    score = int(round(clamp(start_barthel + gain * k / max(sessions - 1, 1) + rng.gauss(0, 1.5), 0, 100)))
                minutes = {RehabType.PHYSIOTHERAPY: (30, 60), RehabType.OCCUPATIONAL: (30, 60), RehabType.SPEECH: (20, 45),
                           RehabType.PSYCHOLOGICAL: (45, 90), RehabType.COMMUNITY: (30, 60)}[rtype]
                self.s.clinical.record_rehab(self.actor, RehabSession(
                    rid, d, rtype, rng.randint(*minutes) // 5 * 5, therapist, score, self.rehab_note(rtype, p)))
                self.summary.rehab_sessions += 1
                d += timedelta(days=rng.choice((1, 2, 2, 3, 3, 4)))
            barthel = int(clamp(start_barthel + gain - rng.uniform(0, 4), 0, 100))

    def rehab_note(self, rtype: RehabType, p: Person) -> str:
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

    def referral_reason(self, p: Person, d: date) -> tuple[str | None, str, str]:
        options: list[tuple[tuple[str | None, str, str], float]] = [
            (("J18", "Sốt cao, ho, khó thở, nghi viêm phổi.", "general"), 3 if age_on(p.birth, d) >= 65 else 1),
            (("A09", "Tiêu chảy cấp, mất nước.", "child" if p.kind == "child" else "general"), 1),
            (("K29", "Đau thượng vị nhiều, nghi xuất huyết tiêu hóa.", "general"), 0.5 + ("K29" in p.codes)),
        ]
        if p.kind == "child":
            options.append((("J18", "Trẻ sốt cao, thở nhanh, nghi viêm phổi.", "child"), 3))
        if age_on(p.birth, d) >= 60:
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

    def referral(self, p: Person, rid: str, d: date, outcome: ReferralOutcome, back: date | None,
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
                ReferralOutcome.DECEASED: f"Tử vong tại bệnh viện ngày {dmy(back or d)}."}[outcome]
        self.s.clinical.close_referral(self.actor, r.id, outcome, back if outcome == ReferralOutcome.RETURNED else None,
                                       note, r.version)

    def referrals(self, p: Person, rid: str, end: date) -> None:
        rng, today = self.rng, self.today
        age = age_on(p.birth, end)
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
