"""Orders packed per station per hour: the board's and the PDF's time series.

Same definition of *packed* as :mod:`throughput` (completed sessions by ``ended_at``).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from workstation.services.reports.model import Table, Window
from workstation.services.reports.throughput import packed_orders, series


def orders_per_hour_by_station(session: Session, window: Window) -> Table:
    return series(packed_orders(session, window))
