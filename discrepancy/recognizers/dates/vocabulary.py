"""The words date rules read: month, weekday, count, part and season names with
their numbers (``data/date_words.txt``) and the cue words before a bare year,
month or season (``data/date_cue_words.txt``)."""

from __future__ import annotations

from functools import cache

from ...text.wordlists import lines, sections

_CUES = sections("date_cue_words.txt")
# "in 2020", "and 2022": a bare four-digit number is a year only after these
_YEAR_PREV = _CUES["year_prev"]
# "may become", "march on": these month names are a date only after a cue word
_AMBIGUOUS_MONTHS = _CUES["ambiguous_months"]
_MONTH_PREV = _CUES["month_prev"]
# "prices fall": a bare season name is a season only after these
_SEASON_PREV = _CUES["season_prev"]


@cache
def _date_words() -> dict[str, dict[str, tuple[int, ...]]]:
    sections: dict[str, dict[str, tuple[int, ...]]] = {}
    current = ""
    for ln in lines("date_words.txt"):
        if ln.startswith("["):
            current = ln.strip("[]")
            sections[current] = {}
            continue
        word, *nums = ln.split()
        sections[current][word] = tuple(int(n) for n in nums)
    return sections


def _months() -> dict[str, int]:
    return {k: v[0] for k, v in _date_words()["month"].items()}


def _counts() -> dict[str, int]:
    return {k: v[0] for k, v in _date_words()["count"].items()}
