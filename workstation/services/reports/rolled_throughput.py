"""The throughput tables and the per-station series from one lean pass over the fact rows.

The same figures as :func:`throughput.rollup` and :func:`throughput.series` (the definitions
live there and in the README; the p90 is :func:`throughput.p90` itself), over the same rows
(:func:`rollup.packed_rows`: fact rows and the sessions still queued, read raw), but grouped by
id from plain tuples in one pass for every table, with names looked up once per group rather
than an object per order. (Picking the p90 in SQL instead, with a window function per table,
was measured slower on both backends: a sort of the window's rows per table.)
So was, on PostgreSQL 15, one ``GROUPING SETS`` aggregate with ``percentile_disc(0.9)`` (the
same nearest rank) and a hashed GROUP BY for the series: 1.5 s against this path's 1.2 s for a
month of the full benchmark (333,000 orders), 38 ms against 33 ms for a day: its ordered and
DISTINCT aggregates sort every group's rows once more. The rows are fetched as the driver
returns them (:func:`model.plain_rows`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from workstation.services.reports.model import Table, Window, bulk_rows, factorised, plain_rows
from workstation.services.reports.rollup import names, packed_rows
from workstation.services.reports.throughput import THROUGHPUT_COLUMNS, Dimension, p90, p90_index

# Where each dimension's key is in a packed_rows row (station_id, operator_id, carrier, hour,
# units, seconds); the total has none.
_KEY_AT = {Dimension.STATION: 0, Dimension.OPERATOR: 1, Dimension.CARRIER: 2,
           Dimension.HOUR: 3}


def _row(key: str, seconds: list[float], units: int, hours: int) -> tuple[Any, ...]:
    """One table row from its orders' times, as :func:`throughput.rollup` makes it."""
    slowest = p90(seconds)
    if slowest is None:  # no orders: no average, no p90
        return (key, 0, int(units), 0.0, None, None)
    return _table_row(key, len(seconds), int(units), hours, sum(seconds), slowest)


def _factorised_ids(values: tuple[Any, ...]) -> tuple[Any, list[Any]]:
    """As :func:`model.factorised` for a column of row ids (small non-negative integers): the
    groups in id order, found by one ``bincount`` instead of a dictionary look-up per row.
    Anything else in the column (a NULL) takes :func:`model.factorised`."""
    import numpy as np

    ids = np.asarray(values)
    if ids.dtype.kind not in "iu" or not len(ids) or ids.min() < 0 or ids.max() > 10_000_000:
        return factorised(values)
    present = np.flatnonzero(np.bincount(ids))
    code_of = np.zeros(int(present[-1]) + 1, dtype=np.int64)
    code_of[present] = np.arange(len(present))
    return code_of[ids], present.tolist()


#: Up to this many (group, hour) cells, the active hours are counted in a dense array.
_DENSE_CELLS = 4_000_000


