"""Date and period extraction: datelines, references, event subjects. The sentence rows
are in ``tests/corpora/recognizers/dates.yaml`` and ``tests/corpora/checks/DQ201.yaml``."""

from __future__ import annotations

from datetime import date

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




# One example of every branch of the date pattern: each holds a hint, so the
# pre-check that spares date-less sentences the pattern never drops a date.
_BRANCH_EXAMPLES = (
    "over the past two months", "in recent weeks", "three years ago", "earlier this week",
    "2024-01-23", "Tuesday, Jan 23, 2024", "on Friday", "23rd of January 2024",
    "mid-October", "the end of March", "spring 2023", "late 2019", "Q4 2020", "1Q 2021",
    "H2 2022", "the fourth quarter of fiscal 2020", "first-half 2021", "2016-17",
    "in 2020", "yesterday", "Tonight", "on june 16 , 1983", "16 june", "FY21", "Q3 FY22",
    "14.01.2021",
)


def test_every_date_form_passes_the_pre_check() -> None:
    from discrepancy.recognizers.dates.patterns import _atom_re, could_hold_date, month_case

    for text in _BRANCH_EXAMPLES:
        cased = month_case(text)
        assert _atom_re().search(cased), text
        assert could_hold_date(cased), text


_DATE_WORDS = (
    "the", "past", "last", "two", "a", "days", "week", "weekend", "month", "years", "ago",
    "Jan", "Sept", "May", "march", "june", "Monday", "Fall", "winter", "early", "mid",
    "Q3", "H1", "4Q", "first", "half", "quarter", "fiscal", "FY", "FY21", "'21", "2020",
    "1999", "17", "23", "3rd", "of", "in", "-", "–", ",", "Today", "tonight", "recent", "end",
    "shares",
)


@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=8))
@settings(max_examples=300, deadline=None)
def test_pre_check_never_drops_a_match(words: list[str]) -> None:
    from discrepancy.recognizers.dates.patterns import _atom_re, could_hold_date, month_case

    cased = month_case(" ".join(words))
    if _atom_re().search(cased):
        assert could_hold_date(cased)


_GUARD_WORDS = (*_DATE_WORDS, "5", "9", "0", "45", "2019", "Over", "during", "within", "The",
                "beginning", "Late", "Spring", "Sunday", "couple", "Several", "This", "ago",
                "Q1", "h2", "Third", "FY2021", "2007-11", "Yesterday", "said", "5th")


@given(st.lists(st.sampled_from(_GUARD_WORDS), max_size=10),
       st.sampled_from((" ", ", ", "  ", "-", "\n")))
@settings(max_examples=400, deadline=None)
def test_first_character_guards_keep_every_match(words: list[str], sep: str) -> None:
    """The class before each branch only restates its first characters: the
    pattern finds what its bare branches find, groups included."""
    from discrepancy.recognizers.dates.patterns import _atom_re, _unguarded_atom_re, month_case

    for text in (sep.join(words), *_BRANCH_EXAMPLES, "on 5 June 2025", "9 of March"):
        cased = month_case(text)
        got = [(m.span(), m.groupdict()) for m in _atom_re().finditer(cased)]
        bare = [(m.span(), m.groupdict()) for m in _unguarded_atom_re().finditer(cased)]
        assert got == bare, text
