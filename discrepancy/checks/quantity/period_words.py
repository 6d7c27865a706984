"""DQ104 by the words of a figure's clause: a whole year against a quarter, or a
change against the prior quarter for one against a year before.

"Full-year earnings per share were $3.50" where the call says "First-quarter
earnings per share was $3.50". Earnings summaries rarely date such figures, so
the calendar frames of ``period.py`` are missing; the words say it instead. A
figure whose clause names the whole year ("full-year", "for fiscal 2021",
"annual") and no quarter, while every source sentence stating its number names
a quarter ("first-quarter", "Q1", "quarterly") and no whole year, is given for
another period; and the other way round. The same holds for what a
change is measured against: "up 5% sequentially" where the call says "up 5%
year over year". A source sentence naming both ("Q4 revenue was $1.2 billion,
bringing full-year revenue to $4.8 billion") is no evidence either way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Claim, Document, Quantity
from ..quarter_names import QUARTER_NAME, SEQUENTIAL, YEAR_AGO
from .agreement import same_written

# "three months ago", "12 months earlier": a time back from the story, no period
# the figure is told for
_A_TIME_BACK = r"(?:ago|earlier|later|before|after|previously|since)\b"
WHOLE_YEAR = re.compile(
    r"\b(?:full[-\s]+(?:fiscal[-\s]+|financial[-\s]+)?year|(?:fiscal|financial)[-\s]+year"
    # ... "on an annual basis" is a change against a year before, no whole year
    r"|annual(?:ly)?(?!\s+basis)|for\s+the\s+year"
    r"|(?:fiscal|FY)\s*'?(?:19|20)?\d\d"
    # ... but a bound on 12 months is a condition, no period: "stores operating
    # at least 12 months" are the comparable ones, whatever period they report
    r"|(?<!least\s)(?<!than\s)(?<!over\s)(?:twelve|12)\s+months(?!\s+" + _A_TIME_BACK + r"))\b",
    re.IGNORECASE,
)
# a quarter by name, or a figure of one ("quarterly", "in the quarter", "in the
# three months from July to September")
QUARTER = re.compile(
    rf"{QUARTER_NAME.pattern}|\b(?:quarterly|the\s+quarter|(?:three|3)\s+months(?!\s+{_A_TIME_BACK})"
    r"|(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+fiscal\s+quarter)\b",
    re.IGNORECASE,
)
# (name, pattern) pairs; a clause naming one of a pair and not the other is framed
WHOLE_OR_QUARTER = (("year", WHOLE_YEAR), ("quarter", QUARTER))
BASE = (("the prior quarter", SEQUENTIAL), ("a year before", YEAR_AGO))
FRAMES = (WHOLE_OR_QUARTER, BASE)
# A change measured against a quarter by name ("46 basis points higher than Q2")
# may be the sequential one: a sentence with one names no base for certain
NAMED_BASE = re.compile(
    rf"\b(?:than|from|versus|vs\.?|compared\s+(?:with|to)|above|below|over)\s+(?:the\s+)?"
    rf"(?:{QUARTER_NAME.pattern})",
    re.IGNORECASE,
)
CLAUSE_BEFORE = 70  # characters before a summary's figure that may name its period
CLAUSE_AFTER = 40


def _named(text: str, pair: tuple[tuple[str, re.Pattern[str]], ...]) -> str | None:
    """The one name of ``pair`` the text holds; None for neither or both."""
    (a, ra), (b, rb) = pair
    one, other = ra.search(text) is not None, rb.search(text) is not None
    if one == other:
        return None
    return a if one else b


def clause_of(doc: Document, c: Claim) -> str:
    """The words around the summary's figure, within its sentence and clause:
    "Revenue rose 10% to Rs 37,933 crore, though profit fell 3% sequentially"
    says "sequentially" of the profit only."""
    sent = doc.sentences[c.sentence] if 0 <= c.sentence < len(doc.sentences) else None
    lo = max(sent.start if sent else 0, c.start - CLAUSE_BEFORE)
    hi = min(sent.end if sent else len(doc.text), c.end + CLAUSE_AFTER)
    after = _CLAUSE_BREAK.search(doc.text, c.end, hi)
    if after is not None:
        hi = after.start()
    for m in _CLAUSE_BREAK.finditer(doc.text, lo, c.start):
        lo = m.end()
    return doc.text[lo:hi]


# Where another clause, about another figure, begins
# ... or after a bracket closed before a comma: "grew 46% to $21.27 billion (6.5% higher
# than the previous quarter), energy generation and storage jumped 74%"
_CLAUSE_BREAK = re.compile(
    r";|\),|,\s+(?:though|although|but|while|whereas|even\s+as|as)\b", re.IGNORECASE
)


def period_word_clash(
    c: Claim, doc: Document, same: Iterable[Claim], docs: dict[str, Document]
) -> tuple[Claim, str] | None:
    """The source figure stating the claim's number and the period its sentence
    names, when every such sentence names the other period of a pair."""
    q = c.quantity
    if q is None or not _financial(q):
        return None
    stating = [s for s in same if s.quantity is not None and same_written(q, s.quantity)]
    if not stating:
        return None
    clause = clause_of(doc, c)
    for pair in FRAMES:
        got = _clash(clause, stating, docs, pair)
        if got is not None:
            return got
    return None


def framed_apart(
    clause: str, c: Claim, same: Iterable[Claim], docs: dict[str, Document],
    pair: tuple[tuple[str, re.Pattern[str]], ...],
) -> tuple[Claim, str] | None:
    """The source figure stating the claim's number, and the name of ``pair`` its
    sentence holds, when every such sentence names the other of the pair than
    the claim's ``clause``."""
    q = c.quantity
    assert q is not None
    stating = [s for s in same if s.quantity is not None and same_written(q, s.quantity)]
    return _clash(clause, stating, docs, pair) if stating else None


