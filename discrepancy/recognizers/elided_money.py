"""Money whose currency is left to the sentence before: "Operating profit is seen
at 730 billion yen. That is above last year's 590 billion."

Within a sentence the quantity grammar mostly carries a currency to a bare figure
("$5 billion, compared with 4.2 billion"); across a full stop, or into brackets
("... (170.4 million in November 2015)"), it reads a bare count of things. A
summary that writes "590 billion yen" then meets a rival of 730 billion yen and
no figure of its own. A bare figure with a
scale word and no counted noun, whose nearest figure before it is money in the
sentence before, written with the same scale word, is read as that money.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Claim, Document

# The scale word a figure is written with: "730 billion", "$4.2bn", "675 bln", "three billion"
_SCALE = re.compile(
    r"(?:\d\s?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a|half)\s)"
    r"(million|billion|trillion|mn|bn|bln|tn|m|b|crores?|lakhs?)\b", re.IGNORECASE
)
_SAME_SCALE = {"mn": "million", "m": "million", "bn": "billion", "bln": "billion", "b": "billion",
               "tn": "trillion", "crores": "crore", "lakhs": "lakh"}


def _scale_word(text: str) -> str | None:
    m = _SCALE.search(text)
    if m is None:
        return None
    low = m.group(1).lower()
    return _SAME_SCALE.get(low, low)


def _bare_scaled(c: Claim) -> bool:
    q = c.quantity
    return (
        q is not None and q.dimension == "count" and not c.subject and not q.surface_unit
        and q.qualifier in ("exact", "approx") and _scale_word(c.text) is not None
    )


def carry_money(doc: Document, quantities: list[Claim]) -> list[Claim]:
    """``quantities`` (in text order) with each bare scaled figure read as the
    money before it, as above."""
    if not any(_bare_scaled(c) for c in quantities):
        return quantities  # most texts: nothing to carry
    carried: dict[int, Claim] = {}
    prev: Claim | None = None
    prev_carried = False
    for c in sorted(quantities, key=lambda c: (c.start, c.end)):
        now_carried = prev is not None and _bare_scaled(c) and _carries(prev, c, prev_carried)
        if now_carried:
            assert prev is not None
            pq, q = prev.quantity, c.quantity
            assert pq is not None and q is not None
            carried[id(c)] = c = replace(c, quantity=replace(q, dimension=pq.dimension,
                                                             unit=pq.unit))
        if c.quantity is not None and not _converted(doc, c):
            prev, prev_carried = c, now_carried
    return [carried.get(id(c), c) for c in quantities]


def _converted(doc: Document, c: Claim) -> bool:
    """A figure in brackets converts the one before it ("730 billion yen ($6.1
    billion)"): the story's money is the one before."""
    return c.start > 0 and doc.text[c.start - 1] == "("


def _carries(prev: Claim, c: Claim, prev_carried: bool) -> bool:
    """From the sentence before, or within a sentence where the grammar left the
    figure bare ("for $179.4 million in May 2015, and the Nu couchant of Amedeo
    Modigliani (170.4 million in November 2015)"), with the same scale word."""
    pq = prev.quantity
    return (
        pq is not None and pq.dimension.startswith("currency:")
        and c.sentence in (prev.sentence, prev.sentence + 1)
        and _scale_word(prev.text) == _scale_word(c.text)
    )
