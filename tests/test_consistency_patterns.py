"""Patterns found reading every miss and false alarm of ``benchmarks/consistency.py``:
how the quantity check finds a figure's number written in a source.

The summary/source rows (FRANK, SummEdits) are in ``tests/corpora/checks/DQ*.yaml``.
"""

import pytest

import discrepancy
from discrepancy.checks.quantity import figure_in, source_numbers, stray_figures, text_numbers
from discrepancy.model import Quantity
from discrepancy.text.load import document_from_text


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("He paid £1.5m", {1.5, 1_500_000}),
        ("more than 1, 000 people", {1000}),
        ("twenty-one dogs and seven cats", {21, 7}),
        ("in excess of 2,500 tickets", {2500}),
    ],
)
def test_text_numbers_reads_every_written_form(text: str, numbers: set[float]) -> None:
    assert numbers <= text_numbers(text)


def test_fractions_are_found_as_percents() -> None:
    doc = document_from_text("Turnout was a third of voters.")
    nums = source_numbers([(doc, discrepancy.extract(doc))])
    q = Quantity(low=33, high=33, value=33, unit="percent", dimension="percent",
                 surface_value="33", tolerance=0.015)
    assert figure_in(q, nums)


def test_stray_figures_skip_numbers_the_extractor_read() -> None:
    doc = document_from_text("Lordstown will recall 20 Endurance. The gunman executed six "
                             "in a pool hall on the m4.")
    claims = discrepancy.extract(doc)
    stray = [c.text for c in stray_figures(doc, claims)]
    assert "20" in stray and "six" in stray
    # ... while "20 Endurance pickups" counts pickups of a named kind: read, no stray
    doc = document_from_text("Lordstown will recall 20 Endurance pickups.")
    assert stray_figures(doc, discrepancy.extract(doc)) == []
    assert not any("4" in s for s in stray)  # "m4" is a name, not a figure


def test_a_number_inside_a_name_is_no_stray_figure() -> None:
    doc = document_from_text("Sales of SARS-CoV-2 vaccines fell.")
    assert stray_figures(doc, []) == []


def test_code_in_a_document_is_no_figure() -> None:
    # a pasted "<script>alert(1)</script>" is shown escaped in reports, never a figure
    doc = document_from_text("The accomplice surrendered on Thursday. <script>alert(1)</script>")
    assert [c for c in discrepancy.extract(doc) if c.quantity] == []
    assert stray_figures(doc, []) == []