def _clash(
    clause: str, stating: list[Claim], docs: dict[str, Document],
    pair: tuple[tuple[str, re.Pattern[str]], ...],
) -> tuple[Claim, str] | None:
    mine = _named(clause, pair)
    if mine is None or (pair is BASE and NAMED_BASE.search(clause)):
        # "0.68 points above the second quarter's": a quarter by name may be the
        # prior one, whatever other base the clause names
        return None
    for s in stating:
        sdoc = docs.get(s.doc)
        if sdoc is None or not 0 <= s.sentence < len(sdoc.sentences):
            return None
        text = sdoc.sentences[s.sentence].text
        theirs = _named(text, pair)
        if theirs is None or theirs == mine or (pair is BASE and NAMED_BASE.search(text)):
            return None
        if _year_on_year(clause, mine, text, theirs):
            return None
    first = stating[0]
    sdoc = docs[first.doc]
    theirs = _named(sdoc.sentences[first.sentence].text, pair)
    return (first, theirs) if theirs else None


# "in the last 12 months saw an average increase of 3.6%": the span a change is
# measured over, not a whole year reported
_TRAILING_YEAR = re.compile(
    r"\b(?:(?:the|its)\s+)?(?:last|past|previous|preceding)\s+(?:twelve|12)\s+months\b",
    re.IGNORECASE,
)


def _year_on_year(clause: str, mine: str | None, text: str, theirs: str) -> bool:
    """A quarter's change against a year before is the change over the last 12
    months: "£600 in Q2 2015, up £21 (3.6%) year on year" for "in the last 12
    months saw an average increase of 3.6%"."""
    return (
        mine == "quarter" and theirs == "year" and YEAR_AGO.search(clause) is not None
        and _TRAILING_YEAR.search(text) is not None
        and WHOLE_YEAR.search(_TRAILING_YEAR.sub(" ", text)) is None
    )


def _financial(q: Quantity) -> bool:
    return q.dimension.startswith("currency:") or q.dimension in ("percent", "percentage_point")
