"""Reading one field of an import file: the same rules for a CSV cell and a JSON value.

Each reader returns the typed value (None when empty and allowed) or raises ``FieldError`` whose
message says what is wrong and what is expected. Pure: no database.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

_WHOLE = re.compile(r"[+-]?[0-9]+")
_MONEY = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_TRUE = {"1", "true", "yes", "y", "t", "x"}
_FALSE = {"0", "false", "no", "n", "f", ""}
MAX_PRICE = Decimal("9999999999.99")  # Numeric(12, 2)


class FieldError(ValueError):
    """A value that cannot be used; the message says what is expected."""


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise FieldError(f"expected text, got {str(value).lower()}")
    if isinstance(value, int):  # e.g. a postcode written as a JSON number
        return str(value)
    if not isinstance(value, str):
        raise FieldError(f"expected text, got {type(value).__name__}")
    return value


def text(value: Any, *, max_len: int, required: bool = False, multiline: bool = False
         ) -> str | None:
    """Stripped, NFC-normalised text (any script); control characters are refused."""
    raw = value if type(value) is str else _as_text(value)
    cleaned = raw.strip() if raw is not None else ""
    if not cleaned:
        if required:
            raise FieldError("is required and empty")
        return None
    if not cleaned.isascii():
        cleaned = unicodedata.normalize("NFC", cleaned)
    # isprintable() is a fast test that passes most values; only the others are looked at
    # character by character (it also refuses spaces such as U+00A0, which we allow).
    if not cleaned.isprintable():
        allowed = "\n\t" if multiline else ""
        for ch in cleaned:
            if ch not in allowed and unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
                raise FieldError(
                    f"contains the control character U+{ord(ch):04X}: remove it (copied from "
                    "another program?)"
                )
    if len(cleaned) > max_len:
        raise FieldError(f"is {len(cleaned)} characters long; at most {max_len} are allowed")
    return cleaned


def required_text(value: Any, *, max_len: int) -> str:
    result = text(value, max_len=max_len, required=True)
    assert result is not None  # text() raises instead of returning None when required
    return result


def whole_number(value: Any, *, minimum: int, maximum: int, what: str = "a whole number"
                 ) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise FieldError(f"must be {what}, got {str(value).lower()}")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _WHOLE.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        shown = value if isinstance(value, (str, int, float)) else type(value).__name__
        raise FieldError(f"must be {what}, got {shown!r}")
    if number < minimum:
        raise FieldError(f"must be at least {minimum}, got {number}")
    if number > maximum:
        raise FieldError(f"must be at most {maximum}, got {number}: is it a typo?")
    return number


def boolean(value: Any) -> bool | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        folded = value.strip().lower()
        if folded in _TRUE:
            return True
        if folded in _FALSE:
            return False if folded else None
    raise FieldError(f"must be true or false (or yes/no, 1/0), got {value!r}")


def money(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise FieldError(f"must be an amount like 12.50, got {str(value).lower()}")
    if isinstance(value, (int, float)):
        value = repr(value)
    if not isinstance(value, str) or not _MONEY.fullmatch(value.strip()):
        raise FieldError(f"must be an amount like 12.50 (a dot for decimals), got {value!r}")
    try:
        amount = Decimal(value.strip())
    except InvalidOperation as exc:  # the pattern above should make this unreachable
        raise FieldError(f"must be an amount like 12.50, got {value!r}") from exc
    if amount < 0:
        raise FieldError(f"cannot be negative, got {amount}")
    if amount > MAX_PRICE:
        raise FieldError(f"is too large (at most {MAX_PRICE}), got {amount}")
    if amount != amount.quantize(Decimal("0.01")):
        raise FieldError(f"has more than 2 decimals: {amount}")
    return amount.quantize(Decimal("0.01"))


def timestamp(value: Any) -> datetime | None:
    raw = text(value, max_len=64)
    if raw is None:
        return None
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError as exc:
        raise FieldError(
            f"must be an ISO 8601 time with its UTC offset, e.g. 2024-05-01T17:00:00+07:00; "
            f"got {raw!r}"
        ) from exc
    if parsed.tzinfo is None:
        raise FieldError(
            f"{raw!r} has no UTC offset, so its time zone is unknown: add one, "
            "e.g. 2024-05-01T17:00:00+07:00"
        )
    return parsed


def country(value: Any) -> str:
    raw = required_text(value, max_len=2)
    if len(raw) != 2 or not raw.isascii() or not raw.isalpha():
        raise FieldError(f"must be a two-letter ISO country code such as ID, CN or DE, got {raw!r}")
    return raw.upper()


def currency(value: Any) -> str | None:
    raw = text(value, max_len=3)
    if raw is None:
        return None
    if len(raw) != 3 or not raw.isascii() or not raw.isalpha():
        raise FieldError(f"must be a three-letter ISO currency code such as IDR, got {raw!r}")
    return raw.upper()


def language(value: Any) -> str | None:
    raw = text(value, max_len=8)
    if raw is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,4})?", raw):
        raise FieldError(f"must be a language code such as id, zh or en, got {raw!r}")
    return raw.replace("_", "-")
