"""Times of day: read strictly in a summary, in any form in a source."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.checks.clock_times import (
    clock_minutes,
    minutes_apart,
    source_has_time_of_day,
    source_times,
    target_minutes,
    target_times,
)

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


@pytest.mark.parametrize(("text", "readings"), [
    ("last updated at 2am this morning", [{120}]),
    ("Report as of 2pm Thursday", [{840}]),
    ("The quake struck at 15:48 local time.", [{948}]),
    ("Flights resumed at 0401 GMT.", [{241}]),
    ("He scored at 6:39.", [{399, 1119}]),  # a bare 12-hour reading: either half
    ("Markets reopened at noon, closed at midnight.", [{720}, {0}]),
    ("The call came at eleven in the morning.", [{660}]),
    ("The vigil began at 10 at night.", [{1320}]),
    ("The bells rang at 9 o'clock.", [{540, 1260}]),
    ("No time here.", []),
])
def test_source_time_readings(text: str, readings: list[set[int]]) -> None:
    got = source_times(text)
    assert got is not None
    assert [set(t.readings) for t in got] == readings


@pytest.mark.parametrize("text", [
    "The ceremony began at half past eight.",  # which eight?
    "It was a quarter to midnight.",
    "Bells rang on the o'clock.",
])
def test_a_time_whose_minutes_cannot_be_told(text: str) -> None:
    assert source_times(text) is None


@pytest.mark.parametrize(("text", "value"), [
    ("2pm", 840), ("12:30 AM", 30), ("2:20 p.m.", 860), ("9 a.m.", 540),
    ("15:48 local time", None), ("0900 GMT", None),
])
def test_target_minutes(text: str, value: int | None) -> None:
    assert target_minutes(text) == value


@pytest.mark.parametrize(("a", "b", "apart"), [(120, 840, 720), (30, 1410, 60), (600, 600, 0)])
def test_minutes_apart_across_midnight(a: int, b: int, apart: int) -> None:
    assert minutes_apart(a, b) == apart


@given(st.text(alphabet="0123456789:. apmAPMGTUnoidhlfrsgvwe'", max_size=60))
def test_every_time_read_is_a_time_in_its_text(text: str) -> None:
    got = source_times(text)
    for t in got or ():
        assert text[t.start:t.end] == t.text
        assert all(0 <= r < 1440 for r in t.readings)


@pytest.mark.parametrize("unit", ["1:", "12 a", "0900 ", "1 2 ", "half ", "9 o'", "1 in the "])
def test_readings_linear_on_long_runs(unit: str) -> None:
    text = unit * 40_000
    t0 = time.perf_counter()
    source_times(text)
    assert time.perf_counter() - t0 < 2.0
