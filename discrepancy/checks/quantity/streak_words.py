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

_CLAIM = re.compile(
    r"\b(?P<ordinal>\d{1,3}(?:st|nd|rd|th)|[A-Za-z]{5,12}(?:-[A-Za-z]{4,8})?)"
    r"[ ](?:(?:consecutive|straight|successive)[ ]years?\b|year[ ](?:in[ ]a[ ]row|running)\b)",
    re.IGNORECASE,
)
_SOURCE = re.compile(
    r"\b(?P<ordinal>\d{1,3}(?:st|nd|rd|th)|[A-Za-z]{5,12}(?:-[A-Za-z]{4,8})?)"
    r"[ ](?:consecutive|straight|successive)[ ](?P<noun>[A-Za-z]{3,15})\b",
    re.IGNORECASE,
)
_OTHER_UNITS = frozenset((
    "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "hour", "hours",
    "night", "nights", "game", "games", "match", "matches", "race", "races", "session",
    "sessions", "round", "rounds",
))


def _ordinal(word: str) -> int | None:
    low = word.lower()
    if low[:-2].isdigit():
        return int(low[:-2])
    return ordinal_value(low)


def streak_counted(c: Claim, source_texts: Iterable[str]) -> bool:
    """The claim is a streak of years whose ordinal a source writes of a streak
    of wins, titles or seasons."""
    m = _CLAIM.search(c.text)
    if m is None or (n := _ordinal(m.group("ordinal"))) is None:
        return False
    return any(
        s.group("noun").lower() not in _OTHER_UNITS and _ordinal(s.group("ordinal")) == n
        for text in source_texts for s in _SOURCE.finditer(text)
    )
