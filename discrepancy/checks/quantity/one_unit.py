"""Figures a source tells in other words than a figure of the claim's kind.

One of a unit a source tells with an article: "whose planned one-week stay" where
the source has "for over nine months instead of the planned week".

A source's "the planned week", "a month", "that year" is one of its unit, and no
figure: the recognizers read numbers, and "week" alone is no claim. Against a
summary's "one-week", the only figures of the source sentence are its rivals
("over nine months"), and a faithful restatement read as a conflict, high. A
count of one of a unit, where a source sentence telling the same thing (two
content words shared) writes that unit alone after an article or a determiner, is
the source's; a figure of one with no such sentence stays a figure to check.
Patterns are built from one unit word each and are linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...model import Claim, Document
from ...text.words import content_stems
from ..findings import sentence_of

SHARED_MIN = 2  # content stems the claim's sentence shares with the source sentence
UNITS = frozenset(("minute", "hour", "day", "week", "month", "year", "decade", "century"))


def one_unit_told(target: Document, c: Claim, docs: Iterable[Document]) -> bool:
    """Whether ``c``, one of a unit of time, is a source's "the planned week"."""
    q = c.quantity
    if q is None or q.qualifier != "exact" or q.dimension != "duration":
        return False
    written = q.surface_value.lower()
    if written not in ("one", "1", "a", "an"):
        return False
    unit = q.surface_unit.lower().rstrip("s")
    if unit not in UNITS:
        return False
    told = re.compile(rf"\b(?:a|an|the|one|that|this|each)\s(?:[a-z]+\s)?{unit}\b", re.IGNORECASE)
    mine = set(content_stems(sentence_of(target, c)))
    return any(
        told.search(sent.text) is not None
        and len(mine.intersection(content_stems(sent.text))) >= SHARED_MIN
        for doc in docs for sent in doc.sentences
    )


_BOUNDS = frozenset(("more_than", "at_least", "less_than", "at_most"))
_SAME_WAY = {"more_than": "up", "at_least": "up", "less_than": "down", "at_most": "down"}


def bare_bound_told(
    target: Document, c: Claim, source_claims: Iterable[Claim], docs: dict[str, Document]
) -> bool:
    """A bound the summary writes bare ("most of them over 50") that a source sentence
    telling the same thing writes with its unit ("Most of the victims were aged above
    50"): the summary dropped the unit, not the fact."""
    q = c.quantity
    if q is None or c.subject or q.surface_unit or q.qualifier not in _BOUNDS:
        return False
    mine = set(content_stems(sentence_of(target, c)))
    for s in source_claims:
        sq = s.quantity
        if sq is None or sq.qualifier not in _BOUNDS or sq.surface_value != q.surface_value:
            continue
        if sq.dimension == "count":
            continue  # "at least 10 ... forces were killed" counts a thing: no unit dropped
        if _SAME_WAY[sq.qualifier] != _SAME_WAY[q.qualifier] or s.doc not in docs:
            continue
        if mine.intersection(content_stems(sentence_of(docs[s.doc], s))):
            return True  # one shared word: the number and its bound's way say the rest
    return False


PRECISE_DIGITS = 3  # a number of three significant digits seldom recurs by chance
_NOT_DIGIT = re.compile(r"[^\d.]")


def _digits(written: str) -> str:
    """The number as written, without its unit letters or commas: "40.3C" is "40.3"."""
    return _NOT_DIGIT.sub("", written)


def bare_number_told(
    target: Document, c: Claim, source_claims: Iterable[Claim], docs: dict[str, Document]
) -> bool:
    """A measure the summary writes with its unit ("the previous record of 40.3C")
    whose precise number a source sentence telling the same thing writes bare ("the
    previous record of 40.3 set in 2013", after "temperature of 40.9"): the summary
    named the unit the sentence leaves to the reader."""
    q = c.quantity
    if q is None or q.dimension == "count" or q.qualifier != "exact":
        return False
    written = _digits(q.surface_value)
    if sum(ch.isdigit() for ch in written.lstrip("0.")) < PRECISE_DIGITS:
        return False
    mine = set(content_stems(sentence_of(target, c)))
    for s in source_claims:
        sq = s.quantity
        if sq is None or sq.dimension != "count" or s.subject or s.doc not in docs:
            continue  # "more than 2,500 hair traps" counts a thing: no bare number
        if _digits(sq.surface_value) != written:
            continue
        if len(mine.intersection(content_stems(sentence_of(docs[s.doc], s)))) >= SHARED_MIN:
            return True
    return False
