"""Migrations run forward and back on both databases with rows in the tables they change."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from db.engine import make_engine
from db.migrate import HEAD, current_revision, downgrade, upgrade
from db.models import Base

INSERT_JOB = text(
    "INSERT INTO print_jobs (kind, format, printer_url, data, state, attempts, created_at, "
    "updated_at) VALUES ('test', 'zpl', 'sim://label', :data, 'pending', 0, "
    "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def blank_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An engine on a database with no schema at all."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
        yield engine
        engine.dispose()
        return
    base = os.environ.get("WORKSTATION_TEST_PG")
    if not base:
        pytest.skip("WORKSTATION_TEST_PG is not set")
    schema = f"ws_migr_{os.getpid()}"
    admin = make_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def _data_nullable(engine: Engine) -> bool:
    columns = {c["name"]: c for c in inspect(engine).get_columns("print_jobs")}
    return bool(columns["data"]["nullable"])


def test_print_job_bytes_may_wait_for_the_spooler_and_the_step_reverses(
        blank_engine: Engine) -> None:
    upgrade(blank_engine, "0004r")
    with blank_engine.begin() as conn:
        conn.execute(INSERT_JOB, {"data": b"^XA^XZ"})
        first = conn.execute(text("SELECT max(id) FROM print_jobs")).scalar()
        conn.execute(INSERT_JOB, {"data": b"^XA^FDagain^XZ"})
        conn.execute(text("UPDATE print_jobs SET reprint_of_id = :f WHERE id <> :f"),
                     {"f": first})  # a reprint points at its original (a self-reference)
    assert not _data_nullable(blank_engine)

    upgrade(blank_engine)
    assert _data_nullable(blank_engine)
    with blank_engine.begin() as conn:
        conn.execute(INSERT_JOB, {"data": None})
        kept = conn.execute(text("SELECT data, reprint_of_id FROM print_jobs "
                                 "WHERE data IS NOT NULL ORDER BY id")).all()
    # the table copy (SQLite batch mode) kept the rows and the reprint's link
    assert [(bytes(d), r) for d, r in kept] == [(b"^XA^XZ", None),
                                                 (b"^XA^FDagain^XZ", first)]

    downgrade(blank_engine, "0004r")
    assert current_revision(blank_engine) == "0004r"
    assert not _data_nullable(blank_engine)
    with blank_engine.begin() as conn:
        rows = conn.execute(text("SELECT count(*) FROM print_jobs")).scalar()
    assert rows == 2  # the job that had no bytes went; the rendered one stayed
    with pytest.raises(IntegrityError), blank_engine.begin() as conn:
        conn.execute(INSERT_JOB, {"data": None})


def _index_names(engine: Engine, table: str) -> set[str]:
    return {str(i["name"]) for i in inspect(engine).get_indexes(table)}


def _station_and_operator(conn: Connection, false: str) -> None:
    """Station 1 and operator 1, which the rows these tests write point to."""
    conn.execute(text("INSERT INTO stations (id, name, created_at) "
                      "VALUES (1, 'ST-1', CURRENT_TIMESTAMP)"))
    conn.execute(text("INSERT INTO operators (id, code, name, role, active, created_at) "
                      f"VALUES (1, 'op1', 'Op', 'operator', {false}, CURRENT_TIMESTAMP)"))


def _product(conn: Connection, false: str) -> None:
    """Product 1, which the order lines these tests write point to."""
    conn.execute(text("INSERT INTO products (id, sku, name, fragile, serial_tracked, "
                      f"lot_tracked, created_at, updated_at) VALUES (1, 'S', 'P', {false}, "
                      f"{false}, {false}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))


def _new_order(conn: Connection, false: str, order_id: int) -> None:
    """A new order ``O<id>`` with that id."""
    conn.execute(text(
        "INSERT INTO orders (id, number, channel, customer_name, ship_to_name, "
        "address_lines, city, country, carrier, priority, language, return_label, "
        "status, imported_at, updated_at) VALUES (:id, :n, 'web', 'c', 'c', 'a', 'x', "
        f"'ID', 'JNE', 0, 'id', {false}, 'new', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
        {"id": order_id, "n": f"O{order_id}"})


def test_report_rollups_queue_packed_orders_and_the_step_reverses(
        blank_engine: Engine) -> None:
    upgrade(blank_engine, "0005")
    false = "false" if blank_engine.dialect.name == "postgresql" else "0"
    with blank_engine.begin() as conn:
        _station_and_operator(conn, false)
        for order_id in (1, 2):
            conn.execute(text(
                "INSERT INTO orders (id, number, channel, customer_name, ship_to_name, "
                "address_lines, city, country, carrier, priority, language, return_label, "
                "status, imported_at, updated_at) VALUES (:id, :n, 'web', 'c', 'c', 'a', 'x', "
                f"'ID', 'JNE', 0, 'id', {false}, 'packed', CURRENT_TIMESTAMP, "
                "CURRENT_TIMESTAMP)"), {"id": order_id, "n": f"O{order_id}"})
        conn.execute(text(
            "INSERT INTO pack_sessions (id, order_id, station_id, operator_id, status, "
            "started_at, ended_at, version) VALUES (1, 1, 1, 1, 'completed', "
            "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1), (2, 2, 1, 1, 'open', "
            "CURRENT_TIMESTAMP, NULL, 1)"))

    upgrade(blank_engine, "0006")
    assert current_revision(blank_engine) == "0006"
    assert "ix_orders_ship_by_cover" in _index_names(blank_engine, "orders")
    assert "ix_orders_ship_by" not in _index_names(blank_engine, "orders")
    assert (_index_names(blank_engine, "order_status_history")
            >= {"ix_order_status_history_order_cover"})
    assert "ix_order_status_history_order_id" not in _index_names(blank_engine,
                                                                   "order_status_history")
    queued = "SELECT session_id FROM report_dirty_sessions ORDER BY id"
    with blank_engine.begin() as conn:
        # the order packed before the migration is queued for its fact row
        assert conn.execute(text(queued)).scalars().all() == [1]
        conn.execute(text("UPDATE pack_sessions SET version = 2"))  # an item scan: no queue
        assert conn.execute(text(queued)).scalars().all() == [1]
        conn.execute(text("UPDATE pack_sessions SET status = 'completed', "
                          "ended_at = CURRENT_TIMESTAMP WHERE id = 2"))  # packed now
        conn.execute(text("UPDATE orders SET carrier = 'POS' WHERE id = 1"))
        assert conn.execute(text(queued)).scalars().all() == [1, 2, 1]
        state = conn.execute(text("SELECT name, last_id FROM report_rollup_state")).all()
        assert [tuple(r) for r in state] == [("scans", 0)]

    downgrade(blank_engine, "0005")
    assert current_revision(blank_engine) == "0005"
    tables = set(inspect(blank_engine).get_table_names())
    assert not tables & {"report_scan_hours", "report_packed_orders", "report_rollup_state",
                         "report_dirty_sessions", "returns"}
    assert "ix_orders_ship_by" in _index_names(blank_engine, "orders")
    assert "ix_order_status_history_order_id" in _index_names(blank_engine,
                                                              "order_status_history")
    with blank_engine.begin() as conn:  # no trigger left behind pointing at a dropped table
        conn.execute(text("UPDATE pack_sessions SET status = 'cancelled' WHERE id = 1"))
        assert conn.execute(text("SELECT count(*) FROM pack_sessions")).scalar() == 2


def test_lead_time_rollup_queues_packed_orders_and_the_step_reverses(
        blank_engine: Engine) -> None:
    upgrade(blank_engine, "0006")
    false = "false" if blank_engine.dialect.name == "postgresql" else "0"
    with blank_engine.begin() as conn:
        for order_id in (1, 2, 3):
            conn.execute(text(
                "INSERT INTO orders (id, number, channel, customer_name, ship_to_name, "
                "address_lines, city, country, carrier, priority, language, return_label, "
                "status, imported_at, updated_at) VALUES (:id, :n, 'web', 'c', 'c', 'a', 'x', "
                f"'ID', 'JNE', 0, 'id', {false}, 'packed', CURRENT_TIMESTAMP, "
                "CURRENT_TIMESTAMP)"), {"id": order_id, "n": f"O{order_id}"})
        conn.execute(text(
            "INSERT INTO order_status_history (order_id, from_status, to_status, at) VALUES "
            "(1, 'in_progress', 'packed', CURRENT_TIMESTAMP), "
            "(2, 'new', 'in_progress', CURRENT_TIMESTAMP)"))

    upgrade(blank_engine, "0007")
    assert current_revision(blank_engine) == "0007"
    assert {"report_lead_times", "report_dirty_orders"} <= set(
        inspect(blank_engine).get_table_names())
    assert (_index_names(blank_engine, "report_lead_times")
            >= {"ix_report_lead_times_cover", "ix_report_lead_times_order"})
    assert "ix_report_scan_hours_cover" in _index_names(blank_engine, "report_scan_hours")
    queued = "SELECT order_id FROM report_dirty_orders ORDER BY id"
    with blank_engine.begin() as conn:
        # the order packed before the migration is queued for its fact row; O2 is not packed
        assert conn.execute(text(queued)).scalars().all() == [1]
        conn.execute(text("UPDATE orders SET status = 'shipped', priority = 1 "
                          "WHERE id = 3"))  # neither import time nor carrier: no queue
        conn.execute(text("INSERT INTO order_status_history (order_id, to_status, at) "
                          "VALUES (2, 'parked', CURRENT_TIMESTAMP)"))  # not lead time's
        assert conn.execute(text(queued)).scalars().all() == [1]
        conn.execute(text("INSERT INTO order_status_history (order_id, to_status, at) "
                          "VALUES (2, 'packed', CURRENT_TIMESTAMP), "
                          "(1, 'shipped', CURRENT_TIMESTAMP)"))
        conn.execute(text("UPDATE orders SET carrier = 'POS' WHERE id = 3"))
        conn.execute(text("DELETE FROM order_status_history WHERE order_id = 1 "
                          "AND to_status = 'shipped'"))
        assert conn.execute(text(queued)).scalars().all() == [1, 2, 1, 3, 1]

    downgrade(blank_engine, "0006")
    assert current_revision(blank_engine) == "0006"
    tables = set(inspect(blank_engine).get_table_names())
    assert not tables & {"report_lead_times", "report_dirty_orders"}
    assert "ix_report_scan_hours_cover" not in _index_names(blank_engine, "report_scan_hours")
    with blank_engine.begin() as conn:  # the triggers went with them
        conn.execute(text("INSERT INTO order_status_history (order_id, to_status, at) "
                          "VALUES (3, 'packed', CURRENT_TIMESTAMP)"))
    upgrade(blank_engine)
    assert current_revision(blank_engine) == HEAD


def _columns(engine: Engine, table: str) -> set[str]:
    return {str(c["name"]) for c in inspect(engine).get_columns(table)}


def test_cutoff_counts_fault_indexes_and_lead_previous_row_and_the_step_reverses(
        blank_engine: Engine) -> None:
    upgrade(blank_engine, "0007")
    false = "false" if blank_engine.dialect.name == "postgresql" else "0"
    order = text(
        "INSERT INTO orders (id, number, channel, customer_name, ship_to_name, address_lines, "
        "city, country, carrier, priority, ship_by, language, return_label, status, "
        "imported_at, updated_at) VALUES (:id, :n, 'web', 'c', 'c', 'a', 'x', 'ID', :carrier, "
        f"0, :ship_by, 'id', {false}, :status, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
    a, b = "2026-11-23 10:00:00", "2026-11-23 13:00:00"
    with blank_engine.begin() as conn:
        for id_, carrier, ship_by, status in ((1, "JNE", a, "new"), (2, "JNE", a, "packed"),
                                              (3, "POS", b, "new"), (4, "JNE", None, "new"),
                                              (6, "JNE", a, "new")):
            conn.execute(order, {"id": id_, "n": f"O{id_}", "carrier": carrier,
                                 "ship_by": ship_by, "status": status})
        # O2 packed three times (two rows at one time: the id decides), O1 once.
        for history_id, order_id, packed_at in ((7, 2, "2026-11-20 09:00:00"),
                                                (9, 2, "2026-11-21 09:00:00"),
                                                (8, 2, "2026-11-21 09:00:00"),
                                                (3, 1, "2026-11-21 08:00:00")):
            conn.execute(text(
                "INSERT INTO report_lead_times (history_id, order_id, packed_at, carrier, "
                "hours_to_packed) VALUES (:h, :o, :at, 'JNE', 1.5)"),
                {"h": history_id, "o": order_id, "at": packed_at})

    upgrade(blank_engine, "0008")
    assert current_revision(blank_engine) == "0008"
    assert {"ix_print_jobs_faulted", "ix_print_jobs_reprints"} <= _index_names(blank_engine,
                                                                                "print_jobs")
    assert "prev_packed_at" in _columns(blank_engine, "report_lead_times")
    counts = ("SELECT carrier, status, orders FROM report_cutoffs "
              "ORDER BY ship_by, carrier, status")
    changes = "SELECT carrier, status, orders FROM report_cutoff_changes ORDER BY id"
    with blank_engine.begin() as conn:
        # every order with a cut-off counted (O4 has none)
        assert [tuple(r) for r in conn.execute(text(counts))] == [
            ("JNE", "new", 2), ("JNE", "packed", 1), ("POS", "new", 1)]
        # each lead row's previous packed row of its order filled in place, nothing queued
        previous = {int(h): p for h, p in conn.execute(text(
            "SELECT history_id, prev_packed_at FROM report_lead_times"))}
        assert {h: p if p is None else str(p)[:19] for h, p in previous.items()} == {
            7: None, 8: "2026-11-20 09:00:00", 9: "2026-11-21 09:00:00", 3: None}
        assert conn.execute(text("SELECT order_id FROM report_dirty_orders")).all() == []
        conn.execute(text("UPDATE orders SET priority = 5 WHERE id = 1"))  # none of the three
        conn.execute(text("UPDATE orders SET status = 'parked' WHERE id = 4"))  # no cut-off
        assert conn.execute(text(changes)).all() == []
        conn.execute(text("UPDATE orders SET status = 'in_progress' WHERE id = 1"))
        conn.execute(text("UPDATE orders SET ship_by = NULL WHERE id = 3"))  # leaves only
        conn.execute(text("UPDATE orders SET carrier = 'POS' WHERE id = 6"))
        conn.execute(order, {"id": 5, "n": "O5", "carrier": "JNE", "ship_by": b,
                             "status": "new"})
        conn.execute(text("DELETE FROM orders WHERE id = 5"))
        assert [tuple(r) for r in conn.execute(text(changes))] == [
            ("JNE", "new", -1), ("JNE", "in_progress", 1), ("POS", "new", -1),
            ("JNE", "new", -1), ("POS", "new", 1), ("JNE", "new", 1), ("JNE", "new", -1)]

    downgrade(blank_engine, "0007")
    assert current_revision(blank_engine) == "0007"
    assert not set(inspect(blank_engine).get_table_names()) & {"report_cutoffs",
                                                               "report_cutoff_changes"}
    assert not {"ix_print_jobs_faulted", "ix_print_jobs_reprints"} & _index_names(
        blank_engine, "print_jobs")
    assert "prev_packed_at" not in _columns(blank_engine, "report_lead_times")
    assert "ix_report_lead_times_cover" in _index_names(blank_engine, "report_lead_times")
    with blank_engine.begin() as conn:  # the triggers went with the tables
        conn.execute(text("UPDATE orders SET status = 'packed' WHERE id = 1"))
    upgrade(blank_engine)
    assert current_revision(blank_engine) == HEAD
    with blank_engine.begin() as conn:  # counted again from the orders as they are now
        assert [tuple(r) for r in conn.execute(text(counts))] == [
            ("JNE", "packed", 2), ("POS", "new", 1)]


def test_scan_events_lose_three_indexes_and_the_step_reverses(blank_engine: Engine) -> None:
    upgrade(blank_engine, "0008")
    before = _index_names(blank_engine, "scan_events")
    gone = {"ix_scan_events_station_recorded", "ix_scan_events_outcome_recorded",
            "ix_scan_events_session"}
    assert gone <= before
    upgrade(blank_engine, "0009")
    after = _index_names(blank_engine, "scan_events")
    assert after == (before - gone) | {"ix_scan_events_misscans"}
    downgrade(blank_engine, "0008")
    assert _index_names(blank_engine, "scan_events") == before


def test_parcel_items_gain_a_serial_index_and_the_step_reverses(blank_engine: Engine) -> None:
    upgrade(blank_engine, "0009")
    before = _index_names(blank_engine, "parcel_items")
    assert "ix_parcel_items_serial" not in before
    upgrade(blank_engine, "0010")
    assert _index_names(blank_engine, "parcel_items") == before | {"ix_parcel_items_serial"}
    downgrade(blank_engine, "0009")
    assert _index_names(blank_engine, "parcel_items") == before


def test_an_open_session_s_units_queue_no_report_work_and_the_step_reverses(
        blank_engine: Engine) -> None:
    """Migration 0011: a parcel item's quantity changing queues its session for the packed
    order rollup only when the session is completed (an open one is queued as it completes)."""
    upgrade(blank_engine, "0010")
    false = "false" if blank_engine.dialect.name == "postgresql" else "0"
    with blank_engine.begin() as conn:
        _station_and_operator(conn, false)
        _product(conn, false)
        for order_id, status in ((1, "completed"), (2, "open")):
            _new_order(conn, false, order_id)
            conn.execute(text(
                "INSERT INTO order_lines (id, order_id, line_no, product_id, quantity, "
                f"quantity_entry) VALUES (:id, :id, 1, 1, 5, {false})"), {"id": order_id})
            conn.execute(text(
                "INSERT INTO pack_sessions (id, order_id, station_id, operator_id, status, "
                "started_at, version) VALUES (:id, :id, 1, 1, :status, CURRENT_TIMESTAMP, 1)"),
                {"id": order_id, "status": status})
            conn.execute(text(
                "INSERT INTO parcels (id, session_id, order_id, seq, status, opened_at) "
                "VALUES (:id, :id, :id, 1, 'open', CURRENT_TIMESTAMP)"), {"id": order_id})
            conn.execute(text(
                "INSERT INTO parcel_items (id, parcel_id, order_line_id, quantity) "
                "VALUES (:id, :id, :id, 1)"), {"id": order_id})
        conn.execute(text("DELETE FROM report_dirty_sessions"))
    queued = "SELECT session_id FROM report_dirty_sessions ORDER BY id"
    add_a_unit = "UPDATE parcel_items SET quantity = quantity + 1"

    def queued_by_a_unit_in_each() -> list[int]:
        with blank_engine.begin() as conn:
            conn.execute(text(add_a_unit))
            found = list(conn.execute(text(queued)).scalars())
            conn.execute(text("DELETE FROM report_dirty_sessions"))
        return found

    assert queued_by_a_unit_in_each() == [1, 2]  # 0010: both sessions queued
    upgrade(blank_engine, "0011")
    assert queued_by_a_unit_in_each() == [1]  # the completed one only
    downgrade(blank_engine, "0010")
    assert queued_by_a_unit_in_each() == [1, 2]


def _line_foreign_keys(engine: Engine) -> list[str]:
    return [str(fk["name"]) for fk in inspect(engine).get_foreign_keys("scan_events")
            if fk["constrained_columns"] == ["order_line_id"]]


def _scan_indexes(engine: Engine) -> list[tuple[Any, ...]]:
    """Each index on scan_events: name, columns and predicate (SQLite: its CREATE text)."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                "AND tbl_name = 'scan_events' ORDER BY name"))]
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'scan_events' "
            "AND schemaname = current_schema() ORDER BY indexname"))]


