"""The driver: walk a sentence's tokens and read a figure at each token that can start one."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from ...text import units
from ...text.numbers import scale_of
from .assemble import finish
from .cores import currency_prefix, read_core
from .lexicon import word_list
from .mention import Mention, Skip
from .ranges import join_bounds
from .state import Scan
from .tokens import CURRENCY_CHARS, VULGAR
from .vague import word_core


def _alternation(name: str) -> str:
    """The words of list ``name`` as a regex alternation of literals (a space: any space)."""
    words = sorted(word_list(name), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace("\\ ", r"\s") for w in words)


# Words between two figures that make the second a figure of the same thing:
# "3.9 million headsets, up from 2.4 million", "$5bn, against 4bn a year ago".
# Literal alternatives and bounded repeats only: linear time.
_MOVES = _alternation("carry_moves")
_BETWEEN = _alternation("carry_between")
# ... past a month the first is dated by: "462,000 tonnes in July, compared with 496,600"
_CARRY_BETWEEN = re.compile(
    rf"(?:\s(?:in|during)\s[A-Z][a-z]{{2,8}})?"
    rf"[\s,(]{{0,3}}(?:(?:{_MOVES})\s)?(?:{_BETWEEN})\s{{1,2}}$", re.IGNORECASE
)


# "OPEC will cut 800,000 bpd and its partners 400,000": a clause whose verb and
# unit are left out after "and" and a determiner
_GAPPED_CLAUSE = re.compile(
    r",?\s{1,2}and\s{1,2}(?:its|their|the|his|her)\s{1,2}[a-z]{2,20}(?:\s[a-z]{2,20})?\s{1,2}"
)
# "fell 530,000 barrels a day to 32.6 million a day": the second figure writes
# the first's rate but leaves its unit out
_RATE_JOIN = re.compile(r"\s{1,2}(?:to|from|and)\s{1,2}", re.IGNORECASE)


def _same_rate(prev: Mention, m: Mention, gap: str) -> bool:
    return bool(m.attributes) and m.attributes == prev.attributes and (
        _RATE_JOIN.fullmatch(gap) is not None
    )


# "the 200- and 400-meter freestyle", "10- or 20-acre plots": a hyphen left
# hanging after the first number, whose unit the second writes
_SUSPENDED = re.compile(r"-\s{1,2}(?:and|or|to)\s{1,2}", re.IGNORECASE)


def carry_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """A bare number compared with the figure just before it takes its unit
    and counted thing ("up from 2.4 million" [headsets]); a number whose hyphen
    hangs takes the unit of the one after it ("200- and 400-meter")."""
    for prev, m in pairwise(mentions):
        if prev.unit == units.COUNT and not prev.subject and m.unit != units.COUNT and (
            prev.kind == "digits" and _SUSPENDED.fullmatch(text[prev.end:m.start])
        ):
            prev.unit, prev.surface_unit = m.unit, m.surface_unit
            if "age" in m.attributes:
                prev.attributes = (*prev.attributes, "age")  # "21- and 22-year-olds"
            continue
        if m.unit != units.COUNT or m.subject or m.kind not in ("digits", "spelled"):
            continue
        if prev.unit == units.COUNT and not prev.subject:
            continue
        gap = text[prev.end:m.start]
        if len(gap) > 30 or (
            _CARRY_BETWEEN.fullmatch(gap) is None and not _same_rate(prev, m, gap)
            and _GAPPED_CLAUSE.fullmatch(gap) is None
        ):
            continue
        if prev.unit.dimension == "percent" and m.value > PERCENT_BASE_MAX:
            continue  # "up 361.8 percent from 971": the count the rise started from
        if _PART_OF_AFTER.match(text, m.end):
            continue  # "grossed $190.6 million from 67 of her 80 dates": a part, counted
        m.unit, m.surface_unit, m.subject = prev.unit, prev.surface_unit, prev.subject
    return mentions


# "67 of her 80 dates", "12 of the 40": a number that counts part of a whole after it
_PART_OF_AFTER = re.compile(
    r"\s{1,2}of\s{1,2}(?:her|his|its|their|the|these|those|our|your)\b", re.IGNORECASE
)
PERCENT_BASE_MAX = 100.0  # a bare number after a percent, past this, is no percent
_LAST_WORD = re.compile(r"([A-Za-z]{1,12})\s{0,3}$")


def _scaled(surface: str) -> bool:
    """"$58 million", "£3bn": a figure whose written number ends in a scale word."""
    m = _LAST_WORD.search(surface)
    return m is not None and scale_of(m.group(1)) is not None


_MONEY_AND = re.compile(r"\s{1,3}(?:and\s{1,3})?")
_CLAUSE_END = re.compile(r"\s{0,3}(?:[.,;:!?)]|$)")


def minor_part(text: str, major: Mention, m: Mention) -> float | None:
    """The minor units that complete ``major``: "thirteen dollars and forty-five cents",
    "15 dollars 50." (a bare two-digit number ending the clause); None otherwise."""
    if major.is_range or m.is_range or major.qualifier != "exact":
        return None
    if major.value != int(major.value) or _scaled(major.surface_value):
        # a scaled amount takes no cents: "$58 million and 30 cents a share"
        # are two figures, last year's profit and its per-share earnings
        return None
    if not major.unit.dimension.startswith("currency:") or units.minor_currency(major.surface_unit):
        return None
    if _MONEY_AND.fullmatch(text[major.end:m.start]) is None:
        return None
    if m.unit == major.unit and units.minor_currency(m.surface_unit) and m.extras["written"] < 100:
        return m.value
    bare = m.unit == units.COUNT and not m.subject and m.kind == "digits"
    # two digits as written: "1m" is a million, no cents
    if bare and len(m.surface_value) == 2 and m.surface_value.isdigit() and (
        _CLAUSE_END.match(text, m.end)
    ):
        return int(m.surface_value) / 100
    return None


def join_minor_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """A sum written in two units as one figure: "thirteen dollars and forty-five cents"
    is 13.45 dollars."""
    out: list[Mention] = []
    for m in mentions:
        cents = minor_part(text, out[-1], m) if out else None
        if cents is None:
            out.append(m)
            continue
        major = out.pop()
        total = major.value + cents
        out.append(replace(
            major, end=m.end, low=total, high=total, value=total, resume=m.resume,
            extras={**major.extras, "written": major.extras["written"] + cents},
        ))
    return out


def scan_sentence(sc: Scan) -> list[Mention]:
    """Every mention in the sentence, left to right."""
    t = sc.t
    starts, prefix_first = sc.lx.figure_starts, sc.lx.prefix_first
    out: list[Mention] = []
    i = 0
    n = t.n
    while i < n:
        k = t.kind[i]
        low = t.low[i]
        if not (
            k == "n"
            or (k == "w" and (low in starts or t.tx[i] in prefix_first))
            or (k == "p" and (t.tx[i] in CURRENCY_CHARS or t.tx[i] in VULGAR))
        ):
            i += 1
            continue
        try:
            m = read_figure(sc, i, out)
        except Skip as skip:
            i = max(skip.resume, i + 1)
            continue
        if m is None:
            i += 1
            continue
        out.append(m)
        i = max(m.resume, i + 1)
    out = others_counted_alike(sc.text, carry_units(sc.text, out))
    out = money_past_a_slash(sc.text, rate_past_a_conversion(sc.text, out))
    out = currency_named_before(scale_into_bare_money(sc.text, out))
    return join_minor_units(sc.text, join_bounds(sc.text, out))


_CONVERSION_GAP = re.compile(r"\s{0,2}\(\s{0,2}")
_RATE_AFTER = re.compile(r"\s{0,2}\)\s{1,2}(?:per|an|a)\s(hour|second|minute)\b", re.IGNORECASE)


def rate_past_a_conversion(text: str, mentions: list[Mention]) -> list[Mention]:
    """"220 kilometres (137 miles) per hour": the rate after the brackets is both
    figures' (speeds, not lengths)."""
    for a, b in pairwise(mentions):
        if a.unit.dimension != "length" or b.unit.dimension != "length":
            continue
        if not _CONVERSION_GAP.fullmatch(text[a.end:b.start]):
            continue
        m = _RATE_AFTER.match(text, b.end)
        if m is None:
            continue
        per = m.group(1).lower()
        ua = units.lookup(f"{a.surface_unit} per {per}")
        ub = units.lookup(f"{b.surface_unit} per {per}")
        if ua is None or ub is None:
            continue
        a.unit, a.surface_unit = ua, f"{a.surface_unit} per {per}"
        b.unit, b.surface_unit = ub, f"{b.surface_unit} per {per}"
    return mentions


