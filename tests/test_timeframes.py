"""Time frames on figures, and the growth rule that keeps running totals from conflicting."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from discrepancy.model import Claim, Document, Period, Quantity
from discrepancy.recognizers.dates import extract_dates
from discrepancy.recognizers.timeframes import (
    attach_time_frames,
    figures_comparable,
    frames_compatible,
    is_growth,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _q(doc: Document, text: str, value: float, subject: str = "container") -> Claim:
    start = doc.text.index(text)
    sent = doc.sentence_at(start)
    assert sent is not None
    return Claim(
        doc=doc.id, category="quantity", text=text, start=start, end=start + len(text),
        sentence=sent.index, subject=subject,
        quantity=Quantity(low=value, high=value, value=value, subject=subject),
        context=tuple(sent.text.lower().split()),
    )


def _framed(path: str, figure: str, value: float) -> Claim:
    doc = Document.from_text((FIXTURES / path).read_text("utf-8"), id=path)
    (claim,) = attach_time_frames(doc, [_q(doc, figure, value)], extract_dates(doc))
    return claim


def test_by_mid_october_frames_the_total() -> None:
    c = _framed("timeframe_early.txt", "more than 1,000 containers", 1000)
    assert c.time_frame is not None
    assert c.time_frame.open_start and c.time_frame.end == "2023-10-20"


def test_since_september_wins_over_on_friday() -> None:
    c = _framed("timeframe_later.txt", "more than 10,000 containers", 10000)
    assert c.time_frame is not None
    assert c.time_frame.open_end
    assert (c.time_frame.start, c.time_frame.end) == ("2023-09-01", "2024-02-24")


def test_growing_total_is_not_a_conflict() -> None:
    early = _framed("timeframe_early.txt", "more than 1,000 containers", 1000)
    later = _framed("timeframe_later.txt", "more than 10,000 containers", 10000)
    # the frames overlap (both cover October), so only the growth rule saves them
    assert frames_compatible(early, later)
    assert is_growth(early, later)
    assert is_growth(later, early)  # argument order is only a hint
    assert not figures_comparable(early, later)


def test_same_article_growth_by_mid_october_and_since_september() -> None:
    doc = Document.from_text((FIXTURES / "timeframe_later.txt").read_text("utf-8"), id="later")
    claims = attach_time_frames(
        doc,
        [_q(doc, "1,000 containers", 1000), _q(doc, "more than 10,000 containers", 10000)],
        extract_dates(doc),
    )
    small, big = sorted(claims, key=lambda c: c.quantity.value)  # type: ignore[union-attr]
    assert small.time_frame is not None and small.time_frame.open_start
    assert is_growth(small, big)


def test_shrinking_total_is_still_comparable() -> None:
    early = _framed("timeframe_early.txt", "more than 1,000 containers", 1000)
    later = _framed("timeframe_later.txt", "more than 10,000 containers", 10000)
    shrunk = replace(later, quantity=replace(later.quantity, low=500, high=500, value=500))  # type: ignore[arg-type]
    assert not is_growth(early, shrunk)
    assert figures_comparable(early, shrunk)


def test_same_frame_different_figures_are_comparable() -> None:
    p = Period("2023-09-01", "2024-01-23", "open", open_end=True)
    doc = Document.from_text("A total of 800 rail cars moved. Later 900 rail cars moved.")
    a = replace(_q(doc, "800 rail cars", 800, "rail car"), time_frame=p)
    b = replace(_q(doc, "900 rail cars", 900, "rail car"), time_frame=p)
    assert frames_compatible(a, b)
    assert not is_growth(a, b)
    assert figures_comparable(a, b)


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        (None, None, True),
        (None, Period("2023-01-01", "2023-01-31", "month"), True),
        (Period("2022-09-01", "2023-01-31", "month"), Period("2023-09-01", "2024-02-24", "open",
                                                              open_end=True), False),
        (Period("0001-01-01", "2023-10-20", "open", open_start=True),
         Period("2023-09-01", "2024-02-24", "open", open_end=True), True),
        (Period("2024-01-19", "2024-01-19", "day"), Period("2024-01-19", "2024-01-19", "day"),
         True),
    ],
)
def test_frames_compatible(a: Period | None, b: Period | None, ok: bool) -> None:
    assert frames_compatible(a, b) is ok


def test_frames_from_the_sentence_only() -> None:
    doc = Document.from_text(
        "Shipments began in September. More than 800 rail cars crossed the border."
    )
    (c,) = attach_time_frames(doc, [_q(doc, "800 rail cars", 800, "rail car")],
                              extract_dates(doc, None))
    assert c.time_frame is None


def test_datelines_are_not_frames() -> None:
    doc = Document.from_text("Jan 23, 2024\n\nOfficials counted 800 rail cars.\n")
    (c,) = attach_time_frames(doc, [_q(doc, "800 rail cars", 800, "rail car")],
                              extract_dates(doc))
    assert c.time_frame is None


def test_existing_frame_is_kept() -> None:
    doc = Document.from_text("In 2020 officials counted 800 rail cars.")
    p = Period("2019-01-01", "2019-12-31", "year")
    q = replace(_q(doc, "800 rail cars", 800, "rail car"), time_frame=p)
    (c,) = attach_time_frames(doc, [q], extract_dates(doc))
    assert c.time_frame == p


@pytest.mark.parametrize(
    ("text", "figure", "framed"),
    [
        # a faithful-summary probe (ECTSum, read half): the bracket dates the $1.36 only
        ("Non-GAAP EPS rose from $1.36 (Q2 2020); GAAP EPS was $1.51.", "$1.36", True),
        ("Non-GAAP EPS rose from $1.36 (Q2 2020); GAAP EPS was $1.51.", "$1.51", False),
        ("Revenue was $5.2 billion (Q3 2020), up 8%.", "$5.2 billion", True),
        ("In Q2 2020, EPS was $1.36.", "$1.36", True),
    ],
)
def test_a_bracketed_date_frames_the_figure_before_it(text: str, figure: str, framed: bool) -> None:
    import discrepancy

    (claim,) = [c for c in discrepancy.extract(text) if c.text == figure]
    assert (claim.time_frame is not None) is framed


@pytest.mark.parametrize(
    ("text", "figure", "year"),
    [
        ("OPEC's share fell to 39% in 2019 from 41.2% a year earlier.", "41.2%", "2018"),
        ("Sales reached $5 billion in 2021, against $4 billion the previous year.",
         "$4 billion", "2020"),
        ("Profit was $2 million in 2020, up from $1 million in the prior year.",
         "$1 million", "2019"),
        # the sentence's own figure keeps its year
        ("OPEC's share fell to 39% in 2019 from 41.2% a year earlier.", "39%", "2019"),
        ("In 2019 the share was 39%, a year after it peaked.", "39%", "2019"),
    ],
)
def test_a_figure_a_year_earlier_takes_the_year_before(text: str, figure: str, year: str) -> None:
    doc = Document.from_text(text)
    (claim,) = attach_time_frames(doc, [_q(doc, figure, 1.0, "share")], extract_dates(doc))
    assert claim.time_frame is not None
    assert claim.time_frame.start[:4] == year


@pytest.mark.parametrize(
    ("text", "figure", "year"),
    [
        # fresh probe (round 62): the year after the figure, in its own clause, dates it
        ("The agency supported $30.25 billion in fiscal 2012 and $30.5 billion in fiscal 2011.",
         "$30.5 billion", "2011"),
        ("The federal agency supported $30.25 billion in lending via 53,848 loans in fiscal year "
         "2012 and $30.5 billion and 61,689 loans in fiscal year 2011.", "$30.5 billion", "2011"),
        ("The federal agency supported $30.25 billion in lending via 53,848 loans in fiscal year "
         "2012 and $30.5 billion and 61,689 loans in fiscal year 2011.", "$30.25 billion", "2012"),
        # no date of its own after it: the one before still frames it
        ("Sales were $5 billion in 2012, and profit was $2 billion.", "$2 billion", "2012"),
        ("In 2012 sales were $5 billion and profit $2 billion in the year before.", "$5 billion",
         "2012"),
    ],
)
def test_a_figure_takes_the_date_its_own_clause_writes(text: str, figure: str, year: str) -> None:
    import discrepancy

    (claim,) = [c for c in discrepancy.extract(text) if c.text == figure]
    assert claim.time_frame is not None
    assert claim.time_frame.start[:4] == year


@pytest.mark.parametrize(
    ("text", "figure", "year"),
    [
        # fresh probe (round 63): a list closed by "respectively" takes the dates in order
        ("Staff projected inflation of 2.1% in 2025, 1.9% in 2026, 1.8% in 2027 and 2.0% in "
         "2028, with core inflation at 2.4%, 2.2%, 1.9% and 2.0% respectively.", "2.4%", "2025"),
        ("Staff projected inflation of 2.1% in 2025, 1.9% in 2026, 1.8% in 2027 and 2.0% in "
         "2028, with core inflation at 2.4%, 2.2%, 1.9% and 2.0% respectively.", "1.8%", "2027"),
        ("Revenue was $5 million and $6 million in 2019 and 2020 respectively.", "$5 million",
         "2019"),
        ("Revenue was $5 million and $6 million in 2019 and 2020 respectively.", "$6 million",
         "2020"),
    ],
)
def test_a_list_closed_by_respectively_takes_its_dates_in_order(
    text: str, figure: str, year: str
) -> None:
    import discrepancy

    (claim,) = [c for c in discrepancy.extract(text) if c.text == figure]
    assert claim.time_frame is not None
    assert claim.time_frame.start[:4] == year


@pytest.mark.parametrize(
    ("text", "figure", "year"),
    [
        # fresh probe (round 64): "its 70% target for 2010" after "65% for 2002 and"
        ("It beat the target of 65% for 2002 and its 70% target for 2010.", "70%", "2010"),
        ("It beat the target of 65% for 2002 and its 70% target for 2010.", "65%", "2002"),
        # a percent "on" a period by name is measured against it: the sentence's
        # own date frames it
        ("Between April and June 2015, applications rose 15% on the first quarter of the year "
         "and 85% on the second quarter of 2014.", "85%", "2015"),
    ],
)
def test_own_clause_and_percent_on_a_period(text: str, figure: str, year: str) -> None:
    import discrepancy

    (claim,) = [c for c in discrepancy.extract(text) if c.text == figure]
    assert claim.time_frame is not None
    assert claim.time_frame.start[:4] == year


def test_a_percent_on_a_weekday_is_when_it_moved() -> None:
    import discrepancy

    doc = "Shares fell 2% on Monday, March 3, 2025."
    (claim,) = [c for c in discrepancy.extract(doc) if c.text == "2%"]
    assert claim.time_frame is not None
