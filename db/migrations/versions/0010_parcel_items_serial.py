"""parcel items: a serial number found by its own index

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 15:00:00

Whether a scanned serial number was packed before was answered by walking every order line of
the product and each line's parcel items (``ix_order_lines_product_id``, then
``ix_parcel_items_order_line_id``): a look-up that grows with the product's history, in the
transaction of every serial-tracked scan. ``ix_parcel_items_serial`` finds it directly. It is
partial (only units that have a serial), so the units without one, nearly every scan, write
nothing to it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# db.models.HAS_SERIAL, word for word.
HAS_SERIAL = "serial IS NOT NULL"


def upgrade() -> None:
    op.create_index("ix_parcel_items_serial", "parcel_items", ["serial"],
                    sqlite_where=sa.text(HAS_SERIAL), postgresql_where=sa.text(HAS_SERIAL))


def downgrade() -> None:
    op.drop_index("ix_parcel_items_serial", table_name="parcel_items")
