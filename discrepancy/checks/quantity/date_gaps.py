"""The lengths of time between two dates (or times of day) the sources give close together.

"Arrested in March and released in June" writes "three months" nowhere, and
"founded in 2005. In 2015 it went public" no "ten years"; a summary that says
them did a reader's arithmetic on the article, no new figure. Years to the
story's own year and years between dates of one sentence are read by
``source_numbers`` (``years_between``); this index covers any unit of time,
over a sentence and the one after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ...model import Claim, Document, Quantity
from ...recognizers.dates import extract_dates, reference_date
from ...text import units
from .number_index import NumberIndex
from .written import sentence_lemmas

DAY = 86400.0
DATES_MAX = 8  # dates of a window paired; past it, a list of dates says nothing
# How many sentences a window spans: a date and the next sentence's date.
WINDOW = 2
# ... and the times of day of one story, a timeline: "broke out at around 9:45
# pm" and, eleven sentences on, "brought under control at around 11:50 pm"
CLOCK_WINDOW = 12
NOMINAL_REFERENCE = date(2001, 12, 31)


def resolved_dates(doc: Document, claims: Sequence[Claim]) -> Sequence[Claim]:
    """``doc``'s claims; for a text with no date of its own, which resolves no
    "in March" or "October 24", its dates read against a nominal year instead:
    any year serves to count the months from March to June, or to name a day."""
    return extract_dates(doc, NOMINAL_REFERENCE) if reference_date(doc) is None else claims


class DateGaps:
    """Every gap between two closed dates, or two times of day, of a source
    window, in seconds, with the content lemmas of the window's sentences."""

    def __init__(self, sources: Sequence[tuple[Document, Sequence[Claim]]]) -> None:
        self.lemmas: list[frozenset[str]] = []
        pairs: list[tuple[float, int]] = []
        for doc, claims in sources:
            dated = _dates_by_sentence(resolved_dates(doc, claims))
            clocks = _clocks_by_sentence(doc)
            for s in sorted(set(dated) | set(clocks)):
                window = [d for k in range(s, s + WINDOW) for d in dated.get(k, ())]
                # ... and the next dated sentence of the story's timeline, further
                # on ("stopped on 21 February 2011 ... pleaded not guilty on 25
                # February 2011", three sentences on: "four days after")
                nxt = _next_dated(dated, s + WINDOW, s + CLOCK_WINDOW)
                if nxt is not None and s in dated:
                    window += [d for d in dated[nxt] if d[2] == "day"] if any(
                        d[2] == "day" for d in dated[s]) else []
                gaps = {g * DAY for g in _gaps(window)} | _clock_gaps(
                    [t for k in range(s, s + CLOCK_WINDOW) for t in clocks.get(k, ())]
                )
                if not gaps:
                    continue
                k = len(self.lemmas)
                reach = CLOCK_WINDOW if s in clocks else WINDOW
                texts = [doc.sentences[j].text for j in range(s, s + reach)
                         if j < len(doc.sentences)]
                self.lemmas.append(sentence_lemmas(" ".join(texts)))
                pairs.extend((g, k) for g in gaps)
        self._index = NumberIndex(pairs)

    def between(self, q: Quantity, lemmas: frozenset[str]) -> bool:
        """A duration in the unit it is written in ("three months") that is, to
        the nearest unit, the time between two dates of a source window sharing
        a content word with the claim's sentence."""
        window = counted_window(q)
        if window is None or not self.lemmas:
            return False
        return any(
            not lemmas.isdisjoint(self.lemmas[k]) for k in self._index.between(*window)
        )


def counted_window(q: Quantity) -> tuple[float, float] | None:
    """The seconds a duration counts, to the nearest unit it is written in
    ("three months"); None for no duration read so."""
    if q.dimension != "duration" or q.qualifier not in _READ:
        return None
    info = units.lookup(q.surface_unit.lower().rstrip("-"))
    if info is None or info.dimension != "duration":
        return None
    size = units.to_canonical(1.0, info)
    # "debated over two days" (the 23rd and the 24th): a bound's own number
    # is the days counted, the way "over" and "within" are said of a span
    lo, hi = q.value - size / 2, q.value + size / 2
    if q.qualifier == "approx":  # "almost five months": within its own slack too
        lo, hi = min(lo, q.low), max(hi, q.high)
    return lo, hi


_YEAR_WRITTEN = re.compile(r"\b(?:1[89]|20)\d\d\b")