# The words before a figure compared with the one before it: "to Sh129 billion last
# year, from Sh120 previously". Bounded: linear.
_COMPARED_BEFORE = re.compile(
    r"\b(?:from|compared\s(?:with|to)|against|versus|vs\.?|than)\s{1,2}$", re.IGNORECASE
)
SCALE_CARRY_RATIO = 10.0  # the two written numbers within this of each other


def scale_into_bare_money(text: str, mentions: list[Mention]) -> list[Mention]:
    """"earnings rose to Sh129 billion last year, from Sh120 previously": money of
    the same currency compared with a scaled amount just before it, written
    without the scale, has that scale (120 billion shillings, not 120); so has
    a count with decimals ("employment grew to 45.63 million from 43.27 in April
    2021"; "from 3" may count three things)."""
    for a, b in pairwise(mentions):
        if a.unit != b.unit or not (
            a.unit.dimension.startswith("currency:")
            # a bare count with decimals counts nothing without its scale
            or (a.unit == units.COUNT and "." in b.surface_value)
        ):
            continue
        if not _scaled(a.surface_value) or _scaled(b.surface_value) or b.is_range:
            continue
        if _COMPARED_BEFORE.search(text, max(0, b.start - 16), b.start) is None:
            continue
        m = _LAST_WORD.search(a.surface_value)
        scale = (scale_of(m.group(1)) if m else None) or 0.0
        if not scale or not 0 < b.value or not (
            1 / SCALE_CARRY_RATIO <= b.value / (a.value / scale) <= SCALE_CARRY_RATIO
        ):
            continue
        b.low, b.high, b.value = b.low * scale, b.high * scale, b.value * scale
        b.extras = {**b.extras, "written": b.value}
    return mentions


