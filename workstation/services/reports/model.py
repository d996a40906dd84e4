"""The plain results of the reports: a window of time with its filters, and tables of figures.

A report is a list of :class:`Table`; the exports (CSV, JSON, PDF) and the board only lay
tables out, they compute nothing.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from db.engine import read_only_session

#: ``Session.info`` key: the session is one read-only snapshot (made by :func:`reading`).
SNAPSHOT = "reports.snapshot"


@dataclass(frozen=True, slots=True)
class Window:
    """What a figure is computed over: ``start <= t < end`` (UTC), optionally one station and/or
    one operator (by id). ``now`` is when the report is made (progress and at-risk use it).
    ``tz`` is the lead's clock: the days asked for are its days, and the report shows its
    hours and times (:func:`in_zone`); the figures are computed in UTC whatever it is."""

    start: datetime
    end: datetime
    now: datetime
    station_id: int | None = None
    operator_id: int | None = None
    tz: tzinfo = UTC

    @classmethod
    def for_dates(cls, first: date, last: date, now: datetime, *,
                  station_id: int | None = None, operator_id: int | None = None,
                  tz: tzinfo = UTC) -> Window:
        """Whole days of ``tz`` from ``first`` to ``last``, both included (midnight to
        midnight on the lead's clock, 23 or 25 hours on a day its clocks change)."""
        if last < first:
            raise ValueError(f"--to {last} is before --from {first}")
        start = datetime.combine(first, time(0), tz).astimezone(UTC)
        end = datetime.combine(last + timedelta(days=1), time(0), tz).astimezone(UTC)
        return cls(start, end, now, station_id, operator_id, tz)

    @property
    def hours(self) -> float:
        return (self.end - self.start).total_seconds() / 3600

    def local_hour(self, label: str) -> str:
        """A UTC clock hour as the figures write it ('YYYY-MM-DD HH:MM'), on ``tz``'s clock
        (in a zone half an hour off UTC, the hour starts at HH:30 there)."""
        at = datetime.strptime(label, HOUR_FORMAT).replace(tzinfo=UTC)
        return at.astimezone(self.tz).strftime(HOUR_FORMAT)

    def utc_hour(self, label: str) -> datetime:
        """The start, in UTC, of an hour written on ``tz``'s clock as the report shows it."""
        return datetime.strptime(label, HOUR_FORMAT).replace(tzinfo=self.tz).astimezone(UTC)


#: How the figures write a clock hour (``sql.hour_bucket``), and the report shows it.
HOUR_FORMAT = "%Y-%m-%d %H:%M"
#: Columns holding an hour label, and columns holding an instant (ISO 8601 with its offset).
HOUR_COLUMNS = frozenset({"hour"})
INSTANT_COLUMNS = frozenset({"cutoff", "recorded_at", "ship_by", "packed_at"})
_WITH_SECONDS = re.compile(r"T\d\d:\d\d:\d\d")


def in_zone(tables: list[Table], window: Window) -> list[Table]:
    """The tables with their hours and instants on the window's clock (``Window.tz``).

    The figures are computed and bucketed in UTC (the rollups are by UTC hour); only what a
    person reads is moved to their clock. An hour stays an hour: in a zone a whole number of
    hours off UTC (Indonesia's, China's) the UTC hours are its own clock hours."""
    if window.tz is UTC:
        return tables
    out = []
    for table in tables:
        hours = [i for i, c in enumerate(table.columns) if c in HOUR_COLUMNS]
        instants = [i for i, c in enumerate(table.columns) if c in INSTANT_COLUMNS]
        if not hours and not instants:
            out.append(table)
            continue
        rows = []
        for row in table.rows:
            cells = list(row)
            for i in hours:
                if isinstance(cells[i], str) and cells[i]:
                    cells[i] = window.local_hour(cells[i])
            for i in instants:
                if isinstance(cells[i], str) and cells[i]:
                    cells[i] = _local_instant(cells[i], window.tz)
            rows.append(tuple(cells))
        out.append(Table(table.name, table.title, table.columns, rows))
    return out


def zone_name(tz: tzinfo) -> str:
    """The zone as a person would name it: its IANA key ('Asia/Jakarta') where it has one."""
    return str(getattr(tz, "key", None) or tz)


def _local_instant(value: str, tz: tzinfo) -> str:
    at = datetime.fromisoformat(value).astimezone(tz)
    return at.isoformat(timespec="seconds" if _WITH_SECONDS.search(value) else "minutes")


@dataclass(frozen=True, slots=True)
class Table:
    """One section of a report: a title, column names, and rows in that order."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)

    def as_dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def by(self, column: str) -> dict[Any, dict[str, Any]]:
        """Rows keyed by one column (handy for a board cell or a test)."""
        return {row[column]: row for row in self.as_dicts()}


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    window: Window
    station: str | None
    operator: str | None
    viewer: str
    tables: list[Table]

    def table(self, name: str) -> Table:
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)


def reading(sessions: sessionmaker[Session]) -> Session:
    """A read-only session, one snapshot (REPEATABLE READ on PostgreSQL): on SQLite a deferred
    BEGIN, so a report never takes the write lock a station's scan is waiting for. On
    PostgreSQL, JIT compilation is off for its transaction:
    for these mid-sized aggregates it costs more than it saves (0.5 s of a 0.8 s query, seen
    with EXPLAIN ANALYZE on 30 days of sessions)."""
    bind = sessions.kw["bind"]
    assert isinstance(bind, Engine)
    session = read_only_session(bind)
    if bind.dialect.name == "postgresql":
        _begin_pg(session, None)
    session.info[SNAPSHOT] = True  # nothing changes under it: see state.rollup_state
    return session


def _begin_pg(session: Session, snapshot: str | None) -> None:
    """A report's PostgreSQL transaction: one snapshot (``snapshot``, an exported one, or its
    own) for the whole report, as SQLite's read transaction is: a figure read from a rollup and
    the raw rows above its watermark must not see a catch-up between."""
    session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
    if snapshot is not None:
        # (SET TRANSACTION SNAPSHOT takes no parameter; the id was checked when exported.)
        session.execute(text(f"SET TRANSACTION SNAPSHOT '{snapshot}'"))
    # In one statement (SET LOCAL each): jit off; a report's rows are in memory (the rollups
    # are small; the raw tails recent): index look-ups cost about a sequential read, so the
    # planner should not seq-scan a million orders to join a thousand (seen with EXPLAIN
    # ANALYZE; SSD-era default); the per-group sorts and hashes of a month's report fit in
    # memory (the 4 MB default spilled a 30-day GROUP BY to disk, seen with EXPLAIN ANALYZE).
    session.execute(text("SELECT set_config('jit', 'off', true), "
                         "set_config('random_page_cost', '1.1', true), "
                         "set_config('work_mem', '64MB', true)"))


def shared_snapshot(session: Session) -> str | None:
    """PostgreSQL: the snapshot of ``session`` (a ``reading`` session), exported so that
    another connection can read in it (:func:`reading_in`) and part of a report be read beside
    the rest while still one snapshot's figures. It stays importable while ``session``'s
    transaction is open. None on SQLite: one snapshot cannot be shared there (its reports are
    read in one go)."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    snapshot = str(session.execute(text("SELECT pg_export_snapshot()")).scalar_one())
    if not re.fullmatch(r"[0-9A-Fa-f-]+", snapshot):  # it goes into a statement as text
        raise ValueError(f"unexpected snapshot id {snapshot!r}")
    return snapshot


