"""reports/prebuilt.py: one statement per window shape, the values bound at each run."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from db.models import ScanEvent
from workstation.services.reports.model import Window
from workstation.services.reports.prebuilt import Prebuilt, params, slots

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)


def _window(day: int, station: int | None = None) -> Window:
    return Window.for_dates(date(2026, 3, day), date(2026, 3, day), NOW, station_id=station)


def _build(window: Window) -> object:
    query = select(ScanEvent.id).where(ScanEvent.recorded_at >= window.start,
                                       ScanEvent.recorded_at < window.end)
    if window.station_id is not None:
        query = query.where(ScanEvent.station_id == window.station_id)
    return query


def test_one_statement_per_shape_not_per_window() -> None:
    built = Prebuilt(_build)
    with Session(create_engine("sqlite://")) as session:
        first = built.get(session, _window(1))
        assert built.get(session, _window(2)) is first  # other days, same shape
        by_station = built.get(session, _window(1, station=7))
        assert by_station is not first
        assert built.get(session, _window(3, station=9)) is by_station


def test_the_values_are_parameters_of_the_window_run() -> None:
    window = _window(2, station=7)
    values = params(window, w_extra=1)
    assert values == {"w_start": window.start, "w_end": window.end, "w_now": NOW,
                      "w_station": 7, "w_extra": 1}
    assert "w_station" not in params(_window(2))
    shape = slots(window)
    assert shape.station_id is not None and shape.operator_id is None
    sql = str(_build(shape))
    assert ":w_start" in sql and ":w_station" in sql  # bound, not the values
