"""The parcel's weight from the scale, checked against items + box: a stable reading on the
simulated scale is the operator's answer; out of tolerance holds the label until the parcel is
weighed again or a lead releases it with a reason."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.helpers.catalogue import MUG_CODE, SHIRT_EAN
from tests.ui.conftest import Scans
from ui.packing.state import Tone
from ui.station import Station


def wait_answer(qtbot: QtBot, station: Station, before: int) -> None:
    qtbot.waitUntil(lambda: station.model.feedback.seq > before, timeout=5000)


def test_the_scale_weighs_the_parcel_and_out_of_tolerance_holds_it(
        weighing_station: Station, qtbot: QtBot) -> None:
    station = weighing_station
    scans = Scans(qtbot, station)
    scans("B-OP1")
    opened = scans("ORD-4")
    assert "box S" in station.screen.summary.text()  # the suggested box, from the start
    assert opened.outcome == "order_opened"
    scans(SHIRT_EAN)
    weigh = scans(MUG_CODE)
    assert (weigh.outcome, weigh.tone) == ("weigh_parcel", Tone.ATTENTION)
    assert station.model.order.weighing
    assert "scale" in weigh.hint
    assert "expected" in station.screen.summary.text()

    before = station.model.feedback.seq
    scans.scale.place(5_000, settle=0.1)  # far too heavy: something else is in the box
    wait_answer(qtbot, station, before)
    heavy = station.model.feedback
    assert (heavy.outcome, heavy.tone) == ("weight_out_of_tolerance", Tone.ERROR)
    assert "5000" in heavy.text
    assert station.model.weight is not None and station.model.weight.stable

    info = station.context.pack.parcel_info()
    assert info is not None and info.expected_grams
    before = station.model.feedback.seq
    scans.scale.place(info.expected_grams + 10, settle=0.1)  # rechecked: now it is right
    wait_answer(qtbot, station, before)
    assert station.model.feedback.outcome == "order_complete"
    assert not station.model.order.weighing


def test_a_lead_releases_an_out_of_tolerance_parcel_with_a_reason(
        weighing_station: Station, qtbot: QtBot) -> None:
    station = weighing_station
    scans = Scans(qtbot, station)
    scans("B-OP1")
    scans("ORD-1")
    scans(SHIRT_EAN)
    scans(SHIRT_EAN)
    before = station.model.feedback.seq
    scans.scale.place(9_000, settle=0.1)
    wait_answer(qtbot, station, before)
    assert station.model.feedback.outcome == "weight_out_of_tolerance"
    lead = scans("B-LEAD1")
    assert lead.outcome == "release_reason_needed"
    assert "reason" in lead.hint
    done = scans("CMD:REASON:SCALE_FAULT")
    assert (done.outcome, done.tone) == ("order_complete", Tone.OK)
