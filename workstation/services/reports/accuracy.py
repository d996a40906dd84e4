"""Accuracy figures: wrong items and over-scans per 1,000 scans.

Definitions: the denominator is every scan event recorded in the window (item, order, label,
command and badge scans alike: every scan the station answered), counted for the event's
station, operator and UTC hour of ``recorded_at``. The numerators are the events whose outcome
is ``wrong_item`` and ``over_scan`` (``workstation.domain.outcomes.Outcome``). Rates are
1000 x count / scans, rounded to 0.01. Every table (total, station, operator, hour) is
rolled up from one pass over the events (:func:`scan_cells`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, literal_column, select
from sqlalchemy.orm import Session

from db.models import Operator, ScanEvent, Station
from workstation.domain.outcomes import Outcome
from workstation.services.reports.model import Table, Window
from workstation.services.reports.sql import hour_bucket
from workstation.services.reports.throughput import Dimension

ACCURACY_COLUMNS = ("scans", "wrong_item", "over_scan", "wrong_item_per_1000",
                    "over_scan_per_1000")
NOBODY = "(nobody signed in)"


def scans_in(window: Window) -> list[ColumnElement[bool]]:
    where = [ScanEvent.recorded_at >= window.start, ScanEvent.recorded_at < window.end]
    if window.station_id is not None:
        where.append(ScanEvent.station_id == window.station_id)
    if window.operator_id is not None:
        where.append(ScanEvent.operator_id == window.operator_id)
    return where


def not_accepted() -> ColumnElement[bool]:
    """A scan whose outcome is not ``accepted``, spelled with a literal exactly as the partial
    index ``ix_scan_events_misscans`` is (migration 0009, db.models.SCAN_NOT_ACCEPTED): added
    to a query for wrong items or over-scans, it lets SQLite see that index applies
    (PostgreSQL works it out from ``outcome = 'wrong_item'`` alone)."""
    return ScanEvent.outcome != literal_column(f"'{Outcome.ACCEPTED.value}'")


def misscans_in(window: Window, outcome: Outcome) -> list[ColumnElement[bool]]:
    """The window's scans with this (mis-scan) outcome, read through the partial index."""
    assert outcome is not Outcome.ACCEPTED
    return [ScanEvent.outcome == outcome.value, not_accepted(), *scans_in(window)]


def per_1000(count: int, scans: int) -> float:
    return round(1000 * count / scans, 2) if scans else 0.0


@dataclass(frozen=True, slots=True)
class ScanCell:
    """Scans of one station, operator and hour, and how many were wrong items / over-scans."""

    station: str
    operator: str
    hour: str
    scans: int
    wrong_item: int
    over_scan: int


def scan_cells(session: Session, window: Window) -> list[ScanCell]:
    """One pass over the window's scan events; every accuracy table is rolled up from it."""
    hour = hour_bucket(ScanEvent.recorded_at)
    wrong = func.sum(case((ScanEvent.outcome == Outcome.WRONG_ITEM.value, 1), else_=0))
    over = func.sum(case((ScanEvent.outcome == Outcome.OVER_SCAN.value, 1), else_=0))
    cells = (
        select(ScanEvent.station_id, ScanEvent.operator_id, hour.label("hour"),
               func.count().label("scans"), wrong.label("wrong"), over.label("over"))
        .where(*scans_in(window))
        .group_by(ScanEvent.station_id, ScanEvent.operator_id, hour)
    ).subquery("cells")
    rows = session.execute(
        select(Station.name, func.coalesce(Operator.code, NOBODY), cells.c.hour,
               cells.c.scans, cells.c.wrong, cells.c.over)
        .join(Station, Station.id == cells.c.station_id)
        .outerjoin(Operator, Operator.id == cells.c.operator_id)
    ).all()
    return [ScanCell(s, o, h, int(n), int(w or 0), int(v or 0)) for s, o, h, n, w, v in rows]


def rollup(cells: list[ScanCell], by: Dimension) -> Table:
    if by is Dimension.CARRIER:
        raise ValueError("accuracy is not broken down by carrier")
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    if by is Dimension.TOTAL:
        sums["all"] = [0, 0, 0]
    for cell in cells:
        key = "all" if by is Dimension.TOTAL else getattr(cell, by.value)
        total = sums[key]
        total[0] += cell.scans
        total[1] += cell.wrong_item
        total[2] += cell.over_scan
    out = [(k, n, w, o, per_1000(w, n), per_1000(o, n))
           for k, (n, w, o) in sorted(sums.items())]
    return Table(f"accuracy_by_{by.value}", f"Accuracy by {by.value}",
                 (by.value, *ACCURACY_COLUMNS), out)


def accuracy_tables(session: Session, window: Window, dims: list[Dimension]) -> list[Table]:
    cells = scan_cells(session, window)
    return [rollup(cells, by) for by in dims]


def accuracy(session: Session, window: Window, by: Dimension) -> Table:
    return rollup(scan_cells(session, window), by)
