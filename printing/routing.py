"""Routing/sort codes derived from the recipient's postcode by configurable, ordered rules.

A rule matches a country (or any country) and a postcode by prefix or by an inclusive numeric
range over the postcode's leading digits; the first match wins, else the default code.
Rules come from settings as plain dicts (see :func:`rules_from_config`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["RoutingRule", "RoutingTable", "rules_from_config"]


def _normalise(postcode: str) -> str:
    """Postcodes compare without spaces/dashes and case-insensitively ("sw1a 1aa" = "SW1A1AA")."""
    return "".join(ch for ch in postcode.upper() if ch.isalnum())


@dataclass(frozen=True)
class RoutingRule:
    """``prefix`` or ``low``..``high`` (compared on the same number of leading digits)."""

    code: str
    country: str = ""  # empty = any country
    prefix: str = ""
    low: str = ""
    high: str = ""

    def __post_init__(self) -> None:
        if bool(self.prefix) == bool(self.low or self.high):
            raise ValueError(f"routing rule {self.code!r}: give either a prefix or low..high")
        if (self.low or self.high) and not (
            self.low.isdigit() and self.high.isdigit() and len(self.low) == len(self.high)
        ):
            raise ValueError(
                f"routing rule {self.code!r}: low and high must be digit strings of equal length"
            )

    def matches(self, country: str, postcode: str) -> bool:
        if self.country and self.country.upper() != country.upper():
            return False
        pc = _normalise(postcode)
        if self.prefix:
            return pc.startswith(_normalise(self.prefix))
        head = pc[: len(self.low)]
        if len(head) != len(self.low) or not head.isdigit():
            return False
        return int(self.low) <= int(head) <= int(self.high)


@dataclass(frozen=True)
class RoutingTable:
    rules: Sequence[RoutingRule]
    default: str = ""

    def code_for(self, country: str, postcode: str) -> str:
        for rule in self.rules:
            if rule.matches(country, postcode):
                return rule.code
        return self.default


def rules_from_config(entries: Iterable[Mapping[str, str]], default: str = "") -> RoutingTable:
    """Build a table from settings, e.g. ``[{"code": "N1", "country": "DE", "low": "20",
    "high": "29"}, {"code": "LON", "country": "GB", "prefix": "E"}]``."""
    rules = [
        RoutingRule(
            code=e["code"],
            country=e.get("country", ""),
            prefix=e.get("prefix", ""),
            low=e.get("low", ""),
            high=e.get("high", ""),
        )
        for e in entries
    ]
    return RoutingTable(rules=tuple(rules), default=default)
