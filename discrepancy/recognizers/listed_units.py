"""A list whose unit is written once, with its first figure: "Saudi Arabia committed
to 500,000 bpd, Iraq 211,000, the UAE 144,000 and Oman 40,000"; and a list of
ages whose "aged" is written once: "aged 0–4 years, 5–9 years and 65 years or above".

The quantity grammar reads each later figure alone, a bare count of nothing; the
checks then find no count of 211,000 in a source that writes "211,000 barrels per
day". A bare figure that follows a figure with a unit in its sentence, set apart
from it only by a comma or an "and" and a name (", Iraq ", " and the UAE "), with
nothing counted after it, is read in that unit. The name is what makes it a list
of one measure: "500,000 bpd, 211,000 people" names its own thing, and "500,000
bpd in May, and 3 more" carries nothing.

A figure set against the one before ("two years rather than 15") is in its unit.

The earlier end of a move written after its later one carries the unit too:
"8.2 million tonnes of rice this year, up from a previous forecast of 7.5
million". Both write the same scale word, and only words of a comparison stand
between them ("up from", "compared with", "a previous forecast of").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Claim, Document, Quantity
from ..text import units

# Between two figures of a list: a comma or "and", then a name of one to four words
# (each capitalized, "the" allowed first), then the figure. Bounded repeats, no
# nested quantifiers: linear on any text.
_LINK = re.compile(
    r"(?:,\s(?:and\s)?|\sand\s)(?:the\s)?[A-Z][\w.'’&-]{0,30}(?:\s[A-Z][\w.'’&-]{0,30}){0,3}\s"
)
# What may follow a listed figure: the list going on or the clause ending
_AFTER = re.compile(r"\s?(?:[,;.)]|and\b|while\b|whereas\b|$)")


def _bare(c: Claim) -> bool:
    q = c.quantity
    return (
        q is not None and q.dimension == "count" and not c.subject and not q.surface_unit
        and q.qualifier in ("exact", "approx") and not q.attributes
    )


def _unit_of(q: Quantity) -> float | None:
    """The factor from the written number to the canonical unit, for a figure whose
    unit a list may carry; None for counts and units not read from words."""
    if q.dimension == "count" or q.qualifier not in ("exact", "approx"):
        return None
    if q.dimension.startswith("currency:"):
        return 1.0  # the scale word stays with each figure ("$5bn, Google 3bn")
    info = units.lookup(q.surface_unit) if q.surface_unit else None
    if info is None or info.offset or info.dimension != q.dimension:
        return None
    return info.factor


def carry_list_units(doc: Document, quantities: list[Claim]) -> list[Claim]:
    """``quantities`` with each bare figure of a list read in the list's unit,
    and each span of years in a list of ages an age."""
    carried: dict[int, Claim] = {}
    prev: Claim | None = None
    for c in sorted(quantities, key=lambda c: (c.start, c.end)):
        if prev is not None and _next_age(doc.text, prev, c):
            q = c.quantity
            assert q is not None
            carried[id(c)] = c = replace(c, quantity=replace(q, attributes=(*q.attributes, "age")))
        elif prev is not None and _bare(c) and _links(doc.text, prev, c):
            pq, q = prev.quantity, c.quantity
            factor = _unit_of(pq) if pq is not None else None
            if factor is not None and pq is not None and q is not None and _worded_share(pq, c):
                factor *= 100.0  # "Asia Pacific 32%, the Americas a quarter": 25%
            if factor is not None and pq is not None and q is not None:
                carried[id(c)] = c = replace(c, quantity=replace(
                    q, dimension=pq.dimension, unit=pq.unit, low=q.low * factor,
                    high=q.high * factor, value=q.value * factor,
                    surface_unit=pq.surface_unit,
                ))
        prev = c
    return [carried.get(id(c), c) for c in quantities] if carried else quantities


def _worded_share(pq: Quantity, c: Claim) -> bool:
    """A share in words ("a quarter", "half") listed after a percent: a part of one."""
    q = c.quantity
    return (
        pq.dimension == "percent" and q is not None and 0 < q.value <= 1
        and not any(ch.isdigit() for ch in c.text)
    )


def _links(text: str, prev: Claim, c: Claim) -> bool:
    if prev.sentence != c.sentence or c.start - prev.end > 80:
        return False
    if _MOVE_LINK.fullmatch(text, prev.end, c.start) is not None:
        return _same_scale(prev.text, c.text) and _AFTER.match(text, c.end) is not None
    link = _LINK.fullmatch(text, prev.end, c.start) or _CONTRAST.fullmatch(
        text, prev.end, c.start
    )
    return link is not None and _AFTER.match(text, c.end) is not None


# A figure set against the one before it in the same unit, written once: "a
# maximum of two years rather than 15", "three hours instead of five", "20 km,
# not 30". Fixed words: linear.
_CONTRAST = re.compile(
    r",?\s(?:rather\sthan|instead\sof|not|compared\s(?:with|to)|versus|vs\.?)\s"
)


# Between a figure and the earlier end of its move: up to four words of what was
# measured ("of rice this year"), a comparison ("up from", "compared with"), up to
# five words naming the earlier figure ("a previous forecast of"). Bounded repeats
# (a fixed number of ways to split the words): linear.
_MOVE_LINK = re.compile(
    r"(?:\s[a-z]{1,20}){0,4},?\s"
    r"(?:(?:up|down|higher|lower|rising|falling|compared|against)\s)?(?:from|with|versus|vs\.?)"
    r"(?:\s(?:a|an|the|its|their|his|her|previous|earlier|prior|initial|original|last|year's"
    r"|year’s|forecast|estimate|projection|target|level|figure|of)){0,5}\s"
)
_SCALE = re.compile(r"\b(?:thousand|million|billion|trillion|bn|mn)\b|\d(?:m|bn|k)\b")


def _same_scale(a: str, b: str) -> bool:
    sa, sb = _SCALE.search(a), _SCALE.search(b)
    return sa is not None and sb is not None and sa.group().lstrip("0123456789") == (
        sb.group().lstrip("0123456789")
    )


# Between two ages of a list: "aged 0–4 years, 5–9 years, 10–64 years and 65 years or above"
_AGE_JOIN = re.compile(r",\s(?:and\s|or\s)?|\s(?:and|or)\s")


def _next_age(text: str, prev: Claim, c: Claim) -> bool:
    """``c`` is a span of years listed right after an age: an age too."""
    pq, q = prev.quantity, c.quantity
    return (
        pq is not None and q is not None and "age" in pq.attributes
        and "age" not in q.attributes and q.dimension == "duration" == pq.dimension
        and prev.sentence == c.sentence
        and _AGE_JOIN.fullmatch(text, prev.end, c.start) is not None
    )
