from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from devices.scan import ScanInput, ScanRejected
from devices.wedge import WedgeDecision, WedgeDetector

MAX = 0.03
keys = st.characters(blacklist_categories=("Cc", "Cs"))
scan_text = st.text(alphabet=keys, min_size=4, max_size=60).filter(lambda t: not t.startswith("]"))


def run(
    detector: WedgeDetector, presses: list[tuple[str, float]]
) -> tuple[list[str], list[ScanInput | ScanRejected], list[WedgeDecision]]:
    """Feed key presses; return what reached the focused widget, the scans, and the decisions."""
    delivered: list[str] = []
    scans: list[ScanInput | ScanRejected] = []
    decisions = []
    for text, at in presses:
        decision = detector.key(text, at)
        decisions.append(decision)
        delivered += decision.release
        if not decision.swallow:
            delivered.append(text)
        if decision.scan:
            scans.append(decision.scan)
    last = presses[-1][1] if presses else 0.0
    final = detector.timeout(last + 1.0)
    delivered += final.release
    if final.scan:
        scans.append(final.scan)
    return delivered, scans, decisions


def timed(texts: str, start: float, intervals: list[float]) -> list[tuple[str, float]]:
    out, at = [], start
    for text, interval in zip(texts, intervals, strict=True):
        at += interval
        out.append((text, at))
    return out


@given(scan_text, st.lists(st.floats(0.0005, MAX), min_size=61, max_size=61))
def test_a_fast_burst_ending_in_enter_is_always_a_scan_and_reaches_no_field(
    text: str, intervals: list[float]
) -> None:
    presses = timed(text + "\r", 10.0, intervals[: len(text) + 1])
    delivered, scans, decisions = run(WedgeDetector("wedge", max_key_interval=MAX), presses)
    assert delivered == []
    assert all(d.swallow for d in decisions)
    assert len(scans) == 1 and isinstance(scans[0], ScanInput)
    assert (scans[0].text, scans[0].source) == (text, "wedge")


@given(
    st.text(alphabet=keys | st.just("\r"), min_size=1, max_size=40),
    st.lists(st.floats(MAX * 1.01, 2.0), min_size=40, max_size=40),
)
def test_slow_typing_is_never_a_scan_and_every_key_arrives_in_order(
    typed: str, intervals: list[float]
) -> None:
    presses = timed(typed, 10.0, intervals[: len(typed)])
    delivered, scans, _ = run(WedgeDetector(max_key_interval=MAX), presses)
    assert scans == []
    assert "".join(delivered) == typed


def test_typing_then_a_scan_keeps_both_apart() -> None:
    presses = [("q", 1.0), ("t", 1.2), *timed("4006381333931\r", 2.0, [0.008] * 14)]
    delivered, scans, _ = run(WedgeDetector(max_key_interval=MAX), presses)
    assert delivered == ["q", "t"]
    assert [s.text for s in scans if isinstance(s, ScanInput)] == ["4006381333931"]


def test_held_keys_are_released_at_the_deadline() -> None:
    detector = WedgeDetector(max_key_interval=MAX)
    assert detector.deadline is None
    first = detector.key("a", 5.0)
    assert first.swallow and first.release == ()
    assert detector.deadline == 5.0 + MAX
    assert detector.timeout(5.01) == WedgeDecision()  # too early: could still be a burst
    assert detector.timeout(5.05).release == ("a",)
    assert detector.deadline is None


def test_two_quick_keys_of_a_person_are_released_not_scanned() -> None:
    # Rolling two keys can be faster than a scanner; four in a row and Enter cannot.
    detector = WedgeDetector(max_key_interval=MAX, min_length=4)
    delivered, scans, _ = run(detector, [("o", 1.0), ("k", 1.01), ("\r", 1.02)])
    assert delivered == ["o", "k", "\r"]
    assert scans == []


def test_a_burst_without_enter_is_rejected_with_the_setting_to_change() -> None:
    presses = timed("12345678", 1.0, [0.005] * 8)
    delivered, scans, _ = run(WedgeDetector(max_key_interval=MAX), presses)
    assert delivered == []
    assert isinstance(scans[0], ScanRejected) and "Enter" in scans[0].reason


def test_a_scanner_without_enter_is_read_by_the_pause() -> None:
    presses = timed("12345678", 1.0, [0.005] * 8)
    _, scans, _ = run(WedgeDetector(max_key_interval=MAX, terminator=""), presses)
    assert [s.text for s in scans if isinstance(s, ScanInput)] == ["12345678"]


def test_prefix_suffix_and_aim_identifier_are_taken_off() -> None:
    detector = WedgeDetector(max_key_interval=MAX, prefix="#", suffix="$")
    _, scans, _ = run(detector, timed("#]E05901234123457$\r", 1.0, [0.004] * 19))
    scan = scans[0]
    assert isinstance(scan, ScanInput)
    assert (scan.symbology, scan.text) == ("]E0", "5901234123457")
    _, lost, _ = run(detector, timed("]E05901234123457$\r", 3.0, [0.004] * 18))
    assert isinstance(lost[0], ScanRejected) and "prefix" in lost[0].reason


def test_modifier_keys_pass_and_do_not_break_a_burst() -> None:
    detector = WedgeDetector(max_key_interval=MAX)
    presses = [("A", 1.0), ("", 1.02), ("B", 1.01), ("C", 1.02), ("D", 1.03), ("\r", 1.04)]
    delivered, scans, decisions = run(detector, presses)
    assert decisions[1] == WedgeDecision()
    assert delivered == [""]
    assert [s.text for s in scans if isinstance(s, ScanInput)] == ["ABCD"]
