"""Finding the date atoms of a text: every match of the date pattern, read by
the rule of its form."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache, lru_cache

from .absolute import (
    _day_atom,
    _dotted_atom,
    _fiscal_year_atom,
    _iso_atom,
    _month_atom,
    _quarter_atom,
    _season_atom,
    _whole_year_atom,
    _year_atom,
    _year_range_atom,
)
from .atoms import _Atom
from .patterns import _ABBREV_DOT, _atom_re, could_hold_date, could_name_a_year, month_case
from .relative import _relative_atom


def _atom(m: re.Match[str], text: str, ref: date | None) -> _Atom | None:
    """The atom of one match, by its form; None when the words are no date."""
    g = m.groupdict()
    a, b = m.start(), m.end()
    if g["iso"]:
        return _iso_atom(g, a, b)
    if g["dotted"]:
        return _dotted_atom(g, a, b)
    if g["mdy"] or g["dmy"]:
        return _day_atom(g, a, b, ref)
    if g["pm"]:
        return _month_atom(g, text, a, b, ref)
    if g["season"]:
        return _season_atom(g, text, a, b, ref)
    if g["qtr"]:
        return _quarter_atom(g, a, b)
    if g["fy"]:
        return _fiscal_year_atom(g, a, b)
    if g["yrange"]:
        return _year_range_atom(g, a, b)
    if g["mid_year"]:
        return _whole_year_atom(g["my_y"] or "", a, b)
    if g["year"]:
        return _year_atom(g, text, a, b)
    if ref is None:
        return None
    return _relative_atom(g, a, b, ref)


@cache
def _compile_patterns() -> None:
    """What ``_atom_matches`` builds on its first text, built by a first text the
    year check turns away too: a one-off start-up cost, not one paid by
    whichever sentence first holds a year."""
    _atom_matches("")


def undatable(text: str) -> bool:
    """Whether ``text`` holds no date atom without a reference date: none
    resolves without one or a year of its own (``could_name_a_year``)."""
    if could_name_a_year(text):
        return False
    _compile_patterns()
    return True


# The reference date and the dates themselves are read from the same text;
# scanning it once serves both. Few entries: a cached scan holds its text.
@lru_cache(maxsize=8)
def _atom_matches(text: str) -> tuple[re.Match[str], ...]:
    # Compiled on the first text, dated or not, as before the pre-check: a
    # one-off start-up cost, not one paid by whichever sentence first holds a date.
    pattern = _atom_re()
    cased = month_case(text)
    if not could_hold_date(cased):
        return ()
    return tuple(pattern.finditer(cased))


def _atoms(text: str, ref: date | None) -> list[_Atom]:
    return list(_read_atoms(text, ref))


# The reference date reads the atoms without a reference, and so do the dates
# of a text that has none: three readings of the same matches, each match's
# groups copied out anew. Atoms are frozen, so one reading serves them all.
@lru_cache(maxsize=8)
def _read_atoms(text: str, ref: date | None) -> tuple[_Atom, ...]:
    if ref is None and undatable(text):
        return ()
    out = []
    for m in _atom_matches(text):
        at = _atom(m, text, ref)
        if at is None:
            continue
        if text[at.end - 1] == "." and _ABBREV_DOT.search(text, at.start, at.end) is None:
            # the full stop ends the sentence; only "Jan." owns its dot
            at = replace(at, end=at.end - 1)
        out.append(at)
    return tuple(out)
