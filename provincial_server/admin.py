"""What the province's IT officer does: facilities, devices, officers,
and the enrolment exchange (one-time code -> device token)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from care_core.domain import rules
from care_core.domain.entities import Facility
from care_core.domain.enums import FacilityType
from care_core.domain.ids import new_id

from . import security
from .tables import devices, enrolment_codes, facilities, officers

ENROLMENT_HOURS = 72
FIRST_DEVICE = "(first device of the facility)"  # who vouched, for a facility's device number 1


class AdminError(Exception):
    """A refused administrative action; ``vi``/``en`` say why."""

    def __init__(self, vi: str, en: str, code: str = "invalid"):
        super().__init__(en)
        self.vi, self.en, self.code = vi, en, code


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def add_facility(conn: sa.Connection, code: str, name: str, province_code: int | None = None) -> None:
    # the client's own rule for a facility's code, name and province (the type
    # is the facility's business, not the province's: any value passes here)
    probe = Facility(code, name, FacilityType.SOCIAL_ASSISTANCE, province_code=province_code)
    problems = [x for x in rules.check_facility(probe) if x.field != "auto_lock_minutes"]
    if problems:
        raise AdminError(" ".join(x.message("vi") for x in problems), " ".join(x.message("en") for x in problems))
    if conn.execute(sa.select(facilities.c.code).where(facilities.c.code == code)).first():
        raise AdminError(f"Cơ sở {code} đã có.", f"Facility {code} already exists.", "exists")
    conn.execute(facilities.insert().values(code=code, name=name.strip(), province_code=province_code,
                                            last_seq=0, created_at=_iso(_now())))


def enrol_device(conn: sa.Connection, facility_code: str, name: str = "",
                 accounts_by: str | None = None) -> tuple[str, str, datetime]:
    """A new device slot and its one-time code: (device id, code, expiry).
    ``accounts_by``: the person vouching that the device may carry account
    changes (see ``trust_device``)."""
    if not conn.execute(sa.select(facilities.c.code).where(facilities.c.code == facility_code)).first():
        raise AdminError(f"Không có cơ sở {facility_code}.", f"No facility {facility_code}.", "not-found")
    device_id = new_id()
    code = security.new_enrolment_code()
    expires = _now() + timedelta(hours=ENROLMENT_HOURS)
    trust = {"accounts_by": accounts_by.strip()[:100], "accounts_at": _iso(_now())} if accounts_by else {}
    conn.execute(devices.insert().values(id=device_id, facility_code=facility_code, name=name[:100],
                                         created_at=_iso(_now()), highest_seq=0, **trust))
    conn.execute(enrolment_codes.insert().values(code_hash=security.sha256(code), device_id=device_id,
                                                 expires_at=_iso(expires)))
    return device_id, code, expires


@dataclass
class Enrolled:
    device_id: str
    token: str
    facility_code: str
    facility_name: str
    province_code: int | None
    device_number: int


def exchange_code(conn: sa.Connection, code: str, device_name: str = "") -> Enrolled:
    """The one-time code for a token; the code is spent even if the answer is lost
    (the officer then makes a new code)."""
    h = security.sha256(security.normalise_code(code))
    row = conn.execute(sa.select(enrolment_codes, devices.c.facility_code, devices.c.revoked_at, devices.c.accounts_by)
                       .join(devices, devices.c.id == enrolment_codes.c.device_id)
                       .where(enrolment_codes.c.code_hash == h)).first()
    if row is None or row.used_at is not None or row.revoked_at is not None \
            or datetime.fromisoformat(row.expires_at) < _now():
        raise AdminError("Mã đăng ký không đúng, đã dùng hoặc đã hết hạn; hãy xin mã mới ở Sở.",
                         "The enrolment code is wrong, used or expired; ask the province for a new one.",
                         "enrolment-code-invalid")
    token = security.new_token()
    now = _iso(_now())
    spent = conn.execute(enrolment_codes.update().where(enrolment_codes.c.code_hash == h,
                                                        enrolment_codes.c.used_at.is_(None))
                         .values(used_at=now)).rowcount
    if spent != 1:  # two exchanges of one code at once: the first wins
        raise AdminError("Mã đăng ký đã được dùng.", "The enrolment code was already used.", "enrolment-code-invalid")
    # the facility's row is the lock pushes take too: two exchanges of one
    # facility at once never draw the same number (and a unique index backs it)
    fac = conn.execute(sa.select(facilities).where(facilities.c.code == row.facility_code)
                       .with_for_update()).one()
    number = conn.execute(sa.select(devices.c.number).where(devices.c.id == row.device_id)).scalar()
    first_enrolment = number is None
    if number is None:  # a device enrolled again keeps its number
        number = 1 + (conn.execute(sa.select(sa.func.max(devices.c.number))
                                   .where(devices.c.facility_code == row.facility_code)).scalar() or 0)
    values = {"token_hash": security.sha256(token), "enrolled_at": now, "number": number}
    if first_enrolment and number == 1 and row.accounts_by is None:
        # the facility's first PC makes the facility and its first admin: its admin PC
        values.update(accounts_by=FIRST_DEVICE, accounts_at=now)
    if device_name:
        values["name"] = device_name[:100]
    conn.execute(devices.update().where(devices.c.id == row.device_id).values(**values))
    return Enrolled(row.device_id, token, fac.code, fac.name, fac.province_code, number)


_BY_TOKEN = sa.select(devices).where(devices.c.token_hash == sa.bindparam("token_hash"))  # every sync request: built once


def device_for_token(conn: sa.Connection, token: str):
    """The enrolled, unrevoked device of a bearer token, or None."""
    if not token or len(token) > 200:
        return None
    row = conn.execute(_BY_TOKEN, {"token_hash": security.sha256(token)}).first()
    if row is None or row.revoked_at is not None:
        return None
    return row


def list_devices(conn: sa.Connection, facility_code: str | None = None) -> list:
    q = sa.select(devices).order_by(devices.c.facility_code, devices.c.created_at)
    if facility_code:
        q = q.where(devices.c.facility_code == facility_code)
    return list(conn.execute(q))


def revoke_device(conn: sa.Connection, device_id: str) -> None:
    done = conn.execute(devices.update().where(devices.c.id == device_id, devices.c.revoked_at.is_(None))
                        .values(revoked_at=_iso(_now()))).rowcount
    if not done:
        if conn.execute(sa.select(devices.c.id).where(devices.c.id == device_id)).first():
            raise AdminError(f"Máy {device_id} đã bị thu hồi trước đó.", f"Device {device_id} was already revoked.", "exists")
        raise AdminError(f"Không có máy {device_id}.", f"No device {device_id}.", "not-found")


def trust_device(conn: sa.Connection, device_id: str, by: str | None) -> None:
    """Let a device carry account changes (new accounts, roles, passwords,
    re-enabling), recording who vouched; ``by=None`` withdraws that trust.
    Any enrolled device may still disable an account or lower a role."""
    if by is not None and not by.strip():
        raise AdminError("Cần ghi tên người chịu trách nhiệm (--by).", "Say who vouches for the device (--by).")
    values = {"accounts_by": by.strip()[:100], "accounts_at": _iso(_now())} if by else {"accounts_by": None, "accounts_at": None}
    if not conn.execute(devices.update().where(devices.c.id == device_id).values(**values)).rowcount:
        raise AdminError(f"Không có máy {device_id}.", f"No device {device_id}.", "not-found")


def add_officer(conn: sa.Connection, username: str, password: str, governs: str = "", types: str = "",
                role: str = "figures") -> None:
    """``governs``/``types``: comma lists of governing-body keys and facility
    types the officer sees (both empty: the whole province); ``role``:
    "figures" (aggregates only) or "records" (may open resident lists)."""
    from . import officer_scope
    try:
        bodies, kinds = officer_scope.parse_bodies(governs), officer_scope.parse_types(types)
        officer_scope.check_role(role)
    except officer_scope.ScopeError as exc:
        raise AdminError(exc.vi, exc.en) from None
    scope = {"governing_bodies": ",".join(sorted(str(b) for b in bodies)),
             "facility_types": ",".join(sorted(str(t) for t in kinds)), "role": role}
    if rules.check_username(username):
        raise AdminError("Tên đăng nhập: 3–32 ký tự, chữ thường không dấu, số, dấu chấm, gạch dưới.",
                         "Username: 3–32 characters: lower-case letters, digits, dot, underscore.")
    if rules.check_password(password):
        raise AdminError(f"Mật khẩu cần ít nhất {rules.MIN_PASSWORD} ký tự.",
                         f"The password needs at least {rules.MIN_PASSWORD} characters.")
    hashed = security.hash_password(password)
    if conn.execute(sa.select(officers.c.username).where(officers.c.username == username)).first():
        conn.execute(officers.update().where(officers.c.username == username).values(password_hash=hashed, **scope))
    else:
        conn.execute(officers.insert().values(username=username, password_hash=hashed, created_at=_iso(_now()),
                                              **scope))


def check_officer(conn: sa.Connection, username: str, password: str) -> bool:
    row = conn.execute(sa.select(officers.c.password_hash).where(officers.c.username == username)).first()
    if row is None:
        security.verify_password(_dummy_hash(), password)  # same time whether the name exists or not
        return False
    return security.verify_password(row.password_hash, password)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return security.hash_password("not a real password")
