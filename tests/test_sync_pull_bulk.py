"""A pulled page's new rows go into the store in bulk (merge._create_rows):
the same rows, versions and bookkeeping as one change at a time, and a row
the store refuses is reported while the rest of the page is stored."""
from __future__ import annotations

import time
import uuid
from datetime import date

import sqlalchemy as sa

from care_core import protocol as p
from facility_app.storage.tables import SYNCED_TABLES, row_sync
from facility_app.sync import merge
from tests.server_fixtures import checkup_fields, resident_fields
from tests.sync_fixtures import first_pc
from tests.sync_fixtures import sqlite_server  # noqa: F401 (fixture)

ORIGIN = "other-pc"


def _hlc(n: int) -> str:
    return f"{int(time.time() * 1000) - 60_000:015d}-{n:05d}-{ORIGIN}"


def _page(changes: list[tuple[str, str, str, dict]], start: int = 1) -> p.PullPage:
    pulled = [p.PulledChange(start + i, ORIGIN, str(uuid.uuid4()), table, row_id, op, fields, _hlc(i),
                             1 if op == "insert" else 2, False)
              for i, (table, row_id, op, fields) in enumerate(changes)]
    return p.PullPage(pulled, start + len(changes) - 1, False)


def _rehab(resident_id: str) -> dict:
    return {"resident_id": resident_id, "session_date": "2026-11-20", "rehab_type": "physiotherapy",
            "minutes": 45, "therapist": "KTV Trần Văn Nam", "barthel": 60, "voided": False}


def _rows(store, ids: list[str]) -> dict:
    out = {}
    with store.read() as conn:
        for name, table in SYNCED_TABLES.items():
            for r in conn.execute(sa.select(table).where(table.c.id.in_(ids))):
                out[(name, r.id)] = {k: v for k, v in r._mapping.items() if k != "facility_code"}
        for r in conn.execute(sa.select(row_sync).where(row_sync.c.row_id.in_(ids))):
            out[("row_sync", r.table_name, r.row_id)] = tuple(r)
    return out


def test_bulk_and_one_by_one_store_the_same(sqlite_server, tmp_path, monkeypatch):  # noqa: F811
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    c1, c2, s1, s2 = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    page = _page([("residents", a, "insert", resident_fields("Nguyễn Văn An")),
                  ("checkups", c1, "insert", checkup_fields(a, temperature=37.2, weight_kg=51)),
                  ("residents", b, "insert", resident_fields("Trần Thị Bình", sex="F")),
                  ("rehab_sessions", s1, "insert", _rehab(b)),
                  ("residents", a, "update", {"room": "P9"}),  # a row touched twice: one by one
                  ("checkups", c2, "insert", checkup_fields(b, systolic=150)),
                  ("rehab_sessions", s2, "insert", {**_rehab(a), "deleted": True})])  # a field, not only a flag
    ids = [a, b, c1, c2, s1, s2]
    bulk_pc = first_pc(tmp_path, sqlite_server, "bulk")
    bulk = merge.apply_page(bulk_pc.services.store, page)
    monkeypatch.setattr(merge, "_new_rows", lambda conn, changes: set())
    single_pc = first_pc(tmp_path, sqlite_server, "single")
    single = merge.apply_page(single_pc.services.store, page)
    assert (bulk.rows_created, bulk.fields, bulk.skipped) == (single.rows_created, single.fields, single.skipped)
    assert bulk.rows_created == 6 and not bulk.skipped
    stored = _rows(bulk_pc.services.store, ids)
    assert stored == _rows(single_pc.services.store, ids)
    assert stored[("residents", a)]["room"] == "P9" and stored[("residents", a)]["version"] == 2
    assert stored[("checkups", c2)]["systolic"] == 150 and stored[("checkups", c2)]["updated_by"] == "sync"
    assert stored[("row_sync", "rehab_sessions", s1)][-1] == 1  # known version
    assert stored[("rehab_sessions", s2)]["deleted"] is True and stored[("rehab_sessions", s1)]["deleted"] is False
    assert stored[("checkups", c1)]["checkup_date"] == date.fromisoformat(checkup_fields(a)["checkup_date"])
    assert stored[("checkups", c1)]["weight_kg"] == 51.0 and stored[("checkups", c1)]["isolation"] is False


def test_a_row_the_store_refuses_is_reported_and_the_rest_is_stored(sqlite_server, tmp_path):  # noqa: F811
    a, nobody = str(uuid.uuid4()), str(uuid.uuid4())
    c1, orphan, s1 = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    page = _page([("residents", a, "insert", resident_fields()),
                  ("checkups", c1, "insert", checkup_fields(a)),
                  ("checkups", orphan, "insert", checkup_fields(nobody)),  # its resident is not here
                  ("rehab_sessions", s1, "insert", _rehab(a))])
    pc = first_pc(tmp_path, sqlite_server)
    applied = merge.apply_page(pc.services.store, page)
    assert applied.rows_created == 3 and applied.changes == 4
    assert len(applied.skipped) == 1 and orphan in applied.skipped[0]
    stored = _rows(pc.services.store, [a, c1, orphan, s1])
    assert {k[1] for k in stored if k[0] != "row_sync"} == {a, c1, s1}
    with pc.services.store.read() as conn:
        assert conn.execute(sa.text("SELECT pull_cursor FROM sync_state")).scalar() == 4
