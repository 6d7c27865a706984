"""Two counts that may both hold because one counts part of the other's set."""

from __future__ import annotations

import re

from ...model import Claim, Document, Match
from ...text.lemmas import lemma
from .number_index import figure_in
from .written import text_numbers


def _modifiers(c: Claim, other: Claim) -> bool:
    """Whether ``c``'s counted thing carries a word that ``other``'s sentence
    never uses: "two sick passengers" against "84 passengers on board"."""
    words = c.subject.split()[:-1]
    context = set(other.context)
    return any(lemma(w) not in context and w not in context for w in words if len(w) > 2)


def part_and_whole(m: Match) -> bool:
    """Two counts that may both hold because one counts part of the other's set:
    a narrower thing no larger than the wider one ("two sick passengers" of
    "84 passengers"; "six authors" of whom "three British writers")."""
    q, e = m.claim.quantity, m.evidence.quantity
    if q is None or e is None or q.dimension != "count" or e.dimension != "count":
        return False
    if _modifiers(m.claim, m.evidence) and not _modifiers(m.evidence, m.claim):
        return q.high <= e.low  # the claim counts a part: never more than the whole
    if _modifiers(m.evidence, m.claim) and not _modifiers(m.claim, m.evidence):
        return e.high <= q.low
    return False


def whole_beside(target: Document, m: Match) -> bool:
    """The claim's own sentence writes the source figure's number as another
    figure: "has lost one game in seven" agrees with "lost just once in seven
    games" on the seven, so its "one game" is a part of those, not a restatement
    of them; "rose to $5bn from $4bn" is not contradicted by "$4bn" either.
    The number is looked for in the sentence with the claim's own span left out."""
    c, e = m.claim, m.evidence.quantity
    if e is None or not 0 <= c.sentence < len(target.sentences):
        return False
    sent = target.sentences[c.sentence]
    a, b = c.start - sent.start, c.end - sent.start
    text = sent.text
    rest = text[: max(0, a)] + " " * max(0, b - a) + text[max(0, b):]
    numbers = sorted(text_numbers(rest))
    return bool(numbers) and figure_in(e, numbers, exact=True)


_RELATIVE = re.compile(r"\s*,?\s*(?:who|that|which|whom)\b", re.IGNORECASE)


def restricted_part(target: Document, m: Match) -> bool:
    """A count the claim restricts by a relative clause ("attended to two
    passengers who became ill") is a part of a larger count of the same thing
    ("84 passengers on board"), not a restatement of it."""
    q, e = m.claim.quantity, m.evidence.quantity
    if q is None or e is None or q.dimension != "count" or e.dimension != "count":
        return False
    return q.high < e.low and _RELATIVE.match(target.text, m.claim.end) is not None
