"""The facility's own settings: identity, governing body, report heading."""
from __future__ import annotations

import dataclasses

from care_core.domain import rules
from care_core.domain.entities import Actor, Facility
from care_core.domain.enums import FacilityType
from care_core.domain.messages import ActionError
from care_core.domain.permissions import Permission
from ..storage import repositories as repo
from ..storage.mapping import changed_fields, to_row
from ..storage.tables import facility as facility_table
from .base import Service

# Since 2025 (the ministry split): who governs each kind of facility by default.
# The director changes it in the settings when the province arranges otherwise.
DEFAULT_GOVERNING = {
    FacilityType.MERIT_CARE: ("SỞ NỘI VỤ", "Sở Nội vụ"),
    FacilityType.SOCIAL_ASSISTANCE: ("SỞ Y TẾ", "Sở Y tế"),
    FacilityType.DRUG_REHAB: ("CÔNG AN TỈNH", "Công an tỉnh"),
}


def with_defaults(f: Facility) -> Facility:
    heading, recipient = DEFAULT_GOVERNING[FacilityType(f.type)]
    return dataclasses.replace(
        f,
        governing_body=f.governing_body or heading,
        report_recipient=f.report_recipient or recipient,
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
