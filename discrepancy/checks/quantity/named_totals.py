"""Totals of the things a summary counts by name: "Together the top three parties
hold 40 seats" where the source gives three parties' 15, 14 and 11 seats; "with the
Left's support as well the three parties would hold 53 seats".

No source writes the total, and a source figure of its noun ("14 seats") is no
rival: the writer added up the parts the sentence counts. The sum is looked for
only among the source figures of the claim's own noun, and only over as many of
them as the sentence says it adds ("three parties"), with a word of a total
beside it: over a handful of figures few sums of exactly that many land on the
total by chance.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from itertools import combinations

from ...model import Claim
from ..matching import canonical_subject, head

# "the top three parties", "the two airlines", "all four teams": how many things
# the sentence adds up. Bounded: linear.
_HOW_MANY = re.compile(
    r"\b(?:the|all|its|their|these|those)\s+(?:top\s+|biggest\s+|largest\s+|main\s+)?"
    r"(two|three|four|five)\s+[a-z]+",
    re.IGNORECASE,
)
_NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5}
# A word that makes the figure the parts' total. Bounded: linear.
_TOTAL = re.compile(
    r"\b(?:together|between\s+them|combined|in\s+total|in\s+all|altogether|would\s+hold"
    r"|would\s+have|hold|held|total(?:l?ing)?)\b",
    re.IGNORECASE,
)
PARTS_LOOKED = 12  # source figures of the noun weighed; past it, a table of results


def named_parts_total(sentence: str, c: Claim, sources: Sequence[Claim]) -> bool:
    """``c`` is the sum of as many source figures of its noun as ``sentence``
    (the claim's) says it adds, within the claim's rounding."""
    q = c.quantity
    if q is None or not c.subject or q.qualifier not in ("exact", "approx") or q.value <= 0:
        return False
    many = _HOW_MANY.search(sentence)
    if many is None or _TOTAL.search(sentence) is None:
        return False
    k = _NUMBER[many.group(1).lower()]
    noun = canonical_subject(head(c.subject))
    parts = sorted({
        s.quantity.value for s in sources
        if s.quantity is not None and s.subject and s.quantity.dimension == q.dimension
        and s.quantity.qualifier in ("exact", "approx") and 0 < s.quantity.value < q.value
        and canonical_subject(head(s.subject)) == noun
    })  # each figure once: a source repeats its results
    if len(parts) < k or len(parts) > PARTS_LOOKED:
        return False
    slack = q.value * q.tolerance + 1e-9 * q.value
    return any(
        math.isclose(sum(p), q.value, abs_tol=slack) for p in combinations(parts, k)
    )
