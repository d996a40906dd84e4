"""Linux key events from a scanner in keyboard mode, turned back into the characters it typed.

Read straight from the scanner's input device (evdev), the keys have not gone through the
desktop's keyboard layout, so the layout traps of a keyboard wedge (``devices.layout``) do not
arise: this table is the US layout scanners type in, and keypad digits are digits whatever
NumLock says. Scanners send GS as Ctrl+] or as Alt+0029 on the keypad; both are understood.
Codes are those of linux/input-event-codes.h.
"""

from __future__ import annotations

_PLAIN_ROWS = {
    2: "1234567890-=",
    16: "qwertyuiop[]",
    30: "asdfghjkl;'`",
    43: "\\zxcvbnm,./",
}
_SHIFTED_ROWS = {
    2: "!@#$%^&*()_+",
    16: "QWERTYUIOP{}",
    30: 'ASDFGHJKL:"~',
    43: "|ZXCVBNM<>?",
}
_KEYPAD = {
    71: "7", 72: "8", 73: "9", 75: "4", 76: "5", 77: "6", 79: "1", 80: "2", 81: "3", 82: "0",
}  # fmt: skip
_KEYPAD_OTHER = {55: "*", 74: "-", 78: "+", 83: ".", 98: "/"}
_ALWAYS = {57: " ", 15: "\t", 28: "\r", 96: "\r"}  # space, Tab, Enter, keypad Enter


def _table(rows: dict[int, str]) -> dict[int, str]:
    table = {first + i: char for first, chars in rows.items() for i, char in enumerate(chars)}
    return table | _KEYPAD | _KEYPAD_OTHER | _ALWAYS


PLAIN = _table(_PLAIN_ROWS)
SHIFTED = _table(_SHIFTED_ROWS)


def _control(table: dict[int, str]) -> dict[int, str]:
    # Ctrl + a key gives the control character of its ASCII code: Ctrl+] is GS (0x1D).
    upper = {code: char.upper() for code, char in table.items()}
    return {code: chr(ord(char) & 0x1F) for code, char in upper.items() if "@" <= char <= "_"}


CONTROL = _control(PLAIN)
CONTROL_SHIFTED = _control(SHIFTED)  # Ctrl+^ (Ctrl+Shift+6) is RS (0x1E)

SHIFT_KEYS = frozenset({42, 54})
CTRL_KEYS = frozenset({29, 97})
ALT_KEYS = frozenset({56, 100})
EV_KEY = 1
_PRESS, _RELEASE = 1, 0


class KeyMapper:
    """Feed every key event (code, value: 1 press, 0 release, 2 repeat); get its text back."""

    def __init__(self) -> None:
        self._shift = False
        self._ctrl = False
        self._alt = False
        self._alt_digits = ""

    def key(self, code: int, value: int) -> str:
        if code in SHIFT_KEYS:
            self._shift = value != _RELEASE
            return ""
        if code in CTRL_KEYS:
            self._ctrl = value != _RELEASE
            return ""
        if code in ALT_KEYS:
            return self._alt_key(value)
        if value != _PRESS:
            return ""  # releases, and repeats: a scanner does not hold keys down
        if self._alt and code in _KEYPAD:
            self._alt_digits += _KEYPAD[code]
            return ""
        if self._ctrl:
            return (CONTROL_SHIFTED if self._shift else CONTROL).get(code, "")
        return (SHIFTED if self._shift else PLAIN).get(code, "")

    def _alt_key(self, value: int) -> str:
        self._alt = value != _RELEASE
        digits, self._alt_digits = self._alt_digits, ""
        if self._alt or not digits or int(digits) > 0xFF:
            return ""
        return chr(int(digits))  # Alt+0029 -> GS
