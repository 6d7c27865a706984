"""Vague amounts and multiplier words: "dozens of", "a few hundred", "tenfold"."""

from __future__ import annotations

from typing import Any

from ...text import numbers
from .lexicon import word_list
from .mention import Core, Draft
from .qualifiers import qualifier_before
from .state import Scan
from .tokens import DASHES

_UNSCALED = word_list("vague_unscaled")
_SCALED_BY_NEXT = word_list("vague_scaled_by_next")
_NEED_QUALIFIER = word_list("multipliers_needing_qualifier")
_MULTIPLIER_SUFFIXES = word_list("multiplier_suffixes")


def word_core(sc: Scan, i: int) -> tuple[Core, int | None] | None:
    """A figure written as words at ``i`` ("dozens of", "a few", "tenfold"), with the token
    where its counted noun starts after an "of" (or None)."""
    t, lx = sc.t, sc.lx
    low = t.low[i]
    if low in lx.of_vague and i + 1 < t.n and t.low[i + 1] == "of":
        return dozens_of_nouns(sc, i)
    got = vague_phrase(sc, i)
    if got is not None:
        return got
    if low in lx.folds or low in lx.multipliers:
        return multiplier_word(sc, i)
    return None


def dozens_of_nouns(sc: Scan, i: int) -> tuple[Core, int | None]:
    """"dozens of rail cars", "tens of thousands of", "hundreds of millions of"."""
    t, lx = sc.t, sc.lx
    n = t.n
    low = t.low[i]
    lo, hi = lx.of_vague[low]
    last = i
    j = i + 2
    # "tens of thousands of", "hundreds of millions of"
    if j < n and t.low[j] in lx.of_vague and t.low[j] not in _UNSCALED:
        scale = numbers.scale_of(t.low[j]) or 1.0
        if low in _SCALED_BY_NEXT and scale > 1:
            lo, hi = lo * scale, hi * scale
            last = j
            j += 1 if not (j + 1 < n and t.low[j + 1] == "of") else 2
    core = Core(
        value=(lo + hi) / 2, first=i, last=last, digits="", kind="vague",
        vague=(lo, hi),
    )
    return core, j if t.low[j - 1] == "of" else None


def vague_phrase(sc: Scan, i: int) -> tuple[Core, int | None] | None:
    """"several", "a few hundred", "a handful of stores", "several dozen"."""
    t, lx = sc.t, sc.lx
    n = t.n
    for phrase, (lo, hi) in lx.vague_phrases.items():
        k = len(phrase)
        if tuple(t.low[i : i + k]) == phrase and i + k < n and t.kind[i + k] == "w":
            if t.low[i + k] in ("of",) and phrase[-1] != "of":
                if k == 1:
                    continue  # "several of them": a pronoun, not a count
            last = i + k - 1
            nw = numbers.number_words()
            scale = nw["scales"].get(t.low[i + k]) or nw["dozen"].get(t.low[i + k])
            if t.low[i + k] == "hundred":
                scale = 100
            if scale:
                # "a few hundred", "several thousand", "several dozen"
                lo, hi = lo * scale, hi * scale
                last = i + k
            core = Core(
                value=(lo + hi) / 2, first=i, last=last, digits="", kind="vague",
                vague=(lo, hi),
            )
            nxt = last + 1
            of = nxt + 1 if nxt < n and t.low[nxt] == "of" else None  # "a handful of stores"
            return core, of
    return None


_MULTIPLE_OF = frozenset(("the", "what", "that", "its", "their", "his", "her", "our", "this"))
# A verb's base form after these is the verb ("is expected to double", "would
# treble"): the multiple of its subject, no "double bed"
_MODALS = frozenset(("will", "would", "could", "should", "may", "might", "can", "to", "must"))
_PHRASAL_AFTER = frozenset(("down", "check", "up", "back", "over", "as"))
_QUOTE_MARKS = frozenset(('"', "“", "”", "'", "‘", "’"))


