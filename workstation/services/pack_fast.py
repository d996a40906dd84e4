"""The hot path of a scan: an item of the open order, written with three or four statements.

Most scans at a station are the next unit of the order on the bench. For those the service
keeps the session's state in memory (``Live``) and writes with pre-built SQL on a pooled
DBAPI connection in a transaction of its own (``ScanWriter.run``), skipping the ORM's
unit of work and SQLAlchemy's Connection. The scan that opens a new order, the one that
completes it plainly and a serial's scan (checked and written in one transaction) run the same
statements on a SQLAlchemy Connection, as they also use Core (``pack_open.py``,
``pack_complete.py``); everything else (commands, badges, wrong items, shorts, the weight
check) takes the ORM path in ``pack.py``.

Correctness does not rest on the cache: before it writes, every fast scan checks, in its
transaction, that nothing else changed the session since the station last wrote it
(``ScanWriter.unchanged``): the session is still open at the cached ``version``, which every
state change bumps except a plain added unit, and the order has no scan event newer than the
station's own last one, which every scan writes, a plain unit included (so another process
packing the same session is seen too). If anything changed (a lead's take-over, another
process) the check fails, the transaction is rolled back, and the scan is handled by the full
path from the database. A plain unit, the commonest scan, so writes no session row: one page
fewer in every commit (``bumps_version``). The scan event and the state change still commit in
one transaction before the outcome is returned.

A line's plain units (no serial, lot or expiry) scanned one after another go into one
``parcel_items`` row, the line's *run* (``Live.runs``, ``ScanWriter.add_units``): the first unit
inserts the row, each next one adds to its quantity, an update that touches no index, so the
commit writes four pages instead of six. Any scan the fast path does not take reads the state
afresh, with no runs, so a run never spans another kind of scan event.
"""

from __future__ import annotations

import json
import logging
import re
import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.enums import BarcodeKind
from db.models import Barcode, PackSession, Product, ScanEvent
from db.types import UTCDateTime
from workstation.domain.barcodes import CodeKind, Interpretation
from workstation.domain.outcomes import Outcome
from workstation.domain.pack import Decision, PackState, Pending, ProductMatch
from workstation.services import pack_store as store

log = logging.getLogger(__name__)

_T = TypeVar("_T")


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
    # The newest scan event of the order when the station last wrote (its own scan's).
    last_event: int | None = None
    # Runs of plain units (``ScanWriter.add_units``): order line -> the ``parcel_items`` row
    # in the open parcel that the line's next plain unit is added to. Empty whenever the
    # state is read afresh (any scan the fast path does not take).
    runs: Mapping[int, int] = field(default_factory=dict)

    def product_for(self, interp: Interpretation) -> ProductMatch | None:
        if interp.gtin is not None:
            return self.products.get((_GTIN, interp.gtin))
        if interp.kind is CodeKind.TEXT:
            return self.products.get((_INTERNAL, interp.text))
        return None


# An enum's .value is a property call: these are read on every scan.
_GTIN = BarcodeKind.GTIN.value
_INTERNAL = BarcodeKind.INTERNAL.value


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
    last_event = session.scalar(
        select(func.max(ScanEvent.id)).where(ScanEvent.order_id == pack.order_id))
    return Live(pack.id, pack.order_id, state.order_number, pack.version, state, parcel.id,
                parcel.seq, parcels, products, last_event)


