"""What a scanned code says, before we know which product or order it belongs to.

GS1 parsing (GTIN check digits, element strings, AIM symbology identifiers, SSCC) is biip's
job; this module only decides which of our kinds a scan is and pulls out the fields the pack
verifier needs. Pure: no database, no clock.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from biip import ParseResult

# biip is imported where it is first used, not with this module: at import it decompresses
# and parses its GS1 prefix tables (~75 ms on the build machine), which the station's start-up
# need not wait for; ui/station.py imports it on a worker thread after the window's first
# paint (WARM_IMPORTS), and a scan that needs it sooner imports it then (the import lock makes
# that scan wait for the worker's import rather than do it twice). The badge and order scans
# a shift starts with are text and never need it.

GS = "\x1d"
# Longest code we accept; a scanner that merged scans or a stuck key produces more.
MAX_CODE_LENGTH = 512
COMMAND_PREFIX = "CMD:"
BOX_PREFIX = "BOX:"
WEIGHT_PREFIX = "WEIGHT:"

# AIM identifier: "]" + symbology letter + modifier character.
_AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
# GS1 symbologies per their AIM identifiers: GS1-128, GS1 DataMatrix, GS1 QR, GS1 DataBar.
_GS1_AIM = {"]C1", "]d2", "]Q3", "]e0", "]J1"}
# An element string that starts with a GTIN (AI 01/02) or an SSCC (AI 00): scanners set to
# keyboard output often drop the AIM identifier, and these shapes are no internal code.
_GS1_SHAPE = re.compile(r"^(?:0[12]\d{14}|00\d{18})")


class CodeKind(StrEnum):
    GTIN = "gtin"  # a plain GTIN-8/12/13/14 (EAN/UPC/ITF-14)
    GS1 = "gs1"  # a GS1 element string carrying a GTIN (AI 01) or contents (AI 02)
    SSCC = "sscc"  # a logistic unit (AI 00): a parcel label, not an item
    COMMAND = "command"  # one of our command barcodes
    TEXT = "text"  # anything else printable: internal codes, order numbers, totes, serials
    INVALID = "invalid"  # unreadable: control characters, empty, too long


@dataclass(frozen=True, slots=True)
class Interpretation:
    raw: str
    kind: CodeKind
    text: str  # the data without AIM identifier, whitespace trimmed
    symbology: str | None = None
    gtin: str | None = None  # always 14 digits
    contents: bool = False  # AI 02: the GTIN of the contents, counted by AI 37
    count: int | None = None  # AI 37
    serial: str | None = None  # AI 21
    lot: str | None = None  # AI 10
    expiry: date | None = None  # AI 17
    sscc: str | None = None
    command: str | None = None
    error: str | None = None
    # as_record() as JSON text, made once: interpret() caches the interpretation, and the fast
    # scan path writes this text with every scan event.
    record_json: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "record_json", json.dumps(self.as_record()))

    def as_record(self) -> dict[str, Any]:
        """A JSON-able summary for the scan event."""
        out: dict[str, Any] = {"kind": self.kind.value}
        for name in ("gtin", "count", "serial", "lot", "sscc", "command", "error"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        if self.contents:
            out["contents"] = True
        if self.expiry is not None:
            out["expiry"] = self.expiry.isoformat()
        return out


def _printable_problem(text: str) -> str | None:
    for ch in text:
        if ch == GS:
            continue
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return f"control character U+{ord(ch):04X}"
    return None


def split_symbology(raw: str, symbology: str | None) -> tuple[str, str | None]:
    """Strip an AIM identifier from the front of the data, if the scanner put one there."""
    if symbology is None and _AIM.match(raw):
        return raw[3:], raw[:3]
    return raw, symbology


@lru_cache(maxsize=4096)
def interpret(raw: str, symbology: str | None = None) -> Interpretation:
    """What a scan says. Cached: a station scans the same few hundred codes all day, and the
    result is a frozen value of the text alone."""
    text, symbology = split_symbology(raw, symbology)
    text = text.strip(" \r\n\t")
    if not text:
        return Interpretation(raw, CodeKind.INVALID, text, symbology, error="empty scan")
    if len(text) > MAX_CODE_LENGTH:
        return Interpretation(
            raw, CodeKind.INVALID, text[:64], symbology,
            error=f"scan is {len(text)} characters long (over {MAX_CODE_LENGTH}): "
            "two scans may have run together; scan again",
        )
    problem = _printable_problem(text)
    if problem:
        return Interpretation(
            raw, CodeKind.INVALID, text, symbology,
            error=f"scan contains a {problem}: check the scanner's keyboard layout and suffix",
        )
    upper = text.upper()
    if upper.startswith(COMMAND_PREFIX):
        return Interpretation(raw, CodeKind.COMMAND, text, symbology, command=upper[4:])
    if (GS not in text and not text.isdigit() and symbology not in _GS1_AIM
            and not _GS1_SHAPE.match(text)):
        return Interpretation(raw, CodeKind.TEXT, text, symbology)
    return _interpret_gs1(raw, text, symbology)


def _interpret_gs1(raw: str, text: str, symbology: str | None) -> Interpretation:
    from biip import parse  # see the top of the module

    # biip reads the AIM identifier itself, so hand it back when we split it off.
    result: ParseResult = parse((symbology or "") + text if symbology else text)
    message = result.gs1_message
    if message is not None and message.element_strings:
        fields = {es.ai.ai: es for es in message.element_strings}
        if "00" in fields and fields["00"].sscc is not None:
            return Interpretation(
                raw, CodeKind.SSCC, text, symbology, sscc=fields["00"].sscc.value
            )
        item = fields.get("01") or fields.get("02")
        if item is not None and item.gtin is not None:
            count = fields["37"].value if "37" in fields else None
            expiry = fields["17"].date if "17" in fields else None
            return Interpretation(
                raw,
                CodeKind.GS1,
                text,
                symbology,
                gtin=item.gtin.as_gtin_14(),
                contents=item.ai.ai == "02",
                count=int(count) if count is not None else None,
                serial=fields["21"].value if "21" in fields else None,
                lot=fields["10"].value if "10" in fields else None,
                expiry=expiry,
            )
    if result.gtin is not None:
        return Interpretation(raw, CodeKind.GTIN, text, symbology, gtin=result.gtin.as_gtin_14())
    if result.sscc is not None:
        return Interpretation(raw, CodeKind.SSCC, text, symbology, sscc=result.sscc.value)
    # Digits that are no valid GTIN may still be an internal code or an order number.
    return Interpretation(raw, CodeKind.TEXT, text, symbology)


def normalise_gtin(code: str) -> str | None:
    """A GTIN-8/12/13/14 as 14 digits, or None if it is not a valid GTIN."""
    if not code.isdigit() or len(code) not in (8, 12, 13, 14):
        return None
    from biip import ParseError  # see the top of the module
    from biip.gtin import Gtin

    try:
        return Gtin.parse(code).as_gtin_14()
    except ParseError:
        return None
