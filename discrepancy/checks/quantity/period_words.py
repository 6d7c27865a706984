"""DQ104 by the words of a figure's clause: a whole year against a quarter.

"Full-year earnings per share were $3.50" where the call says "First-quarter
earnings per share was $3.50". Earnings summaries rarely date such figures, so
the calendar frames of ``period.py`` are missing; the words say it instead. A
figure whose clause names the whole year ("full-year", "for fiscal 2021",
"annual") and no quarter, while every source sentence stating its number names
a quarter ("first-quarter", "Q1", "quarterly") and no whole year, is given for
another period; and the other way round. A source sentence naming both ("Q4
revenue was $1.2 billion, bringing full-year revenue to $4.8 billion") is no
evidence either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Claim, Document, Quantity
from .agreement import same_written

WHOLE_YEAR = re.compile(
    r"\b(?:full[-\s]+(?:fiscal[-\s]+)?year|fiscal[-\s]+year|annual(?:ly)?|for\s+the\s+year"
    r"|(?:fiscal|FY)\s*'?(?:19|20)?\d\d|twelve\s+months|12\s+months)\b",
    re.IGNORECASE,
)
QUARTER = re.compile(
    r"\b(?:(?:first|second|third|fourth)[-\s]quarter|Q[1-4]|[1-4]Q|quarterly"
    r"|(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter|the\s+quarter)\b",
    re.IGNORECASE,
)
CLAUSE_BEFORE = 70  # characters before a summary's figure that may name its period
CLAUSE_AFTER = 40


def _names(text: str) -> tuple[bool, bool]:
    return WHOLE_YEAR.search(text) is not None, QUARTER.search(text) is not None


def _claim_period(doc: Document, c: Claim) -> str | None:
    """"year" or "quarter" when the words around the summary's figure, within
    its sentence, name one and not the other."""
    sent = doc.sentences[c.sentence] if 0 <= c.sentence < len(doc.sentences) else None
    lo = max(sent.start if sent else 0, c.start - CLAUSE_BEFORE)
    hi = min(sent.end if sent else len(doc.text), c.end + CLAUSE_AFTER)
    year, quarter = _names(doc.text[lo:hi])
    if year == quarter:
        return None
    return "year" if year else "quarter"


def _sentence_period(doc: Document, c: Claim) -> str | None:
    if not 0 <= c.sentence < len(doc.sentences):
        return None
    year, quarter = _names(doc.sentences[c.sentence].text)
    if year == quarter:
        return None
    return "year" if year else "quarter"


def period_word_clash(
    c: Claim, doc: Document, same: Iterable[Claim], docs: dict[str, Document]
) -> tuple[Claim, str] | None:
    """The source figure stating the claim's number and the period its sentence
    names, when every such sentence names the other period."""
    q = c.quantity
    if q is None or not _financial(q):
        return None
    mine = _claim_period(doc, c)
    if mine is None:
        return None
    first: Claim | None = None
    theirs = ""
    for s in same:
        if s.quantity is None or not same_written(q, s.quantity):
            continue
        sdoc = docs.get(s.doc)
        p = _sentence_period(sdoc, s) if sdoc is not None else None
        if p is None or p == mine:
            return None
        if first is None:
            first, theirs = s, p
    return None if first is None else (first, theirs)


def _financial(q: Quantity) -> bool:
    return q.dimension.startswith("currency:") or q.dimension == "percent"
