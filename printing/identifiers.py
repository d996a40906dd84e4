"""Check-digit arithmetic for the identifiers printed on labels.

UPU S10 (postal item identifiers, e.g. ``RR123456785DE``) and the GS1 SSCC (the parcel's
18-digit Serial Shipping Container Code).  Pure functions: the caller supplies the serial
number (uniqueness across stations comes from a database sequence, not from here).

Hand-written on purpose: the arithmetic is a few lines, and biip (already a dependency) only
*parses* SSCCs; the tests cross-check our SSCCs with biip.
"""

from __future__ import annotations

import re

__all__ = [
    "InvalidIdentifier",
    "gs1_check_digit",
    "s10",
    "s10_check_digit",
    "sscc",
    "validate_s10",
    "validate_sscc",
]

_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)
_S10_RE = re.compile(r"^[A-Z]{2}[0-9]{9}[A-Z]{2}$")


class InvalidIdentifier(ValueError):
    """An identifier's parts are malformed (wrong length, wrong characters)."""


def s10_check_digit(serial: str) -> int:
    """The UPU S10 mod-11 check digit of an 8-digit serial number."""
    if len(serial) != 8 or not serial.isascii() or not serial.isdigit():
        raise InvalidIdentifier(f"S10 serial must be exactly 8 digits, got {serial!r}")
    total = sum(int(d) * w for d, w in zip(serial, _S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    if check == 10:
        return 0
    if check == 11:
        return 5
    return check


def s10(prefix: str, serial: int | str, country: str) -> str:
    """Build an S10 identifier: 2-letter service prefix, 8 digits, check digit, ISO country.

    >>> s10("RR", 12345678, "DE")
    'RR123456785DE'
    """
    prefix, country = prefix.upper(), country.upper()
    if not re.fullmatch(r"[A-Z]{2}", prefix):
        raise InvalidIdentifier(f"S10 service prefix must be two letters A-Z, got {prefix!r}")
    if not re.fullmatch(r"[A-Z]{2}", country):
        raise InvalidIdentifier(f"S10 country must be an ISO 3166 alpha-2 code, got {country!r}")
    if isinstance(serial, int):
        if not 0 <= serial <= 99_999_999:
            raise InvalidIdentifier(f"S10 serial must be 0..99999999, got {serial}")
        serial = f"{serial:08d}"
    return f"{prefix}{serial}{s10_check_digit(serial)}{country}"


def validate_s10(identifier: str) -> bool:
    """True when ``identifier`` is a well-formed S10 item identifier with a correct check digit."""
    if not _S10_RE.fullmatch(identifier):
        return False
    return int(identifier[10]) == s10_check_digit(identifier[2:10])


def gs1_check_digit(digits: str) -> int:
    """GS1 mod-10 check digit for ``digits`` (all digits of the key except the check digit).

    Weights 3,1,3,1... from the rightmost digit, as in every GS1 key (GTIN, SSCC, GLN).
    """
    if not digits or not digits.isascii() or not digits.isdigit():
        raise InvalidIdentifier(f"GS1 key data must be digits, got {digits!r}")
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


def sscc(extension: int, company_prefix: str, serial_ref: int | str) -> str:
    """Build an 18-digit SSCC: extension digit + company prefix + serial reference + check digit.

    The company prefix is 7 to 10 digits (as assigned by GS1); the serial reference fills the
    remaining 16 - len(prefix) digits and is zero-padded.
    """
    if not 0 <= extension <= 9:
        raise InvalidIdentifier(f"SSCC extension digit must be 0..9, got {extension}")
    if not re.fullmatch(r"[0-9]{7,10}", company_prefix):
        raise InvalidIdentifier(
            f"GS1 company prefix must be 7 to 10 digits, got {company_prefix!r}"
        )
    width = 16 - len(company_prefix)
    ref = str(serial_ref)
    if not ref.isascii() or not ref.isdigit() or len(ref) > width:
        raise InvalidIdentifier(
            f"SSCC serial reference must be at most {width} digits with a "
            f"{len(company_prefix)}-digit company prefix, got {serial_ref!r}"
        )
    body = f"{extension}{company_prefix}{ref.zfill(width)}"
    return body + str(gs1_check_digit(body))


def validate_sscc(value: str) -> bool:
    """True when ``value`` is 18 digits with a correct GS1 check digit."""
    if len(value) != 18 or not value.isascii() or not value.isdigit():
        return False
    return int(value[17]) == gs1_check_digit(value[:17])
