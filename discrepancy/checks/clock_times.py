"""Times of day ("12:30 AM", "2:20 p.m. EDT", "15:48 local time"), read by form.

A summary that gives the hour of an event states a figure an editor must be able
to find in a source: "The crash occurred around 12:30 AM local time" over a story
that says only "overnight Monday" is invented precision. The quantity recognizer
keeps clock times out of its figures ("5 p.m." is no count of five), so they are
read here: strictly in the summary (an hour with its a.m./p.m., or a 24-hour time
with its zone or "local time"), and in any form a source may use, from "noon" and
"half past eight" to "0401 GMT" and a bare "6:39", so that a time a source writes
in a form not read strictly still counts as one.

Patterns are bounded repetitions and alternations only: linear in the text.
"""

from __future__ import annotations

import re

__all__ = [
    "SourceTime", "TargetTime", "clock_minutes", "minutes", "minutes_apart",
    "source_has_time_of_day", "source_times", "target_minutes", "target_times",
]

_HOUR12 = r"(?:1[0-2]|0?[1-9])"
_MERIDIEM = r"[ap]\.?\s?m\b\.?"
# Zones in capitals only: "2023 et al.", "20 ct" are no times
_ZONE = (
    r"(?:local\s(?:time|hour)|(?-i:GMT|UTC|BST|CET|CEST|EET|IST|JST|AEST|AEDT|[ECMP][SD]T|ET|PT)\b)"
)

# The summary's times: "12:30 AM", "9am", "2:20 p.m.", "15:48 local time", "0900 GMT".
_TARGET = re.compile(
    rf"(?<![\d:.,])(?:{_HOUR12}(?:[:.][0-5]\d)?\s?{_MERIDIEM}"
    rf"|(?:[01]?\d|2[0-3])[:.h][0-5]\d\s?{_ZONE}"
    rf"|(?:[01]\d|2[0-3])[0-5]\d\s?{_ZONE})",
    re.IGNORECASE,
)

_NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

# A time of day in any form a source writes one.
_ANY_TIME = re.compile(
    rf"(?<![\d:.,])(?:\d{{1,2}}(?:[:.]\d\d)?\s?{_MERIDIEM}"
    r"|\d{1,2}:\d\d"
    rf"|\d{{3,4}}\s?(?:{_ZONE}|hrs?\b|hours\b)"
    rf"|{_NUMBER_WORDS}\s?{_MERIDIEM}"
    rf"|(?:\d{{1,2}}(?:[:.]\d\d)?|{_NUMBER_WORDS})\s(?:o['’]clock|(?:in\sthe|this)\s"
    r"(?:morning|afternoon|evening)|at\snight|tonight)"
    r"|\b(?:noon|midday|midnight|o['’]clock|half\spast|quarter\s(?:past|to))\b)",
    re.IGNORECASE,
)


_DOTTED_END = re.compile(r"[ap]\.\s?m\.$", re.IGNORECASE)


