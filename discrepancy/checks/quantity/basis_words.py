"""A figure given on another accounting basis: GAAP for adjusted, or back.

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
    return framed_apart(clause_of(doc, c), c, same, docs, BASES)


def basis_finding(c: Claim, evidence: Claim, theirs: str, doc: Document) -> Finding:
    return make_finding(
        CONFLICT, "medium",
        f"{quoted(c)} is given on another basis: the source gives {quoted(evidence)} "
        f"as {theirs}.",
        c, (evidence,), sentence_text=sentence_of(doc, c),
    )
