"""Quantity extraction on news-style sentences: value interval, qualifier, unit, subject."""

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


def test_attributes_and_surface() -> None:
    q = only(
        "more than two million rounds of 152mm artillery shells",
        "more than two million rounds",
    ).quantity
    assert q.attributes == ("152mm",)
    assert q.surface_value == "two million"
    assert q.surface_unit == "rounds"
    rate = only("The plan is $14.95 a month.", "$14.95 a month").quantity
    assert "per month" in rate.attributes
    age = only("a 50 year-old man", "50 year-old").quantity
    assert "age" in age.attributes
    age = only("crane operator Jakub Mazur, 41, said", "41").quantity
    assert (age.dimension, age.attributes) == ("duration", ("age",))
    assert age.value == pytest.approx(41 * 31557600)


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


def test_rates_and_scales_on_counts() -> None:
    q = only("They provide three thousand tests per day.", "three thousand tests").quantity
    assert (q.value, q.subject, q.attributes) == (3000, "test", ("per day",))
    q = only("The population is about 8 B people.", "about 8 B people").quantity
    assert q.value == 8e9 and q.subject == "person"
    q = only("It sold 2.7m combined digital and physical sales.", "2.7m").quantity
    assert q.value == 2.7e6 and q.dimension == "count"
    q = only("The skeleton is 37m (121ft) long.", "37m").quantity
    assert q.dimension == "length"


def test_noun_phrase_edges() -> None:
    q = only("It costs more for the 5 speed manual transmission version and", "5 speed").quantity
    assert q.subject == "speed"
    q = only("We had an average of 20 per week lately.", "20 per week").quantity
    assert q.attributes == ("per week",)
    q = only("Its 3 cylinder engine delivered power today.", "3 cylinder").quantity
    assert q.subject == "cylinder"
    q = only("We had a three course meal, all in.", "three course meal").quantity
    assert q.subject == "course meal"


def test_metres_millions_and_modifiers() -> None:
    assert only("It runs 520m trains daily.", "520m").quantity.dimension == "length"
    assert only("The siding is 775 m.", "775 m").quantity.dimension == "length"
    assert only("Some 5m people watched.", "Some 5m people").quantity.value == 5e6
    assert only("Five more bodies were found.", "Five more bodies").quantity.subject == "body"
    assert only("They built 47 km of new line.", "47 km").quantity.subject == "line"
    beds = only("It opened a 400-bed isolation unit.", "400-bed").quantity
    assert (beds.value, beds.subject) == (400, "bed")
    decades = only("It lasted more than two decades.", "more than two decades").quantity
    assert (decades.dimension, decades.low) == ("duration", pytest.approx(20 * 31557600))
    rng = only("It cut its forecast from €35bn-€36bn.", "from €35bn-€36bn").quantity
    assert rng.qualifier == "range" and "from-to" not in rng.attributes


def test_years_next_to_quantities_are_skipped() -> None:
    found = claims("VR headset sales rose 60% in 2018 to 3.9 million headsets.")
    assert [c.text for c in found] == ["60%", "3.9 million headsets"]


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
