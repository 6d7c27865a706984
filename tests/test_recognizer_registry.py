"""The recognizer contract: the registry runs each recognizer once, in order, and
hands each what the ones before it found."""

from __future__ import annotations

import pytest

from discrepancy.model import CATEGORIES, Claim, Document
from discrepancy.recognizers import extract as engine
from discrepancy.recognizers import registry
from discrepancy.recognizers.base import Context, Recognizer, Spans
from discrepancy.text.load import document_from_text
from discrepancy.text.wordlists import sections

TEXT = (
    "Over the past two months, 1,200 containers were shipped, the ministry said on "
    "Friday, Jan 19, 2024.\n\n"
    "| Item | Quantity |\n|---|---|\n| Shells | 3,000 |\n"
)


def test_every_recognizer_has_a_unique_name_and_a_known_category() -> None:
    names = [r.name for r in registry.RECOGNIZERS]
    assert len(names) == len(set(names))
    assert {r.category for r in registry.RECOGNIZERS} <= set(CATEGORIES)


def test_each_recognizer_yields_claims_of_its_own_category() -> None:
    doc = document_from_text(TEXT)
    context = Context()
    for recognizer in registry.RECOGNIZERS:
        claims = recognizer.recognize(doc, context)
        assert all(c.category == recognizer.category for c in claims), recognizer.name
        context = context.then(recognizer, claims)
    assert {r.name for r, cs in context.found if cs} >= {"dates", "tables", "quantities"}


class _Spy(Recognizer):
    name = "spy"
    category = "quantity"

    def __init__(self) -> None:
        self.seen: list[Context] = []

    def recognize(self, doc: Document, context: Context) -> list[Claim]:
        self.seen.append(context)
        return []


def test_a_later_recognizer_sees_what_earlier_ones_took(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spy = _Spy()
    monkeypatch.setattr(registry, "RECOGNIZERS", (*registry.RECOGNIZERS, spy))
    doc = document_from_text(TEXT + " ")  # a text no earlier test cached
    engine.extract(doc)
    (context,) = spy.seen
    dates = context.claims("date")
    assert dates and all(c.category == "date" for c in dates)
    rows = [c for r, cs in context.found if not r.prose for c in cs]
    assert rows and context.row_sentences() == {c.sentence for c in rows}
    # the duration inside the date phrase is the date's, not a figure
    date_spans = Spans((d.start, d.end) for d in dates)
    figures = [c for r, cs in context.found if r.name == "quantities" for c in cs]
    assert figures and not any(date_spans.overlaps(q) for q in figures)


@pytest.mark.parametrize("name", ["attribution_words.txt", "date_cue_words.txt",
                                  "height_units.txt"])
def test_every_section_of_a_word_list_file_holds_words(name: str) -> None:
    lists = sections(name)
    assert lists and all(lists.values())
