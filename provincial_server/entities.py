"""Synced rows (JSON values as they travel) -> the client's domain entities,
and the domain rules run on them.

The rules are ``care_core.domain.rules`` itself, never a copy: a change
the client would refuse is refused here with the same bilingual sentence.
Only the conversion from wire values (ISO dates, enum values, "NCC,NKT")
to entities lives here, because the server may not import the client's
storage layer (import-linter contract).
"""
from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone
from enum import Enum
from functools import lru_cache
from typing import Any, get_args, get_type_hints

from care_core.domain import entities as e
from care_core.domain import history, rounds, rules
from care_core.domain.enums import BeneficiaryGroup, HealthClass, Role
from care_core.domain.messages import Problem, label

TABLE_ENTITIES: dict[str, type] = {
    "facility": e.Facility,
    "residents": e.Resident,
    "checkups": e.Checkup,
    "conditions": e.Condition,
    "rehab_sessions": e.RehabSession,
    "referrals": e.Referral,
    "users": e.User,
    "bhyt_cards": e.BhytCard,
    "condition_status_changes": e.ConditionStatusChange,
    "room_changes": e.RoomChange,
    "nursing_rounds": e.NursingRound,
    "stays": e.Stay,
}
# tables whose rows belong to a resident (checked against the resident's row)
CLINICAL_TABLES = ("checkups", "conditions", "rehab_sessions", "referrals", "bhyt_cards",
                   "condition_status_changes", "room_changes", "stays")
CLINICAL_SET = frozenset(CLINICAL_TABLES)
VIETNAM = timezone(timedelta(hours=7))  # no daylight saving in Viet Nam
_VITALS = [f.name for f in dataclasses.fields(e.VitalSigns)]


def today_in_vietnam() -> date:
    return datetime.now(VIETNAM).date()


class Refusal(Exception):
    """A change the server will not apply, with its bilingual reason."""

    def __init__(self, vi: str, en: str):
        super().__init__(en)
        self.vi, self.en = vi, en

    @classmethod
    def from_problems(cls, problems: list[Problem]) -> "Refusal":
        return cls(" ".join(p.message("vi") for p in problems), " ".join(p.message("en") for p in problems))


@lru_cache(maxsize=None)
def _hints(cls) -> dict[str, Any]:
    return get_type_hints(cls)


def _bad_value(name: str, value: Any) -> Refusal:
    return Refusal(f"{label(name, 'vi')}: giá trị “{value}” không hợp lệ.",
                   f"{label(name, 'en')}: “{value}” is not a valid value.")


_GROUP_LISTS: dict[str, tuple] = {}  # "NCC,NKT" -> its groups: a facility has a handful of combinations


def _as_groups(name, value):
    known = _GROUP_LISTS.get(value) if type(value) is str else None
    if known is not None:
        return list(known)
    members = BeneficiaryGroup._value2member_map_
    try:
        groups = [members.get(g) or BeneficiaryGroup(g) for g in str(value).split(",") if g]
    except ValueError:
        raise _bad_value(name, value) from None
    if type(value) is str and len(_GROUP_LISTS) < 1000:
        _GROUP_LISTS[value] = tuple(groups)
    return groups


def _as_class(name, value):
    try:
        return HealthClass._value2member_map_.get(value) or HealthClass(value)
    except (ValueError, TypeError):
        raise _bad_value(name, value) from None


_DAYS: dict[str, date] = {}  # a push's dates are a few hundred days, each read thousands of times
_MAX_DAYS = 100_000


def _as_date(name, value):
    try:
        return _DAYS[value]
    except (KeyError, TypeError):  # not read yet, or unhashable (refused below)
        pass
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _bad_value(name, value) from None
    if type(value) is str and len(_DAYS) < _MAX_DAYS:
        _DAYS[value] = day
    return day


def _as_enum(kind):
    members = kind._value2member_map_

    def convert(name, value):
        try:
            found = members.get(value)
        except TypeError:  # unhashable: never a member
            found = None
        if found is not None:
            return found
        try:
            return kind(value)
        except ValueError:
            choices = ", ".join(str(m.value) for m in kind)
            raise Refusal.from_problems([Problem(name, "choice", {"value": value, "choices": choices})]) from None
    return convert


