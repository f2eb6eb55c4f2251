"""Bulk reads and writes of a push, fast on PostgreSQL and plain on SQLite.

A batch of 500 changes writes 500 records and 500 stream rows and looks up
1,000 ids. On PostgreSQL the rows go in with a binary ``COPY`` (inside the push's
transaction, on the same connection: one stream instead of a statement per
row) and the look-ups bind the ids as one string that the server splits
(``IN (SELECT unnest(string_to_array(:ids, sep)))``): binding a
1,000-element array costs psycopg more Python time than the query costs
PostgreSQL. The sub-select matters: ``= ANY(string_to_array(...))`` is
split again for every row a sequential scan visits (200 ms a query on a
small, freshly emptied table). SQLite gets ordinary multi-row statements.
"""
from __future__ import annotations

from operator import itemgetter

import sqlalchemy as sa

# Ids that travel are printable (protocol._ident), so a control character
# cannot occur inside one; a value that holds it cannot name a stored row.
_SEP = "\x1f"


def is_postgresql(conn: sa.Connection) -> bool:
    return conn.dialect.name == "postgresql"


def _copy_type(column: sa.Column) -> str:
    """The PostgreSQL type a column's values are sent as in a binary COPY."""
    kind = column.type
    if isinstance(kind, sa.BigInteger):
        return "int8"
    if isinstance(kind, sa.Integer):
        return "int4"
    if isinstance(kind, sa.Boolean):
        return "bool"
    if isinstance(kind, sa.String):  # Text too
        return "text"
    raise TypeError(f"no COPY type for {column}")


def insert_many(conn: sa.Connection, table: sa.Table, rows: list, columns: tuple[str, ...] | None = None) -> None:
    """Insert ``rows``: dicts with the same keys, or (``columns`` given)
    sequences of those columns' values. On PostgreSQL a binary ``COPY``:
    the text form has every byte of the rows' JSON scanned for characters
    to escape, which took twice the client's time."""
    if not rows:
        return
    if not is_postgresql(conn):
        conn.execute(table.insert(), rows if columns is None else [dict(zip(columns, row)) for row in rows])
        return
    names = list(rows[0]) if columns is None else list(columns)
    quoted = ", ".join(f'"{n}"' for n in names)
    types = [_copy_type(table.c[n]) for n in names]
    cursor = conn.connection.driver_connection.cursor()
    try:
        with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN (FORMAT BINARY)') as copy:
            copy.set_types(types)
            write = copy.write_row
            for row in (rows if columns is not None else map(itemgetter(*names), rows)):
                write(row)
    finally:
        cursor.close()


def among(conn: sa.Connection, column: sa.Column, values: list[str]):
    """``column IN values``; on PostgreSQL the values travel as one string."""
    if is_postgresql(conn):
        return column.in_(sa.select(sa.func.unnest(sa.func.string_to_array(
            sa.bindparam(None, _joined(values), type_=sa.Text), _SEP))).scalar_subquery())
    return column.in_(values)


def among_param(postgresql: bool, column: sa.Column, name: str):
    """``among`` for a statement built once: its values are bound to
    ``name`` at each execution, as ``among_value`` gives them."""
    if postgresql:
        return column.in_(sa.select(sa.func.unnest(sa.func.string_to_array(
            sa.bindparam(name, type_=sa.Text), _SEP))).scalar_subquery())
    return column.in_(sa.bindparam(name, expanding=True))


def among_value(conn: sa.Connection, values: list[str]):
    """The value bound to an ``among_param``."""
    return _joined(values) if is_postgresql(conn) else list(values)


def _joined(values: list[str]) -> str:
    joined = _SEP.join(values)
    if joined.count(_SEP) != len(values) - 1:  # some value holds the separator: it names no row
        joined = _SEP.join(v for v in values if _SEP not in v)
    return joined
