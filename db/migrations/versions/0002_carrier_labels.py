"""carrier-supplied labels and tracking numbers on orders

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 10:55:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        # A label the carrier (or marketplace) made for the order: printed byte for byte.
        batch.add_column(sa.Column("carrier_label", sa.LargeBinary(), nullable=True))
        batch.add_column(sa.Column("carrier_label_format", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("carrier_tracking_number", sa.String(length=64),
                                   nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("carrier_tracking_number")
        batch.drop_column("carrier_label_format")
        batch.drop_column("carrier_label")
