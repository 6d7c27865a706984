"""Relative date forms, one rule each, resolved against the reference date:
"yesterday", "on Friday", "two weeks ago", "last month", "over the past two months"."""

from __future__ import annotations

from datetime import date, timedelta

from .arithmetic import _add_months, _ago, _calendar_unit, _month_len, _weekday_on_or_before
from .atoms import _Atom
from .vocabulary import _counts

_Groups = dict[str, str | None]
# "in recent weeks": how far back a "recent" unit without a number reaches
_RECENT_REACH = {"day": 7, "week": 6, "month": 6, "year": 5}


def _count(word: str | None, default: int = 1) -> int:
    if not word:
        return default
    w = word.lower()
    return int(w) if w.isdigit() else _counts().get(w.split()[0], default)


def _relative_atom(g: _Groups, a: int, b: int, ref: date) -> _Atom | None:
    if g["rel"]:
        return _today_atom(g, a, b, ref)
    if g["wd"]:
        return _weekday_atom(g, a, b, ref)
    if g["ago"]:
        return _ago_atom(g, a, b, ref)
    if g["lu"]:
        mod = " ".join((g["lu_mod"] or "").lower().split())
        first, last = _calendar_unit(g["lu_u"] or "", mod, ref)
        return _Atom(a, b, first, last, "relative", "relative", True)
    if g["recent"]:
        return _recent_atom(g, a, b, ref)
    return None


def _today_atom(g: _Groups, a: int, b: int, ref: date) -> _Atom:
    """ "yesterday", "today", "tonight" """
    word = (g["rel"] or "").lower()
    d = ref - timedelta(days=1) if word == "yesterday" else ref
    return _Atom(a, b, d, d, "day", "relative", True)


def _weekday_atom(g: _Groups, a: int, b: int, ref: date) -> _Atom | None:
    """ "on Friday": the latest Friday on or before ``ref``; "last Friday" not ``ref`` itself."""
    d = _weekday_on_or_before(g["wd_name"] or "", ref)
    if d is None:
        return None
    if (g["wd_mod"] or "").lower() == "last" and d == ref:
        d -= timedelta(days=7)
    return _Atom(a, b, d, d, "day", "relative", True)


def _ago_atom(g: _Groups, a: int, b: int, ref: date) -> _Atom:
    """ "two months ago": that whole month (or year, or week)."""
    n = _count(g["ago_n"])
    unit = (g["ago_u"] or "").rstrip("s")
    d = _ago(n, unit, ref)
    if unit == "month":
        first = date(d.year, d.month, 1)
        last = date(d.year, d.month, _month_len(d.year, d.month))
        return _Atom(a, b, first, last, "month", "relative", True)
    if unit == "year":
        return _Atom(a, b, date(d.year, 1, 1), date(d.year, 12, 31), "year", "relative", True)
    if unit == "week":
        monday = d - timedelta(days=d.weekday())
        return _Atom(a, b, monday, monday + timedelta(days=6), "relative", "relative", True)
    return _Atom(a, b, d, d, "day", "relative", True)


def _recent_atom(g: _Groups, a: int, b: int, ref: date) -> _Atom | None:
    """ "over the past two months", "in recent weeks": from that far back to ``ref``.
    "In the previous month" is none: it points back from the period the story is
    about ("exports fell in December, after a 7.9% decline in the previous
    month"), not from the day it was written."""
    unit = (g["rc_u"] or g["rc_u2"] or "").rstrip("s")
    if not g["rc_n"] and "previous" in (g["recent"] or "").lower():
        return None
    if g["rc_u2"]:
        n = _RECENT_REACH[unit]
        if unit == "day":
            return _Atom(a, b, ref - timedelta(days=n), ref, "relative", "relative", True)
    else:
        n = _count(g["rc_n"])
    if unit == "day":
        first = ref - timedelta(days=n)
    elif unit == "week":
        first = ref - timedelta(days=7 * n)
    elif unit == "month":
        first = _add_months(ref, -n)
    elif unit == "decade":
        first = date(ref.year - 10 * n, ref.month, min(ref.day, 28))
    else:
        first = date(ref.year - n, ref.month, min(ref.day, 28))
    return _Atom(a, b, first, ref, "relative", "relative", True)
