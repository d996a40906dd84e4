"""parcel items: a unit added to a row of an open session queues no report work

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 17:00:00

The fast scan path now adds a line's plain units to one ``parcel_items`` row per run
(``workstation.services.pack_fast.ScanWriter.add_units``) instead of a row per unit: an
UPDATE of ``quantity``, which writes no index. ``trg_report_item_update`` (migration 0006)
queued the row's session for the packed-order rollup on every such change, two more pages
(the queue's row and its index) in every scan's commit. Only a *completed* session has a fact
row to remake; an open (or parked) one is queued when it completes (``trg_report_session_update``),
and its rows are read then. So the trigger now queues the session only when it is completed:
the same fact rows, and an item scan queues nothing again.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "trg_report_item_update"
QUEUE = "INSERT INTO report_dirty_sessions (session_id)"
WHEN = "OLD.quantity IS NOT NEW.quantity OR OLD.parcel_id IS NOT NEW.parcel_id"
BEFORE = f"{QUEUE} SELECT session_id FROM parcels WHERE id IN (OLD.parcel_id, NEW.parcel_id)"
AFTER = (f"{QUEUE} SELECT p.session_id FROM parcels p JOIN pack_sessions s ON "
         "s.id = p.session_id WHERE p.id IN (OLD.parcel_id, NEW.parcel_id) "
         "AND s.status = 'completed'")


def _replace(body: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        # The trigger (and its WHEN) stays; its function's body is what changes.
        op.execute(f"CREATE OR REPLACE FUNCTION {NAME}() RETURNS trigger LANGUAGE plpgsql AS "
                   f"$$ BEGIN {body}; RETURN NULL; END $$")
        return
    op.execute(f"DROP TRIGGER IF EXISTS {NAME}")
    op.execute(f"CREATE TRIGGER {NAME} AFTER UPDATE ON parcel_items FOR EACH ROW WHEN {WHEN} "
               f"BEGIN {body}; END")


def upgrade() -> None:
    _replace(AFTER)


def downgrade() -> None:
    _replace(BEFORE)
