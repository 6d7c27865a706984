"""A figure that moves the other way than every source statement of it.

"Interest expense increased $4.3 million" against "Interest expense decreased
by $4.3 million": the number is the source's, the statement its opposite. The
direction is read from a few words around each figure, within its clause
("increased by 5%", "up 8%", "a 5% decline", "22.4% lower"), and only from
words that cannot turn with what they describe (``data/direction_words.txt``).
A claim is turned only when the related source figures that give its value
and say a direction all say the other one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from ...model import Claim, Document, Finding
from ...text.wordlists import data, sections
from ..findings import make_finding, quoted, sentence_of
from .conflict import CONFLICT

_WORD = re.compile(r"[A-Za-z]+")
_BREAK = re.compile(
    r"[,;:()]|\d|\b(?:and|but|while|whereas|after|before|from|versus|vs|than)\b", re.I
)
_PERIOD_OVER_PERIOD = re.compile(
    r"\s*(?:(?:year|quarter|month|week)[- ](?:over|on)[- ](?:year|quarter|month|week)"
    r"|y/?o/?y|q/?o/?q|m/?o/?m|annual|sequential)\b",
    re.IGNORECASE,
)
BEFORE_WORDS = 4  # "increased by nearly 5%", "an increase of 5%"
AFTER_WORDS = 2  # "5% higher", "a 5% decline"
AROUND_CHARS = 40
BY_CHARS, BY_WORDS = 80, 10  # the clause back to the verb of "by <figure>"
_BY_BEFORE = re.compile(r"\bby\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$", re.I)


@cache
def _words() -> dict[str, frozenset[str]]:
    return sections("direction_words.txt")


@cache
def _particle_verbs() -> frozenset[str]:
    return frozenset(data("change_words.json")["particle_verbs"])


_COMPARED_AFTER = re.compile(r"\s(more|less|fewer)\sthan\b", re.IGNORECASE)


def _ways(
    said: list[str], c: Claim, words: dict[str, frozenset[str]]
) -> tuple[list[str], list[str]]:
    """The words of ``said`` that say up and down; for a percent, "lost" and "added"
    too ("lost 16 per cent this year"; a team that "lost 16 games" moved nothing)."""
    percent = c.quantity is not None and c.quantity.dimension == "percent"
    up = [w for w in said if w in words["up"] or (percent and w in words["percent_up"])]
    down = [w for w in said if w in words["down"] or (percent and w in words["percent_down"])]
    return up, down


def direction(
    text: str, c: Claim, lo: int = 0, hi: int | None = None
) -> tuple[str, str] | None:
    """("up" or "down", the word that says so), or None: which way the words of
    the figure's clause say it moved, within ``lo``..``hi`` (its sentence)."""
    hi = len(text) if hi is None else hi
    # "decreases per-pupil funding for traditional schools by about $150": a figure
    # after "by" is the size of its clause's verb, however far back
    by = _BY_BEFORE.search(text, max(lo, c.start - 20), c.start) is not None
    reach, words_back = (BY_CHARS, BY_WORDS) if by else (AROUND_CHARS, BEFORE_WORDS)
    before = text[max(lo, c.start - reach):c.start]
    # the words of another figure or clause are that one's: "rose 8% to $5.2
    # billion" says nothing of the $5.2 billion
    cut = list(_BREAK.finditer(before))
    if cut:
        before = before[cut[-1].end():]
    after = text[c.end:min(hi, c.end + AROUND_CHARS)]
    stop = _BREAK.search(after)
    if stop:
        after = after[:stop.start()]
    said = [w.lower() for w in _WORD.findall(before)[-words_back:]]
    # "the 17% year over year decline": the period compared names no direction
    after = after[m.end():] if (m := _PERIOD_OVER_PERIOD.match(after)) else after
    said += [w.lower() for w in _WORD.findall(after)[:AFTER_WORDS]]
    words = _words()
    said = [
        w for i, w in enumerate(said)
        if not _names_a_measure(said, i) and not (
            # "turned down a 5.1% pay offer": rejected, not lowered
            w == "down" and i > 0 and said[i - 1] in words["rejects_down"]
        ) and not (
            # "91 set it up": a verb's particle after its object; "gave up $500m",
            # "made up 40%": after its verb
            w in ("up", "down") and i > 0 and (
                said[i - 1] in words["particle_objects"] or said[i - 1] in _particle_verbs()
            )
        )
    ]
    up, down = _ways(said, c, words)
    if c.quantity is not None and c.quantity.dimension == "percent" and not (up or down):
        # "11.27 percent more than the 13,038 square kilometres": a comparative
        # right after a percent says which way it went
        m = _COMPARED_AFTER.match(text, c.end)
        if m is not None:
            return ("up", m.group(1)) if m.group(1).lower() == "more" else ("down", m.group(1))
    if bool(up) == bool(down):
        return None
    return ("up", up[0]) if up else ("down", down[0])


