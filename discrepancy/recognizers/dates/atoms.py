"""A date atom: one date form read from the text and resolved to an interval."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .arithmetic import _month_len, _month_part, _season
from .patterns import _PREV_WORD


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    first: date
    last: date
    granularity: str
    kind: str  # day|month|season|year|relative
    has_year: bool
    # how to re-resolve a year-less atom in a range: (month, day_lo, day_hi) or season
    spec: tuple[int, ...] = ()


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text, max(0, pos - 16), pos)
    return m.group(1).lower() if m else ""


def _reresolve(atom: _Atom, year: int) -> _Atom:
    """A year-less atom in a range takes its year from the other end."""
    if atom.has_year or not atom.spec:
        return atom
    if atom.kind == "season":
        first, last = _season(year, atom.spec[0], atom.spec[1])
    else:
        mon, lo, hi = atom.spec
        if hi > _month_len(year, mon) and lo == hi:
            return atom
        first, last = _month_part(year, mon, lo, hi)
    return _Atom(atom.start, atom.end, first, last, atom.granularity, atom.kind, True, atom.spec)
