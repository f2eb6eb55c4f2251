"""The services behind the shell: the Today list, vital-sign alerts, the
resident roster, the sync status and the store gate (no Qt here)."""
from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest

from care_core.domain.alerts import vital_alerts
from care_core.domain.entities import Checkup, Facility, Referral, Resident, VitalSigns
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, DischargeReason, FacilityType, ReferralOutcome, Sex
from care_core.domain.messages import ValidationError
from facility_app.services.roster import RosterService
from facility_app.services.startup import SetupRequest, StoreGate
from facility_app.services.today import TodayService
from facility_app.storage.store import StoreError
from tests.conftest import NURSE, PASSPHRASE, SYSTEM, TODAY


def admit(services, name, born=date(1950, 1, 1), **kw) -> Resident:
    kw.setdefault("groups", [BeneficiaryGroup.ELDERLY])
    return services.residents.admit(SYSTEM, Resident(name, Sex.FEMALE, born, date(2024, 1, 1), **kw))


def checkup(services, rid, day, due=None, **vitals) -> Checkup:
    return services.clinical.record_checkup(SYSTEM, Checkup(rid, day, CheckupKind.PERIODIC, VitalSigns(**vitals),
                                                            next_due_date=due))


def today_of(services):
    return TodayService(services.store, lambda: TODAY).due_list(NURSE)


def kinds_of(today, rid) -> set[str]:
    return {i.kind for i in today.items if i.resident_id == rid}


# --- alerts ----------------------------------------------------------------------------

@pytest.mark.parametrize("vitals, fields", [
    (dict(systolic=160, diastolic=80), {"systolic"}),
    (dict(systolic=159, diastolic=99), set()),
    (dict(systolic=89, diastolic=60), {"systolic"}),
    (dict(systolic=150, diastolic=100), {"diastolic"}),
    (dict(spo2=91), {"spo2"}), (dict(spo2=92), set()),
    (dict(temperature=38.0), {"temperature"}), (dict(temperature=35.4), {"temperature"}), (dict(temperature=37.9), set()),
    (dict(pulse=121), {"pulse"}), (dict(pulse=120), set()), (dict(pulse=49), {"pulse"}),
    (dict(glucose=14.0), {"glucose"}), (dict(glucose=13.9), set()), (dict(glucose=3.8), {"glucose"}),
])
def test_alert_thresholds(vitals, fields):
    assert {a.field for a in vital_alerts(VitalSigns(**vitals))} == fields


def test_alert_sentences_are_bilingual():
    (alert,) = vital_alerts(VitalSigns(spo2=88))
    assert alert.message("vi") == "SpO2 thấp: 88% (< 92)"
    assert alert.message("en") == "SpO2 low: 88% (< 92)"
    (alert,) = vital_alerts(VitalSigns(pulse=130))
    assert alert.message("vi") == "Mạch cao: 130 lần/phút (> 120)"
    assert alert.message("en") == "Pulse high: 130/min (> 120)"


# --- today ---------------------------------------------------------------------------------

def test_no_checkup_means_due(services):
    r = admit(services, "Nguyễn Văn An")
    today = today_of(services)
    (item,) = [i for i in today.items if i.resident_id == r.id]
    assert item.kind == "checkup_due" and item.when is None
    assert item.detail("vi") == "Chưa có lần khám nào" and item.detail("en") == "No checkup recorded yet"


def test_due_uses_latest_current_checkup(services):
    r = admit(services, "Nguyễn Văn An")
    old = checkup(services, r.id, date(2025, 1, 5), due=date(2025, 6, 1))
    assert "checkup_due" in kinds_of(today_of(services), r.id)  # overdue since June 2025
    checkup(services, r.id, date(2026, 10, 1), due=date(2027, 1, 1))
    assert "checkup_due" not in kinds_of(today_of(services), r.id)
    # a correction of the old one does not bring it back
    services.clinical.correct_checkup(SYSTEM, old.id, dataclasses.replace(old, findings="sửa"))
    assert "checkup_due" not in kinds_of(today_of(services), r.id)


