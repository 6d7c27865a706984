"""One unit of time as a duration: "a decade" is ten years, "half a century"
fifty, "more than a year" over twelve months.

The quantity scanner reads figures from a number, and "a" is none, so a source
that says "the study followed patients for a decade" gave a summary's "10-year
study" nothing to meet, and "the investigation took more than a year" nothing
for "over 12 months". The phrase is read only after a word that makes it a
length of time ("for", "lasted", "nearly", "more than", ...;
``data/unit_durations.txt`` and the bounds of ``qualifiers.json``): "$5 a day"
and "twice a year" are rates, "a year earlier" a date.

Only the article states the one, so the claims carry ``ARTICLE``: a summary's
"for a year" that no source supports commits to little and is reported low.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import Claim, Document
from ..text import units, wordlists
from .anniversaries import _has_trigger
from .base import Context, Recognizer
from .measure_claims import measure_claim

# Marks the claims read here: a unit with only an article for its number.
ARTICLE = "article"
# "a decade" rounds like a one-digit figure of years: 9 to 11 years.
TOLERANCE = 0.1

# Bounded word lengths, no nested repetition: linear on any input. "a year-long
# inquiry" is a year; "a year-old" child no length of anything; "lower than a year
# ago" compares with a date.
_PATTERN = re.compile(
    r"\b(?P<lead>[a-z]{2,13}(?:[ ](?:than|least))?)[ ](?P<half>half[ ])?an?[ ]"
    r"(?P<unit>[a-z]{3,9})\b(?!-(?!long\b))(?![ ](?:ago|earlier)\b)",
    re.IGNORECASE,
)
_TRIGGERS = (" a decade", " a century", " a fortnight", " a year", " a month", " a week",
             " a day", " an hour", " a minute", "the last ", "the past ", "decade", "century",
             "fortnight")
# "a decade ago" (as "10 years ago" is read); "over the last year", "in the past
# decade": one unit back from the story's date.
_AGO = re.compile(r"\b(?P<half>half[ ])?an?[ ](?P<unit>[a-z]{4,9})[ ]ago\b", re.IGNORECASE)
_COMPARED_WITH = re.compile(r"\b(?:than|from|with|versus|vs\.?)[ ]$", re.IGNORECASE)
# "over the decade", "over the next decade": a long unit's whole length, ahead
# or at large (news budgets "save $80 billion over the decade"); the shorter units
# after "over the" are frames ("over the year"), no lengths
_OVER_THE = re.compile(
    r"\b(?:over|during|across|throughout)[ ](?P<span>the[ ](?:(?:next|coming|following)[ ])?"
    r"(?P<unit>decade|century|fortnight))\b(?![ -]?(?:old|long)\b)",
    re.IGNORECASE,
)
# ... a span back only after a word that makes it one, and not of a named whole:
# "at the last minute" is an idiom, "the last week of May" a week, "in the last
# minute of the game" a moment
_THE_LAST = re.compile(
    r"\b(?:[Oo]ver|[Ii]n|[Dd]uring|[Ff]or|[Ww]ithin|[Tt]hroughout|[Aa]cross)[ ]"
    r"(?P<span>the[ ](?:last|past)[ ](?P<unit>[a-z]{4,9}))\b"
    r"(?![ -]?(?:old|long)\b)(?![ ]of\b)",
    re.IGNORECASE,
)


# A comparative of another figure, then a date it is compared with: "lower than a
# year before" is no "under a year"
_BASE_AFTER = re.compile(r"[ ](?:before|prior|previously)\b", re.IGNORECASE)


@cache
def _leads() -> dict[str, str]:
    """The qualifier each lead word or phrase gives the duration after it."""
    out = {
        phrase: qualifier
        for phrase, (qualifier, _change) in wordlists.data("qualifiers.json")["before"].items()
    }
    for qualifier, words in wordlists.sections("unit_durations.txt").items():
        if qualifier not in ("units", "long_leads", "long_units"):
            out.update(dict.fromkeys(words, qualifier))
    return out


# A figure right before "over": its number, a percent sign or "per cent". Bounded.
_FIGURE_BEFORE = re.compile(r"\d(?:%|\s?per\s?cent|\s?percent)?\s{1,2}$", re.IGNORECASE)


def unit_duration(m: re.Match[str], doc: Document) -> Claim | None:
    """The duration of one match, or None when its words make no length of time."""
    lead, unit = m.group("lead").lower(), m.group("unit").lower()
    if lead.split()[0] in wordlists.words("comparatives.txt") and _BASE_AFTER.match(
        doc.text, m.end("unit")
    ):
        return None  # "2% lower than a year before": the date compared with
    sections = wordlists.sections("unit_durations.txt")
    qualifier = _leads().get(lead) or (
        "exact" if lead in sections["long_leads"] and unit in sections["long_units"] else None
    )
    if qualifier is None or unit not in wordlists.sections("unit_durations.txt")["units"]:
        return None
    if lead == "over" and _FIGURE_BEFORE.search(doc.text, max(0, m.start() - 24), m.start()):
        # "drops to just 34.6% over a decade", "rose 5% over a year": the span a figure
        # is told over, as after "for"; "jailed for over a decade" stays a bound
        qualifier = "exact"
    info = units.lookup(unit)
    if info is None:
        return None
    half = m.group("half") is not None
    # a bound is part of the figure ("more than a year"); "for" is not
    start = m.start("lead") if qualifier != "exact" else (
        m.start("half") if half else m.end("lead") + 1
    )
    return measure_claim(
        doc, start, m.end("unit"), 0.5 if half else 1.0, info,
        "half a" if half else "a", unit,
        attributes=(ARTICLE,), qualifier=qualifier, tolerance=TOLERANCE,
    )


def extract_unit_durations(doc: Document) -> list[Claim]:
    low = " " + doc.text.lower()
    if not _has_trigger(low, _TRIGGERS):
        return []  # most texts have none: skip the scan
    found = [unit_duration(m, doc) for m in _PATTERN.finditer(doc.text)]
    taken = [(c.start, c.end) for c in found if c is not None]
    for rx in (_AGO, _THE_LAST, _OVER_THE):
        for m in rx.finditer(doc.text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if _COMPARED_WITH.search(doc.text, max(0, m.start() - 12), m.start()):
                continue  # "lower than a year ago", "up from a year ago": a date compared with
            found.append(_one_back(m, doc))
    return [c for c in found if c is not None]


def _one_back(m: re.Match[str], doc: Document) -> Claim | None:
    """"a decade ago": ten years; "the last year": one year (exact, low when unsupported)."""
    unit = m.group("unit").lower()
    if unit not in wordlists.sections("unit_durations.txt")["units"]:
        return None
    info = units.lookup(unit)
    if info is None:
        return None
    half = "half" in m.groupdict() and m.group("half") is not None
    start = m.start("half") if half else m.start("span") if "span" in m.groupdict() else (
        m.start()
    )
    end = m.end("unit")
    return measure_claim(
        doc, start, end, 0.5 if half else 1.0, info, "half a" if half else "a", unit,
        attributes=(ARTICLE,), tolerance=TOLERANCE,
    )


class UnitDurationRecognizer(Recognizer):
    """"A decade", "half a century", "more than a year" as durations, outside
    table rows."""

    name = "unit_durations"
    category = "quantity"

    def recognize(self, doc: Document, context: Context) -> list[Claim]:
        found = context.outside_rows(extract_unit_durations(doc))
        if not found:
            return found  # most texts have none: spare the spans of what came before
        taken = context.prose_spans()  # "a decade and a half" is read whole before
        return [c for c in found if not taken.overlaps(c)]
