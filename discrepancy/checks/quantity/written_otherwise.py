"""A figure whose number the sources write, but otherwise: on the other side of
its bound ("up to 10C above average" where the source says "at least 10C"), or
in another unit ("5.9 million tonnes" where the source says "5.9 million TEU").

Both are errors a summary makes with the source's own number, so the number
alone makes the figure look written (a low "no source gives" at most). The
source's figure is the evidence: shown, at medium, as a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from ...model import Claim, Document, Finding
from ...text.lemmas import lemma
from ..findings import make_finding, quoted, sentence_of
from .agreement import agree, wrong_side
from .conflict import CONFLICT
from .number_index import significant_digits, written_figures
from .written import SCALED

# A unit read from a word of two letters or more: "5 m" may be a misread million
UNIT_CHARS_MIN = 2
WRITTEN_LOOKS = 50  # source figures of one written number weighed
_NO_UNIT_SWAP = ("percent", "percentage_point", "currency:")
PRECISE_DIGITS = 3


def turned_bound(
    c: Claim, same_value: Iterable[Claim], related: Callable[[Claim], bool], extra: float
) -> Claim | None:
    """A related source figure of the claim's number on the other side of its
    bound: "up to 10C" for "at least 10C", "fewer than 40" for "more than 40"."""
    q = c.quantity
    assert q is not None
    turned: Claim | None = None
    for k, s in enumerate(same_value):
        if k >= WRITTEN_LOOKS or s.quantity is None or not related(s):
            continue
        if not wrong_side(q, s.quantity, extra):
            return None  # "just over 5,000 and below 6,000" beside "over 6,000": both said
        turned = turned or s
    return turned


class WrittenNumbers:
    """Source figures by the numbers they were written with, in any unit (built
    on first use: most checks never ask)."""

    def __init__(self, s_quant: Sequence[Claim]) -> None:
        self._s_quant = s_quant
        self._by: dict[float, list[Claim]] | None = None

    def written_as(self, c: Claim) -> list[Claim]:
        if self._by is None:
            self._by = {}
            for s in self._s_quant:
                if s.quantity is not None:
                    for x in written_figures(s.quantity):
                        self._by.setdefault(round(x, 6), []).append(s)
        q = c.quantity
        assert q is not None
        return [s for x in written_figures(q) for s in self._by.get(round(x, 6), ())]


def other_unit(
    c: Claim, written: WrittenNumbers, related: Callable[[Claim], bool]
) -> Claim | None:
    """A related source figure that writes the claim's measured number, scale and
    all, in another unit or as a count of a named thing ("5.9 million TEU" for
    "5.9 million tonnes"), where no source gives it in the claim's measure."""
    q = c.quantity
    assert q is not None
    if q.dimension == "count" or q.dimension.startswith(_NO_UNIT_SWAP):
        return None
    if len(q.surface_unit or "") < UNIT_CHARS_MIN or q.qualifier not in ("exact", "approx"):
        return None
    if "age" in q.attributes or not (
        SCALED.search(q.surface_value) or significant_digits(q.surface_value) >= PRECISE_DIGITS
    ):
        # a small number meets another thing's by chance ("27-year-old", "27 clubs");
        # one with its scale word or three digits seldom does
        return None
    if q.surface_unit.lower() not in c.text.lower():
        return None  # a unit carried from another figure ("around four million ... litre")
    same = written.written_as(c)[:WRITTEN_LOOKS]
    if any(s.quantity is not None and s.quantity.dimension == q.dimension for s in same):
        return None  # the number is written in the claim's measure too
    return next((
        s for s in same
        if s.quantity is not None and s.quantity.surface_value == q.surface_value
        # percent and points have their own reading (``points_for_percent``)
        and not s.quantity.dimension.startswith(_NO_UNIT_SWAP)
        # a bare count may be the claim's figure with its unit left out
        and not (s.quantity.dimension == "count" and not s.subject)
        and not _unit_named(q.surface_unit, s)
        and related(s)
    ), None)


def unit_swapped(
    c: Claim, written: WrittenNumbers, related: Callable[[Claim], bool]
) -> Claim | None:
    """A related source figure that writes the claim's number in another unit of
    the same measure ("about 70 miles" for "about 70 kilometres"), where no source
    figure of that measure agrees with the claim."""
    q = c.quantity
    assert q is not None
    if q.dimension == "count" or q.dimension.startswith(_NO_UNIT_SWAP) or not q.surface_unit:
        return None
    if q.qualifier not in ("exact", "approx") or "age" in q.attributes:
        return None
    same = written.written_as(c)[:WRITTEN_LOOKS]
    if any(
        s.quantity is not None and s.quantity.dimension == q.dimension and agree(q, s.quantity)
        for s in same
    ):
        return None  # the number is written in the claim's unit too
    return next((
        s for s in same
        if s.quantity is not None and s.quantity.dimension == q.dimension
        and s.quantity.surface_value == q.surface_value
        and lemma(s.quantity.surface_unit.lower()) != lemma(q.surface_unit.lower())
        and related(s)
    ), None)


# The scales a summary slips between: thousand, million, billion, trillion
SCALE_STEPS = (1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9)
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def scale_slipped(
    c: Claim, inside: Callable[[float], Iterable[Claim]], related: Callable[[Claim], bool]
) -> Claim | None:
    """A related source figure that writes the claim's digits with another scale
    word: "$4.12 million" where the source says "₹32,805 crore ($4.12 billion)".
    Both must write a scale word, so a figure whose scale our reading carried or
    left off is never one; money only (a count or a measure so read raised a false
    alarm on a never-read probe round). ``inside(v)``: the source figures of the claim's
    dimension whose value is ``v``."""
    q = c.quantity
    assert q is not None
    if q.qualifier not in ("exact", "approx") or not q.value > 0 or not (
        q.dimension.startswith("currency:")
    ):
        return None
    mine = _scaled_digits(q.surface_value)
    if mine is None:
        return None
    for step in SCALE_STEPS:
        for s in inside(q.value * step):
            if s.quantity is not None and _scaled_digits(s.quantity.surface_value) is not None and (
                _scaled_digits(s.quantity.surface_value)[0] == mine[0]  # type: ignore[index]
            ) and related(s):
                return s
    return None


def _scaled_digits(surface: str) -> tuple[str, str] | None:
    """(digits, scale word) of a figure written with one: "$4.12 billion" ->
    ("4.12", "billion")."""
    scale = SCALED.search(surface)
    digits = _DIGITS.search(surface)
    if scale is None or digits is None or scale.start() < digits.end() - 1:
        return None
    return digits.group().replace(",", ""), scale.group(1).lower()


def _unit_named(unit: str, s: Claim) -> bool:
    """The source figure's words name the claim's unit, read there as a counted
    noun ("518 million kgs", "about 276 Barrels", "72.74 million fine troy
    ounces"): our reading differs, not the unit."""
    mine = lemma(unit.lower())
    return any(w.startswith(mine) or mine.startswith(w) for w in (
        lemma(t) for t in s.text.lower().split()[1:]
    ) if len(w) >= UNIT_CHARS_MIN)


def other_unit_finding(c: Claim, s: Claim, doc: Document) -> Finding:
    return make_finding(
        CONFLICT, "medium",
        f"{quoted(c)}: the sources write its number in another unit or of another "
        f"thing: {quoted(s)}.",
        c, (s,), sentence_text=sentence_of(doc, c),
    )