class TargetTime:
    """A time of day the summary states, as its span in the summary's text."""

    __slots__ = ("end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text


def target_times(text: str) -> list[TargetTime]:
    """The times of day ``text`` states in a strict form (hour and a.m./p.m., or a
    24-hour time with its zone)."""
    out: list[TargetTime] = []
    for m in _TARGET.finditer(text):
        span = m.group(0).rstrip()
        if span.endswith(".") and _DOTTED_END.search(span) is None:
            span = span[:-1]  # "at 9am.": the sentence's full stop
        out.append(TargetTime(m.start(), m.start() + len(span), span))
    return out


_NAMED_TIME = re.compile(r"\b(?:noon|midday|midnight)\b", re.IGNORECASE)


def target_named_times(text: str) -> list[TargetTime]:
    """The times of day ``text`` names ("about noon Wednesday"): set against the
    sources' times, never alone (a "midnight deadline" may be a source's "late
    Wednesday")."""
    return [TargetTime(m.start(), m.end(), m.group(0)) for m in _NAMED_TIME.finditer(text)]


def source_has_time_of_day(text: str) -> bool:
    """Whether ``text`` writes a time of day in any form."""
    return _ANY_TIME.search(text) is not None


# Hours with their half of the day, as the sources write them: "3:13 a.m.", "5pm",
# "11 in the morning", "four o'clock in the afternoon" (digits only)
_HOUR_HALF = re.compile(r"\b(\d{1,2})(?:[:.](\d\d))?\s?([ap])\.?m\b", re.IGNORECASE)
_HOUR_IN_WORDS = re.compile(
    r"\b(\d{1,2})(?:[:.](\d\d))?\s(?:o['’]clock\s)?(?:in\sthe|this)\s(morning|afternoon|evening)\b",
    re.IGNORECASE,
)


def minutes(hour: int, minute: int, half: str) -> int:
    """Minutes after midnight of a 12-hour time ("a" or "p" for its half)."""
    return (hour % 12 + (12 if half.lower() == "p" else 0)) * 60 + minute


def clock_minutes(text: str) -> frozenset[int]:
    """Every time of day ``text`` gives with its half of the day, in minutes after
    midnight."""
    found = {minutes(int(h), int(mm or 0), ap) for h, mm, ap in _HOUR_HALF.findall(text)
             if 0 < int(h) <= 12}
    found |= {minutes(int(h), int(mm or 0), "a" if part.lower() == "morning" else "p")
              for h, mm, part in _HOUR_IN_WORDS.findall(text) if 0 < int(h) <= 12}
    return frozenset(found)


_HOUR_WORDS = ("one two three four five six seven eight nine ten eleven twelve").split()
_HOUR = rf"(\d{{1,2}}|{_NUMBER_WORDS})"
# The forms of ``_ANY_TIME`` whose minutes can be told; "half past eight" cannot
# (which eight?), nor a bare "o'clock". Fixed alternations: linear.
_WITH_HALF = re.compile(rf"{_HOUR}(?:[:.](\d\d))?\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
_COLON = re.compile(r"(\d{1,2}):(\d\d)")
_FOUR_DIGITS = re.compile(r"(\d{1,2})(\d\d)\s?\S.*", re.IGNORECASE)
_SAID_PART = re.compile(
    rf"{_HOUR}(?:[:.](\d\d))?\s(?:o['’]clock\s?)?((?:in\sthe|this)\s(morning|afternoon|evening)"
    r"|at\snight|tonight|o['’]clock)",
    re.IGNORECASE,
)
_NAMED = {"noon": 720, "midday": 720, "midnight": 0}


def _hour(word: str) -> int:
    return int(word) if word.isdigit() else _HOUR_WORDS.index(word.lower()) + 1


def _readings(written: str) -> frozenset[int] | None:
    """The minutes after midnight a time of day as a source writes it may mean;
    None when its form tells none."""
    s = written.strip()
    if (m := _WITH_HALF.fullmatch(s)) and 0 < _hour(m.group(1)) <= 12:
        return frozenset({minutes(_hour(m.group(1)), int(m.group(2) or 0), m.group(3))})
    if (m := _COLON.fullmatch(s)) and int(m.group(1)) < 24:
        h, mm = int(m.group(1)), int(m.group(2))
        return frozenset({h * 60 + mm} if h > 12 or h == 0 else {
            minutes(h, mm, "a"), minutes(h, mm, "p")})
    if (m := _FOUR_DIGITS.fullmatch(s)) and int(m.group(1)) < 24 and int(m.group(2)) < 60:
        return frozenset({int(m.group(1)) * 60 + int(m.group(2))})
    if (m := _SAID_PART.fullmatch(s)) and 0 < _hour(m.group(1)) <= 12:
        h, mm = _hour(m.group(1)), int(m.group(2) or 0)
        if m.group(4):
            return frozenset({minutes(h, mm, "a" if m.group(4).lower() == "morning" else "p")})
        if m.group(3).lower().startswith(("at", "tonight")):
            return frozenset({minutes(h, mm, "p")})
        return frozenset({minutes(h, mm, "a"), minutes(h, mm, "p")})
    return frozenset({_NAMED[s.lower()]}) if s.lower() in _NAMED else None


class SourceTime:
    """A time of day a source writes, with the minutes after midnight it may mean."""

    __slots__ = ("end", "readings", "start", "text")

    def __init__(self, start: int, end: int, text: str, readings: frozenset[int]) -> None:
        self.start, self.end, self.text, self.readings = start, end, text, readings


def source_times(text: str) -> list[SourceTime] | None:
    """Every time of day ``text`` writes, each with its readings; None when one of
    them is in a form whose minutes cannot be told ("half past eight")."""
    out: list[SourceTime] = []
    for m in _ANY_TIME.finditer(text):
        got = _readings(m.group(0))
        if got is None:
            return None
        out.append(SourceTime(m.start(), m.end(), m.group(0), got))
    return out


def target_minutes(written: str) -> int | None:
    """Minutes after midnight of a summary's 12-hour time ("2pm", "12:30 AM"); None
    for a 24-hour time with its zone (zones are not converted)."""
    if written.strip().lower() in _NAMED:
        return _NAMED[written.strip().lower()]
    m = _WITH_HALF.fullmatch(written.strip())
    if m is None or not 0 < _hour(m.group(1)) <= 12:
        return None
    return minutes(_hour(m.group(1)), int(m.group(2) or 0), m.group(3))


def minutes_apart(a: int, b: int) -> int:
    """Minutes between two times of day, across midnight too."""
    d = abs(a - b) % 1440
    return min(d, 1440 - d)
