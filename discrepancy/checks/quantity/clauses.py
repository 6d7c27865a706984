"""The clause a figure stands in, and support found by its words.

A summary sentence often strings several statements together: "Start-up costs
pulled group profit down by almost 19%, to about KSh 43 billion, even as service
revenue grew 13% to roughly KSh 335 billion and operating profit rose 20%." Its
words as a whole best fit the source sentence about profit ("full-year profit rose
to KSh 82.65 billion"), which then stood as the rival of the revenue figure, while
the sentence that gives "KSh 335.4 billion" for service revenue was only the
second fit. The words of the figure's own clause ("service revenue grew") name its
statement. A source figure that agrees with the claim is its support when its
sentence shares more of those words than any disagreeing figure's sentence does.

Patterns are fixed words and a character class: linear.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence

from ...model import Claim, Document, Quantity
from ...text.words import sentence_lemmas
from .agreement import agree, known, wrong_side
from .number_index import significant_digits
from .support import SupportPool

# Where a clause of a summary sentence ends: punctuation, or a conjunction that
# opens another statement
_BREAK = re.compile(
    r"[,;:()\u2013\u2014]|\s(?:and|while|whereas|but|even\sas|as\swell\sas|with)\s",
    re.IGNORECASE,
)
CLAUSE_REACH = 160  # characters each side of a figure read for its clause
CLAUSE_SHARED = 2  # clause words a supporting source sentence shares, at least
RIVAL_LOOKS = 2_000  # source figures of the claim's kind weighed as rivals: bounded work


def _rounds(q: Quantity, s: Quantity) -> bool:
    """``q`` is ``s`` rounded to the digits ``q`` writes: "roughly KSh 335 billion"
    for "KSh 335.4 billion", not "about 1,300" for 1,250 (half a step away)."""
    digits = significant_digits(q.surface_value)
    if digits == 0 or q.value <= 0 or s.value <= 0:
        return False
    step = 10 ** (math.floor(math.log10(q.value)) - digits + 1)
    return abs(q.value - s.value) < step / 2


def clause_words(doc: Document, c: Claim, breaks: re.Pattern[str] = _BREAK) -> frozenset[str]:
    """Content lemmas of the figure's clause, the figure's own words aside."""
    sent = doc.sentences[c.sentence] if 0 <= c.sentence < len(doc.sentences) else None
    lo, hi = (sent.start, sent.end) if sent is not None else (0, len(doc.text))
    lo, hi = max(lo, c.start - CLAUSE_REACH), min(hi, c.end + CLAUSE_REACH)
    start = lo
    for m in breaks.finditer(doc.text, lo, c.start):
        start = m.end()
    after = breaks.search(doc.text, c.end, hi)
    end = after.start() if after is not None else hi
    return sentence_lemmas(doc.text[start:c.start] + " " + doc.text[c.end:end])


def clause_supported(
    doc: Document, c: Claim, pool: SupportPool, tolerance: float
) -> bool:
    """A source figure agreeing with the claim stands in a sentence that shares at
    least ``CLAUSE_SHARED`` of the clause's words, and more of them than the
    sentence of any source figure of its kind that disagrees."""
    q = c.quantity
    if q is None or not known(q) or q.qualifier != "approx":
        # a figure written exactly is matched as written; a hedged one ("roughly
        # KSh 335 billion") only rounds, and the rounding is whose its clause says
        return False
    local = clause_words(doc, c)
    if len(local) < CLAUSE_SHARED:
        return False
    best_for, best_against = 0, 0
    for s in pool.claims[:RIVAL_LOOKS]:
        sq = s.quantity
        if sq is None or sq.dimension != q.dimension or not known(sq):
            continue
        shared = len(local & set(s.context))
        if sq.qualifier in ("exact", "approx") and _rounds(q, sq) and not wrong_side(q, sq):
            best_for = max(best_for, shared)
        elif sq.qualifier in ("exact", "approx") and agree(q, sq, tolerance):
            continue  # within the hedge, no rounding of it: neither for nor against
        else:
            best_against = max(best_against, shared)
    return best_for >= CLAUSE_SHARED and best_for > best_against


# Where one item of a source's list of named figures ends: a semicolon, or a comma
# before the next name ("ONGC, up 6.35 percent at Rs.1,264; Reliance Communications,
# up 2.34 percent", "ONGC up 6.35%, RCom up 2.34%"). Linear.
_ITEM_BREAK = re.compile(r";|,\s(?=[A-Z])|\s(?:and|while|whereas|but)\s")
# A name in a figure's clause: "while ONGC jumped over 6 percent". Linear.
_NAME = re.compile(r"\b[A-Z][A-Za-z&.-]{2,}\b")
_BOUNDS_UP = ("more_than", "at_least")
_BOUNDS_DOWN = ("less_than", "at_most")
BOUND_NEAR = 1.2  # a bound says its figure is near: "over 6 percent" for 6.35, not for 9


def bound_by_name(
    doc: Document, c: Claim, pool: SupportPool, docs: Mapping[str, Document]
) -> bool:
    """A bound whose clause names what it is of ("while ONGC jumped over 6 percent")
    holds the figure a source gives in a clause naming the same thing ("ONGC, up
    6.35 percent at Rs.1,264; Reliance Communications, up 2.34 percent"), and no
    source clause naming it gives a figure the bound does not hold. A list of
    several things' figures shares one sentence; each has its own clause."""
    q = c.quantity
    if q is None or not known(q) or q.qualifier not in _BOUNDS_UP + _BOUNDS_DOWN:
        return False
    edge = q.low if q.qualifier in _BOUNDS_UP else q.high
    if not (edge > 0 and math.isfinite(edge)):
        return False
    names = _names_of_clause(doc, c)
    if not names:
        return False
    held = False
    for s in pool.claims[:RIVAL_LOOKS]:
        sq, sdoc = s.quantity, docs.get(s.doc)
        if sq is None or sdoc is None or sq.dimension != q.dimension or not known(sq):
            continue
        if sq.qualifier not in ("exact", "approx") or not _names_in_sentence(sdoc, s, names):
            continue
        if names.isdisjoint(clause_words(sdoc, s, _ITEM_BREAK)):
            continue
        if q.qualifier in _BOUNDS_UP:
            near = edge < sq.value <= edge * BOUND_NEAR
        else:
            near = edge / BOUND_NEAR <= sq.value < edge
        if not near:
            return False  # the named thing's figure lies elsewhere
        held = True
    return held


def _names_in_sentence(doc: Document, s: Claim, names: frozenset[str]) -> bool:
    """Whether the source figure's sentence holds one of the names at all (a cheap
    look before its clause is read)."""
    if not 0 <= s.sentence < len(doc.sentences):
        return False
    low = doc.sentences[s.sentence].text.lower()
    return any(n in low for n in names)


def _names_of_clause(doc: Document, c: Claim) -> frozenset[str]:
    """The capitalised words of the figure's clause, as lemmas (its first word aside:
    a sentence opens in capitals)."""
    words = clause_words(doc, c)
    sent = doc.sentences[c.sentence] if 0 <= c.sentence < len(doc.sentences) else None
    lo = max(sent.start if sent else 0, c.start - CLAUSE_REACH)
    hi = min(sent.end if sent else len(doc.text), c.end + CLAUSE_REACH)
    first = sent.start if sent else 0
    caps = {
        m.group().lower() for m in _NAME.finditer(doc.text, lo, hi) if m.start() != first
    }
    return frozenset(w for w in words if w in caps)


def _item_span(doc: Document, c: Claim) -> tuple[int, int]:
    """The item of a list of named figures the claim stands in ("Chevron 3.2
    percent to $80.89 and Chesapeake Energy 16 percent to $2.95": the second)."""
    sent = doc.sentences[c.sentence] if 0 <= c.sentence < len(doc.sentences) else None
    lo = max(sent.start if sent else 0, c.start - CLAUSE_REACH)
    hi = min(sent.end if sent else len(doc.text), c.end + CLAUSE_REACH)
    start = lo
    for m in _ITEM_BREAK.finditer(doc.text, lo, c.start):
        start = m.end()
    after = _ITEM_BREAK.search(doc.text, c.end, hi)
    return start, after.start() if after is not None else hi


def stated_together(
    doc: Document,
    c: Claim,
    pool: SupportPool,
    own_figures: Sequence[Claim],
    figures_beside: Callable[[Claim], Sequence[Claim]],
) -> bool:
    """The claim's number and another figure of its item stand in one source
    sentence that names the item too: "Chesapeake Energy 16 percent to $2.95" for
    "Chesapeake Energy lost 56 cents, or 16 percent, to $2.95", whatever sentence
    the summary's list as a whole fits best. Two figures and a name moved together
    are the source's statement; a figure moved to another item is not (its
    neighbour and name stay behind)."""
    q = c.quantity
    if q is None or not known(q):
        return False
    start, end = _item_span(doc, c)
    # a partner of another kind: one of the claim's own kind is a second reading of
    # the same slot ("rounds of 79 and 79" for "78 and 79"), and an age names a
    # person, not the statement ("The 19-year-old Scot carded rounds of 79")
    partners = [
        f for f in own_figures
        if f is not c and f.quantity is not None and known(f.quantity)
        and f.quantity.dimension != q.dimension and "age" not in f.quantity.attributes
        and start <= f.start and f.end <= end
    ]
    if not partners:
        return False
    names = _names_of_clause(doc, c)
    if not names:
        return False
    for s in pool.same_value(q):
        beside = figures_beside(s)
        if any(
            r is not s and r.quantity is not None and f.quantity is not None
            and r.quantity.dimension == f.quantity.dimension
            and math.isclose(r.quantity.value, f.quantity.value, rel_tol=1e-9)
            for f in partners for r in beside
        ) and names & set(s.context):
            return True
    return False
