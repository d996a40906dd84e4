"""The scan that opens an order brings its parcel's box and weight check in its result (SQLite
and PostgreSQL), so the screen need not read them back in a transaction of its own."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from devices.scan import ScanInput
from tests.helpers.catalogue import SHIRT_EAN, seed
from tests.helpers.clock import TickingClock
from workstation.domain.outcomes import Outcome
from workstation.services.pack import PackService
from workstation.settings import Settings


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"weight_check": True, "weight_tolerance_grams": 75},
        # Boxes of this station's own, the larger listed first: the smallest is suggested.
        {
            "boxes": (
                {
                    "name": "HUGE",
                    "length_mm": 900,
                    "width_mm": 900,
                    "height_mm": 900,
                    "tare_grams": 900,
                },
                {
                    "name": "TINY",
                    "length_mm": 100,
                    "width_mm": 100,
                    "height_mm": 50,
                    "tare_grams": 20,
                },
            ),
            "weight_check": True,
            "weight_tolerance_percent": 10.0,
        },
    ],
)
def test_the_opening_scan_brings_what_parcel_info_reads(
    session_factory: sessionmaker[Session], overrides: dict[str, object]
) -> None:
    seed(session_factory)
    settings = Settings(
        station="ST-P", slip_format="none", label_printer="file:///nonexistent/", **overrides
    )  # type: ignore[arg-type]
    service = PackService(session_factory, settings, clock=TickingClock())
    service.sign_in("op1")
    opened = service.handle_scan(ScanInput(text="ORD-1", source="test"))
    assert opened.outcome is Outcome.ORDER_OPENED
    assert opened.parcel is not None, "the fast open knows its (empty) parcel"
    assert opened.parcel == service.parcel_info()
    # A scan that did not bring it leaves the screen to ask.
    item = service.handle_scan(ScanInput(text=SHIRT_EAN, source="test"))
    assert item.outcome is Outcome.ACCEPTED and item.parcel is None
