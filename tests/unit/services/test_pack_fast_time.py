"""The fast path's SQLite time text is the ORM's, for any aware time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite

from db.types import UTCDateTime
from workstation.services.pack_fast import sqlite_time

_DIALECT = sqlite.dialect()
_ORM = UTCDateTime().dialect_impl(_DIALECT).bind_processor(_DIALECT)

_ZONES = st.one_of(
    st.just(UTC),
    st.builds(lambda m: timezone(timedelta(minutes=m)), st.integers(-14 * 60, 14 * 60)),
)


@given(st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(9998, 12, 30),
                    timezones=_ZONES))
@example(datetime(2026, 11, 23, 8, 0, 3, tzinfo=UTC))  # no microseconds: still six digits
@example(datetime(2026, 11, 23, 7, 30, tzinfo=timezone(timedelta(hours=7))))  # Jakarta
def test_the_same_text_as_the_orm_writes(value: datetime) -> None:
    assert _ORM is not None
    assert sqlite_time(value) == _ORM(value)


def test_a_naive_time_is_refused_as_the_orm_refuses_it() -> None:
    naive = datetime(2026, 11, 23, 8, 0, 3)
    with pytest.raises(ValueError, match="naive"):
        sqlite_time(naive)
    assert _ORM is not None
    with pytest.raises(ValueError, match="naive"):
        _ORM(naive)
