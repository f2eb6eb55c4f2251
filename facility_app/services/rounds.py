"""Nursing rounds (đợt điều dưỡng): set up, correct and list a merit-care
centre's rounds; which one is on today and the year's quota; admit the
round's people in one step (a person already known gets a new stay on their
record, never a second record), and discharge them in one step.

Admitting and discharging a round go person by person, each in its own
transaction: one refused person (a stay still open elsewhere) does not hold
up the forty others, the answer lists who was refused and why, and doing it
again admits only those still missing.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from care_core.domain import divisions, rounds, rules
from care_core.domain.identity import MatchLevel, PersonDraft, PersonMatch
from care_core.domain.messages import Problem
from care_core.domain.text import fold, normalise_name
from care_core.domain.rounds import RoundEntry
from care_core.domain.entities import Actor, Checkup, NursingRound, Resident, Stay
from care_core.domain.enums import BeneficiaryGroup, CheckupKind, DischargeReason, Sex, StayKind
from care_core.domain.messages import DEFAULT_LANGUAGE, DomainError
from care_core.domain.permissions import Permission
from ..storage import repositories as repo
from ..storage.mapping import changed_fields, to_row
from ..storage.tables import nursing_rounds
from .base import Service, not_found
from . import imports, resident_file
from .residents import ResidentService


@dataclass
class RoundMember:
    resident: Resident
    stay: Stay


@dataclass
class RoundOutcome:
    """What admitting or discharging a round did, person by person."""

    done: list[str] = field(default_factory=list)  # resident ids
    already: list[str] = field(default_factory=list)
    refused: list[tuple[str, str, str]] = field(default_factory=list)  # (name, vi, en)

    def summary(self, lang: str = DEFAULT_LANGUAGE) -> str:
        if lang == "vi":
            return f"{len(self.done)} người xong, {len(self.already)} đã có từ trước, {len(self.refused)} không thực hiện được."
        return f"{len(self.done)} done, {len(self.already)} already done, {len(self.refused)} could not be done."


def _why(exc: DomainError) -> tuple[str, str]:
    return exc.message("vi"), exc.message("en")


__all__ = ["RoundEntry", "RoundMember", "RoundOutcome", "RoundService"]


class RoundService(Service):
    def __init__(self, store, today=date.today):
        super().__init__(store, today)
        self._residents = ResidentService(store, today)

    def create(self, actor: Actor, r: NursingRound) -> NursingRound:
        self.require(actor, Permission.MANAGE_ROUNDS)
        with self.store.write(actor, "create-round") as w:
            rules.ensure(rounds.check_round(r, repo.nursing_rounds_of(w.conn, r.year)))
            w.insert(nursing_rounds, to_row(r))
        r.version = 1
        return r

    def update(self, actor: Actor, round_id: str, changes: dict, base_version: int) -> NursingRound:
        self.require(actor, Permission.MANAGE_ROUNDS)
        with self.store.write(actor, "update-round") as w:
            current = repo.get(w.conn, NursingRound, round_id)
            if current is None:
                raise not_found("đợt điều dưỡng", "nursing round", round_id)
            updated = dataclasses.replace(current, **changes)
            rules.ensure(rounds.check_round(updated, repo.nursing_rounds_of(w.conn, updated.year)))
            diff = changed_fields(to_row(current), to_row(updated))
            diff.pop("id", None)
            if not diff:
                return current
            updated.version = w.update(nursing_rounds, round_id, diff, base_version)
        return updated

    def get(self, actor: Actor, round_id: str) -> NursingRound:
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            found = repo.get(conn, NursingRound, round_id)
        if found is None:
            raise not_found("đợt điều dưỡng", "nursing round", round_id)
        return found

    def list(self, actor: Actor, year: int | None = None) -> list[NursingRound]:
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            return repo.nursing_rounds_of(conn, year)

    def current(self, actor: Actor, day: date | None = None) -> NursingRound | None:
        """The round under way (today by default), for the Today panel."""
        day = day or self.today()
        return rounds.current_round(self.list(actor, day.year), day)

    def year_quota(self, actor: Actor, year: int) -> int | None:
        return rounds.year_quota(self.list(actor, year), year)

    def members(self, actor: Actor, round_id: str) -> list[RoundMember]:
        """The round's people and their stays, in the order they were admitted."""
        self.require(actor, Permission.READ_RECORDS)
        with self.store.read() as conn:
            if repo.get(conn, NursingRound, round_id) is None:
                raise not_found("đợt điều dưỡng", "nursing round", round_id)
            in_round = repo.stays_of_round(conn, round_id)
            people = repo.residents_with(conn, "id", [stay.resident_id for stay in in_round])
        found = [RoundMember(people[stay.resident_id], stay) for stay in in_round if stay.resident_id in people]
        return sorted(found, key=lambda m: (m.stay.admitted_on, m.resident.code))

    def admit_round(self, actor: Actor, round_id: str, entries: list[RoundEntry],
                    on: date | None = None) -> RoundOutcome:
        """Admit every person of the list to the round (on its first day, or
        ``on``): a known person gets a new stay, a new one a record."""
        self.require(actor, Permission.MANAGE_ROUNDS)
        r = self.get(actor, round_id)
        day = on or r.starts_on
        in_round = {m.resident.id for m in self.members(actor, round_id)}
        outcome = RoundOutcome()
        for entry in entries:
            stay = Stay("", StayKind.NURSING_ROUND, day, round_id=round_id, note=entry.note)
            try:
                if entry.resident_id in in_round:
                    outcome.already.append(entry.resident_id)
                    continue
                if entry.resident_id:
                    current = self._residents.get(actor, entry.resident_id)
                    self._residents.readmit(actor, current.id, stay, base_version=current.version)
                    outcome.done.append(current.id)
                else:
                    made = self._residents.admit(actor, dataclasses.replace(entry.person, admission_date=day),
                                                 stay=stay)
                    outcome.done.append(made.id)
                in_round.add(outcome.done[-1])
            except DomainError as exc:
                outcome.refused.append((entry.person.full_name, *_why(exc)))
        return outcome

    def discharge_round(self, actor: Actor, round_id: str, on: date | None = None,
                        reason: DischargeReason = DischargeReason.RETURNED_HOME) -> RoundOutcome:
        """Discharge everyone of the round still in (on its last day, or ``on``;
        never later than today)."""
        self.require(actor, Permission.DISCHARGE_RESIDENT)
        r = self.get(actor, round_id)
        day = on or min(r.ends_on, self.today())
        outcome = RoundOutcome()
        for m in self.members(actor, round_id):
            if not m.stay.is_open():
                outcome.already.append(m.resident.id)
                continue
            try:
                self._residents.discharge(actor, m.resident.id, day, reason, m.resident.version)
                outcome.done.append(m.resident.id)
            except DomainError as exc:
                outcome.refused.append((m.resident.full_name, *_why(exc)))
        return outcome

    def intake_checkups(self, actor: Actor, round_id: str) -> dict[str, Checkup]:
        """Each member's intake checkup of this round (the latest admission
        checkup inside the stay), by resident id: what the round table shows."""
        found: dict[str, Checkup] = {}
        members = self.members(actor, round_id)
        if not members:
            return found
        with self.store.read() as conn:
            admissions = repo.checkups_of_kind(conn, [m.resident.id for m in members], CheckupKind.ADMISSION,
                                               min(m.stay.admitted_on for m in members))
        for m in members:
            end = m.stay.discharged_on or date.max
            intake = [c for c in admissions.get(m.resident.id, ()) if m.stay.admitted_on <= c.checkup_date <= end]
            if intake:
                found[m.resident.id] = intake[-1]
        return found

    def read_list(self, actor: Actor, path: Path) -> "RoundList":
        """The list the province sends for a round (XLSX or CSV): each row a
        person matched to the record they already have (certain or likely)
        or a new one; rows that cannot be read are listed by row and column
        and left out. Nothing is written."""
        self.require(actor, Permission.MANAGE_ROUNDS)
        table = resident_file.read_table(path)
        facility = self._facility()
        province = facility.province_code if facility else None
        out = RoundList()
        if not table:
            out.errors.append(imports.RowError(0, "", "Tệp không có dòng nào.", "The file has no rows."))
            return out
        columns = {i: LIST_HEADERS.get(fold(str(h or "")).strip()) for i, h in enumerate(table[0])}
        present = set(filter(None, map(columns.get, columns)))
        missing = [c for c in ("full_name", "birth_date") if c not in present]
        if missing:
            names = ", ".join(LIST_COLUMNS[c][0] for c in missing)
            out.errors.append(imports.RowError(1, "", f"Thiếu cột: {names}.",
                                               "Missing columns: " + ", ".join(LIST_COLUMNS[c][1] for c in missing) + "."))
            return out
        seen: set[str] = set()
        for number, row in enumerate(table[1:], start=2):
            cells = {columns[i]: _cell_text(columns[i], v) for i, v in enumerate(row) if columns.get(i)}
            if not any(map(cells.get, cells)):
                continue
            entry, errors = self._list_row(actor, number, cells, province)
            key = (entry.person.cccd or "") or f"{fold(entry.person.full_name)}|{entry.person.birth_date}"
            if not errors and key in seen:
                errors = [imports.RowError(number, "", "Người này đã có ở dòng trên.", "This person is on an earlier row.")]
            found = None if errors else self._found(actor, entry)
            if not errors and entry.person.sex is None:
                if found is None:  # a person on record lends their sex; a new one needs it from the list
                    errors = [imports.RowError(number, "sex", "Cần cột Giới tính hoặc số CCCD để biết giới tính.",
                                               "A Sex column or the CCCD number is needed to know the sex.")]
                else:
                    entry.person.sex = found.match.resident.sex
            if errors:
                out.errors.extend(errors)
                continue
            seen.add(key)
            out.entries.append(entry)
            out.found.append(found)
        return out

    def _facility(self):
        with self.store.read() as conn:
            return repo.get_facility(conn)

    def _list_row(self, actor, number: int, cells: dict[str, str], province: int | None):
        errors: list[imports.RowError] = []

        def wrong(column: str, vi: str, en: str) -> None:
            errors.append(imports.RowError(number, column, vi, en))

        name = normalise_name(cells.get("full_name", ""))
        birth = sex = ward = None
        try:
            birth = resident_file.read_date(cells.get("birth_date", ""))
        except resident_file.CellError as exc:
            wrong("birth_date", exc.vi, exc.en)
        cccd = "".join(cells.get("cccd", "").split()) or None
        try:
            sex = resident_file.read_coded(Sex, cells.get("sex", "")) if cells.get("sex") else None
        except resident_file.CellError as exc:
            wrong("sex", exc.vi, exc.en)
        if sex is None and cccd and len(cccd) == 12 and cccd.isdigit():
            sex = Sex.FEMALE if int(cccd[3]) % 2 else Sex.MALE  # the CCCD's century digit: odd for women
        if cells.get("ward") and province:
            ward = {fold(n): c for c, n in divisions.wards(province)}.get(fold(cells["ward"]))
            if ward is None:
                wrong("ward", f"không có xã/phường “{cells['ward']}” ở {divisions.province_name(province)}.",
                      f"there is no commune or ward “{cells['ward']}” in {divisions.province_name(province)}.")
        person = Resident(name, sex, birth, self.today(), [BeneficiaryGroup.MERIT], cccd=cccd,
                          province_code=province if ward else None, ward_code=ward)
        if not errors:
            for p in rules.check_person_name("full_name", name) + rules.check_cccd(cccd, sex, birth) + (
                    [Problem("birth_date", "required")] if birth is None else []):
                errors.append(imports.RowError(number, p.field if p.field in LIST_COLUMNS else "",
                                               p.message("vi"), p.message("en")))
        return RoundEntry(person, None, note=cells.get("merit", "")[:200]), errors

    def _found(self, actor, entry: RoundEntry):
        matches = self._residents.find_person(actor, PersonDraft.of(entry.person))
        sure = [m for m in matches if m.level >= MatchLevel.LIKELY]
        if not sure:
            return None
        entry.resident_id = sure[0].resident.id
        return FoundPerson(sure[0].resident.code, sure[0])


