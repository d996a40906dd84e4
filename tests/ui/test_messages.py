"""Every outcome the service can give has a translatable template, and each template asks only
for parameters the service's own message for that outcome has."""

from __future__ import annotations

import string

import pytest

from ui.messages import TEMPLATES, message_for
from workstation.domain.outcomes import MESSAGES, Outcome


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("outcome", list(Outcome), ids=lambda o: o.value)
def test_every_outcome_has_a_template_with_the_services_parameters(outcome: Outcome) -> None:
    template = TEMPLATES.get(outcome.value)
    assert template, f"ui/messages.py has no template for {outcome.value}"
    allowed = fields(MESSAGES.get(outcome, ""))
    if outcome is Outcome.ACKNOWLEDGE_FIRST:
        allowed.add("code")  # taken from the session's pending acknowledgement
    assert fields(template) <= allowed


def test_a_template_is_filled_and_a_missing_parameter_falls_back(qapp) -> None:  # type: ignore[no-untyped-def]
    assert message_for("accepted", {"name": "T-shirt", "scanned": 1, "ordered": 2},
                       "x") == "T-shirt: 1 of 2"
    assert message_for("accepted", {"name": "T-shirt"}, "English text") == "English text"
    assert message_for("no_such_outcome", {}, "English text") == "English text"
