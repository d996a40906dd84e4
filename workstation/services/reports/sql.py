"""SQL pieces the figures need that SQLite and PostgreSQL spell differently.

Each is a small SQLAlchemy construct compiled per dialect, so a figure is written once and
runs on both backends.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from sqlalchemy import Float, Select, String
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
