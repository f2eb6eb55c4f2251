"""What was true on a day: a resident's card, a condition's status, a room, a stay.

Each is kept as a history with dates (``BhytCard``, ``ConditionStatusChange``,
``RoomChange``, ``Stay``). A record with no history yet (made before histories were
kept, or never changed since) is read as one entry: its current value,
since the beginning. The services write that entry down before the first
change, so both readings agree.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import StrEnum
from typing import Iterable

from .entities import BhytCard, Condition, ConditionStatusChange, Resident, RoomChange, Stay
from .enums import ConditionStatus, FacilityType, StayKind


class CardState(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"  # the card known on the day ended before it
    UNKNOWN = "unknown"  # a card known on the day has no end date recorded
    NONE = "none"  # no card known on the day


def current_card(resident: Resident) -> BhytCard | None:
    """The card the resident's own fields hold (the newest one)."""
    if not resident.bhyt_number:
        return None
    return BhytCard(resident.id, resident.bhyt_number, resident.bhyt_valid_from, resident.bhyt_valid_to,
                    resident.bhyt_place, id=f"current:{resident.id}")


def cards_of(resident: Resident, cards: Iterable[BhytCard]) -> list[BhytCard]:
    """The card history, oldest first (by start date)."""
    mine = sorted(cards, key=lambda c: (c.valid_from or date.min, c.valid_to or date.max))
    if mine:
        return mine
    card = current_card(resident)
    return [card] if card else []


def card_state_on(cards: list[BhytCard], day: date, kept: bool = True) -> CardState:
    """The state of the insurance on ``day``: valid if a card covers it;
    otherwise judged by the latest card that had begun by then. ``kept``:
    ``cards`` is a kept history; when it is only the current card (no
    history kept yet), a card that begins after ``day`` says nothing about
    the one before it: unknown, not none."""
    begun = [c for c in cards if c.valid_from is None or c.valid_from <= day]
    if any(c.valid_on(day) for c in begun):
        return CardState.VALID
    if not begun:
        return CardState.NONE if kept or not cards else CardState.UNKNOWN
    latest = begun[-1]
    if latest.valid_to is None:
        return CardState.UNKNOWN
    return CardState.EXPIRED


def status_history(condition: Condition, changes: Iterable[ConditionStatusChange]) -> list[ConditionStatusChange]:
    """The condition's status changes, oldest first; one entry (its current
    status since it was recorded) when none were kept."""
    mine = sorted(changes, key=lambda c: c.changed_on or date.min)  # stable: same-day order kept
    if mine:
        return mine
    return [ConditionStatusChange(condition.id, condition.resident_id, condition.status, condition.onset_date)]


def status_on(history: list[ConditionStatusChange], day: date) -> ConditionStatus | None:
    """The status on ``day``; None before the first entry's date."""
    status = None
    for change in history:
        if change.changed_on is None or change.changed_on <= day:
            status = ConditionStatus(change.status)
        else:
            break
    return status


def room_history(resident: Resident, changes: Iterable[RoomChange]) -> list[RoomChange]:
    mine = sorted(changes, key=lambda c: c.moved_on)
    if mine:
        return mine
    return [RoomChange(resident.id, resident.room, resident.admission_date)] if resident.room else []


def room_on(history: list[RoomChange], day: date) -> str:
    room = ""
    for change in history:
        if change.moved_on <= day:
            room = change.room
        else:
            break
    return room


def implied_stay_kind(facility_type: FacilityType | str | None) -> StayKind:
    """The kind of a stay recorded before stays were kept: a drug-rehab
    centre's residents were in voluntary rehabilitation unless a decision
    says otherwise (a compulsory stay needs its court decision, which the
    old record never held); every other centre's, in long-term care."""
    return StayKind.REHAB_VOLUNTARY if str(facility_type or "") == FacilityType.DRUG_REHAB else StayKind.LONG_TERM


def implied_stay(resident: Resident, kind: StayKind = StayKind.LONG_TERM) -> Stay:
    """The one stay a record without kept stays reads as: its own admission
    and discharge."""
    return Stay(resident.id, kind, resident.admission_date, resident.discharge_date, resident.discharge_reason,
                id=f"implied:{resident.id}")


def stays_of(resident: Resident, stays: Iterable[Stay], kind: StayKind = StayKind.LONG_TERM) -> list[Stay]:
    """The person's stays, oldest first; one implied stay (of ``kind``) when
    none were kept."""
    mine = sorted(stays, key=lambda s: s.admitted_on)
    return mine if mine else [implied_stay(resident, kind)]


def person_in_period(resident: Resident, stays: list[Stay], start: date, end: date) -> Resident:
    """The person as a period saw them: admitted with the first of their
    stays that touch it, discharged with the last. A person whose stays all
    lie outside the period reads with the latest stay begun by its end (or
    the first), so they are not counted in it. ``stays``: oldest first."""
    if not stays:
        return resident
    touching = [s for s in stays if s.admitted_on <= end and (s.discharged_on is None or s.discharged_on >= start)]
    if not touching:
        begun = [s for s in stays if s.admitted_on <= end]
        touching = [begun[-1] if begun else stays[0]]
    first, last = touching[0], touching[-1]
    if (first.admitted_on, last.discharged_on, last.discharge_reason) == \
            (resident.admission_date, resident.discharge_date, resident.discharge_reason):
        return resident
    return replace(resident, admission_date=first.admitted_on, discharge_date=last.discharged_on,
                   discharge_reason=last.discharge_reason)


def join_overlapping(stays: Iterable[Stay]) -> tuple[list[Stay], list[Stay]]:
    """Two records of one person merged: stays that overlap are one stay seen
    twice (the earliest admission, the latest discharge, open if either is);
    stays apart stay apart. Returns (the stays kept, as they now are; those
    absorbed into them)."""
    kept: list[Stay] = []
    absorbed: list[Stay] = []
    for s in sorted(stays, key=lambda s: s.admitted_on):
        last = kept[-1] if kept else None
        if last is not None and s.admitted_on < (last.discharged_on or date.max):
            if last.discharged_on is None or s.discharged_on is None:
                end, reason = None, None
            elif s.discharged_on > last.discharged_on:
                end, reason = s.discharged_on, s.discharge_reason
            else:
                end, reason = last.discharged_on, last.discharge_reason
            kept[-1] = replace(last, discharged_on=end, discharge_reason=reason)
            absorbed.append(s)
        else:
            kept.append(s)
    return kept, absorbed
