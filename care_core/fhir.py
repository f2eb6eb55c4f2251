"""A resident's record as an HL7 FHIR R4 Bundle (type ``collection``): the
mapping both ends share (the desktop's ``facility-admin export fhir`` and
the server's ``provincial-server export fhir``).

Plain JSON dicts, no FHIR library at run time (the frozen Windows build and
the server stay small); the tests parse every bundle with ``fhir.resources``.
The identifier systems and local code systems are listed in docs/fhir.md.
Only what a receiving system needs goes in: no audit, no accounts, no sync
metadata, no room or free-text notes about the person.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Protocol
from uuid import NAMESPACE_URL, uuid5

from care_core import fields
from care_core.domain import divisions, history, icd10
from care_core.domain.entities import Checkup, Condition, Facility, Referral, RehabSession, Resident, Stay
from care_core.domain.enums import ConditionStatus, DischargeReason, ReferralOutcome, Sex


class Record(Protocol):
    """One resident's current record: no voided or superseded versions."""
    facility: Facility
    resident: Resident
    checkups: list[Checkup]  # current versions, oldest first
    conditions: list[Condition]
    rehab: list[RehabSession]
    referrals: list[Referral]
    stays: list[Stay]  # the kept ones, oldest first; none for a record from before stays were kept


# Identifier systems: this application's own URIs (no national FHIR naming
# system for the CCCD or the BHYT card is published); docs/fhir.md says why.
SID_BASE = "https://facility-app.vn/fhir/sid/"
CCCD_SYSTEM = SID_BASE + "cccd"  # Căn cước công dân, 12 digits
BHYT_SYSTEM = SID_BASE + "bhyt"  # thẻ bảo hiểm y tế (Vietnam Social Security)
FACILITY_SYSTEM = SID_BASE + "facility"  # the facility code the province gave
CS_BASE = "https://facility-app.vn/fhir/CodeSystem/"

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
SNOMED = "http://snomed.info/sct"
V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
VITALS_PROFILE = "http://hl7.org/fhir/StructureDefinition/vitalsigns"

_BP = ("systolic", "diastolic")
# (attribute, LOINC codes (first is primary), display, UCUM unit, category): the field table's
VITALS = [(f.name, list(f.loinc), f.loinc_name, f.unit.ucum, "laboratory" if f.laboratory else "vital-signs")
          for f in (*fields.VITALS, *fields.DERIVED) if f.loinc and f.name not in _BP]
BP_PANEL = ("85354-9", "Blood pressure panel with all children optional")
BP_PARTS = [(name, fields.vital(name).loinc[0], fields.vital(name).loinc_name) for name in _BP]

_CLINICAL_STATUS = {ConditionStatus.ACTIVE: "active", ConditionStatus.CONTROLLED: "active",
                    ConditionStatus.RESOLVED: "resolved"}


def ref(kind: str, row_id: str) -> dict:
    return {"reference": f"urn:uuid:{row_id}", "type": kind}


def _coding(system: str, code: str, display: str | None = None) -> dict:
    out = {"system": system, "code": code}
    if display:
        out["display"] = display
    return out


def _concept(system: str, code: str, display: str | None = None, text: str | None = None) -> dict:
    out = {"coding": [_coding(system, code, display)]}
    if text:
        out["text"] = text
    return out


def _quantity(value, unit: str) -> dict:
    return {"value": value, "unit": unit, "system": UCUM, "code": unit}


def patient(r: Resident) -> dict:
    words = r.full_name.split()
    name = {"use": "official", "text": r.full_name}
    if len(words) > 1:  # Vietnamese order: family name first
        name["family"], name["given"] = words[0], words[1:]
    identifiers = []
    if r.cccd:
        identifiers.append({"use": "official", "system": CCCD_SYSTEM, "value": r.cccd,
                            "type": _concept(V2_0203, "NI", "National unique individual identifier")})
    if r.bhyt_number:
        bhyt = {"system": BHYT_SYSTEM, "value": r.bhyt_number, "type": _concept(V2_0203, "MB", "Member Number")}
        period = {k: d.isoformat() for k, d in (("start", r.bhyt_valid_from), ("end", r.bhyt_valid_to)) if d}
        if period:
            bhyt["period"] = period
        identifiers.append(bhyt)
    out = {"resourceType": "Patient", "id": r.id, "name": [name],
           "gender": "male" if r.sex == Sex.MALE else "female", "birthDate": r.birth_date.isoformat()}
    if identifiers:
        out["identifier"] = identifiers
    lines = [line for line in (r.address_detail, divisions.ward_name(r.ward_code)) if line]
    province = divisions.province_name(r.province_code)
    if lines or province:
        address = {"use": "home", "country": "VN"}
        if lines:
            address["line"] = lines
        if province:
            address["state"] = province
        out["address"] = [address]
    if r.discharge_reason == DischargeReason.DECEASED and r.discharge_date:
        out["deceasedDateTime"] = r.discharge_date.isoformat()
    if r.next_of_kin_name:
        contact = {"name": {"text": r.next_of_kin_name}}
        if r.next_of_kin_relation:
            contact["relationship"] = [{"text": r.next_of_kin_relation}]
        if r.next_of_kin_phone:
            contact["telecom"] = [{"system": "phone", "value": r.next_of_kin_phone}]
        out["contact"] = [contact]
    return out