def test_due_today_and_overdue_wording(services):
    a = admit(services, "Nguyễn Văn An")
    b = admit(services, "Trần Văn Bình")
    checkup(services, a.id, date(2026, 8, 20), due=TODAY)
    checkup(services, b.id, date(2026, 8, 20), due=TODAY - timedelta(days=12))
    items = {i.resident_id: i for i in today_of(services).of_kind("checkup_due")}
    assert items[a.id].detail("vi") == "Đến hạn khám hôm nay"
    assert items[b.id].detail("vi") == "Quá hạn khám 12 ngày (hạn 08/11/2026)"
    assert items[b.id].detail("en") == "Checkup 12 days overdue (due 08/11/2026)"
    assert [i.resident_id for i in today_of(services).of_kind("checkup_due")] == [b.id, a.id]  # most overdue first


def test_abnormal_vitals_in_last_seven_days_only(services):
    recent = admit(services, "Nguyễn Văn An")
    old = admit(services, "Trần Văn Bình")
    normal = admit(services, "Lê Thị Cúc")
    checkup(services, recent.id, TODAY - timedelta(days=6), systolic=182, diastolic=104)
    checkup(services, old.id, TODAY - timedelta(days=7), systolic=182, diastolic=104)
    checkup(services, normal.id, TODAY, systolic=120, diastolic=80, spo2=97)
    (item,) = today_of(services).of_kind("abnormal_vitals")
    assert item.resident_id == recent.id
    assert "Huyết áp tâm thu cao: 182 mmHg" in item.detail("vi") and "Huyết áp tâm trương cao" in item.detail("vi")
    assert "Systolic blood pressure high: 182 mmHg" in item.detail("en")


def test_bhyt_expired_or_expiring_within_30_days(services):
    expired = admit(services, "Nguyễn Văn An", bhyt_number="CC1200123456789", bhyt_valid_to=TODAY - timedelta(days=1))
    soon = admit(services, "Trần Văn Bình", bhyt_number="CC1200123456780", bhyt_valid_to=TODAY + timedelta(days=30))
    later = admit(services, "Lê Thị Cúc", bhyt_number="CC1200123456781", bhyt_valid_to=TODAY + timedelta(days=31))
    items = {i.resident_id: i for i in today_of(services).of_kind("bhyt")}
    assert set(items) == {expired.id, soon.id}
    assert items[expired.id].detail("vi") == "Thẻ BHYT hết hạn từ 19/11/2026"
    assert items[soon.id].detail("en") == "Insurance card expires on 20/12/2026 (30 days left)"
    assert later.id not in items


def test_open_referrals(services):
    r = admit(services, "Nguyễn Văn An")
    closed = admit(services, "Trần Văn Bình")
    services.clinical.open_referral(SYSTEM, Referral(r.id, TODAY - timedelta(days=3), "Bệnh viện Đa khoa tỉnh", "Sốt"))
    ref = services.clinical.open_referral(SYSTEM, Referral(closed.id, TODAY - timedelta(days=9), "Bệnh viện A", "Ho"))
    services.clinical.close_referral(SYSTEM, ref.id, ReferralOutcome.RETURNED, TODAY, "", ref.version)
    (item,) = today_of(services).of_kind("referral")
    assert item.resident_id == r.id
    assert item.detail("vi") == "Chuyển tuyến Bệnh viện Đa khoa tỉnh từ 17/11/2026 (3 ngày)"


def test_elderly_without_checkup_this_year(services):
    old_seen = admit(services, "Nguyễn Văn An", born=date(1940, 1, 1))
    old_not_seen = admit(services, "Trần Văn Bình", born=date(1946, 11, 20))  # 80 today
    almost = admit(services, "Lê Thị Cúc", born=date(1946, 11, 21))  # 80 tomorrow
    checkup(services, old_seen.id, date(2026, 2, 1), due=date(2027, 2, 1))
    checkup(services, old_not_seen.id, date(2025, 12, 31), due=date(2026, 12, 31))
    checkup(services, almost.id, date(2025, 12, 31), due=date(2026, 12, 31))
    items = today_of(services).of_kind("elderly_no_checkup")
    assert [i.resident_id for i in items] == [old_not_seen.id]
    assert items[0].detail("vi") == "80 tuổi, chưa khám trong năm 2026"


def test_present_residents_only(services):
    r = admit(services, "Nguyễn Văn An", bhyt_number="CC1200123456789", bhyt_valid_to=TODAY - timedelta(days=5))
    services.clinical.open_referral(SYSTEM, Referral(r.id, TODAY - timedelta(days=3), "Bệnh viện A", "Sốt"))
    assert kinds_of(today_of(services), r.id) == {"checkup_due", "bhyt", "referral"}
    services.residents.discharge(SYSTEM, r.id, TODAY, DischargeReason.RETURNED_HOME, r.version)
    assert today_of(services).items == []


