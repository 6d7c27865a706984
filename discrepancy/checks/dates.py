"""Date findings: a period that disagrees with a source's period for the same event.

Events are matched by the content stems around each date (``Claim.subject``).
Words that occur in a large share of all sentences ("north", "korea",
"russia" in a story about North Korea and Russia) say nothing about which
event is meant, so they are dropped before scoring (``events.event_key``).
Scores are the shared stems and overlap coefficient of the remaining stem
sets (``text.similarity.SparseOverlap``).

Kinds:
* conflict: the best-matching source event has a period that does not overlap,
  and the two dates are precise in a comparable way (``comparable``): a day
  counted from the story's date ("on Wednesday", "this week") is never set
  against a month or season, nor a year-less season against a day. Any
  overlapping date of the same event, comparable or not, settles it.
* conflict by weekday name: "surrendered to police on Friday" against the
  source's "surrendered himself on Thursday morning". Weekdays resolve to days
  only against a reference date, which many summaries and articles lack; the
  name is compared instead, for a closely matching event (the words around
  the weekday, not the whole sentence) when no matching source passage names
  the same day.
* internal: a document carries two different datelines.
* unsupported: only a date that names its year ("until 1987", "in August
  2021") when no source date overlaps it and no source writes that year at
  all. A summary often dates things loosely ("in recent months") and that
  is not an error an editor can act on; a year the sources never mention is.
  Also a fiscal quarter no source names while the sources name others about
  money (``quarter_names``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache

from ..model import Claim, Document, Finding, Period
from ..options import Options
from ..recognizers.dates import (
    DATELINE_SUBJECT,
    comparison_base,
    dated_at_head,
    dated_near_top,
    reference_date,
)
from ..recognizers.dates.reference import OPENING_CHARS
from ..text.months import month_numbers
from ..text.numbers import one_word_number
from ..text.similarity import OverlapRow, SparseOverlap
from ..text.wordlists import lines
from ..text.words import content_stems
from .base import Code, Sources
from .clock_times import (
    SourceTime,
    TargetTime,
    minutes_apart,
    source_has_time_of_day,
    source_times,
    target_minutes,
    target_named_times,
    target_times,
)
from .events import common_stems, event_key
from .findings import make_finding, sentence_of
from .month_days import (
    any_day,
    any_month,
    day_name,
    days_named,
    month_name,
    months_named,
    relative_day,
    yearless_day,
    yearless_month,
)
from .quarter_names import SEQUENTIAL, YEAR_AGO, unnamed_quarters
from .quotes import squashed_sources, verbatim_quotes
from .weekday_names import NAME_AFTER, invented_weekdays
from .year_slips import year_slips

CONFLICT = Code("DQ201", "date.conflict", "conflict", "date",
                "A date or period disagrees with the one a source gives for the same event.")
UNSUPPORTED = Code("DQ202", "date.unsupported", "unsupported", "date",
                   "No source gives this date or period.")
INTERNAL = Code("DQ203", "date.internal", "internal", "date",
                "The document gives two dates that cannot both hold (e.g. two datelines).")

MIN_OVERLAP = 0.25  # shared stems / stems of the shorter key
MIN_SHARED = 2  # one shared word ("ship") matches too much by accident
RELATIVE_DAYS = 7  # "this week" is the coarsest relative day
MONTH_DAYS = 28
# A year, or a fiscal year's short form ("FY21"): both name the year a figure is of.
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b|\b[Ff][Yy]\s?'?\d\d\b")
_ABSOLUTE = re.compile(
    r"\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|\b(?:spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)


def _days(p: Period) -> int:
    if p.open_start or p.open_end:
        return 1 << 30
    return (date.fromisoformat(p.end) - date.fromisoformat(p.start)).days + 1


def _relative_day(c: Claim) -> bool:
    """ "Wednesday", "this week", "yesterday": a day or week counted from the story's date."""
    assert c.period is not None
    return (
        _ABSOLUTE.search(c.text) is None
        and c.period.granularity in ("day", "relative")
        and _days(c.period) <= RELATIVE_DAYS
    )


def _vague(c: Claim) -> bool:
    """A season with no year ("into the summer"): often ahead of the story, never precise."""
    assert c.period is not None
    return c.period.granularity == "season" and _YEAR.search(c.text) is None


def comparable(a: Claim, b: Claim) -> bool:
    """Whether two dates are precise enough, in the same way, to contradict each other.

    A relative day ("on Wednesday", "this week") only meets another day or week:
    against a month or season it is usually a different, later step of the story
    ("212 at the end of March ... 386 this week"). A year-less season meets
    nothing finer than a month.
    """
    assert a.period is not None and b.period is not None
    for x, y in ((a, b), (b, a)):
        if _relative_day(x) and _days(y.period) > RELATIVE_DAYS:  # type: ignore[union-attr]
            return False
        if _vague(x) and _days(y.period) < MONTH_DAYS:  # type: ignore[union-attr]
            return False
    return True


def _is_span(c: Claim) -> bool:
    return c.period is not None and c.period.start != c.period.end


def _overlaps(c: Claim, claim: Claim) -> bool:
    """Whether a source date ``c`` fits the claim's period: overlapping, or for two
    spans of years the same span ("the 2016-17 season" is not "the 2016-24 season")."""
    q, p = c.period, claim.period
    if q is None or p is None:
        return False
    if q.granularity == p.granularity == "years":
        return (q.start, q.end) == (p.start, p.end)
    if _both_ends_written(c.text, q) and _both_ends_written(claim.text, p):
        # "between 2005 and 2010" states both its ends, like "2005-10": it is not
        # "between 2006 and 2010", however much the two spans overlap
        return (q.start[:4], q.end[:4]) == (p.start[:4], p.end[:4])
    # Two spans open the same way overlap whatever their closed ends: "as of
    # February 22, 2019" and "as of 22 February 2020" both reach back forever.
    # What they state is the closed end, which must fall in the same year, when
    # both write one (a year-less "since September" takes its year from the
    # story's date: too weak to contradict a written year).
    if _YEAR.search(c.text) and _YEAR.search(claim.text):
        # ... in the same month, when both name one: "until April 2006" is no
        # "until March 2006", "since June 2019" no "since July 2019"
        months = _names_month(c.text) and _names_month(claim.text)
        if q.open_start and p.open_start and not (q.open_end or p.open_end):
            if months:
                return q.end[:7] == p.end[:7]
            # less than a year apart: "before 2010" is "prior to Oct. 2010"
            return _days_apart(q.end, p.end) < OPEN_END_DAYS
        if q.open_end and p.open_end and not (q.open_start or p.open_start):
            if months:
                return q.start[:7] == p.start[:7]
            # "since 1984" and "after 1984": the year itself, or the one after it
            return abs(int(q.start[:4]) - int(p.start[:4])) <= (
                1 if _AFTER.match(c.text) or _AFTER.match(claim.text) else 0
            )
    return _loose(q).overlaps(_loose(p))


# Seasons are named loosely: a film out on May 27 is a "summer 2016" release, and
# meteorological and astronomical summer start three weeks apart. A season
# reaches a month past each end before it can contradict a date.
SEASON_SLACK_DAYS = 31


_AFTER = re.compile(r"after\b", re.IGNORECASE)


def _names_month(text: str) -> bool:
    return any(w in month_numbers() for w in _WORDS.findall(text.lower()))


_WORDS = re.compile(r"[a-z]+")
OPEN_END_DAYS = 365  # closed ends of two "before"/"by" spans this far apart differ


def _days_apart(a: str, b: str) -> int:
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def _loose(p: Period) -> Period:
    if p.granularity != "season" or p.open_start or p.open_end:
        return p
    start = date.fromisoformat(p.start) - timedelta(days=SEASON_SLACK_DAYS)
    end = date.fromisoformat(p.end) + timedelta(days=SEASON_SLACK_DAYS)
    return replace(p, start=start.isoformat(), end=end.isoformat())


def _both_ends_written(text: str, p: Period) -> bool:
    """A closed span over years whose text writes both years ("between 2006 and 2010",
    "from 2006 to 2010")."""
    if p.open_start or p.open_end or p.start[:4] == p.end[:4]:
        return False
    years = _YEAR.findall(text)
    return len(years) == 2 and years[0] == p.start[:4] and years[1] == p.end[:4]


def _describe(p: Period, text: str) -> str:
    if p.open_end:
        return f'"{text}" ({p.start} onward)'
    if p.open_start:
        return f'"{text}" (up to {p.end})'
    if p.start == p.end:
        return f'"{text}" ({p.start})'
    return f'"{text}" ({p.start} to {p.end})'


def _internal_datelines(target: Document, claims: list[Claim]) -> list[Finding]:
    lines = [c for c in claims if c.subject == DATELINE_SUBJECT and c.period is not None]
    out: list[Finding] = []
    if len(lines) < 2:
        return out
    first = lines[0]
    for other in lines[1:]:
        assert first.period is not None and other.period is not None
        if other.period.start == first.period.start:
            continue
        out.append(
            make_finding(
                INTERNAL, "high",
                f'The document carries two datelines: "{first.text}" and "{other.text}".',
                other, (first,), sentence_text=sentence_of(target, other),
            )
        )
    return out


def find_date_findings(
    target: Document,
    target_claims: list[Claim],
    sources: list[tuple[Document, list[Claim]]],
) -> list[Finding]:
    """Date conflicts of ``target`` against ``sources``, its internal dateline
    clashes, and the quarters no source names (where no other date finding is)."""
    found = _date_findings(target, target_claims, sources) + _unsupported_times(target, sources)
    found += invented_weekdays(target, [d for d, _ in sources], found, UNSUPPORTED)
    return found + [
        f for f in unnamed_quarters(target, target_claims, sources, UNSUPPORTED)
        if not any(g.claim.start < f.claim.end and f.claim.start < g.claim.end for g in found)
    ]


