"""Anniversaries as figures: "the second anniversary of the invasion" is two years.

The quantity scanner skips ordinals on purpose ("first", "2nd place" are not
quantities), but an anniversary's ordinal is a duration an AI summary can get
wrong ("second anniversary" where the source says "one-year anniversary").
Each becomes a duration claim with the subject "anniversary".
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from . import numbers, units
from .model import Claim, Document, Quantity
from .quantities import sentence_context

SUBJECT = "anniversary"

# Bounded word lengths and no nested repetition: linear on any input.
_ANNIVERSARY = re.compile(
    r"\b(?P<count>\d{1,4}(?:st|nd|rd|th)?|[A-Za-z]{3,12}(?:-[A-Za-z]{3,8})?)"
    r"(?:[- ](?P<unit>year|month|week|day)s?)?"
    r"[- ](?P<noun>anniversary|anniversaries|observance|commemoration|jubilee)\b"
    r"|\b(?P<fixed>centenary|centennial|bicentenary|bicentennial|tercentenary"
    r"|sesquicentennial)\b",
    re.IGNORECASE,
)
_UNITS = frozenset({"year", "month", "week", "day"})
_ORDINAL_DIGITS = re.compile(r"(\d{1,4})(st|nd|rd|th)$")


@cache
def _data() -> dict[str, Any]:
    text = resources.files("discrepancy").joinpath("data/anniversaries.json").read_text("utf-8")
    return json.loads(text)


def _ordinal(word: str) -> int | None:
    ords: dict[str, int] = _data()["ordinals"]
    if word in ords:
        return ords[word]
    tens, _, ones = word.partition("-")  # "twenty-fifth"
    if ones in ords and ords[ones] < 10:
        t = numbers.spelled_value([tens])
        if t is not None and t[0] in (20, 30, 40, 50, 60, 70, 80, 90):
            return int(t[0]) + ords[ones]
    return None


def _years_or_units(count: str, unit: str | None) -> float | None:
    """The anniversary's value in ``unit`` (years when none is written)."""
    low = count.lower()
    m = _ORDINAL_DIGITS.match(low)
    if m:
        return float(m.group(1))
    if low.isdigit():
        # "10-year anniversary"; a bare "10 anniversary" is no anniversary figure
        return float(low) if unit else None
    n = _ordinal(low)
    if n is not None:
        return float(n)
    if unit:  # "one-year anniversary", "six-month anniversary"
        spelled = numbers.spelled_value(low.split("-"))
        if spelled is not None and spelled[1] == len(low.split("-")):
            return spelled[0]
    return None


_TRIGGERS = ("anniversar", "observance", "commemoration", "jubilee", "centen")


def extract_anniversaries(doc: Document) -> list[Claim]:
    low = doc.text.lower()
    if not any(t in low for t in _TRIGGERS):
        return []  # most texts name no anniversary: skip the word-by-word scan
    claims: list[Claim] = []
    for m in _ANNIVERSARY.finditer(doc.text):
        if m.group("fixed"):
            value, unit = float(_data()["fixed"][m.group("fixed").lower()]), "year"
        else:
            count, written_unit = m.group("count"), m.group("unit")
            head, _, tail = count.rpartition("-")
            if written_unit is None and tail.lower().rstrip("s") in _UNITS:
                count, written_unit = head, tail.lower().rstrip("s")  # "one-year", "first-year"
            unit = (written_unit or "year").lower()
            got = _years_or_units(count, written_unit)
            if got is None or got <= 0:
                continue
            value = got
        info = units.lookup(unit + "s")
        if info is None:
            continue
        v = units.to_canonical(value, info)
        sent = doc.sentence_at(m.start())
        claims.append(Claim(
            doc=doc.id, category="quantity", text=m.group(), start=m.start(), end=m.end(),
            sentence=sent.index if sent else 0, subject=SUBJECT,
            context=sentence_context(sent.text) if sent else (),
            quantity=Quantity(
                low=v, high=v, value=v, unit=info.unit, dimension=info.dimension,
                qualifier="exact", subject=SUBJECT, attributes=(SUBJECT,),
                surface_value=m.group("count") or m.group("fixed"), surface_unit=unit + "s",
            ),
        ))
    return claims
