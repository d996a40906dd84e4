"""Orders packed per station per hour: the board's and the PDF's time series.

Same definition of *packed* as :mod:`throughput` (completed sessions by ``ended_at``).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Station
from workstation.services.reports.model import Table, Window
from workstation.services.reports.throughput import packed_sessions


def orders_per_hour_by_station(session: Session, window: Window) -> Table:
    facts = packed_sessions(window).subquery("facts")
    rows = session.execute(
        select(Station.name, facts.c.hour, func.count(), func.sum(facts.c.units))
        .join(Station, Station.id == facts.c.station_id)
        .group_by(Station.name, facts.c.hour)
        .order_by(Station.name, facts.c.hour)
    ).all()
    return Table("orders_per_hour_by_station", "Orders packed per hour, per station",
                 ("station", "hour", "orders", "units"),
                 [(s, h, int(n), int(u or 0)) for s, h, n, u in rows])
