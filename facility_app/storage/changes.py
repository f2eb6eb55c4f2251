"""One write = the row, its change-log (outbox) entry and its audit entry,
in one transaction. Services open a ``Writer`` per use case."""
from __future__ import annotations

import json
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timezone
from enum import Enum
from typing import Any, Iterator

import sqlalchemy as sa

from care_core.domain.changes import ChangeSet
from care_core.domain.entities import Actor
from care_core.domain.hlc import Clock
from care_core.domain.ids import new_id
from care_core.domain.messages import ActionError
from . import audit
from .tables import SYNCED_TABLES, change_log


# Sync carries these to the facility's other PCs (in the change log), but the
# audit log is read by directors: it says that they changed, never their value.
SECRET_FIELDS = frozenset({"password_hash"})
HIDDEN = "<hidden>"


class StaleRecord(ActionError):
    def __init__(self):
        super().__init__(
            "Bản ghi vừa được người khác sửa; hãy mở lại và nhập lại thay đổi.",
            "Someone else changed this record meanwhile; reopen it and make your change again.",
        )


# the rows written by the operation running in this thread (see ``collect``)
_collector: ContextVar[ChangeSet | None] = ContextVar("changes_collector", default=None)


@contextmanager
def collect() -> Iterator[ChangeSet]:
    """Note every row a ``Writer`` logs while inside: what one operation changed.
    Per thread (a context variable), so operations in worker threads do not mix."""
    changes = ChangeSet()
    token = _collector.set(changes)
    try:
        yield changes
    finally:
        _collector.reset(token)
        outer = _collector.get()
        if outer is not None:  # an operation inside another: the outer one changed these too
            outer.update(changes)


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def jsonable(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


class Writer:
    """Writes through one open transaction; the caller commits by leaving ``with``."""

    def __init__(self, conn: sa.Connection, actor: Actor, action: str, facility_code: str,
                 device_id: str, clock: Clock):
        self.conn = conn
        self.actor = actor
        self.action = action
        self.facility_code = facility_code
        self.device_id = device_id
        self.clock = clock
        self.at = now_iso()

    def _stamp(self) -> dict:
        return {"updated_at": self.at, "updated_by": self.actor.username,
                "device_id": self.device_id, "hlc": self.clock.tick().encode()}

    def insert(self, table: sa.Table, values: dict) -> str:
        row = dict(values)
        row.setdefault("id", new_id())
        row.update(facility_code=self.facility_code, version=1, deleted=False, **self._stamp())
        self.conn.execute(table.insert(), row)  # values as parameters: the compiled INSERT is cached
        fields = {k: jsonable(v) for k, v in values.items() if k != "id"}
        self._log(table.name, row["id"], "insert", fields, 0, row["hlc"])
        return row["id"]

    def insert_many(self, table: sa.Table, values: list[dict]) -> list[str]:
        """``insert`` for many rows at once (an import): the same rows, change-log
        and audit entries, written with one statement each instead of one per row."""
        rows, logs, audits = [], [], []
        collector = _collector.get()
        for v in values:
            row = dict(v)
            row.setdefault("id", new_id())
            row.update(facility_code=self.facility_code, version=1, deleted=False, **self._stamp())
            rows.append(row)
            fields = {k: jsonable(x) for k, x in v.items() if k != "id"}
            logs.append(dict(change_id=new_id(), table_name=table.name, row_id=row["id"], op="insert",
                             fields=json.dumps(fields, ensure_ascii=False, sort_keys=True),
                             base_version=0, hlc=row["hlc"], created_at=self.at))
            audits.append(dict(at=self.at, actor=self.actor.username, role=self.actor.role.value, action=self.action,
                               table_name=table.name, row_id=row["id"],
                               detail={k: (HIDDEN if k in SECRET_FIELDS else x) for k, x in fields.items()}))
            if collector is not None:
                collector.add(table.name, row["id"], self._resident_of(table.name, row["id"], fields))
        if rows:
            self.conn.execute(table.insert(), rows)
            self.conn.execute(change_log.insert(), logs)
            audit.append_many(self.conn, audits)
        return [r["id"] for r in rows]

    def update(self, table: sa.Table, row_id: str, changed: dict, base_version: int | None = None,
               op: str = "update") -> int:
        """Apply only the changed fields; refuse if the row moved past ``base_version``."""
        current = self.conn.execute(sa.select(table.c.version).where(table.c.id == row_id)).scalar()
        if current is None:
            raise KeyError(row_id)
        if base_version is not None and base_version != current:
            raise StaleRecord()
        stamp = self._stamp()
        self.conn.execute(table.update().where(table.c.id == row_id)
                          .values(**changed, version=current + 1, **stamp))
        fields = {k: jsonable(v) for k, v in changed.items()}
        self._log(table.name, row_id, op, fields, current, stamp["hlc"])
        return current + 1

    def tombstone(self, table: sa.Table, row_id: str, base_version: int | None = None) -> int:
        return self.update(table, row_id, {"deleted": True}, base_version, op="delete")

    def _log(self, table_name: str, row_id: str, op: str, fields: dict, base_version: int, hlc: str) -> None:
        assert table_name in SYNCED_TABLES
        self.conn.execute(change_log.insert(), dict(
            change_id=new_id(), table_name=table_name, row_id=row_id, op=op,
            fields=json.dumps(fields, ensure_ascii=False, sort_keys=True),
            base_version=base_version, hlc=hlc, created_at=self.at,
        ))
        audit.append(self.conn, at=self.at, actor=self.actor.username, role=self.actor.role.value,
                     action=self.action, table_name=table_name, row_id=row_id,
                     detail={k: (HIDDEN if k in SECRET_FIELDS else v) for k, v in fields.items()})
        collector = _collector.get()
        if collector is not None:
            collector.add(table_name, row_id, self._resident_of(table_name, row_id, fields))

    def _resident_of(self, table_name: str, row_id: str, fields: dict) -> str | None:
        """Whose record a row is part of (None for settings and accounts)."""
        if table_name == "residents":
            return row_id
        table = SYNCED_TABLES[table_name]
        if "resident_id" not in table.c:
            return None
        return fields.get("resident_id") or self.conn.execute(
            sa.select(table.c.resident_id).where(table.c.id == row_id)).scalar()

    def audit_only(self, table_name: str, row_id: str, detail: dict) -> None:
        """An audited action that changes no synced record (login, report, export)."""
        audit.append(self.conn, at=self.at, actor=self.actor.username, role=self.actor.role.value,
                     action=self.action, table_name=table_name, row_id=row_id, detail=detail)
