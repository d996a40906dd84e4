"""The throughput tables' NumPy grouping gives the definition's figures exactly: per group the
orders, units, active hours, the average as ``sum(times) / n`` adds it (to the last bit) and
the nearest-rank p90 of ``throughput.p90``."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given
from hypothesis import strategies as st

from workstation.services.reports.model import factorised
from workstation.services.reports.rolled_throughput import (
    _factorised_ids,
    _Facts,
    _row,
    _table_row,
)

_ROWS = st.lists(
    st.tuples(
        st.sampled_from([1, 2, 3, 40]),  # a key (a station id)
        st.sampled_from(["2026-11-23 08:00", "2026-11-23 09:00", "2026-11-24 08:00"]),
        st.integers(1, 500),  # units
        st.floats(0.0, 1e6, allow_nan=False, allow_infinity=False),  # seconds
    ),
    min_size=1, max_size=300,
)


@given(_ROWS)
def test_numpy_groups_equal_the_definition(rows: list[tuple[int, str, int, float]]) -> None:
    keys, hours, units, seconds = (tuple(c) for c in zip(*rows, strict=True))
    facts = _Facts(hours, units, seconds)
    codes, found = factorised(keys)
    got = sorted(_table_row(*row) for row in facts.rows(codes, found))

    times: dict[int, list[float]] = defaultdict(list)
    packed: dict[int, int] = defaultdict(int)
    active: dict[int, set[str]] = defaultdict(set)
    for key, hour, n, took in rows:
        times[key].append(took)
        packed[key] += n
        active[key].add(hour)
    expected = sorted(_row(key, times[key], packed[key], len(active[key]))  # type: ignore[arg-type]
                      for key in times)  # (a station id where the name goes: compared as is)
    assert got == expected


def test_the_total_is_one_group_of_every_row() -> None:
    import numpy as np

    hours = ("h1", "h1", "h2")
    facts = _Facts(hours, (1, 2, 3), (10.0, 30.0, 20.0))
    [row] = facts.rows(np.zeros(3, dtype=np.int64), ["all"])
    assert _table_row(*row) == _row("all", [10.0, 30.0, 20.0], 6, 2)


@given(st.lists(st.one_of(st.integers(0, 50), st.none()), min_size=1, max_size=200))
def test_ids_group_as_the_general_factorisation_does(ids: list[int | None]) -> None:
    codes, keys = _factorised_ids(tuple(ids))
    # Every row's group is its own id, whichever way the groups were numbered.
    assert [keys[c] for c in codes.tolist()] == ids
    assert sorted(keys, key=str) == sorted(set(ids), key=str)


@given(_ROWS)
def test_many_cells_count_active_hours_as_few_cells_do(
        rows: list[tuple[int, str, int, float]]) -> None:
    """Past ``_DENSE_CELLS`` (group, hour) cells the active hours are found by ``unique``, not
    a dense array: the same figures."""
    from workstation.services.reports import rolled_throughput

    keys, hours, units, seconds = (tuple(c) for c in zip(*rows, strict=True))
    facts = _Facts(hours, units, seconds)
    codes, found = factorised(keys)
    dense = facts.rows(codes, found)
    before = rolled_throughput._DENSE_CELLS
    rolled_throughput._DENSE_CELLS = 0
    try:
        sparse = facts.rows(codes, found)
    finally:
        rolled_throughput._DENSE_CELLS = before
    assert sparse == dense
