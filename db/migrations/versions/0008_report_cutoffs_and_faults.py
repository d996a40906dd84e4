"""report rollup: orders per cut-off, carrier and status; partial indexes for print faults and
reprints; lead time's previous packed row

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 18:00:00

Progress against the day (``workstation.services.reports.progress``) read every order due in
the window (a month: a third of a million index entries). ``report_cutoffs`` holds how many
orders there are per ship-by cut-off, carrier and status; triggers on ``orders`` append each
change to ``report_cutoff_changes`` as a -1 for the row's old (cut-off, carrier, status) and a
+1 for its new one (only when one of the three changes: an order's open and its completion,
never an item scan). The catch-up (``workstation.services.reports.rollup``) folds the changes
into the counts; a report reads counts plus the changes not folded yet, in one snapshot, so it
is exact whatever the catch-up's progress. Appending (not updating a shared counter) keeps
stations from waiting on each other's row locks.

Reprints and printer faults read every print job of the window to keep the few that qualify:
two partial indexes hold only those (the predicates are the figures' own, spelled with
literals so both planners can prove a query's WHERE implies them).

Lead time counts an order once, with its first packed row in the window; that was a look-up
per row. ``report_lead_times.prev_packed_at`` (the order's previous packed row, kept by the
catch-up) answers it from the covering index for a window with no station or operator filter.
The upgrade fills it in place, and only where there is such a row (an order packed more than
once): queuing every order to be remade by the next catch-up instead made the first report
after the upgrade wait minutes on a large database.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
CHANGE = "INSERT INTO report_cutoff_changes (ship_by, carrier, status, orders)"
OLD_OUT = (f"{CHANGE} SELECT OLD.ship_by, OLD.carrier, OLD.status, -1 "
           "WHERE OLD.ship_by IS NOT NULL")
NEW_IN = (f"{CHANGE} SELECT NEW.ship_by, NEW.carrier, NEW.status, 1 "
          "WHERE NEW.ship_by IS NOT NULL")

# (name, event, WHEN condition (SQLite spelling), body), all on orders
TRIGGERS = (
    ("trg_report_cutoff_insert", "INSERT", "NEW.ship_by IS NOT NULL", NEW_IN),
    ("trg_report_cutoff_update", "UPDATE",
     "OLD.status IS NOT NEW.status OR OLD.ship_by IS NOT NEW.ship_by OR "
     "OLD.carrier IS NOT NEW.carrier", f"{OLD_OUT}; {NEW_IN}"),
    ("trg_report_cutoff_delete", "DELETE", "OLD.ship_by IS NOT NULL", OLD_OUT),
)

# workstation.services.reports.exceptions.faulted() and reprints(), word for word.
FAULTED = "attempts > 1 OR last_error IS NOT NULL OR state IN ('failed', 'unknown')"
REPRINT = "reprint_of_id IS NOT NULL"
# An earlier packed row of the same order (uses ix_report_lead_times_order).
EARLIER = ("FROM report_lead_times e WHERE e.order_id = report_lead_times.order_id AND "
           "(e.packed_at < report_lead_times.packed_at OR (e.packed_at = "
           "report_lead_times.packed_at AND e.history_id < report_lead_times.history_id))")
LEAD_COVER = ["packed_at", "station_id", "operator_id", "carrier", "hours_to_packed",
              "hours_to_shipped", "order_id", "history_id"]


def _create_triggers() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    for name, event, when, body in TRIGGERS:
        if not pg:
            op.execute(f"CREATE TRIGGER {name} AFTER {event} ON orders FOR EACH ROW "
                       f"WHEN {when} BEGIN {body}; END")
            continue
        cond = when.replace(" IS NOT NEW.", " IS DISTINCT FROM NEW.")
        op.execute(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN {body}; RETURN NULL; END $$")
        op.execute(f"CREATE TRIGGER {name} AFTER {event} ON orders FOR EACH ROW "
                   f"WHEN ({cond}) EXECUTE FUNCTION {name}()")


def _drop_triggers() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    for name, _event, _when, _body in reversed(TRIGGERS):
        if pg:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON orders")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")


def upgrade() -> None:
    op.create_table(
        "report_cutoffs",
        sa.Column("ship_by", sa.DateTime(timezone=True), nullable=False),
        sa.Column("carrier", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("orders", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("ship_by", "carrier", "status", name="pk_report_cutoffs"),
    )
    op.create_table(
        "report_cutoff_changes",
        sa.Column("id", BigId, nullable=False),
        sa.Column("ship_by", sa.DateTime(timezone=True), nullable=False),
        sa.Column("carrier", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_report_cutoff_changes"),
    )
    op.execute("INSERT INTO report_cutoffs (ship_by, carrier, status, orders) "
               "SELECT ship_by, carrier, status, count(*) FROM orders "
               "WHERE ship_by IS NOT NULL GROUP BY ship_by, carrier, status")
    _create_triggers()
    op.create_index("ix_print_jobs_faulted", "print_jobs", ["created_at"],
                    sqlite_where=sa.text(FAULTED), postgresql_where=sa.text(FAULTED))
    op.create_index("ix_print_jobs_reprints", "print_jobs", ["created_at"],
                    sqlite_where=sa.text(REPRINT), postgresql_where=sa.text(REPRINT))
    op.drop_index("ix_report_lead_times_cover", table_name="report_lead_times")
    op.add_column("report_lead_times",
                  sa.Column("prev_packed_at", sa.DateTime(timezone=True), nullable=True))
    # The order's packed row before this one, by (time, id), as the catch-up computes it
    # (rollup_lead.remake_orders); NULL, the column's default, where there is none. An order
    # still queued is remade by the catch-up anyway.
    op.execute(f"UPDATE report_lead_times SET prev_packed_at = (SELECT max(e.packed_at) "
               f"{EARLIER}) WHERE EXISTS (SELECT 1 {EARLIER})")
    op.create_index("ix_report_lead_times_cover", "report_lead_times",
                    [*LEAD_COVER, "prev_packed_at"])


def downgrade() -> None:
    op.drop_index("ix_report_lead_times_cover", table_name="report_lead_times")
    op.drop_column("report_lead_times", "prev_packed_at")
    op.create_index("ix_report_lead_times_cover", "report_lead_times", LEAD_COVER)
    op.drop_index("ix_print_jobs_reprints", table_name="print_jobs")
    op.drop_index("ix_print_jobs_faulted", table_name="print_jobs")
    _drop_triggers()
    op.drop_table("report_cutoff_changes")
    op.drop_table("report_cutoffs")
