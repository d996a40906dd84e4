"""Accuracy figures: wrong items and over-scans per 1,000 scans.

Definitions: the denominator is every scan event recorded in the window (item, order, label,
command and badge scans alike: every scan the station answered), counted for the event's
station, operator and UTC hour of ``recorded_at``. The numerators are the events whose outcome
is ``wrong_item`` and ``over_scan`` (``workstation.domain.outcomes.Outcome``). Rates are
1000 x count / scans, rounded to 0.01.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, case, func, literal, select
from sqlalchemy.orm import Session

from db.models import Operator, ScanEvent, Station
from workstation.domain.outcomes import Outcome
from workstation.services.reports.model import Table, Window
from workstation.services.reports.sql import hour_bucket
from workstation.services.reports.throughput import Dimension

ACCURACY_COLUMNS = ("scans", "wrong_item", "over_scan", "wrong_item_per_1000",
                    "over_scan_per_1000")


def scans_in(window: Window) -> list[ColumnElement[bool]]:
    where = [ScanEvent.recorded_at >= window.start, ScanEvent.recorded_at < window.end]
    if window.station_id is not None:
        where.append(ScanEvent.station_id == window.station_id)
    if window.operator_id is not None:
        where.append(ScanEvent.operator_id == window.operator_id)
    return where


def per_1000(count: int, scans: int) -> float:
    return round(1000 * count / scans, 2) if scans else 0.0


def accuracy(session: Session, window: Window, by: Dimension) -> Table:
    if by is Dimension.CARRIER:
        raise ValueError("accuracy is not broken down by carrier")
    key: ColumnElement[Any]
    query_key: dict[Dimension, ColumnElement[Any]] = {
        Dimension.TOTAL: literal("all"),
        Dimension.HOUR: hour_bucket(ScanEvent.recorded_at),
        Dimension.STATION: Station.name,
        Dimension.OPERATOR: func.coalesce(Operator.code, "(nobody signed in)"),
    }
    key = query_key[by].label("key")
    wrong = func.sum(case((ScanEvent.outcome == Outcome.WRONG_ITEM.value, 1), else_=0))
    over = func.sum(case((ScanEvent.outcome == Outcome.OVER_SCAN.value, 1), else_=0))
    query = select(key, func.count(), wrong, over).where(*scans_in(window))
    if by is Dimension.STATION:
        query = query.join(Station, Station.id == ScanEvent.station_id)
    elif by is Dimension.OPERATOR:
        query = query.outerjoin(Operator, Operator.id == ScanEvent.operator_id)
    if by is not Dimension.TOTAL:  # PostgreSQL refuses GROUP BY a constant
        query = query.group_by(key).order_by(key)
    out = [(k, int(n), int(w or 0), int(o or 0), per_1000(int(w or 0), int(n)),
            per_1000(int(o or 0), int(n)))
           for k, n, w, o in session.execute(query).all()]
    if by is Dimension.TOTAL and not out:
        out.append(("all", 0, 0, 0, 0.0, 0.0))
    return Table(f"accuracy_by_{by.value}", f"Accuracy by {by.value}",
                 (by.value, *ACCURACY_COLUMNS), out)
