"""DQ101 is no conflict when one count may be part of the other's set: a
narrower thing ("sick passengers", "British writers") no larger than the wider
one. Rows from RAGTruth and FaithBench summaries and their articles."""

from __future__ import annotations

import discrepancy


def _conflicts(summary: str, source: str) -> list[str]:
    return [f.claim.text for f in discrepancy.check(summary, [source]).findings
            if f.kind == "conflict" and f.severity in ("medium", "high")]


def test_a_part_larger_than_the_whole_is_a_conflict() -> None:
    got = _conflicts(
        "Nurse Mary Cunningham said she attended to 120 sick passengers.",
        "There were 84 passengers on board the plane, including nine crew members.",
    )
    assert got == ["120 sick passengers"]
