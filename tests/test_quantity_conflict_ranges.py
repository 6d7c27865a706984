"""DQ101 on ranges and on figures whose statement a source repeats.

Earnings-call summaries (SummEdits ECTSum) restate guidance ranges with one end
moved; the two intervals overlap, but a range states both its ends. A figure
whose number the source writes somewhere else is still a conflict when the
sentence that repeats its statement gives another figure."""

from __future__ import annotations

import pytest

import discrepancy

RELIANCE = (
    "Based on these expectations, we currently anticipate non-GAAP earnings per diluted share "
    "in the range of $1.30 to $1.40 for the fourth quarter of 2020. Non-GAAP net income "
    "attributable to Reliance for the third quarter of 2020 was $120.9 million, resulting in "
    "non-GAAP earnings per diluted share of $1.87, down from $2.39 in the third quarter of 2019 "
    "and "
    "up from $1.36 in the second quarter of 2020."
)
SNAPON = (
    "And the EPS, $3.50, a substantial rise versus both 2020 and 2019. We anticipate that capital "
    "expenditures will be in the range of $90 million to $100 million."
)


def _conflicts(summary: str, source: str) -> list[str]:
    report = discrepancy.check(summary, [source])
    return [f.claim.text for f in report.findings
            if f.kind == "conflict" and f.severity in ("medium", "high")]


MOVED_END = [
    pytest.param("Reliance anticipates non-GAAP earnings per diluted share in the range of $1.28 "
                 "to $1.40 for Q4 2020.", RELIANCE, "$1.28 to $1.40", id="low-end-moved"),
    pytest.param("Reliance anticipates non-GAAP earnings per diluted share in the range of $1.30 "
                 "to $1.45 for Q4 2020.", RELIANCE, "$1.30 to $1.45", id="high-end-moved"),
    pytest.param("Reliance forecasts non-GAAP earnings per diluted share in the range of $1.32 "
                 "to $1.40 for Q4 2020.", RELIANCE, "$1.32 to $1.40",
                 id="range-around-another-quarters-point-figure"),
    pytest.param("Reliance anticipates non-GAAP earnings per diluted share in the range of $1.40 "
                 "to $1.50 for Q4 2020.", RELIANCE, "$1.40 to $1.50",
                 id="whole-range-moved-beside-a-point-figure"),
    pytest.param("The company anticipates capital expenditures between the range of $100 million "
                 "to $120 million.", SNAPON, "$100 million to $120 million",
                 id="range-shifted-up"),
]


@pytest.mark.parametrize(("summary", "source", "figure"), MOVED_END)
def test_a_range_with_a_moved_end_is_a_conflict(summary: str, source: str, figure: str) -> None:
    assert figure in _conflicts(summary, source)


def test_the_evidence_is_the_range_the_source_states() -> None:
    report = discrepancy.check(
        "Reliance anticipates non-GAAP earnings per diluted share in the range of $1.40 to $1.50 "
        "for Q4 2020.", [RELIANCE])
    found = [f for f in report.findings if f.kind == "conflict"]
    assert [e.text for e in found[0].evidence] == ["$1.30 to $1.40"]


SAME_RANGE = [
    pytest.param("Reliance anticipates non-GAAP earnings per diluted share in the range of $1.30 "
                 "to $1.40 for Q4 2020.", RELIANCE, id="same-guidance"),
    pytest.param("Snap-on expects capital expenditures of $90 million to $100 million.", SNAPON,
                 id="same-capex-range"),
    pytest.param("Snap-on expects capital expenditures of $90-100 million.", SNAPON,
                 id="same-range-written-shorter"),
]


@pytest.mark.parametrize(("summary", "source"), SAME_RANGE)
def test_the_same_range_is_no_conflict(summary: str, source: str) -> None:
    assert _conflicts(summary, source) == []


def test_a_listed_count_is_no_rival_of_another_thing() -> None:
    # FaithBench: the source never counts the aces of the day as two
    got = _conflicts(
        "Camilo Villegas also hit two aces, but lost the title to Kevin Streelman.",
        "five hole-in-ones were recorded on the day , tying the record . camilo villegas "
        "had two holes-in-one , but kevin streelman won the title after a play-off . he hit "
        "aces on the fourth hole .",
    )
    assert got == []
