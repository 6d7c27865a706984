"""Month names from the date words file, and the month a number is written with.

The tokenizer ("March 3 000" is a date and a number, "Mariners 3 000" one number)
and the checks ("April 10" is a day, not a tally) ask the same question; both read
the names of ``data/date_words.txt`` through here, so no stage keeps its own list.
"""

from __future__ import annotations

import re
from functools import cache

from . import wordlists

__all__ = [
    "month_numbers", "month_names", "month_of_day", "month_just_before", "day_run_before",
    "weekday_numbers", "calendar_words",
]


def _numbered(section: str) -> dict[str, int]:
    """The names of a section of the date words file -> the number each is listed with."""
    return {
        name: int(number)
        for name, number in (
            line.split()[:2] for line in wordlists.sections("date_words.txt").get(section, ())
        )
    }


@cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation the date words file lists -> its number."""
    return _numbered("month")


@cache
def weekday_numbers() -> dict[str, int]:
    """Every weekday name the date words file lists -> its number (Monday 0)."""
    return _numbered("weekday")


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names, lower case: capitalised words that name no one."""
    return frozenset(month_numbers()) | frozenset(weekday_numbers())


@cache
def month_names() -> str:
    """The month names as one regular-expression alternation, longest first."""
    return "|".join(sorted(month_numbers(), key=len, reverse=True))


@cache
def _day_run() -> re.Pattern[str]:
    names = month_names()
    # "September 6 to", "Sept. 6 through", "Oct 2 -": the first day of a run of days
    return re.compile(
        rf"\b(?:{names})\.?\s{{1,3}}\d{{1,2}}(?:st|nd|rd|th)?\s{{0,3}}"
        r"(?:to|through|thru|until|till|[-–])\s{0,3}$",
        re.IGNORECASE,
    )


def day_run_before(text: str, start: int) -> bool:
    """Whether the number at ``start`` ends a run of days: "from September 6 to 14"."""
    return _day_run().search(text, max(0, start - 30), start) is not None


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = month_names()
    # "April 10", "April 10th"; "10 April", "the 10th of April"
    before = re.compile(rf"\b(?P<month>{names})\.?\s{{1,3}}$", re.IGNORECASE)
    after = re.compile(rf"^(?:st|nd|rd|th)?\s{{1,3}}(?:of\s{{1,3}})?(?P<month>{names})\b",
                       re.IGNORECASE)
    return before, after


def month_just_before(text: str, start: int) -> bool:
    """Whether a month name ends right before ``text[start:]`` ("March 3"), as a
    whole word: "Mariners 3" and "Marches 3" are no months."""
    return _patterns()[0].search(text, max(0, start - 14), start) is not None


def month_of_day(text: str, start: int, end: int) -> int | None:
    """The month a day number at ``text[start:end]`` is written with, if any."""
    before, after = _patterns()
    m = before.search(text, max(0, start - 14), start) or after.match(text[end:end + 18])
    return month_numbers().get(m.group("month").lower()) if m else None
