"""Words that bound or move a figure: "about", "more than", "or more", "rose"."""

from __future__ import annotations

from functools import cache

from ...text import wordlists
from .lexicon import word_list
from .mention import Draft, Mention
from .state import Scan
from .tokens import DASHES, PLUS, Tokens

_ADVERBS = word_list("change_adverbs")
# The attribute of an approximate figure that stops short of its number ("nearly
# 300", "almost 1,700"): it says the opposite of "more than 300".
BELOW = "below"


@cache
def below_phrases() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(p.split()) for p in wordlists.data("qualifiers.json")["below"])
# the change codes of a figure that moved (not words)
_MOVED = ("up", "down")


def qualifier_before(sc: Scan, first: int) -> tuple[str, str, int]:
    """(qualifier, change, index of its first token) for words right before ``first``."""
    t, lx = sc.t, sc.lx
    if first > 0 and t.tx[first - 1] in ("~", "≈", "∼", "〜"):
        return "approx", "~", first - 1
    if first > 1 and t.tx[first - 1] in DASHES and t.low[first - 2] == "sub":
        if t.glued(first - 1) and t.glued(first):
            return "less_than", "<", first - 2
    if first == 0 or t.low[first - 1] not in lx.q_before_ends:
        return "", "=", first  # every phrase ends right before the figure: none can here
    # longest phrase first: "less than or equal to" (5 tokens) before "equal to"
    for k in (5, 4, 3, 2, 1):
        s = first - k
        if s < 0:
            continue
        phrase = tuple(t.low[s:first])
        got = lx.q_before.get(phrase)
        if got is not None:
            if phrase == ("over",) and _figure_just_before(sc, s):
                return "", "=", first
            if phrase == ("up", "to") and s > 0 and t.low[s - 1] in _ADDING:
                return "", "=", first  # "the four gifts add up to $3 billion": a total
            if got[0] == "exact":
                return "", "=", s
            return got[0], got[1], s
    return "", "=", first


_ADDING = frozenset(("add", "adds", "added", "adding", "sum", "sums", "summed", "summing"))


def _figure_just_before(sc: Scan, s: int) -> bool:
    """A figure and at most two words of its noun right before "over": "won with
    2,001,926 votes over 1,617,989 for yes" sets one figure against another,
    "rose 5% over 12 months" gives a span of time; "over" bounds a figure only
    after a word ("killed over 100")."""
    t = sc.t
    words = 0
    # (markdown's emphasis between is no word: "**£22.6bn** extra over two years")
    for j in range(s - 1, max(-1, s - 8), -1):
        if t.tx[j] in ("*", "**", "_"):
            continue
        if t.kind[j] == "n" or t.tx[j] == "%":
            return True
        words += 1
        if t.kind[j] != "w" or t.tx[j][0].isupper() or words >= 3:
            return False
    return False


def change_before(sc: Scan, s: int) -> tuple[str, bool] | None:
    """("up"|"down", is_adverb) for a change verb shortly before token ``s``."""
    t, lx = sc.t, sc.lx
    j = s - 1
    steps = 0
    while j >= 0 and steps < 4:
        low = t.low[j]
        if low in lx.up or low in lx.down:
            if low in _PARTICLES and j >= 1 and t.low[j - 1] in _particle_verbs():
                return None  # "made up 40% of", "gave up $500m": no move
            direction = "up" if low in lx.up else "down"
            return direction, low in _ADVERBS
        if low in lx.change_skip:
            j -= 1
            steps += 1
            continue
        if j >= 1 and t.low[j - 1] in _OBJECT_DETERMINERS:
            j -= 2  # "boosted its output by 50,000 b/d": the verb's object, then its change
            steps += 2
            continue
        return None
    return None


_OBJECT_DETERMINERS = frozenset(("its", "their", "his", "her", "our", "the"))
_PARTICLES = frozenset(("up", "down"))


@cache
def _particle_verbs() -> frozenset[str]:
    return frozenset(wordlists.data("change_words.json")["particle_verbs"])


_CAPS = frozenset(("at_most", "less_than"))
_FLOORS = frozenset(("at_least", "more_than", "plus"))


def _figure_starts(t: Tokens, i: int) -> bool:
    """A figure starts at token ``i``: its digits, or a symbol glued to them."""
    return t.kind[i] == "n" or (
        t.kind[i] == "p" and i + 1 < t.n and t.kind[i + 1] == "n" and t.glued(i + 1)
    )


