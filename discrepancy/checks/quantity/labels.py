"""The measure a figure without a counted noun is given for, read from the words
before it in its clause (its label): "Our common equity Tier 1 capital ratio was
13.8 percent" gives 13.8 percent for the capital ratio, "our net interest margin
was 6.35 percent" gives 6.35 percent for the margin.

A summary's "the capital ratio was 6.35 percent" puts the margin's number on the
ratio. The number is written in the sources, in a sentence about the same
quarter, so sentence overlap calls it support. It is not when the source's label
for that number shares no word with the claim's, and another source figure of the
same dimension is given, with another number, under two or more of the claim's
label words.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from ...limits import note
from ...model import Claim, Document, Finding, Quantity
from ...text.wordlists import data, words
from ..findings import make_finding, quoted, sentence_of
from .agreement import agree, gap_ratio, known
from .basis_words import ADJUSTED
from .conflict import CONFLICT
from .siblings import clause_start, sentence_start, words_after, words_before, written_beside
from .time_frames import frames_compatible
from .written import sentence_lemmas

# A claim's label this short says too little to convict: "was 6.35 percent"
# has none, "margin was" one word many measures share. A rival must carry this
# many of the claim's label words. A source figure's label needs one word that
# names a measure ("Total revenue for the quarter was"), not a verb alone.
MIN_LABEL = 2
# Words read back from a figure for its label: a measure's name and the
# stopwords between ("Total revenue for the quarter was $2.3 billion").
LABEL_WORDS = 6
# Label comparisons per check: news needs a few hundred; hostile text with
# thousands of figures of one dimension stops here instead of going quadratic.
LABEL_WORK = 50_000
SENTENCE_REACH = 400  # characters read back for the start of a source figure's sentence


def _fillers() -> frozenset[str]:
    return words("label_fillers.txt")


@cache
def _level_verbs() -> frozenset[str]:
    """Verbs that give a figure its level or its change, as labels hold them
    (lemmas): no measure's name."""
    change = data("change_words.json")
    verbs = {*change["up"], *change["down"], *words("level_verbs.txt")}
    return frozenset(sentence_lemmas(" ".join(verbs)))


def measure_words(label: frozenset[str]) -> frozenset[str]:
    """The words of a label that may name a measure: not its period, range or
    hedge ("fourth quarter in the range of" names none)."""
    return label - _fillers()


COMPANION_CHARS = 60
# a number with a decimal or of three digits or more: seldom beside two figures by chance
_PRECISE_NUMBER = re.compile(r"(?<![\d.,])(?:\d+\.\d+|\d{1,3}(?:,\d{3})+|\d{3,})(?![\d]|[.,]\d)")


def _precise_numbers(text: str, lo: int, hi: int) -> frozenset[str]:
    """The precise numbers of ``text[lo:hi]``, years left out ("in 2009" dates two
    holidays alike)."""
    return frozenset(
        n for m in _PRECISE_NUMBER.finditer(text, max(0, lo), max(0, hi))
        if not _YEAR.fullmatch(n := m.group().replace(",", ""))
    )


_YEAR = re.compile(r"(?:19|20)\d\d")


