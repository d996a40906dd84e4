"""Mis-scans by product: which SKU was scanned in place of which (look-alike pairs).

Definition: for every ``wrong_item`` scan event in the window, the *scanned* product is the
event's ``product_id``; the *expected* products are the order's lines that were still open at
that moment (ordered quantity greater than the units packed on that line by earlier scan
events, ``parcel_items`` joined to ``scan_events`` with a smaller id). Each (scanned, expected)
pair counts the wrong-item events it occurs in, so an event with two open lines counts towards
both pairs. Overall and per operator (the event's operator). Units taken out again later are
no longer in ``parcel_items``, so a line is judged by what is in its parcels now. A row that
holds a run of plain units (``pack_fast.ScanWriter.add_units``) points to the run's first scan
and holds only units scanned before any wrong item that follows it: a wrong item is never a
fast-path scan, and every other scan starts new runs (tests/integration/test_unit_runs.py).

A report reads both tables in one statement (:func:`misscans_tables`): the pairs are found
once, counted per operator, and the overall counts are their sums (an event has one operator,
so counting distinct events per operator and adding up counts each event once).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from db.models import Operator, OrderLine, ParcelItem, Product, ScanEvent
from workstation.domain.outcomes import Outcome
from workstation.services.reports.accuracy import misscans_in
from workstation.services.reports.model import Table, Window, plain_rows
from workstation.services.reports.prebuilt import params, prebuilt
from workstation.services.reports.sql import AnySelect

# Built once: making an alias is costly next to the small queries that use them.
SCANNED = aliased(Product, name="scanned")
EXPECTED = aliased(Product, name="expected")


def pairs(window: Window) -> AnySelect:
    """One row per wrong-item event and open line of another product in its order."""
    # Earlier scans by id alone: parcel_items.scan_event_id is a foreign key to scan_events,
    # so a row's id names an event that exists (a join to check it was a look-up per line).
    packed_before = (
        select(func.coalesce(func.sum(ParcelItem.quantity), 0))
        .where(ParcelItem.order_line_id == OrderLine.id,
               ParcelItem.scan_event_id < ScanEvent.id)
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


@prebuilt
def _per_operator(window: Window) -> Any:
    """The pairs counted per operator, scanned and expected product, with their names."""
    p = pairs(window).subquery("pairs")
    per_op = (select(p.c.operator_id, p.c.scanned_id, p.c.expected_id,
                     func.count(func.distinct(p.c.event_id)).label("events"))
              .group_by(p.c.operator_id, p.c.scanned_id, p.c.expected_id)
              .subquery("per_operator"))
    scanned, expected = SCANNED, EXPECTED
    who = func.coalesce(Operator.code, "(nobody signed in)")
    return (
        select(who, scanned.sku, scanned.name, expected.sku, expected.name, per_op.c.events)
        .select_from(per_op)
        .join(scanned, scanned.id == per_op.c.scanned_id)
        .join(expected, expected.id == per_op.c.expected_id)
        .outerjoin(Operator, Operator.id == per_op.c.operator_id))


def misscans_tables(session: Session, window: Window, *, limit: int = 100
                    ) -> tuple[Table, Table]:
    """:func:`misscans` overall and per operator, from one statement: the pairs found once
    and counted per operator (and its code and the products' names joined) there; the
    overall counts (their sums) and both rankings made here from those rows, a few thousand
    a day. (Done in the database too, the two more GROUP BYs and sorts on text cost as much as
    finding the pairs, seen with EXPLAIN ANALYZE on PostgreSQL.) Ties rank by code point, as
    SQLite's and PostgreSQL's C collation order them."""
    # Text and counts only: the driver's tuples, no Row made per pair (model.plain_rows).
    found = plain_rows(session, _per_operator.get(session, window), params(window))
    overall: dict[tuple[str, str, str, str], int] = defaultdict(int)
    by_operator: dict[tuple[str, str, str, str, str], int] = defaultdict(int)
    for row in found:
        events = int(row[5])
        overall[(row[1], row[2], row[3], row[4])] += events
        by_operator[(row[0], row[1], row[2], row[3], row[4])] += events
    columns = ("scanned_sku", "scanned_name", "expected_sku", "expected_name", "events")
    return (Table("misscans", "Mis-scans by product: scanned in place of", columns,
                  _ranked(overall, limit)),
            Table("misscans_by_operator", "Mis-scans by product, per operator",
                  ("operator", *columns), _ranked(by_operator, limit)))


def _ranked(counts: dict[Any, int], limit: int) -> list[tuple[Any, ...]]:
    """Most events first, then by the names; the first ``limit``. (``nsmallest`` is
    ``sorted(...)[:limit]`` without sorting the rest: 0.5 ms instead of 1.2 for a day's
    1,831 pairs.)"""
    top = heapq.nsmallest(limit, counts.items(), key=_most_first)
    return [(*key, events) for key, events in top]


def _most_first(item: tuple[Any, int]) -> tuple[int, Any]:
    return (-item[1], item[0])