def _cell_text(column: str, value: object) -> str:
    """A cell as text, read as the import reads it (a spreadsheet's date, a
    CCCD that lost its leading zeros as a number)."""
    if column == "cccd":
        return resident_file.digits_of(value, 12)[:200]
    return resident_file.text_of(value)[:200]


@dataclass(frozen=True)
class FoundPerson:
    code: str
    match: PersonMatch

    def why(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.match.reason_text(lang)


@dataclass
class RoundList:
    """A round's list as read: the people (each matched or new) and the rows left out."""

    entries: list[RoundEntry] = field(default_factory=list)
    found: list[FoundPerson | None] = field(default_factory=list)
    errors: list[imports.RowError] = field(default_factory=list)


# the province's list: (vi header, en header) by what the column holds; other spellings below
LIST_COLUMNS = {
    "full_name": ("Họ và tên", "Full name"),
    "birth_date": ("Ngày sinh", "Birth date"),
    "sex": ("Giới tính", "Sex"),
    "cccd": ("Số CCCD", "CCCD"),
    "merit": ("Diện người có công", "Merit category"),
    "ward": ("Xã/phường", "Commune"),
}
LIST_HEADERS = {fold(h): key for key, names in LIST_COLUMNS.items() for h in names}
LIST_HEADERS.update({fold(h): key for key, spellings in {
    "full_name": ("Họ tên", "Họ, tên"), "cccd": ("CCCD", "Số căn cước", "Số CCCD/CMND", "Căn cước công dân"),
    "merit": ("Diện", "Đối tượng", "Diện đối tượng"), "ward": ("Xã", "Phường", "Xã, phường", "Xã/phường/thị trấn"),
    "birth_date": ("Ngày, tháng, năm sinh", "Năm sinh"),
}.items() for h in spellings})
