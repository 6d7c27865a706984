"""Atoms joined into the periods a text states: "between September 2022 and
January 2023", "since September" (open end), "by mid-October" (open start)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ...model import Period
from .atoms import _Atom, _reresolve
from .patterns import _BARE_JOIN, _JOIN, _PRE
from .reference import _is_dateline

OPEN_START = "0001-01-01"
OPEN_END = "9999-12-31"
_OPEN_END_CUES = ("since", "after", "starting in", "past the end of", "beyond")
# ... of which these start after the date, not on it ("past the end of 2019": 2020 on)
_AFTER_CUES = ("after", "past the end of", "beyond")
_OPEN_START_CUES = ("by", "until", "till", "before", "prior to", "as of", "through")


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    period: Period
    dateline: bool = False


def _period(first: date, last: date, gran: str, open_start: bool = False,
            open_end: bool = False) -> Period:
    return Period(
        start=OPEN_START if open_start else first.isoformat(),
        end=OPEN_END if open_end and last == date.max else last.isoformat(),
        granularity=gran,
        open_start=open_start,
        open_end=open_end,
    )


def _combine(text: str, atoms: list[_Atom], ref: date | None) -> list[_Span]:
    """The spans of ``atoms``: two joined into a range, or one with its cue word."""
    spans: list[_Span] = []
    i = 0
    while i < len(atoms):
        at = atoms[i]
        pre = _PRE.search(text, max(0, at.start - 24), at.start)
        kw = " ".join(pre.group("kw").lower().split()) if pre else ""
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        if nxt is not None and _joined(text, at, nxt, kw):
            start = pre.start("kw") if pre and kw in ("between", "from") else at.start
            spans.append(_range_span(at, nxt, start))
            i += 2
            continue
        spans.append(_single_span(text, at, pre, kw, ref))
        i += 1
    return spans


def _joined(text: str, at: _Atom, nxt: _Atom, kw: str) -> bool:
    """ "between X and Y", "from X to Y", or two absolute dates joined by "to" or a dash."""
    between = text[at.end:nxt.start]
    if kw in ("between", "from") and _JOIN.fullmatch(between) is not None:
        return True
    absolute = at.kind != "relative" and nxt.kind != "relative"
    return absolute and _BARE_JOIN.fullmatch(between) is not None


def _range_span(at: _Atom, nxt: _Atom, start: int) -> _Span:
    """A range; a year-less end takes its year from the other end."""
    left, right = at, nxt
    if not left.has_year and right.has_year:
        left = _reresolve(at, right.last.year)
        if left.first > right.last:
            left = _reresolve(at, right.last.year - 1)
    elif left.has_year and not right.has_year:
        right = _reresolve(nxt, left.first.year)
        if right.last < left.first:
            right = _reresolve(nxt, left.first.year + 1)
    elif not left.has_year and right.last < left.first:
        # both year-less, each read as its latest past instance: "from June
        # through September" in a story of August 2017 ends after it starts
        right = _reresolve(nxt, left.first.year + (right.last.month < left.first.month))
    gran = left.granularity if left.granularity == right.granularity else "day"
    return _Span(start, right.end, _period(left.first, right.last, gran))


def _single_span(
    text: str, at: _Atom, pre: re.Match[str] | None, kw: str, ref: date | None
) -> _Span:
    """One atom: open-ended after "since", open-started after "by", else itself."""
    if kw == "after" and pre is not None:
        counted = _counted_after(text, pre.start("kw"), at)
        if counted is not None:
            return counted
    if kw == "after" and _ANOTHER_YEAR.match(text, at.end) is not None:
        # "after 2002 and 2008", "the fourth-largest after 2022, 2023 and 2003": the
        # earlier times it happened, no span from 2003
        return _Span(at.start, at.end, _period(at.first, at.last, at.granularity))
    if kw in _YEAR_AS_WORD_CUES and at.kind == "year" and pre is not None and (
        _NOUN_NEXT.match(text, at.end) or _THE_BEFORE.search(text, pre.end("kw"), at.start)
    ):
        # "halved its dividend after 2023 profits collapsed", "after the 2015
        # Islamist terror attacks": the year names the profits or the attacks, and
        # the cue word may as well join a clause; read the year itself, no span
        # from 2024 (the source's "after the 2015 attacks" reads alike)
        return _Span(at.start, at.end, _period(at.first, at.last, at.granularity))
    if kw in _OPEN_END_CUES and pre is not None:
        first = at.last + timedelta(days=1) if kw in _AFTER_CUES else at.first
        # never before its start: "after the 6 April 2009 quake" starts on the 7th
        end = max(ref, at.last, first) if ref is not None else date.max
        return _Span(pre.start("kw"), at.end, _period(first, end, "open", open_end=True))
    if kw in _OPEN_START_CUES and pre is not None and not _LABEL_DATE.search(
        text, max(0, pre.start("kw") - 12), pre.start("kw")
    ):
        last = at.first - timedelta(days=1) if kw in ("before", "prior to") else at.last
        return _Span(pre.start("kw"), at.end, _period(at.first, last, "open", open_start=True))
    return _Span(at.start, at.end, _period(at.first, at.last, at.granularity),
                 dateline=_is_dateline(text, at))


_YEAR_AS_WORD_CUES = ("after", "before", "since")
# "best before February 2019", "use by 12 May": a date printed on a label, the
# month itself
_LABEL_DATE = re.compile(r"\b(?:best|use|sell|display)\s+$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# A lower-case word after a year, not one that ends the time phrase or starts a
# clause of its own ("after 2015 when", "since 2019 the company", "since 2015
# despite", "since 2010 largely"): bounded, linear
_NOUN_NEXT = re.compile(
    r"\s(?!(?:of|and|or|when|as|to|in|on|at|for|with|the|a|an|this|that|these|those|its|their|"
    r"his|her|our|but|so|because|while|until|through|onwards?|was|were|is|are|has|had|have|"
    r"will|would|it|they|we|he|she|there|then|where|which|who|despite|amid|amidst|after|before|"
    r"during|following|against|into|from|by|over|under|about|around|ago|due|thanks|up|down|out|"
    r"off|now|already|again|too|also|yet|still|only|just|alone|onward|[a-z]+ly)\b)"
    r"[a-z][a-z-]{1,20}\b"
)
# "after 2002 and 2008", "after 2022, 2023 and 2003": a list of years. Bounded: linear.
_ANOTHER_YEAR = re.compile(r"(?:,?\s(?:and|or)\s|,\s?)(?:in\s)?(?:1[89]|20)\d\d\b")

# "three and a half years after", "18 months after", "two years after": a time
# counted from the date that follows. Bounded words, no nested repetition.
_COUNTED_BEFORE = re.compile(
    r"(?<![\w-])(?P<n>\d{1,3}|an?|[a-z]+(?:-[a-z]+)?)(?P<half>[ -]and[ -]a[ -]half)?"
    r"[ -](?P<unit>years?|months?)[ ]+$",
    re.IGNORECASE,
)
COUNTED_REACH = 40  # characters before "after" searched for the count


def _counted_after(text: str, kw_start: int, at: _Atom) -> _Span | None:
    """ "three and a half years after the 6 April 2009 quake" is October 2012, to
    the month: the count moves the date, and no open time after it is meant."""
    m = _COUNTED_BEFORE.search(text, max(0, kw_start - COUNTED_REACH), kw_start)
    if m is None:
        return None
    whole = _count_word(m.group("n"))
    if whole is None:
        return None
    months = round((whole + (0.5 if m.group("half") else 0.0)) * (
        12 if m.group("unit").lower().startswith("year") else 1
    ))
    if months <= 0 or months > 12 * 200:
        return None
    k = at.first.year * 12 + at.first.month - 1 + months
    y, mo = divmod(k, 12)
    if not 1 <= y <= 9998:
        return None
    first = date(y, mo + 1, 1)
    last = date(y + (mo + 1) // 12, (mo + 1) % 12 + 1, 1) - timedelta(days=1)
    whole_years = months % 12 == 0 and at.granularity == "year"
    if whole_years:
        first, last = date(y, 1, 1), date(y, 12, 31)
    return _Span(m.start(), at.end, _period(first, last, "year" if whole_years else "month"))


def _count_word(word: str) -> float | None:
    from ...text import numbers

    if "-" in word:
        parts = word.lower().split("-")
        got = numbers.spelled_value(parts)
        return got[0] if got is not None and got[1] == len(parts) else None
    return numbers.one_word_number(word)
