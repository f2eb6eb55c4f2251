"""A resident's record handed over as an HL7 FHIR R4 Bundle: a demo resident
with ten years of records parses with ``fhir.resources`` (R4B models, the R4
line that runs on pydantic 2) and its vital signs read back from the parsed
bundle equal the record; only current versions go; only doctors and admins
export, every export is audited and written whole; the real CLI refuses a
nurse or a director named with --user."""
from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from fhir.resources.R4B.bundle import Bundle

from care_core.domain.entities import Checkup, VitalSigns
from care_core.domain.enums import CheckupKind
from care_core.domain.messages import NotFound, PermissionDenied
from facility_app.reports import fhir
from facility_app import demo
from facility_app.storage import repositories as repo
from facility_app.storage.tables import audit_log
from tests.conftest import ADMIN, DIRECTOR, DOCTOR, NURSE, SYSTEM, TODAY, make_services
from tests.store_fixtures import PASSPHRASE, assert_one_line_error, init_args, run_cli

LOINC_TO_ATTR = {"8867-4": "pulse", "8310-5": "temperature", "59408-5": "spo2", "9279-1": "respiratory_rate",
                 "29463-7": "weight_kg", "8302-2": "height_cm", "15074-8": "glucose", "39156-5": "bmi"}
BP = {"8480-6": "systolic", "8462-4": "diastolic"}


def add_early_years(services, resident, years: int, seed: int) -> None:
    """The demo goes back eight years at most: move the resident's admission
    back ``years`` and fill the gap with quarterly checkups through the
    services, some with signs left blank, as nurses leave them."""
    import random
    rnd = random.Random(seed)
    first = services.clinical.timeline(SYSTEM, resident.id).checkups[0].checkup_date
    admitted = date(TODAY.year - years, TODAY.month, 1)
    resident = services.residents.update(SYSTEM, resident.id, {"admission_date": admitted}, resident.version)
    day = admitted
    while day < first:
        signs = VitalSigns(systolic=rnd.randint(100, 170), diastolic=rnd.randint(60, 100), pulse=rnd.randint(55, 110),
                           temperature=round(rnd.uniform(35.8, 38.4), 1), spo2=rnd.randint(90, 100), respiratory_rate=rnd.randint(14, 24),
                           weight_kg=round(rnd.uniform(38, 70), 1), height_cm=rnd.randint(145, 170), glucose=round(rnd.uniform(4.0, 11.0), 1))
        for attr in rnd.sample(["spo2", "respiratory_rate", "height_cm", "glucose", "systolic diastolic"], rnd.randint(0, 3)):
            for part in attr.split():  # the two pressures go together
                setattr(signs, part, None)
        services.clinical.record_checkup(NURSE, Checkup(
            resident.id, day, CheckupKind.ADMISSION if day == admitted else CheckupKind.PERIODIC, signs,
            findings="Sức khỏe ổn định"))
        day += timedelta(days=91)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    services = make_services(tmp_path_factory.mktemp("fhir") / "data")
    demo.generate(services, SYSTEM, 40, 3, today=TODAY)
    with services.store.read() as conn:
        # one stay only: moving its admission ten years back must not run into an earlier stay
        present = [r for r in repo.all_residents(conn) if r.discharge_date is None and r.cccd and r.bhyt_number
                   and len(repo.stays_of(conn, r.id)) <= 1]
        resident = max(present, key=lambda r: len(repo.checkups_of(conn, r.id)) + 5 * len(repo.conditions_of(conn, r.id)))
    add_early_years(services, resident, 10, 7)
    yield services, services.residents.get(SYSTEM, resident.id)
    services.close()


def fhir_audits(services) -> list[dict]:
    with services.store.read() as conn:
        rows = conn.execute(sa.select(audit_log).where(audit_log.c.action == "export-fhir")
                            .order_by(audit_log.c.seq)).mappings().all()
    return [dict(r, detail=json.loads(r["detail"])) for r in rows]


def parsed(path) -> Bundle:
    return Bundle.model_validate_json(path.read_bytes())


