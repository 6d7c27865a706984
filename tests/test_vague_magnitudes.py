"""A bare plural scale ("millions of", "thousands of") holds any figure most of
the way to the next scale, and no figure past it. Rows from RAGTruth."""

from __future__ import annotations

import pytest

import discrepancy


def _gated(summary: str, source: str) -> list[str]:
    return [f.claim.text for f in discrepancy.check(summary, [source]).findings
            if f.severity in ("medium", "high")]


@pytest.mark.parametrize(("summary", "source"), [
    pytest.param("Globally, millions of women are married before they turn 18.",
                 "Worldwide, 158 million women were married before they turned 18.",
                 id="158-million-is-millions"),
    pytest.param("Thousands of people marched through the capital on Saturday.",
                 "Police said 40,000 people marched through the capital on Saturday.",
                 id="40000-is-thousands"),
])
def test_a_figure_inside_the_scale_is_no_conflict(summary: str, source: str) -> None:
    assert _gated(summary, source) == []


@pytest.mark.parametrize(("summary", "source", "figure"), [
    pytest.param("Thousands of people marched through the capital on Saturday.",
                 "Police said 2 million people marched through the capital on Saturday.",
                 "Thousands of people", id="millions-are-not-thousands"),
    pytest.param("Millions of people marched through the capital on Saturday.",
                 "Police said 2,000 people marched through the capital on Saturday.",
                 "Millions of people", id="thousands-are-not-millions"),
])
def test_a_figure_past_the_scale_is_a_conflict(summary: str, source: str, figure: str) -> None:
    assert figure in _gated(summary, source)
