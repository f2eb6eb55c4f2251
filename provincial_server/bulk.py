"""Bulk reads and writes of a push, fast on PostgreSQL and plain on SQLite.

A batch of 500 changes writes 500 records and 500 stream rows and looks up
1,000 ids. On PostgreSQL the rows go in with ``COPY`` (inside the push's
transaction, on the same connection: one stream instead of a statement per
row) and the look-ups bind one array (``= ANY(:ids)``) instead of 500
parameters. SQLite gets ordinary multi-row statements.
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


def is_postgresql(conn: sa.Connection) -> bool:
    return conn.dialect.name == "postgresql"


def insert_many(conn: sa.Connection, table: sa.Table, rows: list[dict]) -> None:
    if not rows:
        return
    if not is_postgresql(conn):
        conn.execute(table.insert(), rows)
        return
    names = list(rows[0])
    quoted = ", ".join(f'"{n}"' for n in names)
    cursor = conn.connection.driver_connection.cursor()
    try:
        with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(tuple(row[n] for n in names))
    finally:
        cursor.close()


def among(conn: sa.Connection, column: sa.Column, values: list[str]):
    """``column IN values`` as one bound array on PostgreSQL."""
    if is_postgresql(conn):
        return column == sa.any_(sa.bindparam(None, list(values), type_=postgresql.ARRAY(sa.String)))
    return column.in_(values)