def vitals_from(bundle: Bundle) -> dict[str, VitalSigns]:
    """Each encounter's vital signs, read from the parsed FHIR models."""
    out: dict[str, VitalSigns] = {}
    for entry in bundle.entry:
        x = entry.resource
        if x.get_resource_type() != "Observation":
            continue
        v = out.setdefault(x.encounter.reference.removeprefix("urn:uuid:"), VitalSigns())
        code = x.code.coding[0].code
        if code == "85354-9":
            for comp in x.component:
                if comp.valueQuantity is not None:
                    assert comp.valueQuantity.code == "mm[Hg]"
                    setattr(v, BP[comp.code.coding[0].code], int(comp.valueQuantity.value))
        elif LOINC_TO_ATTR[code] != "bmi":
            value = x.valueQuantity.value
            setattr(v, LOINC_TO_ATTR[code], int(value) if value == int(value) and LOINC_TO_ATTR[code] in
                    ("pulse", "spo2", "respiratory_rate") else float(value))
    return out


def test_ten_year_record_parses_as_fhir_r4_and_vitals_round_trip(world, tmp_path):
    services, resident = world
    path = tmp_path / "ho-so.json"
    fhir.export(services, DOCTOR, resident.code, path)
    bundle = parsed(path)  # raises on any structural error
    assert bundle.type == "collection"
    kinds = [e.resource.get_resource_type() for e in bundle.entry]
    timeline = services.clinical.timeline(DOCTOR, resident.id)
    assert timeline.checkups[0].checkup_date <= date(TODAY.year - 9, 12, 31)  # a decade of checkups
    assert kinds.count("Patient") == 1 and kinds.count("EpisodeOfCare") == 1
    assert kinds.count("Encounter") == len(timeline.checkups) > 20
    assert kinds.count("Condition") == len(timeline.conditions)
    assert kinds.count("Procedure") == len(timeline.rehab)
    assert kinds.count("ServiceRequest") == len(timeline.referrals)

    patient = bundle.entry[0].resource
    ids = {i.system: i.value for i in patient.identifier or []}
    assert ids.get(fhir.CCCD_SYSTEM) == resident.cccd
    assert ids.get(fhir.BHYT_SYSTEM) == resident.bhyt_number
    assert patient.birthDate == resident.birth_date

    read_back = vitals_from(bundle)
    recorded = {c.id: c.vitals for c in timeline.checkups if c.vitals != VitalSigns()}
    assert read_back == recorded
    bmis = [x.resource for x in bundle.entry if x.resource.get_resource_type() == "Observation"
            and x.resource.code.coding[0].code == "39156-5"]
    assert bmis and all(o.valueQuantity.code == "kg/m2" for o in bmis)
    assert {o.encounter.reference.removeprefix("urn:uuid:"): float(o.valueQuantity.value) for o in bmis} == {
        cid: v.bmi for cid, v in recorded.items() if v.bmi is not None}

    full_urls = {e.fullUrl for e in bundle.entry}  # every reference resolves inside the bundle
    referenced = set(re.findall(r'"reference": "([^"]+)"', path.read_text(encoding="utf-8")))
    assert referenced and referenced <= full_urls


def test_codes_and_units(world, tmp_path):
    services, resident = world
    document = fhir.export(services, ADMIN, resident.code, tmp_path / "a.json")
    obs = [e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == "Observation"]
    units = {o["code"]["coding"][0]["code"]: o["valueQuantity"]["code"] for o in obs if "valueQuantity" in o}
    assert {k: units[k] for k in units} == {k: u for k, u in {
        "8867-4": "/min", "8310-5": "Cel", "59408-5": "%", "9279-1": "/min", "29463-7": "kg", "8302-2": "cm",
        "39156-5": "kg/m2", "15074-8": "mmol/L"}.items() if k in units}
    assert {"8867-4", "8310-5", "29463-7", "39156-5"} <= set(units)
    panels = [o for o in obs if o["code"]["coding"][0]["code"] == "85354-9"]
    assert panels and all({c["code"]["coding"][0]["code"] for c in p["component"]} == {"8480-6", "8462-4"}
                          for p in panels)
    assert all(o["valueQuantity"]["system"] == "http://unitsofmeasure.org" for o in obs if "valueQuantity" in o)
    conditions = [e["resource"] for e in document["entry"] if e["resource"]["resourceType"] == "Condition"]
    assert conditions and all(c["code"]["coding"][0]["system"] == "http://hl7.org/fhir/sid/icd-10" for c in conditions)


