"""A streak of years said by its count of wins: "for the second year running"
where the source writes "his second consecutive triumph".

The streaks recognizer reads "the second year running" as two years; a source
that counts the streak by what was won ("a third straight title", "her fourth
successive win") writes no duration for it, and the figure was reported as one
no source gives. The same ordinal before "consecutive", "straight" or
"successive" in a source counts the same streak, whatever its noun, unless that
noun is another unit of time ("a second consecutive day" is no second year).

Patterns are bounded words and alternations: linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Claim
from ...recognizers.anniversaries import ordinal_value

_UNITS = "year|month|week|quarter|day|season"
_CLAIM = re.compile(
    r"\b(?P<ordinal>\d{1,3}(?:st|nd|rd|th)|[A-Za-z]{5,12}(?:-[A-Za-z]{4,8})?)"
    rf"[ ](?:(?:consecutive|straight|successive)[ ](?P<unit>{_UNITS})s?\b"
    rf"|(?P<unit2>{_UNITS})[ ](?:in[ ]a[ ]row|running)\b)",
    re.IGNORECASE,
)
# "dipped for a third month": a streak said by its ordinal alone after "for a"
_FOR_A = re.compile(rf"\bfor[ ]a[ ](?P<ordinal>[A-Za-z]{{5,12}}|\d{{1,3}}(?:st|nd|rd|th))[ ]"
                    rf"(?P<unit>{_UNITS})\b", re.IGNORECASE)
_SOURCE = re.compile(
    r"\b(?P<ordinal>\d{1,3}(?:st|nd|rd|th)|[A-Za-z]{5,12}(?:-[A-Za-z]{4,8})?)"
    r"[ ](?:consecutive|straight|successive)[ ](?P<noun>[A-Za-z]{3,15})\b",
    re.IGNORECASE,
)
FOR_A_REACH = 6  # "for a " before the claim's ordinal

_OTHER_UNITS = frozenset((
    "year", "years", "day", "days", "week", "weeks", "month", "months", "quarter", "quarters",
    "hour", "hours",
    "night", "nights", "game", "games", "match", "matches", "race", "races", "session",
    "sessions", "round", "rounds",
))


def _ordinal(word: str) -> int | None:
    low = word.lower()
    if low[:-2].isdigit():
        return int(low[:-2])
    return ordinal_value(low)


def streak_counted(c: Claim, source_texts: Iterable[str], target_text: str = "") -> bool:
    """The claim is a streak of years whose ordinal a source writes of a streak
    of wins, titles or seasons."""
    m = _CLAIM.search(c.text) or _FOR_A.search(
        target_text[max(0, c.start - FOR_A_REACH):c.end] if target_text else c.text
    )
    if m is None or (n := _ordinal(m.group("ordinal"))) is None:
        return False
    unit = next(u for u in m.groups()[1:] if u).lower()
    return any(
        _same_streak(s.group("noun").lower(), unit) and _ordinal(s.group("ordinal")) == n
        for text in source_texts for s in _SOURCE.finditer(text)
    )


def _same_streak(noun: str, unit: str) -> bool:
    """A source's streak of ``noun``s may count the claim's streak of ``unit``s: any
    noun but another unit of time ("a second consecutive day" is no second year)."""
    return noun.rstrip("s") == unit or noun not in _OTHER_UNITS
