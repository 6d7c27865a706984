"""Patterns found reading every miss and false alarm of ``benchmarks/consistency.py``.

Short quotes from FRANK (CNN/DM, BBC) and SummEdits news summaries and their
articles; each row is a general cause, not a record.
"""

import pytest

import discrepancy
from discrepancy.checks.quantities import figure_in, source_numbers, stray_figures, text_numbers
from discrepancy.model import SEVERITY_RANK, Quantity
from discrepancy.text.load import document_from_text


def _flagged(summary: str, source: str) -> list[str]:
    report = discrepancy.check(summary, [source])
    return [f.claim.text for f in report.findings if SEVERITY_RANK[f.severity] >= 2]


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
    doc = document_from_text("Lordstown will recall 20 Endurance pickups. The gunman executed six "
                             "in a pool hall on the m4.")
    claims = discrepancy.extract(doc)
    stray = [c.text for c in stray_figures(doc, claims)]
    assert "20" in stray and "six" in stray
    assert not any("4" in s for s in stray)  # "m4" is a name, not a figure


def test_a_round_figure_against_a_same_subject_figure_needs_the_written_number() -> None:
    # "400-bed" matched to "40-bed" is a conflict; "380" cases in the headline,
    # a related sentence, is no rounding of it.
    source = ("Measles cases pass 380 as Graz hospital opens isolation ward. The hospital "
              "opened a 40-bed isolation unit.")
    summary = "The hospital in Graz has opened a 400-bed isolation unit in a surgical ward."
    assert "400-bed" in _flagged(summary, source)


def test_a_number_inside_a_name_is_no_stray_figure() -> None:
    doc = document_from_text("Sales of SARS-CoV-2 vaccines fell.")
    assert stray_figures(doc, []) == []


def test_a_number_with_another_unit_in_a_related_sentence_is_not_the_figure() -> None:
    # "20 minutes" in a sentence about the plea does not write "20 years ago"
    summary = ("An Australian has pleaded guilty to manslaughter in the death 20 years ago "
               "of an American who fell from a Sydney clifftop.")
    source = ("An Australian pleaded guilty to manslaughter in the death 35 years ago of an "
              "American who fell from a Sydney clifftop. About 20 minutes later, he said he "
              "had been confused when he pleaded guilty to the death.")
    assert "20 years" in _flagged(summary, source)


def test_the_same_number_means_the_same_number() -> None:
    # "458" is not written where the article says "457", however close
    source = ("In total, 870 people worldwide have been infected, and 457 deaths have been "
              "reported in 21 countries.")
    summary = "Since then, around 870 infections have been reported worldwide, with 458 deaths."
    assert "458 deaths" in _flagged(summary, source)


def test_code_in_a_document_is_no_figure() -> None:
    # a pasted "<script>alert(1)</script>" is shown escaped in reports, never a figure
    doc = document_from_text("The accomplice surrendered on Thursday. <script>alert(1)</script>")
    assert [c for c in discrepancy.extract(doc) if c.quantity] == []
    assert stray_figures(doc, []) == []


def test_a_figure_without_subject_is_set_against_the_same_statement() -> None:
    # "16%" has no counted thing to match on; the source sentence saying the same
    # with "14%" is the evidence an editor needs, not "no source gives a figure"
    summary = ("The union walked out on Monday, demanding a 16% wage increase over two years, "
               "while terminal operators have offered 6%.")
    source = ("Some 4,200 dockworkers walked out on Monday. The union is demanding a 14% wage "
              "increase over two years; terminal operators have offered 6%.")
    report = discrepancy.check(summary, [source])
    [f] = [f for f in report.findings if f.severity != "low"]
    assert (f.code, f.claim.text, f.evidence[0].text) == ("DQ101", "16%", "14%")
    assert "(1.14x apart)" in f.message
