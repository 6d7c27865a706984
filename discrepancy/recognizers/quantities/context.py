"""Where a token stands: at a sentence start, or as a month name."""

from __future__ import annotations

from .lexicon import word_list
from .state import Scan

_UNAMBIGUOUS = word_list("unambiguous_short_months")


def sentence_start(sc: Scan, i: int) -> bool:
    """Token ``i`` opens a sentence or clause (after quotes and brackets)."""
    t = sc.t
    j = i - 1
    while j >= 0 and t.kind[j] == "p" and t.tx[j] in "\"'“‘([":
        j -= 1
    return j < 0 or t.tx[j] in (".", "!", "?", ":", ";", "—", "-", "–") and not t.glued(j + 1)


def is_month(sc: Scan, i: int) -> bool:
    """Token ``i`` is a month name ("May" and "Mar" only capitalized)."""
    t, lx = sc.t, sc.lx
    if i < 0 or i >= t.n:
        return False
    low = t.low[i]
    if low not in lx.months:
        return False
    if low in lx.ambiguous_months or len(low) <= 4 and low not in _UNAMBIGUOUS:
        return t.tx[i][0].isupper()
    return True