_SQL = {
    "bump": "UPDATE pack_sessions SET version = :new_version, pending = JSON(:pending) "
            "WHERE id = :id AND version = :version AND status = 'open'",
    # ScanWriter.unchanged: on SQLite one statement (its writers take turns from BEGIN);
    # on PostgreSQL the session's row locked first, then the events read by a statement of
    # their own, whose snapshot is taken once the lock is ours.
    "unchanged": "SELECT 1 FROM pack_sessions WHERE id = :id AND version = :version AND "
                 "status = 'open' AND NOT EXISTS (SELECT 1 FROM scan_events WHERE order_id = "
                 ":order_id AND id > :last_event)",
    "lock_session": "SELECT 1 FROM pack_sessions WHERE id = :id AND version = :version AND "
                    "status = 'open' FOR UPDATE",
    "newer_event": "SELECT 1 FROM scan_events WHERE order_id = :order_id AND id > :last_event "
                   "LIMIT 1",
    "event": "INSERT INTO scan_events (session_id, order_id, station_id, operator_id, raw, "
             "symbology, source, interpretation, outcome, message, order_line_id, product_id, "
             "quantity, received_at, recorded_at) VALUES (:session_id, :order_id, :station_id, "
             ":operator_id, :raw, :symbology, :source, JSON(:interpretation), :outcome, :message, "
             ":order_line_id, :product_id, :quantity, :received_at, :recorded_at) RETURNING id",
    "item": "INSERT INTO parcel_items (parcel_id, order_line_id, quantity, serial, lot, expiry, "
            "scan_event_id) VALUES (:parcel_id, :order_line_id, :quantity, :serial, :lot, "
            ":expiry, :scan_event_id) RETURNING id",
    "add_units": "UPDATE parcel_items SET quantity = quantity + :quantity WHERE id = :id AND "
                 "parcel_id = :parcel_id AND serial IS NULL AND lot IS NULL AND expiry IS NULL",
    "heartbeat": "UPDATE stations SET last_seen_at = :now WHERE id = :id",
    # Before a serial's check on PostgreSQL (pack_store.serial_used_in says why).
    "lock_product": "SELECT id FROM products WHERE id = :product_id FOR UPDATE",
    "serial": "SELECT o.number FROM parcel_items pi JOIN parcels p ON p.id = pi.parcel_id "
              "JOIN orders o ON o.id = p.order_id JOIN order_lines ol ON ol.id = "
              "pi.order_line_id WHERE pi.serial = :serial AND ol.product_id = :product_id "
              "LIMIT 1",
}


