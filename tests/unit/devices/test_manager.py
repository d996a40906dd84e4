from __future__ import annotations

from decimal import Decimal

import pytest

from devices import (
    DeviceManager,
    DeviceStatus,
    DeviceUrlError,
    LinkState,
    ScanInput,
    SimScale,
    SimScanner,
    WeightReading,
)
from tests.helpers.device_events import EventLog


def test_events_of_every_device_reach_every_subscriber_and_health_follows() -> None:
    first, second = EventLog(), EventLog()
    with DeviceManager() as manager:
        manager.subscribe(first)
        unsubscribe = manager.subscribe(second)
        scanner = manager.open("sim://scanner")
        scale = manager.open("sim://scale")
        assert isinstance(scanner.link, SimScanner) and isinstance(scale.link, SimScale)
        first.wait_state(LinkState.CONNECTED, count=2)
        scanner.link.scan("4006381333931")
        first.wait_count(ScanInput, 1)
        second.wait_count(ScanInput, 1)
        unsubscribe()
        scale.link.place(Decimal(1200), settle=0)
        first.wait_for(lambda log: any(r.grams == 1200.0 for r in log.of(WeightReading)))
        assert not any(r.grams == 1200.0 for r in second.of(WeightReading))
        scanner.link.unplug()
        first.wait_for(
            lambda log: any(s.state is LinkState.DISCONNECTED for s in log.of(DeviceStatus))
        )
        health = {h.url: h for h in manager.health()}
    assert health["sim://scanner"].kind == "scanner"
    assert not health["sim://scanner"].connected
    assert "unplugged" in (health["sim://scanner"].last_error or "")
    assert health["sim://scanner"].last_event_at is not None
    assert health["sim://scale"].kind == "scale" and health["sim://scale"].connected
    assert health["sim://scale"].last_error is None


def test_health_counts_reconnects() -> None:
    log = EventLog()
    with DeviceManager() as manager:
        manager.subscribe(log)
        link = manager.open("sim://scanner").link
        assert isinstance(link, SimScanner)
        log.wait_state(LinkState.CONNECTED)
        link.unplug()
        log.wait_state(LinkState.DISCONNECTED)
        link.plug()
        log.wait_state(LinkState.CONNECTED, count=2)
        [health] = manager.health()
    assert health.connected and health.reconnects == 1


def test_open_refuses_bad_urls_and_duplicates_and_close_stops_one_device() -> None:
    with DeviceManager() as manager:
        with pytest.raises(DeviceUrlError, match="unknown option"):
            manager.open("sim://scanner?bad=1")
        manager.open("sim://scanner")
        with pytest.raises(ValueError, match="open already"):
            manager.open(" sim://scanner")
        manager.close("sim://scanner")
        manager.open("sim://scanner")  # again, after closing
