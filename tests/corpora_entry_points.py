"""The one place the corpus runners name the library's modules.

Each reader (recognizer rows) and via (check rows) is the entry point rows were
first written against; when a module is renamed, only the imports here change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from corpora_rows import Row

import discrepancy
from discrepancy.checks.attributions import find_attribution_findings
from discrepancy.checks.codes import BY_CODE
from discrepancy.checks.dates import find_date_findings
from discrepancy.model import Claim, Document, Finding, Sentence
from discrepancy.recognizers.and_a_half import extract_and_a_half
from discrepancy.recognizers.anniversaries import extract_anniversaries
from discrepancy.recognizers.attributions import extract_attributions
from discrepancy.recognizers.compound_durations import extract_compound_durations
from discrepancy.recognizers.dates import extract_dates
from discrepancy.recognizers.later_dates import later_dates
from discrepancy.recognizers.quantities import extract_quantities
from discrepancy.recognizers.streaks import extract_streaks
from discrepancy.recognizers.tables import extract_table_claims
from discrepancy.recognizers.unit_durations import extract_unit_durations

from helpers import fake_cell

CODES: frozenset[str] = frozenset(BY_CODE)  # a checks/ file is named for one of these

Reader = Callable[[str, Row], tuple[str, list[Claim]]]
Via = Callable[[str, list[str]], list[Finding]]


# ---------------------------------------------------------------- readers


def _one_sentence(text: str) -> Document:
    # the quantity grammar alone, on a text taken as one sentence
    return Document("t", text, sentences=(Sentence(0, 0, len(text), 1, 1, text),))


def _reference(row: Row) -> date | None:
    ref = row.get("reference")
    return date.fromisoformat(str(ref)) if ref else None


def _on_document(recognize: Callable[[Document, Row], list[Claim]]) -> Reader:
    def read(text: str, row: Row) -> tuple[str, list[Claim]]:
        doc = Document.from_text(text)
        return doc.text, recognize(doc, row)

    return read


READERS: dict[str, Reader] = {
    "extract": lambda text, row: (text, discrepancy.extract(text)),
    "quantities": lambda text, row: (text, extract_quantities(_one_sentence(text))),
    "dates": _on_document(lambda doc, row: extract_dates(doc, _reference(row))),
    "attributions": _on_document(lambda doc, row: extract_attributions(doc)),
    "anniversaries": _on_document(lambda doc, row: extract_anniversaries(doc)),
    "streaks": _on_document(lambda doc, row: extract_streaks(doc)),
    "and_a_half": _on_document(lambda doc, row: extract_and_a_half(doc)),
    "compound_durations": _on_document(lambda doc, row: extract_compound_durations(doc)),
    "later_dates": _on_document(
        lambda doc, row: later_dates(doc, extract_dates(doc, _reference(row)))
    ),
    "unit_durations": _on_document(lambda doc, row: extract_unit_durations(doc)),
    "tables": _on_document(lambda doc, row: extract_table_claims(doc, fake_cell)),
}


# ---------------------------------------------------------------- vias


def _dates_and_speakers(text: str, id: str) -> tuple[Document, list[Claim]]:
    doc = Document.from_text(text, id=id)
    return doc, extract_dates(doc) + extract_attributions(doc)


def _attributions(summary: str, sources: list[str]) -> list[Finding]:
    t, tc = _dates_and_speakers(summary, "t")
    return find_attribution_findings(t, tc, [_dates_and_speakers(s, "s") for s in sources])


def _attributions_and_dates(summary: str, sources: list[str]) -> list[Finding]:
    t, tc = _dates_and_speakers(summary, "t")
    pairs = [_dates_and_speakers(s, "s") for s in sources]
    return find_attribution_findings(t, tc, pairs) + find_date_findings(t, tc, pairs)


def _dates(summary: str, sources: list[str]) -> list[Finding]:
    t = Document.from_text(summary, id="t", role="target")
    pairs = [(s, extract_dates(s)) for s in (Document.from_text(s, id="s") for s in sources)]
    return find_date_findings(t, extract_dates(t), pairs)


VIAS: dict[str, Via] = {
    "check": lambda summary, sources: list(discrepancy.check(summary, sources).findings),
    "attributions": _attributions,
    "attributions_and_dates": _attributions_and_dates,
    "dates": _dates,
}
