"""The pack verifier's decisions, without a database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from workstation.domain.barcodes import interpret
from workstation.domain.outcomes import Outcome, Severity, severity
from workstation.domain.pack import (
    LineState,
    PackState,
    Pending,
    ProductMatch,
    ResolvedScan,
    decide,
    enter_quantity,
)

TODAY = date(2026, 11, 23)
SHIRT = ProductMatch(1, "SHIRT", "T-shirt")
SHIRT_CASE = ProductMatch(1, "SHIRT", "T-shirt", pack_quantity=6)
PHONE = ProductMatch(2, "PHONE", "Phone")
MILK = ProductMatch(3, "MILK", "Milk powder")
MUG = ProductMatch(4, "MUG", "Mug")


def state(**overrides: object) -> PackState:
    lines = (
        LineState(10, 1, 1, "SHIRT", "T-shirt", ordered=8, quantity_entry=True),
        LineState(11, 2, 2, "PHONE", "Phone", ordered=2, serial_tracked=True),
        LineState(12, 3, 3, "MILK", "Milk powder", ordered=1, lot_tracked=True),
    )
    return replace(PackState("ORD-1", lines), **overrides)  # type: ignore[arg-type]


def scan(code: str, product: ProductMatch | None, **kw: object) -> ResolvedScan:
    return ResolvedScan(interpret(code), product, **kw)  # type: ignore[arg-type]


def test_accepted_counts_one_and_names_the_line() -> None:
    d = decide(state(), scan("5901234123457", SHIRT), TODAY)
    assert d.outcome is Outcome.ACCEPTED
    assert (d.line_id, d.quantity) == (10, 1)
    assert d.state.line(10).scanned == 1
    assert d.params["scanned"] == 1 and d.params["ordered"] == 8


def test_an_accepted_unit_changes_its_line_count_and_nothing_else() -> None:
    # Every field given a value unlike its default, so a field the accepting code drops or
    # moves (it builds the line positionally) shows.
    line = LineState(10, 7, 1, "SHIRT", "T-shirt", ordered=8, scanned=2, short=1,
                     serial_tracked=False, lot_tracked=False, quantity_entry=True, fragile=True)
    other = LineState(11, 8, 2, "PHONE", "Phone", ordered=2)
    before = PackState("ORD-1", (line, other))
    d = decide(before, scan("5901234123457", SHIRT), TODAY)
    assert d.outcome is Outcome.ACCEPTED
    assert d.state.lines == (replace(line, scanned=3), other)
    assert d.state.lines[1] is other


def test_case_barcode_counts_its_pack_quantity() -> None:
    d = decide(state(), scan("15901234123454", SHIRT_CASE), TODAY)
    assert d.outcome is Outcome.ACCEPTED
    assert d.quantity == 6


def test_case_that_would_exceed_the_line_is_an_over_scan_and_holds() -> None:
    s = state().with_line(replace(state().line(10), scanned=4))
    d = decide(s, scan("15901234123454", SHIRT_CASE), TODAY)
    assert d.outcome is Outcome.OVER_SCAN
    assert d.quantity == 0
    assert d.state.pending == Pending(need="ack", code="15901234123454",
                                      outcome="over_scan", line_id=10)


def test_wrong_item_holds_until_scanned_back_out() -> None:
    d = decide(state(), scan("INT-MUG", MUG), TODAY)
    assert d.outcome is Outcome.WRONG_ITEM
    assert severity(d.outcome) is Severity.ERROR
    held = d.state
    # Anything else is refused while the error holds the screen.
    again = decide(held, scan("5901234123457", SHIRT), TODAY)
    assert again.outcome is Outcome.ACKNOWLEDGE_FIRST
    assert again.quantity == 0
    cleared = decide(held, scan("INT-MUG", MUG), TODAY)
    assert cleared.outcome is Outcome.ERROR_CLEARED
    assert cleared.state.pending is None


def test_a_lead_badge_overrides_a_held_error() -> None:
    held = decide(state(), scan("INT-MUG", MUG), TODAY).state
    d = decide(held, scan("B-LEAD1", None, lead_name="Lead"), TODAY)
    assert d.outcome is Outcome.LEAD_OVERRIDE
    assert d.state.pending is None


def test_unknown_barcode_is_amber_and_does_not_hold() -> None:
    d = decide(state(), scan("NO-SUCH", None), TODAY)
    assert d.outcome is Outcome.UNKNOWN_BARCODE
    assert severity(d.outcome) is Severity.ATTENTION
    assert d.state.pending is None


def test_serial_tracked_item_asks_for_the_serial_then_takes_it() -> None:
    d = decide(state(), scan("4006381333931", PHONE), TODAY)
    assert d.outcome is Outcome.NEEDS_SERIAL
    assert d.quantity == 0
    # The item barcode again is not a serial.
    again = decide(d.state, scan("4006381333931", PHONE), TODAY)
    assert again.outcome is Outcome.NEEDS_SERIAL
    took = decide(d.state, scan("SN-0001", None), TODAY)
    assert took.outcome is Outcome.ACCEPTED
    assert (took.serial, took.quantity) == ("SN-0001", 1)


def test_gs1_serial_in_the_same_scan_needs_no_second_scan() -> None:
    d = decide(state(), scan("0104006381333931" + "21SN-9", PHONE), TODAY)
    assert d.outcome is Outcome.ACCEPTED
    assert d.serial == "SN-9"


def test_a_serial_already_packed_is_refused() -> None:
    d = decide(state(), scan("0104006381333931" + "21SN-9", PHONE, serial_used_in="ORD-0"),
               TODAY)
    assert d.outcome is Outcome.DUPLICATE_SERIAL
    assert d.quantity == 0


def test_lot_tracked_item_needs_the_lot_and_refuses_an_expired_one() -> None:
    d = decide(state(), scan("8712345678906", MILK), TODAY)
    assert d.outcome is Outcome.NEEDS_LOT
    expired = decide(d.state, scan("0108712345678906" + "17251231" + "10L9", MILK), TODAY)
    assert expired.outcome is Outcome.LOT_EXPIRED
    assert expired.quantity == 0
    good = decide(d.state, scan("LOT-42", None), TODAY)
    assert good.outcome is Outcome.ORDER_COMPLETE or good.outcome is Outcome.ACCEPTED
    assert good.lot == "LOT-42"


def test_expired_gs1_item_is_refused_straight_away() -> None:
    d = decide(state(), scan("0108712345678906" + "17251231" + "10L9", MILK), TODAY)
    assert d.outcome is Outcome.LOT_EXPIRED


def test_the_last_unit_completes_the_order() -> None:
    s = state()
    for line in s.lines:
        s = s.with_line(replace(line, scanned=line.ordered))
    s = s.with_line(replace(s.line(10), scanned=7))
    d = decide(s, scan("5901234123457", SHIRT), TODAY)
    assert d.outcome is Outcome.ORDER_COMPLETE
    assert d.state.complete


def test_remove_mode_takes_one_unit_out_once() -> None:
    s = state().with_line(replace(state().line(10), scanned=3))
    s = replace(s, pending=Pending(need="mode", mode="remove"))
    d = decide(s, scan("5901234123457", SHIRT), TODAY)
    assert d.outcome is Outcome.REMOVED
    assert d.quantity == -1
    assert d.state.line(10).scanned == 2
    assert d.state.pending is None


def test_short_mode_shorts_the_rest_of_the_line_with_its_reason() -> None:
    s = replace(state(), pending=Pending(need="mode", mode="short", reason="out of stock"))
    d = decide(s, scan("5901234123457", SHIRT), TODAY)
    assert d.outcome is Outcome.SHORTED
    assert (d.short, d.reason) == (8, "out of stock")
    assert d.state.line(10).remaining == 0


def test_damaged_mode_records_without_counting() -> None:
    s = replace(state(), pending=Pending(need="mode", mode="damaged", reason="crushed"))
    d = decide(s, scan("5901234123457", SHIRT), TODAY)
    assert d.outcome is Outcome.DAMAGED_RECORDED
    assert (d.damaged, d.quantity) == (1, 0)


def test_quantity_entry_only_on_flagged_lines() -> None:
    assert enter_quantity(state(), 10, 5).outcome is Outcome.ACCEPTED
    assert enter_quantity(state(), 11, 1).outcome is Outcome.QUANTITY_NOT_ALLOWED
    assert enter_quantity(state(), 10, 9).outcome is Outcome.OVER_SCAN


def test_pending_survives_a_json_round_trip() -> None:
    p = Pending(need="serial", line_id=11, quantity=3)
    assert Pending.from_json(p.to_json()) == p
    assert Pending.from_json(None) is None


@given(st.lists(st.sampled_from(["shirt", "case", "mug", "unknown", "ack"]), max_size=60))
def test_no_line_is_ever_over_counted(moves: list[str]) -> None:
    """Whatever is scanned, no line counts more than ordered and the held error holds."""
    s = PackState("ORD-1", (LineState(10, 1, 1, "SHIRT", "T-shirt", ordered=8),))
    codes = {"shirt": ("5901234123457", SHIRT), "case": ("15901234123454", SHIRT_CASE),
             "mug": ("INT-MUG", MUG), "unknown": ("NOPE", None)}
    for move in moves:
        if move == "ack":
            code = s.pending.code if s.pending and s.pending.code else "NOPE"
            product = next((p for c, p in codes.values() if c == code), None)
        else:
            code, product = codes[move]
        before = s
        d = decide(s, scan(code, product), TODAY)
        if before.pending is not None and before.pending.need == "ack":
            assert d.quantity == 0
        s = d.state
        assert 0 <= s.line(10).scanned <= 8
