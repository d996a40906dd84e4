from __future__ import annotations

import pytest

from printing.routing import RoutingRule, rules_from_config

TABLE = rules_from_config(
    [
        {"code": "HH", "country": "DE", "low": "20", "high": "22"},
        {"code": "N", "country": "DE", "low": "10", "high": "29"},
        {"code": "LON", "country": "GB", "prefix": "E"},
        {"code": "X9", "prefix": "9"},
    ],
    default="ZZ",
)


@pytest.mark.parametrize(
    ("country", "postcode", "code"),
    [
        ("DE", "20095", "HH"),  # first matching rule wins
        ("de", "23552", "N"),
        ("DE", "30159", "ZZ"),
        ("GB", "e1 6an", "LON"),
        ("GB", "SW1A 1AA", "ZZ"),
        ("FR", "92100", "X9"),  # a rule without country matches every country
        ("DE", "", "ZZ"),
        ("DE", "A1", "ZZ"),
    ],
)
def test_first_match_or_default(country: str, postcode: str, code: str) -> None:
    assert TABLE.code_for(country, postcode) == code


def test_rules_are_validated() -> None:
    with pytest.raises(ValueError):
        RoutingRule("X")  # neither prefix nor range
    with pytest.raises(ValueError):
        RoutingRule("X", prefix="1", low="1", high="2")
    with pytest.raises(ValueError):
        RoutingRule("X", low="1", high="20")
