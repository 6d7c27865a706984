"""A change in percent written as one in percentage points.

"Property taxes will rise 4.24 percentage points" where the source says "rise
4.24 per cent": the same number, another measure (a 4.24% rise of a 30% rate is
1.27 points). A summary that writes "percentage points" chose the word; when
the sources give that number only as a percent, in a sentence about the same
thing, the summary changed the unit. The other way round, "rose 0.3%" for "0.3
percentage points", is how many writers say points: the source's points
support it (``points_as_percent``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping

from ...model import Claim, Document, Finding
from ..findings import make_finding, quoted, sentence_of
from .agreement import NUMBER_MATCH_REL
from .conflict import CONFLICT
from .support import SupportPool


def percent_for_points(
    c: Claim, pool: SupportPool, related: Callable[[Claim], bool],
    docs: Mapping[str, Document],
) -> Claim | None:
    """The source's percent with the number of ``c``'s percentage points, in a
    sentence about the same thing, when no source gives that number in points
    and the source does not name its percent a gap ("a difference of 4.70 per
    cent from May 2022, where the inflation was 17.71 per cent": points, loosely
    written)."""
    q = c.quantity
    if q is None or q.dimension != "percentage_point" or not q.value > 0:
        return None
    lo, hi = q.value * (1 - NUMBER_MATCH_REL), q.value * (1 + NUMBER_MATCH_REL)
    if any(True for _ in pool.inside("percentage_point", lo, hi)):
        return None
    return next(
        (s for s in pool.inside("percent", lo, hi)
         if related(s) and not _named_a_gap(s, docs) and not _gap_of_two(s, pool)),
        None,
    )


GAP_SENTENCES = 8  # sentences apart the two rates a loose percent is the gap of may stand
GAP_REL = 0.005
PERCENT_MAX = 1e6  # every percent of the sources (an index takes no infinite bound)


def _gap_of_two(s: Claim, pool: SupportPool) -> bool:
    """The source's percent is the gap between two rates its document gives:
    "the top rate is 1.25 per cent ... your money is devaluing at a rate of 1.65
    per cent" with inflation at 2.9 per cent is 1.65 points, loosely written."""
    v = s.quantity.value if s.quantity is not None else 0.0
    if not v > 0 or v == int(v):
        return False  # a whole number is the gap of two rates by chance
    rates = sorted({
        r.quantity.value for r in pool.inside("percent", 0.0, PERCENT_MAX)
        if r.doc == s.doc and r is not s and r.quantity is not None
        and abs(r.sentence - s.sentence) <= GAP_SENTENCES and r.quantity.qualifier == "exact"
    })
    return any(
        math.isclose(b - a, v, rel_tol=GAP_REL) for i, a in enumerate(rates) for b in rates[i + 1:]
    )


# "a difference of 4.70 per cent", "a gap of 3%": a percent named as a gap between
# two rates, which is points. Bounded: linear.
_GAP_BEFORE = re.compile(r"\b(?:difference|gap|spread|margin)\s+of\s+(?:about\s+|some\s+)?$",
                         re.IGNORECASE)


# "1.7 per cent of the tax increase": a part of a percent move, which is points
_PART_OF_A_MOVE_AFTER = re.compile(
    r"\s+of\s+(?:the|this|that|its|a)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:increase|rise|hike|cut|decrease|reduction|growth|drop|fall)\b",
    re.IGNORECASE,
)


def _named_a_gap(s: Claim, docs: Mapping[str, Document]) -> bool:
    doc = docs.get(s.doc)
    if doc is None:
        return False
    return _GAP_BEFORE.search(doc.text, max(0, s.start - 30), s.start) is not None or (
        _PART_OF_A_MOVE_AFTER.match(doc.text, s.end, s.end + 60) is not None
    )


def percent_for_points_finding(c: Claim, evidence: Claim, doc: Document) -> Finding:
    return make_finding(
        CONFLICT, "medium",
        f"{quoted(c)} is a change in percentage points; the source gives {quoted(evidence)}, "
        "a percent.",
        c, (evidence,), sentence_text=sentence_of(doc, c),
    )


def points_as_percent(c: Claim, pool: SupportPool, related: Callable[[Claim], bool]) -> bool:
    """A percent whose number a source sentence about the same thing gives in
    percentage points: "rose 0.3% to 5.1%" for "rose 0.3 percentage points"."""
    q = c.quantity
    if q is None or q.dimension != "percent" or not q.value > 0:
        return False
    lo, hi = q.value * (1 - NUMBER_MATCH_REL), q.value * (1 + NUMBER_MATCH_REL)
    return any(related(s) for s in pool.inside("percentage_point", lo, hi))