class ScanWriter:
    """Pre-built statements for one engine, in the driver's own parameter style.

    They run on a DBAPI cursor: the raw connection's own (``transaction``: the ordinary item
    scan, where SQLAlchemy's statement and transaction handling was a third of the scan's
    time) or a SQLAlchemy Connection's (``cursor``: the scans that also use Core or the ORM).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        dialect = engine.dialect
        self._sqlite = dialect.name == "sqlite"
        self._dbapi_error: type[Exception] = dialect.loaded_dbapi.Error
        # sqlite3 takes :name with a dict whatever SQLAlchemy's own paramstyle; psycopg wants
        # %(name)s.
        named = self._sqlite or dialect.paramstyle == "named"
        # JSON goes in as text: SQLite stores it so (as SQLAlchemy's JSON type does), PostgreSQL
        # needs the cast.
        json_cast = r"\1" if self._sqlite else r"CAST(\1 AS JSON)"
        self._sql = {}
        for key, sql in _SQL.items():
            sql = re.sub(r"JSON\((:\w+)\)", json_cast, sql)
            self._sql[key] = sql if named else _pyformat(sql)
        if self._sqlite:
            # The cursor's lastrowid is the event's id: no RETURNING row to make and fetch.
            for key in ("event", "item"):
                self._sql[key] = self._sql[key].removesuffix(" RETURNING id")
        # The text the ORM writes on SQLite ('... 08:00:03.000000', not str(datetime)'s
        # '08:00:03'), made directly (sqlite_time); elsewhere the dialect's own processor (the
        # TypeDecorator's alone skips the impl's).
        self._time: Callable[[Any], Any] = (
            sqlite_time if self._sqlite
            else UTCDateTime().dialect_impl(dialect).bind_processor(dialect) or _same)
        self._own: tuple[Any, Any] | None = None  # SQLite: (connection, cursor), see transaction
        self._own_closer: weakref.finalize[Any, Any] | None = None

    @contextmanager
    def begin(self) -> Iterator[tuple[Connection, Any]]:
        """A SQLAlchemy Connection in a transaction (and that transaction), for the scans that
        also use Core; a driver's error from its DBAPI cursor (``cursor``) comes out as
        SQLAlchemy's, as the Connection's own statements' do."""
        try:
            with self.engine.connect() as conn, conn.begin() as tx:
                yield conn, tx
        except self._dbapi_error as err:
            raise DBAPIError.instance(None, None, err, self._dbapi_error) from err

    @staticmethod
    def cursor(conn: Connection) -> Any:
        """The DBAPI cursor of a SQLAlchemy Connection, inside that Connection's transaction."""
        return conn.connection.cursor()

    def run(self, work: Callable[..., _T | None], *args: Any) -> _T | None:
        """``work(cursor, *args)`` in one transaction on a DBAPI connection, without
        SQLAlchemy's Connection: committed when it returns a value, rolled back when it returns
        None (the caller takes another path) or raises. Returns what ``work`` returned.

        Begun as the engine begins its own (``BEGIN IMMEDIATE`` on SQLite: the write lock at
        the start, db/engine.py says why). A driver's error comes out as SQLAlchemy's (an
        ``OperationalError`` for a database that went away, as from the Connection). A plain
        function, not a context manager: the two generators that were here cost an item scan
        about as much as one of its statements.

        On SQLite the writer keeps one connection of its own from scan to scan (taken from the
        engine, so its pragmas are set, then detached from the pool): checking a connection
        out of the pool and back in, with its reset, was a tenth of an item scan. After any
        driver error it is closed and the next scan opens a fresh one. PostgreSQL connections
        stay pooled: the pool's ping before each use is what notices a server that dropped
        the station's connection, and a connection it says is dead is not reused.
        """
        if not self._sqlite:
            return self._run_pooled(work, args)
        conn, cur = self._own or self._take_own()
        try:
            cur.execute("BEGIN IMMEDIATE")
            return _ended(conn, work, cur, args)
        except self._dbapi_error as err:
            _quiet_rollback(conn)
            self.release()
            raise DBAPIError.instance(None, None, err, self._dbapi_error) from err

    def _take_own(self) -> tuple[Any, Any]:
        fairy = self.engine.raw_connection()
        fairy.detach()  # ours now: SQLAlchemy neither resets nor closes it
        conn = fairy.dbapi_connection
        assert conn is not None  # just connected
        self._own = (conn, conn.cursor())
        # Closed when the writer is (a station's service lives as long as the station).
        self._own_closer = weakref.finalize(self, conn.close)
        return self._own

    def release(self) -> None:
        """Close the writer's own connection, if it has one (the next scan opens another)."""
        self._own = None
        if self._own_closer is not None:
            self._own_closer()
            self._own_closer = None

    def _run_pooled(self, work: Callable[..., _T | None], args: tuple[Any, ...]) -> _T | None:
        raw = self.engine.raw_connection()
        cur = None
        try:
            cur = raw.cursor()
            return _ended(raw, work, cur, args)
        except self._dbapi_error as err:
            _quiet_rollback(raw)
            if self.engine.dialect.is_disconnect(err, raw.dbapi_connection, cur):  # type: ignore[arg-type]
                raw.invalidate(err)
            raise DBAPIError.instance(None, None, err, self._dbapi_error) from err
        finally:
            raw.close()  # back to the pool

    def unchanged(self, cur: Any, live: Live) -> bool:
        """Nothing changed the session since the station last wrote it: still open at the
        cached version, and no scan event of the order newer than the station's last one.
        On PostgreSQL the session's row stays locked to the end of the transaction."""
        params = {"id": live.pack_id, "version": live.version, "order_id": live.order_id,
                  "last_event": live.last_event or 0}
        if self._sqlite:
            cur.execute(self._sql["unchanged"], params)
            return cur.fetchone() is not None
        cur.execute(self._sql["lock_session"], params)
        if cur.fetchone() is None:
            return False
        cur.execute(self._sql["newer_event"], params)
        return cur.fetchone() is None

    def bump(self, cur: Any, live: Live, pending: dict[str, Any] | None) -> bool:
        cur.execute(self._sql["bump"], {
            "new_version": live.version + 1,
            "pending": json.dumps(pending) if pending is not None else None,
            "id": live.pack_id, "version": live.version})
        return bool(cur.rowcount == 1)

    def serial_used_in(self, cur: Any, product_id: int, serial: str) -> str | None:
        if not self._sqlite:
            cur.execute(self._sql["lock_product"], {"product_id": product_id})
        cur.execute(self._sql["serial"], {"serial": serial, "product_id": product_id})
        row = cur.fetchone()
        return str(row[0]) if row is not None else None

    def event(self, cur: Any, **values: Any) -> int:
        """Insert a scan event; ``interpretation`` is its JSON text
        (``Interpretation.record_json``). Returns the event's id."""
        values["received_at"] = self._time(values["received_at"])
        values["recorded_at"] = self._time(values["recorded_at"])
        cur.execute(self._sql["event"], values)
        return self._inserted_id(cur)

    def item(self, cur: Any, **values: Any) -> int:
        """Insert a ``parcel_items`` row; returns its id."""
        cur.execute(self._sql["item"], values)
        return self._inserted_id(cur)

    def _inserted_id(self, cur: Any) -> int:
        # SQLite: the cursor's lastrowid (its statements have no RETURNING, see __init__).
        return int(cur.lastrowid) if self._sqlite else int(cur.fetchone()[0])

    def add_units(self, cur: Any, item_id: int, parcel_id: int, quantity: int) -> bool:
        """Add ``quantity`` plain units to the run's row ``item_id`` (in the open parcel
        ``parcel_id``) instead of a row per unit: the update changes no indexed column, so the
        commit writes one page for the unit, not three (the row, its parcel and order-line
        index entries). False: the row is not that run's any more (nothing was written).

        A run is only ever extended by the fast path's plain units: every other scan reads the
        state afresh and so starts new runs. So no run spans another kind of scan event, which
        is what the mis-scan report relies on (``reports/misscans.py``)."""
        cur.execute(self._sql["add_units"], {"quantity": quantity, "id": item_id,
                                             "parcel_id": parcel_id})
        return bool(cur.rowcount == 1)

    def heartbeat(self, cur: Any, station_id: int, now: datetime) -> None:
        cur.execute(self._sql["heartbeat"], {"now": self._time(now), "id": station_id})