def _date_findings(
    target: Document,
    target_claims: list[Claim],
    sources: list[tuple[Document, list[Claim]]],
) -> list[Finding]:
    """Date conflicts of ``target`` against ``sources``, and its internal dateline clashes."""
    t_dates = [c for c in target_claims if c.category == "date" and c.period is not None]
    findings = _internal_datelines(target, t_dates)
    events = _outside_copied_quotes(
        target, [c for c in t_dates if c.subject != DATELINE_SUBJECT], [d for d, _ in sources]
    )
    events = _not_told_alike(events, [d for d, _ in sources])
    s_dates = [
        (doc, c)
        for doc, cl in sources
        for c in cl
        if c.category == "date" and c.period is not None and c.subject != DATELINE_SUBJECT
    ]
    named = _named_kinds(target)
    if not named and (not events or not s_dates):
        return findings + _unsupported_years(target, events, s_dates, sources)
    common = common_stems([target, *(d for d, _ in sources)])
    for rx, name in named:
        findings += _weekday_conflicts(target, sources, common, rx, name)
        if name is day_name:
            findings += _unsupported_days(target, sources)
    if not events or not s_dates:
        return findings + _unsupported_years(target, events, s_dates, sources)
    moved, events = _month_ends_moved(target, events, s_dates)
    conflicts, unmatched = _event_conflicts(target, events, s_dates, common)
    conflicts = moved + conflicts
    spans, unmatched = _span_conflicts(target, unmatched, s_dates)
    found = findings + conflicts + spans + _unsupported_years(target, unmatched, s_dates, sources)
    return found + year_slips(target, events, s_dates, CONFLICT, found)


_Named = tuple[tuple[re.Pattern[str], re.Pattern[str]], Callable[[str], str]]

# "last year", "this month", "two weeks ago": a time told from the day of writing
_RELATIVE = re.compile(r"\b(?:last|this|next|previous|past|ago|yesterday|today|tomorrow)\b",
                       re.IGNORECASE)


_WRITTEN_YEAR = re.compile(r"\d{4}|'\d\d\b")


def _relative_as_written(c: Claim, docs: list[Document]) -> bool:
    """A relative date a source writes in the same words ("41 new wells were
    drilled last year" for "over the last year"): told from the same day of
    writing, it says what the source says, whatever year it is read as."""
    # ... and a date that writes no year ("since May"): each text places it from its
    # own date, and the same words say the same thing
    if _RELATIVE.search(c.text) is None and _WRITTEN_YEAR.search(c.text) is not None:
        return False
    if _RELATIVE.search(c.text) is None and not _names_month(c.text):
        return False
    said = re.compile(rf"\b{re.escape(c.text.strip())}\b", re.IGNORECASE)
    return any(said.search(d.text) for d in docs)


# "a year later", "two years later": a year told from the one before it
_YEARS_LATER = re.compile(
    r"^(?P<n>an?|[a-z]{3,9}|\d{1,2})\s(?:years?)\s(?:later|after)\b", re.IGNORECASE
)
# ... and a span of years a source gives beside the anchor year ("it took a year")
_YEARS_SPAN = re.compile(r"\b(an?|[a-z]{3,9}|\d{1,2})[\s-]years?\b", re.IGNORECASE)
_OFFSET_SENTENCES = 2  # the year and the span may stand in a sentence and the next


def _not_told_alike(events: list[Claim], docs: list[Document]) -> list[Claim]:
    """The dates a source does not tell in the same words or by the same span."""
    years = _sentences_by_year(docs) if any(_YEARS_LATER.match(c.text) for c in events) else {}
    return [
        c for c in events
        if not _relative_as_written(c, docs) and not _offset_told(c, docs, years)
    ]


_YEAR_IN_SENTENCE = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
ANCHOR_YEAR_LOOKS = 8  # source sentences writing the anchor year weighed: bounded on any text


def _sentences_by_year(docs: list[Document]) -> dict[str, list[tuple[Document, int]]]:
    """Each year the sources write, with the sentences that write it (read once)."""
    out: dict[str, list[tuple[Document, int]]] = {}
    for d in docs:
        for i, sent in enumerate(d.sentences):
            for y in set(_YEAR_IN_SENTENCE.findall(sent.text)):
                out.setdefault(y, []).append((d, i))
    return out


def _offset_told(
    c: Claim, docs: list[Document], years: dict[str, list[tuple[Document, int]]]
) -> bool:
    """A year told from the one before it ("examined in 2014 and identified a year
    later") where a source gives that year and the same span beside it: "didn't
    examine it closer until 2014, and it took a year to confirm its identity"."""
    m = _YEARS_LATER.match(c.text.strip())
    n = one_word_number(m.group("n")) if m is not None else None
    if n is None or c.period is None or c.period.granularity != "year":
        return False
    return any(
        one_word_number(w) == n
        for d, i in years.get(str(int(c.period.start[:4]) - int(n)), [])[:ANCHOR_YEAR_LOOKS]
        for t in d.sentences[i:i + _OFFSET_SENTENCES]
        for w in _YEARS_SPAN.findall(t.text)
    )


def _named_kinds(target: Document) -> list[_Named]:
    """The kinds of dates the target names that are compared by name, each as
    its (target, source) patterns and its naming: weekdays, year-less quarters,
    and days of a month and months a text that cannot place them writes."""
    out: list[_Named] = []
    if _WEEKDAY.search(target.text) is not None:
        out.append(((_WEEKDAY, _WEEKDAY), _period_name))
    if _QUARTER_NAMED.search(target.text) is not None:
        out.append(((_QUARTER_NAMED, _QUARTER_ANY), _period_name))
    # a text dated at its head places "June 14" in its year: the periods say it
    if not _dated_story(target) and yearless_day().search(target.text) is not None:
        out.append(((yearless_day(), any_day()), day_name))
    # ... and "in October" in a text that dates nothing (else its month is read)
    if reference_date(target) is None and yearless_month().search(target.text) is not None:
        out.append(((yearless_month(), any_month()), month_name))
    return out


def _outside_copied_quotes(
    target: Document, events: list[Claim], docs: list[Document]
) -> list[Claim]:
    """The dates, less the relative ones inside a quotation a source writes word
    for word: '"Dreams are coming true ten years later," he said' reads the years
    from the speaker's day, not from the summary's other dates."""
    relative = [c for c in events if _ABSOLUTE.search(c.text) is None]
    if not relative or '"' not in target.text and "“" not in target.text:
        return events
    spans = verbatim_quotes(target.text, squashed_sources(docs))
    # by identity: a membership test of claims compares every field of each
    rel = {id(c) for c in relative}
    return [c for c in events if id(c) not in rel
            or not any(a <= c.start and c.end <= b for a, b in spans)]


def _event_conflicts(
    target: Document,
    events: list[Claim],
    s_dates: list[tuple[Document, Claim]],
    common: frozenset[str],
) -> tuple[list[Finding], list[Claim]]:
    """Conflicts of the target's event dates, and the dates no source event dates."""
    t_keys = [event_key(c.subject.split(), common) for c in events]
    s_keys = [event_key(c.subject.split(), common) for _, c in s_dates]
    overlap = SparseOverlap(t_keys, s_keys)
    bases: dict[int, bool] = {}

    def is_base(j: int) -> bool:
        if j not in bases:
            bases[j] = comparison_base(*s_dates[j])
        return bases[j]

    found: list[Finding] = []
    unmatched: list[Claim] = []
    closer = _CloserSentences(target, s_dates, events)
    precise = _precise_dates(s_dates)
    # ... and two years one source sentence writes together ("in 2002 and 2008"),
    # which two events seldom share by chance
    together = _years_together(s_dates)
    by_sentence: dict[int, list[Claim]] = {}  # each claim's sentence read once, not per claim
    for c in events:
        by_sentence.setdefault(c.sentence, []).append(c)
    for i, claim in enumerate(events):
        if _settled_as_written(
            claim, overlap.row(i), precise, by_sentence[claim.sentence], together, s_dates
        ):
            continue
        candidates = _candidates(
            claim, overlap.row(i), s_dates, comparison_base(target, claim), is_base,
            lambda j, claim=claim: _figure_of_base(target, claim, *s_dates[j]),
        )
        if candidates is None:
            continue
        if not candidates:
            unmatched.append(claim)
            continue
        best = _best_evidence(claim, candidates, s_dates)
        if _dated_alike_beside(claim, best, s_dates) or _companions_evidence(
            claim, best, events, s_dates
        ):
            continue
        best_doc = next((d for d, c in s_dates if c is best), None)
        if _guessed(target, claim) or (best_doc is not None and _guessed(best_doc, best)):
            continue
        if closer.agrees(claim, best) or closer.same_base(claim, is_base, s_dates):
            continue
        if best_doc is not None and _report_date(target, claim, best_doc):
            continue
        if _dated_by_its_figure(target, claim, [d for d, _ in s_dates]) or (
            best_doc is not None and _dated_otherwise(target, claim, best_doc, best)
        ):
            continue
        found.append(_date_conflict(target, claim, best))
    return found, unmatched


def _dated_otherwise(target: Document, claim: Claim, doc: Document, best: Claim) -> bool:
    """The evidence's year dates another figure of its sentence, or one of the two is a
    fiscal year ("Q4 FY21" against "the quarter ended March 2021": whose year?)."""
    return _year_of_another_figure(target, claim, doc, best) or (
        _fiscal(target.text, claim) != _fiscal(doc.text, best)
    )


