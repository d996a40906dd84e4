"""A figure's statement built once per shape of window, its values bound at each run.

Building a SELECT with SQLAlchemy and then generating the cache key of that new object cost
about 3 ms of Python per statement on a two-core station, against about 0.6 ms to run a
statement kept from before with new parameters (its cache key is memoised on the object).
A lead's report runs about fifteen such statements, so building them was most of a one-day
report's own time (``python -m bench report``). Each figure's builder still reads as the
definition it is; it is called with :func:`slots` instead of the real window -- the same
shape (station and/or operator filter or not), every value a bound parameter -- and what it
builds is kept per shape and run with :func:`params`.

A builder may only use the window's values in the statement, never decide on them in
Python (``if window.start < ...``): such a decision is a *shape* and goes into the key
(``Prebuilt.get``'s ``shape``), with any value it needs as an extra parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import datetime
from threading import Lock
from typing import Any, cast

from sqlalchemy import bindparam
from sqlalchemy.orm import Session

from workstation.services.reports.model import Window

START, END, NOW, STATION, OPERATOR = "w_start", "w_end", "w_now", "w_station", "w_operator"


def slots(window: Window) -> Window:
    """A window of ``window``'s shape whose values are bound parameters (a builder's input).
    Typed as a Window for the builders; its fields are ``BindParameter`` objects, each taking
    the type of the column it is compared with."""
    def p(name: str) -> Any:
        return bindparam(name)

    return Window(cast(datetime, p(START)), cast(datetime, p(END)), cast(datetime, p(NOW)),
                  p(STATION) if window.station_id is not None else None,
                  p(OPERATOR) if window.operator_id is not None else None, window.tz)


def params(window: Window, **extra: Any) -> dict[str, Any]:
    """The values for a statement built from :func:`slots`, and any extra parameters."""
    out: dict[str, Any] = {START: window.start, END: window.end, NOW: window.now}
    if window.station_id is not None:
        out[STATION] = window.station_id
    if window.operator_id is not None:
        out[OPERATOR] = window.operator_id
    out.update(extra)
    return out


class Prebuilt:
    """Statements from one builder, kept per (dialect, window shape, extra shape)."""

    def __init__(self, build: Callable[..., Any]) -> None:
        #: The builder itself, for another builder that builds on it (with its own slots).
        self.build = build
        self._made: dict[Hashable, Any] = {}
        self._lock = Lock()  # the report's second thread builds its own figures too

    def get(self, session: Session, window: Window, *shape: Hashable) -> Any:
        """The statement for ``window``'s shape (built on first use): ``build(slots(window),
        *shape)``. Run it with ``params(window, ...)``."""
        key = (session.get_bind().dialect.name, window.station_id is None,
               window.operator_id is None, *shape)
        made = self._made.get(key)
        if made is None:
            with self._lock:
                made = self._made.get(key)
                if made is None:
                    made = self._made[key] = self.build(slots(window), *shape)
        return made


def prebuilt(build: Callable[..., Any]) -> Prebuilt:
    """Decorator: the builder function as a :class:`Prebuilt`."""
    return Prebuilt(build)
