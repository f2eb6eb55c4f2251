"""Enrolment: a one-time code from the province becomes this PC's token.

``enrol`` ties an existing store to the server. ``join`` makes a second (or
replacement) PC of a facility: a new store under its own passphrase,
enrolled, then filled by a full pull - the facility's settings, its users
(their password hashes travel, so the same accounts log in) and every
record. The facility code comes from the server, never typed.

Resident codes: each PC numbers new residents in its own series, so two PCs
admitting offline never make the same code. The PC that created the
facility's store keeps the default series (``DT-00001``); a joining PC takes
``DT<n>-`` from the device number the server gave it at enrolment (1, 2, 3
... within the facility, never reused), e.g. ``DT2-00001``.
"""
from __future__ import annotations

import ipaddress
import os
import platform
from pathlib import Path
from urllib.parse import urlsplit

import sqlalchemy as sa

from care_core.domain.entities import Actor
from care_core.domain.enums import Role
from care_core.domain.messages import ActionError
from care_core.domain.permissions import Permission, require
from ..services.residents import CODE_PREFIX_KEY
from ..storage.repositories import set_meta_value
from ..storage.store import Store
from ..storage.tables import facility as facility_table
from . import api, state
from .client import Transport
from .engine import Report, sync_once
from care_core.protocol import EnrolAnswer


class SetupError(ActionError):
    pass


def check_url(url: str) -> str:
    """https, or plain http only to this machine (tests, a trial on one PC)."""
    url = (url or "").strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SetupError(f"Địa chỉ máy chủ “{url}” không hợp lệ; dạng đúng: https://dongbo.tinh.gov.vn",
                         f"“{url}” is not a server address; it looks like https://sync.province.gov.vn")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise SetupError("Chỉ kết nối máy chủ tỉnh qua https (dữ liệu sức khỏe không được gửi không mã hóa).",
                         "Connect to the provincial server over https only (health data never travels unencrypted).")
    return url


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_ca_bundle(path: str | None) -> str | None:
    if not path:
        return None
    file = Path(path).expanduser().resolve()
    if not file.is_file():
        raise SetupError(f"Không tìm thấy tệp chứng chỉ {file}.", f"Certificate file {file} not found.")
    return str(file)


def device_name() -> str:
    return (os.environ.get("COMPUTERNAME") or platform.node() or "PC")[:100]


def enrol(store: Store, url: str, code: str, *, ca_bundle: str | None = None, name: str | None = None,
          actor: Actor | None = None, **transport_options) -> EnrolAnswer:
    """Exchange a one-time code for this PC's token; admins only, audited
    (server and device, never the token)."""
    actor = actor or Actor("facility-admin", Role.SYSTEM)
    require(actor.role, Permission.ENROL_DEVICE)
    url, ca_bundle = check_url(url), check_ca_bundle(ca_bundle)
    code = (code or "").strip()
    if not code:
        raise SetupError("Thiếu mã đăng ký.", "The enrolment code is missing.")
    transport = Transport(url, None, ca_bundle=ca_bundle, **transport_options)
    try:
        answer = api.enrol(transport, code, name or device_name())
    finally:
        transport.close()
    if store.facility_code and store.facility_code != answer.facility_code:
        raise SetupError(
            f"Mã đăng ký thuộc cơ sở {answer.facility_code} nhưng kho dữ liệu này là của {store.facility_code}; "
            "không lưu gì. Xin Sở mã đăng ký đúng cơ sở.",
            f"The code belongs to facility {answer.facility_code} but this store is {store.facility_code}'s; "
            "nothing saved. Ask the province for a code of the right facility.")
    with store.write(actor, "enrol-device") as w:
        state.save_enrolment(w.conn, server_url=url, token=answer.token, server_device_id=answer.device_id,
                             facility_code=answer.facility_code, ca_bundle=ca_bundle)
        w.audit_only("sync_state", answer.device_id, {"server": url, "device_number": answer.device_number})
    return answer


def resident_code_prefix(device_number: int) -> str:
    """The series of resident codes a joined PC makes: ``DT2-`` for device 2."""
    return f"DT{device_number}-"


def join(data_dir: Path, passphrase: str, url: str, code: str, *, ca_bundle: str | None = None,
         name: str | None = None, **options) -> tuple[Store, EnrolAnswer, Report]:
    """A new store for a facility that already syncs. The caller removes the
    folder if this raises (nothing half-made is left to open)."""
    url, ca_bundle = check_url(url), check_ca_bundle(ca_bundle)
    store = Store.create(data_dir, passphrase)
    try:
        answer = enrol(store, url, code, ca_bundle=ca_bundle, name=name)
        store.facility_code = answer.facility_code
        if answer.device_number:
            prefix = resident_code_prefix(answer.device_number)
            with store.write(Actor("sync", Role.SYSTEM), "sync-join") as w:
                set_meta_value(w.conn, CODE_PREFIX_KEY, prefix)
                w.audit_only("meta", CODE_PREFIX_KEY, {"resident_code_prefix": prefix})
        report = sync_once(store, **options)
        if report.error is not None:
            raise report.error
        with store.read() as conn:
            has_facility = conn.execute(sa.select(sa.func.count()).select_from(facility_table)).scalar()
        if not has_facility:
            raise SetupError(
                f"Máy chủ chưa có dữ liệu của cơ sở {answer.facility_code}: hãy đồng bộ máy đầu tiên của cơ sở "
                "trước, rồi xin mã đăng ký mới cho máy này.",
                f"The server holds no data of facility {answer.facility_code} yet: sync the facility's first PC, "
                "then ask for a new enrolment code for this one.")
    except BaseException:
        store.close()
        raise
    return store, answer, report
