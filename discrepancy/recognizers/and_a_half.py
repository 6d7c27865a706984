"""Units and a half: "a year and a half" is 1.5 years, "two hours and a half" 2.5,
"a year-and-a-half" too.

The quantity scanner reads a figure from its number forward, so in "a year and
a half" it finds only "a half" (0.5 of nothing), and "18 months" in a summary
then has no source figure to meet. The unit sits between the whole and the
half here, so the phrase is read whole before the scanner runs and the span is
the recognizer's.
"""

from __future__ import annotations

import re

from ..model import Claim, Document
from ..text import numbers, units
from .anniversaries import _has_trigger
from .measure_claims import measure_claim

# Bounded word lengths, no nested repetition: linear on any input.
_PATTERN = re.compile(
    r"\b(?P<whole>an?|one|\d{1,3}|[A-Za-z]{3,9})[ -](?P<unit>[A-Za-z]{3,12})"
    r"(?P<sep>[ -])and(?P=sep)"
    r"(?:a(?P=sep)(?P<part>half|quarter)|(?P<three>three)(?P=sep)quarters)\b",
    re.IGNORECASE,
)
_TRIGGERS = ("and a half", "and-a-half", "and a quarter", "quarters")  # the gate's phrases
_PARTS = {"half": 0.5, "quarter": 0.25, "three": 0.75}
# Things a race is won by, counted in halves and quarters: "a length and a half
# clear", "a neck and a half"; read as a count of them, never as "a half" alone
_COUNTED = frozenset(("length", "lengths", "lap", "laps", "neck", "necks", "stroke", "strokes"))


HALF_TOLERANCE = 0.1
_JUST_PAST = frozenset(("last", "past", "previous"))


def and_a_half(m: re.Match[str], doc: Document) -> Claim | None:
    """"an hour and a half": 1.5 hours, "the mile and a quarter" 1.25 miles, "a
    length and a half" 1.5 lengths; None unless the word is a unit or a thing a
    race is won by."""
    written = m.group("whole").lower()
    # "over the last year and a half": the period just past, a year and a half
    # long; "the mile and a quarter" of a race's distance
    whole = 1.0 if written in _JUST_PAST or written == "the" else numbers.one_word_number(
        written
    )
    unit = m.group("unit").lower()
    counted = unit in _COUNTED
    info = units.COUNT if counted else units.lookup(unit)
    if whole is None or info is None or whole <= 0:
        return None
    part = (m.group("part") or m.group("three")).lower()
    if part != "half" and info.dimension == "duration":
        return None  # "an hour and a quarter" is compound_durations'
    value = whole + _PARTS[part]
    # "a day and a half" is as round as "36 hours" is not: a tenth either side
    # (the 35 hours of a jury's deliberation)
    return measure_claim(
        doc, m.start(), m.end(), value, info, f"{value:g}", "" if counted else m.group("unit"),
        subject=unit.rstrip("s") if counted else "", tolerance=HALF_TOLERANCE,
    )


def extract_and_a_half(doc: Document) -> list[Claim]:
    low = doc.text.lower()
    if not _has_trigger(low, _TRIGGERS):
        return []  # most texts have none: skip the scan
    found = (and_a_half(m, doc) for m in _PATTERN.finditer(doc.text))
    return [c for c in found if c is not None]