def currency_named_before(mentions: list[Mention]) -> list[Mention]:
    """"17.59 billion Danish kroner from last year's 16.37 billion kroner": a
    currency's bare word after the same currency named in full is that currency
    ("kroner" alone names none)."""
    named: dict[str, Mention] = {}
    for m in mentions:
        if m.unit.dimension.startswith("currency:") and " " in m.surface_unit:
            named[m.surface_unit.lower().split()[-1]] = m
        elif m.unit == units.COUNT and m.surface_unit.lower() in named:
            money = named[m.surface_unit.lower()]
            m.unit = money.unit
    return mentions


def money_past_a_slash(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Rs 500/1000 notes": the number after the slash is money of the same currency
    (two denominations, no fraction)."""
    for a, b in pairwise(mentions):
        if text[a.end:b.start] != "/" or b.unit != units.COUNT or b.kind != "digits":
            continue
        if not a.unit.dimension.startswith("currency:") or _scaled(a.surface_value):
            continue
        b.unit, b.surface_unit = a.unit, a.surface_unit
    return mentions


_OTHERS_AFTER = re.compile(r"\s{1,3}others\b", re.IGNORECASE)


def others_counted_alike(text: str, mentions: list[Mention]) -> list[Mention]:
    """"About 25 people reached the boat, 79 others were rescued": the others are
    more of what the count before them counts (people), so a total of the two
    is a total of one thing. ("another 2.6 million" may count another thing:
    "5.4 million beneficiaries ... another 2.6 million people".)"""
    counted: Mention | None = None
    for m in mentions:
        if m.unit == units.COUNT and not m.subject and counted is not None and (
            m.kind in ("digits", "spelled") and _OTHERS_AFTER.match(text, m.end)
        ):
            m.subject = counted.subject
        if m.unit == units.COUNT and m.subject:
            counted = m
    return mentions


def read_figure(sc: Scan, i: int, previous: list[Mention]) -> Mention | None:
    """The mention starting at token ``i``, if any (a veto raises Skip)."""
    t, lx = sc.t, sc.lx
    low = t.low[i]
    if t.kind[i] == "w":
        is_prefix = t.tx[i] in lx.prefix_first
        if not is_prefix or low in lx.spelled_start:
            got = word_core(sc, i)
            if got is not None:
                special = finish(sc, got[0], previous, after_of=got[1])
                if special is not None:
                    return special
        if is_prefix and low not in lx.spelled_start and currency_prefix(sc, i) is None:
            return None
    core = read_core(sc, i)
    if core is None:
        return None
    return finish(sc, core, previous)


def quantities_in_text(text: str) -> list[Mention]:
    """Mentions in one sentence (offsets relative to ``text``).

    Callers must not mutate the mentions: a sentence scanned twice (a claim
    re-read, a benchmark adapter) shares one cached scan.
    """
    return list(_scan(text))


@lru_cache(maxsize=512)
def _scan(text: str) -> tuple[Mention, ...]:
    """The mentions of one sentence, cached (sentences recur across claims and sources)."""
    if _title_case(text):
        # "43 Killed as Jet Overruns Runway", "After Nearly 40 Years": a headline's
        # capitals are its style, not names; read it as prose (same length, so the
        # spans still index the text)
        return tuple(scan_sentence(Scan(_CAPITALIZED.sub(_styled_lower, text))))
    return tuple(scan_sentence(Scan(text)))


_LONG_LOWER = re.compile(r"\b[a-z]{6,}\b")
_CAPITALIZED = re.compile(r"\b[A-Z][a-z]+\b")
_ADDRESS = re.compile(
    r"\d\s(?:[A-Z][a-z]+\s){1,3}(?:Road|Street|Avenue|Lane|Drive|Boulevard|Way|Place|Square"
    r"|Close|Crescent|Terrace|Court|Rd|St|Ave)\b"
)
TITLE_WORDS_MIN = 3  # capitalized words of four letters or more that make a headline


def _styled_lower(m: re.Match[str]) -> str:
    """A headline's capitalized word in lower case, but a currency or unit written
    with its capital ("Rs", "Ksh", "Cdn") kept."""
    word = m.group()
    if word in units.currency_prefixes() or units.is_symbol(word):
        return word
    return word.lower()


def _title_case(text: str) -> bool:
    """A line in title case: no lower-case word of six letters or more, and at
    least three capitalized words of four letters or more."""
    if _LONG_LOWER.search(text) is not None or _ADDRESS.search(text) is not None:
        return False  # prose, or a street address ("575 Wilbraham Road"), whose capitals are names
    return sum(1 for m in _CAPITALIZED.finditer(text) if len(m.group()) >= 4) >= TITLE_WORDS_MIN