def organization(facility, org_id: str) -> dict:
    return {"resourceType": "Organization", "id": org_id, "name": facility.name,
            "identifier": [{"system": FACILITY_SYSTEM, "value": facility.code}]}


def episode(r: Resident, stay: Stay, org_id: str, episode_id: str) -> dict:
    """One stay (lượt) of the person: a record from before stays were kept
    has one, the admission to the discharge."""
    period = {"start": stay.admitted_on.isoformat()}
    if stay.discharged_on:
        period["end"] = stay.discharged_on.isoformat()
    out = {"resourceType": "EpisodeOfCare", "id": episode_id,
           "status": "finished" if stay.discharged_on else "active",
           "patient": ref("Patient", r.id), "managingOrganization": ref("Organization", org_id), "period": period,
           "type": [_concept(CS_BASE + "stay-kind", stay.kind.value)]
           + [_concept(CS_BASE + "beneficiary-group", g.value) for g in r.groups]}
    return out


def episodes(r: Resident, kept: list[Stay], kind) -> list[tuple[Stay, str]]:
    """(stay, EpisodeOfCare id) oldest first. A record without kept stays
    keeps the id it always had, so a receiving system updates, not doubles."""
    if not kept:
        return [(history.implied_stay(r, kind), str(uuid5(NAMESPACE_URL, f"urn:uuid:{r.id}#stay")))]
    return [(s, str(uuid5(NAMESPACE_URL, f"urn:uuid:{s.id}#stay"))) for s in sorted(kept, key=lambda s: s.admitted_on)]


def episode_of(day, stays: list[tuple[Stay, str]]) -> str:
    """The stay a checkup of ``day`` belongs to; a day outside every stay
    (typed before an admission date was corrected) goes to the nearest one before it, else the first."""
    inside = [eid for s, eid in stays if s.admitted_on <= day and (s.discharged_on is None or day <= s.discharged_on)]
    before = [eid for s, eid in stays if s.admitted_on <= day]
    return (inside or before or [stays[0][1]])[-1]


def encounter(c: Checkup, patient_id: str, episode_id: str, org_id: str) -> dict:
    out = {"resourceType": "Encounter", "id": c.id, "status": "finished",
           "class": _coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"),
           "type": [_concept(CS_BASE + "checkup-kind", c.kind.value)],
           "subject": ref("Patient", patient_id), "episodeOfCare": [ref("EpisodeOfCare", episode_id)],
           "serviceProvider": ref("Organization", org_id),
           "period": {"start": c.checkup_date.isoformat(), "end": c.checkup_date.isoformat()}}
    return out


def _observation(obs_id: str, c: Checkup, patient_id: str, category: str, code: dict) -> dict:
    out = {"resourceType": "Observation", "id": obs_id, "status": "final",
           "category": [_concept(OBS_CATEGORY, category)], "code": code,
           "subject": ref("Patient", patient_id), "encounter": ref("Encounter", c.id),
           "effectiveDateTime": c.checkup_date.isoformat()}
    if category == "vital-signs":
        out["meta"] = {"profile": [VITALS_PROFILE]}
    return out


