"""Dates counted from the date before them: "two years later", "the following year".

"Loeb met the actress in 2010 and they got engaged two years later" dates the
engagement 2012, and a summary that writes "in 2012" did a reader's sum. Read as
no date, the phrase left the summary's year against the only year of the
sentence, 2010: a conflict the source does not make. The phrase is dated from
the nearest closed date before it in its sentence or the one before, in years
from a year, in months from a month or day. It runs after the figures, so "two
years" stays a figure too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from ..model import Claim, Document, Period
from ..text import numbers
from ..text.words import content_stems
from .base import Context, Recognizer

# Bounded words, no nested repetition: linear on any input.
_ONES = r"one|two|three|four|five|six|seven|eight|nine"
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_LATER = re.compile(
    # never from the middle of a compound: "twenty-three years later" is 23
    r"(?<![\w-])(?:(?P<n>an?|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
    rf"|(?:{_TENS})(?:-(?:{_ONES}))?|{_ONES}|\d{{1,2}})"
    # "five years on" is later; "five years on each count" a sentence, no date
    r"[ -](?P<unit>years?|months?)[ ](?:later|afterwards|on(?![ ](?:each|every|both|all|"
    r"the|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d)\b))"
    r"|the[ ](?:following|next)[ ](?P<unit1>year|month))\b",
    re.IGNORECASE,
)
SUBJECT_CHARS = 60  # the words around the phrase that say what it dates
_MONTHS_ONLY = frozenset({"month", "day"})


def _count(word: str | None) -> int | None:
    """How many units: "the following year" is one."""
    if word is None:
        return 1
    if "-" in word:
        parts = word.lower().split("-")
        whole = numbers.spelled_value(parts)
        got = whole[0] if whole is not None and whole[1] == len(parts) else None
    else:
        got = numbers.one_word_number(word)
    return int(got) if got is not None and got == int(got) else None


# "in 1999, 24 years later", "announced in March 2016 — 95 years later"
_APPOSED = re.compile(r"\s{0,2}(?:,\s{1,2}|[—–]\s{0,2}|\s-{1,2}\s{1,2})")
ANCHOR_LOOKS = 8  # dates looked at back from a phrase: bounded work on any text


def _anchor(
    dates: list[Claim], ends: list[int], at: int, sentence: int, text: str = ""
) -> Period | None:
    """The nearest closed date ending before ``at`` in the sentence or the one
    before (``dates`` sorted by end, ``ends`` their ends); a span open at its
    start counts from its end's year ("remained popular until 1930 when the
    theatre was destroyed by a fire. A new pavilion was constructed three years
    later": 1933)."""
    k = bisect_right(ends, at)
    for c in reversed(dates[max(0, k - ANCHOR_LOOKS):k]):
        if c.sentence not in (sentence, sentence - 1):
            return None
        if _APPOSED.fullmatch(text, c.end, at):
            # "revealed by China Daily in 1999, 24 years later": the phrase restates
            # the date just before it, counted from the one before that (August 1975)
            continue
        p = c.period
        if p is None or p.open_end:
            continue
        if p.open_start:
            if p.end.endswith("-12-31"):
                return Period(f"{p.end[:4]}-01-01", p.end, "year")
            continue
        if p.granularity in ("year", "month", "day"):
            return p
    return None


def _shifted(anchor: Period, n: int, unit: str) -> Period | None:
    start = date.fromisoformat(anchor.start)
    if unit.startswith("year"):
        y = start.year + n
        return Period(f"{y:04d}-01-01", f"{y:04d}-12-31", "year")
    if anchor.granularity not in _MONTHS_ONLY:
        return None  # "in 2010 ... three months later": no month to count from
    k = start.year * 12 + start.month - 1 + n
    y, m = divmod(k, 12)
    last = (date(y + (m + 1) // 12, (m + 1) % 12 + 1, 1) - date.resolution).day
    return Period(f"{y:04d}-{m + 1:02d}-01", f"{y:04d}-{m + 1:02d}-{last:02d}", "month")


def later_dates(doc: Document, dates: list[Claim]) -> list[Claim]:
    if not dates:
        return []
    low = doc.text.lower()
    if "year" not in low and "month" not in low:
        # every match names a year or a month, and no other character matches those
        # letters case-insensitively: a text without either is spared the pattern's
        # try at every character
        return []
    dates = sorted(dates, key=lambda c: (c.end, c.start))
    ends = [c.end for c in dates]
    out: list[Claim] = []
    for m in _LATER.finditer(doc.text):
        n = _count(m.group("n"))
        unit = (m.group("unit") or m.group("unit1") or "").lower()
        sent = doc.sentence_at(m.start())
        if n is None or not 0 < n <= 99 or sent is None:
            continue
        anchor = _anchor(dates, ends, m.start(), sent.index, doc.text)
        if anchor is None:
            continue
        period = _shifted(anchor, n, unit)
        if period is None:
            continue
        lo, hi = max(sent.start, m.start() - SUBJECT_CHARS), min(sent.end, m.end() + SUBJECT_CHARS)
        window = doc.text[lo:m.start()] + " " + doc.text[m.end():hi]
        out.append(Claim(
            doc=doc.id, category="date", text=m.group(), start=m.start(), end=m.end(),
            sentence=sent.index, subject=" ".join(content_stems(window)), period=period,
        ))
    return out


class LaterDateRecognizer(Recognizer):
    """"Two years later", "the following year" as the date they count to."""

    name = "later_dates"
    category = "date"

    def recognize(self, doc: Document, context: Context) -> list[Claim]:
        return context.outside_rows(later_dates(doc, context.claims("date")))
