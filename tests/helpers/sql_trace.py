"""What statements a piece of code runs, and how SQLite plans one: for the tests that hold a
query to its index (SQLite's planner takes an index whenever it has one, so a full scan in its
plan is a choice the query made)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event


@contextmanager
def statements_run(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """The (statement, parameters) the engine runs inside the block, in order."""
    ran: list[tuple[str, Any]] = []

    def seen(conn: Any, cursor: Any, statement: str, params: Any, context: Any,
             executemany: bool) -> None:
        ran.append((statement, params))

    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield ran
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def sqlite_plan(engine: Engine, statement: str, params: Any = ()) -> list[str]:
    """The steps of SQLite's ``EXPLAIN QUERY PLAN`` for the statement."""
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("EXPLAIN QUERY PLAN " + statement, params)
        return [str(row[3]) for row in cur.fetchall()]
    finally:
        raw.close()