def observations(c: Checkup, patient_id: str) -> list[dict]:
    """One Observation per recorded vital sign; blood pressure as the panel
    with its two components, as FHIR's vital-signs profile asks."""
    v = c.vitals
    out = []
    parts = [(code, display, getattr(v, attr)) for attr, code, display in BP_PARTS]
    if any(value is not None for _, _, value in parts):
        obs = _observation(_obs_id(c, "bp"), c, patient_id, "vital-signs",
                           _concept(LOINC, *BP_PANEL, text="Blood pressure"))
        obs["meta"]["profile"].append("http://hl7.org/fhir/StructureDefinition/bp")
        obs["component"] = [
            {"code": _concept(LOINC, code, display), "valueQuantity": _quantity(value, fields.vital("systolic").unit.ucum)}
            if value is not None
            else {"code": _concept(LOINC, code, display), "dataAbsentReason": _concept(
                "http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-performed")}
            for code, display, value in parts]
        out.append(obs)
    for attr, codes, display, unit, category in VITALS:
        value = getattr(v, attr)
        if value is None:
            continue
        code = {"coding": [_coding(LOINC, codes[0], display)] + [_coding(LOINC, extra) for extra in codes[1:]],
                "text": display}
        obs = _observation(_obs_id(c, attr), c, patient_id, category, code)
        obs["valueQuantity"] = _quantity(value, unit)
        out.append(obs)
    return out


def _obs_id(c: Checkup, what: str) -> str:
    """Stable per checkup and sign: the same record exported twice gives the same ids."""
    return str(uuid5(NAMESPACE_URL, f"urn:uuid:{c.id}#{what}"))


def condition(k: Condition, patient_id: str) -> dict:
    known = icd10.lookup(k.icd10)
    out = {"resourceType": "Condition", "id": k.id,
           "clinicalStatus": _concept("http://terminology.hl7.org/CodeSystem/condition-clinical",
                                      _CLINICAL_STATUS[k.status]),
           "verificationStatus": _concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
           "category": [_concept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")],
           "code": _concept(ICD10, k.icd10, known.name_en if known else None, known.name_vi if known else None),
           "subject": ref("Patient", patient_id)}
    if k.onset_date:
        out["onsetDateTime"] = k.onset_date.isoformat()
    if k.status == ConditionStatus.CONTROLLED:
        out["note"] = [{"text": "controlled / ổn định"}]
    return out


def procedure(s: RehabSession, patient_id: str) -> dict:
    out = {"resourceType": "Procedure", "id": s.id, "status": "completed",
           "category": _concept(SNOMED, "52052004", "Rehabilitation therapy"),
           "code": _concept(CS_BASE + "rehab-type", s.rehab_type.value),
           "subject": ref("Patient", patient_id), "performedDateTime": s.session_date.isoformat(),
           "note": [{"text": f"{s.minutes} min"}]}
    if s.barthel is not None:
        out["note"].append({"text": f"Barthel {s.barthel}/100"})
    return out


def service_request(f: Referral, patient_id: str) -> dict:
    reason = {"text": f.reason}
    if f.icd10:
        reason["coding"] = [_coding(ICD10, f.icd10)]
    out = {"resourceType": "ServiceRequest", "id": f.id,
           "status": "active" if f.outcome == ReferralOutcome.PENDING else "completed", "intent": "order",
           "code": _concept(SNOMED, "3457005", "Patient referral"),
           "subject": ref("Patient", patient_id), "authoredOn": f.referral_date.isoformat(),
           "performer": [{"display": f.hospital}], "reasonCode": [reason]}
    if f.outcome != ReferralOutcome.PENDING:
        note = f"outcome: {f.outcome.value}"
        if f.return_date:
            note += f", {f.return_date.isoformat()}"
        out["note"] = [{"text": note}]
    return out


def bundle(record: Record, now: datetime | None = None) -> dict:
    """The whole current record; every reference points inside the bundle."""
    r = record.resident
    org_id = str(uuid5(NAMESPACE_URL, f"{FACILITY_SYSTEM}|{record.facility.code}"))
    stays = episodes(r, list(record.stays), history.implied_stay_kind(record.facility.type))
    resources = [patient(r), organization(record.facility, org_id),
                 *(episode(r, s, org_id, eid) for s, eid in stays)]
    for c in record.checkups:
        resources.append(encounter(c, r.id, episode_of(c.checkup_date, stays), org_id))
        resources.extend(observations(c, r.id))
    resources += [condition(k, r.id) for k in record.conditions]
    resources += [procedure(s, r.id) for s in record.rehab]
    resources += [service_request(f, r.id) for f in record.referrals]
    stamp = (now or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    return {"resourceType": "Bundle", "type": "collection", "timestamp": stamp,
            "entry": [{"fullUrl": f"urn:uuid:{x['id']}", "resource": x} for x in resources]}
