"""Quarters and halves of a year are dates ("Q4 2020", "the fourth quarter of
2020", "H2 2022"), and a date a figure is compared with ("up from $2.39 in the
third quarter of 2019") is not the date of the sentence's event. Rows from
SummEdits ECTSum earnings-call summaries and their transcripts."""

from __future__ import annotations

import pytest

import discrepancy
from discrepancy.recognizers.dates import comparison_base

SOURCE = (
    "Based on these expectations, we currently anticipate non-GAAP earnings per diluted share "
    "in the range of $1.30 to $1.40 for the fourth quarter of 2020. Net sales for the third "
    "quarter of 2020 decreased due to lower pricing and demand levels."
)


def test_the_right_quarter_is_no_finding() -> None:
    report = discrepancy.check("Reliance anticipates non-GAAP earnings per diluted share of "
                               "$1.30 to $1.40 for Q4 2020.", [SOURCE])
    assert [f for f in report.findings if f.category == "date"] == []


@pytest.mark.parametrize(("sentence", "base"), [
    ("EPS was $1.87, down from $2.39 in the third quarter of 2019.", True),
    ("This is an increase of 170% over the pre-pandemic first quarter of 2019.", True),
    ("Revenue was up from 2019.", True),
    ("Storm Irene arrived from the Atlantic on Sunday, March 9, 2020.", False),
    ("He moved from London in 2019.", False),
])
def test_comparison_base(sentence: str, base: bool) -> None:
    doc = discrepancy.Document.from_text(sentence)
    dates = [c for c in discrepancy.extract(doc) if c.category == "date"]
    assert [comparison_base(doc, c) for c in dates] == [base]


def test_a_comparison_base_is_no_evidence_of_another_date() -> None:
    # ECTSum: the summary keeps the year of the outlook; the transcript's sentence
    # about it compares with 2019
    source = ("This gives us a high level of confidence in our U.K. business during the remainder "
              "of 2021. This equates to adjusted earnings per share of $5.57, an increase of 170% "
              "over the pre-pandemic first quarter of 2019.")
    summary = ("The company's U.K. business is projected to perform well for the remaining months "
               "of 2021, and adjusted earnings per share improved on the pre-pandemic first "
               "quarter.")
    assert [f for f in discrepancy.check(summary, [source]).findings if f.code == "DQ201"] == []


def test_a_comparison_base_does_not_settle_the_events_date() -> None:
    # ECTSum: "net sales for Q3 2019" where the transcript reports Q3 2020 net sales
    # and mentions Q3 2019 only as what they are compared with
    source = ("Net sales for the third quarter of 2020 were $2.09 billion, down 15% from $2.46 "
              "billion in the third quarter of 2019, due to lower pricing and demand levels.")
    summary = "Reliance has seen a decrease in net sales for Q3 2019 due to lower pricing."
    found = [f.claim.text for f in discrepancy.check(summary, [source]).findings
             if f.code == "DQ201"]
    assert found == ["Q3 2019"]


def test_a_span_of_years_states_both_ends() -> None:
    source = "West Ham make the switch to the stadium for the 2016-24 season."
    flagged = [f.claim.text for f in discrepancy.check(
        "West Ham move to the stadium for the 2016-17 season.", [source]).findings]
    same = discrepancy.check("West Ham move to the stadium for the 2016-24 season.", [source])
    assert flagged == ["2016-17"] and [f for f in same.findings if f.category == "date"] == []
