"""Totals and multiples a summary works out from the figures its own sentence states.

"India placed 71st with one silver and five bronze, six medals in all"; "Europe
61,800, China 45,400, US 32,400, other markets 27,900, about 167,500 cars in
all"; "Half of the $500-million risk adjustment fund, or $250 million"; "a 3.6%
rate rise, 4.3 points below the 7.9% Manitoba Hydro sought". No source
need write the result: each figure it is worked from is checked on its own, and
the arithmetic over them is in plain view.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache
from itertools import combinations

from ...model import Claim, Document, Quantity
from ...text import wordlists
from .agreement import period_of, plausible
from .complement import REST_WORDS as _REST
from .number_index import significant_digits, written_figures
from .written import text_numbers

# Words that give a figure as a total, within a few words of it. Bounded: linear.
_TOTAL = re.compile(
    r"\b(?:in total|a total of|totall?ing|in all|all told|altogether|combined|overall"
    r"|between them|together|(?:could|would|will|to)\s+total)\b",
    re.IGNORECASE,
)
TOTAL_WORDS_REACH = 25  # characters either side of the figure searched for a word of a total
_TOTAL_OPENING = re.compile(
    r"[\s\-*•\d.)]{0,6}(?:together|combined|between\s+them|altogether|in\s+all)\b",
    re.IGNORECASE,
)
_STATED = ("exact", "approx")
PARTS_MAX = 8  # figures before the total added up; past it, a table


# Characters either side of a figure read for its sentence's colon or word of a
# multiple; and figures either side of it weighed as its parts. A sentence of
# thousands of figures (a table flattened into one line) costs each figure no more.
REACH = 200
NEIGHBOURS = 9
EARLIER_LOOKED = 16


class OwnArithmetic:
    """The summary's own arithmetic over the figures around each of its figures:
    totals, multiples, points between percents, sums, shares and changes its own
    text works out (the rules below), read once per summary."""

    def __init__(self, target: Document, figures: Sequence[Claim]) -> None:
        self.target = target
        self.figures = sorted(figures, key=lambda f: (f.start, f.end))
        self._at = {id(f): i for i, f in enumerate(self.figures)}

    def holds(self, c: Claim) -> bool:
        i = self._at.get(id(c))
        if i is None:
            return False
        near = [
            f for f in self.figures[max(0, i - NEIGHBOURS):i + NEIGHBOURS + 1]
            if f.sentence == c.sentence
        ]
        earlier = self.figures[max(0, i - EARLIER_LOOKED):i]
        t = self.target
        return (
            own_total(t, near, c, earlier) or own_multiple(t, near, c)
            or own_points_gap(t, self.figures, c) or own_sum_or_difference(t, c)
            or own_share_or_change(t, near, c, self._before(c))
            or own_share_of_line_before(t, self.figures, c)
            or own_gap_of_lines_before(t, self.figures, c)
            or own_ratio(self.figures, c) or own_rate(t, near, c, self._pointed_back(c))
            or own_product(t, near, c)
            or own_measure_gap(t, near, c) or own_complement(t, near, c)
            or own_base_of_move(t, near, c, self._before(c))
            or own_share_of_earlier(t, near, c, earlier) or own_rate_for_period(near, c)
            or own_total_in_brackets(t, near, c) or own_gap_of_a_move(t, near, c)
            or own_percent_of_multiple(t, near, c) or own_named_and_others(t, near, c)
        )


    def _pointed_back(self, c: Claim) -> list[Claim]:
        """The figures of the sentence before ``c``'s; for a sentence that points
        back ("That works out to roughly £240 per coin"), of the few lines before."""
        sent = self.target.sentence_at(c.start)
        if sent is None or _POINTS_BACK.match(sent.text) is None:
            return self._before(c)
        i = self._at[id(c)]
        return [
            f for f in self.figures[max(0, i - EARLIER_LOOKED):i]
            if c.sentence - POINTED_LINES <= f.sentence < c.sentence
        ]

    def _before(self, c: Claim) -> list[Claim]:
        """The figures of the sentence before ``c``'s, among the few before it."""
        i = self._at[id(c)]
        return [
            f for f in self.figures[max(0, i - EARLIER_LOOKED):i] if f.sentence == c.sentence - 1
        ]


POINTED_LINES = 4  # lines before a sentence pointing back read for a rate's two figures
SHARE_SLACK_MAX = 0.1  # a hedged share's own rounding, relative, never wider than this
SENTENCES_BACK = 3  # sentences before a share read for its whole


def own_share_of_earlier(
    target: Document, figures: Sequence[Claim], c: Claim, earlier: Sequence[Claim]
) -> bool:
    """``c`` is a share, hedged or with a word of arithmetic, that the figure right
    before it in its sentence is of a larger figure of its kind a few sentences up:
    "Containers rose 2.1% to 4.5 million TEUs. ... Baltic traffic was 1.1 million
    TEUs, up 8%, which is roughly a quarter of all container volume"; "92,407, about
    37.4%" of "roughly 246,900 registered voters" the line before. Each figure it is
    worked from is checked on its own."""
    q = c.quantity
    share = _share_written(q)
    if q is None or share is None or (
        q.qualifier == "exact" and not _arithmetic_beside(target.text, c)
    ):
        return False
    parts = [
        f.quantity for f in figures
        if f is not c and f.sentence == c.sentence and f.end <= c.start
        and f.quantity is not None and f.quantity.qualifier in _STATED
        and f.quantity.dimension != "percent" and f.quantity.value > 0
    ]
    if not parts:
        return False
    part = parts[-1]  # the figure right before the share: the part it gives
    # (a floor as a whole too: "at least 368,000 people have fled" of which "156,000
    # arrivals ... over 40% of the total")
    wholes = [
        f.quantity.value for f in earlier
        if f.sentence < c.sentence and c.sentence - f.sentence <= SENTENCES_BACK
        and f.quantity is not None and f.quantity.dimension == part.dimension
        and f.quantity.qualifier in (*_STATED, *_FLOORS) and f.quantity.value > part.value
    ]
    return any(_share_fits(q, share, part.value / w) for w in wholes)


def _share_fits(q: Quantity, share: float, got: float) -> bool:
    """The share worked out fits the one written: within its rounding, or just past a
    bound's edge ("over 90% of it" for 93%)."""
    if q.qualifier in _FLOORS:
        return share <= got <= share * SHARE_EDGE
    if q.qualifier in ("less_than", "at_most"):
        return share / SHARE_EDGE <= got <= share
    return abs(got - share) <= share * min(max(q.tolerance * 2.0, 1e-6), SHARE_SLACK_MAX)


def _share_written(q: Quantity | None) -> float | None:
    """The share a stated percent or fraction gives: 0.25 for "roughly a quarter"."""
    if q is None or q.qualifier not in (*_STATED, *_FLOORS, "less_than", "at_most") or not (
        0 < q.value < math.inf
    ):
        return None
    if q.dimension == "percent":
        return q.value / 100.0
    return q.value if q.dimension == "count" and q.value < 1 else None


MOVE_SIGNS = {"up": 1.0, "down": -1.0}
BASE_SLACK_MAX = 0.05  # a level worked back from a move: its own rounding, at most this


def own_base_of_move(
    target: Document, figures: Sequence[Claim], c: Claim, before: Sequence[Claim] = ()
) -> bool:
    """``c`` is where a move its own sentence or the one before states started, or
    ended, from a level of ``c``'s kind stated in that move's sentence,
    hedged or with a word of arithmetic: "dropped 6.35% to $66.70, implying ... around
    $71 before", "4.5 million TEUs, up 7.3%. That means the prior year was roughly 4.2
    million". Each figure it is worked from is checked on its own."""
    q = c.quantity
    if q is None or not q.value >= 1 or q.dimension == "percent" or q.qualifier not in _STATED:
        return False  # (no share in words: "roughly a fifth" is no level)
    if q.qualifier == "exact" and not _arithmetic_beside(target.text, c):
        return False
    own = q.tolerance * (2.0 if q.qualifier == "approx" else 1.0)
    slack = q.value * min(own, BASE_SLACK_MAX) + 1e-9 * q.value
    # (the move and its level are written before the figure worked from them: never
    # the level a later hedged figure gives, "fell 58,000 to 957,000, meaning about
    # 1,015,000", read as worked out from that figure)
    stated = [
        f for f in (*figures, *before)
        if f is not c and f.end <= c.start and f.quantity is not None
        and f.quantity.qualifier in _STATED
    ]
    return any(
        abs(start - q.value) <= slack for m in stated for start in _move_ends(m, stated, q)
    )


