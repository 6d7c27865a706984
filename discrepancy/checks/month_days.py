"""Days of a month and months written without their year ("fired on June 14",
"hands over in November"), by name.

A text that does not open with its own date cannot place "June 14" in a year:
the recognizer resolves it against the latest date the text mentions, or, with
none, not at all, so the date check never weighs it. Most summaries are such
texts. The day and its month are still what the sentence states, whatever the
year: "fired on June 14" against the source's "fired on July 14" is a wrong
month. The date check compares these like weekday names (``dates``): by name,
among the closely matching passages of the sources, and only where no source
writes the summary's day (or month) at all: a story dates several of its steps
by days and months, and their words overlap.
"""

from __future__ import annotations

import re
from functools import cache

from ..text.months import month_names, month_numbers

__all__ = [
    "any_day", "any_month", "day_name", "days_named", "month_name", "months_named",
    "relative_day", "yearless_day", "yearless_month",
]

# A day followed by a year ("June 14, 2018"), or heading a run of days
# ("June 14-16", "June 14 to 16"): the first is the main check's, the second
# dates more than its first day.
_NOT_AFTER = (
    # "July 2.2% below", "June 1,500 units": the number goes on past the day
    r"(?![.,]\d)"
    r"(?!,?\s{1,3}(?:(?:19|20)\d\d|'\d\d)\b)"
    r"(?!\s{0,3}(?:[-–]|to\b|through\b|and\b)\s{0,3}\d)"
)


# The space between a month and its day: a line break only where the number after
# it does not number a list ("... since August\n2. Vietnam reported"). Bounded: linear.
_DAY_GAP = r"(?:[^\S\n]{1,3}|\s{1,3}(?!\d{1,2}[.)](?:\s|$)))"


def _capitalised() -> str:
    # News writes months with a capital: "may 5" and "5 march" in running
    # text are a verb and a number ("up to 5 may be").
    return "|".join(n.capitalize() for n in month_names().split("|"))


@cache
def yearless_day() -> re.Pattern[str]:
    """ "June 14", "June 14th", "14 June", "the 14th of June", not "June 14, 2018"."""
    names = _capitalised()
    return re.compile(
        rf"\b((?:{names})\.?{_DAY_GAP}\d{{1,2}}(?:st|nd|rd|th)?\b{_NOT_AFTER}"
        rf"|(?<![\d,.])\d{{1,2}}(?:st|nd|rd|th)?\s{{1,3}}(?:of\s{{1,3}})?(?:{names})\b\.?"
        rf"{_NOT_AFTER})()"
    )


@cache
def any_day() -> re.Pattern[str]:
    """ "July 14", "July 14, 2018", "14 July 2018", "December15" (a typo a
    source may carry): a day of a month, with its year or not."""
    names = _capitalised()
    return re.compile(
        rf"\b((?:{names})\.?\s{{0,3}}\d{{1,2}}(?:st|nd|rd|th)?\b(?![.,]\d)"
        rf"(?!\s{{0,3}}(?:[-–]|to\b|through\b|and\b)\s{{0,3}}\d)"
        rf"|(?<![\d,.])\d{{1,2}}(?:st|nd|rd|th)?\s{{1,3}}(?:of\s{{1,3}})?(?:{names})\b)()"
    )


_PARTS = re.compile(r"([A-Za-z]+)|(\d+)")


def day_name(written: str) -> str:
    """One name per day of a month: "June 14th", "14 June", "the 14th of Jun."
    are all "6-14"."""
    month = day = 0
    for m in _PARTS.finditer(written):
        if m.group(2):
            day = int(m.group(2))
        elif (n := month_numbers().get(m.group(1).lower())) is not None:
            month = n
    return f"{month}-{day}"


# A month named alone, after the word that makes it a date ("in October",
# "since November", "October's figures"): "May" and "March" alone are a verb
# as often. Not before a day or a year: those are the day's or the period's.
_MONTH_BEFORE = (
    r"(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ff]rom|[Tt]hrough|early|mid-|late|last|this)"
)


# the dot of "Nov." and "Sept.", not a sentence's after "November"
_ABBREVIATION_DOT = r"(?:(?<=\b[A-Z][a-z]{2})\.|(?<=\bSept)\.)?"


@cache
def yearless_month() -> re.Pattern[str]:
    """ "in October", "since November", "February's floods", not "in October 2019"."""
    names = _capitalised()
    return re.compile(
        rf"(?:\b{_MONTH_BEFORE}\s{{1,3}}|(?<=mid-)|(?=\b(?:{names})(?:'s|’s)\b))"
        rf"((?:{names})\b{_ABBREVIATION_DOT})"
        r"(?!\.?\s{0,3}\d|\.?,?\s{1,3}(?:of\s{1,3})?(?:19|20)\d\d\b|[-–—])"
        # "from January to June 2023": the year is the range's
        rf"(?!\s{{1,3}}(?:to|and|through|until)\s{{1,3}}(?:{names})\b)()"
    )


@cache
def any_month() -> re.Pattern[str]:
    """A month named in any date: "November", "Nov. 5", "November 2019"."""
    return re.compile(rf"\b((?:{_capitalised()})\b){_ABBREVIATION_DOT}()")


def month_name(written: str) -> str:
    """One name per month: "Nov." and "November" are "11"."""
    return str(month_numbers().get(written.rstrip(".").lower(), 0))


# A source's days and months for support, in any case ("quit at the start of
# february" in a lower-cased source), as numbers ("Sunday's election (30/1)",
# "6/15", either way round) and in tables' forms ("30-Jun-2022"): support may
# read too much, evidence may not.
_NUMERIC_DAY = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?![\d.])(?!/(?!\d))")


@cache
def _loose(days: bool) -> re.Pattern[str]:
    names = month_names()
    if days:
        return re.compile(
            rf"\b((?:{names})\.?[\s-]{{0,3}}\d{{1,2}}(?:st|nd|rd|th)?\b"
            rf"|(?<![\d,.])\d{{1,2}}(?:st|nd|rd|th)?[\s-]{{1,3}}(?:of\s{{1,3}})?(?:{names})\b)",
            re.IGNORECASE,
        )
    return re.compile(rf"\b({names})\b", re.IGNORECASE)


def days_named(text: str) -> set[str]:
    """Every day of a month ``text`` writes, as ``day_name`` names them."""
    out = {day_name(m.group(1)) for m in _loose(True).finditer(text)}
    for m in _NUMERIC_DAY.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        out.update((f"{a}-{b}", f"{b}-{a}"))
    return out


def months_named(text: str) -> set[str]:
    """Every month ``text`` names, as ``month_name`` names them."""
    return {month_name(m.group(1)) for m in _loose(False).finditer(text)}


# Words that place a day from another ("The following day", after "On May
# 27"; "today (14)"): a day a source gives without writing it.
_RELATIVE_DAY = re.compile(
    r"\b(?:(?:following|next|previous|same)\s(?:day|morning|evening|night)"
    r"|days?\s(?:later|earlier|after|before)|the\sday\s(?:after|before))\b"
    r"|\(\d{1,2}\)",
    re.IGNORECASE,
)


def relative_day(text: str) -> bool:
    """Whether ``text`` places a day from another date, without writing it."""
    return _RELATIVE_DAY.search(text) is not None
