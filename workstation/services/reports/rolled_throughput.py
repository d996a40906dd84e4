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

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy.orm import Session

from workstation.services.reports.model import Table, Window, bulk_rows, plain_rows
from workstation.services.reports.rollup import names, packed_rows
from workstation.services.reports.throughput import THROUGHPUT_COLUMNS, Dimension, p90

# Where each dimension's key is in a packed_rows row (station_id, operator_id, carrier, hour,
# units, seconds); the total has none.
_KEY_AT = {Dimension.STATION: 0, Dimension.OPERATOR: 1, Dimension.CARRIER: 2,
           Dimension.HOUR: 3}


def _row(key: str, seconds: list[float], units: int, hours: int) -> tuple[Any, ...]:
    """One table row, as :func:`throughput.rollup` makes it."""
    n = len(seconds)
    slowest = p90(seconds)
    return (key, n, int(units), round(n / hours, 2) if hours else 0.0,
            round(sum(seconds) / n, 1) if n else None,
            round(slowest, 1) if slowest is not None else None)


def _grouped(keys: tuple[Any, ...], units: tuple[int, ...], hours: tuple[str, ...],
             seconds: tuple[float, ...]) -> list[tuple[Any, list[float], int, int]]:
    """Per key: its orders' times, units and active hours (column-wise loops: a report
    groups hundreds of thousands of orders five times)."""
    times: dict[Any, list[float]] = defaultdict(list)
    for key, took in zip(keys, seconds, strict=True):
        times[key].append(took)
    packed: dict[Any, int] = defaultdict(int)
    for key, n in zip(keys, units, strict=True):
        packed[key] += n
    active = Counter(key for key, _hour in set(zip(keys, hours, strict=True)))
    return [(key, times[key], packed[key], active[key]) for key in times]


def throughput_tables_rolled(session: Session, window: Window, dims: list[Dimension],
                             *, with_series: bool = False
                             ) -> tuple[dict[Dimension, Table], Table | None]:
    """The throughput tables for ``dims`` (and the series when asked), one statement."""
    with bulk_rows():
        # The driver's rows: no per-row ORM or Row work (ids, text, numbers only).
        rows = plain_rows(session, packed_rows(session, window))
        columns: list[tuple[Any, ...]] = list(zip(*rows, strict=True)) if rows else [()] * 6
        station_ids, _operators, _carriers, hours, units, seconds = columns
        stations, operators = names(session)
        label: dict[Dimension, dict[Any, str]] = {Dimension.STATION: stations,
                                                  Dimension.OPERATOR: operators}
        tables = {}
        for by in dims:
            if by is Dimension.TOTAL:
                out = [_row("all", list(seconds), sum(units), len(set(hours)))]
            else:
                named = label.get(by)
                out = sorted(_row(named[key] if named is not None else key, times, n, active)
                             for key, times, n, active in _grouped(columns[_KEY_AT[by]], units,
                                                                   hours, seconds))
            tables[by] = Table(f"throughput_by_{by.value}", f"Throughput by {by.value}",
                               (by.value, *THROUGHPUT_COLUMNS), out)
        series = None
        if with_series:
            orders = Counter(zip(station_ids, hours, strict=True))
            cell_units: dict[tuple[int, str], int] = defaultdict(int)
            for cell, n in zip(zip(station_ids, hours, strict=True), units, strict=True):
                cell_units[cell] += n
            series = Table("orders_per_hour_by_station", "Orders packed per hour, per station",
                           ("station", "hour", "orders", "units"),
                           sorted((stations[s], h, n, int(cell_units[(s, h)]))
                                  for (s, h), n in orders.items()))
    return tables, series
