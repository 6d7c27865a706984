"""What a source figure must say before it supports a summary's figure.

* Bounds: two bounds open the same way always overlap, so overlap is no support.
  "over 25 other countries" is not said by "more than two dozen other countries";
  the summary says more than its source (DQ102, with the source's bound shown).
* Siblings: a source sentence that counts the same noun twice ("three squadrons
  of F-16 fighter jets, two squadrons of A-10 aircraft") supports each figure
  only for what follows it.
* Periods (DQ104): a figure the sources give only for another quarter.
* Ages: "aged 59" is "He was 59".

Rows are real summaries (FaithBench, RAGTruth, ECTSum) and their sources, and
the sentences that must stay unflagged.
"""

from __future__ import annotations

import pytest

import discrepancy


def _gated(summary: str, source: str) -> list[tuple[str, str, str, tuple[str, ...]]]:
    report = discrepancy.check(summary, [source])
    return [(f.code, f.severity, f.claim.text, tuple(e.text for e in f.evidence))
            for f in report.findings if f.severity in ("medium", "high")]


FLAGGED = [
    pytest.param(
        "Cases have been confirmed in over 25 other countries outside of China.",
        "As of 22 February 2020 , 77,984 cases have been confirmed , including in all "
        "provinces of China and more than two dozen other countries .",
        ("DQ102", "medium", "over 25 other countries", ("more than two dozen other countries",)),
        id="bound-beyond-the-source-bound",
    ),
    pytest.param(
        "The collection of Robert Hardy includes over 250 items, from swords to paintings.",
        "the star is auctioning off more than 200 items he has collected over his career .",
        ("DQ102", "medium", "over 250 items", ("more than 200 items",)),
        id="bound-raised",
    ),
    pytest.param(
        "The fleet includes three squadrons of F-16 fighter jets, three squadrons of A-10 "
        "Thunderbolt II aircraft, and one squadron of F-15E jets.",
        "The fleet includes three squadrons of F-16 fighter jets, two squadrons of A-10 "
        "Thunderbolt II aircraft, and one squadron of F-15E Strike Eagles.",
        ("DQ101", "medium", "three squadrons", ("two squadrons",)),
        id="sibling-figure-of-the-same-noun",
    ),
    pytest.param(
        "Reliance anticipates non-GAAP earnings per diluted share in the range of $1.30 to "
        "$1.40 for Q3 2020.",
        "We expect non-GAAP earnings per diluted share in the range of $1.30 to $1.40 for the "
        "fourth quarter of 2020. Non-GAAP earnings per diluted share were $1.87 in the third "
        "quarter of 2020.",
        ("DQ104", "medium", "$1.30 to $1.40", ("$1.30 to $1.40",)),
        id="guidance-moved-to-another-quarter",
    ),
]


@pytest.mark.parametrize(("summary", "source", "finding"), FLAGGED)
def test_a_figure_the_source_does_not_say_is_flagged(
    summary: str, source: str, finding: tuple[str, str, str, tuple[str, ...]]
) -> None:
    assert finding in _gated(summary, source)


CLEAN = [
    pytest.param(
        "Over 600 firefighters brought the fire under control.",
        "More than 600 firefighters were sent to put out the fire, which was brought under "
        "control by the evening.",
        id="same-bound-other-words",
    ),
    pytest.param(
        "The collection includes more than 200 items, from swords to paintings.",
        "the star is auctioning off more than 250 items he has collected over his career .",
        id="bound-weaker-than-the-source",
    ),
    pytest.param(
        "Fewer than 100 staff will be affected by the closure.",
        "The closure will affect fewer than 80 staff at the plant.",
        id="upper-bound-weaker-than-the-source",
    ),
    pytest.param(
        "The fleet includes three squadrons of F-16 fighter jets, two squadrons of A-10 "
        "Thunderbolt II aircraft, and one squadron of F-15E jets.",
        "The fleet includes three squadrons of F-16 fighter jets, two squadrons of A-10 "
        "Thunderbolt II aircraft, and one squadron of F-15E Strike Eagles.",
        id="siblings-each-for-its-own-thing",
    ),
    pytest.param(
        "Reliance anticipates non-GAAP earnings per diluted share in the range of $1.30 to "
        "$1.40 for Q4 2020.",
        "We expect non-GAAP earnings per diluted share in the range of $1.30 to $1.40 for the "
        "fourth quarter of 2020. Non-GAAP earnings per diluted share were $1.87 in the third "
        "quarter of 2020.",
        id="guidance-for-its-own-quarter",
    ),
    pytest.param(
        "Revenue was $2.09 billion in 2020, the company said.",
        "Our net sales of $2.09 billion for the third quarter of 2020 decreased 22.4%.",
        id="a-year-frame-is-no-period-clash",
    ),
    pytest.param(
        "Australian cinematographer Andrew Lesnie, who worked with Peter Jackson on \"Lord of "
        "the Rings\", has died of a heart attack aged 59.",
        "Andrew Lesnie, the Oscar-winning cinematographer who spent more than a decade "
        "collaborating with director Peter Jackson on the six \"Lord of the Rings\" and "
        "\"Hobbit\" films, has died. He was 59. The Sydney native suffered a heart attack.",
        id="age-as-he-was-n",
    ),
]


@pytest.mark.parametrize(("summary", "source"), CLEAN)
def test_a_figure_the_source_says_is_not_flagged(summary: str, source: str) -> None:
    assert [f for f in _gated(summary, source) if f[0].startswith("DQ1")] == []
