"""Calendar arithmetic: month lengths, month parts, seasons, "N units ago" and the
calendar week, month or year around a reference date."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from .vocabulary import _date_words


def _month_len(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return date(y, m + 1, min(d.day, _month_len(y, m + 1)))


def _month_part(y: int, m: int, lo: int, hi: int) -> tuple[date, date]:
    n = _month_len(y, m)
    return date(y, m, min(lo, n)), date(y, m, min(hi, n))


def _season(y: int, m1: int, m2: int) -> tuple[date, date]:
    first = date(y, m1, 1)
    y2 = y + 1 if m2 < m1 else y
    return first, date(y2, m2, _month_len(y2, m2))


def _pick_year(make: object, ref: date) -> int:
    """Year that puts a year-less date on or before the reference."""
    assert callable(make)
    first, _ = make(ref.year)
    return ref.year if first <= ref else ref.year - 1


def _weekday_on_or_before(name: str, ref: date) -> date | None:
    """The most recent ``name`` day on or before ``ref`` ("Friday" in a Tuesday story)."""
    wd = _date_words()["weekday"].get(name.lower().rstrip("."))
    if wd is None:
        return None
    return ref - timedelta(days=(ref.weekday() - wd[0]) % 7)


def _ago(n: int, unit: str, ref: date) -> date:
    """``ref`` minus ``n`` units, the day clamped to the target month's length."""
    if unit == "day":
        return ref - timedelta(days=n)
    if unit == "week":
        return ref - timedelta(days=7 * n)
    if unit == "month":
        return _add_months(ref, -n)
    y = ref.year - n
    return date(y, ref.month, min(ref.day, _month_len(y, ref.month)))


def _calendar_unit(unit: str, mod: str, ref: date) -> tuple[date, date]:
    if unit in ("week", "weekend"):
        monday = ref - timedelta(days=ref.weekday())
        if mod == "last":
            monday -= timedelta(days=7)
        elif mod == "next":
            monday += timedelta(days=7)
        if unit == "weekend":
            sat = monday + timedelta(days=5)
            if mod == "this" and ref.weekday() <= 1:
                # a Monday's or Tuesday's story means the weekend just past (box
                # office, sport), not the one to come
                sat -= timedelta(days=7)
            return sat, sat + timedelta(days=1)
        end = monday + timedelta(days=6)
        return monday, (min(end, ref) if mod in ("this", "earlier this") else end)
    if unit == "month":
        first = date(ref.year, ref.month, 1)
        if mod == "last":
            first = _add_months(first, -1)
        elif mod == "next":
            first = _add_months(first, 1)
        last = date(first.year, first.month, _month_len(first.year, first.month))
        if mod == "earlier this":
            last = ref
        elif mod == "later this":
            first = ref
        return first, last
    y = ref.year - 1 if mod == "last" else ref.year + 1 if mod == "next" else ref.year
    first, last = date(y, 1, 1), date(y, 12, 31)
    if mod == "earlier this":
        last = ref
    elif mod == "later this":
        first = ref
    return first, last