def _levels_as_written(m: Claim, stated: Sequence[Claim]) -> list[float]:
    """The numbers of the levels of other kinds beside a move, as written: a bare number
    takes the level's unit ("703,000 barrels a day in Q2, up 19%, which implies roughly
    590,000 a year earlier")."""
    return [
        v for f in stated
        if f is not m and f.sentence == m.sentence and f.quantity is not None
        and f.quantity.dimension not in ("count", "percent")
        for v in written_figures(f.quantity) if v >= 1
    ]


def _move_ends(m: Claim, stated: Sequence[Claim], q: Quantity) -> Iterator[float]:
    """Where a move ``m`` of a level of ``q``'s kind in its sentence started or ended:
    a percent moves it by its share ("up 7.3%" of 4.5 million), an amount of its own
    kind by its size ("fell 58,000 to 957,000" from 1,015,000)."""
    mq = m.quantity
    sign = MOVE_SIGNS.get(mq.change) if mq is not None else None
    if mq is None or sign is None or not mq.value > 0:
        return
    relative = mq.dimension == "percent"
    if not (relative and mq.value < 100) and mq.dimension != q.dimension:
        return
    levels = [
        f.quantity.value for f in stated
        if f is not m and f.sentence == m.sentence and f.quantity is not None
        and f.quantity.dimension == q.dimension and f.quantity.value >= 1
    ]
    if relative and q.dimension == "count" and not q.surface_unit:
        levels += _levels_as_written(m, stated)
    k = 1.0 + sign * mq.value / 100.0
    for x in levels:
        yield from ((x / k, x * k) if relative else (x - sign * mq.value, x + sign * mq.value))


# A word of the rest of a whole before a share: "lose 60%, keeping 40%", "the remaining
# 20%", "leaving a fifth", "only 34.6% make it to 10 years, so nearly two-thirds close".
# Fixed words: linear.
_REST_BEFORE = re.compile(
    r"\b(?:keep(?:s|ing)?|kept|leav(?:es|ing)|left|remain(?:s|ing)?|retain(?:s|ing)?|rest"
    r"|other|still|last|so)\s{1,2}(?:(?:the|a|an|just|only|about|around|roughly|some|their"
    r"|nearly|almost)\s{1,2})?$",
    re.IGNORECASE,
)
COMPLEMENT_SLACK = 0.5  # percentage points a rounded share and its rest may miss 100 by
COMPLEMENTED_LOOKS = 3  # percents before the rest weighed as the share it completes


