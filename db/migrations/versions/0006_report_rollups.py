"""report rollups (scans per hour, one fact row per packed order), their change queue, returns

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 09:00:00

The rollups are derived data: ``workstation.services.reports.rollup`` fills them off the scan
path. Scans are rolled up by id (a watermark in ``report_rollup_state``); a packed order's fact
row is (re)made whenever a trigger below queues its session in ``report_dirty_sessions``: the
session completing or leaving completed, its station, operator or times changing, a label
confirmed on one of its parcels, a parcel or parcel item of it changed or removed, the order's
carrier changed. An item scan itself queues nothing (the trigger's WHEN is false for it).
On PostgreSQL the session triggers also NOTIFY the boards (payload: the schema), delivered
when the station's transaction commits.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
QUEUE = "INSERT INTO report_dirty_sessions (session_id)"
# workstation.services.reports.rollup.BOARD_CHANNEL (db/ imports nothing from workstation/)
BOARD_CHANNEL = "workstation_board"

# (name, table, event, WHEN condition (SQLite spelling), body: what to queue)
TRIGGERS = (
    ("trg_report_session_insert", "pack_sessions", "INSERT",
     "NEW.status = 'completed'", f"{QUEUE} VALUES (NEW.id)"),
    ("trg_report_session_update", "pack_sessions", "UPDATE",
     "(NEW.status = 'completed' OR OLD.status = 'completed') AND "
     "(OLD.status IS NOT NEW.status OR OLD.ended_at IS NOT NEW.ended_at OR "
     "OLD.started_at IS NOT NEW.started_at OR OLD.station_id IS NOT NEW.station_id OR "
     "OLD.operator_id IS NOT NEW.operator_id OR OLD.order_id IS NOT NEW.order_id)",
     f"{QUEUE} VALUES (NEW.id)"),
    ("trg_report_parcel_insert", "parcels", "INSERT",
     "NEW.label_confirmed_at IS NOT NULL", f"{QUEUE} VALUES (NEW.session_id)"),
    ("trg_report_parcel_update", "parcels", "UPDATE",
     "OLD.label_confirmed_at IS NOT NEW.label_confirmed_at OR "
     "OLD.session_id IS NOT NEW.session_id",
     f"{QUEUE} VALUES (NEW.session_id); {QUEUE} VALUES (OLD.session_id)"),
    ("trg_report_parcel_delete", "parcels", "DELETE", None,
     f"{QUEUE} VALUES (OLD.session_id)"),
    ("trg_report_item_update", "parcel_items", "UPDATE",
     "OLD.quantity IS NOT NEW.quantity OR OLD.parcel_id IS NOT NEW.parcel_id",
     f"{QUEUE} SELECT session_id FROM parcels WHERE id IN (OLD.parcel_id, NEW.parcel_id)"),
    ("trg_report_item_delete", "parcel_items", "DELETE", None,
     f"{QUEUE} SELECT session_id FROM parcels WHERE id = OLD.parcel_id"),
    ("trg_report_order_carrier", "orders", "UPDATE",
     "OLD.carrier IS NOT NEW.carrier",
     f"{QUEUE} SELECT id FROM pack_sessions WHERE order_id = NEW.id "
     "AND status = 'completed'"),
)


def _create_triggers() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    for name, table, event, when, body in TRIGGERS:
        if not pg:
            cond = f" WHEN {when}" if when else ""
            op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{cond} "
                       f"BEGIN {body}; END")
            continue
        cond = f" WHEN ({when.replace(' IS NOT ', ' IS DISTINCT FROM ')})" if when else ""
        if table == "pack_sessions":  # a board listening refreshes (reports.notify)
            body += f"; PERFORM pg_notify('{BOARD_CHANNEL}', current_schema())"
        op.execute(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN {body}; RETURN NULL; END $$")
        op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{cond} "
                   f"EXECUTE FUNCTION {name}()")


def _drop_triggers() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    for name, table, _event, _when, _body in reversed(TRIGGERS):
        if pg:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")


def upgrade() -> None:
    op.create_table(
        "report_scan_hours",
        sa.Column("hour", sa.String(16), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("scans", sa.BigInteger(), nullable=False),
        sa.Column("wrong_item", sa.BigInteger(), nullable=False),
        sa.Column("over_scan", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("hour", "station_id", "operator_id",
                                name="pk_report_scan_hours"),
    )
    op.create_table(
        "report_packed_orders",
        sa.Column("session_id", sa.BigInteger(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("carrier", sa.String(64), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("hour", sa.String(16), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("seconds", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("session_id", name="pk_report_packed_orders"),
    )
    # Covers the report's read of a window's facts (no table row is read).
    op.create_index("ix_report_packed_orders_cover", "report_packed_orders",
                    ["ended_at", "station_id", "operator_id", "carrier", "hour", "units",
                     "seconds", "session_id"])
    op.create_table(
        "report_rollup_state",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("last_id", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("name", name="pk_report_rollup_state"),
    )
    op.create_table(
        "report_dirty_sessions",
        sa.Column("id", BigId, nullable=False),
        sa.Column("session_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_report_dirty_sessions"),
    )
    op.create_index("ix_report_dirty_sessions_session", "report_dirty_sessions",
                    ["session_id"])
    op.create_table(
        "returns",
        sa.Column("id", BigId, nullable=False),
        sa.Column("order_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=False),
        sa.Column("rma", sa.String(64), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("station_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=True),
        sa.Column("operator_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=True),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name="fk_returns_order_id_orders"),
        sa.ForeignKeyConstraint(["station_id"], ["stations.id"],
                                name="fk_returns_station_id_stations"),
        sa.ForeignKeyConstraint(["operator_id"], ["operators.id"],
                                name="fk_returns_operator_id_operators"),
        sa.PrimaryKeyConstraint("id", name="pk_returns"),
        sa.UniqueConstraint("rma", name="uq_returns_rma"),
    )
    op.create_index("ix_returns_order", "returns", ["order_id"])
    op.create_index("ix_returns_received_at", "returns", ["received_at"])
    # Progress against the day reads every order due in the window: an index that covers it
    # replaces the plain cut-off index (its first column), so a write keeps the same count.
    op.create_index("ix_orders_ship_by_cover", "orders", ["ship_by", "status", "carrier"])
    op.drop_index("ix_orders_ship_by", table_name="orders")
    # Lead time looks up each packed order's hand-over: covered, again replacing the index
    # that is its first column.
    op.create_index("ix_order_status_history_order_cover", "order_status_history",
                    ["order_id", "to_status", "at"])
    op.drop_index("ix_order_status_history_order_id", table_name="order_status_history")
    op.execute("INSERT INTO report_rollup_state (name, last_id) VALUES ('scans', 0)")
    # Orders packed before this migration get their fact rows at the first catch-up.
    op.execute(f"{QUEUE} SELECT id FROM pack_sessions WHERE status = 'completed'")
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    op.create_index("ix_orders_ship_by", "orders", ["ship_by"])
    op.drop_index("ix_orders_ship_by_cover", table_name="orders")
    op.create_index("ix_order_status_history_order_id", "order_status_history", ["order_id"])
    op.drop_index("ix_order_status_history_order_cover", table_name="order_status_history")
    op.drop_index("ix_returns_received_at", table_name="returns")
    op.drop_index("ix_returns_order", table_name="returns")
    op.drop_table("returns")
    op.drop_index("ix_report_dirty_sessions_session", table_name="report_dirty_sessions")
    op.drop_table("report_dirty_sessions")
    op.drop_table("report_rollup_state")
    op.drop_index("ix_report_packed_orders_cover", table_name="report_packed_orders")
    op.drop_table("report_packed_orders")
    op.drop_table("report_scan_hours")
