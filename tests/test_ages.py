"""Whose age a text gives (checks/quantity/ages.py): real sentences, and the
patterns' cost on hostile runs."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.checks.quantity.ages import ages_in


@pytest.mark.parametrize(("text", "found"), [
    # apposition: the word before the comma owns the age
    ("Rhodri Giggs, 37, revealed that he is now unemployed.", [("giggs", 37)]),
    ("Cheryl Silvonek, 54, was fatally stabbed in the driveway.", [("silvonek", 54)]),
    ("deciding whether Tsarnaev, 21, will be executed.", [("tsarnaev", 21)]),
    ("Giggs, aged 40, left the court.", [("giggs", 40)]),
    # lowercase tokenised text, as FRANK's sources are written
    ("jamie silvonek , 14 , and her boyfriend , army spc caleb barnes , 20 , have been charged .",
     [("silvonek", 14), ("barnes", 20)]),
    # "N-year-old" owns the last word of the name after it
    ("her boyfriend, 20-year-old Army Spc Caleb Barnes (right), have been charged",
     [("barnes", 20)]),
    ("older brother, 26-year-old Tamerlan Tsarnaev, who died in a shootout", [("tsarnaev", 26)]),
    # nobody named: no owner
    ("plundered the accounts of an 83 year-old woman and a 92 year-old man living nearby", []),
    ("The 34-year-old, a native of Tbilisi, faces eight counts.", []),
    ("A woman, 34, was taken to hospital.", []),
    ("adnan abdihamid farah , both 19 , are accused", []),
    ("about his 41-year-old brother Ryan's eight-year affair", []),
    # no age: thousands, decimals, dates
    ("Sales reached 40,000, up from 35,000.", []),
    ("The index fell 1.5, 2.5 and 3.", []),
    ("The hearing is on March 15, 2016, in Allentown.", []),
])
def test_ages_in(text: str, found: list[tuple[str, int]]) -> None:
    assert [(o, a) for o, a, _, _ in ages_in(text)] == found


def test_span_is_the_number() -> None:
    text = "Rhodri Giggs, 37, revealed"
    (_, _, a, b), = ages_in(text)
    assert text[a:b] == "37"


@given(st.text(alphabet="aZ ,.-0123456789y", max_size=200))
def test_spans_hold_their_number(text: str) -> None:
    for owner, age, a, b in ages_in(text):
        assert int(text[a:b]) == age and 0 < age <= 115 and owner


@pytest.mark.parametrize("unit", ["a, 1", "Smith , ", "1-year-old ", "x" * 50 + " ", "a-"])
def test_linear_on_long_runs(unit: str) -> None:
    text = unit * 40_000
    t0 = time.perf_counter()
    ages_in(text)
    assert time.perf_counter() - t0 < 2.0
