"""Durations in two to four units: "one hour and 17 minutes", "2 hours, 1 minute,
39 seconds", "one day 13 hours 31 minutes 20 seconds", "three minutes and 27
seconds", "an hour and a quarter", "3min 20.72sec", "1 minute 44.70", and race times
written "2:08:51" or "3:20.88".

The quantity scanner reads a figure from its number forward and stops at the
first unit, so "won in one hour and 17 minutes" was "one hour" and "17
minutes": a summary's "just one hour" then met the source's "one hour" as
support, and its "an hour and a quarter" found nothing at all. The parts only
mean something together, so the phrase is read whole, as the total in its
smallest unit, before the scanner runs and the span is the recognizer's.
"""

from __future__ import annotations

import re

from ..model import Claim, Document
from ..text import numbers, units
from .measure_claims import measure_claim

# a part's number; the last may carry decimals ("3min 20.72sec")
_NUMBER = r"an?|one|\d{1,3}(?:\.\d{1,3})?|[A-Za-z]{3,9}"
# ("h" and "s" alone only as parts of a compound, after a digit or a space: "2 h 42
# min", "9 min 19 s"; never a word's last letter, "calls 9 min")
_UNIT = r"days?|hours?|hrs?|(?<=[\d ])h|minutes?|mins?|seconds?|secs?|(?<=[\d ])s"
_LETTER_UNITS = {"h": "hours", "s": "seconds"}
# "1 hour, 2 minutes", "2 hours 16 minutes 34 seconds", "2hrs, 3mins and 51secs"
_JOIN = r"(?:,?[ ]and[ ]|,?[ ])"
# between a later part's number and its unit, a stray comma of a source's typing:
# "2 hours, 23, minutes 15 seconds"
_GAP = r",?[ -]?"
# Bounded words, no nested repetition: linear on any input.
_PATTERN = re.compile(
    rf"(?:\b(?P<qual>about|around|roughly|approximately|nearly|almost|just over|more than"
    rf"|just under|less than|under|over)[ ])?"
    rf"\b(?P<n1>{_NUMBER})[ -]?(?P<u1>{_UNIT})\b"
    rf"{_JOIN}(?:(?P<quarter>a[ ]quarter)\b|(?P<n2>{_NUMBER}){_GAP}(?P<u2>{_UNIT})\b"
    rf"(?:{_JOIN}(?P<n3>{_NUMBER}){_GAP}(?P<u3>{_UNIT})\b"
    rf"(?:{_JOIN}(?P<n4>{_NUMBER}){_GAP}(?P<u4>{_UNIT})\b)?)?)"
    r"(?![ ](?:later|earlier|ago)\b)(?P<after>[ ](?:after|before)\b)?",
    re.IGNORECASE,
)
# A race time "2:08:51": hours, minutes and seconds, never a time of day (no
# "a.m." after it, hours under ten). Bounded: linear.
_RACE_TIME = re.compile(
    r"(?<![\d:.])(\d):([0-5]\d):([0-5]\d(?:\.\d{1,3})?)(?![\d:]|\.\d|\s?[ap]\.?m\b)",
    re.IGNORECASE,
)
# ... and a short race's "3:20.88": minutes and seconds with hundredths, never a
# time of day (no clock writes a fraction of a second). Bounded: linear.
_LAP_TIME = re.compile(r"(?<![\d:.])([0-5]?\d):([0-5]\d\.\d{1,3})(?![\d:]|\.\d)")
# ... and one written in words up to its seconds, whose unit it leaves out: "won the
# 800 metres in 1 minute 44.70", "finish in 14 minutes 22.47". Hundredths make the
# last number seconds. Bounded: linear.
_MINUTES_AND_SECONDS = re.compile(
    r"\b(?P<n>one|\d{1,3})[ ](?:minutes?|mins?)[ ](?P<s>[0-5]?\d\.\d{1,3})"
    r"(?!\d|\.\d|[ ]?[A-Za-z%])",
    re.IGNORECASE,
)
# "for 6:22 hours": hours and minutes in clock notation, the unit after them
_CLOCK_HOURS = re.compile(r"(?<![\d:.])(\d{1,2}):([0-5]\d)[ ]?(?:hours|hrs)\b", re.IGNORECASE)
# "2h 56m", "1h05m", "3m 27s": letters glued to their digits, as in match reports
# and results tables ("56m" alone is 56 metres). Bounded: linear.
_COMPACT = re.compile(
    r"(?<![\w.,])(?:(\d{1,2})h[ ]?([0-5]?\d)m(?:[ ]?([0-5]?\d)s)?|(\d{1,3})m[ ]?([0-5]?\d)s)\b"
)
_COMPACT_GATE = re.compile(r"\d[hm][ ]?\d")  # starts at a digit: the engine skips ahead
_SECONDS = {"d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0}  # by the unit's first letter
_QUALIFIERS = {
    "about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx",
    "nearly": "approx", "almost": "approx", "just over": "more_than", "more than": "more_than",
    "over": "more_than", "just under": "less_than", "less than": "less_than",
    "under": "less_than",
}


def _seconds(number: str, unit: str) -> float | None:
    value = float(number) if "." in number else numbers.one_word_number(number)
    return None if value is None or value < 0 else value * _SECONDS[unit[0].lower()]


def compound_duration(m: re.Match[str], doc: Document) -> Claim | None:
    """The total of the phrase in its smallest unit; None unless each part is a
    number of a smaller unit than the one before ("an hour and 20 minutes", not
    "20 minutes and an hour")."""
    if m.group("after") and "," in m.group():
        return None  # "lasted 45 minutes, and 30 seconds after the start ...": a step
    parts = [(m.group("n1"), m.group("u1"))]
    end = m.end()
    if m.group("quarter"):
        parts.append(("15", "minutes") if parts[0][1][0].lower() == "h" else ("15", "seconds"))
    else:
        parts.append((m.group("n2"), m.group("u2")))
        for k in ("3", "4"):
            if m.group("n" + k):
                if _seconds(m.group("n" + k), m.group("u" + k)) is None:
                    # "29 seconds, his second title": the phrase ended before the word
                    end = m.end("u" + str(int(k) - 1))
                    break
                parts.append((m.group("n" + k), m.group("u" + k)))
    steps = [_SECONDS[u[0].lower()] for _, u in parts]
    if any(a <= b for a, b in zip(steps, steps[1:], strict=False)):
        return None
    seconds = [_seconds(n, u) for n, u in parts]
    if any(s is None for s in seconds):
        return None
    total = sum(s for s in seconds if s is not None)
    smallest = parts[-1][1]
    info = units.lookup(_LETTER_UNITS.get(smallest.lower(), smallest.lower()))
    if info is None or total <= 0:
        return None
    value = total / _SECONDS[smallest[0].lower()]
    qualifier = _QUALIFIERS.get((m.group("qual") or "").lower(), "exact")
    if end == m.end() and m.group("after"):
        end = m.start("after")
    # written to its last part: "2 hours 42 minutes" is 2:42 to the minute, as
    # "two hours, 42 minutes and 28 seconds" is (half a unit of the last part either side)
    last = parts[-1][0]
    step = 10.0 ** -len(last.partition(".")[2]) if "." in last else 1.0
    return measure_claim(doc, m.start(), end, value, info, f"{value:g}", smallest,
                         qualifier=qualifier, tolerance=0.5 * step / value)


def race_time(m: re.Match[str], doc: Document) -> Claim | None:
    """ "finished in 2:08:51": 7,731 seconds."""
    h, mi, se = int(m.group(1)), int(m.group(2)), float(m.group(3))  # "2:12:16.36" too
    info = units.lookup("seconds")
    if info is None:
        return None
    total = h * 3600 + mi * 60 + se
    return measure_claim(doc, m.start(), m.end(), total, info, f"{total:g}", "seconds")


def lap_time(m: re.Match[str], doc: Document) -> Claim | None:
    """ "silver in 3:20.88": 200.88 seconds."""
    info = units.lookup("seconds")
    if info is None:
        return None
    total = round(int(m.group(1)) * 60 + float(m.group(2)), 3)
    return measure_claim(doc, m.start(), m.end(), total, info, f"{total:g}", "seconds")


def minutes_and_seconds(m: re.Match[str], doc: Document) -> Claim | None:
    """ "in 1 minute 44.70": 104.7 seconds."""
    minutes = numbers.one_word_number(m.group("n"))
    info = units.lookup("seconds")
    if info is None or minutes is None:
        return None
    total = round(minutes * 60 + float(m.group("s")), 3)
    return measure_claim(doc, m.start(), m.end(), total, info, f"{total:g}", "seconds")


def clock_hours(m: re.Match[str], doc: Document) -> Claim | None:
    """ "for 6:22 hours": 382 minutes."""
    info = units.lookup("minutes")
    if info is None:
        return None
    total = int(m.group(1)) * 60 + int(m.group(2))
    return measure_claim(doc, m.start(), m.end(), float(total), info, f"{total:g}", "minutes")


def compact_duration(m: re.Match[str], doc: Document) -> Claim | None:
    """ "2h 56m": 176 minutes; "3m 27s": 207 seconds."""
    if m.group(4) is not None:
        total, smallest = int(m.group(4)) * 60 + int(m.group(5)), "seconds"
    elif m.group(3) is not None:
        total = int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3))
        smallest = "seconds"
    else:
        total, smallest = int(m.group(1)) * 60 + int(m.group(2)), "minutes"
    info = units.lookup(smallest)
    if info is None or total <= 0:
        return None
    return measure_claim(doc, m.start(), m.end(), float(total), info, f"{total:g}", smallest)


