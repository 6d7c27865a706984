"""A day of the year the sources give in another year: "aired from October 3,
2013, to July 18, 2014" where the source has "from October 3, 2013 to July 18,
2015"; "canceled on November 14, 2013" where it has "November 14, 2014".

The date check matches a date to the source event its words fit best, and any
overlapping source date of that event settles it: a day inside a source's
two-year run ("aired from October 2013 to July 2015") overlaps it, so a slipped
year passes. A day and month written with their year that no source gives, where
a source writes the same day and month with another year, is a year told wrong,
whatever the words around: two events of a story seldom fall on one day of two
years, and one the summary dates right is written in a source. Only dates that
write their year in both texts count (a weekday resolved against a guessed
reference date is no year written). Patterns are fixed: linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Claim, Document, Finding
from .base import Code
from .findings import make_finding, sentence_of

_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def _days(c: Claim) -> list[str]:
    """The ISO days a date writes with their year: a day, or the two ends of a run
    of days ("from October 3, 2013 to July 18, 2015")."""
    p = c.period
    if p is None or p.granularity != "day" or p.open_start or p.open_end:
        return []
    if _YEAR.search(c.text) is None:
        return []
    return [p.start] if p.start == p.end else [p.start, p.end]


def year_slips(
    target: Document, events: Sequence[Claim], s_dates: Sequence[tuple[Document, Claim]],
    code: Code, found: Sequence[Finding] = (),
) -> list[Finding]:
    """A ``code`` finding on each summary date whose day and month a source gives
    only with another year, where no finding of ``found`` is."""
    taken = [(f.claim.start, f.claim.end) for f in found]
    stated: set[str] = set()
    told: dict[str, list[tuple[str, Claim]]] = {}
    for _, s in s_dates:
        for day in _days(s):
            stated.add(day)
            told.setdefault(day[5:], []).append((day, s))
    out: list[Finding] = []
    for c in events:
        if any(a < c.end and c.start < b for a, b in taken):
            continue
        for day in _days(c):
            if day in stated:
                continue
            other = next((s for d, s in told.get(day[5:], []) if d != day), None)
            if other is None:
                continue
            out.append(make_finding(
                code, "medium",
                f'Summary dates this "{c.text}"; the source gives the same day of another '
                f'year: "{other.text}".',
                c, (other,), sentence_text=sentence_of(target, c),
            ))
            break
    return out
