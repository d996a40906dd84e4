"""scan events: no foreign key from ``order_line_id`` (deleting an order line read every scan)

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 19:30:00

Deleting a row of ``order_lines`` makes the database look for rows that still refer to it.
``scan_events.order_line_id`` has no index (one would cost every item scan another page in
its commit, migration 0009), so that look-up read the whole scan log: 4.05 s for one line
among 10,000,000 events on PostgreSQL (measured on the ``bench report`` data). The importer
deletes the lines an order lost when it is imported again, and it does so only for an order
none of whose lines anything refers to (``services.import_store._lines_in_use``, which finds
them through the indexed ``order_id``), so the check could only ever cost time. The scan log
keeps the line's id as it was, like its station and operator, without the constraint.

SQLite cannot drop a constraint, so the table is copied without it (Alembic's batch mode);
its three indexes are dropped before and made again after, exactly as the model has them
(the partial one with its predicate), not left to reflection.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK = "fk_scan_events_order_line_id_order_lines"
NOT_ACCEPTED = "outcome <> 'accepted'"  # db.models.SCAN_NOT_ACCEPTED, word for word
INDEXES = ("ix_scan_events_recorded_cover", "ix_scan_events_order", "ix_scan_events_misscans")


def _drop_indexes() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="scan_events")


def _create_indexes() -> None:
    op.create_index("ix_scan_events_recorded_cover", "scan_events",
                    ["recorded_at", "station_id", "operator_id", "outcome"])
    op.create_index("ix_scan_events_order", "scan_events", ["order_id"])
    op.create_index("ix_scan_events_misscans", "scan_events", ["outcome", "recorded_at"],
                    sqlite_where=sa.text(NOT_ACCEPTED), postgresql_where=sa.text(NOT_ACCEPTED))


def _sqlite() -> bool:
    return bool(op.get_bind().dialect.name == "sqlite")


def upgrade() -> None:
    if not _sqlite():
        op.drop_constraint(FK, "scan_events", type_="foreignkey")
        return
    _drop_indexes()
    with op.batch_alter_table("scan_events") as batch:
        batch.drop_constraint(FK, type_="foreignkey")
    _create_indexes()


def downgrade() -> None:
    if not _sqlite():
        op.create_foreign_key(FK, "scan_events", "order_lines", ["order_line_id"], ["id"])
        return
    _drop_indexes()
    with op.batch_alter_table("scan_events") as batch:
        batch.create_foreign_key(FK, "order_lines", ["order_line_id"], ["id"])
    _create_indexes()