def _converter(cls, name: str):
    """How a wire value of ``cls.name`` becomes the entity's value (None: as is)."""
    if name == "groups" and cls is e.Resident:
        return _as_groups
    if name == "classification":
        return _as_class
    kinds = get_args(_hints(cls)[name]) or (_hints(cls)[name],)
    for kind in kinds:
        if kind is date:
            return _as_date
        if isinstance(kind, type) and issubclass(kind, Enum):
            return _as_enum(kind)
    return None


@lru_cache(maxsize=None)
def _plan(table: str) -> tuple[type, tuple, bool, bool]:
    """Decided once per table: (entity class, (field, converter, required)
    for each field, whether it has vital signs, whether it has an ``id``).
    Building entities is the bulk of validating a push; walking
    ``dataclasses.fields`` and the type hints for every change cost more
    than the rules themselves."""
    cls = TABLE_ENTITIES[table]
    steps = []
    vitals = False
    for f in dataclasses.fields(cls):
        if f.name == "vitals":
            vitals = True
            continue
        if f.name == "version":
            continue
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        steps.append((f.name, _converter(cls, f.name), required))
    return cls, tuple(steps), vitals, "id" in cls.__dataclass_fields__


def to_entity(table: str, data: dict[str, Any], row_id: str | None = None) -> Any:
    """Build the domain entity of a merged row; a missing required value or a
    value outside its vocabulary is a ``Refusal`` (a bad value, the first in
    field order, before any missing one). ``row_id``, when given, is its
    ``id`` (instead of a copy of ``data`` that holds it)."""
    return _builder(table)(data, row_id)


@lru_cache(maxsize=None)
def _builder(table: str):
    """``to_entity`` for one table, its steps (``_plan``) written out as
    straight-line code once, the entity made with its fields in order (a
    field the row does not hold takes its default, as the entity's own
    ``__init__`` would give it): the loop over the steps, taking each apart
    and asking whether it converts, and the call by keyword were most of
    building an entity, the bulk of validating a push. Field names are the
    entity's own identifiers."""
    cls, steps, vitals, has_id = _plan(table)
    step_of = {name: (i, convert, required) for i, (name, convert, required) in enumerate(steps)}
    names = {"cls": cls, "Refusal": Refusal, "Problem": Problem, "VitalSigns": e.VitalSigns}
    lines = ["def build(data, row_id):", "    missing = []"]
    args = []
    for f in dataclasses.fields(cls):
        assert f.name.isidentifier() and f.init and not f.kw_only
        var = f"f_{f.name}"
        args.append(var)
        if f.default is not dataclasses.MISSING:
            names[f"default_{f.name}"] = f.default
            fallback = f"default_{f.name}"
        elif f.default_factory is not dataclasses.MISSING:
            names[f"factory_{f.name}"] = f.default_factory
            fallback = f"factory_{f.name}()"
        else:
            fallback = None
        if f.name not in step_of:  # vitals (below), version: never from the row
            if f.name != "vitals":
                lines.append(f"    {var} = {fallback}")
            continue
        i, convert, required = step_of[f.name]
        test = f"{f.name!r} in data"
        if f.name == "id" and has_id:  # row_id, when given, is the id (the data's own otherwise)
            lines.append("    if row_id is not None:")
            lines.append(f"        {var} = row_id")
            lines.append(f"    elif {test}:")
        else:
            lines.append(f"    if {test}:")
        if convert is None:
            lines.append(f"        {var} = data[{f.name!r}]")
        else:
            names[f"convert{i}"] = convert
            lines.append(f"        value = data[{f.name!r}]")
            lines.append(f"        {var} = value if value is None else convert{i}({f.name!r}, value)")
        lines.append("    else:")
        lines.append(f"        missing.append({f.name!r})" if required else f"        {var} = {fallback}")
    lines.append("    if missing:")
    lines.append("        raise Refusal.from_problems([Problem(name, 'required') for name in missing])")
    if vitals:
        assert all(name.isidentifier() for name in _VITALS)
        lines.append("    f_vitals = VitalSigns(" + ", ".join(f"{n}=data.get({n!r})" for n in _VITALS) + ")")
    lines.append(f"    return cls({', '.join(args)})")
    exec("\n".join(lines), names)  # noqa: S102 - our own field names, checked above
    return names["build"]


