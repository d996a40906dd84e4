"""indexes for the shift lead's reports and board (every figure filters on a time column)

Revision ID: 0004r
Revises: 0003
Create Date: 2026-11-23 11:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004r"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (index, table, columns): each named in db/models.py too, so autogenerate keeps them.
INDEXES = (
    ("ix_pack_sessions_status_ended", "pack_sessions", ["status", "ended_at"]),
    ("ix_scan_events_outcome_recorded", "scan_events", ["outcome", "recorded_at"]),
    ("ix_line_exceptions_at", "line_exceptions", ["at"]),
    ("ix_print_jobs_created_at", "print_jobs", ["created_at"]),
    ("ix_order_status_history_to_status_at", "order_status_history", ["to_status", "at"]),
    ("ix_orders_ship_by", "orders", ["ship_by"]),
    ("ix_audit_log_action_at", "audit_log", ["action", "at"]),
)


# The accuracy figures read every scan of the window: this index covers them (no table row is
# read). It replaces ix_scan_events_recorded_at (its first column), so a scan still writes the
# same number of index entries.
COVERING = ("ix_scan_events_recorded_cover", "scan_events",
            ["recorded_at", "station_id", "operator_id", "outcome"])


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    op.create_index(*COVERING)
    op.drop_index("ix_scan_events_recorded_at", table_name="scan_events")


def downgrade() -> None:
    op.create_index("ix_scan_events_recorded_at", "scan_events", ["recorded_at"])
    op.drop_index(COVERING[0], table_name="scan_events")
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
