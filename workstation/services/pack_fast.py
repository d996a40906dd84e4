"""The hot path of a scan: an item of the open order, written with three statements.

Most scans at a station are the next unit of the order on the bench. For those the service
keeps the session's state in memory (``Live``) and writes with pre-built SQL on the DBAPI
connection, skipping the ORM's unit of work. The scan that opens a new order and the one that
completes it plainly are written on the same connection too (``pack_open.py``,
``pack_complete.py``); everything else (commands, badges, wrong items, shorts, the weight
check) takes the ORM path in ``pack.py``.

Correctness does not rest on the cache: every write is ``UPDATE pack_sessions ... WHERE
version = <cached>``, so if anything else changed the session (a lead's take-over, another
process) the update finds no row, the transaction is rolled back, and the scan is handled by
the full path from the database. The scan event and the state change still commit in one
transaction before the outcome is returned.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from db.enums import BarcodeKind
from db.models import Barcode, PackSession, Product
from db.types import UTCDateTime
from workstation.domain.barcodes import CodeKind, Interpretation
from workstation.domain.pack import PackState, ProductMatch
from workstation.services import pack_store as store


@dataclass(frozen=True, slots=True)
class Live:
    """What the station knows of its open session between two scans."""

    pack_id: int
    order_id: int
    order_number: str
    version: int
    state: PackState
    parcel_id: int
    parcel_seq: int
    parcels: int
    # Every barcode of the order's products: (kind, code) -> product.
    products: dict[tuple[str, str], ProductMatch]

    def product_for(self, interp: Interpretation) -> ProductMatch | None:
        if interp.gtin is not None:
            return self.products.get((BarcodeKind.GTIN.value, interp.gtin))
        if interp.kind is CodeKind.TEXT:
            return self.products.get((BarcodeKind.INTERNAL.value, interp.text))
        return None


def load_live(session: Session, pack: PackSession, state: PackState) -> Live:
    """Read what the fast path needs, inside the transaction that just changed the session."""
    session.flush()
    parcel = store.open_parcel(session, pack, pack.started_at)
    parcels = len(store.parcel_counts(session, pack.id))
    product_ids = {line.product_id for line in state.lines}
    products: dict[tuple[str, str], ProductMatch] = {}
    for kind, code, pack_quantity, product in session.execute(
        select(Barcode.kind, Barcode.code, Barcode.pack_quantity, Product)
        .join(Product, Product.id == Barcode.product_id)
        .where(Barcode.product_id.in_(product_ids))
    ).all():
        products[(kind, code)] = ProductMatch(product.id, product.sku, product.name,
                                              pack_quantity)
    return Live(pack.id, pack.order_id, state.order_number, pack.version, state, parcel.id,
                parcel.seq, parcels, products)


_SQL = {
    "bump": "UPDATE pack_sessions SET version = :new_version, pending = JSON(:pending) "
            "WHERE id = :id AND version = :version AND status = 'open'",
    "event": "INSERT INTO scan_events (session_id, order_id, station_id, operator_id, raw, "
             "symbology, source, interpretation, outcome, message, order_line_id, product_id, "
             "quantity, received_at, recorded_at) VALUES (:session_id, :order_id, :station_id, "
             ":operator_id, :raw, :symbology, :source, JSON(:interpretation), :outcome, :message, "
             ":order_line_id, :product_id, :quantity, :received_at, :recorded_at) RETURNING id",
    "item": "INSERT INTO parcel_items (parcel_id, order_line_id, quantity, serial, lot, expiry, "
            "scan_event_id) VALUES (:parcel_id, :order_line_id, :quantity, :serial, :lot, "
            ":expiry, :scan_event_id)",
    "heartbeat": "UPDATE stations SET last_seen_at = :now WHERE id = :id",
    # Before a serial's check on PostgreSQL (pack_store.serial_used_in says why).
    "lock_product": "SELECT id FROM products WHERE id = :product_id FOR UPDATE",
    "serial": "SELECT o.number FROM parcel_items pi JOIN parcels p ON p.id = pi.parcel_id "
              "JOIN orders o ON o.id = p.order_id JOIN order_lines ol ON ol.id = "
              "pi.order_line_id WHERE pi.serial = :serial AND ol.product_id = :product_id "
              "LIMIT 1",
}


class ScanWriter:
    """Pre-built statements for one engine, in the driver's own parameter style."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        dialect = engine.dialect
        # sqlite3 takes :name with a dict whatever SQLAlchemy's own paramstyle; psycopg wants
        # %(name)s.
        named = dialect.name == "sqlite" or dialect.paramstyle == "named"
        # JSON goes in as text: SQLite stores it so (as SQLAlchemy's JSON type does), PostgreSQL
        # needs the cast.
        json_cast = r"\1" if dialect.name == "sqlite" else r"CAST(\1 AS JSON)"
        self._sql = {}
        for key, sql in _SQL.items():
            sql = re.sub(r"JSON\((:\w+)\)", json_cast, sql)
            self._sql[key] = sql if named else _pyformat(sql)
        # The dialect's own processor (the TypeDecorator's alone skips the impl's): on SQLite
        # the same text the ORM writes, '... 08:00:03.000000', not str(datetime)'s '08:00:03'.
        self._time: Callable[[Any], Any] = (
            UTCDateTime().dialect_impl(dialect).bind_processor(dialect) or _same)

    def connect(self) -> Connection:
        return self.engine.connect()

    def bump(self, conn: Connection, live: Live, pending: dict[str, Any] | None) -> bool:
        result = conn.exec_driver_sql(self._sql["bump"], {
            "new_version": live.version + 1,
            "pending": json.dumps(pending) if pending is not None else None,
            "id": live.pack_id, "version": live.version})
        return bool(result.rowcount == 1)

    def serial_used_in(self, conn: Connection, product_id: int, serial: str) -> str | None:
        if self.engine.dialect.name == "postgresql":
            conn.exec_driver_sql(self._sql["lock_product"], {"product_id": product_id})
        row = conn.exec_driver_sql(self._sql["serial"],
                                   {"serial": serial, "product_id": product_id}).first()
        return str(row[0]) if row is not None else None

    def event(self, conn: Connection, **values: Any) -> int:
        values["interpretation"] = json.dumps(values["interpretation"])
        values["received_at"] = self._time(values["received_at"])
        values["recorded_at"] = self._time(values["recorded_at"])
        return int(conn.exec_driver_sql(self._sql["event"], values).scalar_one())

    def item(self, conn: Connection, **values: Any) -> None:
        conn.exec_driver_sql(self._sql["item"], values)

    def heartbeat(self, conn: Connection, station_id: int, now: datetime) -> None:
        conn.exec_driver_sql(self._sql["heartbeat"], {"now": self._time(now), "id": station_id})


def _same(value: Any) -> Any:
    return value


def _pyformat(sql: str) -> str:
    """``:name`` -> ``%(name)s`` for drivers such as psycopg."""
    return re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", sql.replace("%", "%%"))


def advance(live: Live, state: PackState) -> Live:
    return replace(live, state=state, version=live.version + 1)


def dumps_pending(state: PackState) -> dict[str, Any] | None:
    return state.pending.to_json() if state.pending else None


