from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.device_events import device_threads


@pytest.fixture(autouse=True)
def no_device_threads_left() -> Iterator[None]:
    """Every device a test starts must be stopped, its thread gone, by the end of the test."""
    yield
    left = device_threads()
    assert not left, f"device threads still running: {left}"
