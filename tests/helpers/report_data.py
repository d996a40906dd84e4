"""A hand-made shift whose figures are worked out by hand (see tests/unit/reports).

Day 2026-11-23 (UTC), report made at 14:00. Two stations (ST-A, ST-B), two operators (ana at
ST-A, budi at ST-B), a lead and an admin. Orders O1-O4 packed today, O5 in progress, O6 new,
O7 on hold, O8 parked and overdue since yesterday, O9 packed yesterday (outside the window),
O10 cancelled. Products RED and ROSE look alike; BLUE does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from db.models import (
    AuditEntry,
    LineException,
    Operator,
    Order,
    OrderLine,
    OrderStatusChange,
    PackSession,
    Parcel,
    ParcelItem,
    PrintJob,
    Product,
    ScanEvent,
    Station,
)

DAY = datetime(2026, 11, 23, tzinfo=UTC).date()
NOW = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
RED, ROSE, BLUE = 1, 2, 3
ST_A, ST_B = 1, 2
ANA, BUDI, LEAD, ADMIN = 1, 2, 3, 4


def at(hh: int, mm: int, ss: int = 0, day: int = 23) -> datetime:
    return datetime(2026, 11, day, hh, mm, ss, tzinfo=UTC)


@dataclass
class _Builder:
    s: Session
    next_event: int = 1
    next_item: int = 1

    def order(self, id_: int, carrier: str, status: str, ship_by: datetime | None,
              imported: datetime, lines: list[tuple[int, int]]) -> None:
        self.s.add(Order(id=id_, number=f"O{id_}", customer_name="Siti", ship_to_name="Siti",
                         address_lines="Jl. Merdeka 1", city="Jakarta", country="ID",
                         carrier=carrier, status=status, ship_by=ship_by, imported_at=imported,
                         updated_at=imported))
        self.s.flush()
        for n, (product, qty) in enumerate(lines, start=1):
            self.s.add(OrderLine(id=id_ * 10 + n, order_id=id_, line_no=n, product_id=product,
                                 quantity=qty))
        self.s.flush()

    def session(self, id_: int, order: int, station: int, operator: int, status: str,
                started: datetime, ended: datetime | None) -> None:
        self.s.add(PackSession(id=id_, order_id=order, station_id=station,
                               operator_id=operator, status=status, started_at=started,
                               ended_at=ended, version=1))
        self.s.flush()

    def parcel(self, id_: int, session: int, order: int, seq: int, closed: datetime | None,
               label: datetime | None) -> None:
        self.s.add(Parcel(id=id_, session_id=session, order_id=order, seq=seq,
                          status="closed" if closed else "open", opened_at=closed or NOW,
                          closed_at=closed, label_confirmed_at=label))
        self.s.flush()

    def scan(self, when: datetime, station: int, operator: int | None, order: int | None,
             session: int | None, outcome: str, product: int | None = None,
             line: int | None = None, parcel: int | None = None) -> int:
        """A scan event; an accepting one (``parcel`` given) puts one unit in the parcel."""
        event_id = self.next_event
        self.next_event += 1
        self.s.add(ScanEvent(id=event_id, session_id=session, order_id=order,
                             station_id=station, operator_id=operator, raw=f"code-{event_id}",
                             outcome=outcome, order_line_id=line, product_id=product,
                             quantity=1 if parcel else 0, received_at=when, recorded_at=when))
        self.s.flush()
        if parcel is not None:
            assert line is not None
            self.s.add(ParcelItem(id=self.next_item, parcel_id=parcel, order_line_id=line,
                                  quantity=1, scan_event_id=event_id))
            self.next_item += 1
            self.s.flush()
        return event_id

    def history(self, order: int, to: str, when: datetime, station: int | None = None,
                operator: int | None = None) -> None:
        self.s.add(OrderStatusChange(order_id=order, to_status=to, at=when, station_id=station,
                                     operator_id=operator))

    def job(self, id_: int, order: int, station: int, printer: str, created: datetime,
            sent: datetime | None, *, state: str = "done", attempts: int = 1,
            error: str | None = None, reprint_of: int | None = None,
            reason: str | None = None) -> None:
        self.s.add(PrintJob(id=id_, order_id=order, station_id=station, kind="shipping",
                            format="zpl", printer_url=printer, data=b"^XA^XZ", state=state,
                            attempts=attempts, last_error=error, reprint_of_id=reprint_of,
                            reason=reason, created_at=created, updated_at=created,
                            sent_at=sent))
        self.s.flush()


def _people_and_things(s: Session) -> None:
    s.add_all([Station(id=ST_A, name="ST-A"), Station(id=ST_B, name="ST-B")])
    s.add_all([
        Operator(id=ANA, code="ana", name="Ana", role="operator", badge="B-ANA"),
        Operator(id=BUDI, code="budi", name="Budi", role="operator", badge="B-BUDI"),
        Operator(id=LEAD, code="lead", name="Lena Lead", role="lead", badge="B-LEAD"),
        Operator(id=ADMIN, code="admin", name="Adi Admin", role="admin", badge="B-ADMIN"),
    ])
    s.add_all([Product(id=RED, sku="SKU-RED", name="Red mug"),
               Product(id=ROSE, sku="SKU-ROSE", name="Rose mug"),
               Product(id=BLUE, sku="SKU-BLUE", name="Blue plate")])
    s.flush()


def _orders(b: _Builder) -> None:
    b.order(1, "JNE", "shipped", at(12, 0), at(6, 0), [(RED, 2), (BLUE, 1)])
    b.order(2, "JNE", "packed", at(12, 0), at(6, 0), [(ROSE, 1)])
    b.order(3, "SICEPAT", "packed", at(12, 0), at(7, 0), [(BLUE, 2)])
    b.order(4, "SICEPAT", "packed", at(12, 0), at(6, 40), [(RED, 3), (BLUE, 1)])
    b.order(5, "JNE", "in_progress", at(14, 30), at(6, 0), [(ROSE, 2)])
    b.order(6, "JNE", "new", at(16, 0), at(6, 0), [(RED, 1)])
    b.order(7, "SICEPAT", "on_hold", at(13, 0), at(6, 0), [(BLUE, 1)])
    b.order(8, "JNE", "parked", at(10, 0, day=22), at(6, 0, day=22), [(RED, 1)])
    b.order(9, "JNE", "packed", at(10, 0, day=22), at(6, 0, day=22), [(RED, 1)])
    b.order(10, "JNE", "cancelled", at(12, 0), at(6, 0), [(RED, 1)])


def _scans(b: _Builder) -> None:
    # O1 at ST-A by ana, 08:00-08:10, label confirmed 08:12: two look-alike mis-scans.
    b.session(1, 1, ST_A, ANA, "completed", at(8, 0), at(8, 10))
    b.parcel(1, 1, 1, 1, at(8, 10), at(8, 12))
    b.scan(at(8, 0), ST_A, ANA, 1, 1, "order_opened")
    b.scan(at(8, 1), ST_A, ANA, 1, 1, "accepted", RED, 11, parcel=1)
    b.scan(at(8, 2), ST_A, ANA, 1, 1, "wrong_item", ROSE)  # RED and BLUE open
    b.scan(at(8, 3), ST_A, ANA, 1, 1, "error_cleared", ROSE)
    b.scan(at(8, 4), ST_A, ANA, 1, 1, "accepted", RED, 11, parcel=1)
    b.scan(at(8, 5), ST_A, ANA, 1, 1, "wrong_item", ROSE)  # only BLUE open now
    b.scan(at(8, 6), ST_A, ANA, 1, 1, "error_cleared", ROSE)
    b.scan(at(8, 10), ST_A, ANA, 1, 1, "order_complete", BLUE, 12, parcel=1)
    b.scan(at(8, 12), ST_A, ANA, 1, None, "label_confirmed")
    # O2 at ST-A by ana, 08:20-08:30, no label confirmed: RED scanned for ROSE.
    b.session(2, 2, ST_A, ANA, "completed", at(8, 20), at(8, 30))
    b.parcel(2, 2, 2, 1, at(8, 30), None)
    b.scan(at(8, 20), ST_A, ANA, 2, 2, "order_opened")
    b.scan(at(8, 21), ST_A, ANA, 2, 2, "wrong_item", RED)
    b.scan(at(8, 22), ST_A, ANA, 2, 2, "error_cleared", RED)
    b.scan(at(8, 30), ST_A, ANA, 2, 2, "order_complete", ROSE, 21, parcel=2)
    # O3 at ST-A by ana, 09:00-09:05, label 09:06.
    b.session(3, 3, ST_A, ANA, "completed", at(9, 0), at(9, 5))
    b.parcel(3, 3, 3, 1, at(9, 5), at(9, 6))
    b.scan(at(9, 0), ST_A, ANA, 3, 3, "order_opened")
    b.scan(at(9, 1), ST_A, ANA, 3, 3, "accepted", BLUE, 31, parcel=3)
    b.scan(at(9, 5), ST_A, ANA, 3, 3, "order_complete", BLUE, 31, parcel=3)
    b.scan(at(9, 6), ST_A, ANA, 3, None, "label_confirmed")
    # O4 at ST-B by budi, 08:00-08:40, two parcels, labels 08:42 and 08:45; one over-scan.
    b.session(4, 4, ST_B, BUDI, "completed", at(8, 0), at(8, 40))
    b.parcel(4, 4, 4, 1, at(8, 20), at(8, 42))
    b.parcel(5, 4, 4, 2, at(8, 40), at(8, 45))
    b.scan(at(8, 0), ST_B, BUDI, 4, 4, "order_opened")
    b.scan(at(8, 5), ST_B, BUDI, 4, 4, "accepted", RED, 41, parcel=4)
    b.scan(at(8, 10), ST_B, BUDI, 4, 4, "accepted", RED, 41, parcel=4)
    b.scan(at(8, 20), ST_B, BUDI, 4, 4, "parcel_closed")
    b.scan(at(8, 25), ST_B, BUDI, 4, 4, "accepted", RED, 41, parcel=5)
    b.scan(at(8, 26), ST_B, BUDI, 4, 4, "over_scan", RED)
    b.scan(at(8, 27), ST_B, BUDI, 4, 4, "error_cleared", RED)
    b.scan(at(8, 40), ST_B, BUDI, 4, 4, "order_complete", BLUE, 42, parcel=5)
    b.scan(at(8, 42), ST_B, BUDI, 4, None, "label_confirmed")
    b.scan(at(8, 45), ST_B, BUDI, 4, None, "label_confirmed")
    # O5 in progress at ST-B; an unknown code.
    b.session(5, 5, ST_B, BUDI, "open", at(10, 0), None)
    b.parcel(6, 5, 5, 1, None, None)
    b.scan(at(10, 0), ST_B, BUDI, 5, 5, "order_opened")
    b.scan(at(10, 1), ST_B, BUDI, 5, 5, "accepted", ROSE, 51, parcel=6)
    b.scan(at(10, 2), ST_B, BUDI, 5, 5, "unknown_barcode")
    # O9 packed yesterday at ST-A: outside the window.
    b.session(9, 9, ST_A, ANA, "completed", at(15, 0, day=22), at(15, 5, day=22))
    b.parcel(9, 9, 9, 1, at(15, 5, day=22), at(15, 6, day=22))
    b.scan(at(15, 0, day=22), ST_A, ANA, 9, 9, "order_opened")
    b.scan(at(15, 5, day=22), ST_A, ANA, 9, 9, "wrong_item", BLUE)
    b.scan(at(15, 5, day=22), ST_A, ANA, 9, 9, "order_complete", RED, 91, parcel=9)


def _history_exceptions_and_jobs(b: _Builder) -> None:
    for order, when, station, who in ((1, at(8, 10), ST_A, ANA), (2, at(8, 30), ST_A, ANA),
                                      (3, at(9, 5), ST_A, ANA), (4, at(8, 40), ST_B, BUDI),
                                      (9, at(15, 5, day=22), ST_A, ANA)):
        b.history(order, "packed", when, station, who)
    b.history(1, "shipped", at(12, 10))
    s = b.s
    s.add_all([
        LineException(session_id=1, order_line_id=12, kind="damaged", quantity=1,
                      reason="DAMAGED", operator_id=ANA, at=at(8, 5)),
        LineException(session_id=3, order_line_id=31, kind="damaged", quantity=1,
                      reason="DAMAGED", operator_id=ANA, at=at(9, 2)),
        LineException(session_id=4, order_line_id=41, kind="short", quantity=1,
                      reason="OUT_OF_STOCK", operator_id=BUDI, at=at(8, 30)),
        LineException(session_id=9, order_line_id=91, kind="short", quantity=1,
                      reason="NOT_FOUND", operator_id=ANA, at=at(15, 1, day=22)),
        AuditEntry(action="lead_override", at=at(8, 35), station_id=ST_B, operator_id=BUDI,
                   authorised_by_id=LEAD, order_id=4, reason="wrong item"),
        AuditEntry(action="lead_override", at=at(15, 2, day=22), station_id=ST_A,
                   operator_id=ANA, authorised_by_id=LEAD, order_id=9, reason="wrong item"),
    ])
    a, bb = "tcp://printer-a:9100", "tcp://printer-b:9100"
    b.job(1, 1, ST_A, a, at(8, 10), at(8, 10, 5))
    b.job(2, 1, ST_A, a, at(8, 15), at(8, 15, 2), reprint_of=1, reason="label damaged")
    b.job(3, 3, ST_A, a, at(9, 5), at(9, 7), attempts=3, error="paper out")
    b.job(4, 4, ST_B, bb, at(8, 40), at(8, 40, 1))
    b.job(5, 4, ST_B, bb, at(8, 40), None, state="failed", attempts=5, error="head open")
    b.job(6, 4, ST_B, bb, at(8, 50), at(8, 50, 1), reprint_of=4, reason="label damaged")
    b.job(7, 4, ST_B, bb, at(8, 55), at(8, 55, 1), reprint_of=4, reason="wrong printer")
    b.job(8, 9, ST_A, a, at(15, 5, day=22), None, state="failed", attempts=2, error="x")


def load_shift(sessions: sessionmaker[Session]) -> None:
    with sessions.begin() as s:
        _people_and_things(s)
        b = _Builder(s)
        _orders(b)
        _scans(b)
        _history_exceptions_and_jobs(b)
    _fix_pg_sequences(sessions)


def _fix_pg_sequences(sessions: sessionmaker[Session]) -> None:
    """Explicit ids leave PostgreSQL's sequences behind; move them past the data."""
    from sqlalchemy import text

    with sessions.begin() as s:
        if s.get_bind().dialect.name != "postgresql":
            return
        for table in ("stations", "operators", "products", "orders", "order_lines",
                      "pack_sessions", "parcels", "parcel_items", "scan_events", "print_jobs"):
            s.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                           f"(SELECT max(id) FROM {table}))"))
