"""Tell boards that figures changed: PostgreSQL LISTEN/NOTIFY (SQLite boards keep polling).

Who notifies: the triggers of migration 0006 when a pack session completes (or stops being
completed), in the station's own transaction, so the notice is delivered only if the scan
commits. (Not the report catch-up: every board refresh runs one, and a notice from it would
wake every board again, for ever.) Accuracy figures move with every scan; the board's timer
keeps refreshing those. The payload is the schema
(``current_schema()``): channels are per database, and several schemas (tests, benchmarks,
two sites) may share one; a listener ignores notices for other schemas.

:class:`BoardNotifications` listens on its own connection in a thread with a stop event and
calls ``on_change`` from that thread (``ui/`` turns it into a Qt signal). A lost connection is
retried every few seconds; meanwhile the board's timer still refreshes it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from workstation.services.reports.rollup import BOARD_CHANNEL

log = logging.getLogger(__name__)
RETRY_SECONDS = 5.0


def _conninfo(engine: Engine) -> tuple[str, str]:
    """A libpq URL for psycopg, and the schema the engine works in."""
    url = make_url(engine.url.render_as_string(hide_password=False))
    with engine.connect() as conn:
        schema = str(conn.execute(text("SELECT current_schema()")).scalar())
    return url.set(drivername="postgresql").render_as_string(hide_password=False), schema


class BoardNotifications:
    """LISTEN for changed figures until :meth:`stop`; ``on_change()`` per notice for our
    schema (bursts are the caller's to coalesce)."""

    def __init__(self, engine: Engine, on_change: Callable[[], None]) -> None:
        self._conninfo, self.schema = _conninfo(engine)
        self._on_change = on_change
        self._stop = threading.Event()
        self.listening = threading.Event()  # set once LISTEN is in place (tests wait on it)
        self._thread = threading.Thread(target=self._run, name="board-notify", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {BOARD_CHANNEL}")
                    self.listening.set()
                    while not self._stop.is_set():
                        for notice in conn.notifies(timeout=0.5):
                            if notice.payload == self.schema:
                                self._on_change()
            except psycopg.OperationalError as exc:
                self.listening.clear()
                log.info("board notifications lost (%s); retrying in %g s", exc,
                         RETRY_SECONDS)
                self._stop.wait(RETRY_SECONDS)

    def stop(self, *, wait: bool = True) -> None:
        self._stop.set()
        if wait:
            self._thread.join(timeout=5)


def listen_for_changes(engine: Engine, on_change: Callable[[], None]
                       ) -> BoardNotifications | None:
    """A listener on PostgreSQL; None on SQLite (no notifications there: boards poll)."""
    if engine.dialect.name != "postgresql":
        return None
    return BoardNotifications(engine, on_change)