def _ended(conn: Any, work: Callable[..., _T | None], cur: Any, args: tuple[Any, ...]
           ) -> _T | None:
    """``work(cur, *args)`` in the transaction open on ``conn``: committed when it returns a
    value, rolled back when it returns None or raises."""
    try:
        done = work(cur, *args)
    except BaseException:
        _quiet_rollback(conn)
        raise
    if done is None:
        conn.rollback()
    else:
        conn.commit()
    return done


def _quiet_rollback(raw: Any) -> None:
    # The error that brought us here is the one to report; a connection that cannot even roll
    # back is closed (and so rolled back) by the pool or the server.
    try:
        raw.rollback()
    except Exception:
        log.debug("rollback after a failed scan failed too", exc_info=True)


def _same(value: Any) -> Any:
    return value


def sqlite_time(value: datetime) -> str:
    """An aware time as the ORM stores it on SQLite: naive UTC text with microseconds.

    The same text as ``UTCDateTime`` through SQLAlchemy's SQLite ``DATETIME`` processor
    (tests/unit/services/test_pack_fast_time.py holds them equal), at a fifth of its cost: two
    of these are in every item scan.
    """
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: pass an aware UTC datetime")
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    # The aware text less its "+00:00": no naive copy of the datetime to make.
    return value.isoformat(" ", "microseconds")[:26]


def _pyformat(sql: str) -> str:
    """``:name`` -> ``%(name)s`` for drivers such as psycopg."""
    return re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", sql.replace("%", "%%"))


def advance(live: Live, state: PackState, *, bumped: bool, last_event: int | None,
            runs: Mapping[int, int] | None = None) -> Live:
    """``live`` after a scan that wrote ``state`` (and bumped the version, or not) and the
    scan event ``last_event``; ``runs``: the runs of plain units now (default: unchanged)."""
    # Built directly (replace() inspects the fields each time): once per accepted unit.
    return Live(live.pack_id, live.order_id, live.order_number,
                live.version + 1 if bumped else live.version, state, live.parcel_id,
                live.parcel_seq, live.parcels, live.products, last_event,
                live.runs if runs is None else runs)


def bumps_version(before: Pending | None, decision: Decision) -> bool:
    """Whether writing ``decision`` bumps the session's version: every change of the
    session's state does, but a plain unit added (accepted, the order not complete, what the
    next scan must be unchanged and none). The same rule on the ORM path (``PackService._apply``)
    and here; the unit's scan event is what a stale writer sees instead (``unchanged``)."""
    return not (decision.outcome is Outcome.ACCEPTED and before is None
                and decision.state.pending is None)


def dumps_pending(state: PackState) -> dict[str, Any] | None:
    return state.pending.to_json() if state.pending else None


