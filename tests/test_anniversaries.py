"""Anniversaries are durations: "second anniversary" is two years. The sentence rows
are in ``tests/corpora/recognizers/anniversaries.yaml`` and ``tests/corpora/checks/DQ101.yaml``."""

from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy.recognizers.anniversaries import extract_anniversaries
from discrepancy.text.load import document_from_text

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
