"""Date and period extraction on real news sentences, resolved against a fixed reference."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy.model import Document
from discrepancy.recognizers.dates import (
    DATELINE_SUBJECT,
    datelines,
    extract_dates,
    reference_date,
)

REF = date(2024, 1, 23)  # a Tuesday

# (sentence, span text, start, end, open_start, open_end)
CASES: list[tuple[str, str, str, str, bool, bool]] = [
    # full dates
    ("On January 22nd, the British government reported to a UN sanctions committee.",
     "January 22nd", "2024-01-22", "2024-01-22", False, False),
    ("The summit was held on Jan 23, 2024 in Geneva.", "Jan 23, 2024", "2024-01-23",
     "2024-01-23", False, False),
    ("The filing is dated 2024-01-23 and runs to 40 pages.", "2024-01-23", "2024-01-23",
     "2024-01-23", False, False),
    ("Kim laughs with Putin during a visit to far-east Russia on September 13, 2023.",
     "September 13, 2023", "2023-09-13", "2023-09-13", False, False),
    ("The agreement takes effect on June 20, 2024, officials said.", "June 20, 2024",
     "2024-06-20", "2024-06-20", False, False),
    ("The ship left port on 5 March 2023 with its cargo.", "5 March 2023", "2023-03-05",
     "2023-03-05", False, False),
    ("Talks resumed on Dec. 4, officials said.", "Dec. 4", "2023-12-04", "2023-12-04",
     False, False),
    ("The vote was scheduled for Monday, March 4, 2024.", "Monday, March 4, 2024",
     "2024-03-04", "2024-03-04", False, False),
    ("Protests began on 14th of November in the capital.", "14th of November", "2023-11-14",
     "2023-11-14", False, False),
    # partial dates
    ("Inflation peaked in November 2022 at 7.1 percent.", "November 2022", "2022-11-01",
     "2022-11-30", False, False),
    ("Troops massed on the border by mid-October, satellite images showed.",
     "by mid-October", "0001-01-01", "2023-10-20", True, False),
    ("In early January, Ukrainian forces recovered remnants of a ballistic missile.",
     "early January", "2024-01-01", "2024-01-10", False, False),
    ("Some were used in attacks on Ukraine in late December.", "late December",
     "2023-12-21", "2023-12-31", False, False),
    ("Kim Jong-un visited Russia in September to meet Putin.", "September", "2023-09-01",
     "2023-09-30", False, False),
    ("Missiles were displayed at military parades in 2020 and 2022.", "2020", "2020-01-01",
     "2020-12-31", False, False),
    ("Missiles were displayed at military parades in 2020 and 2022.", "2022", "2022-01-01",
     "2022-12-31", False, False),
    ("The plant closed at the end of March 2023 after the strike.", "the end of March 2023",
     "2023-03-21", "2023-03-31", False, False),
    ("Exports fell sharply in mid-2023, customs data show.", "mid-2023", "2023-01-01",
     "2023-12-31", False, False),
    ("The offensive stalled in the spring of 2023.", "spring of 2023", "2023-03-01",
     "2023-05-31", False, False),
    ("Shipments resumed last summer after a pause.", "last summer", "2023-06-01",
     "2023-08-31", False, False),
    ("Prices climbed in May as demand recovered.", "May", "2023-05-01", "2023-05-31",
     False, False),
    # periods
    ("North Korea exported more than 800 rail cars between September 2022 and January 2023.",
     "between September 2022 and January 2023", "2022-09-01", "2023-01-31", False, False),
    ("Vessels made port calls between November 2022 and January 2023 in Nakhodka.",
     "between November 2022 and January 2023", "2022-11-01", "2023-01-31", False, False),
    ("The program ran from March 2021 to June 2022 before it was cut.",
     "from March 2021 to June 2022", "2021-03-01", "2022-06-30", False, False),
    ("Output rose from September to December, the ministry said.",
     "from September to December", "2023-09-01", "2023-12-31", False, False),
    ("Deliveries ran between September and January 2023, officials said.",
     "between September and January 2023", "2022-09-01", "2023-01-31", False, False),
    ("More than 10,000 containers were shipped to Russia since September.",
     "since September", "2023-09-01", "2024-01-23", False, True),
    ("Known North Korean arms transfers to Russia since September 2022.",
     "since September 2022", "2022-09-01", "2024-01-23", False, True),
    ("Evidence has emerged over the past week of escalated shipments.", "over the past week",
     "2024-01-16", "2024-01-23", False, False),
    ("Rail cars transported armaments to Russia in recent months.", "in recent months",
     "2023-07-23", "2024-01-23", False, False),
    ("Russian forces ramped up bombardments over the past two months.",
     "over the past two months", "2023-11-23", "2024-01-23", False, False),
    ("The stockpile was depleted during the 2022-2023 winter until February 2023.",
     "until February 2023", "0001-01-01", "2023-02-28", True, False),
    ("The fund has grown in the past three years, its report said.", "in the past three years",
     "2021-01-23", "2024-01-23", False, False),
    ("The ceasefire held through 2021, diplomats said.", "through 2021", "0001-01-01",
     "2021-12-31", True, False),
    ("Fighting continued in the city after March 2023, residents said.", "after March 2023",
     "2023-04-01", "2024-01-23", False, True),
    # relative
    ("On Friday, the State Department said that amount had increased tenfold.", "Friday",
     "2024-01-19", "2024-01-19", False, False),
    ("Officials confirmed the shipment yesterday in Seoul.", "yesterday", "2024-01-22",
     "2024-01-22", False, False),
    ("The talks collapsed last week amid accusations.", "last week", "2024-01-15",
     "2024-01-21", False, False),
    ("Sanctions were announced last month by the Treasury.", "last month", "2023-12-01",
     "2023-12-31", False, False),
    ("The strike ended two weeks ago, unions said.", "two weeks ago", "2024-01-08",
     "2024-01-14", False, False),
    ("The ministry raised its forecast earlier this month.", "earlier this month",
     "2024-01-01", "2024-01-23", False, False),
    ("Exports reached a record last year, customs data show.", "last year", "2023-01-01",
     "2023-12-31", False, False),
    ("The ship docked today at Vostochny.", "today", "2024-01-23", "2024-01-23", False, False),
    ("Russia launched a barrage on Monday.", "Monday", "2024-01-22", "2024-01-22",
     False, False),
    # a weekday is the most recent such day on or before the reference (a Tuesday)
    ("The minister spoke on Tuesday.", "Tuesday", "2024-01-23", "2024-01-23", False, False),
    ("The minister spoke last Tuesday.", "last Tuesday", "2024-01-16", "2024-01-16",
     False, False),
    ("The minister spoke on Wednesday.", "Wednesday", "2024-01-17", "2024-01-17",
     False, False),
    ("The plant closed three days ago.", "three days ago", "2024-01-20", "2024-01-20",
     False, False),
    ("The plant closed 13 months ago.", "13 months ago", "2022-12-01", "2022-12-31",
     False, False),
    ("The plant closed two years ago.", "two years ago", "2022-01-01", "2022-12-31",
     False, False),
]


@pytest.mark.parametrize(("sentence", "span", "start", "end", "open_start", "open_end"), CASES)
def test_date_forms(
    sentence: str, span: str, start: str, end: str, open_start: bool, open_end: bool
) -> None:
    doc = Document.from_text(sentence)
    claims = extract_dates(doc, REF)
    got = {c.text: c for c in claims}
    assert span in got, f"{span!r} not in {list(got)}"
    c = got[span]
    assert c.category == "date"
    assert doc.text[c.start:c.end] == c.text
    assert c.period is not None
    assert (c.period.start, c.period.end) == (start, end)
    assert (c.period.open_start, c.period.open_end) == (open_start, open_end)


@pytest.mark.parametrize(
    "sentence",
    [
        "Each rail car likely contained at least 25-30 tons of armaments.",
        "North Korea may become emboldened by Russia's overtures.",
        "Prices fall when supply rises.",
        "The army deployed 2000 troops to the border.",
        "Markets will march higher, analysts say.",
        "Growth was 2.5 percent, with 1,200 firms surveyed.",
        "Vegetation was dried out by a record-hot July.",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert extract_dates(Document.from_text(sentence), REF) == []


def test_year_less_month_goes_before_reference() -> None:
    doc = Document.from_text("Output fell in October and recovered in January.")
    periods = {c.text: c.period for c in extract_dates(doc, REF)}
    assert periods["October"] is not None and periods["October"].start == "2023-10-01"
    assert periods["January"] is not None and periods["January"].start == "2024-01-01"


def test_subject_describes_the_event() -> None:
    doc = Document.from_text(
        "Analysts told The Wall Street Journal that North Korea exported more than 800 rail "
        "cars of ammunition to Russia between September 2022 and January 2023."
    )
    (c,) = extract_dates(doc, REF)
    words = c.subject.split()
    assert "rail" in words and "ship" in words  # "exported" folds to "ship"
    assert "journal" not in words  # the attribution clause is not the event
    assert c.sentence == 0
    assert "rail" in c.context


DATELINE_DOC = """June 20, 2024

