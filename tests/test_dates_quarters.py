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


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Q4 2020", "2020-10-01", "2020-12-31"),
    ("the fourth quarter of 2020", "2020-10-01", "2020-12-31"),
    ("fourth-quarter 2020", "2020-10-01", "2020-12-31"),
    ("the third quarter of fiscal 2021", "2021-07-01", "2021-09-30"),
    ("the first half of 2021", "2021-01-01", "2021-06-30"),
    ("H2 2022", "2022-07-01", "2022-12-31"),
])
def test_a_quarter_is_a_period(text: str, start: str, end: str) -> None:
    dates = [c for c in discrepancy.extract(f"Revenue rose in {text}.") if c.category == "date"]
    assert len(dates) == 1 and dates[0].period is not None
    assert (dates[0].period.start, dates[0].period.end) == (start, end)


@pytest.mark.parametrize("text", [
    "In the first quarter, the Giants led 21-7.",  # a game's quarter, no year
    "The Q3 chip ships next month.",
    "He scored in the second half of the match.",
])
def test_a_quarter_without_its_year_is_no_date(text: str) -> None:
    assert [c for c in discrepancy.extract(text) if c.category == "date"] == []


@pytest.mark.parametrize(("summary", "wrong"), [
    pytest.param("Reliance anticipates non-GAAP earnings per diluted share in the range of $1.30 "
                 "to $1.40 for Q3 2020.", "Q3 2020", id="quarter-swapped"),
    pytest.param("Reliance anticipates non-GAAP earnings per diluted share in the range of $1.30 "
                 "to $1.40 for Q4 2019.", "Q4 2019", id="year-swapped"),
])
def test_a_wrong_quarter_is_a_conflict(summary: str, wrong: str) -> None:
    found = [f.claim.text for f in discrepancy.check(summary, [SOURCE]).findings
             if f.code == "DQ201"]
    assert found == [wrong]


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


CAPITAL_ONE = (
    "In the third quarter, Capital One earned $3.1 billion or $6.78 per diluted common share. "
    "Our common equity Tier 1 capital ratio was 13.8 percent at the end of the third quarter, "
    "down 70 basis points from the prior quarter."
)


@pytest.mark.parametrize(("summary", "flagged"), [
    pytest.param("The common equity Tier 1 capital ratio was 13.8 percent at the end of the "
                 "second quarter, down 70 basis points from the prior quarter.", ["second quarter"],
                 id="year-less-quarter-swapped"),
    pytest.param("The common equity Tier 1 capital ratio was 13.8 percent at the end of the "
                 "third quarter, down 70 basis points from the prior quarter.", [],
                 id="year-less-quarter-kept"),
])
def test_a_quarter_named_without_its_year_is_compared_within_its_event(
    summary: str, flagged: list[str]
) -> None:
    found = [f.claim.text for f in discrepancy.check(summary, [CAPITAL_ONE]).findings
             if f.category == "date"]
    assert found == flagged


@pytest.mark.parametrize(("text", "start", "end"), [
    ("the 2016-17 season", "2016-01-01", "2017-12-31"),
    ("the 2016-2017 season", "2016-01-01", "2017-12-31"),
    ("the 2019/20 season", "2019-01-01", "2020-12-31"),
    ("the 1999-00 season", "1999-01-01", "2000-12-31"),
])
def test_a_span_of_years_is_one_period(text: str, start: str, end: str) -> None:
    dates = [c for c in discrepancy.extract(f"They move there for {text}.")
             if c.category == "date"]
    assert [(c.period.start, c.period.end) for c in dates if c.period] == [(start, end)]


def test_a_span_of_years_states_both_ends() -> None:
    source = "West Ham make the switch to the stadium for the 2016-24 season."
    flagged = [f.claim.text for f in discrepancy.check(
        "West Ham move to the stadium for the 2016-17 season.", [source]).findings]
    same = discrepancy.check("West Ham move to the stadium for the 2016-24 season.", [source])
    assert flagged == ["2016-17"] and [f for f in same.findings if f.category == "date"] == []
