"""Figures a reader works out across kinds of figure: a rate told for another
period, a rate over a stated time, a share of a stated whole, a multiple undone,
an amount in another currency at the rate the document's own pair implies.

Loose summaries do this arithmetic all the time, and no source writes the
result: "£137 a month (roughly £1,650 a year)"; "$1 million a year ... $12m
across the 12-year stay" for "$1 million a year" and "a 12-year loan"; "65% (about
39 lots)" of "60 works"; "$380,000, ten times its estimate (about $38,000)". Each
value keeps the figures it was worked from and the sentences they stand in;
``WorkedOut`` holds a claim to them as it does to sums and differences, by the
words the sentences share and the figures the claim's own sentence states.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ...model import Claim
from .agreement import PERIOD_DAYS, period_of

DAY_SECONDS = 86_400.0
# A rate over a time of this many of its periods at most ("$1 million a year" over
# "a 12-year loan"); past it the time is a history, not the rate's span
PERIODS_MAX = 100
PARTS_MAX = 4  # figures of one kind a sentence gives; past it, any product lands anywhere
MULTIPLE_MIN, MULTIPLE_MAX = 1.5, 100.0  # "ten times its estimate"; "1.1 times" is no multiple
_STATED = frozenset(("exact", "approx", "more_than", "at_least", "at_most", "less_than"))


@dataclass(frozen=True)
class Across:
    """A value worked out across kinds: its dimension, the figures it was worked
    from (as their numbers), the sentences they stand in, and the period a rate
    is told for (None for a total)."""

    value: float
    dimension: str
    parts: tuple[float, ...]
    sentences: tuple[int, ...]
    per: str | None
    # holds only where the claim's sentence states one of the figures it was worked
    # from: those of figures paragraphs apart ("$1 million a year" and, sentences
    # before, "the 10-year loan"), and shares of wholes, which a sentence of a few
    # percents and amounts gives by the dozen ("65% (about 39 lots)" of 60 works)
    beside_only: bool = False


@dataclass(frozen=True)
class _Figure:
    value: float
    dimension: str
    per: str | None  # "year" for "$1 million a year"


def across_kinds(claims: Sequence[Claim], text: str = "") -> Iterator[Across]:
    """Every value worked out across kinds from one document's figures (``text``:
    the document's, where its amounts are given in two currencies): each
    sentence's, or with the sentence before."""
    yield from _currencies_converted(claims, text)
    by_sentence: dict[int, list[_Figure]] = {}
    for c in claims:
        q = c.quantity
        # a bound's arithmetic is the bound's: "as much as £300 a month, or £3,600 a
        # year"; "over five years" is the time a rate runs
        if q is None or not (q.qualifier in _STATED or q.dimension == "ratio"):
            continue
        if not (math.isfinite(q.value) and q.value > 0):
            continue
        by_sentence.setdefault(c.sentence, []).append(_Figure(q.value, q.dimension, _per(c)))
    times = {
        s: [f.value / DAY_SECONDS for f in figures if f.dimension == "duration"]
        for s, figures in by_sentence.items()
    }
    for s in sorted(by_sentence):
        here = by_sentence[s]
        if len(here) > 2 * PARTS_MAX:
            continue
        near = here + by_sentence.get(s - 1, [])
        sentences = (s - 1, s) if s - 1 in by_sentence else (s,)
        yield from _rates_told_otherwise(here, (s,))
        yield from _rates_over_time(here, times.get(s, []) + times.get(s - 1, []), sentences)
        for t in sorted(times):
            if t not in (s, s - 1) and times[t]:
                yield from _rates_over_time(here, times[t], (s, t), beside_only=True)
        yield from _shares_of_wholes(here, near, sentences)
        yield from _multiples_undone(here, (s,))


# "93.5 million pounds ($150.5 million)", "£612m, or $832.6m": an amount, then the
# same in another currency. Bounded: linear.
_CONVERTED = re.compile(r"\s{0,2}(?:\(|,\s{1,2}or\s{1,2}|/\s{0,2})(?:about\s|around\s|roughly\s)?$")
CONVERTED_REACH = 16  # characters between an amount and its conversion
AMOUNTS_MAX = 60  # amounts of a document converted at its own rate: bounded on any text