# --- roster ----------------------------------------------------------------------------

def test_roster_rows_carry_folded_names(services):
    a = admit(services, "Đặng Thị Hồng", room="Nhà 2 - P.3", cccd="001150012345")
    (row,) = RosterService(services.store).rows(NURSE)
    assert (row.id, row.full_name, row.name_folded, row.room, row.cccd) == (
        a.id, "Đặng Thị Hồng", "dang thi hong", "Nhà 2 - P.3", "001150012345")
    assert row.groups == (BeneficiaryGroup.ELDERLY,) and row.present
    assert RosterService(services.store).row(NURSE, a.id) == row
    assert RosterService(services.store).row(NURSE, "nobody") is None


def test_sync_status_counts_changes_waiting_before_enrolment(services):
    before = services.sync.status()
    assert before.enrolled is False and before.last_success_at is None
    admit(services, "Nguyễn Văn An")
    assert services.sync.status().waiting == before.waiting + 1


# --- store gate (the wizard's and unlock screen's services) ----------------------------------------

def _request(**kw) -> SetupRequest:
    base = dict(facility=Facility("TT-TEST", "Trung tâm thử", FacilityType.SOCIAL_ASSISTANCE, province_code=20),
                passphrase=PASSPHRASE, admin_username="admin", admin_full_name="Quản trị", admin_password="mat-khau-2026")
    base.update(kw)
    return SetupRequest(**base)


def test_gate_creates_like_cli_init(tmp_path):
    gate = StoreGate(tmp_path / "d", lambda: TODAY)
    services, key = gate.create(_request())
    try:
        f = services.facility.get()
        assert (f.code, f.report_place, f.governing_body) == ("TT-TEST", "Lạng Sơn", "SỞ Y TẾ TỈNH LẠNG SƠN")
        assert services.users.login("admin", "mat-khau-2026").username == "admin"
    finally:
        services.close()
    assert "hidden" in repr(key)
    again = gate.open(gate.derive_key(PASSPHRASE))
    assert again.facility.get().code == "TT-TEST"
    again.close()
    with pytest.raises(StoreError) as wrong:
        gate.derive_key("not the passphrase")
    assert wrong.value.message("vi") == "Sai mật khẩu kho dữ liệu; không có gì bị thay đổi."


@pytest.mark.parametrize("change, field", [
    (dict(facility=Facility("bad code", "Trung tâm", FacilityType.SOCIAL_ASSISTANCE)), "facility_code"),
    (dict(passphrase="short"), "passphrase"),
    (dict(admin_username="Admin Nguyễn"), "username"),
    (dict(admin_password="1234"), "password"),
])
def test_gate_refuses_bad_setup_and_leaves_nothing(tmp_path, change, field):
    gate = StoreGate(tmp_path / "d", lambda: TODAY)
    with pytest.raises(ValidationError) as refused:
        gate.create(_request(**change))
    assert field in refused.value.fields()
    assert not gate.exists() and not (tmp_path / "d").exists()


def test_remembered_key_is_checked(tmp_path):
    gate = StoreGate(tmp_path / "d", lambda: TODAY)
    services, key = gate.create(_request())
    services.close()
    hex_key = gate.key_hex(key)
    assert len(hex_key) == 64 and PASSPHRASE not in hex_key
    reopened = gate.open(gate.key_from_hex(hex_key))
    reopened.close()
    with pytest.raises(StoreError):
        gate.key_from_hex("00" * 32)
    with pytest.raises(StoreError):
        gate.key_from_hex("not hex")


def test_most_urgent_kinds_come_first(services):
    r = admit(services, "Nguyễn Văn An", born=date(1940, 1, 1), bhyt_number="CC1200123456789",
              bhyt_valid_to=TODAY + timedelta(days=3))
    checkup(services, r.id, date(2025, 6, 1), due=date(2025, 12, 1), spo2=97)
    checkup(services, r.id, TODAY - timedelta(days=2), due=TODAY - timedelta(days=1), spo2=88)
    services.clinical.open_referral(SYSTEM, Referral(r.id, TODAY, "Bệnh viện A", "Khó thở"))
    assert [i.kind for i in today_of(services).items] == ["abnormal_vitals", "referral", "checkup_due", "bhyt"]
