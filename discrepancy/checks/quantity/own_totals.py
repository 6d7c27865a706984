"""Totals a summary works out from the figures its own sentence states.

"India placed 71st with one silver and five bronze, six medals in all"; "Europe
61,800, China 45,400, US 32,400, other markets 27,900, about 167,500 cars in
all". No source need write the total: each part is a figure checked on its own,
and the total is the summary's arithmetic over them, in plain view.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Claim, Document

# Words that give a figure as a total, within a few words of it. Bounded: linear.
_TOTAL = re.compile(
    r"\b(?:in total|a total of|totall?ing|in all|all told|altogether|combined|overall)\b",
    re.IGNORECASE,
)
TOTAL_WORDS_REACH = 25  # characters either side of the figure searched for a word of a total
_STATED = ("exact", "approx")
PARTS_MAX = 8  # figures before the total added up; past it, a table


def own_total(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """``c`` is the sum of the last two or more figures of its kind before it in
    its sentence, within its rounding, and a word beside it gives it as a total."""
    q = c.quantity
    if q is None or q.qualifier not in _STATED or not q.value > 0:
        return False
    text = target.text
    if _TOTAL.search(text, max(0, c.start - TOTAL_WORDS_REACH), c.end + TOTAL_WORDS_REACH) is None:
        return False
    parts = [
        f.quantity.value for f in figures
        if f.sentence == c.sentence and f.end <= c.start and f.quantity is not None
        and f.quantity.dimension == q.dimension and f.quantity.qualifier in _STATED
    ][-PARTS_MAX:]
    slack = q.value * q.tolerance
    total = 0.0
    for k, v in enumerate(reversed(parts), start=1):
        total += v
        if k >= 2 and abs(total - q.value) <= slack + 1e-9 * q.value:
            return True
    return False
