"""Noun singularization for counted subjects."""

from __future__ import annotations

import pytest

from discrepancy.text.lemmas import is_plural, lemma, lemma_phrase


@pytest.mark.parametrize(
    "word,expected",
    [
        ("shells", "shell"),
        # British spellings compare as American ones (data/spelling_variants.txt)
        ("councillors", "councilor"),
        ("hospitalisations", "hospitalization"),
        ("labourers", "laborer"),
        ("four", "four"),
        ("hours", "hour"),
        ("entities", "entity"),
        ("cars", "car"),
        ("people", "person"),
        ("data", "data"),
        ("news", "news"),
        ("analyses", "analysis"),
        ("Missiles", "missile"),
        ("boxes", "box"),
        ("classes", "class"),
        ("churches", "church"),
        ("fishermen", "fisherman"),
        ("women", "woman"),
        # -men plurals the table does not list (the rule before was never reached)
        ("freshmen", "freshman"),
        ("linesmen", "linesman"),
        ("showmen", "showman"),
        # singular nouns in -men stay as they are
        ("specimen", "specimen"),
        ("abdomen", "abdomen"),
        ("regimen", "regimen"),
        ("semen", "semen"),
        ("omen", "omen"),
        ("Yemen", "yemen"),
        ("knives", "knife"),
        ("movies", "movie"),
        ("shoes", "shoe"),
        ("heroes", "hero"),
        ("status", "status"),
        ("bus", "bus"),
        ("series", "series"),
        ("first-team", "first-team"),
        ("first-teams", "first-team"),
        ("yen", "yen"),
        ("gas", "gas"),
    ],
)
def test_lemma(word: str, expected: str) -> None:
    assert lemma(word) == expected


def test_phrase() -> None:
    assert lemma_phrase("Rail Cars") == "rail car"
    assert lemma_phrase("artillery shells") == "artillery shell"
    assert lemma_phrase("individuals and entities") == "individual and entity"


def test_is_plural() -> None:
    assert is_plural("cars") and is_plural("people")
    assert not is_plural("car") and not is_plural("news")
