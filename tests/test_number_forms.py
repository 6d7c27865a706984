"""Spelled numbers with "and a half" read whole. The sentence rows are in
``tests/corpora/recognizers/number_forms.yaml``."""

from __future__ import annotations

import pytest

from discrepancy.text.numbers import spelled_value


@pytest.mark.parametrize(("words", "value"), [
    ("one and a half years", 1.5),
    ("two and a half million people", 2.5e6),
    ("six and three quarters", 6.75),
    ("one hundred and thirty and two fifths", 130.4),
    ("one and only", 1.0),
])
def test_and_a_part_of_one(words: str, value: float) -> None:
    got = spelled_value(words.split())
    assert got is not None and got[0] == pytest.approx(value)


