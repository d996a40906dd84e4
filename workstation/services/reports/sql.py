"""SQL pieces the figures need that SQLite and PostgreSQL spell differently.

Each is a small SQLAlchemy construct compiled per dialect, so a figure is written once and
runs on both backends.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from sqlalchemy import Float, Select, String, Table, TableClause, column, func, literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

#: A SELECT of any columns (SQLAlchemy 2.1 types a Select by its column types).
AnySelect: TypeAlias = Select[*tuple[Any, ...]]


class seconds_between(FunctionElement[float]):
    """Seconds from the first timestamp to the second (fractional)."""

    type = Float()
    inherit_cache = True
    name = "seconds_between"

    def __init__(self, start: Any, end: Any) -> None:
        super().__init__(start, end)


@compiles(seconds_between, "sqlite")
def _seconds_sqlite(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (f"((julianday({compiler.process(end, **kw)}) - "
            f"julianday({compiler.process(start, **kw)})) * 86400.0)")


@compiles(seconds_between, "postgresql")
def _seconds_pg(element: seconds_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (f"EXTRACT(EPOCH FROM ({compiler.process(end, **kw)} - "
            f"{compiler.process(start, **kw)}))::float8")


class hour_bucket(FunctionElement[str]):
    """The UTC clock hour a timestamp falls in, as text ``YYYY-MM-DD HH:00``."""

    type = String()
    inherit_cache = True
    name = "hour_bucket"

    def __init__(self, at: Any) -> None:
        super().__init__(at)


@compiles(hour_bucket, "sqlite")
def _hour_sqlite(element: hour_bucket, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite holds our timestamps as text "YYYY-MM-DD HH:MM:SS.ffffff" (naive UTC, see
    # db.types.UTCDateTime): cutting the hour off is several times cheaper than strftime(),
    # which parses every value, and a report cuts hundreds of thousands of them.
    (at,) = list(element.clauses)
    return f"(substr({compiler.process(at, **kw)}, 1, 13) || ':00')"


@compiles(hour_bucket, "postgresql")
def _hour_pg(element: hour_bucket, compiler: SQLCompiler, **kw: Any) -> str:
    (at,) = list(element.clauses)
    return f"to_char(({compiler.process(at, **kw)}) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:00')"


class unindexed(FunctionElement[Any]):
    """The column's value, written so that SQLite will not pick an index on it (a unary
    ``+``): for a filter that must not steer the plan away from a better range (the scan
    events above the rollup's watermark are an id range, a few rows; the same window by time
    is every scan of the day). PostgreSQL plans it well by itself: the plain column."""

    inherit_cache = True
    name = "unindexed"

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    (column,) = list(element.clauses)
    return f"+{compiler.process(column, **kw)}"


@compiles(unindexed, "postgresql")
def _unindexed_pg(element: unindexed, compiler: SQLCompiler, **kw: Any) -> str:
    (column,) = list(element.clauses)
    return str(compiler.process(column, **kw))


class _IndexedTable(TableClause):
    """A table read through one named index on SQLite (``INDEXED BY``); plain elsewhere."""

    inherit_cache = True

    def __init__(self, table: Table, index: str) -> None:
        super().__init__(table.name, *[column(c.name, c.type) for c in table.c])
        self.index = index


@compiles(_IndexedTable, "sqlite")
def _indexed_sqlite(element: _IndexedTable, compiler: SQLCompiler, **kw: Any) -> str:
    sql = str(compiler.visit_table(element, **kw))  # type: ignore[no-untyped-call]
    return f"{sql} INDEXED BY {element.index}" if kw.get("asfrom") else sql


def indexed_by(table: Table, index: str) -> TableClause:
    """``table`` read through ``index`` on SQLite. Its planner knows only the average rows per
    value (no histogram), so for the few open orders among a million packed ones it would
    rather scan them all; PostgreSQL's statistics know better and get the plain table."""
    return _IndexedTable(table, index)


def percentile_disc_90(value: Any) -> Any:
    """PostgreSQL's ``percentile_disc(0.9) WITHIN GROUP (ORDER BY value)``: the value at rank
    ceil(0.9 n) of the n sorted values, which is :func:`throughput.p90`'s nearest rank (the
    database computes ceil(0.9 * n) in double precision: equal to (9n + 9) // 10 for every n
    up to 2,000,000, checked in tests/integration/reports/test_rollup_0008.py). SQLite has no
    such aggregate: its callers pick the value in Python."""
    return func.percentile_disc(literal_column("0.9")).within_group(value)
