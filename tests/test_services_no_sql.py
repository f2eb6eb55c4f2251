"""The use-case layer holds no SQL: every statement lives in ``storage``.

import-linter keeps sqlalchemy out of ``facility_app.services`` (pyproject's
"Services know no SQL" contract); this reads each service's source for what
an import check cannot see: statements built on a table handed over by
storage (``table.select()``, ``.where(...)``, ``.c.column``), statements run
on a connection (``conn.execute``) and SQL written as text.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[1] / "facility_app" / "services"

# building or running a statement, whatever the receiver is called
_STATEMENT_CALLS = {"execute", "exec_driver_sql", "executemany", "where", "values", "scalar", "scalars",
                    "mappings", "group_by", "order_by", "with_only_columns", "select_from", "text"}
# the table's own statement builders take no argument (Writer.insert(table, row) does)
_TABLE_BUILDERS = {"select", "insert", "update", "delete"}
_SQL_TEXT = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX)|"
                       r"PRAGMA\s|ON\s+CONFLICT)\b", re.IGNORECASE | re.DOTALL)


def sql_in(source: str) -> list[str]:
    """Where ``source`` builds, runs or spells out SQL: ``line: what``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if any(n.split(".")[0] in ("sqlalchemy", "sqlcipher3", "sqlite3") for n in names):
                found.append(f"{node.lineno}: imports {', '.join(names)}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            if name in _STATEMENT_CALLS or (name in _TABLE_BUILDERS and not node.args and not node.keywords):
                found.append(f"{node.lineno}: .{name}(...)")
        elif isinstance(node, ast.Attribute) and node.attr == "c" and isinstance(node.ctx, ast.Load):
            found.append(f"{node.lineno}: a table's columns (.c)")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _SQL_TEXT.search(node.value):
            found.append(f"{node.lineno}: SQL text {node.value[:40]!r}")
    return found


@pytest.mark.parametrize("path", sorted(SERVICES.glob("*.py")), ids=lambda p: p.name)
def test_no_service_holds_sql(path):
    assert sql_in(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("snippet", [
    "import sqlalchemy as sa",
    "from sqlalchemy import select",
    "rows = conn.execute(q).all()",
    "q = table.select()",
    "w.conn.execute(sync_conflicts.update().values(server_told=True))",
    "q = stmt.where(table.c.id == row_id)",
    "n = change_log.c.state",
    "conn.exec_driver_sql('UPDATE change_log SET state = ?', rows)",
    "SQL = 'INSERT INTO meta(key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = excluded.value'",
    "q = '''select id\n  from residents where code = :c'''",
])
def test_the_scan_sees_sql(snippet):
    assert sql_in(snippet)


@pytest.mark.parametrize("snippet", [
    "w.insert(checkups, to_row(checkup))",  # the Writer: row, outbox and audit in one transaction
    "w.update(residents, resident.id, changed, base_version=resident.version)",
    "found = repo.get(conn, Resident, resident_id)",
    "text = 'Chọn giữ “mine” hoặc “theirs”: update the record'",
    "values = dict(a=1)",
])
def test_the_scan_lets_use_cases_be(snippet):
    assert sql_in(snippet) == []
