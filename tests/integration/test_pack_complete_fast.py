"""The scans that open and complete an order, written two ways (pack_open.py and
pack_complete.py on the fast path; ``_open_order`` and ``_complete`` on the ORM path), leave
the same database and tell the operator the same thing.

The same orders are packed by the same scans at the same (test clock) times on two fresh
copies of one database, once as the station does it and once with the fast open and
completion turned off; then every row of every table is compared, ids, tracking numbers,
SSCCs and the print jobs' bytes included (only ``updated_at``, stamped from the machine's
clock, and what the seed stamps or salts are left out). On SQLite and PostgreSQL.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, inspect, select, text, update
from sqlalchemy.orm import Session, sessionmaker

from db.engine import make_engine, make_sessionmaker
from db.models import Order, Parcel
from devices.scan import ScanInput
from tests.conftest import _empty_pg_tables
from tests.helpers.catalogue import GS, MILK_EAN, MUG_CODE, PHONE_EAN, SHIRT_CASE, SHIRT_EAN, seed
from tests.helpers.clock import ManualClock, TickingClock
from workstation.domain.outcomes import Outcome
from workstation.services import pack_complete, pack_fast, pack_open
from workstation.services.pack import PackService, ScanResult
from workstation.settings import Settings


def _last_tracking(sessions: sessionmaker[Session]) -> str:
    with sessions() as s:
        return s.scalar(select(Parcel.tracking_number).where(Parcel.tracking_number.is_not(None))
                        .order_by(Parcel.id.desc()).limit(1)) or "?"


Scan = str | Callable[[sessionmaker[Session]], str]
# name: (order columns to change before packing, station settings, the scans)
SCENARIOS: dict[str, tuple[dict[str, dict[str, Any]], dict[str, Any], tuple[Scan, ...]]] = {
    "mixed": ({"ORD-4": {"return_label": True}}, {}, (
        "ORD-1", SHIRT_EAN, SHIRT_EAN,  # the simplest order
        # a case of 6, units, a serial and a lot with its expiry, and a second parcel
        "ORD-2", SHIRT_CASE, SHIRT_EAN, "CMD:NEXT-PARCEL", SHIRT_EAN,
        f"01{'0' + PHONE_EAN}21SN-0042", f"01{'0' + MILK_EAN}17301231{GS}10LOT-7",
        "TOTE-7", MUG_CODE,  # opened by its tote; a fragile item
        "ORD-4", MUG_CODE, SHIRT_EAN,  # with a return label
    )),
    # The rest after a review of the two paths:
    "pending serial, then the serial completes": ({}, {}, (
        "ORD-2", SHIRT_CASE, SHIRT_EAN, SHIRT_EAN, f"01{'0' + MILK_EAN}17301231{GS}10LOT-7",
        PHONE_EAN, f"01{'0' + PHONE_EAN}21SN-0042")),
    "carrier's own label, two parcels": (
        {"ORD-1": {"carrier_tracking_number": "JNE0001", "carrier_label_format": "zpl",
                   "carrier_label": b"^XA^FDcarrier^FS^XZ"}},
        {}, ("ORD-1", SHIRT_EAN, "CMD:NEXT-PARCEL", SHIRT_EAN)),
    "a label that cannot be rendered": (
        {"ORD-1": {"carrier_tracking_number": "JNE\u2013\u00dc12"}}, {},
        ("ORD-1", SHIRT_EAN, SHIRT_EAN)),
    "pick list, label confirmed": ({}, {}, (
        "PL-ORD-1", SHIRT_EAN, SHIRT_EAN, _last_tracking, "ORD-3", MUG_CODE)),
    "ship partial after a short": ({}, {"short_policy": "ship_partial"}, (
        "ORD-4", MUG_CODE, "CMD:SHORT:NOT_FOUND", SHIRT_EAN)),
    "parked and resumed": ({}, {}, ("ORD-1", SHIRT_EAN, "CMD:PAUSE", "ORD-1", SHIRT_EAN)),
    "weight check": ({}, {"weight_check": True}, ("ORD-3", MUG_CODE, "WEIGHT:700", "ORD-1")),
    "PDF labels, receipt slip": ({"ORD-4": {"return_label": True}},
                                 {"label_format": "pdf", "slip_format": "escpos"},
                                 ("ORD-4", MUG_CODE, SHIRT_EAN)),
}


# Written by the seed, from the machine's clock or at random (a PIN's salt), not by packing.
_SEEDED = {("operators", "pin_hash"), ("operators", "created_at"), ("orders", "imported_at"),
           ("orders", "created_at"), ("products", "created_at")}


def _fresh(db_url: str, tmp_path: Path, name: str) -> str:
    if db_url.startswith("sqlite"):
        path = tmp_path / f"{name}.db"
        shutil.copyfile(db_url.removeprefix("sqlite:///"), path)
        return f"sqlite:///{path}"
    _empty_pg_tables(db_url)
    return db_url


def _snapshot(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    tables = {}
    with engine.connect() as conn:
        schema = inspect(conn)
        for name in sorted(schema.get_table_names()):
            if name == "alembic_version":
                continue
            columns = [c["name"] for c in schema.get_columns(name)
                       if c["name"] != "updated_at" and (name, c["name"]) not in _SEEDED]
            keys = schema.get_pk_constraint(name)["constrained_columns"] or columns
            rows = conn.execute(text(
                f"SELECT {', '.join(columns)} FROM {name} ORDER BY {', '.join(keys)}"))
            tables[name] = [dict(row._mapping) for row in rows]
    return tables


def _pack(url: str, fast: bool, monkeypatch: pytest.MonkeyPatch, scenario: str = "mixed"
          ) -> tuple[list[ScanResult], dict[str, list[dict[str, Any]]], list[str]]:
    """Pack a scenario's scans; ``fast=False``: with the fast open and completion turned off.
    Also returns which fast writes were taken."""
    changes, settings, script = SCENARIOS[scenario]
    used: list[str] = []
    real_complete, real_open = pack_complete.close_parcels_and_print, pack_open.open_order

    def completing(*args: Any, **kwargs: Any) -> pack_complete.Completed:
        used.append("complete")
        return real_complete(*args, **kwargs)

    def opening(*args: Any, **kwargs: Any) -> pack_fast.Live | None:
        opened = real_open(*args, **kwargs)
        if opened is not None:
            used.append("open")
        return opened

    with monkeypatch.context() as patch:
        patch.setattr(pack_complete, "close_parcels_and_print", completing)
        patch.setattr(pack_open, "open_order", opening)
        if not fast:
            patch.setattr(pack_complete, "plain", lambda *_: False)
            patch.setattr(pack_open, "open_order", lambda *_: None)
        engine = make_engine(url)
        try:
            sessions: sessionmaker[Session] = make_sessionmaker(engine)
            seed(sessions)
            with sessions.begin() as s:
                for number, values in changes.items():
                    s.execute(update(Order).where(Order.number == number).values(**values))
            clock = ManualClock()  # one time per scan, however often each path reads it
            service = PackService(sessions, Settings(station="ST-01", **settings), clock=clock)
            service.sign_in("op1")
            results = []
            for code in script:
                clock.advance(1)
                text_ = code(sessions) if callable(code) else code
                results.append(service.handle_scan(
                    ScanInput(text=text_, source="test", received_at=clock.now)))
            return results, _snapshot(engine), used
        finally:
            engine.dispose()


def _said(result: ScanResult) -> tuple[object, ...]:
    return (result.outcome, result.message, result.params, result.session, result.print_jobs,
            result.event_id)


def test_fast_and_orm_completion_write_the_same_rows(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast_said, fast_rows, fast_used = _pack(_fresh(db_url, tmp_path, "fast"), True, monkeypatch)
    orm_said, orm_rows, orm_used = _pack(_fresh(db_url, tmp_path, "orm"), False, monkeypatch)
    completions = [r for r in fast_said if r.outcome is Outcome.ORDER_COMPLETE]
    assert len(completions) == 4, [r.message for r in fast_said]
    # each way was really taken: 4 orders opened and completed fast, none on the ORM run
    assert sorted(fast_used) == ["complete"] * 4 + ["open"] * 4 and orm_used == []
    assert [_said(r) for r in fast_said] == [_said(r) for r in orm_said]
    assert fast_rows.keys() == orm_rows.keys()
    for table in fast_rows:
        assert fast_rows[table] == orm_rows[table], table
    # and the rows are what a packed order needs (not merely equal)
    jobs = fast_rows["print_jobs"]
    assert {(j["kind"], j["state"]) for j in jobs} == {
        ("shipping", "pending"), ("slip", "pending"), ("return", "pending")}
    assert all(j["data"] for j in jobs)
    assert sum(1 for j in jobs if j["kind"] == "shipping") == 5  # ORD-2 has two parcels
    assert all(p["tracking_number"] and p["sscc"] and p["status"] == "closed"
               for p in fast_rows["parcels"])


@pytest.mark.parametrize("scenario", [name for name in SCENARIOS if name != "mixed"])
def test_both_paths_write_the_same_rows_in_every_scenario(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scenario: str
) -> None:
    fast_said, fast_rows, _ = _pack(_fresh(db_url, tmp_path, "fast"), True, monkeypatch,
                                    scenario)
    orm_said, orm_rows, orm_used = _pack(_fresh(db_url, tmp_path, "orm"), False, monkeypatch,
                                         scenario)
    assert orm_used == []
    assert [_said(r) for r in fast_said] == [_said(r) for r in orm_said]
    for table in fast_rows:
        assert fast_rows[table] == orm_rows[table], table


def test_an_item_scan_is_one_transaction(session_factory: sessionmaker[Session]) -> None:
    """The serial's check and the unit's write in one transaction (else a serial could be
    packed twice between them), and one write lock taken per scan.

    Counted below SQLAlchemy's Connection, which the ordinary item scan does not use: on
    SQLite, the statements every connection the station used ran (the pooled ones and the
    one the scan writer keeps; it is taken from the pool, so the checkout hook sees it
    first), of which exactly one BEGIN per scan; on PostgreSQL, one connection taken from
    the pool per scan."""
    seed(session_factory)
    engine = session_factory.kw["bind"]
    sqlite = engine.dialect.name == "sqlite"
    checkouts: list[object] = []
    traced: list[Any] = []
    statements: list[str] = []
    recording = False

    def record(statement: str) -> None:
        if recording:
            statements.append(statement)

    def checked_out(dbapi_connection: Any, record_: object, proxy: object) -> None:
        checkouts.append(dbapi_connection)
        if sqlite:
            dbapi_connection.set_trace_callback(record)
            traced.append(dbapi_connection)

    event.listen(engine.pool, "checkout", checked_out)
    try:
        service = PackService(session_factory, Settings(station="ST-01"),
                              clock=TickingClock())
        service.sign_in("op1")
        for code in ("ORD-2", SHIRT_EAN):
            service.handle_scan(ScanInput(text=code, source="test"))
        recording = True
        for code in (SHIRT_EAN, f"01{'0' + PHONE_EAN}21SN-7"):
            checkouts.clear()
            statements.clear()
            result = service.handle_scan(ScanInput(text=code, source="test"))
            assert result.outcome is Outcome.ACCEPTED, result.message
            if sqlite:
                begins = [s for s in statements if s.split()[0].upper() == "BEGIN"]
                assert begins == ["BEGIN IMMEDIATE"], (code, statements)
                assert statements[-1] == "COMMIT", (code, statements)
                assert any(s.startswith("INSERT INTO scan_events") for s in statements)
            else:
                assert len(checkouts) == 1, code
    finally:
        event.remove(engine.pool, "checkout", checked_out)
        for connection in traced:
            connection.set_trace_callback(None)


def test_a_completion_that_is_not_plain_takes_the_orm_path(
    session_factory: sessionmaker[Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A short item held: the full path writes it (hold, no labels)."""
    seed(session_factory)
    calls: list[object] = []
    monkeypatch.setattr(pack_complete, "close_session",
                        _recording(calls, pack_complete.close_session))
    service = PackService(session_factory, Settings(station="ST-01"), clock=TickingClock())
    service.sign_in("op1")
    for code in ("ORD-4", MUG_CODE, "CMD:SHORT:NOT_FOUND"):
        service.handle_scan(ScanInput(text=code, source="test"))
    result = service.handle_scan(ScanInput(text=SHIRT_EAN, source="test"))
    assert result.outcome is Outcome.ORDER_HELD, result.message
    assert calls == []
    with session_factory() as s:
        assert s.scalar(select(Order.status).where(Order.number == "ORD-4")) == "on_hold"


def _recording(calls: list[object], real: Callable[..., Any]) -> Callable[..., Any]:
    def record(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)
    return record