def own_gaps(claims: Sequence[Claim]) -> set[float]:
    """Seconds between two of the dates ``claims`` give, read in a few sentences
    of one text ("launched on April 24, 1990; its first image came 26 days later, on May
    20"). A day written without its year takes the year of the date before it
    (the story's year resolves "May 20" to another), or the next one when that
    would put it first."""
    dated = sorted(
        (c for c in claims if c.category == "date" and c.period is not None
         and not c.period.open_start
         and not c.period.open_end and c.period.granularity in _UNIT_DAYS),
        key=lambda c: c.start,
    )
    out: list[tuple[date, date, str]] = []
    for c in dated[:DATES_MAX]:
        assert c.period is not None
        try:
            a, b = date.fromisoformat(c.period.start), date.fromisoformat(c.period.end)
        except ValueError:
            continue
        if out and not _YEAR_WRITTEN.search(c.text) and c.period.granularity != "year":
            a, b = _in_year(a, out[-1][0].year), _in_year(b, out[-1][0].year)
            if a < out[-1][0]:
                a, b = _in_year(a, a.year + 1), _in_year(b, b.year + 1)
        out.append((a, b, c.period.granularity))
    return {g * DAY for g in _gaps(out)}


def _in_year(d: date, year: int) -> date:
    try:
        return d.replace(year=year)
    except ValueError:  # 29 February
        return d.replace(year=year, day=28)


_READ = frozenset(("exact", "approx", "more_than", "at_least", "less_than", "at_most"))


# "at 03:00 GMT", "at 2.30pm", "at 11am": a time of day. Bounded, no nesting.
_CLOCK = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s?(?P<ampm>[ap]\.?m\b\.?)?"
    r"(?:\s?(?:GMT|BST|UTC|local time|ET|EST|EDT|PT|PST))?",
    re.IGNORECASE,
)
CLOCKS_MAX = 6  # times of a window paired; past it, a timetable says nothing


def _clocks_by_sentence(doc: Document) -> dict[int, list[float]]:
    """Times of day written with minutes or am/pm, in seconds after midnight,
    by sentence."""
    out: dict[int, list[float]] = {}
    for sent in doc.sentences:
        for m in _CLOCK.finditer(sent.text):
            if m.group("m") is None and m.group("ampm") is None:
                continue  # a bare number is no time
            h = int(m.group("h"))
            ampm = (m.group("ampm") or "").lower()
            if ampm.startswith("p") and h < 12:
                h += 12
            elif ampm.startswith("a") and h == 12:
                h = 0
            out.setdefault(sent.index, []).append(h * 3600.0 + int(m.group("m") or 0) * 60.0)
    return out


def _clock_gaps(times: list[float]) -> set[float]:
    """Seconds from each time of day to each later one ("closed at 03:00 ...
    lifted at 14:00" is 11 hours), and overnight to the next one written after
    it ("a 6 p.m. to 6 a.m. curfew" is 12 hours)."""
    if not 2 <= len(times) <= CLOCKS_MAX:
        return set()
    out = {b - a for i, a in enumerate(times) for b in times[i + 1:] if b > a}
    out |= {b + DAY - a for a, b in zip(times, times[1:], strict=False) if b <= a}
    return out


def _next_dated(dated: dict[int, list[tuple[date, date, str]]], lo: int, hi: int) -> int | None:
    """The first sentence from ``lo`` up to ``hi`` that dates something."""
    return next((k for k in range(lo, hi) if k in dated), None)


def _dates_by_sentence(claims: Sequence[Claim]) -> dict[int, list[tuple[date, date, str]]]:
    """(first day, last day, granularity) of each closed date and each "since",
    by sentence."""
    out: dict[int, list[tuple[date, date, str]]] = {}
    for c in claims:
        p = c.period
        if c.category != "date" or p is None or p.open_start:
            continue
        # "since 2016" runs to the story's date, and that is its length
        unit = _SINCE if p.open_end else p.granularity
        if unit not in _UNIT_DAYS and unit != _SINCE:
            continue  # "this year", "last week": the time of a story, no stated length
        try:
            first, last = date.fromisoformat(p.start), date.fromisoformat(p.end)
        except ValueError:
            continue
        if unit != _SINCE or last > first:
            out.setdefault(c.sentence, []).append((first, last, unit))
    return out


# The longest a single date of each granularity lasts: a period longer than that
# was written as a range ("from June 3 to June 5", "January to April").
_UNIT_DAYS = {"day": 1, "month": 31, "year": 366}
_SINCE = "since"


def _gaps(dates: list[tuple[date, date, str]]) -> set[float]:
    """Days between two dates (start to start, and start to end counted whole:
    "from Monday to Thursday" is three days on or four days of talks) and
    across a range. Years are counted start to start: 2005 to 2015 is ten. A
    date inside another ("in September this year") makes no gap."""
    if len(dates) > DATES_MAX:
        return set()
    out: set[float] = set()
    for first, last, unit in dates:
        if unit == _SINCE:
            out.add(float((last - first).days))
        elif unit != "year" and (last - first).days + 1 > _UNIT_DAYS[unit]:
            out.add(float((last - first).days + 1))
    ordered = sorted(d for d in set(dates) if d[2] != _SINCE)
    for i, (a_first, a_last, a_unit) in enumerate(ordered):
        for b_first, b_last, b_unit in ordered[i + 1:]:
            if b_first <= a_last:
                continue  # one inside or across the other
            out.add(float((b_first - a_first).days))
            if a_unit != "year" and b_unit != "year":
                out.add(float((b_last - a_first).days + 1))
    return out
