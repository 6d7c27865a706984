"""Totals and multiples a summary works out from the figures its own sentence states.

"India placed 71st with one silver and five bronze, six medals in all"; "Europe
61,800, China 45,400, US 32,400, other markets 27,900, about 167,500 cars in
all"; "Half of the $500-million risk adjustment fund, or $250 million"; "a 3.6%
rate rise, 4.3 points below the 7.9% Manitoba Hydro sought". No source
need write the result: each figure it is worked from is checked on its own, and
the arithmetic over them is in plain view.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from ...model import Claim, Document, Quantity
from ...text import wordlists
from .number_index import significant_digits
from .written import text_numbers

# Words that give a figure as a total, within a few words of it. Bounded: linear.
_TOTAL = re.compile(
    r"\b(?:in total|a total of|totall?ing|in all|all told|altogether|combined|overall"
    r"|between them|(?:could|would|will|to)\s+total)\b",
    re.IGNORECASE,
)
TOTAL_WORDS_REACH = 25  # characters either side of the figure searched for a word of a total
_STATED = ("exact", "approx")
PARTS_MAX = 8  # figures before the total added up; past it, a table


def own_total(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """``c`` is the sum of the last two or more figures of its kind before it in
    its sentence, within its rounding, and a word beside it gives it as a total;
    or of all the figures of its kind after it, set out after a colon ("16 people
    were aboard the two aircraft: 14 passengers and two pilots")."""
    q = c.quantity
    if q is None or q.qualifier not in _STATED or not q.value > 0:
        return False
    text = target.text
    mine = [
        f for f in figures
        if f.sentence == c.sentence and f is not c and f.quantity is not None
        and f.quantity.dimension == q.dimension and f.quantity.qualifier in _STATED
    ]
    sent = target.sentence_at(c.start)
    colon = text.find(":", c.end, sent.end if sent is not None else c.end)
    after = [f.quantity.value for f in mine if colon >= 0 and f.start > colon]  # type: ignore[union-attr]
    if 2 <= len(after) <= PARTS_MAX and _adds_up(q, after[::-1]):
        return True
    if _TOTAL.search(text, max(0, c.start - TOTAL_WORDS_REACH), c.end + TOTAL_WORDS_REACH) is None:
        return False
    before = [f.quantity.value for f in mine if f.end <= c.start][-PARTS_MAX:]  # type: ignore[union-attr]
    return _adds_up(q, before) or _earlier_lines_add_up(c, figures)


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
    factors = {_FACTORS[m.group(1).split()[-1].lower()] for m in _MULTIPLE.finditer(sent.text)}
    if not factors:
        return False
    slack = q.value * q.tolerance + 1e-9 * q.value
    return any(
        f is not c and f.sentence == c.sentence and f.quantity is not None
        and f.quantity.dimension == q.dimension and f.quantity.qualifier in _STATED
        and any(abs(k * f.quantity.value - q.value) <= slack for k in factors)
        for f in figures
    )


_POINTS = re.compile(r"\bpoints?\b|\bpp\b", re.IGNORECASE)


def own_points_gap(target: Document, figures: Sequence[Claim], c: Claim) -> bool:
    """``c`` counts the points between two percents its own sentence states:
    "approved a 3.6% rise, 4.3 points below the 7.9% it sought"."""
    q = c.quantity
    if q is None or q.qualifier not in _STATED or not q.value > 0 or not _POINTS.search(c.text):
        return False
    if q.dimension not in ("percentage_point", "count"):
        return False
    shares = [
        f.quantity.value for f in figures
        if f.sentence == c.sentence and f.quantity is not None
        and f.quantity.dimension == "percent" and f.quantity.qualifier in _STATED
    ][:PARTS_MAX]
    # a hedged gap may be off by a unit of its last digit ("about 13 points" for 13.35)
    slack = q.value * q.tolerance * (2.0 if q.qualifier == "approx" else 1.0) + 1e-9
    return any(
        abs(abs(a - b) - q.value) <= slack for i, a in enumerate(shares) for b in shares[i + 1:]
    )


OWN_SMALL_MAX = 100  # whole numbers a sentence's own two others may give
OWN_NUMBERS_MAX = 4  # numbers of a sentence weighed; past it, some two give anything


def own_sum_or_difference(target: Document, c: Claim) -> bool:
    """A small whole number that is the sum or difference of two others its own
    sentence writes, with a word of arithmetic beside it: "13 of the route's 18
    stations are operating, with five still to open", "won 7 Oscars from 13
    nominations, leaving six unrewarded", "his 15th major, three shy of Nicklaus's
    18". Without one, a list's counts add up by chance ("six authors: three
    British, three American", "27 points and 11 rebounds, while Dekker added 16")."""
    q = c.quantity
    if q is None or q.qualifier not in _STATED or not 0 < q.value <= OWN_SMALL_MAX:
        return False
    if q.value != int(q.value) or q.dimension != "count":
        return False
    sent = target.sentence_at(c.start)
    if sent is None or not _arithmetic_beside(target.text, c):
        return False
    rest = target.text[sent.start:c.start] + " " + target.text[c.end:sent.end]
    others = sorted(x for x in text_numbers(rest) if x == int(x) and x > 0)
    if not 2 <= len(others) <= OWN_NUMBERS_MAX - 1:
        return False
    return any(
        a + b == q.value or b - a == q.value
        for i, a in enumerate(others) for b in others[i + 1:]
    )


_WORD = re.compile(r"[A-Za-z]+")
ARITHMETIC_REACH = 5  # words either side of the figure read for a word of arithmetic
# Words of a remainder or a gap beside a small figure, besides those of
# ``data/worked_out_words.txt``: "leaving six unrewarded", "five still to open"
_LEFT_WORDS = frozenset(("leaving", "left", "still", "shy", "unrewarded", "outstanding"))


def _arithmetic_beside(text: str, c: Claim) -> bool:
    words = wordlists.words("worked_out_words.txt") | _LEFT_WORDS
    before = _WORD.findall(text[max(0, c.start - 40):c.start])[-ARITHMETIC_REACH:]
    after = _WORD.findall(text[c.end:c.end + 40])[:ARITHMETIC_REACH]
    return any(w.lower() in words for w in before + after)
