"""Forms of a figure the grammar must read whole: "and a half" after a number,
and four-digit ranges of counted things (not years). Rows from news and the
Recognizers-Text number specs."""

from __future__ import annotations

import pytest

import discrepancy
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


@pytest.mark.parametrize(("text", "figure", "low", "high"), [
    ("About two and a half million people fled the fighting.",
     "About two and a half million people", 2.375e6, 2.625e6),
    ("The talks lasted one and a half hours.", "one and a half hours", 5400, 5400),
    ("The plant will cut from 1000 to 5000 jobs.", "from 1000 to 5000 jobs", 1000, 5000),
    ("Floods damaged 1000 to 1500 homes in the valley.", "1000 to 1500 homes", 1000, 1500),
    ("The firm plans to hire between 1500 and 2500 workers.", "between 1500 and 2500 workers",
     1500, 2500),
    ("The bonds were priced at 101 1/4 to yield 7.57%.", "101 1/4", 101.25, 101.25),
    ("Applicants aged 18 through 25 were eligible.", "18 through 25", 18, 25),
    ("It takes more than 10 1/2 miles of cable to hook it all up.", "more than 10 1/2 miles",
     16898.112, float("inf")),
])
def test_figures_read_whole(text: str, figure: str, low: float, high: float) -> None:
    got = {c.text: c.quantity for c in discrepancy.extract(text) if c.quantity}
    assert figure in got
    q = got[figure]
    assert q is not None and (q.low, q.high) == pytest.approx((low, high))


@pytest.mark.parametrize("text", [
    "Sales rose every year from 1998 to 2003.",
    "He lived there from 1999 to 2005 with his family.",
])
def test_year_ranges_stay_dates(text: str) -> None:
    claims = discrepancy.extract(text)
    assert not [c for c in claims if c.quantity]
    assert [c for c in claims if c.category == "date"]


@pytest.mark.parametrize("text", [
    "the market plummeted 190 points on oct. 13, and he sold",
    "cash totaling $22.5 million on sept. 30, and stockholders",
])
def test_a_day_after_an_abbreviated_month_is_no_count(text: str) -> None:
    figures = [c.text for c in discrepancy.extract(text) if c.quantity]
    assert figures and not any(f in ("13", "30") for f in figures)


@pytest.mark.parametrize(("text", "figure", "value"), [
    ("About ∼20 people were hurt in the blast.", "∼20 people", 20.0),
    ("The culture held a density of 3×10⁶ cells.", "3×10⁶ cells", 3e6),
    ("A dose of 2.5 × 10⁻³ mol was given.", "2.5 × 10⁻³ mol", 2.5e-3),
])
def test_approximate_sign_and_superscript_powers(text: str, figure: str, value: float) -> None:
    got = {c.text: c.quantity for c in discrepancy.extract(text) if c.quantity}
    assert figure in got
    q = got[figure]
    assert q is not None and q.value == pytest.approx(value)
