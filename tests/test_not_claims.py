"""Numbers that are not claims about the world: list numbering, counts of the
summary's own words and topics, numbers inside names. Rows are sentences from
real LLM summaries (FaithBench / RAGTruth) and news; each table also holds
figures that must still be read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discrepancy
from discrepancy.recognizers.not_claims import list_marker, part_of_a_name

SOURCE = (
    "Anne Rice was born in New Orleans. Route 495 is a 3.45-mile freeway in Hudson County. "
    "SkyWest Flight 5622 made an emergency landing in Buffalo with 84 passengers."
)

# (summary text, the figures that must not be flagged against SOURCE)
NOT_CLAIMS = [
    pytest.param("Here is a summary of the article in 200 words:\n\nAnne Rice was born in New "
                 "Orleans.", ["200 words", "200"], id="preamble-word-count"),
    pytest.param("Sure! Here's a 93-word summary of the news article: Anne Rice was born in "
                 "New Orleans.", ["93-word", "93"], id="hyphenated-word-count"),
    pytest.param("The passage describes two main topics:\n\n1. The early life of Anne Rice.\n"
                 "2. Route 495, a 3.45-mile freeway.", ["two main topics", "1", "2", "495"],
                 id="topics-list-and-route-number"),
    pytest.param("The passage contains two unrelated pieces of information:\n\n1. Anne Rice:\n"
                 "- Born in New Orleans", ["two unrelated pieces", "two", "1"],
                 id="pieces-of-information"),
    pytest.param("Key points:\n  3) SkyWest Flight 5622 landed in Buffalo.", ["3", "5622"],
                 id="parenthesis-marker-and-flight-number"),
]


@pytest.mark.parametrize(("summary", "silent"), NOT_CLAIMS)
def test_text_about_the_text_is_not_flagged(summary: str, silent: list[str]) -> None:
    flagged = [f.claim.text for f in discrepancy.check(summary, [SOURCE]).findings]
    assert not set(flagged) & set(silent)


# Figures beside those forms that are still claims.
STILL_CLAIMS = [
    pytest.param("Here is a summary: 12 passengers were hurt.", "12 passengers",
                 id="figure-after-preamble"),
    pytest.param("1. Police said 5 people died in the crash.", "5 people",
                 id="figure-in-list-item"),
    pytest.param("The flight carried 90 passengers.", "90 passengers", id="count-not-a-name"),
    pytest.param("The report lists 12 key points.", "12 key points",
                 id="points-without-a-text-anchor"),
]


@pytest.mark.parametrize(("text", "figure"), STILL_CLAIMS)
def test_figures_beside_them_are_still_read(text: str, figure: str) -> None:
    assert figure in [c.text for c in discrepancy.extract(text) if c.quantity]


@pytest.mark.parametrize(("text", "start", "end", "expected"), [
    ("1. Anne", 0, 1, True),
    ("x\n- 12. y", 4, 6, True),
    ("  3) x", 2, 3, True),
    ("He won 2. Then he left.", 7, 8, False),
    ("12.5 million people", 0, 2, False),
])
def test_list_marker(text: str, start: int, end: int, expected: bool) -> None:
    assert list_marker(text, start, end) is expected


@pytest.mark.parametrize(("text", "start", "expected"), [
    ("SkyWest Flight 5622", 15, True),
    ("New York State Route 495", 21, True),
    ("the Model 3", 10, True),
    ("a Category 5 hurricane", 11, False),  # a figure a summary can get wrong
    ("more than 84 passengers", 10, False),
])
def test_part_of_a_name(text: str, start: int, expected: bool) -> None:
    assert part_of_a_name(text, start) is expected


@given(st.text(alphabet="0123456789.) \n-*#abc", max_size=60), st.integers(0, 60),
       st.integers(0, 3))
def test_list_marker_never_fails(text: str, start: int, width: int) -> None:
    start = min(start, len(text))
    assert list_marker(text, start, min(len(text), start + width)) in (True, False)
