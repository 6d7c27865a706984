"""Hand-built reports for renderer and CLI tests: no extraction involved.

Named test_report_* so it sits with the report tests; it holds builders, not tests.
"""

from __future__ import annotations

from dataclasses import replace

from discrepancy.model import Attribution, Claim, Document, Finding, Period, Quantity, Report
from discrepancy.text.load import document_from_text

from helpers import example_finding as make_finding

TARGET_TEXT = (
    "North Korea Steps Up Arms Shipments\n"
    "\n"
    "Analysts told The Wall Street Journal that North Korea exported more than 800 rail cars "
    "of munitions between September 2022 and January 2023.\n"
    "Each rail car held 25-30 tons, a figure that | pipes, *stars* and <b>tags</b> & more.\n"
    "On January 22nd, the UK reported 20 million shells.\n"
)
SOURCE_TEXT = (
    "The U.S. State Department accused North Korea of shipping more than 10,000 containers "
    "of munitions to Russia since September.\n"
    "The report was published on January 23.\n"
)


def span(doc: Document, text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    return start, start + len(text)


def claim(doc: Document, text: str, category: str = "quantity", **kw: object) -> Claim:
    start, end = span(doc, text)
    sentence = doc.sentence_at(start)
    return Claim(
        doc=doc.id, category=category, text=text, start=start, end=end,  # type: ignore[arg-type]
        sentence=sentence.index if sentence else 0, **kw,  # type: ignore[arg-type]
    )


def sentence_of(doc: Document, c: Claim) -> str:
    return doc.sentences[c.sentence].text


def sample_report(target_text: str = TARGET_TEXT, target_path: str = "summary.txt") -> Report:
    """Three findings of three severities, categories and kinds, one with evidence."""
    t = document_from_text(target_text, id="summary", path=target_path, role="target")
    s = document_from_text(SOURCE_TEXT, id="source", path="source.txt", role="source")
    rail = claim(
        t, "more than 800 rail cars", subject="munition",
        quantity=Quantity(low=800, high=float("inf"), value=800, qualifier="more_than",
                          subject="munition", unit="", dimension="count"),
    )
    containers = claim(
        s, "more than 10,000 containers", subject="munition",
        quantity=Quantity(low=10000, high=float("inf"), value=10000, qualifier="more_than",
                          subject="munition"),
    )
    date = claim(t, "January 22nd", "date", period=Period("2024-01-22", "2024-01-22"))
    src_date = claim(s, "January 23", "date", period=Period("2024-01-23", "2024-01-23"))
    wsj = claim(
        t, "Analysts told The Wall Street Journal", "attribution",
        attribution=Attribution(speaker="analysts", outlet="the wall street journal", verb="tell"),
    )
    findings: list[Finding] = [
        make_finding("quantity", "conflict", "high",
                     "800 rail cars vs more than 10,000 containers of munitions in source",
                     rail, [containers], sentence_text=sentence_of(t, rail), ratio=12.5),
        make_finding("date", "conflict", "medium", "January 22 vs January 23 in source", date,
                     [src_date], sentence_text=sentence_of(t, date)),
        make_finding("attribution", "unsupported", "low",
                     "The Wall Street Journal appears in no source", wsj,
                     sentence_text=sentence_of(t, wsj)),
    ]
    # Deliberately out of order: renderers must sort.
    return Report(documents=(t, s), findings=tuple(reversed(findings)),
                  claims=(rail, date, wsj, containers, src_date))


def empty_report() -> Report:
    r = sample_report()
    return replace(r, findings=())


def _shown(sentence: str) -> str:
    from discrepancy.recognizers.extract import extract
    from discrepancy.report.common import format_value

    [c] = [c for c in extract(sentence) if c.quantity is not None]
    return format_value(c.value_dict())


import pytest  # noqa: E402


@pytest.mark.parametrize(
    "sentence, shown",
    [
        # canonical units are for comparing; reports show what a reader reads
        # in the unit the text wrote
        ("It was the second anniversary of the invasion.", "2 years anniversary"),
        ("The trial lasted 40 days.", "40 days"),
        ("Each rail car held at least 25-30 tons of armaments.", "≥25 tons armament"),
        ("Some 212mm of rain fell overnight.", "~201.4–222.6 mm rain"),
        ("The road runs for 1 mile.", "1 mile"),
    ],
)
def test_values_are_shown_in_the_unit_written(sentence: str, shown: str) -> None:
    assert _shown(sentence) == shown


@pytest.mark.parametrize(
    "low, high, unit, shown",
    [
        # without a written unit, in the largest unit that writes the value tidily
        (63_115_200.0, 63_115_200.0, "second", "2 years"),
        (3_456_000.0, 3_456_000.0, "second", "40 days"),
        (5_400.0, 5_400.0, "second", "1.5 hours"),
        (25_000.0, "inf", "kilogram", "≥25 tonnes"),
        (1_609.344, 1_609.344, "meter", "1.609 km"),
        (1.0, 1.0, "second", "1 second"),
    ],
)
def test_values_without_a_written_unit_are_readable(
    low: object, high: object, unit: str, shown: str
) -> None:
    from discrepancy.report.common import format_value

    value = {"low": low, "high": high, "value": low, "unit": unit, "dimension": "x",
             "qualifier": "exact", "subject": "", "attributes": [], "written_unit": ""}
    assert format_value(value) == shown
