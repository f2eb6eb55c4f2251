"""What was true on a day: a resident's card, a condition's status, a room.

Each is kept as a history with dates (``BhytCard``, ``ConditionStatusChange``,
``RoomChange``). A record with no history yet (made before histories were
kept, or never changed since) is read as one entry: its current value,
since the beginning. The services write that entry down before the first
change, so both readings agree.
"""
from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Iterable

from .entities import BhytCard, Condition, ConditionStatusChange, Resident, RoomChange
from .enums import ConditionStatus


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