def qualifier_after_figure(sc: Scan, d: Draft) -> None:
    """A qualifier after the figure: "20 million+", "or more"."""
    t, lx = sc.t, sc.lx
    j = d.last + 1
    if j + 1 < t.n and t.tx[j] in DASHES and t.low[j + 1] == "plus" and t.glued(j) and (
        t.glued(j + 1)
    ):
        # "11 million-plus passengers", "a 100-plus crowd": the figure's floor
        q2, c2, end_tok = "plus", ">", j + 1
    elif j < t.n and t.tx[j] in PLUS and t.glued(j):
        q2, c2, end_tok = "plus", ">", j
    else:
        for k in (2, 1):
            if j + k > t.n:
                continue
            got = lx.q_after.get(tuple(t.low[j : j + k]))
            if j + k < t.n and (t.low[j + k] == "than" or _figure_starts(t, j + k)):
                # "less than 30 or more than 50", "$3.2 million a day and over $1.2
                # billion annually": the words open the next figure's bound
                got = None
            if got is not None and not (k == 1 and t.low[j] == "plus"):
                q2, c2, end_tok = got[0], got[1], j + k - 1
                break
        else:
            return
    if not d.qual or d.qual in ("exact",) or (q2 == "plus" and d.qual == "approx") or (
        d.qual in _CAPS and q2 in _FLOORS
    ):
        # "some 30-plus years": the floor says more than the hedge before it; "up to
        # 37 percent or above": the words after the cap take it back
        d.qual, d.change = q2, c2
    d.last = end_tok
    d.pos = max(d.pos, end_tok + 1)


def restated_move(sc: Scan, d: Draft, prev: Mention, unscaled: bool) -> tuple[str, bool] | None:
    """The move of the figure just before, which this one restates."""
    t = sc.t
    q = d.qfirst
    before = t.low[q - 1]
    if before == "or" and t.tx[q - 2] == ",":
        # "lost 190 points, or 0.6%": the second figure restates the first.
        if prev.end == t.en[q - 3] and prev.change in _MOVED:
            return prev.change, False
    elif before == "to":
        # "rose 18 sen to RM23.50": the price after a move is reported as moving too
        if prev.end == t.en[q - 2] and prev.change in _MOVED:
            if d.currency is not None and unscaled and not d.is_range:
                return prev.change, False
    elif t.tx[q - 1] == "(":
        # "7.5 million crowns (US $1.1 million)": a conversion restates the figure
        if prev.end == t.en[q - 2] and d.change == "=" and prev.change != "~":
            d.change = prev.change
    return None


CHANGE_NOUN_REACH = 8  # tokens back from a move's "from" to the noun naming the move


def _change_noun_before(sc: Scan, opener: int) -> tuple[str, bool] | None:
    """A change noun opening the clause of a move's "from": "An increase in the
    value-added tax rate from 14 per cent to 15 per cent" rose."""
    t, lx = sc.t, sc.lx
    for j in range(opener - 1, max(-1, opener - 1 - CHANGE_NOUN_REACH), -1):
        if t.kind[j] == "n" or (t.kind[j] == "p" and t.tx[j] not in DASHES):
            return None
        low = t.low[j]
        if low in lx.up or low in lx.down:
            return ("up" if low in lx.up else "down"), False
    return None


def change_of_figure(sc: Scan, d: Draft, previous: list[Mention], unscaled: bool) -> None:
    """The direction the figure moved: a change verb before it ("rose 5%"), or the
    move of the figure it restates."""
    verb_change = change_before(sc, d.qfirst)
    if verb_change is None and previous and d.qfirst >= 2:
        verb_change = restated_move(sc, d, previous[-1], unscaled)
    strong_qualifier = d.qfirst < d.first - 1 and d.change in (">", "<")
    if d.from_to:
        # "fell from 240 to 273" moved down; in "from up to 252 to 287" the bound
        # is not the change
        d.change = "="
        opener_at = min(d.first, d.qfirst) - 1
        if verb_change is None and opener_at >= 0 and sc.t.low[opener_at] == "from":
            verb_change = change_before(sc, opener_at) or _change_noun_before(sc, opener_at)
    if verb_change is not None and not strong_qualifier:
        # "rose under 4%" is a rise; "climbed more than 3%" stays ">"
        direction, adverb = verb_change
        if not (adverb and d.change == "~"):
            d.change = direction
