"""Numbers that are not claims about the world: list numbering and numbers inside
names. The sentence rows (FaithBench / RAGTruth summaries) are in
``tests/corpora/checks/DQ102.yaml`` and ``tests/corpora/recognizers/not_claims.yaml``."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.recognizers.not_claims import list_marker, part_of_a_name


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
