"""Anniversaries are durations: "second anniversary" is two years."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import discrepancy
from discrepancy.recognizers.anniversaries import extract_anniversaries
from discrepancy.text.load import document_from_text

YEAR = 365.25 * 86400


@pytest.mark.parametrize(
    "sentence, surface, years",
    [
        ("The protest comes on the eve of the one-year anniversary of Russia's invasion of "
         "Ukraine.", "one-year anniversary", 1.0),
        ("Tomorrow is the first anniversary of Putin's imperialist invasion of Ukraine.",
         "first anniversary", 1.0),
        ("On the eve of the second anniversary of the invasion, activists dumped paint.",
         "second anniversary", 2.0),
        ("The city marked the 50th anniversary of the coup with a silent march.",
         "50th anniversary", 50.0),
        ("Veterans gathered for the twenty-fifth anniversary of the ceasefire.",
         "twenty-fifth anniversary", 25.0),
        ("Families held a vigil on the six-month anniversary of the flood.",
         "six-month anniversary", 0.5),
        ("The first-year observance of the occupation drew thousands.",
         "first-year observance", 1.0),
        ("The club celebrates its centenary next spring.", "centenary", 100.0),
        ("It was the 10-year anniversary of the merger.", "10-year anniversary", 10.0),
    ],
)
def test_anniversary_values(sentence: str, surface: str, years: float) -> None:
    claims = extract_anniversaries(document_from_text(sentence))
    assert [c.text for c in claims] == [surface]
    assert claims[0].quantity is not None
    assert claims[0].quantity.value / YEAR == pytest.approx(years)
    assert claims[0].subject == "anniversary"


@pytest.mark.parametrize(
    "sentence",
    [
        "He finished second in the race.",
        "The anniversary party was cancelled.",
        "Their wedding anniversary falls in June.",
    ],
)
def test_not_anniversary_figures(sentence: str) -> None:
    assert extract_anniversaries(document_from_text(sentence)) == []


SOURCE = (
    "Activists dumped yellow and blue paint in front of the Russian embassy on Thursday. "
    "The protest comes on the eve of the one-year anniversary of Russia's invasion of Ukraine."
)


@pytest.mark.parametrize(
    "summary, flagged",
    [
        ("On the eve of the second anniversary of Russia's invasion of Ukraine, activists "
         "dumped paint in front of the Russian embassy.", True),
        ("On the eve of the one-month anniversary of Russia's invasion of Ukraine, activists "
         "dumped paint in front of the Russian embassy.", True),
        ("On the eve of the first anniversary of Russia's invasion of Ukraine, activists "
         "dumped paint in front of the Russian embassy.", False),
    ],
)
def test_changed_anniversary_is_a_conflict(summary: str, flagged: bool) -> None:
    report = discrepancy.check(summary, [SOURCE])
    conflicts = [f for f in report.findings if f.code == "DQ101"]
    assert bool(conflicts) is flagged
    if flagged:
        assert conflicts[0].evidence[0].text == "one-year anniversary"


_WORDS = ["the", "first", "second", "twenty-fifth", "50th", "10-year", "one-month", "six",
          "anniversary", "anniversaries", "observance", "centenary", "of", "-", " ", ",", "."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30), st.lists(st.booleans(), max_size=30))
def test_spans_are_exact_on_any_word_salad(words: list[str], glue: list[bool]) -> None:
    glue = (glue + [False] * len(words))[:len(words)]
    text = "".join(w + ("" if g else " ") for w, g in zip(words, glue, strict=True))
    doc = document_from_text(text or "x")
    for c in extract_anniversaries(doc):
        assert doc.text[c.start:c.end] == c.text
        assert c.quantity is not None and c.quantity.value > 0