# A unit word and the join to a next part: texts without one skip the scan (the
# full pattern tries every word as a number; this looks for a unit word only).
_GATE = re.compile(rf"(?:{_UNIT}){_JOIN}")  # on the lowercased text: four times faster
# ... and in ASCII, where lower() folds case as IGNORECASE does, what every match
# holds from its first unit on: that unit, the join, then "a quarter" or a second
# part ("hours and" is in many texts; "hours and 17 minutes" in few)
_PAIR_GATE = re.compile(
    rf"(?:{_UNIT})\b{_JOIN}(?:a[ ]quarter\b|(?:{_NUMBER}){_GAP}(?:{_UNIT})\b)"
)


def _could_pair(text: str) -> bool:
    """Whether ``_PATTERN`` can match ``text`` (a cheap necessary condition)."""
    gate = _PAIR_GATE if text.isascii() else _GATE
    return gate.search(text.lower()) is not None


def extract_compound_durations(doc: Document) -> list[Claim]:
    text = doc.text
    found: list[Claim | None] = []
    if _could_pair(text):
        found.extend(compound_duration(m, doc) for m in _PATTERN.finditer(text))
    if _COMPACT_GATE.search(text) is not None:
        found.extend(compact_duration(m, doc) for m in _COMPACT.finditer(text))
    if "min" in text:
        found.extend(minutes_and_seconds(m, doc) for m in _MINUTES_AND_SECONDS.finditer(text))
    if ":" in text:
        found.extend(race_time(m, doc) for m in _RACE_TIME.finditer(text))
        found.extend(lap_time(m, doc) for m in _LAP_TIME.finditer(text))
        found.extend(clock_hours(m, doc) for m in _CLOCK_HOURS.finditer(text))
    return sorted((c for c in found if c is not None), key=lambda c: c.start)
