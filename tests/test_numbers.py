"""Number parsing: separators, scale words, spelled-out numbers, round-trips."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.text.numbers import format_number, parse_number, rounding_tolerance


@pytest.mark.parametrize(
    "text,value",
    [
        ("10,000", 10000),
        ("2.5", 2.5),
        ("1.2bn", 1.2e9),
        ("20k", 20000),
        ("$3.5m".lstrip("$"), 3.5e6),
        ("2 million", 2e6),
        ("1.5 billion", 1.5e9),
        ("two million", 2e6),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("half a million", 5e5),
        ("a third", 1 / 3),
        ("two-thirds", 2 / 3),
        ("three quarters", 0.75),
        ("one hundred and five", 105),
        ("twenty-eight thousand six hundred forty-two", 28642),
        ("1/16", 0.0625),
        ("2½", 2.5),
        ("-1,234", -1234),
        ("minus five", -5),
        ("1e-05", 1e-05),
    ],
)
def test_parse(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "a", "and", "one two", "1.2.3", "$", "--1"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@given(st.text(max_size=60))
def test_parse_never_raises(text: str) -> None:
    result = parse_number(text)
    assert result is None or isinstance(result, float)


@given(st.integers(min_value=-(2**53), max_value=2**53))
def test_round_trip_ints(x: int) -> None:
    assert parse_number(format_number(x)) == x


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300))
def test_round_trip_floats(x: float) -> None:
    assert parse_number(format_number(x)) == x


def test_format() -> None:
    assert format_number(2013450) == "2,013,450"
    assert format_number(0.5) == "0.5"
    assert format_number(math.inf) == "inf"
    assert parse_number("inf") == math.inf


def test_rounding_tolerance() -> None:
    assert rounding_tolerance("2", 1e6, 2e6) == pytest.approx(0.25)
    assert rounding_tolerance("2,013,450", 1, 2013450) < 1e-5
    assert rounding_tolerance("1.5", 1e6, 1.5e6) == pytest.approx(1 / 30)
    assert rounding_tolerance("0", 1, 0) == 0


# Words of spelled numbers and of the sentences around them, for sequences that
# start anywhere: inside a number, on a word no number starts with, on "and".
_NUMBER_TALK = st.sampled_from(
    "a an and half quarter one two three twenty fifty hundred thousand million dozen "
    "score third thirds fifths over point five nought oh naught zero the of people "
    "first second tenth and twelve ninety crore lakh".split()
)


@given(st.lists(_NUMBER_TALK, min_size=1, max_size=7))
def test_spelled_value_gate_reads_as_before(words: list[str]) -> None:
    # The first-word gate only spares work: every reading is the ungated one.
    from discrepancy.text.numbers import _spelled_reading, spelled_value

    assert spelled_value(words) == _spelled_reading(words)