def test_holds_nothing_a_receiver_does_not_need(world, tmp_path):
    services, resident = world
    path = tmp_path / "b.json"
    fhir.export(services, DOCTOR, resident.code, path)
    text = path.read_text(encoding="utf-8")
    for word in ("password", "hash", "audit", "hlc", "deleted", "supersedes", "origin", "version\""):
        assert word not in text.lower(), word
    users = services.users.list(SYSTEM)
    assert all(u.username not in text for u in users if len(u.username) > 3)


def test_voided_and_superseded_checkups_are_not_exported(tmp_path):
    services = make_services(tmp_path / "data")
    try:
        demo.generate(services, SYSTEM, 2, 5, today=TODAY)
        resident = services.residents.list(SYSTEM)[0]
        day = TODAY.replace(day=1)
        wrong = services.clinical.record_checkup(NURSE, Checkup(resident.id, day, CheckupKind.AD_HOC,
                                                                VitalSigns(pulse=180, temperature=36.6)))
        fixed = services.clinical.correct_checkup(NURSE, wrong.id, Checkup(
            resident.id, day, CheckupKind.AD_HOC, VitalSigns(pulse=81, temperature=36.6)))
        mistake = services.clinical.record_checkup(NURSE, Checkup(resident.id, day, CheckupKind.AD_HOC,
                                                                  VitalSigns(pulse=99)))
        void = services.clinical.void_checkup(NURSE, mistake.id, "nhập nhầm người")
        path = tmp_path / "c.json"
        fhir.export(services, DOCTOR, resident.code, path)
        bundle = parsed(path)
        ids = {e.resource.id for e in bundle.entry}
        assert fixed.id in ids
        assert not ids & {wrong.id, mistake.id, void.id}
        assert vitals_from(bundle)[fixed.id].pulse == 81
        assert "nhập nhầm" not in path.read_text(encoding="utf-8")
    finally:
        services.close()


@pytest.mark.parametrize("actor", [NURSE, DIRECTOR])
def test_nurse_and_director_are_refused_and_nothing_is_written(world, tmp_path, actor):
    services, resident = world
    before = len(fhir_audits(services))
    path = tmp_path / "d.json"
    with pytest.raises(PermissionDenied) as refused:
        fhir.export(services, actor, resident.code, path)
    assert "FHIR" in refused.value.vi
    assert not path.exists() and list(tmp_path.iterdir()) == []
    assert len(fhir_audits(services)) == before


def test_every_export_is_audited_and_an_unknown_code_writes_nothing(world, tmp_path):
    services, resident = world
    before = len(fhir_audits(services))
    document = fhir.export(services, DOCTOR, resident.code.lower(), tmp_path / "e.json")
    new = fhir_audits(services)[before:]
    assert len(new) == 1
    assert new[0]["actor"] == DOCTOR.username and new[0]["row_id"] == resident.id
    assert new[0]["detail"] == {"export": "fhir", "file": "e.json", "resources": len(document["entry"])}
    with pytest.raises(NotFound):
        fhir.export(services, DOCTOR, "DT-99999", tmp_path / "f.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.json"]
    assert len(fhir_audits(services)) == before + 1


def test_a_failed_write_leaves_no_file_and_no_audit(world, tmp_path):
    services, resident = world
    before = len(fhir_audits(services))

    def broken(record):
        raise OSError(28, "No space left on device")
    with pytest.raises(OSError):
        services.exports.resident_fhir(DOCTOR, resident.code, tmp_path / "g.json", broken)
    assert list(tmp_path.iterdir()) == []
    assert len(fhir_audits(services)) == before


