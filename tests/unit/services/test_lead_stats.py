"""The lead-time table's NumPy grouping (progress.lead_stats_of) gives the definition's figures
exactly: per carrier the orders, ``statistics.fmean`` of the hours to packed and of the hours to
the hand-over (over the orders handed over), and the nearest-rank p90 of ``throughput.p90``."""

from __future__ import annotations

from collections import defaultdict
from statistics import fmean

from hypothesis import given
from hypothesis import strategies as st

from workstation.services.reports.progress import lead_stats_of
from workstation.services.reports.throughput import p90

_HOURS = st.floats(0, 500, allow_nan=False)
_ROWS = st.lists(st.tuples(st.sampled_from(["JNE", "SICEPAT", "顺丰"]), _HOURS,
                           st.one_of(st.none(), _HOURS)), max_size=300)


@given(_ROWS)
def test_numpy_lead_stats_equal_the_definition(rows: list[tuple[str, float, float | None]]
                                               ) -> None:
    packed: dict[str, list[float]] = defaultdict(list)
    handed: dict[str, list[float]] = defaultdict(list)
    for carrier, to_pack, to_ship in rows:
        packed[carrier].append(to_pack)
        if to_ship is not None:
            handed[carrier].append(to_ship)
    expected = sorted(
        (c, len(h), fmean(h), p90(h), len(handed[c]), fmean(handed[c]) if handed[c] else None)
        for c, h in packed.items())
    assert sorted(lead_stats_of(list(rows))) == expected  # type: ignore[arg-type]
