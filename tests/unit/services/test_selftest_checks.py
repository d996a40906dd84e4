"""The self-test's diagnosis: each keyboard trap, a missing suffix, the scale, the shift."""

from __future__ import annotations

from datetime import datetime

import pytest

from devices.layout import GS, apply_traps, trap_combinations
from workstation.services.selftest_checks import (
    SHEET_CODES,
    ScaleCheck,
    check_rejected_scan,
    check_scan,
    shift_of,
)

ENTRIES = {e.key: e for e in SHEET_CODES}
TRAPS = {traps[0].name: traps for traps in trap_combinations() if len(traps) == 1}


def test_an_intact_scan_of_every_code_passes() -> None:
    for entry in SHEET_CODES:
        assert check_scan(entry, entry.data).ok, entry.key


def test_the_sheet_holds_the_characters_layouts_get_wrong() -> None:
    everything = "".join(e.data for e in SHEET_CODES)
    for char in "@#[]{}<>|\\~^_'\"/yzYZ0123456789" + GS:
        assert char in everything, char
    assert any(c.islower() for c in everything) and any(c.isupper() for c in everything)
    assert ENTRIES["gs1"].gs1 and GS in ENTRIES["gs1"].data


@pytest.mark.parametrize(("key", "trap"), [
    ("gs1", "gs-lost"), ("layout", "gs-lost"), ("letters", "qwertz"), ("layout", "qwertz"),
    ("symbols", "qwertz"), ("punctuation", "qwertz"), ("punctuation", "azerty"),
    ("letters", "azerty"), ("digits", "azerty"), ("symbols", "uk"), ("letters", "capslock"),
    ("digits", "numlock"),
])
def test_a_trap_applied_to_a_code_is_named(key: str, trap: str) -> None:
    entry = ENTRIES[key]
    received = apply_traps(TRAPS[trap], entry.data)
    assert received != entry.data
    verdict = check_scan(entry, received)
    assert not verdict.ok
    assert verdict.problems == (trap,)
    assert verdict.remedy


def test_two_codes_run_together_mean_the_suffix_is_missing() -> None:
    first, second = SHEET_CODES[0], SHEET_CODES[1]
    verdict = check_scan(first, first.data + second.data)
    assert verdict.problems == ("suffix-missing",) and not verdict.ok


def test_a_rejected_scan_means_the_suffix_is_missing() -> None:
    verdict = check_rejected_scan(ENTRIES["suffix"], "no suffix within 0.1 s")
    assert verdict.problems == ("suffix-missing",)


def test_anything_else_says_where_it_differs() -> None:
    verdict = check_scan(ENTRIES["digits"], "01234X6789")
    assert verdict.problems == ("other",) and "character 6" in verdict.detail


def test_scale_must_read_zero_then_settle_on_the_test_weight() -> None:
    check = ScaleCheck(1000, tolerance_grams=5)
    assert check.feed(350.0, True).phase == "zero"  # something left on it
    assert check.feed(0.4, True).phase == "place"
    assert check.feed(980.0, False).phase == "settling"
    verdict = check.feed(1002.0, True)
    assert verdict.phase == "done" and verdict.ok and verdict.grams == 1002.0


def test_a_scale_off_by_more_than_the_tolerance_fails() -> None:
    check = ScaleCheck(1000, tolerance_grams=5)
    check.feed(0.0, True)
    verdict = check.feed(1012.0, True)
    assert verdict.phase == "failed" and not verdict.ok and "+12" in verdict.detail


@pytest.mark.parametrize(("hour", "expected"), [
    (6, "2026-11-23/early"), (13, "2026-11-23/early"), (14, "2026-11-23/late"),
    (22, "2026-11-23/night"), (3, "2026-11-22/night"),
])
def test_shift_of_local_time(hour: int, expected: str) -> None:
    assert shift_of(datetime(2026, 11, 23, hour, 30)) == expected
