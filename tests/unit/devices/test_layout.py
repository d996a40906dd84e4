from __future__ import annotations

import pytest

from devices.layout import LAYOUT_TEST_TEXT, apply_traps, diagnose_layout, trap_combinations


def test_an_intact_test_scan_has_no_diagnosis() -> None:
    assert diagnose_layout(LAYOUT_TEST_TEXT, LAYOUT_TEST_TEXT) is None


@pytest.mark.parametrize(
    ("received", "traps"),
    [
        ("Qz1y-A@9m/", ("gs-lost",)),
        ("Qzy-A@\x1dm/", ("numlock",)),
        ('Qy1zßA"9\x1dm-', ("qwertz",)),
        ("Aw&y)Q2ç\x1d,!", ("azerty",)),
        ('Qz1y-A"9\x1dm/', ("uk",)),
        ("qZ1Y-a@9\x1dM/", ("capslock",)),
        ('Qy1zßA"9m-', ("gs-lost", "qwertz")),
    ],
)
def test_each_trap_is_named(received: str, traps: tuple[str, ...]) -> None:
    diagnosis = diagnose_layout(LAYOUT_TEST_TEXT, received)
    assert diagnosis is not None
    assert diagnosis.traps == traps
    assert diagnosis.remedy


def test_the_test_text_tells_every_trap_and_pair_of_traps_apart() -> None:
    results = [apply_traps(traps, LAYOUT_TEST_TEXT) for traps in trap_combinations()]
    assert LAYOUT_TEST_TEXT not in results
    assert len(set(results)) == len(results)


def test_anything_else_points_at_where_it_differs() -> None:
    diagnosis = diagnose_layout(LAYOUT_TEST_TEXT, "Qz1y-XXXX")
    assert diagnosis is not None and diagnosis.traps == ("other",)
    assert "character 6" in diagnosis.problem
