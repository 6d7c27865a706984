"""What a date is the date of: the event stems of its clause."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ...model import Document
from .periods import _Span

SUBJECT_WINDOW = 12  # content words each side of a date that describe its event
# ", according to the latest data," is an aside, no participle opening a clause:
# the event after it is still the date's ("from 2017 to 2020, according to ...,
# melt soared"); its own words are no event's (``according_asides``).
_CLAUSE_BREAK = re.compile(
    r"[;:]|\s[—–]\s|\sthat\s|,\s(?!according\b)(?=[a-z]{2,20}ing\b|(?:while|whereas|but)\s)"
)
# "according to the ministry" up to the next comma or stop. Bounded: linear.
_ACCORDING = re.compile(r"\baccording to\b[^,.;:!?]{0,80}", re.IGNORECASE)


def according_asides(text: str) -> list[tuple[int, int]]:
    """Spans of "according to ..." asides in ``text``: who said it, not what
    happened, so no date's event words."""
    if "ccording" not in text:
        return []
    return [m.span() for m in _ACCORDING.finditer(text)]


_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_DAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# Phrases that date an event without a date the recognizers resolve: a month or
# weekday with no year and no story date to place it ("went public in June"), a
# step counted from another date ("three months later", "the following year"),
# or a bare year read as no date.
# Bounded words, no nested repetition: linear on any input.
_UNDATED = re.compile(
    rf"\b(?:in|on|by|since|until|till|from|through|during|last|next|this|early|late"
    rf"|mid|end of|beginning of)[ -](?:{_MONTH_NAMES}|{_DAY_NAMES})\b"
    # the count before the unit ("three months later") is a number, no event word
    r"|\b(?:hours?|days?|weeks?|months?|years?|decades?)[ ](?:later|afterwards?|after that)\b"
    r"|\b(?:later|earlier)[ ]that[ ](?:day|week|month|year)\b"
    r"|\bthe[ ](?:following|next)[ ](?:day|week|month|year)\b"
    # a year no recognizer took as a date ("had a 1986 judgeship nomination rejected")
    r"|(?<![\d,.$£€])\b(?:1[89]|20)\d\d\b(?![,.]?\d)",
)


# A substring every ``_UNDATED`` phrase holds: most stretches hold none, and
# these C-speed tests spare them the regex.
_MARK_KEYS = (
    "later", "after", "follow", "next", "19", "20", "day", "Jan", "Feb", "Mar", "Apr", "May",
    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)


def _could_mark(stretch: str) -> bool:
    return any(k in stretch for k in _MARK_KEYS)


def undated_marks(
    text: str, spans: list[tuple[int, int]], within: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Spans of ``_UNDATED`` phrases that overlap no date span (``spans`` sorted),
    looked for only ``within`` the given ranges (the sentences that hold a date).

    They date nothing themselves, but the words between a date and one of them
    describe the later step of the story, as between two dates: "Founded in
    March 2010, it went public in June" does not date the listing March 2010.
    """
    starts = [a for a, _ in spans]
    out = []
    ranges = within if within is not None else [(0, len(text))]
    ranges = [(lo, hi) for lo, hi in ranges if _could_mark(text[lo:hi])]
    for m in (m for lo, hi in ranges for m in _UNDATED.finditer(text, lo, hi)):
        k = bisect_right(starts, m.end()) - 1
        if k >= 0 and spans[k][1] > m.start():
            continue
        out.append((m.start(), m.end()))
    return out


def next_bounds(doc: Document, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where a date's clause stops describing it, sorted: the next date, or the
    next phrase that dates a later step without a resolved date. Only forward,
    after a sentence's first date: the same phrase before a date is often its
    apposition ("the rematch eight months later, in New Orleans on November 25,
    1980")."""
    first_end: dict[int, tuple[int, int]] = {}
    for a, b in spans:
        sent = doc.sentence_at(a)
        if sent is not None and sent.start not in first_end:
            first_end[sent.start] = (b, sent.end)
    return sorted(spans + undated_marks(doc.text, spans, sorted(first_end.values())))


class _SentenceIndex:
    """A sentence's content-word starts and clause breaks, found once per sentence:
    per date they made a long line of many dates quadratic."""

    def __init__(self, text: str, sentence_start: int, words: list[tuple[int, int, str]]):
        self.starts = [w[0] for w in words]
        found = [(sentence_start + m.start(), sentence_start + m.end())
                 for m in _CLAUSE_BREAK.finditer(text)]
        self.break_starts = [a for a, _ in found]
        self.break_ends = [b for _, b in found]  # ascending too: matches do not overlap


def _subject(text: str, sentence_start: int, words: list[tuple[int, int, str]],
             span: _Span, prev_end: int = 0, next_start: int = 1 << 60,
             index: _SentenceIndex | None = None) -> str:
    """Content stems of the clause around the date: what happened then.

    ``words`` are the sentence's content words with every date span already
    removed, computed once per sentence so many dates in one sentence stay cheap;
    ``index`` (of the same sentence and words) likewise.
    """

    index = index or _SentenceIndex(text, sentence_start, words)
    starts = index.starts
    # A clause ends at ";", ":" or a dash; "X said that <clause>" starts one; a
    # trailing ", helping ..." participle opens a new one. A date describes its clause.
    # lo: the end of the last break ending before the date; hi: the first break
    # starting after it (a break overlapping the date is neither).
    lo, hi = sentence_start, sentence_start + len(text)
    k = bisect_right(index.break_ends, span.start)
    if k:
        lo = index.break_ends[k - 1]
    k = bisect_left(index.break_starts, span.end)
    if k < len(index.break_starts):
        hi = index.break_starts[k]
    # "212 at the end of March and 301 by April 14, before the total reached 386
    # this week", "due to start in spring 2026, with the first trains expected in
    # 2030": news puts the event before its date, so the words between two dates
    # describe the later one
    lo = max(lo, prev_end)
    i_lo, i_span = bisect_left(starts, lo), bisect_left(starts, span.start)
    if next_start < hi and i_span > i_lo:
        hi = span.end  # unless the date opens its clause: "At the end of March, X counted"
    i_end, i_hi = bisect_left(starts, span.end), bisect_left(starts, hi)
    before = [w[2] for w in words[max(i_lo, i_span - SUBJECT_WINDOW):i_span]]
    after = [w[2] for w in words[i_end:min(i_hi, i_end + SUBJECT_WINDOW)]]
    return " ".join(before + after)


def _inside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:

    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