def reading_in(engine: Engine, snapshot: str) -> Session:
    """A read-only session that sees exactly the exported ``snapshot`` (see
    :func:`shared_snapshot`); made in the thread that uses it, closed by it."""
    other = read_only_session(engine)
    try:
        _begin_pg(other, snapshot)
    except BaseException:
        other.close()
        raise
    other.info[SNAPSHOT] = True
    return other


@contextmanager
def bulk_rows() -> Iterator[None]:
    """No cyclic garbage collection while a figure fetches and groups many rows: the tuples
    it makes by the hundred thousand (none in a cycle) would otherwise trigger full
    collections over every object in the process, which took more time than the grouping
    itself (seen with a profiler). Collection resumes as before afterwards. (Process-wide, for
    the seconds a report reads; nested or concurrent use is safe: whoever found it enabled
    turns it back on, so it is never left off.)"""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def plain_rows(session: Session, statement: Any, parameters: dict[str, Any] | None = None
               ) -> list[tuple[Any, ...]]:
    """The statement's rows as the database driver returns them: plain tuples, without a
    SQLAlchemy ``Row`` made per row (a third of the time of fetching a month's fact rows).
    Only for columns the driver already returns as they should be (integers, floats, text):
    no type's result processing is applied."""
    result = session.connection().execute(statement, parameters)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def factorised(values: tuple[Any, ...]) -> tuple[Any, list[Any]]:
    """Each value's group number (an array) and the groups' values, in first-seen order."""
    import numpy as np

    # dict.fromkeys and map run in C: a fifth of the time of a comprehension that calls
    # setdefault and len per row (10,889 rows of a day's report: 2.2 ms -> 0.4 ms).
    groups = list(dict.fromkeys(values))
    code_of = {v: i for i, v in enumerate(groups)}
    codes = np.fromiter(map(code_of.__getitem__, values), dtype=np.int64, count=len(values))
    return codes, groups
