"""Anniversaries as figures: "the second anniversary of the invasion" is two years.

The quantity scanner skips ordinals on purpose ("first", "2nd place" are not
quantities), but an anniversary's ordinal is a duration an AI summary can get
wrong ("second anniversary" where the source says "one-year anniversary").
Each becomes a duration claim with the subject "anniversary".
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ..model import Claim, Document
from ..text import numbers, units, wordlists
from .base import Context, Recognizer
from .measure_claims import measure_claim

SUBJECT = "anniversary"

_ORDINAL_DIGITS = re.compile(r"(\d{1,4})(st|nd|rd|th)$")


@cache
def _data() -> dict[str, Any]:
    return wordlists.data("anniversaries.json")


@cache
def _units() -> frozenset[str]:
    return frozenset(_data()["units"])


@cache
def _pattern() -> re.Pattern[str]:
    """The anniversary phrases, built from the word lists in the data file.
    Bounded word lengths and no nested repetition: linear on any input."""
    data = _data()
    nouns = "|".join(sorted(map(re.escape, data["nouns"]), key=len, reverse=True))
    fixed = "|".join(sorted(map(re.escape, data["fixed"]), key=len, reverse=True))
    return re.compile(
        r"\b(?P<count>\d{1,4}(?:st|nd|rd|th)?|[A-Za-z]{3,12}(?:-[A-Za-z]{3,8})?)"
        r"(?:[- ](?P<unit>year|month|week|day)s?)?"
        rf"[- ](?P<noun>{nouns})\b|\b(?P<fixed>{fixed})\b",
        re.IGNORECASE,
    )


def ordinal_value(word: str) -> int | None:
    """"fifth" is 5, "twenty-fifth" 25; None for any other word."""
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
    n = ordinal_value(low)
    if n is not None:
        return float(n)
    if unit:  # "one-year anniversary", "six-month anniversary"
        spelled = numbers.spelled_value(low.split("-"))
        if spelled is not None and spelled[1] == len(low.split("-")):
            return spelled[0]
    return None


@cache
def _triggers() -> tuple[str, ...]:
    """Lower-case words one of which every anniversary phrase contains."""
    data = _data()
    return (*data["nouns"], *data["fixed"])


def _has_trigger(low: str, triggers: tuple[str, ...]) -> bool:
    for t in triggers:  # a plain loop: a generator costs more than the tests
        if t in low:
            return True
    return False


def extract_anniversaries(doc: Document) -> list[Claim]:
    if not _has_trigger(doc.text.lower(), _triggers()):
        return []  # most texts name no anniversary: skip the word-by-word scan
    claims: list[Claim] = []
    for m in _pattern().finditer(doc.text):
        if m.group("fixed"):
            value, unit = float(_data()["fixed"][m.group("fixed").lower()]), "year"
        else:
            count, written_unit = m.group("count"), m.group("unit")
            head, _, tail = count.rpartition("-")
            if written_unit is None and tail.lower().rstrip("s") in _units():
                count, written_unit = head, tail.lower().rstrip("s")  # "one-year", "first-year"
            unit = (written_unit or "year").lower()
            got = _years_or_units(count, written_unit)
            if got is None or got <= 0:
                continue
            value = got
        info = units.lookup(unit + "s")
        if info is None:
            continue
        claims.append(measure_claim(
            doc, m.start(), m.end(), value, info, m.group("count") or m.group("fixed"),
            unit + "s", subject=SUBJECT, attributes=(SUBJECT,),
        ))
    return claims


class AnniversaryRecognizer(Recognizer):
    """"The second anniversary" as two years, outside table rows."""

    name = "anniversaries"
    category = "quantity"

    def recognize(self, doc: Document, context: Context) -> list[Claim]:
        return context.outside_rows(extract_anniversaries(doc))
