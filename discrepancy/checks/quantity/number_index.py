"""Numbers sorted by value, looked up by the numbers a figure was written with
(within its rounding, or exactly)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from ...model import Quantity
from ...text.numbers import parse_number
from .agreement import NUMBER_MATCH_REL, inside
from .written import text_numbers


def figure_forms(q: Quantity) -> set[float]:
    """The figure's value as written; a range's two ends, never its midpoint
    ("20 to 30 new stores" writes no 25) nor the widened bounds of "around 870"
    or "more than 800"."""
    ends = (q.low, q.high) if q.qualifier == "range" else (q.value,)
    forms = {x for x in ends if math.isfinite(x)}
    if q.dimension == "percent":
        forms |= {x / 100 for x in forms}
    elif q.dimension in ("count", "ratio") and 0 < q.value < 1:
        forms |= {x * 100 for x in forms}
    return forms


@lru_cache(maxsize=4096)
def written_figures(q: Quantity) -> frozenset[float]:
    """The numbers a figure was written with: "40 days" is 40, not 3,456,000 s."""
    out = set()
    surface = q.surface_value.strip()
    for part in re.split(r"\s*(?:-|–|to)\s*(?=\d)", surface) if surface else []:
        cleaned = part.strip().lstrip("£$€#~")
        v = parse_number(cleaned)
        if v is not None:
            out.add(v)
        else:  # "£1.8bn": the scaled figure only, never the bare "1.8"
            found = text_numbers(cleaned)
            out |= {max(found)} if found else set()
    if q.unit in ("", "percent") or q.dimension.startswith("currency:"):
        out |= figure_forms(q)
    # cached: written_near asks it of one figure once per source sentence
    return frozenset(x for x in out if math.isfinite(x))


def figure_in(q: Quantity, numbers: Sequence[float], exact: bool = False) -> bool:
    """Whether any number the figure was written with appears among ``numbers``
    (sorted; within the figure's rounding, or as written when ``exact``).

    The rounding interval is open: "30" covers 26 or 34, not 35 (which rounds
    to 40), and "$1bn" is no rounding of "$1.5bn".
    """
    return any(first_inside(numbers, w) is not None for w in number_windows(q, exact))


def number_windows(q: Quantity, exact: bool) -> list[tuple[float, float, bool]]:
    """(low, high, closed) intervals a written number of ``q`` may take."""
    slack = NUMBER_MATCH_REL if exact else max(q.tolerance, NUMBER_MATCH_REL)
    out = []
    for x in written_figures(q):
        lo, hi = sorted((x * (1 - slack), x * (1 + slack)))
        if slack <= NUMBER_MATCH_REL:
            out.append((lo, hi, True))
        else:
            out.append((lo * (1 + 1e-9) if lo > 0 else lo, hi * (1 - 1e-9), False))
    return out


def first_inside(values: Sequence[float], window: tuple[float, float, bool]) -> int | None:
    """Index of the first of sorted ``values`` inside ``window``, or None."""
    from bisect import bisect_left, bisect_right

    lo, hi, closed = window
    i = bisect_left(values, lo) if closed else bisect_right(values, lo)
    if i < len(values) and (values[i] <= hi if closed else values[i] < hi):
        return i
    return None


class NumberIndex:
    """Numbers with an id each (a sentence, a claim), sorted by value."""

    def __init__(self, pairs: list[tuple[float, int]]) -> None:
        pairs.sort()
        self.values = [v for v, _ in pairs]
        self.ids = [k for _, k in pairs]

    def between(self, lo: float, hi: float) -> Iterator[int]:
        """Ids whose value lies inside the rounding interval ``lo``..``hi`` (``inside``)."""
        from bisect import bisect_left, bisect_right

        for k in range(bisect_left(self.values, lo), bisect_right(self.values, hi)):
            if inside(self.values[k], lo, hi):
                yield self.ids[k]

    def sentences(self, q: Quantity, exact: bool, limit: int | None = None) -> set[int]:
        """Ids whose value ``q`` was written with; at most about ``limit`` of them."""
        out: set[int] = set()
        for w in number_windows(q, exact):
            i = first_inside(self.values, w)
            lo, hi, closed = w
            while i is not None and i < len(self.values) and (
                self.values[i] <= hi if closed else self.values[i] < hi
            ):
                out.add(self.ids[i])
                i += 1
                if limit is not None and len(out) >= limit:
                    return out
        return out


_FIRST_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def significant_digits(written: str) -> int:
    """Significant digits of the first number written: "13.4%" 3, "42,549" 5,
    "2,000" 1, "0.05" 1; 0 for a number in words."""
    m = _FIRST_NUMBER.search(written)
    if m is None:
        return 0
    whole, _, frac = m.group().replace(",", "").partition(".")
    digits = (whole + frac).lstrip("0")
    return len(digits if frac else digits.rstrip("0"))
