"""A change given as the level it reached, or a level given as the change.

"The deficit grew by $71 billion" where the source says "The deficit grew by
$6.7 billion to $71 billion": the number is the source's, but it is where the
deficit ended, not how much it grew. The same the other way: "grew to $6.7
billion". A figure is a level when "to" stands right before it ("fell to
15.72%") and a change when its words say a move and no "to" does ("rose 5%",
"increased by $4.3 million"). The claim is the other kind only when every related
source figure of its value is the other kind, and the source sentence writes
the pair beside it: the change, then "to" and the level.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from ...model import Claim, Document, Finding
from ..findings import make_finding, quoted, sentence_of
from .conflict import CONFLICT
from .direction import direction, reached

PAIR_CHARS = 60  # from a change to its level: "by $6.7 billion to $71 billion"


# "taking the annual decline to 16.6 per cent", "the annual decline reached 16.6%",
# "taking their loss for the year to 15.9%":
# the level a change itself reached, which is neither reading
_CHANGE_NOUN_BEFORE = re.compile(
    r"\b(?:decline|fall|drop|rise|increase|growth|gain|jump|loss|slump|surge)s?\s+"
    r"(?:[a-z]+\s+){0,3}(?:to|reached|hit|at|of|was|stood\s+at)\s+(?:about\s+|nearly\s+)?$",
    re.IGNORECASE,
)


_AT_BEFORE = re.compile(r"\bat\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?$", re.I)
# The level a move started from: "an increase of sales from $437 million in the prior
# year", "up 40.6% from last year's $2.40". Fixed words: linear.
_FROM_BEFORE = re.compile(
    r"\bfrom\s+(?:(?:last|the\s+prior|the\s+previous)\s+(?:year|quarter)['’]s\s+)?"
    r"(?:about\s+|around\s+|roughly\s+)?$",
    re.IGNORECASE,
)


def _kind(doc: Document, c: Claim) -> str | None:
    """ "level" ("to $71 billion"), "change" ("by $6.7 billion", "rose 5%"), "base"
    (the level a move started from: "from $437 million in the prior year") or None."""
    if _CHANGE_NOUN_BEFORE.search(doc.text, max(0, c.start - 60), c.start):
        return None
    if _FROM_BEFORE.search(doc.text, max(0, c.start - 40), c.start):
        return "base"
    if _AT_BEFORE.search(doc.text, max(0, c.start - 12), c.start):
        # "marginally lower at 9.91 million tonnes", "seen at -1.7%": a level, no move's
        return None
    if reached(doc, c):
        return "level"
    q = c.quantity
    sent = doc.sentences[c.sentence] if 0 <= c.sentence < len(doc.sentences) else None
    if q is not None and (q.change in ("up", "down") or direction(
        doc.text, c, sent.start if sent else 0, sent.end if sent else None
    ) is not None):
        return "change"
    return None


def level_swapped(
    c: Claim, doc: Document, candidates: Iterable[Claim], docs: dict[str, Document],
    related: Callable[[Claim], bool], beside: Callable[[Claim], Sequence[Claim]],
) -> tuple[Claim, Claim, bool] | None:
    """(the source figure of the claim's value, the source's figure of the
    claim's kind beside it, whether the first is where a move started) when the
    claim states the other kind; ``beside``: the source figures of a figure's
    sentence."""
    mine = _kind(doc, c)
    q = c.quantity
    if mine not in ("level", "change") or q is None:
        return None
    found: tuple[Claim, Claim, bool] | None = None
    for s in candidates:
        sdoc = docs.get(s.doc)
        if sdoc is None or not related(s):
            continue
        theirs = _kind(sdoc, s)
        if theirs is None or theirs == mine or (theirs == "base" and mine != "level"):
            return None  # a source gives it as the claim does, or says nothing
        if found is None:
            partner = _partner(sdoc, s, theirs, beside(s))
            if partner is not None:
                found = (s, partner, theirs == "base")
    return found


def _partner(doc: Document, s: Claim, kind: str, figures: Sequence[Claim]) -> Claim | None:
    """The change before a level ("by $6.7 billion to $71 billion"), or the level
    after a change, of the same dimension and another value."""
    sq = s.quantity
    assert sq is not None
    for r in figures:
        rq = r.quantity
        if r is s or rq is None or rq.dimension != sq.dimension or rq.value == sq.value:
            continue
        if kind == "level" and 0 <= s.start - r.end <= PAIR_CHARS and _kind(doc, r) == "change":
            return r
        if kind == "change" and 0 <= r.start - s.end <= PAIR_CHARS and reached(doc, r):
            return r
        if kind == "base" and 0 <= s.start - r.end <= PAIR_CHARS and _kind(doc, r) is None:
            return r  # "sales were $441 million, an increase of sales from $437 million"
    return None


def level_swapped_finding(
    c: Claim, s: Claim, partner: Claim, doc: Document, base: bool = False
) -> Finding:
    if _kind(doc, c) == "change":
        said = (f"{quoted(c)} is given as the change; the source gives {quoted(s)} as the "
                f"level reached, after a change of {quoted(partner)}.")
    elif base:
        said = (f"{quoted(c)} is given as the level reached; the source gives {quoted(s)} "
                f"as the level it started from, and {quoted(partner)} as the level.")
    else:
        said = (f"{quoted(c)} is given as the level reached; the source gives {quoted(s)} "
                f"as the change, to a level of {quoted(partner)}.")
    return make_finding(CONFLICT, "medium", said, c, (s, partner),
                        sentence_text=sentence_of(doc, c))
