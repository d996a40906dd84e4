"""Barcode symbols as modules, shared by the PDF and PNG renderers.

One encoder per symbology so the PDF and the preview draw the *same* symbol: Code 128 and
GS1-128 come from reportlab's Code 128 encoder (FNC1 is ``\\xf1`` in its input), QR from the
``qrcode`` package's matrix (error correction M, the level the ZPL ``^BQ`` command is given).
The ZPL printer encodes the same data itself from ``^BC``/``^BQ``.
"""

from __future__ import annotations

import functools
import string
from enum import Enum

# qrcode and ReportLab's Code 128 are imported when a barcode is first drawn: importing
# ReportLab costs ~0.2 s, and most processes that import this module (a station starting up)
# draw no barcode for a while.

__all__ = [
    "CODE128_SAFE",
    "BarcodeKind",
    "UnprintableBarcodeData",
    "check_code128_data",
    "code128_bars",
    "qr_matrix",
]

FNC1 = "\xf1"

#: Characters allowed in a Code 128 payload.  ZPL's ``^BC`` treats ``>`` as the start of an
#: invocation code and ``^ ~ _`` are command/escape characters, so those never go into a bar
#: code; everything else printable ASCII does.
CODE128_SAFE = frozenset(string.printable[:95]) - set(">^~_\\\t\n\r\x0b\x0c")


class BarcodeKind(Enum):
    CODE128 = "code128"
    GS1_128 = "gs1-128"  # data is a GS1 element string without parentheses, e.g. "00" + SSCC
    QR = "qr"


class UnprintableBarcodeData(ValueError):
    """Data cannot be put into the requested symbology safely (e.g. ``>`` or non-ASCII)."""


def check_code128_data(data: str) -> str:
    """Return ``data`` if every character is in :data:`CODE128_SAFE`, else raise."""
    if not data:
        raise UnprintableBarcodeData("a Code 128 bar code needs at least one character")
    bad = sorted({ch for ch in data if ch not in CODE128_SAFE})
    if bad:
        raise UnprintableBarcodeData(
            f"cannot put {bad!r} into a Code 128 bar code (data {data[:40]!r})"
        )
    return data


@functools.lru_cache(maxsize=256)
def code128_bars(kind: BarcodeKind, data: str) -> tuple[int, ...]:
    """Bar/space widths in modules, alternating and starting with a bar (quiet zones excluded).

    For GS1-128 the symbol starts with FNC1, which is what makes a scanner report ``]C1``.
    """
    check_code128_data(data)
    if kind is BarcodeKind.GS1_128:
        if not data.isdigit():
            raise UnprintableBarcodeData(f"GS1-128 data here must be digits, got {data[:40]!r}")
        data = FNC1 + data
    elif kind is not BarcodeKind.CODE128:
        raise ValueError(f"{kind} is not a Code 128 symbology")
    from reportlab.graphics.barcode.code128 import Code128

    symbol = Code128(data, quiet=0, humanReadable=0)
    symbol.validate()
    symbol.encode()
    # reportlab spells the pattern as letters: upper case = bar, lower case = space, A/a = 1.
    pattern = str(symbol.decompose())
    return tuple((ord(ch) - ord("A") + 1) if ch.isupper() else (ord(ch) - ord("a") + 1)
                 for ch in pattern)


@functools.lru_cache(maxsize=64)
def qr_matrix(data: str) -> tuple[tuple[bool, ...], ...]:
    """The QR symbol's modules (True = dark), without the quiet zone."""
    import qrcode
    import qrcode.constants

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    qr.add_data(data.encode("utf-8"))
    qr.make(fit=True)
    return tuple(tuple(bool(m) for m in row) for row in qr.get_matrix())
