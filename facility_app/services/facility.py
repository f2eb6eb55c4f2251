"""The facility's own settings: identity, governing body, report heading."""
from __future__ import annotations

import dataclasses

from care_core.domain import report_form, rules
from care_core.domain.entities import Actor, Facility
from care_core.domain.messages import ActionError
from care_core.domain.permissions import Permission
from ..storage import repositories as repo
from ..storage.mapping import changed_fields, to_row
from ..storage.tables import facility as facility_table
from .base import Service

# What releases before the Decree 30 settings stored as defaults: the body
# without its province. Read as "not set", so an upgraded store prints the
# body with its province until the director types another.
_BARE_DEFAULTS = {"SỞ NỘI VỤ", "SỞ Y TẾ", "CÔNG AN TỈNH", "Sở Nội vụ", "Sở Y tế", "Công an tỉnh"}


def _set(value: str) -> str:
    value = (value or "").strip()
    return "" if value in _BARE_DEFAULTS else value


def with_defaults(f: Facility) -> Facility:
    """Since 2025 (the ministry split) who governs each kind of facility, with
    its province ('SỞ Y TẾ TỈNH LẠNG SƠN'), and the symbol 'BC-<abbreviation>'.
    The director changes them in the settings when the province arranges
    otherwise."""
    symbol = (f.report_symbol or "").strip()
    return dataclasses.replace(
        f,
        governing_body=_set(f.governing_body) or report_form.default_heading(f.type, f.province_code),
        report_recipient=_set(f.report_recipient) or report_form.governing_body(f.type, f.province_code),
        report_symbol=symbol if symbol and symbol != "BC" else report_form.default_symbol(f.name),
    )


class FacilityService(Service):
    def get(self) -> Facility | None:
        with self.store.read() as conn:
            return repo.get_facility(conn)

    def initialise(self, actor: Actor, facility: Facility) -> Facility:
        """Once per store: the facility's identity (every synced row carries its code)."""
        self.require(actor, Permission.EDIT_SETTINGS)
        facility = with_defaults(dataclasses.replace(facility, code=(facility.code or "").strip().upper()))
        rules.ensure(rules.check_facility(facility))
        with self.store.read() as conn:
            if repo.get_facility(conn) is not None:
                raise ActionError("Kho dữ liệu đã có thông tin cơ sở.", "This store already has its facility.")
        self.store.facility_code = facility.code
        with self.store.write(actor, "initialise-facility") as w:
            w.insert(facility_table, to_row(facility))
        facility.version = 1
        return facility

    def update(self, actor: Actor, changes: dict, base_version: int) -> Facility:
        self.require(actor, Permission.EDIT_SETTINGS)
        if "code" in changes:
            raise ActionError("Không thể đổi mã cơ sở sau khi khởi tạo.", "The facility code cannot change after set-up.")
        with self.store.write(actor, "update-settings") as w:
            current = repo.get_facility(w.conn)
            updated = dataclasses.replace(current, **changes)
            rules.ensure(rules.check_facility(updated))
            diff = changed_fields(to_row(current), to_row(updated))
            if not diff:
                return current
            updated.version = w.update(facility_table, repo.facility_row_id(w.conn), diff, base_version)
        return updated
