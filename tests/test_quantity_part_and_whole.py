"""DQ101 is no conflict when one count may be part of the other's set: a
narrower thing ("sick passengers", "British writers") no larger than the wider
one. Rows from RAGTruth and FaithBench summaries and their articles."""

from __future__ import annotations

import pytest

import discrepancy


def _conflicts(summary: str, source: str) -> list[str]:
    return [f.claim.text for f in discrepancy.check(summary, [source]).findings
            if f.kind == "conflict" and f.severity in ("medium", "high")]


@pytest.mark.parametrize(("summary", "source"), [
    pytest.param(
        "Nurse Mary Cunningham, who was on board, said she attended to two sick passengers.",
        "Mary Cunningham was the nurse on board who attended to the first sick woman. There "
        "were 84 passengers on board the plane, including nine crew members.",
        id="part-of-those-on-board",
    ),
    pytest.param(
        "The shortlist includes six authors, among them Howard Jacobson and Ali Smith.",
        "Former Booker winner Howard Jacobson is among three British authors on the shortlist "
        "with Ali Smith.",
        id="whole-shortlist-against-its-british-part",
    ),
])
def test_a_part_no_larger_than_the_whole_is_no_conflict(summary: str, source: str) -> None:
    assert _conflicts(summary, source) == []


def test_a_part_larger_than_the_whole_is_a_conflict() -> None:
    got = _conflicts(
        "Nurse Mary Cunningham said she attended to 120 sick passengers.",
        "There were 84 passengers on board the plane, including nine crew members.",
    )
    assert got == ["120 sick passengers"]