# "growth" naming the measure, not a move of it: "GDP growth", "the growth forecast"
_MEASURE_AFTER = frozenset(("forecast", "rate", "outlook", "target", "estimate", "projection"))
_MEASURE_BEFORE = frozenset(("gdp", "economic", "economy"))


def _names_a_measure(said: list[str], i: int) -> bool:
    """Word ``i`` of ``said`` is "growth" as the name of what is measured: the
    figure is its level ("Growth forecast slashed to 0.2%"), no rise."""
    if said[i] != "growth":
        return False
    return (i + 1 < len(said) and said[i + 1] in _MEASURE_AFTER) or (
        i > 0 and said[i - 1] in _MEASURE_BEFORE
    )


def turned(
    c: Claim, doc: Document, candidates: Iterable[Claim], docs: dict[str, Document],
    related: Callable[[Claim], bool],
) -> Claim | None:
    """The source figure of the claim's value whose direction is the claim's
    opposite, when every related source figure of that value that says a
    direction says that one."""
    mine = _direction_in(doc, c)
    if mine is None:
        return None
    against: Claim | None = None
    either: list[Claim] = []
    ranged = c.quantity is not None and c.quantity.qualifier == "range"
    for s in candidates:
        sdoc = docs.get(s.doc)
        if sdoc is None or not related(s):
            continue
        if ranged and (s.quantity is None or s.quantity.qualifier != "range"):
            continue  # "a 4%-5% decline" is no reading of "up 4.5%", a point inside it
        theirs = _direction_in(sdoc, s)
        if theirs is not None and theirs[0] == mine[0]:
            return None
        if theirs is None and _moved_either_way(sdoc.text, s):
            either.append(s)  # "Department stores improved by 1.3%": moved, way untold
        if theirs is not None and against is None and reached(doc, c) == reached(sdoc, s):
            # "inflation fell to 15.72%" and "prices rose 15.72%" read the number
            # as a level and as a change: both may hold
            against = s
    if against is not None and any(_closer(c, e, against) for e in either):
        return None  # the statement that says no way tells the claim's thing better
    return against


def _closer(c: Claim, a: Claim, b: Claim) -> bool:
    """Source figure ``a``'s sentence shares at least as many words with the claim's
    as ``b``'s does."""
    mine = set(c.context)
    return len(mine.intersection(a.context)) >= len(mine.intersection(b.context))


# "fell to 15.72%"; not the "to" of a comparison ("as opposed to", "compared to",
# "relative to"), whose figure is the other one compared
_TO_BEFORE = re.compile(
    r"(?<!opposed\s)(?<!compared\s)(?<!relative\s)(?<!close\s)"
    r"\bto\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?$",
    re.I,
)


def reached(doc: Document, c: Claim) -> bool:
    """The figure is a level a move reached: "fell to 15.72%"."""
    return _TO_BEFORE.search(doc.text, max(0, c.start - 20), c.start) is not None


# a sign written on the figure itself: "-0.76 per cent", "–2.34%", "−1.6%"
_SIGNED = re.compile(r"[-\u2212\u2013]\s?[$£€]?\d")


EITHER_WAY_WORDS = 3  # words before a figure read for a move that turns with its subject


def _moved_either_way(text: str, c: Claim) -> bool:
    """A word right before the figure says it moved without saying which way."""
    before = _WORD.findall(text[max(0, c.start - AROUND_CHARS):c.start])[-EITHER_WAY_WORDS:]
    return any(w.lower() in _words()["either_way"] for w in before)


def _direction_in(doc: Document, c: Claim) -> tuple[str, str] | None:
    sent = doc.sentences[c.sentence] if 0 <= c.sentence < len(doc.sentences) else None
    got = direction(doc.text, c, sent.start if sent else 0, sent.end if sent else None)
    if got is not None and got[0] == "up" and _SIGNED.match(c.text):
        # "the non-oil sector grew by -0.76 per cent": a growth below zero went down
        # ("fell -9.3%", "down -3.9%": the sign restates the fall, no double negative)
        return "down", f"{got[1]} {c.text}"
    return got


def turned_finding(
    c: Claim, evidence: Claim, doc: Document, docs: dict[str, Document]
) -> Finding:
    mine = _direction_in(doc, c)
    edoc = docs.get(evidence.doc)
    theirs = _direction_in(edoc, evidence) if edoc is not None else None
    assert mine is not None and theirs is not None
    return make_finding(
        CONFLICT, "medium",
        f'{quoted(c)} went {mine[0]} here ("{mine[1]}"); a source says it went '
        f'{theirs[0]} ("{theirs[1]}"): {quoted(evidence)}.',
        c, (evidence,), sentence_text=sentence_of(doc, c),
    )
