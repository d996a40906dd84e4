"""AIM symbology identifiers (ISO/IEC 15424): the ``]C1`` a scanner may send before the data.

biip (used by the pack service) interprets identifiers too, but accepts any modifier character,
knows no DotCode and has no display names; here the split must never eat real data, and the
operator sees a name ("GS1-128") in diagnostics, so this small table is kept by hand.
"""

from __future__ import annotations

# Code character -> symbology. "Z" is non-barcode input such as a keyboard.
SYMBOLOGIES: dict[str, str] = {
    "A": "Code 39",
    "B": "Telepen",
    "C": "Code 128",
    "D": "Code One",
    "E": "EAN/UPC",
    "F": "Codabar",
    "G": "Code 93",
    "H": "Code 11",
    "I": "Interleaved 2 of 5",
    "J": "DotCode",
    "K": "Code 16K",
    "L": "PDF417",
    "M": "MSI",
    "N": "Anker",
    "O": "Codablock",
    "P": "Plessey",
    "Q": "QR Code",
    "R": "Straight 2 of 5 (2-bar)",
    "S": "Straight 2 of 5 (3-bar)",
    "T": "Code 49",
    "U": "MaxiCode",
    "X": "other barcode",
    "Z": "non-barcode input",
    "c": "Channel Code",
    "d": "Data Matrix",
    "e": "GS1 DataBar / Composite",
    "g": "Grid Matrix",
    "h": "Han Xin",
    "o": "OCR",
    "p": "PosiCode",
    "s": "SuperCode",
    "z": "Aztec Code",
}

# Full identifiers whose modifier changes the meaning; GS1 ones say the data is GS1 element strings.
VARIANTS: dict[str, str] = {
    "]C1": "GS1-128",
    "]E0": "EAN-13 / UPC-A / UPC-E",
    "]E1": "EAN two-digit add-on",
    "]E2": "EAN five-digit add-on",
    "]E3": "EAN-13 with add-on",
    "]E4": "EAN-8",
    "]I1": "ITF-14",
    "]J1": "GS1 DotCode",
    "]Q1": "QR Code",
    "]Q3": "GS1 QR Code",
    "]d1": "Data Matrix",
    "]d2": "GS1 DataMatrix",
    "]e0": "GS1 DataBar",
    "]e1": "GS1 Composite",
    "]e2": "GS1 Composite",
    "]z0": "Aztec Code",
}

_MODIFIERS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def split_symbology(raw: str) -> tuple[str | None, str]:
    """Split a leading identifier off the data: ``"]C1011234"`` -> ``("]C1", "011234")``.

    Data that merely starts with ``]`` but not with a known identifier is returned unchanged.
    """
    if len(raw) >= 3 and raw[0] == "]" and raw[1] in SYMBOLOGIES and raw[2] in _MODIFIERS:
        return raw[:3], raw[3:]
    return None, raw


def symbology_name(identifier: str | None) -> str:
    """A name for the operator: ``"]d2"`` -> ``"GS1 DataMatrix"``."""
    if not identifier:
        return "unknown symbology (the scanner sends no AIM identifier)"
    if identifier in VARIANTS:
        return VARIANTS[identifier]
    return SYMBOLOGIES.get(identifier[1:2], f"unknown symbology {identifier!r}")