def test_cli_exports_for_a_doctor_and_refuses_a_nurse_or_director(tmp_path):
    data = tmp_path / "data"
    assert run_cli(data, *init_args()).returncode == 0
    assert run_cli(data, "demo", "--residents", "3", "--accounts").returncode == 0
    code = run_cli(data, "residents", "search", "DT", "--limit", "1").stdout.split("\t")[0]
    assert code
    users = run_cli(data, "users", "list", lang="en").stdout
    names = {line.split("\t")[1].lower(): line.split("\t")[0] for line in users.splitlines()}
    out = tmp_path / "out"
    out.mkdir()
    for role in ("nurse", "director"):
        proc = run_cli(data, "--user", names[role], "export", "fhir", code, "--out", str(out / "x.json"), lang="en")
        assert "may not export a resident's record as HL7 FHIR" in assert_one_line_error(proc)
    proc = run_cli(data, "--user", "nobody", "export", "fhir", code, "--out", str(out / "x.json"))
    assert "Không có tài khoản nobody" in assert_one_line_error(proc)
    assert list(out.iterdir()) == []

    proc = run_cli(data, "--user", names["doctor"], "export", "fhir", code, "--out", str(out / "x.json"))
    assert proc.returncode == 0, proc.stderr
    assert "Đã ghi hồ sơ FHIR" in proc.stdout
    bundle = parsed(out / "x.json")
    assert bundle.entry[0].resource.get_resource_type() == "Patient"

    from facility_app.services.container import Services
    from facility_app.storage.store import Store
    services = Services(Store.open(data, PASSPHRASE))
    try:
        audits = fhir_audits(services)
    finally:
        services.close()
    assert [a["actor"] for a in audits] == [names["doctor"]]

    for bad, says in ((out, "là một thư mục"), (tmp_path / "missing" / "x.json", "không tồn tại")):
        proc = run_cli(data, "export", "fhir", code, "--out", str(bad))
        assert says in assert_one_line_error(proc)
    assert [p.name for p in out.iterdir()] == ["x.json"]

    help_vi = run_cli(data, "export", "fhir", "--help").stdout
    assert "TỆP.json" in help_vi and "hồ sơ của một đối tượng theo chuẩn HL7 FHIR R4" in help_vi



def test_a_person_who_came_back_has_one_episode_per_stay_and_each_checkup_in_its_own(tmp_path):
    from care_core.domain.entities import Resident, Stay
    from care_core.domain.enums import BeneficiaryGroup, DischargeReason, Sex, StayKind

    services = make_services(tmp_path / "data")
    try:
        demo.generate(services, SYSTEM, 1, 1, today=TODAY)
        r = services.residents.admit(NURSE, Resident("Lò Văn Pọm", Sex.MALE, date(1960, 3, 1), date(2020, 1, 1),
                                                     [BeneficiaryGroup.MERIT], room="A1"))
        first = services.clinical.record_checkup(NURSE, Checkup(r.id, date(2021, 5, 3), CheckupKind.PERIODIC,
                                                                VitalSigns(pulse=72)))
        path = tmp_path / "one.json"
        fhir.export(services, DOCTOR, r.code, path)
        before = [e.resource for e in parsed(path).entry if e.resource.get_resource_type() == "EpisodeOfCare"]
        assert len(before) == 1 and before[0].status == "active"
        r = services.residents.discharge(DOCTOR, r.id, date(2024, 3, 1), DischargeReason.RETURNED_HOME,
                                         services.residents.get(NURSE, r.id).version)
        services.residents.readmit(NURSE, r.id, Stay(r.id, StayKind.EMERGENCY, date(2025, 9, 1)))
        second = services.clinical.record_checkup(NURSE, Checkup(r.id, date(2025, 9, 2), CheckupKind.ADMISSION,
                                                                 VitalSigns(pulse=80)))
        path = tmp_path / "two.json"
        fhir.export(services, DOCTOR, r.code, path)
        bundle = parsed(path)
        episodes = {e.resource.id: e.resource for e in bundle.entry
                    if e.resource.get_resource_type() == "EpisodeOfCare"}
        assert len(episodes) == 2
        by_start = {str(x.period.start): x for x in episodes.values()}
        old, new = by_start["2020-01-01"], by_start["2025-09-01"]
        assert (old.status, str(old.period.end), new.status, new.period.end) == ("finished", "2024-03-01",
                                                                                   "active", None)
        assert [c.coding[0].code for c in new.type][:1] == ["emergency"]
        encounters = {e.resource.id: e.resource.episodeOfCare[0].reference.removeprefix("urn:uuid:")
                      for e in bundle.entry if e.resource.get_resource_type() == "Encounter"}
        assert encounters == {first.id: old.id, second.id: new.id}
    finally:
        services.close()