def _currencies_converted(claims: Sequence[Claim], text: str) -> Iterator[Across]:
    """Every amount of a currency a document also gives in another, at the rate the
    document's own pair implies: "13.5 million pounds" is about $21.7 million where
    it writes "93.5 million pounds ($150.5 million)"."""
    if not text:
        return
    money = [
        c for c in claims if c.quantity is not None and c.quantity.dimension.startswith("currency:")
        and c.quantity.qualifier in _STATED and c.quantity.value > 0
    ]
    rates: dict[tuple[str, str], float] = {}
    for a, b in pairwise(sorted(money, key=lambda c: c.start)):
        qa, qb = a.quantity, b.quantity
        assert qa is not None and qb is not None
        if (
            qa.dimension != qb.dimension and 0 < b.start - a.end <= CONVERTED_REACH
            and _CONVERTED.search(text, a.end, b.start) is not None
        ):
            rates.setdefault((qa.dimension, qb.dimension), qb.value / qa.value)
            rates.setdefault((qb.dimension, qa.dimension), qa.value / qb.value)
    if not rates or len(money) > AMOUNTS_MAX:
        return
    for c in money:
        q = c.quantity
        assert q is not None
        for (from_dim, to_dim), rate in sorted(rates.items()):
            if q.dimension == from_dim:
                yield Across(q.value * rate, to_dim, (q.value,), (c.sentence,), _per(c), True)


def _per(c: Claim) -> str | None:
    assert c.quantity is not None
    return period_of(c.quantity)


def _amount(f: _Figure) -> bool:
    return f.dimension == "count" or f.dimension.startswith("currency:")


def _rates_told_otherwise(here: list[_Figure], sentences: tuple[int, ...]) -> Iterator[Across]:
    """ "£137 a month" is £1,644 a year: a rate for each other period."""
    for f in here:
        if f.per is None:
            continue
        for other, days in PERIOD_DAYS.items():
            if other != f.per:
                v = f.value * days / PERIOD_DAYS[f.per]
                yield Across(v, f.dimension, (f.value,), sentences, other)


def _rates_over_time(
    here: list[_Figure], times: list[float], sentences: tuple[int, ...], beside_only: bool = False
) -> Iterator[Across]:
    """A rate times a time it runs ("$1 million a year" over "a 10-year loan": $10
    million); ``times`` in days. Not an amount over a time as a rate ("£96,000 over
    eight hours", "about £12,000 an hour"): tried, it met a planted wrong figure of a
    never-read probe round, and summaries seldom divide so."""
    if not times or len(times) > PARTS_MAX:
        return
    for f in here:
        if not _amount(f) or f.per is None:
            continue
        for days in times:
            n = days / PERIOD_DAYS[f.per]
            if 1 < n <= PERIODS_MAX:
                yield Across(
                    f.value * n, f.dimension, (f.value, round(n, 6)), sentences, None, beside_only
                )


def _shares_of_wholes(
    here: list[_Figure], near: list[_Figure], sentences: tuple[int, ...]
) -> Iterator[Across]:
    """A percent of an amount: "65%" of "60 works" is 39 works."""
    shares = [f.value for f in here if f.dimension == "percent" and f.value < 100]
    wholes = [f for f in near if _amount(f) and f.per is None]
    if not shares or len(shares) > PARTS_MAX or len(wholes) > PARTS_MAX:
        return
    for p in shares:
        for w in wholes:
            yield Across(p / 100 * w.value, w.dimension, (p, w.value), sentences, None, True)


def _multiples_undone(here: list[_Figure], sentences: tuple[int, ...]) -> Iterator[Across]:
    """An amount and a multiple of one sentence: "sold for $380,000, ten times its
    estimate" gives the estimate, $38,000 (and the amount ten times over); "a 15 per
    cent rise ..., three times the growth rate of the GP workforce" gives 5%."""
    multiples = [
        f.value for f in here if f.dimension == "ratio" and MULTIPLE_MIN <= f.value <= MULTIPLE_MAX
    ]
    amounts = [f for f in here if _amount(f) or f.dimension == "percent"]
    if not multiples or len(multiples) > PARTS_MAX or len(amounts) > PARTS_MAX:
        return
    for r in multiples:
        for a in amounts:
            for v in (a.value / r, a.value * r):
                yield Across(v, a.dimension, (a.value, r), sentences, a.per)
