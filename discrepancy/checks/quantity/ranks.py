"""A rank or place told otherwise: "Everton climbed to seventh" where the source
says they "climbed to eighth with their victory".

An ordinal is no quantity the recognizer reads ("a third" is read as a part), so a
wrong place passes unless it is set against the source's. The words just before
it say what the place is of ("climbed to", "finished"); a source ordinal after the
same words, of another value, is the place the summary got wrong, provided no
source writes the summary's ordinal anywhere (a league table names many places).
Patterns are fixed words: linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Claim, Document, Finding, Quantity
from ..findings import make_finding, quoted, sentence_of
from .conflict import CONFLICT
from .ordinals import ordinals_in

# Words just before an ordinal read for what it is the place of; small words aside
RANK_WORDS_BEFORE = 3
RANK_WORDS_SHARED = 2
# a verb of a place in a table or a race: one shared says what the place is of
_RANK_VERBS = frozenset((
    "climbed", "climb", "climbs", "rose", "moved", "dropped", "fell", "slipped", "slid",
    "finished", "finish", "placed", "ranked", "ranks", "ended", "sit", "sits", "lie", "lies",
    "qualified", "crossed", "came", "come",
))
# (two letters or more: the "s" of a possessive, "the strike's third day" and "the
# union's strike ... a first contract", says nothing of what the place is of)
_WORD = re.compile(r"[A-Za-z]{2,}")
_TOKEN = re.compile(r"[\w-]+")
_SMALL = frozenset((
    "the", "a", "an", "to", "in", "at", "of", "on", "for", "and", "with", "was", "were", "is",
    "are", "be", "been", "their", "his", "her", "its", "them", "they", "it", "now", "up", "into",
))
# An ordinal a date or a name holds ("March 5th", "the 5th Avenue"): no place
_DAY_OR_NAME_AFTER = re.compile(r"[\s-]*(?:century|centuries|of\s(?:January|February|March"
                                r"|April|May|June|July|August|September|October|November"
                                r"|December)|Avenue|Street|Amendment|anniversary)\b")


def _words_before(text: str, at: int) -> frozenset[str]:
    words = [w.lower() for w in _WORD.findall(text[max(0, at - 50):at])]
    return frozenset(w for w in words[-(RANK_WORDS_BEFORE + 2):] if w not in _SMALL)


def rank_findings(
    target: Document, docs: Sequence[Document], figures: Sequence[Claim]
) -> list[Finding]:
    """A DQ101 finding on each ordinal of the summary that no source writes,
    where a source gives another after the same words; an ordinal a figure of the
    summary holds ("the third consecutive month") is that figure's."""
    mine = []
    for value, at in ordinals_in(target.text):
        m = _TOKEN.match(target.text, at)
        end = m.end() if m else at
        if target.text[at].isdigit() or _DAY_OR_NAME_AFTER.match(target.text, end):
            continue  # an ordinal in digits is a stray's (``stray``)
        if not any(f.start <= at < f.end for f in figures):
            mine.append((value, at, end))
    if not mine:
        return []  # the sources' ordinals are read only for a summary's own
    told = [
        (d, v, at, _words_before(d.text, at)) for d in docs for v, at in ordinals_in(d.text)
    ]
    written = {v for _, v, _, _ in told}
    out: list[Finding] = []
    for value, at, end in mine:
        if value in written:
            continue
        words = _words_before(target.text, at)
        rival = next(
            ((d, v, a) for d, v, a, theirs in told
             if v != value and _same_place(words & theirs)), None
        )
        if rival is None:
            continue
        claim = _ordinal_claim(target, at, end, value)
        doc, v, a = rival
        m2 = _TOKEN.match(doc.text, a)
        evidence = _ordinal_claim(doc, a, m2.end() if m2 else a, v)
        out.append(make_finding(
            CONFLICT, "medium",
            f"{quoted(claim)} disagrees with a source: {quoted(evidence)} after the same words.",
            claim, (evidence,), sentence_text=sentence_of(target, claim),
        ))
    return out


def _same_place(shared: frozenset[str]) -> bool:
    return len(shared) >= RANK_WORDS_SHARED or not shared.isdisjoint(_RANK_VERBS)


def _ordinal_claim(doc: Document, start: int, end: int, value: int) -> Claim:
    sent = doc.sentence_at(start)
    v = float(value)
    q = Quantity(low=v, high=v, value=v, qualifier="exact", surface_value=doc.text[start:end],
                 tolerance=0.0)
    return Claim(doc=doc.id, category="quantity", text=doc.text[start:end], start=start,
                 end=end, sentence=sent.index if sent else 0, quantity=q)
