"""scan events: three fewer index entries per accepted scan

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 20:00:00

Every index on ``scan_events`` is one more page an item scan writes and syncs in its commit
(the WAL frames per accepted item scan: 7.9 with all five, 4.3 without the three report
indexes). The reports read scan events through their hourly rollup now, so two of the indexes
made for them cost every scan more than they save a lead, and one served nothing:

- ``ix_scan_events_station_recorded`` (station, time): a window's scans of one station are
  found in ``ix_scan_events_recorded_cover`` (time, station, operator, outcome) as well, by
  reading the window's entries of every station in the index alone;
- ``ix_scan_events_outcome_recorded`` (outcome, time) served the mis-scan report and the
  drill-down to wrong items and over-scans. It becomes ``ix_scan_events_misscans``, partial:
  only scans whose outcome is not ``accepted``, so the commonest scan of all adds nothing to
  it. The queries that use it spell the predicate with a literal
  (``reports.accuracy.not_accepted``), so SQLite and PostgreSQL see that it applies;
- ``ix_scan_events_session``: no query looks scan events up by session (the desk and
  ``order show`` find them by order), and pack sessions are never deleted, so no foreign-key
  check needs it either.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# db.models.SCAN_NOT_ACCEPTED, word for word.
NOT_ACCEPTED = "outcome <> 'accepted'"


def upgrade() -> None:
    op.drop_index("ix_scan_events_session", table_name="scan_events")
    op.drop_index("ix_scan_events_station_recorded", table_name="scan_events")
    op.drop_index("ix_scan_events_outcome_recorded", table_name="scan_events")
    op.create_index("ix_scan_events_misscans", "scan_events", ["outcome", "recorded_at"],
                    sqlite_where=sa.text(NOT_ACCEPTED), postgresql_where=sa.text(NOT_ACCEPTED))


def downgrade() -> None:
    op.drop_index("ix_scan_events_misscans", table_name="scan_events")
    op.create_index("ix_scan_events_outcome_recorded", "scan_events", ["outcome", "recorded_at"])
    op.create_index("ix_scan_events_station_recorded", "scan_events",
                    ["station_id", "recorded_at"])
    op.create_index("ix_scan_events_session", "scan_events", ["session_id"])