class Labels:
    """Labels of source figures without a noun, read once each."""

    def __init__(self, texts: dict[str, str], pool: Sequence[Claim]) -> None:
        self._text = texts
        self._by_dim: dict[str, list[Claim]] = {}
        for s in pool:
            if s.quantity is not None and not s.subject and known(s.quantity):
                self._by_dim.setdefault(s.quantity.dimension, []).append(s)
        self._starts: dict[str, list[int]] = {}  # figure offsets, by document
        for s in pool:
            self._starts.setdefault(s.doc, []).append(s.start)
        for starts in self._starts.values():
            starts.sort()
        self._label: dict[int, frozenset[str]] = {}
        self._after_words: dict[int, frozenset[str]] = {}  # by id of a source figure
        self._work = 0

    def label(self, s: Claim) -> frozenset[str]:
        got = self._label.get(id(s))
        if got is None:
            text = self._text.get(s.doc)
            got = self._label[id(s)] = (
                _with_basis(text, s, measure_words(words_before(text, s, LABEL_WORDS)))
                if text else frozenset()
            )
        return got

    def _after(self, s: Claim) -> frozenset[str]:
        got = self._after_words.get(id(s))
        if got is None:
            text = self._text.get(s.doc)
            got = self._after_words[id(s)] = words_after(text, s) if text else frozenset()
        return got

    def _before_in_sentence(self, s: Claim) -> frozenset[str]:
        """Content lemmas of ``s``'s sentence before it."""
        text = self._text.get(s.doc)
        if text is None:
            return frozenset()
        return sentence_lemmas(text[sentence_start(text, s.start, SENTENCE_REACH):s.start])

    def _companion_written(self, c: Claim, c_text: str, s: Claim) -> bool:
        """Another number near the claim stands near ``s`` in its source too, as
        precise ("rose by 9.8% to 41.0%" for "Labour got 41.0%, up by 9.8%"): the
        claim restates the sentence that writes its number, whatever it names."""
        text = self._text.get(s.doc)
        if text is None:
            return False
        mine = _precise_numbers(c_text, c.start - COMPANION_CHARS, c.start) | _precise_numbers(
            c_text, c.end, c.end + COMPANION_CHARS)
        theirs = _precise_numbers(text, s.start - COMPANION_CHARS, s.start) | _precise_numbers(
            text, s.end, s.end + COMPANION_CHARS)
        return not mine.isdisjoint(theirs)

    def whole_label(self, s: Claim) -> frozenset[str]:
        """The label of a figure whose clause holds no figure before it. A label
        cut short by a figure is another figure's tail: in "net earnings of $192.6
        million or $3.50 per diluted share increased $55.4 million", the $55.4
        million is the earnings' rise, not the share's."""
        text = self._text.get(s.doc)
        if text is None:
            return frozenset()
        starts = self._starts.get(s.doc, [])
        k = bisect_left(starts, clause_start(text, s.start))
        if k < len(starts) and starts[k] < s.start:
            return frozenset()
        return self.label(s)

    def _labelled_apart(self, c: Claim, c_text: str, s: Claim, mine: frozenset[str]) -> bool:
        """Source figure ``s`` has a label of its own that shares no word with the
        claim's (``mine``)."""
        theirs = self.whole_label(s)
        if len(mine) < MIN_LABEL or not theirs or not theirs.isdisjoint(mine):
            return False
        if len(theirs) == 1 and theirs <= _level_verbs():
            # a verb alone ("stood at 11.61 per cent", "slid 11 percent", "produced
            # 1.7 percent less oil") names no measure: the measure's name lies
            # further back, past a name's full stop or an aside
            return False
        if len(mine & self._before_in_sentence(s)) >= MIN_LABEL:
            # the source's sentence names the claim's measure further back: "Consensus
            # estimates called for fourth-quarter revenue of $11.38 billion" for
            # "topping consensus estimates of $11.38 billion"
            return False
        if len(mine & self._after(s)) >= MIN_LABEL:
            # the source names the claim's measure after its number: "less than two
            # months until the World Championships" for "With the World
            # Championships less than two months away"
            return False
        if len(words_after(c_text, c) & self._before_in_sentence(s)) >= MIN_LABEL:
            # the claim names its measure after its number, the source before it:
            # "$175 million each to Howard, Meharry and Morehouse" for "Howard,
            # Meharry, and Morehouse each received gifts of $175 million"
            return False
        return not self._companion_written(c, c_text, s)

    def given_for_another(self, c: Claim, c_text: str, s: Claim) -> Claim | None:
        """The source figure that gives the claim's measure another number, when
        source figure ``s`` writes the claim's number for another measure; else
        None."""
        q, sq = c.quantity, s.quantity
        if q is None or sq is None or c.subject or s.subject or _same_span(q, sq):
            # (a range written with both its ends, "between $127 billion and $129
            # billion", is the claim's, whatever the label)
            return None
        mine = _with_basis(c_text, c, measure_words(words_before(c_text, c, LABEL_WORDS)))
        if not self._labelled_apart(c, c_text, s, mine):
            return None
        after = words_after(c_text, c)
        candidates = self._by_dim.get(q.dimension, ())
        self._work += len(candidates)
        if self._work > LABEL_WORK:
            note(f"labels of figures weighed up to {LABEL_WORK:,} comparisons per check")
            return None
        for r in candidates:
            rq = r.quantity
            assert rq is not None
            if r is s or agree(q, rq) or agree(sq, rq) or _share_in_words_for_move(q, rq):
                continue
            if not frames_compatible(c.time_frame, r.time_frame):
                continue  # last quarter's EPS is no rival of next quarter's guidance
            # a figure the claim's own sentence also writes is its companion
            # ("climbed $55.4 million to $192.6 million"), not its rival
            if len(self.label(r) & mine) >= MIN_LABEL and not written_beside(c_text, c, r):
                if after and not after.isdisjoint(self._after(s)) and after.isdisjoint(
                    self._after(r)
                ):
                    # "rose 14.6% on the year" is "a 14.6-per-cent jump from a year
                    # earlier", whatever "Prices rose 0.63 per cent" shares before it
                    continue
                return r
        return None


