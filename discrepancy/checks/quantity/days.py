"""A day of a month the sources date: "The vote was held on April 10" where the
story, dated Tuesday, April 14, 2015, says "on Friday".

A summary with no date of its own cannot resolve "April 10", so its "10" is left
a bare number no source writes; but a source date that falls on April 10 (a
weekday resolved against the story's date, "last Friday", "April 10") writes it.
Only the month and day are compared: the summary gives no year.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import islice

from ...model import Claim, Document
from ...text.months import month_names, month_numbers
from .date_gaps import resolved_dates


def source_days(sources: Sequence[tuple[Document, Sequence[Claim]]]) -> frozenset[tuple[int, int]]:
    """(month, day) of every single day the sources date, and of every day they
    write with its month though no year resolves it ("as of Sept. 30")."""
    out: set[tuple[int, int]] = set()
    months = month_numbers()
    for doc, claims in sources:
        for c in resolved_dates(doc, claims):
            p = c.period
            if c.category == "date" and p is not None and p.start == p.end and len(p.start) == 10:
                out.add((int(p.start[5:7]), int(p.start[8:10])))
        for m in islice(_written_days().finditer(doc.text), WRITTEN_DAYS_MAX):
            day = int(m.group("d1") or m.group("d2"))
            month = months.get((m.group("m1") or m.group("m2")).lower())
            if month is not None and 1 <= day <= 31:
                out.add((month, day))
    return frozenset(out)


WRITTEN_DAYS_MAX = 500  # days read as written per source; a calendar is no article


@cache
def _written_days() -> re.Pattern[str]:
    names = month_names()
    return re.compile(
        rf"\b(?P<m1>{names})\.?\s{{1,3}}(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b"
        rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s{{1,3}}(?:of\s{{1,3}})?(?P<m2>{names})\b",
        re.IGNORECASE,
    )
