"""Two figures of one summary sentence given to each other's things.

"record revenue of $11.1 billion ... with passenger revenue accounting for
$12.2 billion", where the source gives record revenue $12.2 billion and
passenger revenue $11.1 billion: each number is in the source, so each alone
is "supported", and the swap passes. Read as a pair it shows: the words that
set the two source figures apart ("record" by one, "passenger" by the other)
stand by the other figure in the summary, and none by its own.

The words of a figure are those of its clause, up to its neighbouring figures
in its sentence (what is counted after it, whose it is before it); the two
source figures must lie within a sentence of each other, so that the words
that tell them apart are the same statement's. Only the words that tell the
pair apart count: those both sides share ("revenue") say nothing of a swap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import combinations, islice

from ...model import Claim, Document, Finding
from ...text.lemmas import stopwords
from ...text.months import calendar_words
from ...text.words import content_stems
from ..findings import make_finding, sentence_of
from ..matching import head
from .agreement import agree, known
from .conflict import CONFLICT

__all__ = ["SourceWords", "noun_swaps", "sentence_pairs", "swapped_pairs"]

SENTENCES_APART = 1  # the two source figures: one statement, or the next sentence's
FIGURES_MAX = 12  # figures of one summary sentence paired; past it, a table
VALUE_LOOKS = 8  # source figures of one value weighed


# Where a figure's words stop: a clause's edge, or the word that joins the next
# figure's clause ("... in sales and 1.56 trillion won", "while revenues climbed")
_CLAUSE_EDGE = re.compile(r"[,;:()\u2013\u2014]|\b(?:and|while|whereas|but|with|compared)\b")
WORDS_EACH_SIDE = 5  # content words of a figure's clause each side of it


def _words(
    doc: Document, figures: Sequence[Claim], k: int
) -> tuple[frozenset[str], frozenset[str]]:
    """The content stems of figure ``k``'s clause: before it, back to the last
    clause edge or figure (whose it is: "passenger revenue accounting for");
    after it, up to the next (what it counts: "in sales"); and, wider, every
    word back to the figure before it ("according to the Saudi weather service,
    temperatures reached 51.8 degrees": whose it is, past a comma). The words
    after it up to the next figure are the next one's as often as its own."""
    c = figures[k]
    sent = doc.sentences[c.sentence]
    lo = figures[k - 1].end if k > 0 else sent.start
    hi = figures[k + 1].start if k + 1 < len(figures) else sent.end
    before = content_stems(doc.text[lo:c.start])
    clause_before = doc.text[lo:c.start]
    edges = list(_CLAUSE_EDGE.finditer(clause_before))
    if edges:
        clause_before = clause_before[edges[-1].end():]
    clause_after = doc.text[c.end:hi]
    edge = _CLAUSE_EDGE.search(clause_after)
    if edge is not None:
        clause_after = clause_after[:edge.start()]
    narrow = (content_stems(clause_before)[-WORDS_EACH_SIDE:]
              + content_stems(clause_after)[:WORDS_EACH_SIDE])
    return frozenset(narrow), frozenset(narrow + before)


# A name's word: a capital and two letters or more ("Duke", "USGS", "Power & Light")
_NAME = re.compile(r"\b[A-Z][A-Za-z&.'-]{1,}")


@cache
def _not_names() -> frozenset[str]:
    """Capitalised words that name no one: small words opening a clause, months, days."""
    return stopwords() | calendar_words()


def names_before(doc: Document, figures: Sequence[Claim], k: int) -> frozenset[str]:
    """The capitalised words between figure ``k`` and the figure before it (or its
    sentence's start), the sentence's first word aside: whose the figure is ("Florida
    Power & Light had the most customers affected, about 624,885")."""
    c = figures[k]
    sent = doc.sentences[c.sentence]
    lo = figures[k - 1].end if k > 0 else sent.start
    return frozenset(
        w for m in _NAME.finditer(doc.text, lo, c.start)
        if m.start() != sent.start and (w := m.group().lower().rstrip(".")) not in _not_names()
    )


class SourceWords:
    """The words of each source figure, read once per sentence."""

    def __init__(self, docs: dict[str, Document], by_sentence: Callable[[Claim], list[Claim]]):
        self.docs = docs
        self.by_sentence = by_sentence
        self.got: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self.named: dict[int, frozenset[str]] = {}

    def __call__(self, s: Claim) -> tuple[frozenset[str], frozenset[str]]:
        if id(s) not in self.got:
            doc = self.docs.get(s.doc)
            figures = sorted(self.by_sentence(s), key=lambda r: r.start)
            for k, r in enumerate(figures):
                readable = doc is not None and 0 <= r.sentence < len(doc.sentences)
                self.got[id(r)] = (
                    _words(doc, figures, k) if readable else (frozenset(), frozenset())
                )
                self.named[id(r)] = names_before(doc, figures, k) if readable else frozenset()
        return self.got.get(id(s), (frozenset(), frozenset()))

    def names(self, s: Claim) -> frozenset[str]:
        self(s)
        return self.named.get(id(s), frozenset())


# Words that tell the pair apart standing crossed in the summary, both sides
# together: one on each side is as often a verb moved in a paraphrase ("put
# the figures at five deaths" / "five people had died") as a swap.
CROSSED_MIN = 3


def _crossed(t1: frozenset[str], t2: frozenset[str], w1: tuple[frozenset[str], frozenset[str]],
             w2: tuple[frozenset[str], frozenset[str]]) -> bool | None:
    """True when the words telling the source pair apart stand crossed in the
    summary, False when one stands by its own figure, None when none does. A
    word tells a source figure apart when its clause has it and the other
    figure's wider words (``_words``) do not."""
    d1, d2 = w1[0] - w2[1], w2[0] - w1[1]
    if not t1.isdisjoint(d1) or not t2.isdisjoint(d2):
        return False
    a, b = len(t1 & d2), len(t2 & d1)
    return True if a and b and a + b >= CROSSED_MIN else None


def _names_crossed(
    n1: frozenset[str], n2: frozenset[str], m1: frozenset[str], m2: frozenset[str]
) -> bool | None:
    """The names before each summary figure are those before the other's number in
    the source, and none of its own: "Florida Power & Light had the most customers
    affected, about 624,885, followed by Duke Energy with 768,132" where the source
    gives FPL 768,132 and Duke 624,885. Both figures must be crossed: one name moved
    is a paraphrase as often as a swap. None where a side names nobody."""
    if not (n1 and n2 and m1 and m2):
        return None
    if not n1.isdisjoint(m1) or not n2.isdisjoint(m2):
        return False
    return True if not n1.isdisjoint(m2) and not n2.isdisjoint(m1) else None


def swapped_pairs(
    target: Document,
    by_sentence: dict[int, list[Claim]],
    pairs: Sequence[tuple[Claim, Claim]],
    same_value: Callable[[Claim], Iterator[Claim]],
    source_words: SourceWords,
) -> list[Finding]:
    """A finding on each figure of a pair the sources give the other way round."""
    out: list[Finding] = []
    for c1, c2 in pairs:
        figures = by_sentence[c1.sentence]
        t1, t2 = (_words(target, figures, figures.index(c))[0] for c in (c1, c2))
        names = tuple(names_before(target, figures, figures.index(c)) for c in (c1, c2))
        crossed = _crossing(t1, t2, list(islice(same_value(c1), VALUE_LOOKS)),
                            list(islice(same_value(c2), VALUE_LOOKS)), source_words,
                            (c1.subject, c2.subject), names)
        if crossed is not None:
            out += [_finding(target, c1, crossed), _finding(target, c2, crossed[::-1])]
    return out


def _crossing(
    t1: frozenset[str], t2: frozenset[str], ones: list[Claim], twos: list[Claim],
    source_words: SourceWords, nouns: tuple[str, str] = ("", ""),
    names: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
) -> tuple[Claim, Claim] | None:
    """The source pair whose telling words stand crossed in the summary, when
    every source pair of the two numbers does so. A number counting its own noun
    as its source figure does, a noun the other figure does not count, stays
    with it: "Deaths across the two sites fell from 18" for "fallen from 18
    across the two sites" moved no number (``nouns``: the summary figures')."""
    crossed: tuple[Claim, Claim] | None = None
    for s1 in ones:
        for s2 in twos:
            if s1.doc != s2.doc or abs(s1.sentence - s2.sentence) > SENTENCES_APART:
                continue
            if _own_noun(nouns[0], s1, s2) or _own_noun(nouns[1], s2, s1):
                return None
            verdict = _crossed(t1, t2, source_words(s1), source_words(s2))
            if verdict is None:  # no telling word by either: whose each is, by name
                verdict = _names_crossed(*names, source_words.names(s1), source_words.names(s2))
            if not verdict:
                # a pair of the same numbers read either way, or neither: the
                # numbers are written for more than the two things
                return None
            if crossed is None:
                crossed = (s1, s2)
    return crossed


def _own_noun(noun: str, s: Claim, other: Claim) -> bool:
    return bool(noun) and s.subject == noun and other.subject != noun


def _finding(target: Document, c: Claim, pair: tuple[Claim, Claim]) -> Finding:
    own, other = pair
    return make_finding(
        CONFLICT, "medium",
        f'"{c.text}" looks swapped: the source gives {own.text} where the summary gives '
        f'{other.text}, and the words around each are the other\'s.',
        c, (own, other), sentence_text=sentence_of(target, c),
    )


def sentence_pairs(
    t_quant: Sequence[Claim], tolerance: float
) -> tuple[dict[int, list[Claim]], list[tuple[Claim, Claim]]]:
    """The figures of each target sentence in order, and the pairs of one
    dimension and unit, of different values, that could be swapped."""
    by_sentence: dict[int, list[Claim]] = {}
    for c in t_quant:
        by_sentence.setdefault(c.sentence, []).append(c)
    pairs: list[tuple[Claim, Claim]] = []
    for figures in by_sentence.values():
        figures.sort(key=lambda c: c.start)
        if len(figures) > FIGURES_MAX:
            continue
        for a, b in combinations(figures, 2):
            qa, qb = a.quantity, b.quantity
            if (
                qa is not None and qb is not None and known(qa) and known(qb)
                and qa.dimension == qb.dimension and qa.unit == qb.unit
                and not agree(qa, qb, tolerance)
            ):
                pairs.append((a, b))
    return by_sentence, pairs


def noun_swaps(
    target: Document,
    pairs: Sequence[tuple[Claim, Claim]],
    same_value: Callable[[Claim], Iterator[Claim]],
    noun: Callable[[str], str] = head,
) -> list[Finding]:
    """Two figures of one summary sentence that count two nouns, each number the
    sources give the other noun: "a jury of five men and seven women" for "seven
    men and five women". The nouns are inside the figures, so the words around
    them (``swapped_pairs``) cannot tell; the counted nouns do. ``noun``: a counted
    noun's head as the synonyms name it ("97 goals in 102 games, 54 in 52 matches"
    counts one thing twice)."""
    out: list[Finding] = []
    for c1, c2 in pairs:
        h1, h2 = noun(c1.subject), noun(c2.subject)
        if not h1 or not h2 or h1 == h2:
            continue
        ones = list(islice(same_value(c1), VALUE_LOOKS))
        twos = list(islice(same_value(c2), VALUE_LOOKS))
        if any(noun(s.subject) == h1 for s in ones) or any(noun(s.subject) == h2 for s in twos):
            continue  # a source gives either number to its own noun too
        crossed = next((
            (s2, s1) for s1 in ones if noun(s1.subject) == h2
            for s2 in twos if noun(s2.subject) == h1
            and s1.doc == s2.doc and abs(s1.sentence - s2.sentence) <= SENTENCES_APART
        ), None)
        if crossed is not None:
            own1, own2 = crossed  # the source's figures of c1's noun and of c2's
            out += [_noun_finding(target, c1, c2, own1, own2),
                    _noun_finding(target, c2, c1, own2, own1)]
    return out


def _noun_finding(target: Document, c: Claim, other: Claim, own: Claim, its: Claim) -> Finding:
    return make_finding(
        CONFLICT, "medium",
        f'"{c.text}" looks swapped with "{other.text}": the source gives {own.text} and '
        f"{its.text}.",
        c, (own, its), sentence_text=sentence_of(target, c),
    )