North Korea Steps Up Arms Shipments

Jan 23, 2024

On January 22nd, the British government reported to a UN sanctions committee that ships
docked in Nakhodka. Russian forces fired missiles over the past two months.
"""


def test_datelines_are_flagged_and_set_the_reference() -> None:
    doc = Document.from_text(DATELINE_DOC)
    assert [d for _, _, d in datelines(doc)] == [date(2024, 6, 20), date(2024, 1, 23)]
    # the dateline right above the story dates it, not the site's stamp above the headline
    assert reference_date(doc) == date(2024, 1, 23)
    claims = extract_dates(doc)
    flagged = [c.text for c in claims if c.subject == DATELINE_SUBJECT]
    assert flagged == ["June 20, 2024", "Jan 23, 2024"]
    by_text = {c.text: c for c in claims}
    assert by_text["January 22nd"].period is not None
    assert by_text["January 22nd"].period.start == "2024-01-22"


def test_reference_without_dateline_is_latest_full_date() -> None:
    doc = Document.from_text(
        "Kim met Putin on September 13, 2023. Earlier, on March 2, 2023, talks began."
    )
    assert reference_date(doc) == date(2023, 9, 13)


def test_no_reference_leaves_year_less_dates_out() -> None:
    doc = Document.from_text("Shipments began in September and peaked last week.")
    assert reference_date(doc) is None
    assert extract_dates(doc) == []


def test_date_in_prose_is_not_a_dateline() -> None:
    doc = Document.from_text("Talks ended on Jan 23, 2024 without a deal.")
    assert datelines(doc) == []
    assert all(c.subject != DATELINE_SUBJECT for c in extract_dates(doc))


def test_long_text_is_fast_enough_to_finish() -> None:
    # many near-misses in one line: the regexes must not backtrack badly
    text = "in " + "September 2 " * 2000 + "x"
    doc = Document.from_text(text)
    assert len(extract_dates(doc, REF)) > 0


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Wheat from the autumn harvest is stuck in silos.", None),
        ("The offensive resumed in the autumn, officials said.", "autumn"),
    ],
)
def test_season_as_adjective(sentence: str, span: str | None) -> None:
    got = [c.text for c in extract_dates(Document.from_text(sentence), REF)]
    assert got == ([span] if span else [])


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Jan 2024-0123 since by mid-October,.\n")),
               max_size=200))
def test_spans_are_exact_on_any_text(text: str) -> None:
    doc = Document.from_text(text) if text.strip() else Document(id="d", text=text)
    for c in extract_dates(doc, REF):
        assert doc.text[c.start:c.end] == c.text
        assert c.period is not None and c.period.start <= c.period.end


def test_relative_dates_need_no_dateparser() -> None:
    """Weekdays and "ago" are our own arithmetic: dateparser costs a second to load."""
    import subprocess
    import sys

    code = (
        "import sys; from datetime import date; from discrepancy.model import Document;"
        "from discrepancy.recognizers.dates import extract_dates;"
        "d = Document.from_text('It fell on Friday, two weeks ago.');"
        "extract_dates(d, date(2024, 1, 23));"
        "print('dateparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def _subjects(text: str) -> dict[str, list[str]]:
    return {c.text: c.subject.split() for c in extract_dates(Document.from_text(text), REF)}


def test_each_date_keeps_its_own_event() -> None:
    """Words between two dates describe the later one; a date opening its clause
    takes the words after it."""
    got = _subjects(
        "The directorate counted 212 at the end of March and 301 by April 14, before the "
        "total reached 386 this week."
    )
    assert "directorat" not in got["this week"]
    assert "total" in got["this week"]
    got = _subjects("Construction is due to start in spring 2026, with the first trains "
                    "expected in 2030.")
    assert "first" in got["2030"] and "first" not in got["spring 2026"]
    got = _subjects("At the end of March, the directorate had counted 212 cases since the "
                    "first infections were detected in early January.")
    assert "directorat" in got["the end of March"]
    got = _subjects("Savings start from 2028, while the job cuts are spread over two years.")
    assert "job" not in got["2028"]


def _date_findings(summary: str, source: str) -> list[tuple[str, str]]:
    from discrepancy.checks.dates import find_date_findings

    t = Document.from_text("April 23, 2025\n\n" + summary, id="t", role="target")
    s = Document.from_text("April 23, 2025\n\n" + source, id="s")
    tc, sc = extract_dates(t), extract_dates(s)
    return [(f.claim.text, f.evidence[0].text) for f in find_date_findings(t, tc, [(s, sc)])]


def test_relative_day_against_a_month_or_season_is_no_conflict() -> None:
    # "this week" is a later step of the count than "the end of March"
    assert _date_findings(
        "Health officials in the province counted 386 measles cases this week.",
        "Health officials in the province had counted 212 measles cases at the end of March.",
    ) == []
    # a year-less season ("into the summer") is never precise enough to contradict a day
    assert _date_findings(
        "The region's largest hospital opened an isolation unit on Wednesday.",
        "The region's largest hospital opened an isolation unit into the summer.",
    ) == []


def test_specific_dates_of_one_event_still_conflict() -> None:
    got = _date_findings(
        "Free walk-in vaccination clinics opened on March 7 across the province.",
        "Free walk-in vaccination clinics opened on April 7 across the province.",
    )
    assert got == [("March 7", "April 7")]


def test_a_compatible_date_elsewhere_settles_the_event() -> None:
    # "on Tuesday night" is not comparable to the open "By Tuesday", but agrees with it
    assert _date_findings(
        "The flood death toll rose to 14 on Tuesday night.",
        "By Tuesday night the flood death toll had risen to 14. On Wednesday the flood "
        "death toll rose further.",
    ) == []