def resident_entity(resident_row) -> Any:
    """The resident of a clinical record as an entity, built once per state
    of its row (a batch of 500 checkups often names a few residents)."""
    key = (resident_row.version, resident_row.data)
    cached = getattr(resident_row, "entity_cache", None)
    if cached is not None and cached[0] == key[0] and cached[1] is key[1]:
        return cached[2]
    entity = to_entity("residents", resident_row.data, resident_row.row_id)
    try:
        resident_row.entity_cache = (key[0], key[1], entity)
    except AttributeError:  # a read-only row object: no cache
        pass
    return entity


def _resident_refusal(resident_row) -> Refusal | None:
    if resident_row is None:
        return Refusal("Không tìm thấy hồ sơ đối tượng trên máy chủ (hồ sơ chưa được gửi lên hoặc đã bị từ chối).",
                       "The resident's record is not on the server (not sent yet, or refused).")
    if resident_row.deleted:
        return Refusal("Hồ sơ đối tượng này đã bị xóa trên máy chủ.",
                       "This resident's record was deleted on the server.")
    return None


_CLINICAL_RULES = {"checkups": rules.check_checkup, "conditions": rules.check_condition,
                   "rehab_sessions": rules.check_rehab, "referrals": rules.check_referral,
                   "bhyt_cards": rules.check_bhyt_card, "condition_status_changes": rules.check_status_change,
                   "room_changes": rules.check_room_change, "stays": rules.check_stay}


def check(table: str, data: dict[str, Any], facility_code: str, resident_row=None,
          today: date | None = None, stays=None, row_id: str | None = None) -> Any:
    """Raise ``Refusal`` when the merged row breaks a domain rule; return
    its entity when it keeps them all.

    ``row_id``: the row's id, when ``data`` does not hold it (``"x"`` when
    neither gives one).

    ``resident_row`` is the server's row of the resident a clinical record
    belongs to (with ``.data`` and ``.deleted``), or None when it is missing.
    ``stays()``, when given, returns the resident's kept stays: a record
    dated outside the current stay is checked again against the stay around
    its date (a checkup of an earlier stay that arrives after a re-admission).
    """
    today = today or today_in_vietnam()
    entity = to_entity(table, data, row_id if row_id is not None else None if "id" in data else "x")
    problems: list[Problem]
    if table == "facility":
        if entity.code != facility_code:
            raise Refusal(f"Mã cơ sở “{entity.code}” không phải cơ sở của máy này ({facility_code}).",
                          f"Facility code “{entity.code}” is not this device's facility ({facility_code}).")
        problems = rules.check_facility(entity)
    elif table == "residents":
        problems = rules.check_resident(entity, today)
    elif table in CLINICAL_SET:
        refusal = _resident_refusal(resident_row)
        if refusal:
            raise refusal
        resident = resident_entity(resident_row)
        checker = _CLINICAL_RULES[table]
        problems = checker(entity, resident, today)
        outside = problems and [p.params["value"] for p in problems if p.code == "outside_stay"]
        if outside and stays is not None:
            kept = stays()
            if kept:
                resident = history.person_in_period(resident, history.stays_of(resident, kept), outside[0], outside[0])
                problems = checker(entity, resident, today)
    elif table == "nursing_rounds":
        problems = rounds.check_round(entity)  # numbers unique a year: the facility's PCs number the rounds
    elif table == "users":
        problems = rules.check_username(entity.username)
        if not data.get("password_hash"):
            problems.append(Problem("password", "required"))
        if entity.role == Role.SYSTEM:
            problems.append(Problem("role", "choice", {"value": entity.role.value, "choices": "nurse, doctor, director, admin"}))
    else:  # pragma: no cover - SYNCED_SCHEMA and TABLE_ENTITIES are kept equal
        raise Refusal("Bảng không được đồng bộ.", "This table is not synchronised.")
    if problems:
        raise Refusal.from_problems(problems)
    return entity