# A fiscal year's period: its quarters fall in the calendar by the company's year
# ("Q4 FY21" is January to March 2021 for an Indian company, July to September
# 2021 for Microsoft), so only another fiscal period can contradict it
_FISCAL = re.compile(r"\b(?:FY|fiscal|financial\s+year)", re.IGNORECASE)


FISCAL_REACH = 16  # characters before a date that may name its year fiscal ("fiscal 2020")


def _fiscal(text: str, c: Claim) -> bool:
    return _FISCAL.search(text, max(0, c.start - FISCAL_REACH), c.end) is not None


# A number of three significant digits or more ("4.62", "20,878"), not a year
_PRECISE_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"
                             r"|(?<![\d.,])\d+\.\d+(?![\d.])")
PRECISE_FIGURE_DIGITS = 3


def _dated_by_its_figure(target: Document, claim: Claim, docs: list[Document]) -> bool:
    """A year beside a precise figure that a source sentence writes beside that
    year and no other ("Inflation was 4.62% in 2023" for "In 2023, the
    indicator stood at 4.62 percent"): the figure says which statement the year
    dates, whatever other sentence shares more of its words."""
    p = claim.period
    if p is None or p.granularity != "year" or p.start[:4] != p.end[:4]:
        return False
    year = p.start[:4]
    around = target.text[max(0, claim.start - YEAR_FIGURE_REACH):claim.end + YEAR_FIGURE_REACH]
    numbers = {
        n for n in _PRECISE_NUMBER.findall(around)
        if sum(ch.isdigit() for ch in n.lstrip("0.").replace(",", "")) >= PRECISE_FIGURE_DIGITS
    } | set(_MONEY_WRITTEN.findall(around))  # "$2m", as the source writes it beside the year
    if not numbers:
        return False
    for d in {id(d): d for d in docs}.values():
        for sent in d.sentences:
            if set(_YEAR.findall(sent.text)) != {year}:
                continue
            for m in _YEAR.finditer(sent.text):
                near = sent.text[max(0, m.start() - YEAR_FIGURE_REACH):m.end() + YEAR_FIGURE_REACH]
                if any(re.search(rf"(?<![\d.,]){re.escape(n)}(?!\d)", near) for n in numbers):
                    return True
    return False


YEAR_FIGURE_REACH = 60  # characters between a year and the precise figure it dates
# The figure a year right after it dates: "73 callouts in 2021", "the previous record of
# 56 in 2020". Bounded words: linear.
_FIGURE_IN_YEAR = re.compile(r"(?<![\d.,])(\d[\d,.]*)\s{1,2}(?:[A-Za-z]+\s{1,2}){0,2}in\s{1,2}$")
FIGURE_IN_YEAR_REACH = 40


def _figure_dated(text: str, c: Claim) -> str | None:
    """The number right before a year that dates it ("56 in 2020"), as written."""
    m = _FIGURE_IN_YEAR.search(text, max(0, c.start - FIGURE_IN_YEAR_REACH), c.start)
    return m.group(1).rstrip(".,") if m is not None else None


@lru_cache(maxsize=64)
def _years_written(text: str) -> frozenset[str]:
    """The years a text writes (read once a text: a long one is not rescanned per claim)."""
    return frozenset(_YEAR_IN_SENTENCE.findall(text))


def _year_of_another_figure(target: Document, claim: Claim, doc: Document, best: Claim) -> bool:
    """The evidence's year dates another figure of its sentence than the one the
    claim's year dates, and that sentence writes the claim's figure too: "had 73
    callouts, beating the previous record of 56 in 2020" for "73 callouts in 2021"."""
    mine, theirs = _figure_dated(target.text, claim), _figure_dated(doc.text, best)
    sent = doc.sentence_at(best.start)
    p = claim.period
    # (the claim's year is one the source writes: "This year (2021) they have ...")
    return (
        mine is not None and theirs is not None and mine != theirs and sent is not None
        and p is not None and p.granularity == "year" and p.start[:4] in _years_written(doc.text)
        and re.search(rf"(?<![\d.,]){re.escape(mine)}(?![\d])", sent.text) is not None
    )
# An amount with its currency and scale as written ("$2m", "£1.3bn"): seldom beside
# the same year twice by chance. Bounded: linear.
_MONEY_WRITTEN = re.compile(r"[$£€¥]\d[\d,.]*(?:m|bn|k)\b")


_PRECISE = ("day", "month")


def _precise_dates(s_dates: list[tuple[Document, Claim]]) -> set[tuple[str, str]]:
    """A month or a day the sources write exactly, with its year ("December 2006"),
    or a day a dated story writes without its year ("on Monday, October 22" under
    "October 23, 2018"): two stories seldom share one by chance, so it is the
    event's, whatever sentence the claim's words fit best. With the months that
    hold such a day ("in February 1979" for "on 9 February 1979")."""
    dated: dict[str, bool] = {}  # each source read once: a story of thousands of dates

    def is_dated(d: Document) -> bool:
        if d.id not in dated:
            dated[d.id] = _dated_story(d)
        return dated[d.id]

    precise = {
        (c.period.start, c.period.end) for d, c in s_dates
        if c.period is not None and c.period.granularity in _PRECISE and (
            _YEAR.search(c.text) or (c.period.granularity == "day" and is_dated(d))
        )
    }
    opened = {
        _open_key(c.period) for _, c in s_dates
        if c.period is not None and c.period.open_start != c.period.open_end
        and _YEAR.search(c.text)
    }
    return precise | _months_of_days(precise) | opened


