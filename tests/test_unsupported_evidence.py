"""DQ102 at medium needs evidence that a figure is new: its number is written
nowhere in the sources about anything like it.

A number the sources write beside a word of the summary's own surroundings is
the same figure, however differently the rest of the two sentences runs ("Robert
Hardy, 89," and "mr hardy , 89 , is a keen military historian"). Rows are from
real LLM summaries (FaithBench / RAGTruth) and their articles."""

from __future__ import annotations

import pytest

import discrepancy


def _gated(summary: str, source: str) -> list[str]:
    report = discrepancy.check(summary, [source])
    return [f.claim.text for f in report.findings
            if f.severity in ("medium", "high") and f.category == "quantity"]


SAME_FIGURE = [
    pytest.param(
        "Bates, who is 73 years old and has a history of heart problems, called out.",
        "Amid questions about his age -- 73 -- training and friendship with Glanz, Bates has "
        "said the shooting was an error.",
        id="age-written-beside-the-word-age",
    ),
    pytest.param(
        "Veteran actor Robert Hardy, 89, is auctioning his collection of antiques.",
        "the actor is auctioning off more than 200 items he has collected over his career . "
        "mr hardy , 89 , is a keen military historian who studied english with j.r.r. tolkien .",
        id="age-in-tokenised-source",
    ),
    pytest.param(
        "The Duke Blue Devils dominated Michigan State with their strong defense, leading 36-25 "
        "at halftime.",
        "Michigan State shot poorly in the first half. Duke led at halftime 36-25, a turnaround "
        "of 19 points from its early deficit.",
        id="score-at-halftime",
    ),
    pytest.param(
        "Storey, a former swimmer turned cyclist, has an impressive record with 22 Paralympic "
        "medals, including 11 gold, across six Paralympic Games.",
        "Storey is Britain's most decorated female Paralympian with 22 medals. She has won 11 "
        "gold, eight silver and three bronze across six Games.",
        id="medals-in-other-words",
    ),
    pytest.param(
        "Jack Nicklaus, 75, hit a hole-in-one on the 130-yard fourth hole at Augusta National.",
        "at the grand old age of 75 , jack nicklaus is still capable of hitting aces . the "
        "golden bear aced the 130-yard fourth hole .",
        id="age-written-another-way",
    ),
]


@pytest.mark.parametrize(("summary", "source"), SAME_FIGURE)
def test_a_number_written_beside_the_same_words_is_not_new(summary: str, source: str) -> None:
    assert _gated(summary, source) == []


NEW_FIGURE = [
    pytest.param(
        "Police said the gunman executed six people inside the pool hall.",
        "Police said the gunman opened fire inside the pool hall. One witness said he stood no "
        "more than six feet away from the door.",
        "six people",
        id="number-written-about-something-else",
    ),
    pytest.param(
        "Lesnie won an Oscar in 2002 and had worked on 14 films with Jackson.",
        "Lesnie won an Oscar in 2002 for The Fellowship of the Ring.",
        "14 films",
        id="number-written-nowhere",
    ),
]


@pytest.mark.parametrize(("summary", "source", "figure"), NEW_FIGURE)
def test_a_number_the_sources_do_not_write_beside_it_is_flagged(
    summary: str, source: str, figure: str
) -> None:
    assert figure in _gated(summary, source)


# Small counts of things the article names: a reader counts what it lists.
LISTED = [
    pytest.param(
        "The shortlist includes six authors: three British, two American, and one Australian.",
        "Former Booker winner Howard Jacobson is among three British writers, two Americans and "
        "an Australian on this year's shortlist. The shortlisted authors each receive £2,500.",
        "six authors",
        id="total-of-a-listed-breakdown",
    ),
    pytest.param(
        "Two shootings in Maryland on Tuesday left one man dead.",
        "A gunman opened fire at a mall on Tuesday, police said. Hours later a second shooting "
        "left a man dead at a grocery store, and police said the shooting was connected.",
        "Two shootings",
        id="events-described-one-by-one",
    ),
]


@pytest.mark.parametrize(("summary", "source", "figure"), LISTED)
def test_a_small_count_of_named_things_is_no_alarm(summary: str, source: str, figure: str) -> None:
    assert figure not in _gated(summary, source)


def test_a_small_count_of_something_the_sources_never_name_is_flagged() -> None:
    got = _gated("Two shootings in Maryland on Tuesday left three firefighters hurt.",
                 "A gunman opened fire at a mall on Tuesday, police said.")
    assert "three firefighters" in got
