"""Conditions (ICD-10 picker without diacritics), rehabilitation with the
Barthel trend, referrals open/close, the change history in words, and the
table models under qtmodeltester."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton

from care_core.domain.entities import Checkup, Condition, Referral, RehabSession, VitalSigns
from care_core.domain.enums import CheckupKind, ConditionStatus, ReferralOutcome, RehabType
from facility_app.ui.record import models
from facility_app.ui.record.history_tab import describe
from tests.conftest import NURSE
from tests.ui_record_fixtures import (  # noqa: F401 - fixtures
    settled,
    child,
    open_record,
    record_qm,
    resident,
    services,
    translated,
    type_into,
)


def click(qtbot, parent, name):
    qtbot.mouseClick(child(parent, name, QPushButton), Qt.MouseButton.LeftButton)


def test_condition_added_through_the_icd_picker_typed_without_diacritics(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)
    record.tabs.setCurrentWidget(record.conditions)
    click(qtbot, record, "conditionNew")
    search = type_into(qtbot, record, "conditionIcdSearch", "tang huyet ap")
    results = child(record, "conditionIcdResults", QListWidget)
    assert results.isVisible() and results.count() >= 1
    assert results.item(0).text().startswith("I10") and "Tăng huyết áp".lower() in results.item(0).text().lower()
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert "I10" in child(record, "conditionIcdChosen", QLabel).text()
    type_into(qtbot, record, "conditionOnset", "03/2020")  # not a date
    assert "03/2020" in child(record, "conditionError_onset_date", QLabel).text()
    type_into(qtbot, record, "conditionOnset", "01/03/2020")
    type_into(qtbot, record, "conditionFollowUp", "30")
    click(qtbot, record, "conditionSave")
    settled(qtbot)

    stored = services.clinical.timeline(NURSE, resident.id).conditions
    assert [(c.icd10, c.onset_date, c.follow_up_days, c.status) for c in stored] == [
        ("I10", date(2020, 3, 1), 30, ConditionStatus.ACTIVE)]
    table = child(record, "conditionTable")
    assert table.model().rowCount() == 1 and table.model().index(0, 0).data() == "I10"


def test_icd_picker_finds_by_code_and_refuses_saving_without_a_diagnosis(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)
    record.tabs.setCurrentWidget(record.conditions)
    click(qtbot, record, "conditionNew")
    click(qtbot, record, "conditionSave")
    settled(qtbot)
    assert child(record, "conditionError_icd10", QLabel).isVisible()
    assert services.clinical.timeline(NURSE, resident.id).conditions == []
    search = type_into(qtbot, record, "conditionIcdSearch", "e11")
    assert child(record, "conditionIcdResults", QListWidget).item(0).text().startswith("E11")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert record.conditions.form.icd.value().startswith("E11")


def test_updating_a_condition_changes_its_status(qtbot, services, resident):
    services.clinical.add_condition(NURSE, Condition(resident.id, "I10", date(2020, 1, 1)))
    record = open_record(qtbot, services, resident.id)
    record.tabs.setCurrentWidget(record.conditions)
    record.conditions.table.selectRow(0)
    click(qtbot, record, "conditionEdit")
    record.conditions.form.status.set_current(ConditionStatus.CONTROLLED)
    click(qtbot, record, "conditionSave")
    settled(qtbot)
    stored = services.clinical.timeline(NURSE, resident.id).conditions[0]
    assert (stored.status, stored.version) == (ConditionStatus.CONTROLLED, 2)


def test_rehab_session_with_barthel_is_recorded_and_charted(qtbot, services, resident):
    services.clinical.record_rehab(NURSE, RehabSession(resident.id, date(2026, 9, 1), RehabType.PHYSIOTHERAPY, 45,
                                                       "KTV Hà", barthel=40))
    record = open_record(qtbot, services, resident.id)
    record.tabs.setCurrentWidget(record.rehab)
    assert record.rehab.chart.point_count() == 1
    click(qtbot, record, "rehabNew")
    # the same programme continues: type, minutes and therapist are pre-filled
    assert record.rehab.form.type.current() == RehabType.PHYSIOTHERAPY
    assert child(record, "rehabMinutes", QLineEdit).text() == "45"
    type_into(qtbot, record, "rehabBarthel", "150")
    assert "150" in child(record, "rehabError_barthel", QLabel).text()
    click(qtbot, record, "rehabSave")
    settled(qtbot)
    assert len(services.clinical.timeline(NURSE, resident.id).rehab) == 1
    type_into(qtbot, record, "rehabBarthel", "55")
    click(qtbot, record, "rehabSave")
    settled(qtbot)

    sessions = services.clinical.timeline(NURSE, resident.id).rehab
    assert sorted(s.barthel for s in sessions) == [40, 55]
    assert record.rehab.chart.point_count() == 2
    assert child(record, "rehabTable").model().index(0, 4).data() == "55"  # newest first


def test_referral_opened_then_closed_on_return(qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)
    record.tabs.setCurrentWidget(record.referrals)
    click(qtbot, record, "referralNew")
    click(qtbot, record, "referralSave")  # hospital and reason missing
    settled(qtbot)
    assert child(record, "referralError_hospital", QLabel).isVisible()
    assert child(record, "referralError_reason", QLabel).isVisible()
    type_into(qtbot, record, "referralHospital", "Bệnh viện Đa khoa tỉnh Lạng Sơn")
    type_into(qtbot, record, "referralReason", "Khó thở, SpO2 88%")
    search = type_into(qtbot, record, "referralIcdSearch", "J44")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    type_into(qtbot, record, "referralDate", "10/11/2026")
    click(qtbot, record, "referralSave")
    settled(qtbot)
    opened = services.clinical.timeline(NURSE, resident.id).referrals
    assert [(r.hospital, r.icd10[:3], r.referral_date, r.is_open) for r in opened] == [
        ("Bệnh viện Đa khoa tỉnh Lạng Sơn", "J44", date(2026, 11, 10), True)]
    assert "Lạng Sơn" in child(record, "recordAlerts", QLabel).text()  # "at the hospital"

    record.referrals.table.selectRow(0)
    click(qtbot, record, "referralClose")
    record.referrals.close_form_widget.outcome.set_current(ReferralOutcome.RETURNED)
    assert child(record, "referralReturnDate", QLineEdit).text() == "20/11/2026"  # today, ready to change
    type_into(qtbot, record, "referralReturnDate", "01/11/2026")  # before the referral
    assert child(record, "referralCloseError_return_date", QLabel).isVisible()
    type_into(qtbot, record, "referralReturnDate", "18/11/2026")
    type_into(qtbot, record, "referralOutcomeNote", "Đợt cấp COPD, đã ổn")
    click(qtbot, record, "referralCloseSave")
    settled(qtbot)
    closed = services.clinical.timeline(NURSE, resident.id).referrals[0]
    assert (closed.outcome, closed.return_date, closed.outcome_note) == (
        ReferralOutcome.RETURNED, date(2026, 11, 18), "Đợt cấp COPD, đã ổn")
    assert not child(record, "referralClose", QPushButton).isEnabled()


def test_history_reads_as_words_not_json(qtbot, services, resident):
    services.clinical.record_checkup(NURSE, Checkup(resident.id, date(2026, 11, 2), CheckupKind.PERIODIC,
                                                     VitalSigns(systolic=140, diastolic=90, pulse=76)))
    services.residents.update(NURSE, resident.id, {"room": "B2"}, resident.version)
    record = open_record(qtbot, services, resident.id)
    record.tabs.setCurrentWidget(record.history)
    model = child(record, "historyTable").model()
    assert model.rowCount() == 3
    texts = [[model.index(r, c).data() for c in range(4)] for r in range(3)]
    assert texts[0][1] == "nurse1"
    assert "Phòng: B2" in texts[0][3]
    checkup_line = texts[1][3]
    assert "140/90 mmHg" in checkup_line and "02/11/2026" in checkup_line
    assert "{" not in checkup_line and "resident_id" not in checkup_line and "systolic" not in checkup_line
    assert "Hoàng Văn Thụ" in texts[2][3]  # the admission entry


def test_describe_names_groups_and_icd_codes():
    from care_core.domain.entities import AuditEntry
    from datetime import datetime, timezone

    entry = AuditEntry(1, datetime(2026, 11, 20, 3, 0, tzinfo=timezone.utc), "nurse1", "add-condition", "conditions",
                       "x", '{"icd10": "I10", "resident_id": "abc", "status": "active", "follow_up_days": 30}')
    text = describe(entry, "vi")
    assert text.startswith("Mã ICD-10: I10 Bệnh tăng huyết áp") and "30" in text and "abc" not in text


def test_every_record_model_passes_qtmodeltester(qtmodeltester):
    rid = "r1"
    checkups = [Checkup(rid, date(2026, 1, 1), CheckupKind.PERIODIC, VitalSigns(systolic=150, diastolic=95, pulse=80, temperature=37.9, spo2=93, respiratory_rate=22, weight_kg=60, height_cm=160, glucose=8.2)),
                Checkup(rid, date(2025, 1, 1), CheckupKind.ADMISSION, VitalSigns(), supersedes_id="x")]
    cases = [
        (models.checkup_model("vi"), checkups),
        (models.checkup_versions_model("en"), checkups),
        (models.condition_model("vi"), [Condition(rid, "I10", date(2020, 1, 1), follow_up_days=30),
                                        Condition(rid, "Z99.9")]),
        (models.rehab_model("vi"), [RehabSession(rid, date(2026, 1, 1), RehabType.SPEECH, 30, barthel=70)]),
        (models.referral_model("vi"), [Referral(rid, date(2026, 1, 1), "BV", "lý do", "J44")]),
    ]
    for model, rows in cases:
        qtmodeltester.check(model)
        model.set_rows(rows)
        qtmodeltester.check(model)
        model.set_rows([])
        qtmodeltester.check(model)


def test_history_model_passes_qtmodeltester(qtmodeltester, qtbot, services, resident):
    record = open_record(qtbot, services, resident.id)
    record.tabs.setCurrentWidget(record.history)
    qtmodeltester.check(record.history.model)


def test_history_names_the_record_an_update_touched(qtbot, services, resident, translated):
    translated("vi")
    condition = services.clinical.add_condition(NURSE, Condition(resident.id, "I10", date(2020, 1, 1)))
    services.clinical.update_condition(NURSE, condition.id, {"status": ConditionStatus.CONTROLLED}, condition.version)
    record = open_record(qtbot, services, resident.id)
    record.tabs.setCurrentWidget(record.history)
    model = child(record, "historyTable").model()
    newest = model.index(0, 3).data()
    assert newest.startswith("I10 Bệnh tăng huyết áp") and newest.endswith("Tình trạng: Ổn định")
