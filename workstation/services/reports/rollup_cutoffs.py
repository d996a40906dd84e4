"""Progress against the day from its rollup: orders per cut-off, carrier and status (0008).

``report_cutoffs`` counts the orders with a ship-by cut-off per (cut-off, carrier, status).
Triggers on ``orders`` append every change to ``report_cutoff_changes`` (-1 for the order's old
cut-off, carrier and status, +1 for its new ones); the catch-up (:func:`rollup.catch_up`) folds
them into the counts (:func:`fold_cutoff_changes`). A report reads, in one snapshot, the
counts plus the changes not folded yet, so :func:`progress_rolled` equals
:func:`progress.progress` (the definition) whatever the catch-up's progress.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, case, delete, func, or_, select, union_all
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from db.enums import OrderStatus
from db.models import ReportCutoff, ReportCutoffChange
from workstation.services.reports.model import Table, Window
from workstation.services.reports.prebuilt import params, prebuilt
from workstation.services.reports.progress import DONE, OPEN, progress_table

CUTOFF_BATCH = 200_000  # changes folded per transaction


def fold_cutoff_changes(conn: Connection) -> int:
    """Fold up to CUTOFF_BATCH appended changes into the counts; returns how many."""
    c = ReportCutoffChange
    ids = select(c.id).order_by(c.id).limit(CUTOFF_BATCH).subquery()
    hi = conn.scalar(select(func.max(ids.c.id)))
    if hi is None:
        return 0
    # Only the rows this transaction sees (REPEATABLE READ on PostgreSQL): a change committed
    # meanwhile, even with a lower id, is neither counted nor deleted here.
    sums = (select(c.ship_by, c.carrier, c.status, func.sum(c.orders))
            .where(c.id <= hi).group_by(c.ship_by, c.carrier, c.status))
    columns = ["ship_by", "carrier", "status", "orders"]
    t = ReportCutoff.__table__
    if conn.dialect.name == "postgresql":
        pg_stmt = pg_insert(ReportCutoff).from_select(columns, sums)
        conn.execute(pg_stmt.on_conflict_do_update(
            index_elements=columns[:3], set_={"orders": t.c.orders + pg_stmt.excluded.orders}))
    else:
        lite_stmt = sqlite_insert(ReportCutoff).from_select(columns, sums)
        conn.execute(lite_stmt.on_conflict_do_update(
            index_elements=columns[:3],
            set_={"orders": t.c.orders + lite_stmt.excluded.orders}))
    conn.execute(delete(ReportCutoff).where(ReportCutoff.orders == 0))
    handled = conn.execute(delete(c).where(c.id <= hi)).rowcount
    return int(handled)


def _counts(window: Window) -> Any:
    """(carrier, ship_by, status, orders) for the due half-windows: counts plus changes."""
    def due(model: Any) -> Any:
        return or_(and_(model.ship_by >= window.start, model.ship_by < window.end,
                        model.status != OrderStatus.CANCELLED.value),
                   and_(model.ship_by < window.start, model.status.in_(OPEN)))

    c, d = ReportCutoff, ReportCutoffChange
    return union_all(
        select(c.carrier, c.ship_by, c.status, c.orders).where(due(c)),
        select(d.carrier, d.ship_by, d.status, d.orders).where(due(d)),
    ).subquery("due")


@prebuilt
def _progress_rolled(window: Window) -> Any:
    due = _counts(window)

    def count_of(*statuses: str) -> Any:
        return func.sum(case((due.c.status.in_(statuses), due.c.orders), else_=0))

    total = func.sum(due.c.orders)
    return (
        select(due.c.carrier, due.c.ship_by, total, count_of(*DONE), count_of(*OPEN),
               count_of(OrderStatus.ON_HOLD.value), count_of(OrderStatus.PARKED.value))
        .group_by(due.c.carrier, due.c.ship_by)
        .having(total > 0)  # a group every order of which has left: not shown, as raw
        .order_by(due.c.ship_by, due.c.carrier)
    )


def progress_rolled(session: Session, window: Window) -> Table:
    """The same table as :func:`progress.progress`, from the counts and unfolded changes."""
    rows = session.execute(_progress_rolled.get(session, window), params(window)).all()
    return progress_table(rows)
