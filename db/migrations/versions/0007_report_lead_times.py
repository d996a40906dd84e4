"""report rollup: one lead-time fact row per order's status change to packed, and its queue

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 12:00:00

Lead time (``workstation.services.reports.progress``) was read from the raw status history:
every packed row of the window joined to its order and its hand-over. The catch-up
(``workstation.services.reports.rollup``) now keeps ``report_lead_times``: one row per
``order_status_history`` row to ``packed``, with its order's carrier, the hours imported ->
packed and packed -> first hand-over. Triggers queue the order in ``report_dirty_orders``
whenever one of those may change: a status row to packed or shipped added, changed or removed
(also by a cascade), or the order's import time or carrier changed. Other status changes
(opened, parked, ...) and item scans queue nothing.

It also makes an index cover accuracy's read of ``report_scan_hours`` (a window's hours, all
their counts): the primary key alone made it one table look-up per row.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
QUEUE = "INSERT INTO report_dirty_orders (order_id)"
LEAD = "('packed', 'shipped')"

# (name, table, event, WHEN condition (SQLite spelling), body: what to queue)
TRIGGERS = (
    ("trg_report_history_insert", "order_status_history", "INSERT",
     f"NEW.to_status IN {LEAD}", f"{QUEUE} VALUES (NEW.order_id)"),
    ("trg_report_history_update", "order_status_history", "UPDATE",
     f"(OLD.to_status IN {LEAD} OR NEW.to_status IN {LEAD}) AND "
     "(OLD.to_status IS NOT NEW.to_status OR OLD.at IS NOT NEW.at OR "
     "OLD.order_id IS NOT NEW.order_id OR OLD.station_id IS NOT NEW.station_id OR "
     "OLD.operator_id IS NOT NEW.operator_id)",
     f"{QUEUE} VALUES (NEW.order_id); {QUEUE} VALUES (OLD.order_id)"),
    ("trg_report_history_delete", "order_status_history", "DELETE",
     f"OLD.to_status IN {LEAD}", f"{QUEUE} VALUES (OLD.order_id)"),
    ("trg_report_order_lead", "orders", "UPDATE",
     "OLD.imported_at IS NOT NEW.imported_at OR OLD.carrier IS NOT NEW.carrier",
     f"{QUEUE} VALUES (NEW.id)"),
)


def _create_triggers() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    for name, table, event, when, body in TRIGGERS:
        if not pg:
            op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW "
                       f"WHEN {when} BEGIN {body}; END")
            continue
        cond = when.replace(" IS NOT ", " IS DISTINCT FROM ")
        op.execute(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN {body}; RETURN NULL; END $$")
        op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW "
                   f"WHEN ({cond}) EXECUTE FUNCTION {name}()")


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
        "report_lead_times",
        sa.Column("history_id", sa.BigInteger(), nullable=False),
        sa.Column("order_id", sa.BigInteger(), nullable=False),
        sa.Column("packed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=True),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("carrier", sa.String(64), nullable=False),
        sa.Column("hours_to_packed", sa.Float(), nullable=False),
        sa.Column("hours_to_shipped", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("history_id", name="pk_report_lead_times"),
    )
    # Covers the report's read of a window's rows (no table row is read) ...
    op.create_index("ix_report_lead_times_cover", "report_lead_times",
                    ["packed_at", "station_id", "operator_id", "carrier", "hours_to_packed",
                     "hours_to_shipped", "order_id", "history_id"])
    # ... the look-up of an order's earlier packed row, and the catch-up's delete by order.
    op.create_index("ix_report_lead_times_order", "report_lead_times",
                    ["order_id", "packed_at", "station_id", "operator_id", "history_id"])
    op.create_table(
        "report_dirty_orders",
        sa.Column("id", BigId, nullable=False),
        sa.Column("order_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_report_dirty_orders"),
    )
    op.create_index("ix_report_dirty_orders_order", "report_dirty_orders", ["order_id"])
    op.create_index("ix_report_scan_hours_cover", "report_scan_hours",
                    ["hour", "station_id", "operator_id", "scans", "wrong_item", "over_scan"])
    # Orders packed before this migration get their rows at the first catch-up.
    op.execute(f"{QUEUE} SELECT DISTINCT order_id FROM order_status_history "
               "WHERE to_status = 'packed'")
    _create_triggers()


def downgrade() -> None:
    _drop_triggers()
    op.drop_index("ix_report_scan_hours_cover", table_name="report_scan_hours")
    op.drop_index("ix_report_dirty_orders_order", table_name="report_dirty_orders")
    op.drop_table("report_dirty_orders")
    op.drop_index("ix_report_lead_times_order", table_name="report_lead_times")
    op.drop_index("ix_report_lead_times_cover", table_name="report_lead_times")
    op.drop_table("report_lead_times")
