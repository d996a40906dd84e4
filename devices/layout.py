"""Keyboard-layout traps of keyboard-wedge scanners, named from one test scan.

A wedge scanner sends key positions, and the desktop's layout turns them into characters: on a
German layout the scanner's "y" arrives as "z", on French AZERTY its digits arrive as
``&é"'(-è_çà``, GS (the GS1 separator, Ctrl+]) often vanishes, and digits sent from the keypad
vanish while NumLock is off. ``diagnose_layout`` compares what a known test barcode holds with
what arrived and names the trap and the cure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import combinations

# Print this as a Code 128 barcode (GS included) for the scanner set-up screen: each trap
# below changes it in its own way.
LAYOUT_TEST_TEXT = "Qz1y-A@9\x1dm/"

GS = "\x1d"
_QWERTZ = str.maketrans("yzYZ-@/#^&*()_+", 'zyZYß"-§&/()=?`')
_AZERTY = str.maketrans("aqzwAQZWm;,./1234567890-!@", "qawzQAWZ,m;:!&é\"'(-è_çà)12")
_UK = str.maketrans('@"#', '"@£')


@dataclass(frozen=True, slots=True)
class LayoutDiagnosis:
    traps: tuple[str, ...]  # "gs-lost", "numlock", "qwertz", "azerty", "uk", "capslock", "other"
    problem: str
    remedy: str


@dataclass(frozen=True, slots=True)
class _Trap:
    name: str
    apply: Callable[[str], str]
    problem: str
    remedy: str
    is_layout: bool = False  # a desktop has one layout: two of these never come together


_TRAPS = (
    _Trap(
        "gs-lost",
        lambda s: s.replace(GS, ""),
        "the GS1 separator (GS) is lost on the way",
        "Program the scanner to send GS as Ctrl+] or Alt+0029, or use it in serial (USB COM) mode",
    ),
    _Trap(
        "numlock",
        lambda s: "".join(c for c in s if not c.isdigit()),
        "digits are missing: the scanner types them on the numeric keypad while NumLock is off",
        "Switch NumLock on, or program the scanner to type digits on the main keyboard row",
    ),
    _Trap(
        "qwertz",
        lambda s: s.translate(_QWERTZ),
        'y and z are swapped (and "-", "@" and "/" differ): the desktop uses a German-style '
        "QWERTZ layout and the scanner a US one",
        "Set the scanner's keyboard country to match the desktop (German), or the desktop "
        "layout to US",
        is_layout=True,
    ),
    _Trap(
        "azerty",
        lambda s: s.translate(_AZERTY),
        "digits arrive as &é\"'(-è_çà and a/q, z/w are swapped: the desktop uses a French "
        "AZERTY layout and the scanner a US one",
        "Set the scanner's keyboard country to French, or the desktop layout to US",
        is_layout=True,
    ),
    _Trap(
        "uk",
        lambda s: s.translate(_UK),
        '"@" and "\\"" are swapped: the desktop uses a UK layout and the scanner a US one',
        "Set the scanner's keyboard country to UK, or the desktop layout to US",
        is_layout=True,
    ),
    _Trap(
        "capslock",
        str.swapcase,
        "capitals and small letters are swapped: Caps Lock is on",
        "Switch Caps Lock off (or program the scanner to ignore it)",
    ),
)


def trap_combinations() -> Iterator[tuple[_Trap, ...]]:
    """Each trap, then each pair that can happen together (one desktop has one layout)."""
    for count in (1, 2):
        for traps in combinations(_TRAPS, count):
            if sum(t.is_layout for t in traps) <= 1:
                yield traps


def apply_traps(traps: tuple[_Trap, ...], text: str) -> str:
    for trap in traps:
        text = trap.apply(text)
    return text


def diagnose_layout(expected: str, received: str) -> LayoutDiagnosis | None:
    """``None`` when the test scan arrived intact; else the trap(s) that explain it, or "other"."""
    if received == expected:
        return None
    for traps in trap_combinations():
        if apply_traps(traps, expected) == received:
            return LayoutDiagnosis(
                tuple(t.name for t in traps),
                "; ".join(t.problem for t in traps),
                " ".join(t.remedy for t in traps),
            )
    at = next(
        (i for i, (e, r) in enumerate(zip(expected, received, strict=False)) if e != r),
        min(len(expected), len(received)),
    )
    return LayoutDiagnosis(
        ("other",),
        f"the scan differs from the test barcode from character {at + 1} on "
        f"(expected {expected[at : at + 8]!r}, got {received[at : at + 8]!r})",
        "Reset the scanner to factory settings and scan again, or use it in serial (USB COM) "
        "mode, which has no keyboard layout",
    )
