"""Absolute date forms, one rule each: "2024-01-23", "Jan 23, 2024", "mid-October",
"spring 2023", "Q4 2020", "2016-17", "in 2020". A year-less one takes the year
that puts it on or before the reference date."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from ...text import units, wordlists
from ...text.lemmas import is_plural
from .arithmetic import _month_len, _month_part, _pick_year, _season
from .atoms import _Atom, _prev_word
from .patterns import _ARTICLE_BEFORE, _SEASON_NOUN_NEXT
from .vocabulary import (
    _AMBIGUOUS_MONTHS,
    _MONTH_PREV,
    _SEASON_PREV,
    _YEAR_PREV,
    _date_words,
    _months,
)

_Groups = dict[str, str | None]
YEAR_SPAN_MAX = 50  # "2016-24" is a span; "1990-2070" is no season of anything


def _iso_atom(g: _Groups, a: int, b: int) -> _Atom | None:
    """ "2024-01-23" """
    try:
        d = date.fromisoformat(g["iso"] or "")
    except ValueError:
        return None
    return _Atom(a, b, d, d, "day", "day", True)


def _dotted_atom(g: _Groups, a: int, b: int) -> _Atom | None:
    """ "14.01.2021": day, month, year."""
    try:
        d = date(int(g["dt_y"] or 0), int(g["dt_m"] or 0), int(g["dt_d"] or 0))
    except ValueError:
        return None
    return _Atom(a, b, d, d, "day", "day", True)


def _day_atom(g: _Groups, a: int, b: int, ref: date | None) -> _Atom | None:
    """ "Jan 23, 2024", "23rd of January": a year-less day is the latest on or before ``ref``."""
    pre = "mdy" if g["mdy"] else "dmy"
    mon = _months()[(g[f"{pre}_m"] or "").lower()]
    day = int(g[f"{pre}_d"] or 0)
    yr = g[f"{pre}_y"]
    if not 1 <= day <= 31:
        return None
    if yr is None:
        if ref is None:
            return None
        y = ref.year if (mon, day) <= (ref.month, ref.day) else ref.year - 1
    else:
        y = int(yr)
    if day > _month_len(y, mon):
        return None
    d = date(y, mon, day)
    last = int(g["mdy_d2"] or 0) if pre == "mdy" else 0
    if day < last <= _month_len(y, mon):
        e = date(y, mon, last)  # "Aug. 11-12, 2018": both days
        return _Atom(a, b, d, e, "day", "day", yr is not None, (mon, day, last))
    return _Atom(a, b, d, d, "day", "day", yr is not None, (mon, day, day))


def _month_atom(g: _Groups, text: str, a: int, b: int, ref: date | None) -> _Atom | None:
    """ "October", "mid-October 2023", "the end of March"."""
    name = g["pm_m"] or ""
    part = (g["part"] or g["part2"] or "").lower()
    if not part and not g["pm_y"]:
        if name in _AMBIGUOUS_MONTHS and _prev_word(text, a) not in _MONTH_PREV:
            return None  # "may become", "march on"
        if _ARTICLE_BEFORE.search(text, max(0, a - 30), a):
            return None  # "a record-hot July", "a wet March": a description
    mon = _months()[name.lower()]
    lo, hi = _date_words()["part"].get(part, (1, 31))
    if g["pm_y"]:
        y = int(g["pm_y"])
    elif ref is None:
        # "April–September 2016", "from April to September 2016": the year the
        # range's end writes (the range joins them later)
        end = _range_end_year(text, b)
        if end is None:
            return None
        y = end
    else:
        y = _pick_year(lambda yy: _month_part(yy, mon, lo, hi), ref)
    first, last = _month_part(y, mon, lo, hi)
    return _Atom(a, b, first, last, "month", "month", g["pm_y"] is not None, (mon, lo, hi))


@cache
def _range_end_rx() -> re.Pattern[str]:
    names = "|".join(sorted((re.escape(m.capitalize()) for m in _months()), key=len, reverse=True))
    # one joint, one month, one year: bounded, linear
    return re.compile(
        rf"\s{{0,2}}(?:[-–—]|to|through|until|and)\s{{0,2}}(?:{names})\.?,?\s{{1,2}}"
        r"(?P<y>(?:19|20)\d\d)\b"
    )


def _range_end_year(text: str, at: int) -> int | None:
    """The year of a dated month that ends a range right after ``at``."""
    m = _range_end_rx().match(text, at)
    return int(m.group("y")) if m is not None else None


def _season_atom(g: _Groups, text: str, a: int, b: int, ref: date | None) -> _Atom | None:
    """ "spring 2023", "last winter", "in the autumn"."""
    mod = (g["s_mod"] or "").lower()
    if not mod and not g["s_y"]:
        prev = _prev_word(text, a)
        if prev not in _SEASON_PREV:
            return None  # "prices fall"
        if prev == "the" and _SEASON_NOUN_NEXT.match(text, b):
            return None  # "the autumn harvest": a season used as an adjective
    m1, m2 = _date_words()["season"][(g["s_name"] or "").lower()]
    if g["s_y"]:
        y = int(g["s_y"])
    elif ref is None:
        return None
    elif mod == "next":
        y = ref.year if date(ref.year, m1, 1) > ref else ref.year + 1
    else:
        y = _pick_year(lambda yy: _season(yy, m1, m2), ref)
        if mod == "last" and _season(y, m1, m2)[1] >= ref:
            y -= 1
    first, last = _season(y, m1, m2)
    return _Atom(a, b, first, last, "season", "season", g["s_y"] is not None, (m1, m2))


def _quarter_atom(g: _Groups, a: int, b: int) -> _Atom | None:
    """A quarter or half of a year with its year. A year-less one is no date: "the
    first quarter" is as often a game's as a company's, and "Q3" may name a chip."""
    year = _fiscal_year(g["q_fy"]) if g["q_fy"] else g["q_y"]
    if year is None:
        return None
    words = _date_words()
    code = (g["q_code"] or "").lower()
    if code:
        section = "half" if code.startswith("h") else "quarter"
        months = words[section].get(code)
    else:
        section = (g["q_unit"] or "").lower()
        months = words[section].get((g["q_word"] or "").lower())
    if months is None:
        return None
    m1, m2 = months
    first, last = _season(int(year), m1, m2)
    return _Atom(a, b, first, last, section, "season", True, (m1, m2))