def _months_of_days(spans: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """(first day, last day) of the month of each span of days within one month
    ("Aug. 11-12, 2018" is in August 2018)."""
    out: set[tuple[str, str]] = set()
    for start, end in spans:
        if start[:7] != end[:7] or start[8:] == "01" and end[8:] >= "28":
            continue  # a month itself, or days of two months
        d = date.fromisoformat(start)
        nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        out.add((d.replace(day=1).isoformat(), (nxt - timedelta(days=1)).isoformat()))
    return out
_REPORTED_ON = re.compile(
    r"\b(?:reported|published|released|issued|dated)\s+(?:on\s+)?$", re.IGNORECASE
)


def _report_date(target: Document, claim: Claim, doc: Document) -> bool:
    """"figures reported on October 2, 2006": the day the story was filed, which
    its dateline gives, not the day of the event it reports."""
    p = claim.period
    if p is None or p.start != p.end or not dated_at_head(doc):
        return False
    if _REPORTED_ON.search(target.text, max(0, claim.start - 24), claim.start) is None:
        return False
    ref = reference_date(doc)
    return ref is not None and ref.isoformat() == p.start


YEAR_LOOKS = 50  # source dates of one year weighed per claim: bounded work


class _CloserSentences:
    """Whether a source sentence that gives the claim's own year is at least as
    close to the claim's sentence as the evidence's sentence is: "the first woman
    to win the French Open and Wimbledon back-to-back since 2002" against "She
    is the first woman to land the French Open and Wimbledon back-to-back since
    she last won that double in 2002" (six words shared) rather than "the first
    woman since Graf in 1988" (two). The event words of a date stop at a clause
    ("won that double"); its sentence's words do not. Only for a sentence that
    dates nothing else: one with two dates holds two events' words."""

    def __init__(
        self, target: Document, s_dates: list[tuple[Document, Claim]], events: list[Claim]
    ) -> None:
        self.target = target
        seen: set[int] = set()
        self.crowded = {c.sentence for c in events if c.sentence in seen or seen.add(c.sentence)}
        self.doc_of = {id(c): d for d, c in s_dates}
        self.by_year: dict[str, list[tuple[Document, Claim]]] = {}
        for d, c in s_dates:
            for y in sorted(set(_YEAR.findall(c.text))):
                self.by_year.setdefault(y, []).append((d, c))
        self._stems: dict[tuple[str, int], frozenset[str]] = {}

    def _sentence(self, doc: Document, c: Claim) -> frozenset[str]:
        key = (doc.id, c.sentence)
        if key not in self._stems:
            ok = 0 <= c.sentence < len(doc.sentences)
            text = doc.sentences[c.sentence].text if ok else ""
            self._stems[key] = frozenset(content_stems(text))
        return self._stems[key]

    def same_base(self, claim: Claim, is_base: Callable[[int], bool], s_dates: list[
        tuple[Document, Claim]
    ]) -> bool:
        """The claim is a date a figure is compared with, and a source sentence about
        the same thing compares with the very same span: "fewer women were murdered
        in 2023/24 than in 2022/23" for "women murdered in 2023/24 is lower than
        2022/23". A compared date's own words are the comparison's ("lower"), so
        its event words match nothing; its sentence's words do."""
        p = claim.period
        if p is None or not comparison_base(self.target, claim):
            return False
        mine = self._sentence(self.target, claim)
        return any(
            c.period is not None and (c.period.start, c.period.end) == (p.start, p.end)
            and len(mine & self._sentence(d, c)) > MIN_SHARED and is_base(j)
            for j, (d, c) in enumerate(s_dates)
        )

    def agrees(self, claim: Claim, best: Claim) -> bool:
        rivals = [
            (d, c) for y in sorted(set(_YEAR.findall(claim.text)))
            for d, c in self.by_year.get(y, [])[:YEAR_LOOKS]
            if c is not best and _overlaps(c, claim)
        ]
        best_doc = self.doc_of.get(id(best))
        if not rivals or best_doc is None or claim.sentence in self.crowded:
            return False
        mine = self._sentence(self.target, claim)
        against = len(mine & self._sentence(best_doc, best))
        # a date a figure is compared with ("up from $1.36 in the third quarter of
        # 2019") dates no event of its sentence
        return any(
            (d.id, c.sentence) != (best_doc.id, best.sentence)
            and len(mine & self._sentence(d, c)) > max(MIN_SHARED, against)
            and not comparison_base(d, c)
            for d, c in rivals
        )


@lru_cache(maxsize=256)
def _dated_story(doc: Document) -> bool:
    """Whether the text carries its own date at the top (a dateline): else its
    reference is only the latest date it mentions, often a past event's."""
    return dated_at_head(doc)


def _guessed(doc: Document, claim: Claim) -> bool:
    """A day without its year ("on Thursday", "21 April") in a text that does not
    open with its own date: the day was placed from some other date of the text
    ("broke the record on 9 September 2015"), so it contradicts nothing. (A month
    keeps its reading: "since September" in a story of 2024 is September 2023.)"""
    if claim.period is None or _dated_story(doc) or _YEAR.search(claim.text) is not None:
        return False
    # ... and a relative date ("last year", "this month"): told from a day of
    # writing the text never gives, it was placed from another of its dates ("the
    # May 25, 2020 arrest" made "convicted last year" 2019, in a story of 2022)
    return claim.period.granularity == "day" or (
        _RELATIVE.search(claim.text) is not None and not dated_near_top(doc)
    )


def _dated_alike_beside(claim: Claim, best: Claim, s_dates: list[tuple[Document, Claim]]) -> bool:
    """Whether the evidence's own sentence also dates something by the claim's
    date ("Ann Richards ( October 1 , 1935 -- April 1 , 1982 )" for "born October
    1, 1935"): that sentence cannot show the claim's date is wrong. A date it is
    compared with ("decreased 22.4% from the third quarter of 2019") dates nothing,
    and a span open at one end ("until December 2022") overlaps too much to."""
    assert claim.period is not None
    # a span that writes both its years ("from 1990 to 1995") is dated alike only
    # by such a span: a year inside it ("defeated in 1994") dates something else
    span = _both_ends_written(claim.text, claim.period)
    if claim.period.granularity == "year" and _year_written_beside(claim, best, s_dates):
        return True
    return any(
        c.doc == best.doc and c.sentence == best.sentence and c is not best
        and c.period is not None and (
            # the same open span ("their first since 2008" beside "between 1998 and 2001")
            c.period == claim.period
            or not (c.period.open_start or c.period.open_end)
            and (not span or _both_ends_written(c.text, c.period)) and _overlaps(c, claim)
        )
        and not comparison_base(d, c) and not _another_clause_event(claim, best, c)
        for d, c in s_dates
    )


CLAUSE_EVENT_SHARED = 3  # event words the claim's clause shares with the evidence's


def _another_clause_event(claim: Claim, best: Claim, c: Claim) -> bool:
    """The sentence's date alike ``c`` dates another clause's event: "a drummer for
    Greta in 1990, and helped co-found Rage with Tom Morello ... in August 1991"
    dates the co-founding 1991, whatever year the Greta clause gives. The claim's
    event words are the evidence's clause's, and none of them ``c``'s."""
    mine = set(claim.subject.split())
    return len(mine & set(best.subject.split())) >= CLAUSE_EVENT_SHARED and mine.isdisjoint(
        c.subject.split()
    )


def _year_written_beside(
    claim: Claim, best: Claim, s_dates: list[tuple[Document, Claim]]
) -> bool:
    """The evidence's sentence writes the claim's year as a bare number no
    recognizer took for a date ("The last time multiple firefighters died was
    2004, and the last firefighter death was in 2006")."""
    doc = next((d for d, c in s_dates if c is best), None)
    if doc is None or not 0 <= best.sentence < len(doc.sentences):
        return False
    year = claim.period.start[:4] if claim.period is not None else ""
    sent = doc.sentences[best.sentence]
    # a year inside a date of the sentence is that date's, weighed below
    dated = [(c.start, c.end) for d, c in s_dates if d is doc and c.sentence == best.sentence]
    return any(
        m.group() == year
        and not any(a <= sent.start + m.start() < b for a, b in dated)
        for m in _BARE_YEAR.finditer(sent.text)
    )


_BARE_YEAR = re.compile(r"(?<![\d,.$£€])\b(?:1[89]|20)\d\d\b(?![,.]?\d)")


def _candidates(
    claim: Claim, r: OverlapRow, s_dates: list[tuple[Document, Claim]], base: bool = False,
    is_base: Callable[[int], bool] | None = None,
    restated: Callable[[int], bool] = lambda j: False,
) -> list[int] | None:
    """Source dates of the claim's event precise enough to contradict it, best
    first; None when the event is dated compatibly anywhere in the sources.
    ``base``: the claim is itself a date a figure is compared with;
    ``is_base``: whether source date ``j`` is one (read once per source date)."""
    ok = (r.shared >= MIN_SHARED) & (r.coef >= MIN_OVERLAP)
    ranked = r.ranked(ok, (-r.coef, -r.shared))
    is_base = is_base or (lambda j: comparison_base(*s_dates[j]))
    # a date a figure is compared with ("down from $2.39 in the third quarter
    # of 2019") dates no event of its sentence: neither support nor evidence,
    # except of a claim that is such a date too (the same comparison restated)
    bases = [j for j in ranked if is_base(j)]
    taken = set(bases)
    matched = [j for j in ranked if j not in taken]
    assert claim.period is not None
    # the same event dated compatibly anywhere in the sources settles it
    # ``restated``: a base whose own figure the claim's sentence states ("up from
    # $1.36 in the second quarter of 2020" for "EPS were $1.36 in the second
    # quarter of 2020") dates that figure
    settling = [
        j for j in matched + [
            k for k in bases if base or restated(k) or _same_span(s_dates[k][1], claim)
        ]
        if _overlaps(s_dates[j][1], claim)
    ]
    if settling and not _only_wider(claim, [s_dates[j][1] for j in settling], [
        s_dates[j][1] for j in matched if j not in settling and comparable(claim, s_dates[j][1])
    ]):
        return None
    # a base is contradicted only by the base of the same comparison: "up 12%
    # from 2020" says nothing against the year the figure is for (2021); and a
    # date that fits the claim is never the evidence against it
    fits = set(settling)
    return [
        j for j in (bases if base else matched)
        if j not in fits and comparable(claim, s_dates[j][1])
    ]


# the figure a base date dates: "$1.36 in the", "2.39 in", "12% from"
_FIGURE_BEFORE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(?:%|percent)?\s+(?:\w+\s+){0,2}$")
BASE_FIGURE_REACH = 30  # characters before a base date searched for its figure


def _figure_of_base(target: Document, claim: Claim, doc: Document, base: Claim) -> bool:
    """The number a source base date follows ("up from $1.36 in the second
    quarter of 2020") is written in the claim's sentence too."""
    m = _FIGURE_BEFORE.search(doc.text, max(0, base.start - BASE_FIGURE_REACH), base.start)
    if m is None or not 0 <= claim.sentence < len(target.sentences):
        return False
    number = m.group(1).replace(",", "")
    sent = target.sentences[claim.sentence].text.replace(",", "")
    return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d]|\.\d)", sent) is not None


def _same_span(c: Claim, claim: Claim) -> bool:
    """Two spans that write both their ends, the same years: "higher than the
    average between 1981 and 2010" restates "above the 1981-2010 average",
    whatever the cue before it. Two written ends seldom meet by chance."""
    q, p = c.period, claim.period
    return (
        q is not None and p is not None and _is_span(c) and _is_span(claim)
        and _both_ends_written(c.text, q) and _both_ends_written(claim.text, p)
        and (q.start[:4], q.end[:4]) == (p.start[:4], p.end[:4])
    )


def _only_wider(claim: Claim, settling: list[Claim], others: list[Claim]) -> bool:
    """Every source date that fits the claim's year is a span of several years
    ("governor from 1991 to 1995") while a date as precise as the claim's, about
    the same event, says another ("lost re-election in 1994"): the span dates a
    term, the year the event, so the span settles nothing."""
    if claim.period is None or claim.period.granularity != "year":
        return False
    mine = _days(claim.period)
    return all(
        c.period is not None and _days(c.period) > 2 * mine
        and not _closed_end_in(c.period, claim.period.start[:4])
        for c in settling
    ) and any(
        c.period is not None and c.period.granularity == "year" for c in others
    )


def _after_its_anchor(claim: Claim, s_dates: list[tuple[Document, Claim]]) -> bool:
    """ "after 2014", "after Q2 2023" where a source dates that very year or
    quarter: the summary tells of the event then ("his second after 2014 with the
    Spurs", "after Q2 2023 saw 154,000 more people in work"), not of a time after."""
    p = claim.period
    if p is None or not (p.open_end and not p.open_start) or not _AFTER.match(claim.text):
        return False
    before = (date.fromisoformat(p.start) - timedelta(days=1)).isoformat()
    return any(c.period is not None and c.period.end == before for _, c in s_dates)


def _settled_as_written(
    claim: Claim, r: OverlapRow, precise: set[tuple[str, str]], companions: list[Claim],
    together: set[tuple[int, int]], s_dates: list[tuple[Document, Claim]],
) -> bool:
    """The claim's date is one the sources write, whatever date of its event
    shares the most words."""
    return (
        _written_alike(claim, precise) or _with_its_companion(claim, companions, together)
        or _after_its_anchor(claim, s_dates) or _year_written_for_it(claim, r, s_dates)
    )


