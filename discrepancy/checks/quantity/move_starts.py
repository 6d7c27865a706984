"""The level a move started from, where a source gives the move and the level it
reached.

"The central bank raised its key rate to 7.75% (from 7.25%)" where the source says
"raised its benchmark repo rate by 50 basis points to 7.75 percent": no source
writes 7.25%, but the sentence that gives the move and its end gives its start
too, and the summary writes that end beside it. Percentage points (and basis
points) move a percent; a percent moves any other level by its share ("rose 74% to
8.6 million tonnes" from about 4.9 million); any other move is of its level's own
kind ("rose $20 million to $120 million" for "from $100 million").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import pairwise

from ...model import Claim, Document, Quantity

# "by 50 basis points to 7.75 percent", "2 points to 45%": the move, then its end
_TO_LEVEL = re.compile(r"\s{1,2}to\s{1,2}(?:(?:about|around|roughly|nearly)\s{1,2})?$")
TO_LEVEL_REACH = 16
# ... or the move's clause, then the total it brought the level to: "39 new ski
# areas were inaugurated, bringing the total to 742". Bounded words: linear.
_BRINGING_TO = re.compile(
    r"^(?:\s{1,2}[\w-]+){1,6},?\s{1,2}(?:bringing|taking|raising|lifting|pushing|putting)"
    r"\s{1,2}(?:the|its|their)\s{1,2}(?:[\w-]+\s{1,2}){0,3}?"
    r"(?:total|number|tally|count|figure)\s{1,2}to\s{1,2}$",
    re.IGNORECASE,
)
BRINGING_REACH = 120
LEVEL_REL = 1e-6  # the summary's end is the source's, as written
_STATED = frozenset(("exact", "approx"))

Move = tuple[str, float, str, float]  # move's dimension and size, level's dimension and value


def stated_moves(s_quant: Sequence[Claim], docs: Mapping[str, Document]) -> tuple[Move, ...]:
    """Every move a source writes right before "to" and the level it reached."""
    out: list[Move] = []
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for s in s_quant:
        by_sentence.setdefault((s.doc, s.sentence), []).append(s)
    for (doc_id, _), figures in sorted(by_sentence.items()):
        doc = docs.get(doc_id)
        if doc is None:
            continue
        for m, lv in pairwise(figures):
            mq, lq = m.quantity, lv.quantity
            if (
                mq is not None and lq is not None and _stated(mq) and _stated(lq)
                and _moves(mq.dimension, lq.dimension)
                and _level_reached(doc.text, m, lv)
            ):
                out.append((mq.dimension, mq.value, lq.dimension, lq.value))
    return tuple(out)


def _level_reached(text: str, m: Claim, lv: Claim) -> bool:
    """Figure ``lv`` is the level move ``m`` reached: right after "to", or as the
    total its clause brought the level to."""
    gap = lv.start - m.end
    if 0 < gap <= TO_LEVEL_REACH and _TO_LEVEL.search(text, m.end, lv.start) is not None:
        return True
    return 0 < gap <= BRINGING_REACH and _BRINGING_TO.match(text[m.end:lv.start]) is not None


def start_of_stated_move(c: Claim, beside: Iterable[Claim], moves: Sequence[Move]) -> bool:
    """``c`` is where a source's move started, and its own sentence writes where the
    move ended (``beside``)."""
    q = c.quantity
    if q is None or not _stated(q) or not moves:
        return False
    ends = [
        b.quantity.value for b in beside
        if b is not c and b.quantity is not None and b.quantity.dimension == q.dimension
        and _stated(b.quantity)
    ]
    slack = abs(q.value) * max(q.tolerance, 1e-9)
    for move_dim, size, level_dim, level in moves:
        if level_dim != q.dimension or not any(_same(e, level) for e in ends):
            continue
        if _relative(move_dim, level_dim):
            if _relative_start(q, size, level):
                return True
        elif any(abs(q.value - start) <= slack for start in (level - size, level + size)):
            return True
    return False


def ends_of_stated_move(c: Claim, moves: Sequence[Move]) -> bool:
    """``c`` is a move written by its two ends ("from £1.20 to £1.30"), one of them the
    level a source's move reached and the other where that move started: "will rise
    by 10p to £1.30"."""
    q = c.quantity
    if q is None or q.qualifier != "range" or "from-to" not in q.attributes or not moves:
        return False
    for start, end in ((q.low, q.high), (q.high, q.low)):
        if start <= 0:
            continue
        slack = abs(start) * max(q.tolerance, 1e-9)
        for move_dim, size, level_dim, level in moves:
            if level_dim != q.dimension or not _same(end, level):
                continue
            if _relative(move_dim, level_dim):
                if _relative_start(replace(q, value=start, qualifier="exact"), size, level):
                    return True
            elif move_dim == level_dim and any(
                abs(start - s) <= slack + 1e-9 * level for s in (level - size, level + size)
            ):
                return True
    return False


# the move's percent is rounded too: "74%" is 73.5% to 74.5%
PERCENT_ROUNDING = 0.005


def _relative_start(q: Quantity, pct: float, level: float) -> bool:
    """``q`` is where a move of ``pct`` percent, up or down, to ``level`` started:
    "rose 74% to 8.6 million tonnes" started at about 4.9 million."""
    own = q.tolerance * (2.0 if q.qualifier == "approx" else 1.0)
    slack = abs(q.value) * (max(own, 1e-9) + PERCENT_ROUNDING)
    starts = [level / (1 + pct / 100)] + ([level / (1 - pct / 100)] if pct < 100 else [])
    return any(abs(q.value - start) <= slack for start in starts)


def _relative(move_dim: str, level_dim: str) -> bool:
    """A percent move of a level that is no percent: "rose 74% to 8.6 million tonnes"."""
    return move_dim == "percent" and level_dim not in ("percent", "percentage_point")


def _stated(q: Quantity) -> bool:
    return q.qualifier in _STATED and q.value > 0


def _moves(move_dim: str, level_dim: str) -> bool:
    return (
        move_dim == level_dim or (move_dim, level_dim) == ("percentage_point", "percent")
        or _relative(move_dim, level_dim)
    )


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= LEVEL_REL * max(abs(a), abs(b))
