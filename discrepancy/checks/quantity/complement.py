"""The rest of a share: "about one in 10 are doctors" writes "90% are not".

A summary turns a share into its complement and says so with a negation or a
word for the rest ("not", "other", "the rest", "remaining"). The complement of a
share a related source sentence gives, in a sentence that says it is the rest,
is that share restated, no rival of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ...model import Claim, Document
from .agreement import as_percent, as_read, widened
from .support import SupportPool

REST_WORDS = re.compile(
    r"\b(?:not|non|other|others|rest|remaining|remainder|except|without|never)\b|n't\b",
    re.IGNORECASE,
)


def complement_supported(
    c: Claim, doc: Document, pool: SupportPool, extra: float,
    related: Callable[[Claim], bool],
) -> bool:
    """Whether the claim's share is 100% less a share a source figure gives
    in a sentence about the same things (``related``), and its own sentence
    says it is the rest."""
    q = c.quantity
    p = as_percent(q) if q is not None else None
    if p is None or not 0 < p.value < 100 or p.qualifier not in ("exact", "approx"):
        return False
    if not 0 <= c.sentence < len(doc.sentences):
        return False
    if not REST_WORDS.search(doc.sentences[c.sentence].text):
        return False
    rest = as_read(p)
    flipped = replace(rest, low=100 - rest.high, high=100 - rest.low, value=100 - rest.value)
    lo, hi = widened(flipped, extra)
    return any(related(s) for s in pool.inside(None, lo, hi))