def _year_written_for_it(
    claim: Claim, r: OverlapRow, s_dates: list[tuple[Document, Claim]]
) -> bool:
    """A year a source writes as the start or end of a span open at the other, in a
    date sharing a word of the claim's event: "the TV appeal began in 1980" for "the
    current television appeal starting in 1980". The span's written end is the
    year, whatever date of the same event shares more words ("Last year's appeal
    raised £11.3m")."""
    y = _year_of(claim)
    if y is None:
        return False
    return any(
        shared >= 1 and (p := s_dates[int(j)][1].period) is not None
        and (p.open_start != p.open_end) and _closed_end_in(p, str(y))
        for j, shared in zip(r.cols, r.shared, strict=True)
    )


def _closed_end_in(p: Period, year: str) -> bool:
    """A span open at one end whose written end falls in ``year``: "as of 2022",
    "since 2022" state that year as a snapshot or a start, not a term around it."""
    if p.open_start and not p.open_end:
        return p.end[:4] == year
    if p.open_end and not p.open_start:
        return p.start[:4] == year
    return False


def _written_alike(claim: Claim, precise: set[tuple[str, str]]) -> bool:
    """A month or day, with its year, that a source writes exactly; or a span open
    at one end whose written end a source writes so, open the same way ("its
    lowest close since August 7, 2006" for "the lowest since August 7, 2006",
    whatever "since July 2006" another index's sentence says)."""
    p = claim.period
    if p is None or _YEAR.search(claim.text) is None:
        return False
    if p.open_start != p.open_end:
        return _open_key(p) in precise
    return p.granularity in _PRECISE and (p.start, p.end) in precise


def _open_key(p: Period) -> tuple[str, str]:
    """A span open at one end, as the end it writes: ("since", "2006-08-07")."""
    return ("since", p.start) if p.open_end else ("until", p.end)


def _year_of(c: Claim) -> int | None:
    p = c.period
    if p is None or p.granularity != "year" or p.start[:4] != p.end[:4]:
        return None
    return int(p.start[:4])


def _year_within(c: Claim) -> int | None:
    """The one calendar year a period lies in ("the summer of 2019", "March 2020")."""
    p = c.period
    if p is None or p.open_start or p.open_end or p.start[:4] != p.end[:4]:
        return None
    return int(p.start[:4])


def _years_together(s_dates: list[tuple[Document, Claim]]) -> set[tuple[int, int]]:
    """Pairs of years one source sentence writes, each as a year of its own or as
    the year of a season or month ("the summer of 2019 (128) and 2020 (132)")."""
    by_sentence: dict[tuple[str, int], set[int]] = {}
    for d, c in s_dates:
        y = _year_within(c)
        if y is not None:
            by_sentence.setdefault((d.id, c.sentence), set()).add(y)
    return {(a, b) for ys in by_sentence.values() if len(ys) <= YEARS_TOGETHER_MAX
            for a in ys for b in ys if a != b}


YEARS_TOGETHER_MAX = 4  # years of one sentence paired; past it, a table or a timeline


def _with_its_companion(
    claim: Claim, events: list[Claim], together: set[tuple[int, int]]
) -> bool:
    """A year the claim's sentence writes with another that a source sentence
    writes with it too: "after 2002 and 2008" for "in 2002 and 2008" (``events``:
    the dates of the claim's sentence)."""
    y = _year_of(claim)
    if y is None:
        return False
    return any(
        (y, other) in together
        for c in events if c is not claim and c.sentence == claim.sentence
        and (other := _year_of(c)) is not None
    )


def _companions_evidence(
    claim: Claim, best: Claim, events: list[Claim], s_dates: list[tuple[Document, Claim]]
) -> bool:
    """The source date the claim was matched to is another date of the claim's
    sentence, which it states; and a source writes the claim's own period too:
    "crashed on September 7, 2019, ... and India's first lunar mission in 2008"
    against "on September 7, 2019. ... maiden mission was in 2008"."""
    p, b = claim.period, best.period
    if p is None or b is None:
        return False
    companion = any(
        c is not claim and c.sentence == claim.sentence and c.period is not None
        and (c.period.start, c.period.end) == (b.start, b.end)
        for c in events
    )
    return companion and any(
        c.period is not None and (c.period.start, c.period.end) == (p.start, p.end)
        for _, c in s_dates
    )


def _best_evidence(
    claim: Claim, candidates: list[int], s_dates: list[tuple[Document, Claim]]
) -> Claim:
    """A span is best evidenced by a span: "since September" rather than the
    "on Friday" it was announced, when both describe the same event."""
    spans = [j for j in candidates if _is_span(s_dates[j][1]) == _is_span(claim)]
    return s_dates[(spans or candidates)[0]][1]


def _date_conflict(target: Document, claim: Claim, best: Claim) -> Finding:
    assert claim.period is not None and best.period is not None
    return make_finding(
        CONFLICT, "high",
        f"Summary dates this {_describe(claim.period, claim.text)}; "
        f"the source says {_describe(best.period, best.text)}.",
        claim, (best,), sentence_text=sentence_of(target, claim),
    )


def _span_conflicts(
    target: Document, claims: list[Claim], s_dates: list[tuple[Document, Claim]]
) -> tuple[list[Finding], list[Claim]]:
    """Spans of years matched to no event by their words: a source span that
    writes both its years, shares one end with the claim's and a word of its
    subject, and no source span equal to the claim's, is the same tenure or war
    with one end moved ("Governor of Texas from 1990 to 1995" against "from 1991
    to 1995"; the words "governor", "texas" are in every sentence of her article,
    so the event words alone match nothing)."""
    found: list[Finding] = []
    rest: list[Claim] = []
    for claim in claims:
        evidence = _one_end_moved(claim, s_dates)
        if evidence is None:
            rest.append(claim)
        else:
            found.append(_date_conflict(target, claim, evidence))
    return found, rest


def _one_end_moved(claim: Claim, s_dates: list[tuple[Document, Claim]]) -> Claim | None:
    p = claim.period
    if p is None or not _both_ends_written(claim.text, p):
        return None
    ends = (p.start[:4], p.end[:4])
    words = set(claim.subject.split())
    best: Claim | None = None
    for _, c in s_dates:
        q = c.period
        if q is None or not _both_ends_written(c.text, q):
            continue
        theirs = (q.start[:4], q.end[:4])
        if theirs == ends:
            return None  # the sources state this very span
        if best is None and (theirs[0] == ends[0]) != (theirs[1] == ends[1]) and (
            words & set(c.subject.split())
        ):
            best = c
    return best


_MONTH_NAME = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\b"
)
MOVED_SHARED = 2  # event words a span shares with the source span it moves an end of


def _month_span(c: Claim) -> tuple[str, str] | None:
    """The first and last months of a span that names both ("from April to June
    2016"), else None."""
    p = c.period
    if p is None or p.granularity != "month" or p.open_start or p.open_end:
        return None
    if p.start[:7] == p.end[:7] or len(_MONTH_NAME.findall(c.text)) != 2:
        return None
    return p.start[:7], p.end[:7]


def _month_ends_moved(
    target: Document, claims: list[Claim], s_dates: list[tuple[Document, Claim]]
) -> tuple[list[Finding], list[Claim]]:
    """Spans of months with one end moved: "from April to June 2016" where a source
    sentence about the same thing says "from April to July 2016". A span inside a
    longer one overlaps it, which settles a single date; two written ends are each
    a claim, and no source span writes the claim's."""
    spans = [(c, _month_span(c)) for _, c in s_dates]
    found: list[Finding] = []
    rest: list[Claim] = []
    for claim in claims:
        mine = _month_span(claim)
        words = set(claim.subject.split())
        moved = None if mine is None or any(m == mine for _, m in spans) else next((
            c for c, m in spans
            if m is not None and (m[0] == mine[0]) != (m[1] == mine[1])
            and len(words & set(c.subject.split())) >= MOVED_SHARED
        ), None)
        if moved is None:
            rest.append(claim)
        else:
            found.append(_date_conflict(target, claim, moved))
    return found, rest


_CODE_YEAR = re.compile(r"\b(?:[1-4]Q|[12]H|Q[1-4]\s?FY|FY)'?(\d\d)\b")


def _unsupported_years(
    target: Document,
    claims: list[Claim],
    s_dates: list[tuple[Document, Claim]],
    sources: list[tuple[Document, list[Claim]]],
) -> list[Finding]:
    """Dates naming a year that no source date reaches and no source text writes."""
    written: set[str] = set()
    for doc, _ in sources:
        written.update(_YEAR.findall(doc.text))
        # a year in a quarter or half code: "4Q18", "1H19", "Q3 FY21", "FY2023"
        written.update(f"20{m.group(1)}" for m in _CODE_YEAR.finditer(doc.text))
    out: list[Finding] = []
    for claim in claims:
        assert claim.period is not None
        years = _YEAR.findall(claim.text)
        if claim.period.granularity == "years":
            # a span of years states both ends: "2016-17" needs a 2017 somewhere
            missing = sorted({claim.period.start[:4], claim.period.end[:4]} - written)
        else:
            missing = [] if any(y in written for y in years) else sorted(set(years))
        if not missing:
            continue
        if any(_overlaps(c, claim) for _, c in s_dates):
            continue
        if comparison_base(target, claim) and _year_ago_of(
            claim, s_dates, [d for d, _ in sources]
        ):
            continue  # "versus Q1 2020" for "236% over the prior year" of Q1 2021
        out.append(
            make_finding(
                UNSUPPORTED, "medium",
                f"No source gives {_describe(claim.period, claim.text)}: "
                f"no source mentions {' or '.join(missing)}.",
                claim, (), sentence_text=sentence_of(target, claim),
            )
        )
    return out


