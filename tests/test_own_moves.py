"""A summary's own moves the wrong way round (DQ103), race times and scores read
whole: property tests and linear time on long runs for the patterns added with them."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy import Document, extract
from discrepancy.checks.quantity.own_moves import _BETWEEN, _VERB_BEFORE, turned_moves
from discrepancy.checks.quantity.tallies import named_scores
from discrepancy.recognizers.compound_durations import extract_compound_durations

MOVES = [
    ("Turnout was 78.2 per cent of enrolled voters, up from 82.2 per cent in 2020.", "up"),
    ("Shares rose to $5 from $7 on Tuesday.", "up"),
    ("Profit fell to $30m from $20m a year earlier.", "down"),
    ("Unemployment was 5.1%, down from 4.8% a year earlier.", "down"),
]
NOT_MOVES = [
    "About 7.62 million treatments for 6.39 million patients, up from 7.60 million treatments"
    " and 6.37 million patients in May.",
    "Turnout was 78.2 per cent of enrolled voters, down from 82.2 per cent in 2020.",
    "Shares rose to $7 from $5 on Tuesday.",
    "American earned $291 million, or $1.14 a share, up from $58 million, or 30 cents a share.",
    "Sales were 5 million units in 2019, up from 3 million in 2018.",
    # a level and a figure of another measure: no move between them
    "The rate was 5%, up from $3 million of loans.",
]


@pytest.mark.parametrize(("text", "said"), MOVES)
def test_a_move_the_wrong_way_round(text: str, said: str) -> None:
    found = list(turned_moves(text, [c for c in extract(text) if c.quantity], 0.0))
    assert [s for _, _, s in found] == [said]


@pytest.mark.parametrize("text", NOT_MOVES)
def test_no_move_the_wrong_way_round(text: str) -> None:
    assert list(turned_moves(text, [c for c in extract(text) if c.quantity], 0.0)) == []


@given(st.floats(1, 1e6), st.floats(1, 1e6), st.sampled_from(["up", "down"]))
def test_a_move_is_turned_only_when_its_level_lies_on_the_wrong_side(
    level: float, base: float, word: str
) -> None:
    text = f"Output was {level:.2f} tonnes, {word} from {base:.2f} tonnes."
    claims = [c for c in extract(text) if c.quantity]
    turned = list(turned_moves(text, claims, 0.0))
    a, b = round(level, 2), round(base, 2)
    wrong = (word == "up" and a < b) or (word == "down" and a > b)
    if turned:
        assert wrong  # never a move that goes the way it says
    elif wrong:
        assert abs(a - b) <= 0.05 * max(a, b)  # ... and every one clearly the other way


@pytest.mark.parametrize(("text", "pairs"), [
    ("ROCKETS 115, GRIZZLIES 103: John Wall scored 22 points.", {(103, 115)}),
    ("Man Utd 2, Arsenal 1.", {(1, 2)}),
    ("In May 12, June 14 the river rose.", set()),
    ("China 45,400 (-4%), US 32,400.", set()),
])
def test_scores_written_team_by_team(text: str, pairs: set[tuple[int, int]]) -> None:
    assert named_scores(text) == pairs


@given(st.integers(0, 59), st.integers(0, 59), st.integers(0, 99))
def test_a_lap_time_is_its_seconds(m: int, s: int, hundredths: int) -> None:
    text = f"She won in {m}:{s:02d}.{hundredths:02d} on Friday."
    (claim,) = extract_compound_durations(Document.from_text(text))
    assert claim.quantity is not None
    assert claim.quantity.value == pytest.approx(m * 60 + s + hundredths / 100)


@pytest.mark.parametrize("unit", [
    "A 1, B 2, ", "Ab Cd Ef 1, ", "1:00.0", "3min 2", "5 up from ", "rose to 5 from ", "1 or ",
])
def test_linear_on_long_runs(unit: str) -> None:
    text = unit * 20_000
    t0 = time.perf_counter()
    named_scores(text)
    extract_compound_durations(Document.from_text(text))
    _BETWEEN.fullmatch(text)
    _VERB_BEFORE.search(text)
    assert time.perf_counter() - t0 < 2.0
