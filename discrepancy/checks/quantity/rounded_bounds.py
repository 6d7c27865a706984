"""A source's bound that only rounds the exact figure the source also gives.

"laying off more than 100 employees ... There are 104 employees who were given
notice": the bound is the headline's rounding of the count the story states.
A summary's "laying off 140 employees" fits the bound and not the count, and
the count is what the source says: the bound is no support for a precise
figure that differs from it. Only a bound near its exact figure is its
rounding ("more than 100" of 104, not of 260); only for a precise claim
("about 140" says no more than the bound), and one the bound could not be the
rounding of too ("killed 46 people" for "at least 40" beside "In Haiti alone,
42 people died": a figure more precise than the sources', no other count's).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Match, Quantity
from .agreement import agree

__all__ = ["without_rounding_bounds"]

_UP = ("more_than", "at_least")
_DOWN = ("less_than", "at_most")
# How near a bound's number its exact figure lies, as a ratio: "more than 100"
# rounds 104 or 120, not 260 (a second statement, not the same count).
ROUNDING_REACH = 1.25


def _near(bound: Quantity, x: float) -> bool:
    """Whether ``x`` is a figure ``bound`` could be the rounding of."""
    if bound.qualifier in _UP:
        return bound.low <= x <= bound.low * ROUNDING_REACH
    if bound.qualifier in _DOWN:
        return bound.high / ROUNDING_REACH <= x <= bound.high
    return False


def _rounds(bound: Quantity, exact: Quantity, claim: Quantity) -> bool:
    """Whether ``bound`` reads as ``exact`` rounded toward its open side, and not
    as the claim: a claim near the bound ("killed 46 people" for "at least 40")
    may be its rounding as well, and the exact figure another count ("In Haiti
    alone, 42 people died"); it says more than the bound, no more."""
    return (
        exact.qualifier == "exact" and bound.unit == exact.unit
        and _near(bound, exact.value) and not _near(bound, claim.value)
    )


def without_rounding_bounds(q: Quantity, matches: Sequence[Match], tolerance: float) -> list[Match]:
    """``matches`` less the bounds another match of the same source sentence's
    thing states exactly, when the claim is a precise figure that differs from it."""
    if q.qualifier != "exact":
        return list(matches)
    exact = [
        m.evidence for m in matches
        if m.evidence.quantity is not None and m.evidence.quantity.qualifier == "exact"
        and not agree(q, m.evidence.quantity, tolerance)
    ]
    if not exact:
        return list(matches)
    return [
        m for m in matches
        if m.evidence.quantity is None or m.evidence.quantity.qualifier not in _UP + _DOWN
        or not any(
            e.doc == m.evidence.doc and e.subject == m.evidence.subject
            and _rounds(m.evidence.quantity, e.quantity, q)  # type: ignore[arg-type]
            for e in exact
        )
    ]
