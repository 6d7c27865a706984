"""Two counts that may both hold because one counts part of the other's set."""

from __future__ import annotations

from ...model import Claim, Match
from ...text.lemmas import lemma


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
