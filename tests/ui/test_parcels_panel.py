"""The parcels of a multi-parcel order on the packing screen, and the scale's live reading
against the expected weight while a parcel waits to be weighed."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN
from tests.ui.conftest import Scans
from ui.packing.parcels import OUTSIDE, WITHIN
from ui.station import Station


def test_each_parcel_shows_its_box_weight_and_items(station: Station, scans: Scans,
                                                    qtbot: QtBot) -> None:
    panel = station.screen.parcels
    scans("B-OP1")
    scans("ORD-4")
    assert not panel.isVisible()  # one parcel: the lines say it all
    scans(SHIRT_EAN)
    assert scans("WEIGHT:700").outcome == "weight_set"
    info = station.context.pack.parcel_info()
    assert info is not None and info.expected_grams is not None
    assert scans("CMD:NEXT-PARCEL").outcome == "parcel_closed"
    assert panel.isVisible() and len(panel.rows) == 2
    first, second = (row.text() for row in panel.rows)
    assert first.startswith("Parcel 1") and "SHIRT ×1" in first
    assert f"box {info.box_type or info.suggested_box}" in first
    assert "0.700 kg" in first
    assert f"expected {info.expected_grams / 1000:.3f} kg ± {info.tolerance_grams} g" in first
    assert second.startswith("Parcel 2") and second.endswith("empty")
    assert "font-weight: bold" in panel.rows[1].styleSheet()  # the parcel being packed

    assert scans(MUG_CODE).outcome == "order_complete"
    assert "MUG ×1" in panel.rows[1].text() and "SHIRT" not in panel.rows[1].text()
    preview = station.screen.preview  # and a label for each parcel beside them
    assert preview is not None
    qtbot.waitUntil(lambda: len(preview.cards) == 2, timeout=10_000)
    assert [c.caption.text() for c in preview.cards] == ["Parcel 1 of 2", "Parcel 2 of 2"]
    first_label, second_label = (c.picture.image for c in preview.cards)
    assert first_label.size() == second_label.size() and first_label != second_label


def test_the_live_reading_is_green_within_tolerance_and_amber_outside(
        weighing_station: Station, qtbot: QtBot) -> None:
    station = weighing_station
    panel = station.screen.parcels
    scans = Scans(qtbot, station)
    scans("B-OP1")
    scans("ORD-4")
    scans(SHIRT_EAN)
    assert not panel.scale.isVisible()
    assert scans(MUG_CODE).outcome == "weigh_parcel"
    assert panel.isVisible() and panel.scale.isVisible()
    assert panel.rows == []  # one parcel: only the reading
    qtbot.waitUntil(lambda: "Put the parcel on the scale" in panel.scale.text(), timeout=5000)
    assert panel.within is None  # the empty platter is not a wrong weight
    info = station.context.pack.parcel_info()
    assert info is not None and info.expected_grams is not None
    expected = f"expected {info.expected_grams / 1000:.3f} kg ± {info.tolerance_grams} g"

    # Settling readings: shown live, and not yet taken as the parcel's weight.
    scans.scale.place(info.expected_grams + info.tolerance_grams + 400, settle=60)
    qtbot.waitUntil(lambda: panel.within is False, timeout=5000)
    assert expected in panel.scale.text() and "settling" in panel.scale.text()
    assert OUTSIDE[0] in panel.scale.styleSheet()
    scans.scale.place(info.expected_grams + 10, settle=60)
    qtbot.waitUntil(lambda: panel.within is True, timeout=5000)
    assert WITHIN[0] in panel.scale.styleSheet()
    assert station.model.order.weighing  # still waiting for a stable reading

    before = station.model.feedback.seq
    scans.scale.place(info.expected_grams, settle=0.1)
    qtbot.waitUntil(lambda: station.model.feedback.seq > before, timeout=5000)
    assert station.model.feedback.outcome == "order_complete"
    assert not panel.scale.isVisible()
