from __future__ import annotations

from devices.keymap import KeyMapper

PRESS, RELEASE = 1, 0
SHIFT, CTRL, ALT = 42, 29, 56
A, B, ONE, RIGHTBRACE, ENTER, KP0, KP2, KP9 = 30, 48, 2, 27, 28, 82, 80, 73


def type_keys(events: list[tuple[int, int]]) -> str:
    mapper = KeyMapper()
    return "".join(mapper.key(code, value) for code, value in events)


def tap(code: int) -> list[tuple[int, int]]:
    return [(code, PRESS), (code, RELEASE)]


def test_letters_digits_shift_and_enter() -> None:
    events = [(SHIFT, PRESS), *tap(A), (SHIFT, RELEASE), *tap(B), *tap(ONE), *tap(ENTER)]
    assert type_keys(events) == "Ab1\r"


def test_group_separator_as_ctrl_bracket_and_as_alt_code() -> None:
    ctrl = [(CTRL, PRESS), *tap(RIGHTBRACE), (CTRL, RELEASE)]
    alt = [(ALT, PRESS), *tap(KP0), *tap(KP0), *tap(KP2), *tap(KP9), (ALT, RELEASE)]
    assert type_keys(ctrl + tap(ONE) + alt) == "\x1d1\x1d"


def test_keypad_digits_do_not_depend_on_numlock_and_repeats_are_ignored() -> None:
    assert type_keys([*tap(KP9), (KP9, 2), *tap(KP0)]) == "90"


def test_unknown_keys_type_nothing() -> None:
    assert type_keys(tap(59)) == ""  # F1