def test_scan_events_lose_the_order_line_key_and_keep_their_rows_and_indexes(
        blank_engine: Engine) -> None:
    """Migration 0012: no foreign key from scan_events.order_line_id, so deleting an order
    line no longer reads the whole scan log; the rows and every index (the partial one's
    predicate too) are as before, and the step reverses."""
    upgrade(blank_engine, "0011")
    false = "false" if blank_engine.dialect.name == "postgresql" else "0"
    with blank_engine.begin() as conn:
        _station_and_operator(conn, false)
        _product(conn, false)
        _new_order(conn, false, 1)
        conn.execute(text("INSERT INTO order_lines (id, order_id, line_no, product_id, "
                          f"quantity, quantity_entry) VALUES (7, 1, 1, 1, 5, {false})"))
        for event_id, outcome in ((1, "accepted"), (2, "wrong_item")):
            conn.execute(text(
                "INSERT INTO scan_events (id, order_id, station_id, operator_id, raw, outcome, "
                "order_line_id, product_id, quantity, received_at, recorded_at) VALUES "
                "(:id, 1, 1, 1, 'x', :outcome, 7, 1, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
                {"id": event_id, "outcome": outcome})
    indexes = _scan_indexes(blank_engine)
    assert _line_foreign_keys(blank_engine) == ["fk_scan_events_order_line_id_order_lines"]
    rows = "SELECT id, outcome, order_line_id FROM scan_events ORDER BY id"
    upgrade(blank_engine, "0012")
    assert _line_foreign_keys(blank_engine) == []
    assert _scan_indexes(blank_engine) == indexes
    with blank_engine.connect() as conn:
        assert [tuple(r) for r in conn.execute(text(rows))] == [
            (1, "accepted", 7), (2, "wrong_item", 7)]
    downgrade(blank_engine, "0011")
    assert _line_foreign_keys(blank_engine) == ["fk_scan_events_order_line_id_order_lines"]
    assert _scan_indexes(blank_engine) == indexes
    with blank_engine.connect() as conn:
        assert len(conn.execute(text(rows)).all()) == 2
    with pytest.raises(IntegrityError), blank_engine.begin() as conn:  # checked again
        conn.execute(text("DELETE FROM order_lines WHERE id = 7"))


def test_the_migrated_schema_is_the_models_schema(blank_engine: Engine) -> None:
    """Alembic's own comparison of the migrated database with db.models finds nothing to
    change: no table, column, index or partial-index predicate forgotten on either side.
    (Float and Double are the same column type on both databases: REAL, double precision.)"""
    upgrade(blank_engine)
    with blank_engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)

    def same_float(diff: Any) -> bool:
        return (isinstance(diff, list) and diff[0][0] == "modify_type"
                and {type(t).__name__ for t in diff[0][-2:]} <= {"FLOAT", "Float", "Double",
                                                                "DOUBLE_PRECISION"})

    assert [d for d in diffs if not same_float(d)] == []
