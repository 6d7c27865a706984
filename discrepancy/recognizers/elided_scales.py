"""Figures whose scale word is left to the figure before them: "1.6 million
gaining, 1.9 losing out", "£4.2bn in 2019 and 3.8bn in 2020" is often "... and 3.8
in 2020".

The quantity grammar reads the second figure as a bare count of 1.9, so a
summary's "1.9 million losing" had no source figure and its difference "some
300,000" none to be worked out from. A bare decimal with no unit, noun or scale
of its own, right after a scaled figure of its sentence and joined to it by a
comma or "and", "while", "but", "against", is read at that figure's scale and
in its unit. A decimal only: "3 million homes, 12 of them empty" counts twelve.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from ..model import Claim, Document
from .elided_money import _scale_word

_FACTOR = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "crore": 1e7, "lakh": 1e5}
# The words between the two: a join, no figure but a year, no clause mark.
# Bounded repetition of fixed-width items: linear.
_BETWEEN = r"(?:[^\d;:()\n]|\b(?:19|20)\d\d\b)"
_JOIN = re.compile(
    rf"{_BETWEEN}{{0,32}}?(?:,|\band\b|\bwhile\b|\bbut\b|\bagainst\b|\bversus\b|\bvs\b)"
    rf"{_BETWEEN}{{0,16}}"
)
SPREAD_MAX = 10.0  # the bare figure within this factor of the scaled one's number


def _bare_decimal(c: Claim) -> bool:
    q = c.quantity
    return (
        q is not None and q.dimension == "count" and not c.subject and not q.surface_unit
        and q.qualifier in ("exact", "approx") and "." in q.surface_value
        and 0 < q.value < 1000 and _scale_word(c.text) is None
    )


def carry_scales(doc: Document, quantities: list[Claim]) -> list[Claim]:
    """``quantities`` (any order) with each bare decimal after a scaled figure read
    at its scale, as above."""
    if not any(_bare_decimal(c) for c in quantities):
        return quantities  # most texts: nothing to carry
    carried: dict[int, Claim] = {}
    for a, b in pairwise(sorted(quantities, key=lambda c: (c.start, c.end))):
        got = _carried(doc, a, b)
        if got is not None:
            carried[id(b)] = got
    return [carried.get(id(c), c) for c in quantities]


def _carried(doc: Document, a: Claim, b: Claim) -> Claim | None:
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None or a.sentence != b.sentence or not _bare_decimal(b):
        return None
    word = _scale_word(a.text)
    factor = _FACTOR.get(word or "")
    if factor is None or not 0 < qa.value < float("inf"):
        return None
    mantissa = qa.value / factor
    if not mantissa / SPREAD_MAX <= qb.value <= mantissa * SPREAD_MAX:
        return None
    if _JOIN.fullmatch(doc.text, a.end, b.start) is None:
        return None
    return replace(b, quantity=replace(
        qb, low=qb.low * factor, high=qb.high * factor, value=qb.value * factor,
        dimension=qa.dimension, unit=qa.unit,
    ))
