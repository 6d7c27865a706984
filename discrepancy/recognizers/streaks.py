"""Streaks as durations: "for the fifth year in a row" is five years.

The quantity scanner skips ordinals ("first", "2nd place" are not quantities),
but an ordinal that counts consecutive years, months, weeks or days states how
long something has lasted, and summaries restate it as a duration ("the No. 1
cause for the fifth year in a row" / "the leading cause for the past five
years"). Each becomes a duration claim, so the two forms meet in the check, and
"a third straight year" against a source's "second consecutive year" is a
conflict like any two durations.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Claim, Document
from ..text import units
from .anniversaries import _has_trigger, ordinal_value
from .base import Context, Recognizer
from .measure_claims import measure_claim

# Bounded word lengths, no nested repetition: linear on any input.
_PATTERN = re.compile(
    r"\b(?P<ordinal>\d{1,3}(?:st|nd|rd|th)|[A-Za-z]{5,12}(?:-[A-Za-z]{4,8})?)"
    r"(?:[ -](?:consecutive|straight|successive)[ ](?P<unit>year|month|week|day)s?\b"
    r"|[ ](?P<unit2>year|month|week|day)[ ](?:in[ ]a[ ]row|running)\b)",
    re.IGNORECASE,
)
# "Protests went on for a third day": after "for a", the ordinal counts the days
# so far, a streak unsaid; "the third day of the festival" names one day.
_FOR_PATTERN = re.compile(
    r"\bfor[ ](?:a|the)[ ](?P<ordinal>\d{1,3}(?:st|nd|rd|th)|[A-Za-z]{5,12}(?:-[A-Za-z]{4,8})?)"
    r"[ ](?P<unit>year|month|week|day)\b(?![ ]of\b|[ ]in[ ]a[ ]row|[ ]running)",
    re.IGNORECASE,
)
_DIGIT_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)$", re.IGNORECASE)
_TRIGGERS = ("consecutive", "straight", "successive", "in a row", "running")


def _count(word: str) -> int | None:
    m = _DIGIT_ORDINAL.match(word)
    return int(m.group(1)) if m else ordinal_value(word.lower())


@cache
def _unit(name: str) -> units.UnitInfo | None:
    return units.lookup(name + "s")


def streak(m: re.Match[str], doc: Document) -> Claim | None:
    """"the fifth year in a row": a duration of five years. A "first" is no
    streak yet, and says nothing a duration could."""
    n = _count(m.group("ordinal"))
    unit = (m.group("unit") or m.group("unit2") or "").lower()
    info = _unit(unit)
    if n is None or n < 2 or info is None:
        return None
    return measure_claim(
        doc, m.start("ordinal"), m.end(), float(n), info, m.group("ordinal"), unit + "s"
    )


def extract_streaks(doc: Document) -> list[Claim]:
    low = doc.text.lower()
    found = []
    if _has_trigger(low, _TRIGGERS):  # most texts have no streak: skip the scan
        found.extend(streak(m, doc) for m in _PATTERN.finditer(doc.text))
    # "for a"/"for the" and a space open every match (no other character folds to
    # these letters, under IGNORECASE or lower()); "for " alone is in most texts
    if "for a " in low or "for the " in low:
        found.extend(streak(m, doc) for m in _FOR_PATTERN.finditer(doc.text))
    return sorted((c for c in found if c is not None), key=lambda c: c.start)


class StreakRecognizer(Recognizer):
    """"The fifth year in a row" as five years, outside table rows."""

    name = "streaks"
    category = "quantity"

    def recognize(self, doc: Document, context: Context) -> list[Claim]:
        return context.outside_rows(extract_streaks(doc))
