"""SQLAlchemy 2.x typed models: the packing station's data.

One module on purpose: the tables are small, reference each other, and Alembic's autogenerate
reads them from one ``Base.metadata``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from db.enums import (
    BarcodeKind,
    LineExceptionKind,
    OrderStatus,
    ParcelStatus,
    PrintJobState,
    Role,
    SessionStatus,
)
from db.types import UTCDateTime

# Constraint names Alembic can rely on, on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# BIGINT on PostgreSQL, INTEGER (the rowid alias, auto-incrementing) on SQLite.
BigId = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> datetime:
    return datetime.now(UTC)


def _one_of(column: str, values: type[StrEnum]) -> CheckConstraint:
    allowed = ", ".join(f"'{v.value}'" for v in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=f"{column}_allowed")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        # None is SQL NULL, as the scan path's Core statements write it (pack_fast.py,
        # pack_complete.py), not the JSON text 'null'.
        dict[str, Any]: JSON(none_as_null=True),
    }


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    weight_grams: Mapped[int | None]
    length_mm: Mapped[int | None]
    width_mm: Mapped[int | None]
    height_mm: Mapped[int | None]
    fragile: Mapped[bool] = mapped_column(Boolean, default=False)
    serial_tracked: Mapped[bool] = mapped_column(Boolean, default=False)
    lot_tracked: Mapped[bool] = mapped_column(Boolean, default=False)
    image_path: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    barcodes: Mapped[list[Barcode]] = relationship(
        back_populates="product", cascade="all, delete-orphan"
    )


class Barcode(Base):
    """A code that identifies a product; a case or inner-pack code counts ``pack_quantity``."""

    __tablename__ = "barcodes"
    __table_args__ = (
        _one_of("kind", BarcodeKind),
        CheckConstraint("pack_quantity >= 1", name="pack_quantity_positive"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    product_id: Mapped[int] = mapped_column(
        ForeignKey("products.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(String(128), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    pack_quantity: Mapped[int] = mapped_column(Integer, default=1)

    product: Mapped[Product] = relationship(back_populates="barcodes")


class Station(Base):
    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    hostname: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Heartbeat: refreshed by every action at the station; a claim held by a station silent for
    # longer than the configured stale time may be taken over by a lead.
    last_seen_at: Mapped[datetime | None]


class Operator(Base):
    __tablename__ = "operators"
    __table_args__ = (_one_of("role", Role),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default=Role.OPERATOR.value)
    badge: Mapped[str | None] = mapped_column(String(128), unique=True)
    pin_hash: Mapped[str | None] = mapped_column(String(255))  # argon2id, never the PIN
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        _one_of("status", OrderStatus),
        Index("ix_orders_status_ship_by", "status", "ship_by"),
        # reports: progress against the day (covers it; migration 0006)
        Index("ix_orders_ship_by_cover", "ship_by", "status", "carrier"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(32), default="api")
    external_id: Mapped[str | None] = mapped_column(String(128))
    customer_name: Mapped[str] = mapped_column(String(300))
    customer_email: Mapped[str | None] = mapped_column(String(300))
    ship_to_name: Mapped[str] = mapped_column(String(300))
    ship_to_company: Mapped[str | None] = mapped_column(String(300))
    address_lines: Mapped[str] = mapped_column(Text)  # newline-separated, any script
    city: Mapped[str] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(32))
    country: Mapped[str] = mapped_column(String(2))
    phone: Mapped[str | None] = mapped_column(String(64))
    carrier: Mapped[str] = mapped_column(String(64))
    service: Mapped[str | None] = mapped_column(String(64))
    priority: Mapped[int] = mapped_column(Integer, default=0)
    ship_by: Mapped[datetime | None]
    notes: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8), default="en")
    currency: Mapped[str | None] = mapped_column(String(3))
    return_label: Mapped[bool] = mapped_column(Boolean, default=False)
    # A label the carrier or marketplace made (ZPL or PDF): passed through unchanged.
    carrier_label: Mapped[bytes | None] = mapped_column(LargeBinary)
    carrier_label_format: Mapped[str | None] = mapped_column(String(8))
    carrier_tracking_number: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default=OrderStatus.NEW.value)
    hold_reason: Mapped[str | None] = mapped_column(Text)
    # The claim: which station has the order open. Set and cleared by conditional UPDATEs so
    # two stations can never both hold it.
    claim_station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    claim_operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    claimed_at: Mapped[datetime | None]
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    packed_at: Mapped[datetime | None]
    shipped_at: Mapped[datetime | None]

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.line_no"
    )
    claim_station: Mapped[Station | None] = relationship(foreign_keys=[claim_station_id])
    claim_operator: Mapped[Operator | None] = relationship(foreign_keys=[claim_operator_id])


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (
        UniqueConstraint("order_id", "line_no", name="uq_order_lines_order_line_no"),
        CheckConstraint("quantity >= 1", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    # Many identical units may be counted by typing a quantity instead of scanning each one.
    quantity_entry: Mapped[bool] = mapped_column(Boolean, default=False)

    order: Mapped[Order] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship()


class OrderStatusChange(Base):
    __tablename__ = "order_status_history"
    __table_args__ = (Index("ix_order_status_history_to_status_at", "to_status", "at"),
                      # an order's history; covers lead time's look-up of the hand-over (0006)
                      Index("ix_order_status_history_order_cover", "order_id", "to_status",
                            "at"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    reason: Mapped[str | None] = mapped_column(Text)


class Tote(Base):
    __tablename__ = "totes"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    order_id: Mapped[int | None] = mapped_column(
        ForeignKey("orders.id", ondelete="SET NULL"), index=True
    )
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PackSession(Base):
    """One attempt at packing one order at one station; the durable state of the verifier."""

    __tablename__ = "pack_sessions"
    __table_args__ = (
        _one_of("status", SessionStatus),
        # At most one live (open or paused) session per order, enforced by the database.
        Index(
            "uq_pack_sessions_live_order",
            "order_id",
            unique=True,
            sqlite_where=text("status IN ('open', 'paused')"),
            postgresql_where=text("status IN ('open', 'paused')"),
        ),
        Index("ix_pack_sessions_station_status", "station_id", "status"),
        Index("ix_pack_sessions_status_ended", "status", "ended_at"),  # reports: packed
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    operator_id: Mapped[int] = mapped_column(ForeignKey("operators.id"))
    status: Mapped[str] = mapped_column(String(16), default=SessionStatus.OPEN.value)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]
    # What the next scan must be (serial or lot of an item just scanned), or null.
    pending: Mapped[dict[str, Any] | None]
    # Bumped by every state change but a plain unit added (whose scan event shows it instead:
    # workstation/services/pack_fast.py); a stale writer's check at version n finds nothing.
    version: Mapped[int] = mapped_column(Integer, default=0)

    order: Mapped[Order] = relationship()
    parcels: Mapped[list[Parcel]] = relationship(
        back_populates="session", order_by="Parcel.seq", cascade="all, delete-orphan"
    )


#: The partial index ``ix_scan_events_misscans``'s predicate (reports.accuracy.not_accepted
#: spells it in queries).
SCAN_NOT_ACCEPTED = "outcome <> 'accepted'"


class ScanEvent(Base):
    """Every scan, whatever its outcome: the record that accuracy figures are made from."""

    __tablename__ = "scan_events"
    __table_args__ = (
        # Covers the reports' pass over a window's scans (accuracy): no table row is read.
        Index("ix_scan_events_recorded_cover", "recorded_at", "station_id", "operator_id",
              "outcome"),
        Index("ix_scan_events_order", "order_id"),
        # Mis-scans and their drill-down; partial, so an accepted scan (most of them) adds
        # no entry (migration 0009).
        Index("ix_scan_events_misscans", "outcome", "recorded_at",
              sqlite_where=text(SCAN_NOT_ACCEPTED), postgresql_where=text(SCAN_NOT_ACCEPTED)),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    session_id: Mapped[int | None] = mapped_column(ForeignKey("pack_sessions.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    raw: Mapped[str] = mapped_column(Text)
    symbology: Mapped[str | None] = mapped_column(String(8))
    source: Mapped[str | None] = mapped_column(String(200))
    interpretation: Mapped[dict[str, Any] | None]
    outcome: Mapped[str] = mapped_column(String(32))
    message: Mapped[str | None] = mapped_column(Text)
    # The line the scan counted for, as it was: no foreign key (migration 0012). Deleting a
    # line would look for scans of it with no index to use (the whole log); the importer
    # deletes only lines that nothing refers to, found through ``order_id``.
    order_line_id: Mapped[int | None] = mapped_column(BigId)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    quantity: Mapped[int] = mapped_column(Integer, default=0)
    received_at: Mapped[datetime]  # when the device delivered it
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)  # when it was committed


class Parcel(Base):
    __tablename__ = "parcels"
    __table_args__ = (
        _one_of("status", ParcelStatus),
        UniqueConstraint("session_id", "seq", name="uq_parcels_session_seq"),
        Index("ix_parcels_order", "order_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("pack_sessions.id", ondelete="CASCADE"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    seq: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default=ParcelStatus.OPEN.value)
    box_type: Mapped[str | None] = mapped_column(String(64))
    weight_grams: Mapped[int | None]
    tracking_number: Mapped[str | None] = mapped_column(String(64), unique=True)
    sscc: Mapped[str | None] = mapped_column(String(18), unique=True)
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
    label_confirmed_at: Mapped[datetime | None]

    session: Mapped[PackSession] = relationship(back_populates="parcels")
    items: Mapped[list[ParcelItem]] = relationship(
        back_populates="parcel", cascade="all, delete-orphan", order_by="ParcelItem.id"
    )


HAS_SERIAL = "serial IS NOT NULL"


class ParcelItem(Base):
    """Units of one order line in one parcel, as accepted by one scan, or by a run of plain
    scans of that line (no serial, lot or expiry) one after another on the station's fast path,
    ``scan_event_id`` then being the run's first (workstation/services/pack_fast.py,
    ``ScanWriter.add_units``; no run spans another kind of scan)."""

    __tablename__ = "parcel_items"
    __table_args__ = (
        CheckConstraint("quantity >= 1", name="quantity_positive"),
        # Was this serial packed before (migration 0010); units without one write nothing.
        Index("ix_parcel_items_serial", "serial",
              sqlite_where=text(HAS_SERIAL), postgresql_where=text(HAS_SERIAL)),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    parcel_id: Mapped[int] = mapped_column(
        ForeignKey("parcels.id", ondelete="CASCADE"), index=True
    )
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    serial: Mapped[str | None] = mapped_column(String(128))
    lot: Mapped[str | None] = mapped_column(String(64))
    expiry: Mapped[str | None] = mapped_column(String(10))  # ISO date
    scan_event_id: Mapped[int | None] = mapped_column(ForeignKey("scan_events.id"))

    parcel: Mapped[Parcel] = relationship(back_populates="items")


class LineException(Base):
    """A short or damaged unit recorded against a line during a session."""

    __tablename__ = "line_exceptions"
    __table_args__ = (
        Index("ix_line_exceptions_at", "at"),  # reports: exceptions
        _one_of("kind", LineExceptionKind),
        CheckConstraint("quantity >= 1", name="quantity_positive"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("pack_sessions.id", ondelete="CASCADE"), index=True
    )
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    kind: Mapped[str] = mapped_column(String(16))
    quantity: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)


PRINT_JOB_FAULTED = ("attempts > 1 OR last_error IS NOT NULL "
                     "OR state IN ('failed', 'unknown')")
PRINT_JOB_REPRINT = "reprint_of_id IS NOT NULL"


class PrintJob(Base):
    """The outbox of the print spooler: the exact bytes to print, and what became of them."""

    __tablename__ = "print_jobs"
    __table_args__ = (
        _one_of("state", PrintJobState),
        Index("ix_print_jobs_printer_state", "printer_url", "state", "id"),
        Index("ix_print_jobs_parcel", "parcel_id"),
        Index("ix_print_jobs_order", "order_id"),
        Index("ix_print_jobs_created_at", "created_at"),
        # Reports: only the faulted jobs and the reprints, by time (migration 0008; the
        # predicates are reports.exceptions' own).
        Index("ix_print_jobs_faulted", "created_at",
              sqlite_where=text(PRINT_JOB_FAULTED), postgresql_where=text(PRINT_JOB_FAULTED)),
        Index("ix_print_jobs_reprints", "created_at",
              sqlite_where=text(PRINT_JOB_REPRINT), postgresql_where=text(PRINT_JOB_REPRINT)),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    parcel_id: Mapped[int | None] = mapped_column(ForeignKey("parcels.id"))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    kind: Mapped[str] = mapped_column(String(16))  # shipping, return, slip, manifest, test
    format: Mapped[str] = mapped_column(String(8))  # zpl, pdf, escpos, png
    printer_url: Mapped[str] = mapped_column(String(500))
    data: Mapped[bytes | None] = mapped_column(LargeBinary)  # None: render failed (labels.py)
    state: Mapped[str] = mapped_column(String(16), default=PrintJobState.PENDING.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    reprint_of_id: Mapped[int | None] = mapped_column(ForeignKey("print_jobs.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    next_attempt_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]


class Counter(Base):
    """Named sequences shared by every station (tracking numbers, SSCC serial references)."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class AuditEntry(Base):
    """Append-only: the migration installs triggers that refuse UPDATE and DELETE."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"), Index("ix_audit_log_order", "order_id"),
                      Index("ix_audit_log_action_at", "action", "at"))  # reports: overrides

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    action: Mapped[str] = mapped_column(String(64))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    # A lead who authorised the action with a badge, where one did.
    authorised_by_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    details: Mapped[dict[str, Any] | None]


class SelfTestRun(Base):
    """A station's pre-shift self-test: scanner, label printer and scale, per shift."""

    __tablename__ = "self_test_runs"
    __table_args__ = (Index("ix_self_test_runs_station_shift", "station_id", "shift"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("stations.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))
    shift: Mapped[str] = mapped_column(String(32))  # "2026-11-23/early"
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime] = mapped_column(default=utcnow)
    passed: Mapped[bool] = mapped_column(Boolean)
    # Per check: ok, the problem codes and what to do (see workstation.services.selftest).
    results: Mapped[dict[str, Any]]


# -- The shift lead's report rollups (migration 0006; workstation.services.reports.rollup) ----
# Derived tables, kept current off the scan path by the reports' catch-up step; no foreign keys
# (they are rebuilt from the raw rows, never the other way round).


class ReportScanHour(Base):
    """Scan events rolled up per UTC hour, station and operator (0: nobody signed in)."""

    __tablename__ = "report_scan_hours"
    # Covers accuracy's read of a window's hours (migration 0007).
    __table_args__ = (Index("ix_report_scan_hours_cover", "hour", "station_id", "operator_id",
                            "scans", "wrong_item", "over_scan"),)

    hour: Mapped[str] = mapped_column(String(16), primary_key=True)  # "YYYY-MM-DD HH:00"
    station_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    operator_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scans: Mapped[int] = mapped_column(BigInteger)
    wrong_item: Mapped[int] = mapped_column(BigInteger)
    over_scan: Mapped[int] = mapped_column(BigInteger)


class ReportPackedOrder(Base):
    """One row per completed pack session: the figures throughput rolls up."""

    __tablename__ = "report_packed_orders"
    # Covers the report's read of a window's facts (no table row is read).
    __table_args__ = (Index("ix_report_packed_orders_cover", "ended_at", "station_id",
                            "operator_id", "carrier", "hour", "units", "seconds",
                            "session_id"),)

    session_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    station_id: Mapped[int] = mapped_column(Integer)
    operator_id: Mapped[int] = mapped_column(Integer)
    carrier: Mapped[str] = mapped_column(String(64))
    ended_at: Mapped[datetime]
    hour: Mapped[str] = mapped_column(String(16))
    units: Mapped[int] = mapped_column(Integer)
    seconds: Mapped[float]


class ReportRollupState(Base):
    """How far a rollup has read (``scans``: the last scan_events.id rolled up)."""

    __tablename__ = "report_rollup_state"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_id: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[datetime | None]


class ReportDirtySession(Base):
    """Sessions whose fact row must be (re)made: filled by triggers, emptied by the catch-up."""

    __tablename__ = "report_dirty_sessions"
    __table_args__ = (Index("ix_report_dirty_sessions_session", "session_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    session_id: Mapped[int] = mapped_column(BigInteger)


class ReportLeadTime(Base):
    """One row per status change of an order to packed (migration 0007): lead time's facts."""

    __tablename__ = "report_lead_times"
    __table_args__ = (
        # Covers the report's read of a window's rows (no table row is read).
        Index("ix_report_lead_times_cover", "packed_at", "station_id", "operator_id",
              "carrier", "hours_to_packed", "hours_to_shipped", "order_id", "history_id",
              "prev_packed_at"),
        # An order's earlier packed row; the catch-up's delete by order.
        Index("ix_report_lead_times_order", "order_id", "packed_at", "station_id",
              "operator_id", "history_id"),
    )

    history_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    order_id: Mapped[int] = mapped_column(BigInteger)
    packed_at: Mapped[datetime]
    station_id: Mapped[int | None] = mapped_column(Integer)
    operator_id: Mapped[int | None] = mapped_column(Integer)
    carrier: Mapped[str] = mapped_column(String(64))
    hours_to_packed: Mapped[float]
    hours_to_shipped: Mapped[float | None]
    # The order's packed row before this one (by time, then id), any station: the first
    # packed row in a window is the one whose previous row is before it (migration 0008).
    prev_packed_at: Mapped[datetime | None]


class ReportDirtyOrder(Base):
    """Orders whose lead-time rows must be (re)made: filled by triggers, emptied by the
    catch-up."""

    __tablename__ = "report_dirty_orders"
    __table_args__ = (Index("ix_report_dirty_orders_order", "order_id"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(BigInteger)


class ReportCutoff(Base):
    """Orders per ship-by cut-off, carrier and status (migration 0008): progress's counts,
    kept by the catch-up from :class:`ReportCutoffChange` rows."""

    __tablename__ = "report_cutoffs"

    ship_by: Mapped[datetime] = mapped_column(primary_key=True)
    carrier: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(16), primary_key=True)
    orders: Mapped[int] = mapped_column(BigInteger)


class ReportCutoffChange(Base):
    """An order leaving (-1) or joining (+1) a cut-off, carrier and status: appended by
    triggers on ``orders``, folded into :class:`ReportCutoff` by the catch-up."""

    __tablename__ = "report_cutoff_changes"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    ship_by: Mapped[datetime]
    carrier: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    orders: Mapped[int] = mapped_column(Integer)


class OrderReturn(Base):
    """A return received at the warehouse (``workstation return``): one row per receipt."""

    __tablename__ = "returns"
    __table_args__ = (Index("ix_returns_order", "order_id"),
                      Index("ix_returns_received_at", "received_at"))

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    rma: Mapped[str | None] = mapped_column(String(64), unique=True)
    reason: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("stations.id"))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operators.id"))


__all__ = [
    "AuditEntry",
    "Barcode",
    "Base",
    "Counter",
    "LineException",
    "Operator",
    "Order",
    "OrderLine",
    "OrderReturn",
    "OrderStatusChange",
    "PackSession",
    "Parcel",
    "ParcelItem",
    "PrintJob",
    "Product",
    "ReportCutoff",
    "ReportCutoffChange",
    "ReportDirtySession",
    "ReportPackedOrder",
    "ReportRollupState",
    "ReportScanHour",
    "ScanEvent",
    "SelfTestRun",
    "Station",
    "Tote",
    "utcnow",
]
