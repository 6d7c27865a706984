"""Dates and periods in news text, resolved to inclusive day intervals.

Spans are found by our own linear-time regexes (bounded repetition, no nested
quantifiers), then resolved:

* Absolute forms ("Jan 23, 2024", "mid-October", "between September 2022 and
  January 2023", "spring 2023") are resolved by our own code. It is a table
  lookup plus year inference, and it must produce *intervals* with a
  granularity; ``dateparser`` returns one datetime, has no notion of "mid-" or
  of periods, and its ``search_dates`` misreads figures such as "25-30" as 1930.
* Weekday names ("on Friday") and "N days/weeks/months/years ago" are
  resolved by our own few lines too: a weekday is the most recent such day on
  or before the reference date, and "ago" is calendar arithmetic. ``dateparser``
  did this once, but importing it and loading its language data cost about a
  second of every cold run, for two lookups a dozen lines of code can do.

A year-less date takes the year that puts it on or before the reference date
(an article's "since September" is the most recent September). The reference
is the dateline, else the latest explicit full date in the text.

A date's subject is the event stems of its clause (``text.words``).

One module per step: ``patterns`` (the regex), ``absolute`` and ``relative``
(one rule per date form), ``scan`` (atoms of a text), ``reference`` (the
story's date), ``periods`` (ranges and open periods), ``subjects`` (what a
date is the date of) and ``comparison`` (a base date a figure moved from).
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from ...model import Claim, Document
from ...text.words import content_stems, stem, word_spans
from ..base import Context, Recognizer
from .comparison import COMPARED_WINDOW, comparison_base, comparison_cue
from .periods import OPEN_END, OPEN_START, _combine
from .reference import HEAD_CHARS, dated_at_head, dated_near_top, datelines, reference_date
from .scan import _atoms, undatable
from .subjects import (
    SUBJECT_WINDOW,
    _inside,
    _SentenceIndex,
    _subject,
    according_asides,
    next_bounds,
)

DATELINE_SUBJECT = "dateline"
CONTEXT_MAX = 400  # words of a date's sentence it carries; no article's sentence has more

__all__ = [
    "COMPARED_WINDOW", "CONTEXT_MAX", "DATELINE_SUBJECT", "HEAD_CHARS", "OPEN_END", "OPEN_START",
    "SUBJECT_WINDOW", "DateRecognizer", "comparison_base", "comparison_cue",
    "content_stems", "dated_at_head", "dated_near_top", "datelines", "extract_dates",
    "reference_date", "stem",
    "word_spans",
]


def extract_dates(doc: Document, reference: date | None = None) -> list[Claim]:
    """Every date and period in ``doc`` as a "date" Claim with a resolved Period.

    Standalone date lines get subject ``"dateline"``; other claims get the
    content stems of their clause as subject, for matching events.
    """

    ref = reference if reference is not None else reference_date(doc)
    return _dates(doc, ref)


def _dates(doc: Document, ref: date | None) -> list[Claim]:
    """``extract_dates`` with the reference date resolved (None: the text has none)."""
    text = doc.text
    atoms = _atoms(text, ref)
    if not atoms:
        return []  # most texts date nothing
    spans = _combine(text, atoms, ref)
    all_spans = sorted((s.start, s.end) for s in spans)
    span_starts = [a for a, _ in all_spans]
    nexts = next_bounds(doc, all_spans)
    next_starts = [a for a, _ in nexts]
    cache: dict[int, tuple[list[tuple[int, int, str]], tuple[str, ...], _SentenceIndex]] = {}
    word_starts: dict[int, list[int]] = {}
    claims: list[Claim] = []
    for sp in spans:
        sent = doc.sentence_at(sp.start)
        s_start, s_end = (sent.start, sent.end) if sent else (sp.start, sp.end)
        if s_start not in cache:
            every = word_spans(text[s_start:s_end], s_start)
            asides = [(s_start + a, s_start + b) for a, b in according_asides(text[s_start:s_end])]
            kept = [w for w in every if not _inside(w[0], all_spans, span_starts)]
            if asides:
                kept = [w for w in kept if not any(a <= w[0] < b for a, b in asides)]
            cache[s_start] = (
                kept, tuple(w[2] for w in every),
                _SentenceIndex(text[s_start:s_end], s_start, kept),
            )
            word_starts[s_start] = [w[0] for w in every]
        words, context, index = cache[s_start]
        if len(context) > CONTEXT_MAX:
            # a "sentence" of thousands of words is no article's: each date keeps
            # the words around it, not a copy of them all (hashing every claim
            # with the whole sentence made a check of it quadratic)
            k = bisect_left(word_starts[s_start], sp.start)
            context = context[max(0, k - CONTEXT_MAX // 2): k + CONTEXT_MAX // 2]
        if sp.dateline:
            subject = DATELINE_SUBJECT
        else:
            k = bisect_left(span_starts, sp.start)
            prev_end = all_spans[k - 1][1] if k > 0 else 0
            k = bisect_left(next_starts, sp.start)
            next_start = nexts[k + 1][0] if k + 1 < len(nexts) else len(text)
            subject = _subject(text[s_start:s_end], s_start, words, sp, prev_end, next_start,
                               index)
        claims.append(
            Claim(
                doc=doc.id,
                category="date",
                text=text[sp.start:sp.end],
                start=sp.start,
                end=sp.end,
                sentence=sent.index if sent else 0,
                subject=subject,
                period=sp.period,
                context=context,
            )
        )
    return claims


class DateRecognizer(Recognizer):
    """Dates and periods, resolved against the story's own date."""

    name = "dates"
    category = "date"

    def recognize(self, doc: Document, context: Context) -> list[Claim]:
        if undatable(doc.text):
            return []  # so no reference date either: spare the cached readings
        # the story's date read once: extract_dates would read a missing one again
        return _dates(doc, reference_date(doc))