def own_complement(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """``c`` is the rest of 100% that a percent its sentence states leaves, and says so:
    "the most vulnerable lose 60%, keeping 40% of their aid; others lose 80%, keeping a
    fifth". The percent it is worked from is checked on its own."""
    q = c.quantity
    share = _share_written(q)
    if q is None or share is None or q.qualifier not in _STATED or not (
        _REST_BEFORE.search(target.text, max(0, c.start - 30), c.start)
    ):
        return False
    rest = share * 100.0  # "nearly two-thirds" as a percent
    before = [
        f.quantity for f in figures
        if f is not c and f.sentence == c.sentence and f.end <= c.start and f.quantity is not None
        and f.quantity.dimension == "percent" and f.quantity.qualifier in _STATED
    ]
    # the percent it completes is one of the few right before ("84.4% (Faroe 12.6%, EU
    # and Norway 71.8%), so Iceland and Russia are left squabbling over the last 15.6%")
    return any(
        abs(x.value + rest - 100.0) <= max(COMPLEMENT_SLACK, rest * q.tolerance * 2)
        for x in before[-COMPLEMENTED_LOOKS:]
    )


def own_total(
    target: Document, figures: Sequence[Claim], c: Claim, earlier: Sequence[Claim] = ()
) -> bool:
    """``c`` is the sum of the last two or more figures of its kind before it in
    its sentence, within its rounding, and a word beside it gives it as a total;
    or of all the figures of its kind after it, set out after a colon ("16 people
    were aboard the two aircraft: 14 passengers and two pilots"). A cap sums the
    parts and caps before it."""
    q = c.quantity
    if q is not None and q.qualifier in _FLOORS and q.value > 0:
        return _floor_of_parts(target, figures, c) or _floor_set_out(target, figures, c)
    parts_as = _parts_as(q)
    if q is None or q.qualifier not in parts_as or not q.value > 0:
        return False
    text = target.text
    mine = [
        f for f in figures
        if f.sentence == c.sentence and f is not c and f.quantity is not None
        and f.quantity.dimension == q.dimension and f.quantity.qualifier in parts_as
    ]
    sent = target.sentence_at(c.start)
    end = sent.end if sent is not None else c.end
    if _parts_after_colon(text, mine, c, end) or _parts_set_out(text, c, end):
        return True
    if not _total_word(text, c, sent.start if sent is not None else c.start):
        return False
    before = [f.quantity.value for f in mine if f.end <= c.start][-PARTS_MAX:]  # type: ignore[union-attr]
    return _adds_up(q, before) or _earlier_lines_add_up(c, earlier or figures)


def _total_word(text: str, c: Claim, opens: int) -> bool:
    """A word of a total beside the figure, or opening its sentence: "Together
    Reuters (23%) and Thomson (11%) would hold 34%"."""
    if _TOTAL.search(text, max(0, c.start - TOTAL_WORDS_REACH), c.end + TOTAL_WORDS_REACH):
        return True
    return c.start - opens <= REACH and _TOTAL_OPENING.match(text, opens, c.start) is not None


def _parts_after_colon(text: str, mine: Sequence[Claim], c: Claim, end: int) -> bool:
    """All the figures of its kind after a colon add up to ``c``: "16 people were
    aboard the two aircraft: 14 passengers and two pilots"."""
    q = c.quantity
    assert q is not None
    colon = text.find(":", c.end, min(end, c.end + REACH))
    after = [
        f.quantity.value for f in mine if colon >= 0 and f.start > colon and f.quantity is not None
        # "11 felony counts tied to the 11 deaths": a count the part refers to, no part
        and not _THE_BEFORE.search(text, max(0, f.start - 5), f.start)
    ]
    return 2 <= len(after) <= PARTS_MAX and _adds_up(q, after[::-1])


_THE_BEFORE = re.compile(r"\bthe\s{1,2}$", re.IGNORECASE)


def _parts_as(q: Quantity | None) -> tuple[str, ...]:
    """The qualifiers of the parts a total sums: a cap adds caps up ("a 9% raise plus
    up to 9% more, as much as 18% in all")."""
    return _STATED + ("at_most",) if q is not None and q.qualifier == "at_most" else _STATED


_FLOORS = ("more_than", "at_least")
FLOOR_SUM_SLACK = 0.05  # a total's floor rounded down from its parts' sum: "more than 1,150"


def _floor_of_parts(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """A floor a word of a total gives, at or a little under the sum of the figures
    of its kind before it in its sentence, floors among them: "more than 510 deaths
    in Spain; Portugal reported 659, so together more than 1,150"."""
    q = c.quantity
    assert q is not None
    text = target.text
    if _TOTAL.search(text, max(0, c.start - TOTAL_WORDS_REACH), c.end + TOTAL_WORDS_REACH) is None:
        return False
    before = [
        f.quantity.value for f in figures
        if f.sentence == c.sentence and f.end <= c.start and f.quantity is not None
        and f.quantity.dimension == q.dimension
        and f.quantity.qualifier in _STATED + _FLOORS
    ][-PARTS_MAX:]
    total = 0.0
    for k, v in enumerate(reversed(before), start=1):
        total += v
        if k >= 2 and q.value <= total <= q.value * (1 + FLOOR_SUM_SLACK):
            return True
    return False


# A comparative right after a percent: the percent is how much more or less
# ("about 10% heavier"). Fixed words: linear.
_COMPARATIVE_AFTER = re.compile(
    r"\s{1,2}(?:(?:more|less)\b|[a-z]{2,12}(?:er|ier)\b)", re.IGNORECASE
)
_NOT_COMPARATIVE = frozenset(("over", "under", "after", "other", "per", "never", "either",
                              "neither", "whether", "further", "later", "earlier", "number"))


def own_percent_of_multiple(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """A percent more or less that a multiple its sentence states before it gives:
    "1.1 times Jupiter's mass, so about 10% heavier", "0.6 times as massive, 40%
    lighter". The multiple is checked on its own."""
    q = c.quantity
    if q is None or q.dimension != "percent" or q.qualifier not in _STATED or not q.value > 0:
        return False
    m = _COMPARATIVE_AFTER.match(target.text, c.end)
    if m is None or m.group().strip().lower() in _NOT_COMPARATIVE:
        return False
    tol = max(q.tolerance, 1e-9)
    lo, hi = q.value * (1 - tol), q.value * (1 + tol)
    for f in figures:
        fq = f.quantity
        if f.end > c.start or fq is None or fq.dimension != "ratio" or not fq.value > 0:
            continue
        ends = sorted(abs(v - 1) * 100 for v in (fq.value * (1 - fq.tolerance),
                                                  fq.value * (1 + fq.tolerance)))
        if ends[0] <= hi and lo <= ends[1]:
            return True
    return False


# "Miura, his son and seven others": a count of others after named ones
_OTHERS_AFTER = re.compile(r"\s{1,2}others?\b", re.IGNORECASE)
_AND_BEFORE = re.compile(r"\band\s{1,2}$", re.IGNORECASE)
_LIST_OPENS = re.compile(r"[(:;]|\s[-–—]\s")
NAMED_ITEM_WORDS = 4  # words of one named item ("his son", "Sir Edmund Hillary")
NAMED_ITEMS_MAX = 6


def own_named_and_others(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """A count, with a word of arithmetic, of the ones a list names and the others
    it counts before it: "(Miura, his son and seven others, so nine people)". The
    count of others is checked on its own."""
    q = c.quantity
    if q is None or q.dimension != "count" or q.qualifier != "exact" or q.value != int(q.value):
        return False
    text = target.text
    if not _arithmetic_beside(text, c):
        return False
    for f in figures:
        fq = f.quantity
        if f.end > c.start or fq is None or fq.dimension != "count" or fq.qualifier != "exact":
            continue
        if not (_OTHERS_AFTER.match(text, f.end) or f.text.lower().endswith(("others", "other"))):
            continue
        if _AND_BEFORE.search(text, max(0, f.start - 6), f.start) is None:
            continue
        sent = target.sentence_at(f.start)
        named = _named_items(text, sent.start if sent is not None else 0, f.start - 4)
        if named and fq.value + named == q.value:
            return True
    return False


def _named_items(text: str, start: int, end: int) -> int:
    """How many short items a comma list names up to ``end`` (its "and" cut off),
    from the bracket, colon or dash that opens it after ``start``; 0 for none."""
    start = max(start, end - REACH)
    opens = [m.end() for m in _LIST_OPENS.finditer(text, start, end)]
    lo = opens[-1] if opens else start
    items = [i.strip() for i in text[lo:end].split(",")]
    if not items or len(items) > NAMED_ITEMS_MAX or any(
        not i or len(i.split()) > NAMED_ITEM_WORDS for i in items
    ):
        return 0
    return len(items)


def _floor_set_out(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """A floor whose parts a colon sets out after it, adding up to its number: "at
    least six buildings: three from around 4000 BC and three from around 3000 BC"
    (the source's "at least three ... and three" make the floor)."""
    q = c.quantity
    assert q is not None
    sent = target.sentence_at(c.start)
    mine = [
        f for f in figures
        if f.sentence == c.sentence and f is not c and f.quantity is not None
        and f.quantity.dimension == q.dimension and f.quantity.qualifier in _STATED
    ]
    return _parts_after_colon(target.text, mine, c, sent.end if sent is not None else c.end)


def _earlier_lines_add_up(c: Claim, figures: Sequence[Claim]) -> bool:
    """A total the summary works out from figures of its kind before it, on its
    earlier lines too: "- Democratic Alliance wins with 79 seats ... - Socialists close behind
    on 77 seats ... - Chega surges to 48 seats ... - The top three parties hold
    204 seats between them". Two to four of them, adding up exactly within the
    total's rounding; only a total of three or more significant digits, which a
    few figures seldom give by chance."""
    q = c.quantity
    assert q is not None
    if significant_digits(q.surface_value) < EARLIER_TOTAL_DIGITS:
        return False
    earlier = [
        f.quantity.value for f in figures
        if f.end <= c.start and f.quantity is not None
        and f.quantity.dimension == q.dimension and f.quantity.qualifier in _EARLIER_PARTS
        and (not c.subject or not f.subject or f.subject == c.subject)
    ][-PARTS_MAX:]
    slack = q.value * q.tolerance + 1e-9 * q.value
    return any(
        abs(sum(parts) - q.value) <= slack
        for k in range(2, EARLIER_PARTS_MAX + 1) for parts in combinations(earlier, k)
    )


def _parts_set_out(text: str, c: Claim, end: int) -> bool:
    """The numbers right after a total, set out in an aside, add up to it: "Its
    480 stores, 360 Bed Bath & Beyond and 120 Buy Buy Baby, remain open" (the
    parts, before a name, are no figures of their own). Only a total of ten or
    more, which two small parts do not give by chance."""
    q = c.quantity
    assert q is not None
    if q.value < SET_OUT_MIN or q.qualifier not in _STATED:
        return False
    gap = _ASIDE_GAP.match(text, c.end, end)
    if gap is None:
        return False
    slack = q.value * q.tolerance + 1e-9 * q.value
    total = 0.0
    for k, m in enumerate(_PART_NUMBER.finditer(text, gap.end(), end), start=1):
        if k > PARTS_MAX or (k == 1 and m.start() != gap.end()):
            return False
        total += float(m.group().replace(",", ""))
        if k >= 2 and abs(total - q.value) <= slack:
            return True
    return False


def own_gap_of_a_move(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """``c`` is the distance between the two ends of the move right before it in its
    sentence, with a word of arithmetic: "a big upward revision, from 142,000 to
    180,000 — 38,000 more jobs than first reported". The move is checked on its own."""
    q = c.quantity
    if q is None or q.qualifier not in _STATED or not q.value > 0 or not _arithmetic_beside(
        target.text, c
    ):
        return False
    moves = [
        f.quantity for f in figures
        if f is not c and f.sentence == c.sentence and f.end <= c.start
        and f.quantity is not None and f.quantity.dimension == q.dimension
        and f.quantity.qualifier == "range" and "from-to" in f.quantity.attributes
    ]
    if not moves:
        return False
    m = moves[-1]  # the move right before: the one whose size it gives
    slack = q.value * q.tolerance * (2.0 if q.qualifier == "approx" else 1.0) + 1e-9 * q.value
    return abs((m.high - m.low) - q.value) <= slack


BRACKET_REACH = 160  # characters of an aside in brackets read for the parts of a total
_OPENS_BRACKET = re.compile(r"\s{0,2}\(")


def own_total_in_brackets(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """``c`` is the sum of the figures of its kind its aside in brackets sets out, each
    after a name: "Between them they take 84.4% (Faroe 12.6%, EU and Norway 71.8%)".
    Each part is checked on its own."""
    q = c.quantity
    opened = _OPENS_BRACKET.match(target.text, c.end)
    if q is None or q.qualifier not in _STATED or opened is None:
        return False
    close = target.text.find(")", opened.end(), opened.end() + BRACKET_REACH)
    if close < 0:
        return False
    parts = [
        f.quantity for f in figures
        if opened.end() <= f.start and f.end <= close and f.quantity is not None
        and f.quantity.dimension == q.dimension and f.quantity.qualifier in _STATED
    ]
    if not 2 <= len(parts) <= PARTS_MAX:
        return False
    total = sum(p.value for p in parts)
    slack = q.value * q.tolerance * (2.0 if q.qualifier == "approx" else 1.0) + sum(
        p.value * p.tolerance for p in parts
    ) + 1e-9 * q.value
    return abs(total - q.value) <= slack


SET_OUT_MIN = 10
# Between a total and its first part: "480 stores, 360 ...", "(360 ...", "— 360 ...".
# Bounded: linear.
# A few lower-case words may come first: "27 most wanted persons caught (1
# national-level, 26 regional-level)".
_ASIDE_GAP = re.compile(
    r"(?:\s[a-z][a-z-]{0,20}){0,4}\s{0,2}(?:,|\(|—|–|:)\s{0,2}(?:of\s(?:which|them|those)\s)?"
)
_PART_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\w%]|[.,]\d)")


EARLIER_TOTAL_DIGITS = 3
EARLIER_PARTS_MAX = 4
# "up to £38.5m" is a part a writer adds for what the deals "could total"
_EARLIER_PARTS = ("exact", "approx", "at_most")


def _adds_up(q: Quantity, parts: list[float]) -> bool:
    """The last two or more of ``parts`` add up to ``q`` within its rounding."""
    slack = q.value * q.tolerance + 1e-9 * q.value
    total = 0.0
    for k, v in enumerate(reversed(parts), start=1):
        total += v
        if k >= 2 and abs(total - q.value) <= slack:
            return True
    return False


# A word that makes one figure a multiple of another. Bounded: linear.
_MULTIPLE = re.compile(
    r"\b(half|a\s+third|one\s+third|a\s+quarter|one\s+quarter|double|twice|triple|treble"
    r"|three\s+times)\b",
    re.IGNORECASE,
)
_FACTORS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "double": 2.0, "twice": 2.0,
            "triple": 3.0, "treble": 3.0, "times": 3.0}


def own_multiple(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """``c`` is a half, a third, a quarter, double or triple of another figure of
    its kind its sentence states, and the sentence says which."""
    q = c.quantity
    if q is None or q.qualifier not in _STATED or not q.value > 0:
        return False
    sent = target.sentence_at(c.start)
    if sent is None:
        return False
    lo, hi = max(sent.start, c.start - REACH), min(sent.end, c.end + REACH)
    factors = {
        _FACTORS[m.group(1).split()[-1].lower()] for m in _MULTIPLE.finditer(target.text, lo, hi)
    }
    if not factors:
        return False
    slack = q.value * q.tolerance + 1e-9 * q.value
    return any(
        f is not c and f.sentence == c.sentence and f.quantity is not None
        and f.quantity.dimension == q.dimension and f.quantity.qualifier in _STATED
        and any(abs(k * f.quantity.value - q.value) <= slack for k in factors)
        for f in figures
    )


RATIO_SLACK = 0.1  # a multiple's own rounding, and this much more ("roughly ten times" 17.2/1.7)


def own_ratio(figures: Sequence[Claim], c: Claim) -> bool:
    """``c`` is a multiple of two figures of one kind the summary states, one of them
    in its own sentence: "$20 a bushel, almost double the Kansas City price" where
    an earlier line gives $10.29; "sugar +17.2% ... cereals rose 1.7%, so sugar's gain
    was roughly ten times bigger". Each figure it is worked from is checked on its
    own; two stated figures land on a third's multiple only by a reader's division."""
    q = c.quantity
    if q is None or q.dimension != "ratio" or not 0 < q.low <= q.high:
        return False
    p = plausible(q)
    lo, hi = p.low * (1 - RATIO_SLACK), p.high * (1 + RATIO_SLACK)
    mine = [f for f in figures if f.sentence == c.sentence and f is not c]
    for a in mine:
        for b in figures:
            if b is c or b is a:
                continue
            for x in _ratio_operands(a, b):
                for y in _ratio_operands(b, a):
                    r = max(x, y) / min(x, y) if q.value >= 1 else min(x, y) / max(x, y)
                    if lo <= r <= hi:
                        return True
    return False


# A figure given per unit, its conversion in brackets between: "Rs400,000 ($5,700)
# for each victim's family". Bounded: linear.
_PER_UNIT_BESIDE = re.compile(
    r"\)?\s{0,2}(?:\([^()\n]{1,24}\)\s{0,2})?(?:for\s+each|each|per|apiece|a\s+head"
    r"|for\s+every)\b",
    re.IGNORECASE,
)


RATE_COUNT_MIN = 2
# "roughly $183m a plane", "about $115m a jet": a price by the unit. Bounded: linear.
_A_UNIT_AFTER = re.compile(r"\s{1,2}an?\s{1,2}[a-z]{2,20}\b(?!\s{1,2}(?:of|in|from|by)\b)")
PERIOD_SECONDS = {"hour": 3600.0, "day": 86400.0, "week": 604800.0, "month": 2629800.0,
                   "year": 31557600.0}


def _per_unit(text: str, c: Claim) -> bool:
    """The figure is given per unit: "each", "per", "apiece" after it, a "per ..." it
    carries ("$42m a year"), or "a plane" after a price."""
    q = c.quantity
    return q is not None and (
        any(a.startswith("per ") for a in q.attributes) or given_per_unit(text, c)
    )


# Nouns a figure is given per that name no other thing than the level: "$1.20 per
# share" is the company's earnings, written with or without the "per share"
_LEVEL_PER = frozenset(("share", "shares", "unit", "units"))


def given_per_unit(text: str, c: Claim) -> bool:
    """The figure is a rate of a thing, not a level: "roughly 4,800 TEU per ship",
    "about 8 deaths per 100,000 workers", "$183m a plane". A rate of a period
    ("$42m a year") is compared by its period elsewhere; "per share" is a level."""
    q = c.quantity
    if q is None:
        return False
    pers = [a[4:] for a in q.attributes if a.startswith("per ")]
    if pers:
        return not any(p in PERIOD_SECONDS or p in _LEVEL_PER or p == "quarter" for p in pers)
    return _PER_UNIT_BESIDE.match(text, c.end) is not None or (
        q.dimension.startswith("currency:") and _A_UNIT_AFTER.match(text, c.end) is not None
    )


def _spans_in_rate_unit(q: Quantity, figures: Sequence[Claim]) -> list[float]:
    """The spans of time its sentence states, in the rate's unit ("over the next three
    years" is 3 for a rate "a year")."""
    per = next((a[4:] for a in q.attributes if a.startswith("per ")), None)
    unit = PERIOD_SECONDS.get(per or "")
    if unit is None:
        return []
    return [
        f.quantity.value / unit for f in figures
        if f.quantity is not None and f.quantity.dimension == "duration"
        and f.quantity.qualifier in _STATED and f.quantity.value / unit >= RATE_COUNT_MIN
    ]


def own_rate(
    target: Document, figures: Sequence[Claim], c: Claim, before: Sequence[Claim] = ()
) -> bool:
    """``c``, given per unit ("over $60 million for each extra jet", "roughly $183m a
    plane", "about $42m a year"), is an amount of its kind its sentence states divided
    by a count it or the sentence before states ("$7.8 billion ... 127 more
    aircraft"), or by a span of time in the rate's unit ("a $125m deficit over the next
    three years"). Each figure it is worked from is checked on its own."""
    q = c.quantity
    if q is None or not _per_unit(target.text, c):
        return False
    p = plausible(q)  # "under $9,000 each": a cap's reach below it
    if not 0 < p.low <= p.high < math.inf:
        return False
    lo, hi = p.low * (1 - RATIO_SLACK), p.high * (1 + RATIO_SLACK)
    # a cap on a rate may divide by a floor: "More than 148m people were affected, so
    # it works out to under $5 per person"
    divisors = _STATED + (_FLOORS if q.qualifier in ("less_than", "at_most") else ())
    counts = [
        f.quantity.value for f in (*figures, *before)
        if f is not c and f.quantity is not None and f.quantity.dimension == "count"
        and f.quantity.qualifier in divisors and f.quantity.value >= RATE_COUNT_MIN
    ] + _spans_in_rate_unit(q, figures)
    amounts = [
        # "6,166 ships with about 29.5 million TEU. That averages out to roughly 4,800
        # TEU per ship": the amount may stand in the sentence before, as the count may
        v for f in (*figures, *before) if f is not c and f.quantity is not None
        and f.quantity.dimension == q.dimension
        for v in (
            (f.quantity.value,) if f.quantity.qualifier in _STATED + ("more_than", "at_least")
            else ()
        )
    ]
    per = _per_how_many(target.text, c)
    # (the figure given per a number of its count is left out as a count: "per 100,000")
    counts = [n for n in counts if n != per]
    return any(lo <= a / n * per <= hi for a in amounts for n in counts)


# "about 8 deaths per 100,000 workers": a rate per a round number of the count. Bounded.
_PER_NUMBER = re.compile(
    r"\s{1,2}(?:per|for\s+every|in\s+every)\s{1,2}(1(?:00,000|0,000|,000|000|00|0)(?![\d,])"
    r"|(?:(?:a|one)\s{1,2})?(?:thousand|million|hundred)\b)",
    re.IGNORECASE,
)
_PER_WORDS = {"hundred": 100.0, "thousand": 1000.0, "million": 1e6}


def _per_how_many(text: str, c: Claim) -> float:
    """How many of the count a rate is given per: 100,000 for "per 100,000 workers"."""
    m = _PER_NUMBER.match(text, c.end)
    if m is None:
        return 1.0
    g = m.group(1).lower()
    return _PER_WORDS[g.split()[-1]] if g[0].isalpha() else float(g.replace(",", ""))


def own_rate_for_period(figures: Sequence[Claim], c: Claim) -> bool:
    """``c`` is a rate of its sentence told for another period: "saves over $492,000 a
    month, more than $5.9 million a year". The rate it is worked from is checked on
    its own."""
    q = c.quantity
    per = period_of(q) if q is not None else None
    if q is None or per is None or not q.value > 0:
        return False
    told = [
        f.quantity.value * PERIOD_SECONDS[per] / PERIOD_SECONDS[other]
        for f in figures
        if f is not c and f.sentence == c.sentence and f.quantity is not None
        and f.quantity.dimension == q.dimension and f.quantity.value > 0
        and f.quantity.qualifier in (*_STATED, "more_than", "at_least", "less_than", "at_most")
        and (other := period_of(f.quantity)) is not None and other != per
    ]
    return bool(told) and _is_gap(q, told)


def own_product(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """``c`` is a figure its sentence gives per unit times a count it states: "Rs400,000
    ($5,700) for each victim's family, which for 49 victims comes to Rs19.6m, or about
    $280,000". Each figure it is worked from is checked on its own."""
    q = c.quantity
    if q is None or not 0 < q.low <= q.high or q.dimension == "count":
        return False
    p = plausible(q)
    lo, hi = p.low * (1 - RATIO_SLACK), p.high * (1 + RATIO_SLACK)
    per_unit = [
        f.quantity.value for f in figures
        if f is not c and f.quantity is not None and f.quantity.dimension == q.dimension
        and f.quantity.qualifier in _STATED and f.end <= c.start
        and _PER_UNIT_BESIDE.match(target.text, f.end) is not None
    ]
    counts = [
        f.quantity.value for f in figures
        if f is not c and f.quantity is not None and f.quantity.dimension == "count"
        and f.quantity.qualifier in _STATED and f.quantity.value >= RATE_COUNT_MIN
    ]
    return any(lo <= a * n <= hi for a in per_unit for n in counts)


def _ratio_operands(a: Claim, b: Claim) -> tuple[float, ...]:
    """The values of ``a`` a multiple may be worked from, against ``b`` of its kind:
    a stated figure, or either end of a range ("$350-400")."""
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None or qa.dimension != qb.dimension or qa.dimension == "ratio":
        return ()
    if qa.qualifier in _STATED and qa.value > 0:
        return (qa.value,)
    if qa.qualifier == "range" and 0 < qa.low <= qa.high < float("inf"):
        return (qa.low, qa.high)
    return ()


_POINTS = re.compile(r"\bpoints?\b|\bpp\b", re.IGNORECASE)


def own_points_gap(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """``c`` counts the points between two percents its own sentence states, or one of
    its sentence and one of the line before: "approved a 3.6% rise, 4.3 points below
    the 7.9% it sought"."""
    q = c.quantity
    if q is None or not q.value > 0 or not _POINTS.search(c.text):
        return False
    if q.dimension not in ("percentage_point", "count") or q.qualifier not in (
        *_STATED, *_FLOOR, *_CAP
    ):
        return False
    # the percents of its sentence, and of the line before ("volumes were down 0.9%. -
    # Economists had forecast a 0.6% drop, so the result was 0.3 points worse")
    percents = [
        (f.sentence == c.sentence, f.quantity) for f in figures
        if f.sentence in (c.sentence, c.sentence - 1) and f.quantity is not None
        and f.quantity.dimension == "percent" and f.quantity.qualifier in _STATED
    ][-PARTS_MAX:]
    gaps = [
        abs(_gap(a, b)) for i, (own_a, a) in enumerate(percents)
        for own_b, b in percents[i + 1:] if own_a or own_b
    ]
    if q.qualifier in _FLOOR:
        # "a fall of more than 16 points" from 57.5% to about 41%: a floor just under the gap
        return any(q.value < g <= q.value * BOUND_GAP_REACH for g in gaps)
    if q.qualifier in _CAP:
        return any(q.value / BOUND_GAP_REACH <= g < q.value for g in gaps)
    # a hedged gap may be off by a unit of its last digit ("about 13 points" for 13.35)
    slack = q.value * q.tolerance * (2.0 if q.qualifier == "approx" else 1.0) + 1e-9
    return any(abs(g - q.value) <= slack for g in gaps)


def _gap(a: Quantity, b: Quantity) -> float:
    """The points between two percents; between a fall and a rise, with their signs:
    "fell 2.9% ... after rising 0.7%, a swing of 3.6 points"."""
    if {a.change, b.change} == {"up", "down"}:
        return (-a.value if a.change == "down" else a.value) - (
            -b.value if b.change == "down" else b.value
        )
    return a.value - b.value


_FLOOR = ("more_than", "at_least")
_CAP = ("less_than", "at_most")
BOUND_GAP_REACH = 1.2  # a bound says its figure is near: "more than 16" for 16.5, not for 30


OWN_SMALL_MAX = 100  # whole numbers a sentence's own two others may give
PRECISE_SUM_DIGITS = 3  # ... or past it, a number of three significant digits or more
OWN_NUMBERS_MAX = 4  # numbers of a sentence weighed; past it, some two give anything


def own_sum_or_difference(target: Document, c: Claim) -> bool:
    """A small whole number that is the sum or difference of two others its own
    sentence writes, with a word of arithmetic beside it: "13 of the route's 18
    stations are operating, with five still to open", "won 7 Oscars from 13
    nominations, leaving six unrewarded", "his 15th major, three shy of Nicklaus's
    18". Without one, a list's counts add up by chance ("six authors: three
    British, three American", "27 points and 11 rebounds, while Dekker added 16")."""
    q = c.quantity
    if q is None or q.qualifier not in _STATED or not 0 < q.value:
        return False
    value = _as_written(c)
    if value is None or value != int(value):
        return False
    if value > OWN_SMALL_MAX and significant_digits(q.surface_value) < PRECISE_SUM_DIGITS:
        return False  # "Deaths (407) and discharges (237) together account for 644": precise
    sent = target.sentence_at(c.start)
    if sent is None or not _arithmetic_beside(target.text, c):
        return False
    # each side of the figure read apart, so a number written on both sides counts
    # twice: "had also killed two, so four miners have died across the two incidents"
    others = sorted(
        x for side in (target.text[sent.start:c.start], target.text[c.end:sent.end])
        for x in text_numbers(side) if x == int(x) and x > 0
    )
    if not 2 <= len(others) <= OWN_NUMBERS_MAX - 1:
        return False
    return any(
        a + b == value or b - a == value
        for i, a in enumerate(others) for b in others[i + 1:]
    )


_GAP_OPERANDS = ("exact", "approx", "more_than", "at_least", "at_most", "less_than")
GAP_NEIGHBOURS = 2  # figures of the gap's kind either side of it weighed as its operands


def _operands(q: Quantity) -> tuple[float, ...]:
    """The numbers a figure gives a gap: a move's or a range's two ends ("from
    £169.50 to £176.45"), a bound's number, a stated figure's."""
    if q.qualifier == "range":
        ends = (q.low, q.high)
    elif q.qualifier in _GAP_OPERANDS:
        ends = (q.value,)
    else:
        return ()
    return ends if all(0 < v < math.inf for v in ends) else ()


def _move_beside(text: str, c: Claim) -> bool:
    """A word of change just before the figure: "a rise of just £250"."""
    words = _change_words()
    before = _WORD.findall(text[max(0, c.start - 40):c.start])[-ARITHMETIC_REACH:]
    return any(w.lower() in words for w in before)


@cache
def _change_words() -> frozenset[str]:
    table = wordlists.data("change_words.json")
    return frozenset(w for d in ("up", "down") for w in table[d] if " " not in w)


def own_measure_gap(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """A measure or an amount that is the gap between two larger others of its kind its
    own sentence states, with a word of arithmetic beside it: "a maximum draft of 44 ft,
    down 6 ft from 50 ft", "23.66p a litre, about 6.3p short of the 30p they need".
    A bound's number is the limit's value ("at least 30p" is the 30p needed). Counts
    and percents have their own rules (``own_sum_or_difference``, ``own_points_gap``)."""
    q = c.quantity
    spans = q is not None and q.qualifier == "range" and "from-to" not in q.attributes
    if (
        q is None or not (q.qualifier in _GAP_OPERANDS or spans) or not q.value > 0
        or q.dimension in ("percent", "percentage_point")
    ):
        return False
    if q.dimension == "count":
        # a count is a gap of its sentence's two others by its own rule
        # (``own_sum_or_difference``); here only of a move written by its ends
        # (tried with any two counts: a planted count of a never-read probe round
        # met a gap by chance)
        return (
            _arithmetic_beside(target.text, c) or _move_beside(target.text, c)
        ) and _is_gap(q, _move_ends_gap(target.text, figures, c))
    others = _gap_operands(figures, c, q)
    if len(others) < 2 or not (
        _arithmetic_beside(target.text, c) or _move_beside(target.text, c)
        # a margin: "beat Keitany's mark of 2:17:01 by 45 seconds", "4 minutes 44
        # seconds off his 2:14:17 personal best"
        or _MARGIN_BESIDE.search(target.text, max(0, c.start - 4), c.start)
        or _OFF_AFTER.match(target.text, c.end)
    ):
        return False
    # the gap is the smaller figure: "40.9C, 0.8C above the previous record of 40.1C"
    # makes 40.1 the gap of 40.9 and 0.8 too, and one of them is the source's
    top = q.high if spans else q.value
    gaps = [abs(a - b) for a, b in combinations(others, 2) if top < min(a, b)]
    # ... but a range's own two ends have one gap, whatever its size: "between 0.3
    # and 1.4 m down, a difference of about 1.1 m"
    gaps += _range_spans(near_ranges(figures, c)) + _move_ends_gap(target.text, figures, c)
    if spans:
        # "22.1-22.5 million tonnes against 18.4 million, a gain of 3.7 to 4.1
        # million": each end the gap of a range's end and the other figure
        return all(_is_gap(replace(q, qualifier="approx", value=e), gaps) for e in (q.low, q.high))
    return _is_gap(q, gaps)


_MARGIN_BESIDE = re.compile(r"\bby\s{1,2}$", re.IGNORECASE)
_OFF_AFTER = re.compile(r"\s{1,2}(?:off|outside|inside|short\s+of|clear\s+of)\b", re.IGNORECASE)


def near_ranges(figures: Sequence[Claim], c: Claim) -> list[Quantity]:
    """The ranges of ``c``'s kind its sentence writes right before it."""
    q = c.quantity
    assert q is not None
    kind = [f for f in figures if f.sentence == c.sentence and f.quantity is not None
            and f.quantity.dimension == q.dimension]
    at = next((k for k, f in enumerate(kind) if f is c), None)
    if at is None:
        return []
    return [f.quantity for f in kind[max(0, at - GAP_NEIGHBOURS):at]
            if f.quantity is not None and f.quantity.qualifier == "range"]


# "from 18.6 million in 1993 to 4.6 million": a move's two ends, written apart
_FROM_BEFORE = re.compile(r"\bfrom\s{1,2}$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"^(?:\s{1,2}(?:in|on|at)\s{1,2}[\w-]+(?:\s[\w-]+)?)?,?\s{1,2}to\s{1,2}$")


def _move_ends_gap(text: str, figures: Sequence[Claim], c: Claim) -> list[float]:
    """The gap of a move written by its two ends right before ``c``, whatever its
    size: "dropped from 18.6 million in 1993 to 4.6 million in 2023, a loss of 14
    million" (a gap larger than one end)."""
    q = c.quantity
    assert q is not None
    kind = [f for f in figures if f.sentence == c.sentence and f.end <= c.start
            and f.quantity is not None and f.quantity.dimension == q.dimension]
    if len(kind) < 2:
        return []
    a, b = kind[-2], kind[-1]
    aq, bq = a.quantity, b.quantity
    assert aq is not None and bq is not None
    if aq.qualifier not in _STATED or bq.qualifier not in _STATED:
        return []
    if _FROM_BEFORE.search(text, max(0, a.start - 8), a.start) is None or (
        _TO_BETWEEN.match(text[a.end:b.start]) is None
    ):
        return []
    return [abs(aq.value - bq.value)]


def _range_spans(ranges: Sequence[Quantity]) -> list[float]:
    return [r.high - r.low for r in ranges if 0 < r.low < r.high < math.inf]


def _gap_operands(figures: Sequence[Claim], c: Claim, q: Quantity) -> list[float]:
    """The operands stand next to the gap ("from £169.50 to £176.45, almost £7 more a
    week"): the figures of its kind either side of it, however long the sentence."""
    kind = [
        f for f in figures
        if f.sentence == c.sentence and f.quantity is not None
        and f.quantity.dimension == q.dimension and (f is c or _operands(f.quantity))
    ]
    at = next(k for k, f in enumerate(kind) if f is c)
    return [
        v for f in kind[max(0, at - GAP_NEIGHBOURS):at + GAP_NEIGHBOURS + 1]
        if f is not c and f.quantity is not None for v in _operands(f.quantity)
    ]


def _is_gap(q: Quantity, gaps: list[float]) -> bool:
    if q.qualifier in _FLOOR:
        return any(q.value <= g <= q.value * BOUND_GAP_REACH for g in gaps)
    if q.qualifier in _CAP:
        return any(q.value / BOUND_GAP_REACH <= g <= q.value for g in gaps)
    # a hedged gap may be off by a unit of its last digit ("about 6.3p" for 6.34p)
    slack = q.value * q.tolerance * (2.0 if q.qualifier == "approx" else 1.0) + 1e-12
    return any(abs(g - q.value) <= slack for g in gaps)


def _as_written(c: Claim) -> float | None:
    """A count's value, or the number a span of years is written with ("a man 25
    years his junior" beside the two men's ages, 85 and 60)."""
    q = c.quantity
    assert q is not None
    if q.dimension == "count":
        return q.value
    if q.dimension == "duration" and "year" in q.surface_unit.lower() and (
        "age" not in q.attributes  # "the 33-year-old" is a person's age, no gap
    ):
        got = text_numbers(q.surface_value)
        return next(iter(got)) if len(got) == 1 else None
    return None


_WORD = re.compile(r"[A-Za-z]+")
ARITHMETIC_REACH = 5  # words either side of the figure read for a word of arithmetic


def _arithmetic_beside(text: str, c: Claim) -> bool:
    words = wordlists.words("worked_out_words.txt") | wordlists.words("own_arithmetic_words.txt")
    before = _WORD.findall(text[max(0, c.start - 40):c.start])[-ARITHMETIC_REACH:]
    after = _WORD.findall(text[c.end:c.end + 40])[:ARITHMETIC_REACH]
    # ... or inside it, where the word was read as the figure's noun ("four short")
    return any(w.lower() in words for w in before + _WORD.findall(c.text) + after)


def own_share_or_change(
    target: Document, figures: Sequence[Claim], c: Claim, before: Sequence[Claim] = ()
) -> bool:
    """``c`` is a share its own sentence works out: a percent of a whole it states
    ("around 3,000 jobs (3% of the combined 100,000 workforce)", "roughly 824,000
    of the 1,216,246 ballots" at 67.76%), or the change in percent of a move it
    states ("rises by about 10%, from $8.8 billion to $9.66 billion")."""
    q = c.quantity
    if q is None or not q.value > 0:
        return False
    if q.qualifier not in _STATED:
        return _bound_share(figures, c, q)
    claims = [
        f for f in figures
        if f is not c and f.sentence == c.sentence and f.quantity is not None
        and f.quantity.qualifier in (*_STATED, "range")
    ][:OWN_NUMBERS_MAX]
    mine = [f.quantity for f in claims if f.quantity is not None]
    slack = q.value * q.tolerance * (2.0 if q.qualifier == "approx" else 1.0) + 1e-9 * q.value
    if q.dimension == "percent":
        return any(abs(x - q.value) <= slack for x in _own_percents(target, c, claims, mine))
    percents = [f.value for f in mine if f.dimension == "percent" and f.qualifier in _STATED]
    wholes = [f.value for f in mine if f.dimension == q.dimension and f.qualifier in _STATED]
    wholes += _wholes_before(target, c, before)
    return any(
        abs(p / 100 * w - q.value) <= slack for p in percents for w in wholes if w > q.value
    ) or _whole_of_a_part(target, c, percents, wholes, slack)


def _whole_of_a_part(
    target: Document, c: Claim, percents: list[float], parts: list[float], slack: float
) -> bool:
    """The whole a part and its share give, said so: "54.75 million kW, or 80% of
    everything newly installed — implying roughly 68 million kW"."""
    q = c.quantity
    return q is not None and _arithmetic_beside(target.text, c) and any(
        abs(w / (p / 100) - q.value) <= slack for p in percents if 0 < p < 100
        for w in parts if w < q.value
    )


def _wholes_before(target: Document, c: Claim, before: Sequence[Claim]) -> list[float]:
    """Wholes of the claim's kind the sentence before states, where a word says the
    claim is worked out: "11,164 tonnes, down 44%. The UK gets 47.3%, which works out
    to roughly 5,300 tonnes"."""
    q = c.quantity
    if q is None or not _arithmetic_beside(target.text, c):
        return []
    return [
        f.quantity.value for f in before if f.quantity is not None
        and f.quantity.dimension == q.dimension and f.quantity.qualifier in _STATED
    ][:OWN_NUMBERS_MAX]


# A sentence (or list line) that opens by pointing back to the one before
_POINTS_BACK = re.compile(
    r"\s*(?:\d{1,2}[.)]\s*|[-*•]\s{1,2})?"
    r"(?:(?:That|This|It)(?:'s|’s|\s(?:is|was|means|meant|would\sbe|works|comes|equals"
    r"|implies|averages|adds))|So)\b"
)
SHARE_EDGE = 1.2  # "just over half": up to a fifth past the edge
LINES_BACK = 2  # sentences before a pointing-back one read for the share's two counts


def own_share_of_line_before(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """A share a sentence pointing back works out from two counts of the two
    sentences before (a list line may hold two): "2. 78 people were on board. At
    least 41 died" then "3. That means just over half of those aboard were killed"."""
    q = c.quantity
    if q is None or not (q.dimension == "percent" or (q.dimension == "count" and 0 < q.value < 1)):
        return False
    sent = target.sentence_at(c.start)
    if sent is None or sent.index == 0 or _POINTS_BACK.match(sent.text) is None:
        return False
    scale = 100.0 if q.dimension == "percent" else 1.0
    lo, hi = q.low / scale, min(q.high / scale, 1.0)
    if q.qualifier in ("more_than", "at_least"):
        hi = min(lo * SHARE_EDGE, 1.0)
    elif q.qualifier in ("less_than", "at_most"):
        lo = hi / SHARE_EDGE
    # the sentences before, list markers ("3.") aside
    back = [
        s.index for s in reversed(target.sentences[max(0, sent.index - 2 * LINES_BACK):sent.index])
        if any(ch.isalpha() for ch in s.text)
    ][:LINES_BACK]
    counts = [
        f.quantity.value for f in figures
        if f.sentence in back and f.quantity is not None
        and f.quantity.dimension == "count" and f.quantity.value >= 1
    ][:PARTS_MAX]
    return any(lo <= a / b <= hi for a in counts for b in counts if a < b)


def own_gap_of_lines_before(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """A difference a sentence pointing back works out, with a word of arithmetic,
    from two figures of its kind on the two lines before: "- 17th close pass:
    394,736 mph ... - 16th pass: 364,610 mph ... - So between the two it sped up by
    about 30,000 mph". Each figure it is worked from is checked on its own."""
    q = c.quantity
    if q is None or q.qualifier not in _GAP_OPERANDS or not q.value > 0 or q.dimension in (
        "percent", "percentage_point"
    ):
        return False
    sent = target.sentence_at(c.start)
    if sent is None or sent.index == 0 or _POINTS_BACK.match(sent.text) is None or not (
        _arithmetic_beside(target.text, c) or _move_beside(target.text, c)
    ):
        return False
    back = [
        s.index for s in reversed(target.sentences[max(0, sent.index - 2 * LINES_BACK):sent.index])
        if any(ch.isalpha() for ch in s.text)
    ][:LINES_BACK]
    others = [
        v for f in figures
        if f.sentence in back and f.quantity is not None
        and f.quantity.dimension == q.dimension for v in _operands(f.quantity)
    ][:PARTS_MAX]
    # lines apart, the gap keeps its own rounding only: "about 40,000" is no 30,126
    slack = q.value * q.tolerance + 1e-12
    return any(
        abs(abs(a - b) - q.value) <= slack
        for a, b in combinations(others, 2) if q.value < max(a, b)
    )


_BOUND_FAMILIES = (("more_than", "at_least"), ("less_than", "at_most"))


def _bound_share(figures: Sequence[Claim], c: Claim, q: Quantity) -> bool:
    """A bound on a share of a whole its sentence states, from a bound of the same
    side on the percent: "20 years; with at least 85% to be served, a minimum of
    17 years"."""
    family = next((f for f in _BOUND_FAMILIES if q.qualifier in f), None)
    if family is None:
        return False
    edge = q.low if family[0] == "more_than" else q.high
    slack = edge * q.tolerance + 1e-9 * edge
    mine = [
        f.quantity for f in figures
        if f is not c and f.sentence == c.sentence and f.quantity is not None
    ][:OWN_NUMBERS_MAX]
    percents = [
        (f.low if family[0] == "more_than" else f.high) for f in mine
        if f.dimension == "percent" and f.qualifier in family
    ]
    wholes = [f.value for f in mine if f.dimension == q.dimension and f.qualifier in _STATED]
    return any(
        abs(p / 100 * w - edge) <= slack for p in percents for w in wholes if w > edge
    ) or _just_inside(mine, wholes, family[0] == "less_than", edge) or _bound_on_share(
        mine, q, family[0] == "more_than", edge
    )


def _just_inside(mine: Sequence[Quantity], wholes: list[float], cap: bool, edge: float) -> bool:
    """An exact share's part of a whole just inside the bound: "the UK's 64.8% share
    is just under 60,000 t" of 92,337 t."""
    exact = [f.value for f in mine if f.dimension == "percent" and f.qualifier in _STATED]
    return any(
        0 <= (edge - p / 100 * w) * (1 if cap else -1) <= edge * JUST_INSIDE
        for p in exact for w in wholes if w > edge
    )


JUST_INSIDE = 0.05  # "just under 60,000" for 59,834: a bound this close to the part


BOUND_SHARE_REACH = 0.15  # "under 5%" for 4.6%: a bound close above (or below) the share


def _bound_on_share(mine: Sequence[Quantity], q: Quantity, floor: bool, edge: float) -> bool:
    """A bound on the share one amount its sentence states is of another: "has received
    just $1.1m of the $24m sought, under 5%" (4.6%)."""
    if q.dimension != "percent":
        return False
    amounts = [f for f in mine if f.dimension != "percent" and f.qualifier in _STATED
               and f.value > 0]
    # ... or of a part bounded on the share's side: "More than 6,000 of roughly
    # 20,000 living retirees, at least 30%"
    side = _FLOORS if floor else ("less_than", "at_most")
    parts = amounts + [f for f in mine if f.dimension != "percent" and f.qualifier in side
                       and 0 < f.value < math.inf]
    lo, hi = (edge, edge * (1 + BOUND_SHARE_REACH)) if floor else (
        edge * (1 - BOUND_SHARE_REACH), edge
    )
    return any(
        lo <= 100 * a.value / w.value <= hi
        for a in parts for w in amounts if w.dimension == a.dimension and w.value > a.value
    )


# A word of change right before a percent: "a rise of roughly 43%", "up about 38%"
_CHANGE_BEFORE = re.compile(
    r"\b(?:rise|rose|risen|up|increase[ds]?|grew|growth|jump(?:ed)?|gain(?:ed)?|fall|fell"
    r"|down|decline[ds]?|drop(?:ped)?|decrease[ds]?)\b[^.;\d]{0,20}$",
    re.IGNORECASE,
)
CHANGE_REACH = 40  # characters before a percent read for its word of change


def _percents_worked(
    claims: Sequence[Claim], mine: Sequence[Quantity], rest: bool = False, moved: bool = False
) -> Iterator[float]:
    """The percents a sentence's figures work out: the change of a move it
    states, the share one figure is of another, and, where it says so, the rest
    of a share it states ("48% of the combined company, while existing Woodside
    holders keep the remaining 52%"). ``moved``: a word of change stands before the
    percent, which may be the change between two figures of one kind the sentence
    states ("Sh16.9bn ... vs Sh11.8bn a year earlier, a rise of roughly 43%")."""
    for f in claims:
        if f.quantity is not None and _is_move(f):
            yield _change_percent(f.quantity)
    yield from _shares(mine)
    if moved:
        stated = [f for f in mine if f.qualifier in _STATED and f.dimension != "percent"]
        for a, b in combinations(stated, 2):
            if a.dimension == b.dimension and 0 < min(a.value, b.value):
                yield (max(a.value, b.value) / min(a.value, b.value) - 1) * 100
                yield (1 - min(a.value, b.value) / max(a.value, b.value)) * 100
    if rest:
        yield from (100 - f.value for f in mine
                    if f.dimension == "percent" and f.qualifier in _STATED and 0 < f.value < 100)


# A part and what is left of the whole beside it: "392 of those deaths, about 86%,
# leaving 64 elsewhere". Fixed words: linear.
_LEFT_OVER = re.compile(r"\b(?:leaving|elsewhere|the\srest|remaining|remainder)\b", re.IGNORECASE)


# Two sides of a vote or tally, in digits: "49,836 to 35,062". Linear.
_SIDE_DIGITS = r"(\d{1,3}(?:,\d{3})+|\d{2,})"
_SIDES = re.compile(rf"(?<![\d.,]){_SIDE_DIGITS}\sto\s{_SIDE_DIGITS}(?![\d.,]\d|%)")


def _own_percents(
    target: Document, c: Claim, claims: Sequence[Claim], mine: Sequence[Quantity]
) -> Iterator[float]:
    """The percents the claim's sentence works out, by the words it holds."""
    sent = target.sentence_at(c.start)
    text = sent.text if sent is not None else ""
    moved = _CHANGE_BEFORE.search(target.text, max(0, c.start - CHANGE_REACH), c.start)
    yield from _percents_worked(claims, mine, _REST.search(text) is not None, bool(moved))
    if _LEFT_OVER.search(text):
        yield from _shares_of_part_and_rest(mine)
        # "BHP holders end up with 58%, leaving Billiton's side with 42%"
        yield from (
            100.0 - f.value for f in mine
            if f.dimension == "percent" and f.qualifier in _STATED and 0 < f.value < 100
        )
    for m in _SIDES.finditer(text):
        # "won by 14,774 votes, 49,836 to 35,062, or roughly 59% to 41%": each side's
        # share of the two
        a, b = (float(x.replace(",", "")) for x in m.groups())
        if a > 0 and b > 0:
            yield a / (a + b) * 100
            yield b / (a + b) * 100


def _shares_of_part_and_rest(mine: Sequence[Quantity]) -> Iterator[float]:
    """The share one stated count is of it and another stated count together."""
    counts = [f.value for f in mine if f.dimension == "count" and f.qualifier in _STATED]
    for a, b in combinations(counts, 2):
        if a > 0 and b > 0:
            yield a / (a + b) * 100
            yield b / (a + b) * 100


def _shares(mine: Sequence[Quantity]) -> Iterator[float]:
    """The shares one stated figure of a sentence is of another ("took 3.2
    million of Vietnam's 7.1 million tonnes, about 45%")."""
    stated = [f for f in mine if f.qualifier in _STATED]
    for a in stated:
        for b in stated:
            share = _share_of(a, b)
            if share is not None:
                yield share


def _share_of(a: Quantity, b: Quantity) -> float | None:
    """``a`` as a percent of ``b``: two figures of one kind, or a bare number
    before a figure its unit is written once for ("3.2 million of Vietnam's
    7.1 million tonnes"), read as written."""
    if "percent" in (a.dimension, b.dimension):
        return None
    if a.dimension == b.dimension:
        x, y = a.value, b.value
    elif a.dimension == "count" and not a.surface_unit and written_figures(b):
        x, y = a.value, max(written_figures(b))
    else:
        return None
    return x / y * 100 if 0 < x < y else None


def _is_move(c: Claim) -> bool:
    """A move of two levels: "rose from X to Y", "from $8.8 billion to $9.66 billion"."""
    q = c.quantity
    return q is not None and q.qualifier == "range" and q.low > 0 and (
        q.change in ("up", "down") or c.text.lower().startswith("from ")
    )


def _change_percent(q: Quantity) -> float:
    start, end = (q.low, q.high) if q.change == "up" else (q.high, q.low)
    return abs(end - start) / start * 100
