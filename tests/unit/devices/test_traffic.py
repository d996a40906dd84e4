from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from devices import LinkState, ScanInput, log_traffic_to, open_scanner, stop_traffic_log
from devices.sim import SimScanner
from tests.helpers.device_events import EventLog


@pytest.fixture
def traffic_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "logs"
    stop_traffic_log()


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_raw_traffic_goes_to_its_own_file_and_not_to_the_app_log(traffic_dir: Path) -> None:
    path = log_traffic_to(traffic_dir, max_bytes=10_000, backup_count=2)
    app_log = Collect()  # what the application's log handler, on the root logger, would see
    root = logging.getLogger()
    root.addHandler(app_log)
    log = EventLog()
    try:
        device = open_scanner("sim://scanner", log)
        assert isinstance(device.link, SimScanner)
        with device:
            log.wait_state(LinkState.CONNECTED)
            device.link.scan("4006381333931", "]E0")
            log.wait_count(ScanInput, 1)
    finally:
        root.removeHandler(app_log)
    text = path.read_text()
    assert "sim://scanner < b']E04006381333931\\r'" in text
    assert not [r for r in app_log.records if r.name == "devices.traffic"]


def test_without_a_file_traffic_is_not_even_formatted(traffic_dir: Path) -> None:
    assert not logging.getLogger("devices.traffic").isEnabledFor(logging.DEBUG)
    log_traffic_to(traffic_dir)
    assert logging.getLogger("devices.traffic").isEnabledFor(logging.DEBUG)