def _share_in_words_for_move(q: Quantity, rq: Quantity) -> bool:
    """"sales fell 0.8%" is no share: "Retail sales account for about one third"
    gives another measure of the sales, not the fall's. (Any level against a
    move was tried: earnings calls set a margin's level against its change.)"""
    return q.change in ("up", "down") and rq.change not in ("up", "down") and not any(
        ch.isdigit() for ch in rq.surface_value
    )


BASIS_REACH = 80  # characters back, in the sentence, that may name a figure's basis
_SENTENCE_END = re.compile(r"\s[.!?]")  # read reversed: a full stop and the space after


def _with_basis(text: str, c: Claim, label: frozenset[str]) -> frozenset[str]:
    """A label with "adjusted" when its clause names that basis another way
    ("Excluding one-time items, it earned 67 cents per share")."""
    lo = max(0, c.start - BASIS_REACH)
    end = _SENTENCE_END.search(text[lo:c.start][::-1])
    if end is not None:
        lo = c.start - end.start()
    if ADJUSTED.search(text, lo, c.start):
        return label | {"adjusted"}
    return label


def _clause(docs: dict[str, Document], s: Claim) -> str:
    """The words of ``s``'s clause up to the figure, as the message quotes them."""
    doc = docs.get(s.doc)
    if doc is None:
        return s.text
    return doc.text[clause_start(doc.text, s.start):s.end].strip()


def labelled_finding(
    c: Claim, rival: Claim, written: Claim, doc: Document, docs: dict[str, Document]
) -> Finding:
    """DQ101 at medium: the claim's number is the sources' figure for another
    measure. Medium, not high: labels are read from the words, not parsed."""
    ratio = gap_ratio(c.quantity, rival.quantity)  # type: ignore[arg-type]
    return make_finding(
        CONFLICT, "medium",
        f"{quoted(c)} disagrees with a source: {quoted(rival)} "
        f'("{_clause(docs, rival)}"); the sources give {c.text} for another measure '
        f'("{_clause(docs, written)}").',
        c, (rival, written), sentence_text=sentence_of(doc, c),
        ratio=None if ratio is None or ratio == float("inf") else ratio,
    )


def _same_span(q: Quantity, s: Quantity) -> bool:
    """Two ranges with the same two ends."""
    return (
        q.qualifier == s.qualifier == "range" and q.low < q.high
        and math.isclose(q.low, s.low, rel_tol=1e-9) and math.isclose(q.high, s.high, rel_tol=1e-9)
    )