class _Facts:
    """The window's fact rows as arrays, grouped with NumPy: per group the orders, units,
    active hours, the times' sum (added in row order, as ``sum`` over the group's list adds
    them: the same average to the last bit) and the nearest-rank p90 (the same element
    :func:`throughput.p90` picks). Python loops over a month's 333,000 orders, five tables
    over, took most of the report's time."""

    def __init__(self, hours: tuple[str, ...], units: tuple[int, ...],
                 seconds: tuple[float, ...]) -> None:
        import numpy as np

        self.np = np
        self.hour_codes, self.hour_values = factorised(hours)
        self.n_hours = max(1, len(self.hour_values))
        self.units = np.asarray(units, dtype=np.float64)
        self.seconds = np.asarray(seconds, dtype=np.float64)
        # The times sorted once (stable): each table then sorts its group codes over this
        # order (stable again), which orders by group, then time: what a lexsort of (time,
        # group) gives, at a twentieth of its cost per table (a radix sort of small codes).
        self._by_time = np.argsort(self.seconds, kind="stable")
        self._times_in_order = self.seconds[self._by_time]

    def rows(self, codes: Any, keys: list[Any]) -> list[tuple[Any, int, int, int, float, float]]:
        """(key, orders, units, active hours, sum of seconds, p90 seconds) per key."""
        np = self.np
        k = len(keys)
        n = np.bincount(codes, minlength=k)
        units = np.bincount(codes, weights=self.units, minlength=k)
        sums = np.bincount(codes, weights=self.seconds, minlength=k)
        cells = codes * self.n_hours + self.hour_codes
        if k * self.n_hours <= _DENSE_CELLS:  # which (group, hour) cells have an order
            seen = np.bincount(cells, minlength=k * self.n_hours) > 0
            active = seen.reshape(k, self.n_hours).sum(axis=1)
        else:
            active = np.bincount(np.unique(cells) // self.n_hours, minlength=k)
        narrow = codes.astype(np.int16) if k <= np.iinfo(np.int16).max else codes
        in_order = self._times_in_order[np.argsort(narrow[self._by_time], kind="stable")]
        starts = np.cumsum(n) - n
        slowest = in_order[starts + p90_index(n)]
        return [(keys[i], int(n[i]), int(units[i]), int(active[i]), float(sums[i]),
                 float(slowest[i])) for i in range(k)]


def _table_row(key: Any, n: int, units: int, hours: int, total: float,
               slowest: float) -> tuple[Any, ...]:
    """One table row from its group's figures (the rounding of :func:`throughput.rollup`)."""
    return (key, n, units, round(n / hours, 2) if hours else 0.0, round(total / n, 1),
            round(slowest, 1))


def _series_cells(facts: _Facts, station_codes: Any, station_ids: list[Any]
                  ) -> list[tuple[Any, str, int, int]]:
    """(station id, hour, orders, units) for every station and hour with an order: one
    bincount over (station, hour) cells, not a dictionary entry per order."""
    np = facts.np
    cells = station_codes * facts.n_hours + facts.hour_codes
    size = len(station_ids) * facts.n_hours
    orders = np.bincount(cells, minlength=size)
    units = np.bincount(cells, weights=facts.units, minlength=size)
    return [(station_ids[cell // facts.n_hours], facts.hour_values[cell % facts.n_hours],
             int(orders[cell]), int(units[cell])) for cell in np.flatnonzero(orders).tolist()]


def throughput_tables_rolled(session: Session, window: Window, dims: list[Dimension],
                             *, with_series: bool = False
                             ) -> tuple[dict[Dimension, Table], Table | None]:
    """The throughput tables for ``dims`` (and the series when asked), one statement."""
    with bulk_rows():
        # The driver's rows: no per-row ORM or Row work (ids, text, numbers only).
        rows = plain_rows(session, *packed_rows(session, window))
        columns: list[tuple[Any, ...]] = list(zip(*rows, strict=True)) if rows else [()] * 6
        _stations, _operators, _carriers, hours, units, seconds = columns
        stations, operators = names(session)
        label: dict[Dimension, dict[Any, str]] = {Dimension.STATION: stations,
                                                  Dimension.OPERATOR: operators}
        facts = _Facts(hours, units, seconds) if rows else None
        groups: dict[Dimension, tuple[Any, list[Any]]] = {}  # each key column factorised once
        if facts is not None:
            groups[Dimension.HOUR] = (facts.hour_codes, facts.hour_values)

        def grouped(by: Dimension) -> tuple[Any, list[Any]]:
            if by not in groups:
                ids = by in (Dimension.STATION, Dimension.OPERATOR)
                groups[by] = (_factorised_ids if ids else factorised)(columns[_KEY_AT[by]])
            return groups[by]

        tables = {}
        for by in dims:
            if facts is None:
                out = [_row("all", [], 0, 0)] if by is Dimension.TOTAL else []
            elif by is Dimension.TOTAL:
                out = [_table_row(*row) for row in facts.rows(
                    facts.np.zeros(len(rows), dtype=facts.np.int64), ["all"])]
            else:
                named = label.get(by)
                codes, keys = grouped(by)
                out = sorted(_table_row(named[key] if named is not None else key, n, u, a, t, p)
                             for key, n, u, a, t, p in facts.rows(codes, keys))
            tables[by] = Table(f"throughput_by_{by.value}", f"Throughput by {by.value}",
                               (by.value, *THROUGHPUT_COLUMNS), out)
        series = None
        if with_series:
            cells = (_series_cells(facts, *grouped(Dimension.STATION))
                     if facts is not None else [])
            series = Table("orders_per_hour_by_station", "Orders packed per hour, per station",
                           ("station", "hour", "orders", "units"),
                           sorted((stations[s], h, n, u) for s, h, n, u in cells))
        # Freed while collection is still off: the tuples made by the thousand count towards
        # the next collection until they are gone, and left to it they cost one (7 ms a day's
        # report on PostgreSQL, seen with a profiler) the moment collection resumes.
        columns.clear()  # (read by grouped(): emptied, not deleted)
        groups.clear()
        del rows, _stations, _operators, _carriers, hours, units, seconds, facts
    return tables, series