def _fiscal_year(written: str) -> str:
    """The year of "FY21" (2021) or "FY2021"; two digits are this century's
    up to 79 ("FY99" is 1999)."""
    if len(written) == 4:
        return written
    return f"{20 if int(written) < 80 else 19}{written}"


def _fiscal_year_atom(g: _Groups, a: int, b: int) -> _Atom:
    """ "FY21", "FY2021", "FY '21": the fiscal year as the year it is named for;
    "FY 2022-23" is FY23, as the Indian and British reports that write it say."""
    year = _fiscal_year(g["fy_y"] or "")
    end = g["fy_end"]
    if end and int(end) == (int(year) + 1) % 100:
        year = str(int(year) + 1)
    return _whole_year_atom(year, a, b)


def _range_end(first: int, written: str) -> int | None:
    """The last year of "2016-17" (2017), "2016-2017", "1999-00" (2000)."""
    if len(written) == 4:
        last = int(written)
    else:
        last = first - first % 100 + int(written)
        if last < first:
            last += 100
    return last if first < last <= first + YEAR_SPAN_MAX else None


def _year_range_atom(g: _Groups, a: int, b: int) -> _Atom | None:
    """ "the 2016-17 season", "2007-2011", "2019/20"."""
    first_year = int(g["yr_a"] or 0)
    last_year = _range_end(first_year, g["yr_b"] or "")
    if last_year is None:
        return None
    return _Atom(a, b, date(first_year, 1, 1), date(last_year, 12, 31), "years", "year", True)


def _whole_year_atom(year: str, a: int, b: int) -> _Atom:
    y = int(year)
    return _Atom(a, b, date(y, 1, 1), date(y, 12, 31), "year", "year", True)


_NEXT_WORD = re.compile(r"\s{1,3}([a-z]{2,20})\b")


# "the 2016 election", "its 2021 budget", "the 2012 Olympics": a year naming an
# event; "the 2000 troops" counts (a plural), "the 2000 metres" measures
_NAMING_YEAR = frozenset(("the", "its", "their", "his", "her"))
_EVENT_AFTER = re.compile(r"\s([A-Z][a-z]{2,20}|[a-z]{3,20})\b")


def _event_named(text: str, b: int) -> bool:
    m = _EVENT_AFTER.match(text, b)
    if m is None:
        return False
    word = m.group(1)
    if word[0].isupper():
        return True  # "the 2012 Olympics", "the 2018 World Cup"
    return not is_plural(word) and units.lookup(word) is None


# A host's name before a year and an event's name after it: "the Qatar 2022 World
# Cup", "the Tokyo 2020 Olympics". Bounded: linear.
_HOST_BEFORE = re.compile(r"\b(?:the|[Tt]he)\s[A-Z][a-z]{2,15}\s$")
_EVENT_NAME_AFTER = re.compile(r"\s(?:World\sCup|Olympics|Olympic\sGames|Games|Paralympics"
                               r"|Commonwealth\sGames|Expo|Euros?|Asian\sGames)\b")


# A bound right before a number: with a plural after it, the number counts
_BOUND_ENDS = re.compile(
    r"\b(?:up\sto|more\sthan|at\sleast|over|about|around|nearly|almost|some)\s$",
    re.IGNORECASE,
)


_WORD_AFTER = re.compile(r"\s{1,2}([A-Za-z]{2,12})\b")
# "in" is a word before it is an inch; any other unit after a number measures it
_NOT_UNITS = frozenset(("in", "at", "to", "on", "as", "is", "or", "an", "by", "of"))


def _unit_after(text: str, b: int) -> bool:
    m = _WORD_AFTER.match(text, b)
    return m is not None and m.group(1).lower() not in _NOT_UNITS and (
        units.lookup(m.group(1)) is not None
    )


def _year_atom(g: _Groups, text: str, a: int, b: int) -> _Atom | None:
    """ "in 2020": a bare year only after a cue word ("2000 troops" is a count);
    after "for", not before a plural ("for 2022, we expect"; "for 1500 homes")."""
    prev = _prev_word(text, a)
    if prev in _NAMING_YEAR and _event_named(text, b):
        return _whole_year_atom(g["year"] or "", a, b)  # "the 2016 election"
    if _HOST_BEFORE.search(text, max(0, a - 20), a) and _EVENT_NAME_AFTER.match(text, b):
        return _whole_year_atom(g["year"] or "", a, b)  # "the Qatar 2022 World Cup"
    if prev not in _YEAR_PREV:
        return None
    if _unit_after(text, b):
        return None  # "capacity of 2043 MW", "in 2000 metres": a measure
    if _BOUND_ENDS.search(text, max(0, a - 16), a) is not None:
        m = _NEXT_WORD.match(text, b)
        if m is not None and m.group(1).islower() and is_plural(m.group(1)) and (
            m.group(1) not in wordlists.words("year_plurals.txt")
        ):
            return None  # "up to 2000 people trapped", "over 1950 homes": a count
    if prev == "for":
        m = _NEXT_WORD.match(text, b)
        if m is not None and is_plural(m.group(1)):
            return None
    return _whole_year_atom(g["year"] or "", a, b)