def _year_ago_of(
    claim: Claim, s_dates: list[tuple[Document, Claim]], docs: Sequence[Document] = ()
) -> bool:
    """The claim is a base date one year before a source date whose sentence (or
    the next) measures against "the prior year" (or "a year earlier"): the reader
    named it."""
    p = claim.period
    assert p is not None
    for doc, c in s_dates:
        q = c.period
        if q is None or not 0 <= c.sentence < len(doc.sentences):
            continue
        if q.granularity != p.granularity or int(q.start[:4]) - int(p.start[:4]) != 1:
            continue
        # ... in its sentence or the next: "Mexico closed 2023 with 30,523 murder
        # victims. This is a reduction of 1,431 compared to the previous year"
        said = doc.sentences[c.sentence: c.sentence + 2]
        if q.start[4:] == p.start[4:] and any(YEAR_AGO.search(s.text) for s in said):
            return True
    return p.granularity == "year" and _next_year_written(int(p.start[:4]) + 1, docs)


def _next_year_written(year: int, docs: Iterable[Document]) -> bool:
    """A source sentence writes ``year`` as a word ("Mexico closed 2023 with
    30,523 murder victims", no date we read) and it or the next measures
    against "the previous year"."""
    written = re.compile(rf"\b{year}\b")
    for doc in docs:
        sents = doc.sentences
        for k, sent in enumerate(sents):
            if written.search(sent.text) and any(
                YEAR_AGO.search(s.text) for s in sents[k: k + 2]
            ):
                return True
    return False


_WEEKDAY = re.compile(
    r"\b(?:(?:on|last|this|next)\s)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    rf"(?!s\b)\b(?!{NAME_AFTER})(?:\s(morning|afternoon|evening|night))?",
    re.IGNORECASE,
)
# "the second quarter": a quarter named without its year (one with its year is
# a date), compared like a weekday among passages about the same event; in the
# sources every quarter counts, with its year or not
# A quarter or half named by its months: "the first three months of the year"
_MONTHS_OF_YEAR = r"(?:first\s(?:three|3|six|6)|(?:last|final)\s(?:three|3|six|6))\smonths"
_MONTHS_NAMED = {
    "first three months": "first quarter", "first 3 months": "first quarter",
    "first six months": "first half", "first 6 months": "first half",
    "last three months": "fourth quarter", "last 3 months": "fourth quarter",
    "final three months": "fourth quarter", "final 3 months": "fourth quarter",
    "last six months": "second half", "last 6 months": "second half",
    "final six months": "second half", "final 6 months": "second half",
}
_QUARTER_ANY = re.compile(
    r"\b((?:first|second|third|fourth)[-\s]quarter|(?:first|second)[-\s]half"
    rf"|Q[1-4]|[1-4]Q|H[12]|{_MONTHS_OF_YEAR})(?!\w)()",
    re.IGNORECASE,
)
_QUARTER_NAMED = re.compile(
    r"\b((?:first|second|third|fourth)[-\s]quarter|(?:first|second)[-\s]half"
    rf"|Q[1-4]|[1-4]Q|H[12]|{_MONTHS_OF_YEAR})(?!\w)"
    r"(?!,?\s+(?:of\s+|in\s+)?"
    r"(?:(?:fiscal(?:\s+year)?|FY)\s*)?(?:19|20)\d\d)()",
    re.IGNORECASE,
)
_ORDINALS = ("first", "second", "third", "fourth")


def _period_name(written: str) -> str:
    """One name per quarter or half: "Q3", "3Q", "third-quarter" are "third
    quarter"; "H1" is "first half" (a weekday is its own name)."""
    low = " ".join(written.lower().replace("-", " ").split())
    if low in _MONTHS_NAMED:
        return _MONTHS_NAMED[low]
    if len(low) == 2 and low[0] in "qh" and low[1].isdigit():
        return f"{_ORDINALS[int(low[1]) - 1]} {'quarter' if low[0] == 'q' else 'half'}"
    if len(low) == 2 and low[1] == "q" and low[0].isdigit():
        return f"{_ORDINALS[int(low[0]) - 1]} quarter"
    return low


_CLAUSE_BREAKS = (";", ":", "—", "(", ")")
# "and" or "but" opening a clause of its own verb: the weekday after it is that clause's
_NEW_CLAUSE = re.compile(
    r"\b(?:and|but)\s+(?:then\s+|now\s+)?(?:will|would|is|was|are|were|has|had|have|could"
    r"|may|might|must|should|can)\b",
    re.IGNORECASE,
)
WEEKDAY_BEFORE = 90  # characters of the clause before the weekday that name its event
WEEKDAY_AFTER = 40
WEEKDAY_SHARED = 2
CLAUSE_SUBJECT_WORDS = 3  # the sentence's first words, a coordinated clause's subject
# An article names a handful of weekdays; past this many, a text is no article
# and its weekdays are not compared (all-against-all matching is quadratic).
MAX_WEEKDAYS = 400
WEEKDAY_OVERLAP = 0.5


@dataclass(frozen=True)
class _Weekday:
    doc: Document
    claim: Claim
    day: str
    key: list[str]
    part: str = ""  # morning|afternoon|evening|night, when written

    def agrees(self, other: _Weekday) -> bool:
        """Same day, and the same part of it when both say which."""
        return self.day == other.day and (
            not self.part or not other.part or self.part == other.part
        )


def _weekdays(
    doc: Document, common: frozenset[str], rx: re.Pattern[str] = _WEEKDAY,
    name: Callable[[str], str] = _period_name,
) -> list[_Weekday]:
    out: list[_Weekday] = []
    for sent in doc.sentences:
        found = list(rx.finditer(sent.text))
        for k, m in enumerate(found):
            # a sentence may date several steps ("seven by Monday evening; 14 on
            # Tuesday night"): each weekday's words stop at its neighbours
            lo = found[k - 1].end() if k else 0
            hi = found[k + 1].start() if k + 1 < len(found) else len(sent.text)
            window = _words_around(sent.text, m.start(), m.end(), lo, hi)
            key = event_key(content_stems(window), common)
            a, b = sent.start + m.start(), sent.start + m.end()
            claim = Claim(doc=doc.id, category="date", text=doc.text[a:b], start=a, end=b,
                          sentence=sent.index, subject=" ".join(key))
            day = name(m.group(1))
            out.append(_Weekday(doc, claim, day, key, (m.group(2) or "").lower()))
            out.extend(_day_of_the_event_told(doc, sent.text, m, hi, claim, day, common))
            if len(out) >= MAX_WEEKDAYS:
                return out[:MAX_WEEKDAYS]
    return out


_WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "on Saturday, one day after the shooting": the day of the event named after it.
# Bounded: linear.
_DAYS_AFTER = re.compile(
    r",?\s(one|a|two|three|four|five|six|\d)\sdays?\s(after|before)\s(?:the\s)?", re.IGNORECASE
)
_SMALL_COUNTS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _day_of_the_event_told(
    doc: Document, text: str, m: re.Match[str], hi: int, claim: Claim, day: str,
    common: frozenset[str],
) -> list[_Weekday]:
    """The weekday of the event a weekday is counted from ("charges against the teen
    on Saturday, one day after the shooting": the shooting on Friday), with that
    event's words."""
    after = _DAYS_AFTER.match(text, m.end())
    if after is None or day not in _WEEK:
        return []
    n = _SMALL_COUNTS.get(after.group(1).lower()) or int(after.group(1))
    shift = -n if after.group(2).lower() == "after" else n
    event = text[after.end():min(hi, after.end() + WEEKDAY_AFTER)]
    key = event_key(content_stems(event), common)
    if not key:
        return []
    derived = replace(claim, subject=" ".join(key))
    return [_Weekday(doc, derived, _WEEK[(_WEEK.index(day) + shift) % 7], key)]


_SAID_ON = re.compile(r"([A-Za-z]+)\s+(?:on\s+)?$")


# "according to authorities Friday", "according to police on Friday": the day of
# the telling. Bounded words: linear.
_ACCORDING_ON = re.compile(r"\baccording\sto\s(?:[\w.'’-]+\s){1,5}(?:on\s+)?$", re.IGNORECASE)


def _a_told_day(
    target: Document, w: _Weekday, best: _Weekday, sources: list[tuple[Document, list[Claim]]],
    common: frozenset[str], rx: re.Pattern[str], name: Callable[[str], str],
) -> bool:
    """The summary's weekday is a day of telling or writing the sources give, no
    event's day a source contradicts."""
    return (
        _told_that_day(w, best, sources, common, rx, name)
        # "from Monday, July 22": a source writes "Monday, July 22" too
        or _written_with_its_date(target.text, w.claim, sources)
        # "had killed 289 by Wednesday" where the toll was "said Wednesday"
        or _as_of_told(target.text, w, sources)
    )


# "by Wednesday", "as of Friday": the day a running figure was reported
_AS_OF_BEFORE = re.compile(r"\b(?:by|as\sof|as\sat|through|until)\s$", re.IGNORECASE)


def _as_of_told(text: str, w: _Weekday, sources: list[tuple[Document, list[Claim]]]) -> bool:
    """A summary's "by Wednesday" dates a running figure by the day it was told, and a
    source tells something that day ("the official said Wednesday")."""
    if _AS_OF_BEFORE.search(text, max(0, w.claim.start - 12), w.claim.start) is None:
        return False
    day = re.compile(rf"\b{re.escape(w.day)}\b", re.IGNORECASE)
    return any(
        _said_on(d.text, m.start()) for d, _ in sources for m in day.finditer(d.text)
    )


