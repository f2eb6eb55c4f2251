"""What the status bar says about synchronisation, read from the store.

Until the sync client exists, a store has no server configured and the
status reads "not configured"; the count of changes waiting in the outbox
(``change_log`` rows still ``pending``) is real from the first write, so a
nurse can see that nothing has left the PC yet. The sync client records its
server address under the ``meta`` key ``sync_server_url`` and the time of
its last successful exchange under ``last_sync_at`` (ISO-8601 UTC).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from ..storage.tables import change_log, meta
from .base import Service

SERVER_KEY = "sync_server_url"
LAST_SYNC_KEY = "last_sync_at"


@dataclass(frozen=True)
class SyncStatus:
    configured: bool
    last_sync_at: datetime | None
    pending: int


class StatusService(Service):
    def sync_status(self) -> SyncStatus:
        """No actor needed: it shows counts only, never a record."""
        with self.store.read() as conn:
            values = dict(conn.execute(sa.select(meta.c.key, meta.c.value)
                                       .where(meta.c.key.in_((SERVER_KEY, LAST_SYNC_KEY)))).all())
            pending = conn.execute(sa.select(sa.func.count()).select_from(change_log)
                                   .where(change_log.c.state == "pending")).scalar() or 0
        last = None
        if values.get(LAST_SYNC_KEY):
            try:
                last = datetime.fromisoformat(values[LAST_SYNC_KEY])
            except ValueError:
                last = None
        return SyncStatus(bool(values.get(SERVER_KEY)), last, int(pending))
