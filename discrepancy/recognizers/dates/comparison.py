"""A date a figure is compared with: "up 12% from the third quarter of 2019"."""

from __future__ import annotations

import re

from ...model import Claim, Document

# "up 12% from the third quarter of 2019", "an increase of 170% over the
# pre-pandemic first quarter of 2019", "compared with 2020": the date a figure is
# measured against, not the date of the event the sentence reports.
_CUE = (
    r"(?:\bfrom|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bthan|\brelative\s+to"
    r"|\bagainst|%\s+over|\b(?:increase|decrease|rise|growth|gain|decline|drop)\s+over"
    # "4.1% above the previous record set in 2012", "5.4% above 2013"
    r"|%\s+(?:above|below)|\b(?:above|below)\s+(?:the\s+|its\s+)?(?:previous|prior|old)"
    # "3.2% up on the first half of 2011", "down on last year"
    r"|\b(?:up|down)\s+on)"
    # up to seven words to the date ("versus 14.5% at the end of the second
    # quarter"), and a second compared figure after "and":
    # "vs. $2.39 in Q3 2019 and $1.36 in Q2 2020" compares with both dates (a
    # figure right after the "and": "from 6.1% and for 2024 to 2.9%" opens a clause)
    r"\s+(?:(?!and\s)[\w'’$%.,-]+\s+){0,7}(?:and\s+(?=[$£€¥\d])(?:[\w'’$%.,-]+\s+){1,4})?"
)
_COMPARED_WITH = re.compile(_CUE + "$", re.IGNORECASE)
# ... and past the figure's restatement: "down from net earnings of $17.2 million,
# or 6 cents per share in the third quarter of 2021"
_COMPARED_PAST_RESTATED = re.compile(
    _CUE + r"or\s+[$£€]?\d[\w'’$%.,-]*\s+(?:[\w'’$%.,-]+\s+){0,5}$", re.IGNORECASE
)
_PERCENT_ON = re.compile(r"%\s+on\s+(?:the\s+)?$")
_PERIOD_NAMED = re.compile(
    r"(?:the\s+)?(?:first|second|third|fourth|previous|prior|preceding|same)\s", re.IGNORECASE
)
COMPARED_WINDOW = 60  # characters before a date searched for a comparison cue
RESTATED_WINDOW = 90  # ... when the compared figure is restated ("or 6 cents per share")
# a base is what a figure moved from: a number, or a word of change, is near
# (a year is no figure: "in 1990 and co-founded Rage Against the Machine in 1991";
# nor an age: "the 22-year-old from Pittsburgh went missing on December 30")
_FIGURE_MARK = re.compile(
    r"[$€£¥%]|\b(?!(?:1[89]|20)\d\d\b)\d(?![\d.,]*[-\s]years?[-\s]old)"
    r"|\b(?:rose|fell|increased|decreased)\b"
    # "up" and "down" of a move, not of a phrasal verb: "scooped up debris from the
    # small rounded space rock in 2020" dates the scooping
    r"|\b(?:up|down)\b(?!\s+(?!from\b|on\b|over\b|by\b|to\b|about\b|around\b|nearly\b"
    r"|almost\b|some\b|more\b|less\b|sharply\b|slightly\b|significantly\b|markedly\b"
    r"|strongly\b|modestly\b|just\b)[a-z])", re.I
)


# Cues that are as often other words: a figure must stand near them.
_LOOSE_CUES = ("from", "against", "than", "up", "down")
# What "than" compares with, when not a time: a possessive's noun ("than their
# published admission numbers in 2019")
_THAN_OBJECT = re.compile(r"\s+(?:their|its|his|her|our|your)\s")


def comparison_cue(doc: Document, claim: Claim) -> int | None:
    """Where the cue starts when a date is what a figure is compared with in its
    sentence ("from $2.39 in the third quarter of 2019"), else None."""
    sent = doc.sentences[claim.sentence] if 0 <= claim.sentence < len(doc.sentences) else None
    lo = max(claim.start - COMPARED_WINDOW, sent.start if sent else 0)
    m = _last_cue(doc.text, lo, claim.start)
    if m is None:
        lo = max(claim.start - RESTATED_WINDOW, sent.start if sent else 0)
        m = _COMPARED_PAST_RESTATED.search(doc.text, lo, claim.start)
    if m is None and _PERIOD_NAMED.match(claim.text):
        # "up 15% on the first quarter ... and 85% on the second quarter of 2014":
        # a percent "on" a period by name ("fell 2% on Monday" is when it fell)
        m = _PERCENT_ON.search(doc.text, max(0, claim.start - 16), claim.start)
    if m is None:
        return None
    phrase = doc.text[max(lo, m.start() - 25):claim.start]
    cue = doc.text[m.start():m.start() + 7].lower()
    if cue.startswith("than") and _THAN_OBJECT.match(doc.text, m.start() + 4, claim.start):
        # "asked to take more than their published admission numbers in 2019": "than"
        # compares with the numbers; the year dates the event
        return None
    if cue.startswith("than") and _COMPARATIVE.search(
        doc.text, max(lo, m.start() - COMPARATIVE_REACH), m.start()
    ) and not _clause_ends(doc.text, m.start(), claim.start):
        return m.start()  # "7.4% fewer passengers last year than in 2008"
    if cue.startswith(_LOOSE_CUES) and (
        not _FIGURE_MARK.search(phrase) or _clause_ends(doc.text, m.start(), claim.start)
    ):
        # "arrived from the Atlantic on Sunday": a place, not a base; "Rage
        # Against the Machine in 1991": a name; "A 22-year-old from Pittsburgh,
        # she went missing on December 20": the clause the cue opens has ended
        return None
    return m.start()


def _last_cue(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """The cue nearest the date: "more than 19,000 people evacuated, 15 more fires
    than on Friday" compares with Friday through the second "than", not the
    first. A window of ``COMPARED_WINDOW`` characters: bounded work."""
    m = _COMPARED_WITH.search(text, lo, hi)
    while m is not None:
        later = _COMPARED_WITH.search(text, m.start() + 1, hi)
        if later is None:
            return m
        m = later
    return None


_CLAUSE_END = re.compile(r"[,;:]\s")
# ", or $0.64," and ", or 6 cents per share" restate the figure before them: no clause
_RESTATEMENT = re.compile(r",\sor\s[$£€]?\d[\d.,]*(?:\s[a-z]+){0,3},?")


def _clause_ends(text: str, start: int, end: int) -> bool:
    """Whether a clause ends between ``start`` and ``end``, a figure's restatement
    aside."""
    return _CLAUSE_END.search(_RESTATEMENT.sub(" ", text[start:end])) is not None
# A comparative a "than" completes, a few words back: bounded, linear.
_COMPARATIVE = re.compile(
    r"\b(?:more|fewer|less|higher|lower|greater|larger|smaller|bigger|faster|slower)\b",
    re.IGNORECASE,
)
COMPARATIVE_REACH = 60


def comparison_base(doc: Document, claim: Claim) -> bool:
    return comparison_cue(doc, claim) is not None
