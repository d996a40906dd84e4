"""Mis-scans by product: which SKU was scanned in place of which (look-alike pairs).

Definition: for every ``wrong_item`` scan event in the window, the *scanned* product is the
event's ``product_id``; the *expected* products are the order's lines that were still open at
that moment (ordered quantity greater than the units packed on that line by earlier scan
events, ``parcel_items`` joined to ``scan_events`` with a smaller id). Each (scanned, expected)
pair counts the wrong-item events it occurs in, so an event with two open lines counts towards
both pairs. Overall and per operator (the event's operator). Units taken out again later are
no longer in ``parcel_items``, so a line is judged by what is in its parcels now.

A report reads both tables in one statement (:func:`misscans_tables`): the pairs are found
once, counted per operator, and the overall counts are their sums (an event has one operator,
so counting distinct events per operator and adding up counts each event once).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, literal, null, select, union_all
from sqlalchemy.orm import Session, aliased

from db.models import Operator, OrderLine, ParcelItem, Product, ScanEvent
from workstation.domain.outcomes import Outcome
from workstation.services.reports.accuracy import misscans_in
from workstation.services.reports.model import Table, Window
from workstation.services.reports.sql import AnySelect

# Built once: making an alias is costly next to the small queries that use them.
EARLIER = aliased(ScanEvent, name="earlier")
SCANNED = aliased(Product, name="scanned")
EXPECTED = aliased(Product, name="expected")


def pairs(window: Window) -> AnySelect:
    """One row per wrong-item event and open line of another product in its order."""
    earlier = EARLIER
    packed_before = (
        select(func.coalesce(func.sum(ParcelItem.quantity), 0))
        .join(earlier, earlier.id == ParcelItem.scan_event_id)
        .where(ParcelItem.order_line_id == OrderLine.id, earlier.id < ScanEvent.id)
        .correlate(OrderLine, ScanEvent)
        .scalar_subquery()
    )
    return (
        select(ScanEvent.id.label("event_id"), ScanEvent.operator_id.label("operator_id"),
               ScanEvent.order_id.label("order_id"),
               ScanEvent.product_id.label("scanned_id"),
               OrderLine.product_id.label("expected_id"))
        .join(OrderLine, OrderLine.order_id == ScanEvent.order_id)
        .where(*misscans_in(window, Outcome.WRONG_ITEM),
               ScanEvent.product_id.is_not(None),
               OrderLine.product_id != ScanEvent.product_id,
               OrderLine.quantity > packed_before)
    )


def misscans(session: Session, window: Window, *, per_operator: bool = False,
             limit: int = 100) -> Table:
    p = pairs(window).subquery("pairs")
    scanned, expected = SCANNED, EXPECTED
    columns: list[Any] = [scanned.sku, scanned.name, expected.sku, expected.name]
    query = select(*columns, func.count(func.distinct(p.c.event_id)).label("events"))
    if per_operator:
        who = func.coalesce(Operator.code, "(nobody signed in)")
        query = select(who, *columns, func.count(func.distinct(p.c.event_id)))
        columns = [who, *columns]
    query = (query.select_from(p)
             .join(scanned, scanned.id == p.c.scanned_id)
             .join(expected, expected.id == p.c.expected_id))
    if per_operator:
        query = query.outerjoin(Operator, Operator.id == p.c.operator_id)
    count = func.count(func.distinct(p.c.event_id))
    rows = session.execute(
        query.group_by(*columns).order_by(count.desc(), *columns).limit(limit)
    ).all()
    names = ("scanned_sku", "scanned_name", "expected_sku", "expected_name", "events")
    if per_operator:
        return Table("misscans_by_operator", "Mis-scans by product, per operator",
                     ("operator", *names), [tuple(r) for r in rows])
    return Table("misscans", "Mis-scans by product: scanned in place of",
                 names, [tuple(r) for r in rows])


def misscans_tables(session: Session, window: Window, *, limit: int = 100
                    ) -> tuple[Table, Table]:
    """:func:`misscans` overall and per operator, from one statement (one pass over the
    window's wrong-item events instead of two)."""
    p = pairs(window).subquery("pairs")
    per_op = (select(p.c.operator_id, p.c.scanned_id, p.c.expected_id,
                     func.count(func.distinct(p.c.event_id)).label("events"))
              .group_by(p.c.operator_id, p.c.scanned_id, p.c.expected_id)
              .cte("per_operator").prefix_with("MATERIALIZED"))
    scanned, expected = SCANNED, EXPECTED
    names = [scanned.sku, scanned.name, expected.sku, expected.name]
    events = func.sum(per_op.c.events)
    overall = (select(literal(0).label("part"), null().label("who"), *names,
                      events.label("events"),
                      func.row_number().over(order_by=[events.desc(), *names]).label("rank"))
               .select_from(per_op)
               .join(scanned, scanned.id == per_op.c.scanned_id)
               .join(expected, expected.id == per_op.c.expected_id)
               .group_by(*names))
    who = func.coalesce(Operator.code, "(nobody signed in)")
    by_operator = (select(literal(1), who, *names, events,
                          func.row_number().over(order_by=[events.desc(), who, *names]))
                   .select_from(per_op)
                   .join(scanned, scanned.id == per_op.c.scanned_id)
                   .join(expected, expected.id == per_op.c.expected_id)
                   .outerjoin(Operator, Operator.id == per_op.c.operator_id)
                   .group_by(who, *names))
    both = union_all(overall, by_operator).subquery("both")
    rows = session.execute(select(both).where(both.c.rank <= limit)
                           .order_by(both.c.part, both.c.rank)).all()
    columns = ("scanned_sku", "scanned_name", "expected_sku", "expected_name", "events")
    # (a sum of counts is NUMERIC on PostgreSQL: back to int, as a count is)
    return (Table("misscans", "Mis-scans by product: scanned in place of", columns,
                  [(*r[2:6], int(r[6])) for r in rows if r[0] == 0]),
            Table("misscans_by_operator", "Mis-scans by product, per operator",
                  ("operator", *columns), [(*r[1:6], int(r[6])) for r in rows if r[0] == 1]))
