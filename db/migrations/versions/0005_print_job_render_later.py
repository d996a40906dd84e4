"""print jobs may be written without bytes (a document that could not be rendered when packed)

Revision ID: 0005
Revises: 0004r
Create Date: 2026-11-23 13:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004r"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # SQLite copies the table (batch mode); db.migrate turns its foreign key checks off for
    # that and checks every link before the commit.
    with op.batch_alter_table("print_jobs") as batch:
        batch.alter_column("data", existing_type=sa.LargeBinary(), nullable=True)


def downgrade() -> None:
    # Jobs whose bytes were never rendered cannot be kept (nor a reprint pointing at them).
    op.execute("DELETE FROM print_jobs WHERE reprint_of_id IN "
               "(SELECT id FROM print_jobs WHERE data IS NULL)")
    op.execute("DELETE FROM print_jobs WHERE data IS NULL")
    with op.batch_alter_table("print_jobs") as batch:
        batch.alter_column("data", existing_type=sa.LargeBinary(), nullable=False)
