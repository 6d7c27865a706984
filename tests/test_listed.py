"""How many items a source sentence lists (checks/quantity/listed.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy.checks.quantity.listed import LISTED_MAX, list_lengths

ROWS = [
    ("Police arrested John Smith, 34, and Paul Jones, 41, on Tuesday.", {2}),
    ("The victims were a woman, her husband and their daughter.", {3}),
    ("The ship was carrying passengers from the UK, Ireland and Canada.", {3}),
    ("Smith scored in the 12th and 75th minutes.", {2}),
    ("The couple's twins were born in March.", {2}),
    ("The band, a trio from Leeds, played for an hour.", {3}),
    ("The firm, which was founded in 1990 by a group of engineers, makes cars, trucks and buses.",
     {3}),
]


@pytest.mark.parametrize(("sentence", "holds"), ROWS)
def test_lengths_of_real_lists(sentence: str, holds: set[int]) -> None:
    assert holds <= list_lengths(sentence)


@pytest.mark.parametrize("sentence", [
    "The bank raised interest rates on Thursday.",
    "Seven people were killed when the bus overturned.",
])
def test_sentences_that_list_nothing(sentence: str) -> None:
    assert list_lengths(sentence) == set()


def test_a_long_list_is_no_small_count() -> None:
    eight = ", ".join(f"item{k}" for k in range(7)) + " and item7"
    assert list_lengths(f"The shop sells {eight}.") <= set(range(2, LISTED_MAX + 1))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "bee", " ", ",", ".", "12", " and ", " or "]), max_size=80))
def test_any_text_gives_small_counts(parts: list[str]) -> None:
    text = "".join(parts)
    assert all(2 <= n <= LISTED_MAX for n in list_lengths(text))
