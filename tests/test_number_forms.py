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




# ---- spelled fractions: a count of parts named by an ordinal (property tests)

from hypothesis import assume, given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_PARTS = {3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth",
          9: "ninth", 10: "tenth", 12: "twelfth", 20: "twentieth", 100: "hundredth",
          1000: "thousandth", 1_000_000: "millionth"}


def spell(n: int, joined: bool = True) -> list[str]:
    """1 <= n <= 999 as words: 123 -> one hundred and twenty three (without the "and":
    one hundred twenty three)."""
    words: list[str] = []
    if n >= 100:
        words += [_ONES[n // 100], "hundred"]
        n %= 100
        if n and joined:
            words.append("and")
    if n >= 20:
        words.append(_TENS[n // 10])
        n %= 10
        if n:
            words.append(_ONES[n])
    elif n or not words:
        words.append(_ONES[n])
    return words


@given(st.integers(1, 999), st.sampled_from(sorted(_PARTS)))
def test_count_of_parts(count: int, parts: int) -> None:
    # "one hundred and two thirds" is 100 2/3 (see the next test): the count without "and"
    # "one hundred thirty thirds" joins the tens to the part (100/33, as "twenty twenty
    # fifths" is 20/25): covered by the last test
    assume(not (parts < 10 and count > 100 and count % 100 >= 20 and count % 10 == 0))
    word = _PARTS[parts] + ("" if count == 1 else "s")
    words = [*spell(count, joined=False), word, "of", "the", "vote"]
    assert spelled_value(words) == (pytest.approx(count / parts), len(words) - 3)


@given(st.integers(1, 999), st.integers(1, 999))
def test_one_number_over_another(num: int, den: int) -> None:
    words = [*spell(num), "over", *spell(den)]
    assert spelled_value(words) == (pytest.approx(num / den), len(words))


@given(st.integers(1, 999), st.integers(1, 99))
def test_whole_and_hundredths(whole: int, count: int) -> None:
    words = [*spell(whole), "and", *spell(count), "hundredth" + ("" if count == 1 else "s")]
    assert spelled_value(words) == (pytest.approx(whole + count / 100), len(words))


@given(st.integers(2, 999), st.sampled_from([3, 4, 5, 6, 7, 8, 9, 10]))
def test_singular_part_after_a_count_is_an_ordinal(count: int, parts: int) -> None:
    # "twenty fifth anniversary": the count is read, the ordinal is not a part of it
    # (with "and", "one hundred and one third" is 100 1/3: the scanner's ordinal rule decides)
    words = [*spell(count, joined=False), _PARTS[parts], "anniversary"]
    got = spelled_value(words)
    assert got is not None and got[1] < len(words) - 1


@given(st.integers(1, 9), st.integers(2, 9), st.sampled_from([3, 4, 5, 6, 7, 8, 9]))
def test_tens_word_before_a_part_joins_it(count: int, tens: int, parts: int) -> None:
    # "twenty twenty fifths" is 20/25 (Recognizers-Text's reading)
    words = [*spell(count), _TENS[tens], _PARTS[parts] + ("" if count == 1 else "s")]
    assert spelled_value(words) == (pytest.approx(count / (10 * tens + parts)), len(words))


# ---- powers written flat: "2.5e-3" is times ten to it, "1.1^+23" raises the base to it

from discrepancy.recognizers.quantities import quantities_in_text  # noqa: E402


@given(st.integers(1, 999), st.integers(0, 99), st.integers(-30, 30))
def test_e_notation(whole: int, decimals: int, exp: int) -> None:
    written = f"{whole}.{decimals:02d}e{exp:+d}"
    found = quantities_in_text(f"The constant is {written}.")
    assert [m.surface_value for m in found] == [written]
    assert found[0].value == pytest.approx(float(written))


@given(st.integers(2, 20), st.integers(0, 12))
def test_caret_power(base: int, exp: int) -> None:
    found = quantities_in_text(f"{base}^{exp}")
    assert len(found) == 1 and found[0].value == pytest.approx(base ** exp)
