"""Heights written in feet and inches: 5'3", 5′3″, "5 feet 3 inches".

The quantity grammar reads "5 feet" and "3 inches" as two figures, and does not
read 5'3" at all (a count 5 and 3 inches). A description of a missing person
in an article and its summary write the same height both ways, so both are read
here as one length, and the figures they replace are dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Claim, Document, Quantity
from ..text.wordlists import sections

FOOT = 0.3048
INCH = 0.0254
APPROX_SLACK = 0.05  # a hedged height's slack, as the quantity grammar gives "about"
# 5'3" and 5’ 3”: feet 1-8, inches 0-11; the inch mark may be missing (5'3).
# (starts with the digit, so the engine skips ahead to digits; what stands before
# it is checked in code, see _whole_word)
_PRIMES = re.compile(
    r"([1-8])[ \t]?['’′][ \t]?(1[01]|[0-9])(?![\d.])(?:[ \t]?(?:\"|”|″|''|’’))?"
)
_BEFORE_NUMBER = re.compile(r"[\w.'’′]")
# "5 feet 3 inches", "5 feet 3 to 5 feet 4 inches", "6 ft 1": the inches may be
# left to the end of a range or to the reader
_FEET_INCHES = re.compile(
    r"\b([1-8])[ \t]{1,3}(?:feet|foot|ft\.?)[ \t]{1,3}(1[01]|[0-9])\b"
    r"(?:[ \t]{1,3}(?:inches|inch|in\b\.?))?"
    r"(?=[ \t]{0,3}(?:inches|inch|in\b|to\b|and\b|tall\b|[,;.)]|$))"
)
_UNITS = sections("height_units.txt")
_FEET = _UNITS["feet"]
_PRIME_MARKS = ("'", "’", "′")
_INCHES = _UNITS["inches"]
_JOIN = re.compile(r"[ \t]{0,3}(?:and[ \t]{1,3}|,[ \t]{0,3})?")


def _height(
    doc: Document, start: int, end: int, feet: int, inches: int, like: Quantity
) -> Claim | None:
    metres = feet * FOOT + inches * INCH
    if metres <= 0:
        return None  # "0′0\"": no height
    # "roughly 20ft 5in" stays a hedge, as the feet it was read from were
    slack = APPROX_SLACK if like.qualifier == "approx" else 0.0
    q = replace(
        like, low=metres * (1 - slack), high=metres * (1 + slack), value=metres, unit="meter",
        dimension="length", qualifier="approx" if slack else "exact",
        tolerance=INCH / 2 / metres, surface_value=doc.text[start:end], surface_unit="ft",
    )
    sent = doc.sentence_at(start)
    return Claim(doc=doc.id, category="quantity", text=doc.text[start:end], start=start,
                 end=end, sentence=sent.index if sent else 0, quantity=q)


# A whole number, its unit glued on or not: "6", "6ft", "2in" (a pole vault's "20ft 5in")
_WHOLE = re.compile(r"\s*(\d{1,3})\s*([A-Za-z.'’′\"″]{0,6})\s*")


def _whole(q: Quantity | None) -> int | None:
    if q is None:
        return None
    m = _WHOLE.fullmatch(q.surface_value)
    if m is None or (m.group(2) and m.group(2).lower() not in _FEET | _INCHES):
        return None
    return int(m.group(1))


def merge_heights(doc: Document, quantities: list[Claim]) -> list[Claim]:
    """``quantities`` with every height read as one figure."""
    # most texts write no height: a text with no prime and no figure in feet
    # has none to read (as the pattern and as feet beside inches)
    feet = _has_feet(quantities)
    if not feet and not _has_prime(doc.text):
        return quantities
    heights = _written_heights(doc, quantities, feet)
    if feet:
        heights += _feet_beside_inches(doc, quantities)
    if not heights:
        return quantities
    # 5′3″ may be read both ways: by the pattern and as feet beside inches
    heights = list({(h.start, h.end): h for h in heights}.values())
    kept = [
        c for c in quantities
        if not any(c.start < h.end and h.start < c.end for h in heights)
    ]
    return sorted(kept + heights, key=lambda c: (c.start, c.end))


def _has_prime(text: str) -> bool:
    for mark in _PRIME_MARKS:  # a plain loop: a generator costs more than the tests
        if mark in text:
            return True
    return False


def _has_feet(quantities: list[Claim]) -> bool:
    """Whether a figure is written in feet: the first figure of every height the
    grammar reads ("5 feet 3 inches") or "5 feet and 3 inches" are."""
    for c in quantities:
        if c.quantity is not None and c.quantity.surface_unit.lower() in _FEET:
            return True
    return False


def _written_heights(doc: Document, quantities: list[Claim], feet: bool) -> list[Claim]:
    """5'3" and "5 feet 3 inches" read by their patterns (``feet``: a figure is in feet)."""
    template = Quantity(low=0.0, high=0.0, value=0.0)
    patterns = [rx for rx, present in (
        (_PRIMES, _has_prime(doc.text)),
        (_FEET_INCHES, feet),
    ) if present]
    found = (
        _height(doc, m.start(), m.end(), int(m.group(1)), int(m.group(2)), template)
        for rx in patterns
        for m in rx.finditer(doc.text)
        if m.start() == 0 or not _BEFORE_NUMBER.match(doc.text, m.start() - 1)
    )
    return [h for h in found if h is not None]


def _feet_beside_inches(doc: Document, quantities: list[Claim]) -> list[Claim]:
    """ "5 feet and 3 inches": two figures the grammar read, side by side."""
    heights: list[Claim] = []
    by_start = sorted(quantities, key=lambda c: c.start)
    for a, b in zip(by_start, by_start[1:], strict=False):
        qa, qb = a.quantity, b.quantity
        if qa is None or qb is None or not _feet_then_inches(qa, qb):
            continue
        feet, inches = _whole(qa), _whole(qb)
        gap = _JOIN.fullmatch(doc.text, a.end, b.start)
        if feet is None or inches is None or gap is None or inches >= 12:
            continue
        height = _height(doc, a.start, b.end, feet, inches, qa)
        if height is not None:
            heights.append(height)
    return heights


def _feet_then_inches(qa: Quantity, qb: Quantity) -> bool:
    if qa.dimension != "length" or qb.dimension != "length":
        return False
    return qa.surface_unit.lower() in _FEET and qb.surface_unit.lower() in _INCHES
