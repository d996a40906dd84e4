"""``python -m bench ui`` says which kind of scan makes the tail, and where its time goes."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bench._ui_pack import PackRun, ScanTiming


def test_scans_are_summed_up_by_kind_and_phase() -> None:
    timings = [ScanTiming("open", 0.001, 0.004, 0.005 + i / 1000) for i in range(10)]
    timings += [ScanTiming("item", 0.0005, 0.001, 0.002) for _ in range(30)]
    timings += [ScanTiming("complete", 0.0005, 0.010, 0.003)]
    timings += [ScanTiming("sign_in", 0.0, 0.050, 0.0)]  # counted in no kind
    figures = PackRun.by_kind(SimpleNamespace(timings=timings))  # type: ignore[arg-type]
    assert (figures["open_count"], figures["item_count"], figures["complete_count"]) == (10, 30, 1)
    # Nearest rank over 10..19 ms: p50 the 6th (15 ms), p99 the 10th (19 ms).
    assert figures["open_p50_ms"] == pytest.approx(15)
    assert figures["open_p99_ms"] == pytest.approx(19)
    assert figures["open_gui_p99_ms"] == pytest.approx(14)
    assert figures["open_service_p50_ms"] == pytest.approx(4)
    assert figures["item_wait_p50_ms"] == pytest.approx(0.5)
    assert figures["complete_service_p99_ms"] == pytest.approx(10)
    assert not any(key.startswith("sign_in") for key in figures)
