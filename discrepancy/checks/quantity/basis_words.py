"""A figure given on another accounting basis: GAAP for adjusted, or back, and
any "non-" measure for the measure itself ("non-floorplan interest expense").

"Non-GAAP earnings per share were $1.51" where the call says "GAAP earnings
per share were $1.51" (and $1.87 adjusted). The number is the source's, the
basis not: every source sentence stating it names the other basis and not
the claim's (``period_words`` reads the clauses the same way).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Claim, Document, Finding
from ..findings import make_finding, quoted, sentence_of
from .conflict import CONFLICT
from .period_words import clause_of, framed_apart

ADJUSTED = re.compile(
    r"\b(?:non[-\s]?GAAP|adjusted|adjusting\s+items?"
    r"|excluding\s+(?:one-time|special|certain|non-recurring)"
    r"|core|underlying)\b",
    re.IGNORECASE,
)
GAAP = re.compile(r"(?<![-\w])(?<!non\s)(?<!non)GAAP\b|\bas\s+reported\b|\breported\s+basis\b",
                  re.IGNORECASE)
BASES = (("adjusted", ADJUSTED), ("GAAP", GAAP))


def basis_clash(
    c: Claim, doc: Document, same: Iterable[Claim], docs: dict[str, Document]
) -> tuple[Claim, str] | None:
    """The source figure stating the claim's number and its basis, when every
    sentence stating it names the other basis."""
    q = c.quantity
    if q is None or not q.dimension.startswith("currency:"):
        return None
    same = list(same)
    clause = clause_of(doc, c)
    got = framed_apart(clause, c, same, docs, BASES)
    if got is not None:
        return got
    # "non-floorplan interest expense" summarized as "floorplan interest
    # expense": any "non-" word of either side is a basis of its own
    for word in sorted(_negated(clause) | _negated_in(same, docs)):
        got = framed_apart(clause, c, same, docs, _negation_pair(word))
        if got is not None:
            return got
    return None


_NON = re.compile(r"\bnon[-\s]?([a-z]{4,20})\b", re.IGNORECASE)
NEGATED_MAX = 4  # "non-" words looked at per figure


def _negated(text: str) -> set[str]:
    return {m.group(1).lower() for m in _NON.finditer(text)} - {"gaap"}


def _negated_in(same: list[Claim], docs: dict[str, Document]) -> set[str]:
    out: set[str] = set()
    for s in same[:NEGATED_MAX]:
        d = docs.get(s.doc)
        if d is not None and 0 <= s.sentence < len(d.sentences):
            out |= _negated(d.sentences[s.sentence].text)
    return set(sorted(out)[:NEGATED_MAX])


def _negation_pair(word: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    w = re.escape(word)
    return (
        (f"non-{word}", re.compile(rf"\bnon[-\s]?{w}\b", re.IGNORECASE)),
        (word, re.compile(rf"(?<![-\w])(?<!non\s){w}\b", re.IGNORECASE)),
    )


def basis_finding(c: Claim, evidence: Claim, theirs: str, doc: Document) -> Finding:
    return make_finding(
        CONFLICT, "medium",
        f"{quoted(c)} is given on another basis: the source gives {quoted(evidence)} "
        f"as {theirs}.",
        c, (evidence,), sentence_text=sentence_of(doc, c),
    )
