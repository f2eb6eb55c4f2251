"""Account rows (``users``) as the server guards them.

Two rules the per-field merge alone cannot keep:

* **Trust.** An account change that *grants* something - a new account, a
  higher role, a new password hash, re-enabling, a new login name - is taken
  only from a device an officer vouched for (``devices.accounts_by``, set by
  ``provincial-server device enrol --accounts`` or ``device trust``). Any
  enrolled device may still take something away (disable an account, lower a
  role, fix a full name): a safety action must reach every PC. Without this,
  any enrolled device - or a stolen token - could push an admin account with
  a password of its choosing to every PC of the facility.
* **One login name per facility.** Two PCs may create ``lan`` offline. The
  account that reaches the server first keeps the name; the other is stored
  under a provisional name (``lan_2``) set by the server itself (a change of
  origin ``server``, so its own PC learns it too), with a conflict on
  ``username`` that a person resolves (keep the provisional name or rename
  the account). Never a silent skip on a PC's UNIQUE index.
"""
from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from .entities import Refusal
from .jsontext import loads
from .tables import devices, records

ROLE_RANK = {"nurse": 1, "doctor": 2, "director": 3, "admin": 4}


def trusted(conn: sa.Connection, device_id: str) -> bool:
    """Whether an officer vouched that this device may carry account changes."""
    return conn.execute(sa.select(devices.c.accounts_by).where(devices.c.id == device_id)).scalar() is not None


def grants(before: dict[str, Any] | None, fields: dict[str, Any]) -> list[str]:
    """What an account change gives that the row did not have (empty: it only takes away)."""
    if before is None:
        return ["new account"]
    out = []
    if "role" in fields and ROLE_RANK.get(fields["role"], 99) > ROLE_RANK.get(before.get("role"), 0):
        out.append("role")
    if "password_hash" in fields and fields["password_hash"] != before.get("password_hash"):
        out.append("password")
    if fields.get("active") is True and before.get("active") is False:
        out.append("re-enable")
    if "username" in fields and fields["username"] != before.get("username"):
        out.append("username")
    return out


def untrusted_refusal(what: list[str]) -> Refusal:
    said = ", ".join(what)
    return Refusal(
        f"Máy này chưa được Sở cho phép thay đổi tài khoản ({said}): tạo tài khoản, nâng quyền, đặt lại mật khẩu "
        "hay mở lại tài khoản phải làm trên máy quản trị của cơ sở (hoặc nhờ Sở cho phép máy này).",
        f"This device is not allowed by the province to change accounts ({said}): new accounts, higher roles, "
        "password resets and re-enabling must be done on the facility's admin PC (or ask the province to allow this PC).")


def taken_refusal(name: str) -> Refusal:
    return Refusal(f"Tên đăng nhập “{name}” đã có người dùng khác trong cơ sở.",
                   f"The login name “{name}” is already used by another account of the facility.")


def names_in_use(conn: sa.Connection, facility_code: str) -> dict[str, str]:
    """Login name -> account row id, for the facility's accounts on the server."""
    q = sa.select(records.c.row_id, records.c.data).where(
        records.c.facility_code == facility_code, records.c.table_name == "users", records.c.deleted.is_(False))
    return {loads(data).get("username"): row_id for row_id, data in conn.execute(q)}


def provisional_name(name: str, in_use: dict[str, str]) -> str:
    """``lan`` -> ``lan_2`` (``lan_3`` ...): free, and still a valid login name."""
    n = 2
    while True:
        suffix = f"_{n}"
        candidate = name[:32 - len(suffix)] + suffix
        if candidate not in in_use:
            return candidate
        n += 1
