"""Times of day: read strictly in a summary, in any form in a source."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.checks.clock_times import clock_minutes, source_has_time_of_day, target_times

SUMMARY_TIMES = [
    ("The crash occurred around 12:30 AM local time, and", ["12:30 AM"]),
    ("The best viewing times were between midnight and 4 am local time.", ["4 am"]),
    ("The test is scheduled for 2:20 p.m. EDT.", ["2:20 p.m."]),
    ("The quake struck at 15:48 local time.", ["15:48 local time"]),
    ("Flights resumed at 0900 GMT.", ["0900 GMT"]),
    ("Doors open at 9am.", ["9am"]),
    ("It closed at 2.20pm on Friday.", ["2.20pm"]),
    # no times: a game clock, a citation, prime ministers, a count of hours
    ("Smith scored with 6:39 left in the game.", []),
    ("The 2023 et al. paper was cited.", []),
    ("The 3 PMs met in Paris.", []),
    ("Crews worked 120 hrs in a row.", []),
    ("He is 4 amazing years old.", []),
]


@pytest.mark.parametrize(("text", "times"), SUMMARY_TIMES)
def test_summary_times(text: str, times: list[str]) -> None:
    assert [t.text for t in target_times(text)] == times


SOURCE_TEXTS = [
    ("The alert is scheduled for 2:20 p.m. EDT.", True),
    ("The ceremony began at half past eight in the evening.", True),
    ("Markets reopened at noon.", True),
    ("The quake struck at 0401 GMT.", True),
    ("It was four o'clock when the rain stopped.", True),
    ("He scored with 6:39 remaining.", True),
    ("The aircraft went down overnight Monday.", False),
    ("Police said 12 people were hurt on Monday morning.", False),
]


@pytest.mark.parametrize(("text", "has"), SOURCE_TEXTS)
def test_source_times(text: str, has: bool) -> None:
    assert source_has_time_of_day(text) is has


@given(st.text(alphabet="0123456789:. apmAPMGTUCEDSlocaltime,h", max_size=60))
def test_a_strict_time_is_a_time_in_any_form(text: str) -> None:
    for t in target_times(text):
        assert text[t.start : t.end] == t.text
        assert source_has_time_of_day(t.text)


@pytest.mark.parametrize("unit", ["1:", "12 a", "0900 ", "1 2 ", "half "])
def test_linear_on_long_runs(unit: str) -> None:
    text = unit * 40_000
    t0 = time.perf_counter()
    target_times(text)
    source_has_time_of_day(text + "x")
    assert time.perf_counter() - t0 < 2.0


@pytest.mark.parametrize(("text", "found"), [
    ("Crews arrived at 3:13 a.m. and left at 5pm.", {3 * 60 + 13, 17 * 60}),
    ("The call came at 11 in the morning.", {11 * 60}),
    ("It ended at 12:30 AM, after 9 in the evening began it.", {30, 21 * 60}),
    ("Police said 12 people were hurt on Monday morning.", set()),
])
def test_clock_minutes(text: str, found: set[int]) -> None:
    assert clock_minutes(text) == found