def _after_modal(low: list[str], i: int, multipliers: dict[str, float]) -> bool:
    """A modal before the verb at ``i``, over an adverb ("could potentially double"),
    another such verb ("could double or triple") and quotation marks."""
    j = _skip_quotes(low, i - 1)
    if j >= 1 and low[j] in ("or", "and"):
        j = _skip_quotes(low, j - 1)
        if j >= 1 and low[j] in multipliers:
            j = _skip_quotes(low, j - 1)
    if j >= 1 and low[j].endswith("ly"):
        j -= 1
    return j >= 0 and low[j] in _MODALS


def _skip_quotes(low: list[str], j: int) -> int:
    while j >= 1 and low[j] in _QUOTE_MARKS:
        j -= 1
    return j


def multiplier_word(sc: Scan, i: int) -> tuple[Core, int | None] | None:
    """"tenfold", "twice", "doubled"; "double" only after a qualifier, never "double-digit"."""
    t, lx = sc.t, sc.lx
    low = t.low[i]
    if low in lx.multipliers and low in _NEED_QUALIFIER:
        # "more than double", or "double what economists expected", "triple the
        # size": a multiple of what follows; "a double bed", "triple jump" are none
        multiple = i + 1 < t.n and t.low[i + 1] in _MULTIPLE_OF and not (
            i > 0 and t.low[i - 1] in ("a", "an", "the")  # "the double that won"
        ) or (
            # "would treble in the current year"; not "agreed to double down"
            _after_modal(t.low, i, lx.multipliers)
            and not (i + 1 < t.n and t.low[i + 1] in _PHRASAL_AFTER)
        )
        if not multiple and not qualifier_before(sc, i)[0]:
            return None
    if i + 1 < t.n and t.tx[i + 1] in DASHES and t.glued(i + 1):
        return None  # "double-digit"
    value = lx.folds.get(low) or lx.multipliers[low]
    return Core(value=value, first=i, last=i, digits="", kind="multiplier"), None


# Words after "N times" that leave it a count of occasions: "fought three times
# in all", "arrested three times since 2010", "won it three times, in 1990";
# any other word makes a multiple ("three times higher", "6.5 times earnings")
_OCCASIONS_AFTER = frozenset((
    "in", "since", "during", "before", "after", "this", "last", "and", "but", "so",
    "while", "when", "on", "at", "for", "already", "now", "with", "between", "against",
    "until", "throughout", "overall", "altogether", "each", "every",
))


def _occasions(t: Any, k: int) -> bool:
    """Whether "N times" ending before token ``k`` counts occasions: a clause or
    sentence end after it, or a word that starts a new phrase. "three times last
    year" counts occasions; "three times last year's 51,838" multiplies a possessor."""
    if k >= t.n or t.kind[k] != "w":
        return True
    return t.low[k] in _OCCASIONS_AFTER and not _possessive_after(t, k + 1)


def _possessive_after(t: Any, k: int) -> bool:
    """A possessive "'s" ends the word at ``k``: "last year's", "this season's"."""
    return k + 2 < t.n and t.kind[k] == "w" and t.tx[k + 1] in ("'", "’") and t.low[k + 2] == "s"


def times_or_fold_after(sc: Scan, d: Draft, whole: bool = True) -> None:
    """A multiplier word after a number: "three times", "10-fold"; after a fraction
    always ("about 3.5 times last winter's 1,548": no one does a thing 3.5 times)."""
    t = sc.t
    pos = d.pos
    if pos >= t.n:
        return
    lw = t.low[pos]
    p2 = pos
    if t.tx[pos] in DASHES and t.glued(pos) and pos + 1 < t.n:
        p2 = pos + 1
        lw = t.low[p2]
    if lw == "times" and whole and _occasions(t, p2 + 1):
        return  # "arrested three times", "fought three times": occasions, counted
    if lw in _MULTIPLIER_SUFFIXES:
        d.kind = "multiplier"
        d.surface_unit = lw
        d.last = p2
        d.pos = p2 + 1
