"""Stable finding codes. Codes never change meaning; new ones are only added."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    kind: str
    category: str
    summary: str


RULES: tuple[Rule, ...] = (
    Rule("DQ101", "quantity.conflict", "conflict", "quantity",
         "A figure disagrees with the figure a source gives for the same thing."),
    Rule("DQ102", "quantity.unsupported", "unsupported", "quantity",
         "No source gives a figure for this thing."),
    Rule("DQ103", "quantity.internal", "internal", "quantity",
         "The document gives two figures for the same thing that cannot both hold."),
    Rule("DQ201", "date.conflict", "conflict", "date",
         "A date or period disagrees with the one a source gives for the same event."),
    Rule("DQ202", "date.unsupported", "unsupported", "date",
         "No source gives this date or period."),
    Rule("DQ203", "date.internal", "internal", "date",
         "The document gives two dates that cannot both hold (e.g. two datelines)."),
    Rule("DQ301", "attribution.conflict", "conflict", "attribution",
         "A source attributes the statement or figure to someone else."),
    Rule("DQ302", "attribution.unsupported", "unsupported", "attribution",
         "The speaker or outlet appears in no source."),
)

BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}
BY_KIND: dict[tuple[str, str], Rule] = {(r.category, r.kind): r for r in RULES}


def rule_for(category: str, kind: str) -> Rule:
    return BY_KIND[(category, kind)]
