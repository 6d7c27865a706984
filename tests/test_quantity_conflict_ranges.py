"""DQ101 on ranges and on figures whose statement a source repeats.

Earnings-call summaries (SummEdits ECTSum) restate guidance ranges with one end
moved; the two intervals overlap, but a range states both its ends. A figure
whose number the source writes somewhere else is still a conflict when the
sentence that repeats its statement gives another figure."""

from __future__ import annotations

import discrepancy

RELIANCE = (
    "Based on these expectations, we currently anticipate non-GAAP earnings per diluted share "
    "in the range of $1.30 to $1.40 for the fourth quarter of 2020. Non-GAAP net income "
    "attributable to Reliance for the third quarter of 2020 was $120.9 million, resulting in "
    "non-GAAP earnings per diluted share of $1.87, down from $2.39 in the third quarter of 2019 "
    "and "
    "up from $1.36 in the second quarter of 2020."
)


def _conflicts(summary: str, source: str) -> list[str]:
    report = discrepancy.check(summary, [source])
    return [f.claim.text for f in report.findings
            if f.kind == "conflict" and f.severity in ("medium", "high")]


def test_the_evidence_is_the_range_the_source_states() -> None:
    report = discrepancy.check(
        "Reliance anticipates non-GAAP earnings per diluted share in the range of $1.40 to $1.50 "
        "for Q4 2020.", [RELIANCE])
    found = [f for f in report.findings if f.kind == "conflict"]
    assert [e.text for e in found[0].evidence] == ["$1.30 to $1.40"]


def test_a_listed_count_is_no_rival_of_another_thing() -> None:
    # FaithBench: the source never counts the aces of the day as two
    got = _conflicts(
        "Camilo Villegas also hit two aces, but lost the title to Kevin Streelman.",
        "five hole-in-ones were recorded on the day , tying the record . camilo villegas "
        "had two holes-in-one , but kevin streelman won the title after a play-off . he hit "
        "aces on the fourth hole .",
    )
    assert got == []
