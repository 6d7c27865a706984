"""Quantity extraction: tolerance, context, offsets, table cells, hostile text. The
sentence rows are in ``tests/corpora/recognizers/quantities.yaml``."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy.model import Claim, Document, Sentence
from discrepancy.recognizers.quantities import extract_quantities, quantity_from_cell

INF = math.inf


def doc(text: str) -> Document:
    return Document("t", text, sentences=(Sentence(0, 0, len(text), 1, 1, text),))


def claims(text: str) -> list[Claim]:
    return extract_quantities(doc(text))


def only(text: str, span: str) -> Claim:
    found = [c for c in claims(text) if c.text == span]
    assert found, f"no claim {span!r} in {[c.text for c in claims(text)]}"
    return found[0]


def test_tolerance_follows_how_the_figure_was_written() -> None:
    # a bare round figure rounds at most 10% ("£1bn" is no rounding of "£1.3bn");
    # "about" keeps the full half-unit of its last digit
    assert only("It sold 2 million copies.", "2 million copies").quantity.tolerance == (
        pytest.approx(0.1)
    )
    assert only("It sold two million copies.", "two million copies").quantity.tolerance == (
        pytest.approx(0.1)
    )
    assert only("It sold about two million copies.",
                "about two million copies").quantity.tolerance == pytest.approx(0.25)
    assert only("It sold 1.5 million copies.", "1.5 million copies").quantity.tolerance == (
        pytest.approx(0.5 * 0.1 / 1.5)
    )
    exact = only("It sold 2,013,450 copies.", "2,013,450 copies").quantity
    assert exact.tolerance < 1e-5
    assert only("They raised $1.5m.", "$1.5m").quantity.tolerance == pytest.approx(1 / 30)
    vague = only("Dozens of ballistic missiles hit.", "Dozens of ballistic missiles").quantity
    assert vague.tolerance >= 0.5


def test_context_is_lemmas_of_content_words() -> None:
    text = "Analysts said North Korea exported more than 800 rail cars."
    c = only(text, "more than 800 rail cars")
    assert "analyst" in c.context
    assert "car" in c.context
    assert "than" not in c.context
    assert all(not any(ch.isdigit() for ch in w) for w in c.context)


def test_offsets_with_several_sentences() -> None:
    text = "First line here.\nIt rose 5% to $3.5m. Then 20 people came."
    d = Document(
        "d",
        text,
        sentences=(
            Sentence(0, 0, 16, 1, 1, text[0:16]),
            Sentence(1, 17, 37, 2, 1, text[17:37]),
            Sentence(2, 38, len(text), 2, 22, text[38:]),
        ),
    )
    found = extract_quantities(d)
    assert [c.text for c in found] == ["5%", "$3.5m", "20 people"]
    assert [c.sentence for c in found] == [1, 1, 2]
    for c in found:
        assert text[c.start : c.end] == c.text


def test_cell_values() -> None:
    q = quantity_from_cell("20 million+", "Artillery Shells")
    assert q is not None
    assert (q.low, q.high, q.qualifier, q.subject) == (20e6, INF, "plus", "artillery shell")
    for cell in ("Unknown", "N/A", "unclear"):
        u = quantity_from_cell(cell, "Rockets")
        assert u is not None
        assert u.qualifier == "unknown"
        assert (u.low, u.high) == (0, INF)
        assert math.isnan(u.value)
        assert u.subject == "rocket"
    assert quantity_from_cell("", "Rockets") is None
    assert quantity_from_cell("n/a", "Missiles").subject == "missile"


def test_hostile_input_completes() -> None:
    # Linear by design: no nested quantifiers; these must simply finish.
    for text in ("1," * 50000, "a " * 50000, "1" * 100000, "-1" * 50000, "$" * 100000,
                 "one " * 25000, "more than " * 10000, "1.2." * 25000, "twenty-" * 14000):
        claims(text)


_PIECES = [
    "1", "25", "2,013,450", "3.5", "-", "–", "to", "and", "between", "from", "$", "US", "HK",
    "€", "m", "bn", "k", "million", "%", "per", "cent", "a", "year", "more", "than", "at",
    "least", "up", "one", "two", "twenty", "-", "dozens", "of", "rounds", "tons", "km", "/",
    "h", "(", ")", ",", ".", "rose", "fell", "minus", "sub", "+", "½", "1/2", "x", "10", "fold",
    "times", "January", "2023", "No", "Section", "RM", "PS", "p", "cents", "or", "more", ":",
]


@settings(deadline=None, max_examples=400)  # the first call loads pint
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.lists(st.booleans(), max_size=14))
def test_never_raises_on_figure_soup(pieces: list[str], glue: list[bool]) -> None:
    text = ""
    for i, p in enumerate(pieces):
        text += p if (i < len(glue) and glue[i]) else " " + p
    for c in claims(text):
        assert c.text == text[c.start : c.end]
        assert c.quantity is not None and c.quantity.low <= c.quantity.high


@settings(deadline=None)
@given(st.text(max_size=80))
def test_never_raises_on_any_text(text: str) -> None:
    for c in claims(text):
        assert c.text == text[c.start : c.end]


def test_a_million_after_money_is_no_cents() -> None:
    """Found by the figure-soup property: "$ 1 1m" read "1m" as two digits of cents."""
    import discrepancy

    claims = discrepancy.extract(" 1 1 $ 1 1m")
    assert [c.text for c in claims][-2:] == ["$ 1", "1m"]
