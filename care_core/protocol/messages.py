"""The messages as dataclasses, and their walk back to plain data."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .limits import PROTOCOL_VERSION


@dataclass
class Change:
    """One outbox row as it travels."""

    change_id: str
    device_seq: int
    table: str
    row_id: str
    op: str
    fields: dict[str, Any]
    base_version: int
    hlc: str


@dataclass
class PushBatch:
    batch_id: str
    device_id: str
    seq_from: int
    seq_to: int
    changes: list[Change]
    v: int = PROTOCOL_VERSION
    compact_answer: bool = False  # answer in the compact form (see answer_to_dict); older servers ignore it


@dataclass
class ChangeResult:
    change_id: str
    status: str  # one of STATUSES
    server_seq: int | None = None  # where the change landed in the facility's stream
    reason_vi: str = ""
    reason_en: str = ""
    conflict_fields: list[str] = field(default_factory=list)  # fields that lost or collided
    clock_suspect: bool = False  # its HLC was implausibly far ahead of the server
    # the row's server version after this change (for a duplicate: after the
    # change when it was first applied); 0 when rejected or from an older server.
    # Pulls leave a device's own changes out, so this is how a PC learns the
    # server version of a row it wrote last.
    version: int = 0


@dataclass
class PushAnswer:
    batch_id: str
    results: list[ChangeResult]
    highest_seq_applied: int  # highest device_seq the server holds for this device
    server_time_ms: int = 0  # the server's clock, for the device's HLC
    v: int = PROTOCOL_VERSION


@dataclass
class PulledChange:
    server_seq: int
    origin_device: str  # device id, or SERVER_ORIGIN for a resolution
    change_id: str
    table: str
    row_id: str
    op: str
    fields: dict[str, Any]  # only the fields that took effect on the server
    hlc: str
    version: int  # the row's server version after this change
    deleted: bool = False


@dataclass
class PullPage:
    changes: list[PulledChange]
    cursor: int  # ask for after=cursor next; equals the last server_seq looked at
    has_more: bool
    server_time_ms: int = 0
    v: int = PROTOCOL_VERSION


@dataclass
class EnrolRequest:
    code: str
    device_name: str = ""


@dataclass
class EnrolAnswer:
    device_id: str
    token: str  # shown once; the server keeps only its hash
    facility_code: str
    facility_name: str
    province_code: int | None = None
    # 1-based ordinal of this device among the facility's enrolled devices,
    # given at enrolment and never reused (0 from an older server); a PC that
    # joins a facility numbers its residents DT<n>-00001 ... with it
    device_number: int = 0


@dataclass
class ConflictRecord:
    id: int
    table: str
    row_id: str
    field: str
    winning_value: Any
    winning_hlc: str
    winning_device: str
    losing_value: Any
    losing_hlc: str
    losing_device: str
    resolved: bool
    server_seq: int  # position in the facility's stream when recorded


@dataclass
class ResolveRequest:
    value: Any  # the value a person chose (usually the winning or the losing one)


def error_body(code: str, message_vi: str, message_en: str) -> dict[str, str]:
    return {"error": code, "message_vi": message_vi, "message_en": message_en}



_SCALARS = frozenset((str, int, float, bool, type(None)))


def to_dict(message) -> Any:
    """A message as plain data. ``dataclasses.asdict`` deep-copies every value
    and costs more than encoding a 500-change batch; messages are flat, so a
    walk over their fields is enough (scalars, most of a pulled page, first)."""
    if type(message) in _SCALARS:
        return message
    if hasattr(message, "__dataclass_fields__"):
        return {name: to_dict(getattr(message, name)) for name in message.__dataclass_fields__}
    if isinstance(message, list):
        return [to_dict(item) for item in message]
    if isinstance(message, dict):
        return dict(message)
    return message