def _said_on(text: str, at: int) -> bool:
    """Whether a weekday at ``at`` follows a speech verb ("said on Friday", "told
    reporters on Friday" is left alone: only the verb right before counts) or
    closes an "according to" aside ("according to authorities Friday")."""
    m = _SAID_ON.search(text, max(0, at - 24), at)
    if m is not None and m.group(1).lower() in _speech_verbs():
        return True
    return _ACCORDING_ON.search(text, max(0, at - 60), at) is not None


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(
        ln.split(":")[0].strip().lower() for ln in lines("speech_verbs.txt") if ":" in ln
    )


def _clock_colon(text: str, i: int) -> bool:
    """The colon at ``i`` is a clock's or a score's ("7:30", "2:1"), no clause break."""
    return text[i] == ":" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and (
        text[i + 1].isdigit()
    )


def _clause_break_before(text: str, c: str, a: int, start: int) -> int:
    i = text.rfind(c, a, start)
    while i >= 0 and _clock_colon(text, i):
        i = text.rfind(c, a, i)
    return i


def _clause_break_after(text: str, c: str, end: int, b: int) -> int:
    i = text.find(c, end, b)
    while i >= 0 and _clock_colon(text, i):
        i = text.find(c, i + 1, b)
    return i


def _words_around(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """The words of the clause around a span, within ``lo``..``hi``."""
    a, b = max(lo, start - WEEKDAY_BEFORE), min(hi, end + WEEKDAY_AFTER)
    cut = max(_clause_break_before(text, c, a, start) for c in _CLAUSE_BREAKS)
    a = max(a, cut + 1)
    subject = ""
    for m in _NEW_CLAUSE.finditer(text, a, start):
        # "The ship left on Sunday for a cruise and will now return on Saturday": the
        # clause after "and will" is Saturday's, its subject the sentence's
        a = m.end()
        subject = " ".join(text.split()[:CLAUSE_SUBJECT_WORDS])
    nxt = [i for i in (_clause_break_after(text, c, end, b) for c in _CLAUSE_BREAKS) if i >= 0]
    b = min([b, *nxt])
    while 0 < a < start and text[a - 1].isalnum():
        a += 1
    while end < b < len(text) and text[b].isalnum():
        b -= 1
    return f"{subject} {text[a:b]}" if subject else text[a:b]


def _named_days(
    target: Document,
    sources: list[tuple[Document, list[Claim]]],
    common: frozenset[str],
    rx: tuple[re.Pattern[str], re.Pattern[str]],
    name: Callable[[str], str],
) -> tuple[list[_Weekday], list[_Weekday]]:
    """The target's and the sources' named days (or quarters) that date an event."""
    quarters = rx[0] is _QUARTER_NAMED
    # "officials said on Friday" dates the telling, not the event: no evidence,
    # and in a summary no event's day to contradict ("It said fourth quarter
    # sales rose 7.6%" names the sales' quarter: days only)
    told = (lambda text, at: False) if quarters else _said_on
    t_days = [
        w for w in _weekdays(target, common, rx[0], name) if not told(target.text, w.claim.start)
    ]
    s_days = [
        w for d, _ in sources for w in _weekdays(d, common, rx[1], name)
        if not told(d.text, w.claim.start)
    ]
    if name in (day_name, month_name):
        # a day of a month is seldom the date of two events of one story: a
        # source that writes the summary's day at all dates something by it
        # ("sailed on June 11 ... made the inaugural transit on June 26")
        # (a day it dates from its own date counts: "on Friday" in a story of
        # Tuesday, April 14, 2015 is April 10)
        named = {w.day for w in s_days} | {
            _named_as(p, name) for _, cl in sources for c in cl
            if c.category == "date" and (p := c.period) is not None and p.start == p.end
        }
        for d, _ in sources:
            named |= days_named(d.text) if name is day_name else months_named(d.text)
        t_days = [w for w in t_days if w.day not in named]
        # the story's own date at its top dates the telling, no event
        s_days = [w for w in s_days if not (
            w.claim.start < OPENING_CHARS and _dated_story(w.doc))]
    return t_days, s_days


def _named_as(p: Period, name: Callable[[str], str]) -> str:
    """The name of a day's period: its month, or its month and day ("6-14")."""
    month = p.start[5:7].lstrip("0")
    return month if name is month_name else f"{month}-{p.start[8:].lstrip('0')}"


def _unsupported_days(
    target: Document, sources: list[tuple[Document, list[Claim]]]
) -> list[Finding]:
    """A day of a month the summary writes without its year ("On February 27,
    a man riding a bike found her belongings") that no source writes in any
    form, nor dates from its own date ("on Friday" in a story of Tuesday, April
    14), nor places from another day ("The following day")."""
    if any(relative_day(d.text) for d, _ in sources):
        return []
    t_days, _ = _named_days(target, sources, frozenset(), (yearless_day(), any_day()), day_name)
    return [
        make_finding(
            UNSUPPORTED, "medium",
            f'No source gives the day "{w.claim.text}": none writes it or dates anything by it.',
            w.claim, (), sentence_text=sentence_of(target, w.claim),
        )
        for w in t_days
    ]


def _unsupported_times(
    target: Document, sources: list[tuple[Document, list[Claim]]]
) -> list[Finding]:
    """A time of day ("around 12:30 AM local time") where no source writes a time
    of day in any form: the hour is invented precision, whatever the event."""
    times = target_times(target.text)
    named = target_named_times(target.text)
    if not times and not named:
        return []
    if any(source_has_time_of_day(d.text) for d, _ in sources):
        both = sorted(times + named, key=lambda t: t.start)
        return _times_told_otherwise(target, both, [d for d, _ in sources])
    if not times:
        return []
    out: list[Finding] = []
    for t in times:
        sent = next((s for s in target.sentences if s.start <= t.start < s.end), None)
        if sent is None:
            continue
        claim = Claim(doc=target.id, category="date", text=t.text, start=t.start, end=t.end,
                      sentence=sent.index)
        out.append(make_finding(
            UNSUPPORTED, "medium",
            f'No source gives a time of day; the summary says "{t.text}".',
            claim, (), sentence_text=sentence_of(target, claim),
        ))
    return out


# minutes a summary may round a time of day by ("just after 3 a.m." for 2:10 a.m.);
# a whole hour off is another hour ("just after 9 a.m." for "just after 8 a.m.")
CLOCK_SLACK = 59


def _times_told_otherwise(
    target: Document, times: list[TargetTime], docs: list[Document]
) -> list[Finding]:
    """A summary's time of day more than an hour from every time the sources give,
    where every time they give can be read: "last updated at 2pm" for "at 2am this
    morning". The source time shown is the claim's in the other half of the day, or
    one written after a word the claim's is written after too ("as of 2pm"): a time
    alone may be another event's."""
    told = [(d, source_times(d.text)) for d in docs]
    if any(t is None for _, t in told):
        return []  # "half past eight": a time we cannot place might be the claim's
    out: list[Finding] = []
    for t in times:
        mine = target_minutes(t.text)
        sent = target.sentence_at(t.start)
        if mine is None or sent is None:
            continue
        words = _time_words(target.text, t.start)
        slack = _clock_slack(target.text, t, mine)
        near = [
            (d, s) for d, st in told for s in st or ()
            if any(minutes_apart(mine, r) <= slack for r in s.readings)
        ]
        if near:
            evidence = _time_of_another(target.text, t, words, near, told, mine)
        else:
            evidence = next((
                (d, s) for d, st in told for s in st or ()
                if any(minutes_apart(mine, r) == HALF_DAY for r in s.readings)
                or words & _time_words(d.text, s.start)
                or _same_sentence_event(sent.text, d, s)
            ), None)
        if evidence is None:
            continue  # "at about 7:30 p.m." beside "restart at 6 a.m.": two events
        claim = Claim(doc=target.id, category="date", text=t.text, start=t.start, end=t.end,
                      sentence=sent.index)
        out.append(make_finding(
            CONFLICT, "medium",
            f'Summary gives the time as "{t.text}"; the source says "{evidence[1].text}".',
            claim, (_time_claim(*evidence),), sentence_text=sentence_of(target, claim),
        ))
    return out


TIME_WORDS_SHARED = 2  # words before a time that tie it to a source's event
MINUTE_SLACK = 15  # a time given to the minute, unhedged: "10:30 a.m." is not 9:30
_HEDGED_TIME = re.compile(r"\b(?:about|around|approximately|roughly|nearly|almost|just|after|"
                          r"before|shortly|some|by|until|till)\s+$", re.IGNORECASE)


def _clock_slack(text: str, t: TargetTime, mine: int) -> int:
    """How far a source time may lie from the summary's and still be its: an hour
    for "3 a.m." or "around 3:30 a.m." (a rounding), a quarter of one for an
    unhedged time to the minute."""
    if mine % 60 == 0 or _HEDGED_TIME.search(text, max(0, t.start - 20), t.start):
        return CLOCK_SLACK
    return MINUTE_SLACK


def _time_of_another(
    text: str, t: TargetTime, words: set[str],
    near: list[tuple[Document, SourceTime]],
    told: list[tuple[Document, list[SourceTime] | None]], mine: int,
) -> tuple[Document, SourceTime] | None:
    """The source time of the summary's event where the sources give the summary's
    time only for another: "made landfall at Cudjoe Key in the lower Florida Keys
    at 7:10 a.m." where the storm made landfall "in the lower Florida Keys at 9:10
    a.m." and 7:10 a.m. is when a gust was recorded."""
    if len(words) < TIME_WORDS_SHARED or any(
        words & _source_time_words(d, s) for d, s in near
    ):
        return None
    return next((
        (d, s) for d, st in told for s in st or ()
        if len(words & _time_words(d.text, s.start)) >= TIME_WORDS_SHARED
        and all(minutes_apart(mine, r) > CLOCK_SLACK for r in s.readings)
    ), None)


HALF_DAY = 720
TIME_WORDS_BEFORE = 4
TIME_WORDS_AFTER = 12
TIME_AFTER_REACH = 90
# where a time's clause ends: a semicolon, a sentence, a line or the next time
_NEXT_SENTENCE = re.compile(r"\s+[A-Z]")
_CLAUSE_END = re.compile(r";|\.\s|\n|\d{1,2}[:.]\d\d")
_SMALL_TIME_WORDS = frozenset((
    "at", "about", "around", "by", "on", "the", "a", "an", "of", "and", "just", "after",
    "before", "until", "from", "to", "in", "was", "were", "is", "it", "approximately", "roughly",
))


def _source_time_words(doc: Document, s: SourceTime) -> set[str]:
    """A source time's words: those before it, and those after it in its clause and
    sentence ("at 5:51 p.m., more than 11 hours after the explosion, the first rescue
    team entered on foot"). Read only to keep a source time the summary's own from
    being taken for another event's; the words after a time are too loose to pick a
    far time as the summary's evidence (a fresh unread round showed it). A summary's
    clause after its time may tell the next step ("at about 7:30 p.m. Tuesday,
    switching to recovery from 6 a.m. Wednesday")."""
    sent = doc.sentence_at(s.start)
    return _time_words(doc.text, s.start, s.end, sent.end if sent is not None else s.end)


def _time_words(text: str, at: int, end: int | None = None, limit: int = 0) -> set[str]:
    """The words just before a time of day that say what happened then ("last
    updated at 2am", "as of 2pm"), small words aside."""
    before = text[max(0, at - 40):at]
    # within the time's own clause: in "the first rescue team entered on foot; by 8:30
    # p.m., they had" the words before the semicolon are the 5:51 p.m. entry's
    before = before[max(before.rfind(";"), before.rfind(". "), before.rfind("\n")) + 1:]
    words = re.findall(r"[A-Za-z]+", before.lower())[-TIME_WORDS_BEFORE:]
    if end is not None:
        after = text[end:min(end + TIME_AFTER_REACH, limit)]
        if text[end - 1] == "." and _NEXT_SENTENCE.match(after):
            after = ""  # "recorded ... at 7:10 a.m. The storm made landfall": the next's
        stop = _CLAUSE_END.search(after)
        words += re.findall(r"[A-Za-z]+", after[:stop.start() if stop else None].lower())[
            :TIME_WORDS_AFTER
        ]
    return set(words) - _SMALL_TIME_WORDS


SENTENCE_STEMS_SHARED = 3  # event words two sentences share to tell one event


def _same_sentence_event(text: str, doc: Document, s: SourceTime) -> bool:
    """The summary's sentence and the source time's, each with one time of day, tell
    one event by their words, whatever words stand right before each time: "a
    freight train hit the commuter train just after 9 a.m." and "a northbound
    freight train hit its front passenger car just after 8 a.m." share "freight",
    "train", "hit"."""
    sent = doc.sentence_at(s.start)
    if sent is None or len(target_times(text)) != 1 or len(source_times(sent.text) or ()) != 1:
        return False  # a sentence of two times tells two events
    return len(set(content_stems(text)) & set(content_stems(sent.text))) >= SENTENCE_STEMS_SHARED


def _time_claim(doc: Document, s: SourceTime) -> Claim:
    sent = doc.sentence_at(s.start)
    return Claim(doc=doc.id, category="date", text=s.text, start=s.start, end=s.end,
                 sentence=sent.index if sent is not None else 0)


def _told_that_day(
    w: _Weekday, best: _Weekday, sources: list[tuple[Document, list[Claim]]],
    common: frozenset[str], rx: re.Pattern[str], name: Callable[[str], str],
) -> bool:
    """A source passage about the claim's event at least as closely as the
    evidence's, that names the claim's day as the day of its telling ("The Coast
    Guard said Tuesday evening it was calling off the search" for "suspended the
    search at about 7:30 p.m. Tuesday"): no evidence of the event's day, and
    none against the claim's either."""
    mine = set(w.key)
    against = len(mine & set(best.key))
    return any(
        t.agrees(w) and len(mine & set(t.key)) >= max(against, WEEKDAY_SHARED)
        for d, _ in sources for t in _weekdays(d, common, rx, name)
        if _said_on(d.text, t.claim.start)
    )


def _weekday_conflicts(
    target: Document,
    sources: list[tuple[Document, list[Claim]]],
    common: frozenset[str],
    rx: tuple[re.Pattern[str], re.Pattern[str]] = (_WEEKDAY, _WEEKDAY),
    name: Callable[[str], str] = _period_name,
) -> list[Finding]:
    """A weekday (or a year-less quarter or day of a month: ``rx`` for the
    target and the sources) whose closely matching source passages all name another."""
    quarters = rx[0] is _QUARTER_NAMED
    t_days, s_days = _named_days(target, sources, common, rx, name)
    if not t_days or not s_days:
        return []
    overlap = SparseOverlap([w.key for w in t_days], [w.key for w in s_days])
    out: list[Finding] = []
    for i, w in enumerate(t_days):
        r = overlap.row(i)
        ok = (r.shared >= WEEKDAY_SHARED) & (r.coef >= WEEKDAY_OVERLAP)
        matched = r.ranked(ok, (-r.shared, -r.coef))
        if not matched or any(w.agrees(s_days[j]) for j in matched):
            continue
        # a passage naming the claim's own day about the same things is support
        # even where it says much else ("a fresh series of airstrikes Wednesday")
        # (days only: a call's quarters are all about the same things)
        if not quarters and any(
            w.agrees(s_days[j]) for j in ranked_where(r, r.shared >= WEEKDAY_SHARED)
        ):
            continue
        if not quarters and _told_across_passages(w, s_days):
            continue
        best = s_days[matched[0]].claim
        if any(w.agrees(s) for s in s_days if _same_sentence(s.claim, best)):
            continue  # "began on Monday and ended on Thursday" dates both
        if not quarters and _a_told_day(target, w, s_days[matched[0]], sources, common, rx[1],
                                        name):
            continue
        if comparison_base(target, w.claim) and any(w.agrees(s) for s in s_days):
            continue  # "89 blazes ..., 15 more fires than on Friday": the day compared with
        if quarters and _named_for_relative(target, w.claim, sources, best):
            continue  # "fell from the second quarter" for "down from the prior quarter"
        out.append(make_finding(
            CONFLICT, "medium",
            f'Summary dates this "{w.claim.text}"; the source says "{best.text}".',
            w.claim, (best,), sentence_text=sentence_of(target, w.claim),
        ))
    return out


def _told_across_passages(w: _Weekday, s_days: Sequence[_Weekday]) -> bool:
    """The passages naming the claim's own day share its words between them: "a
    tentative deal last week let classes start Thursday" where one source sentence
    says "classes to resume Thursday" and another "a tentative agreement ...
    Thursday". A summary merges what the article tells of one day in two places."""
    same = [s.key for s in s_days if w.agrees(s)]
    told = {word for key in same for word in key}
    return len(same) > 1 and len(told.intersection(w.key)) >= WEEKDAY_SHARED


# the date a weekday is written with: ", July 22", " 22 July". Bounded: linear.
_DATE_AFTER = re.compile(
    r",?\s{1,2}([A-Z][a-z]{2,8}\.?\s{1,2}\d{1,2}|\d{1,2}\s{1,2}[A-Z][a-z]{2,8})\b"
)


def _written_with_its_date(
    text: str, claim: Claim, sources: list[tuple[Document, list[Claim]]]
) -> bool:
    """The weekday is written with its date, and a source writes the two alike."""
    m = _DATE_AFTER.match(text, claim.end)
    if m is None:
        return False
    pair = re.compile(
        rf"\b{re.escape(claim.text.split()[-1])},?\s{{1,2}}{re.escape(m.group(1))}\b",
        re.IGNORECASE,
    )
    return any(pair.search(d.text) for d, _ in sources)


def _named_for_relative(
    target: Document, claim: Claim, sources: list[tuple[Document, list[Claim]]], best: Claim
) -> bool:
    """The summary names the quarter a change is measured from ("fell from the
    second quarter") where the source counts it from its own ("down from the
    prior quarter"): a reader's naming, not another quarter."""
    if not comparison_base(target, claim):
        return False
    doc = next((d for d, _ in sources if d.id == best.doc), None)
    if doc is None or not 0 <= best.sentence < len(doc.sentences):
        return False
    return SEQUENTIAL.search(doc.sentences[best.sentence].text) is not None


def ranked_where(r: OverlapRow, ok: object) -> list[int]:
    """Column indexes of row ``r`` where ``ok`` holds, best first."""
    return r.ranked(ok, (-r.shared, -r.coef))


def _same_sentence(a: Claim, b: Claim) -> bool:
    return a.doc == b.doc and a.sentence == b.sentence


class DateCheck:
    """Dates a source contradicts (DQ201, by period or by weekday name), years no
    source gives (DQ202), and two datelines in one document (DQ203)."""

    name = "dates"
    codes = (CONFLICT, UNSUPPORTED, INTERNAL)

    def run(
        self, target: Document, target_claims: Sequence[Claim], sources: Sources,
        options: Options,
    ) -> list[Finding]:
        return find_date_findings(target, target_claims, sources)  # type: ignore[arg-type]
