"""One figure put together: the core, then the words around it, into a ``Mention``.

``finish`` runs the stages in order (sign, qualifier before, range, unit after,
vetoes, rate, qualifier after, counted noun, change verb, interval); each stage
is a named function below that reads or fills the ``Draft`` of the figure."""

from __future__ import annotations

import math
from typing import Any

from ...text import units, wordlists
from .cores import minus_sign, proportion
from .mention import Core, Draft, Mention
from .noun_phrase import counted_subject
from .qualifiers import (
    BELOW,
    below_phrases,
    change_of_figure,
    qualifier_after_figure,
    qualifier_before,
)
from .ranges import range_opener, read_range, unit_after_range_end
from .state import Scan
from .tokens import DASHES
from .units_after import (
    currency_mark_after,
    currency_name_after,
    is_percent,
    rate_of_measure,
    unit_or_currency_after,
    unit_shared_after,
    years_old,
)
from .vague import times_or_fold_after
from .vetoes import (
    reject_bare_figure,
    reject_non_quantity,
    reject_year,
)

# A bare or bounded figure is read as a rounding of at most 10%: "£1bn" is no rounding
# of "£1.3bn", though "about £1bn" is.
EXACT_TOL_CAP = 0.1


# "about 500" spans 5% either side; the comparer adds the rounding slack of
# "500" (kept as the tolerance) once, so the two are not counted twice.
APPROX_SLACK = 0.05


HEDGED_FRACTION_TOL = 0.1


def finish(
    sc: Scan, core: Core, previous: list[Mention], after_of: int | None = None
) -> Mention | None:
    """Read the words around ``core`` into a Mention; None if they show it counts nothing.

    ``after_of`` is the token after the "of" of "dozens of", where the counted noun starts.
    A veto raises ``Skip`` instead of returning.
    """
    d = Draft(
        core.first, core.last, core.first, False, "", "=", "", None, False, False, None, "",
        None, False, [], core.last + 1, core.kind, "", core.last, core.last + 1,
    )
    if signed(sc, core):
        minus_sign(sc, d)
    d.qual, d.change, d.qfirst = qualifier_before(sc, d.first)
    if d.qual == "approx" and tuple(sc.t.low[d.qfirst:d.first]) in below_phrases():
        d.attrs.append(BELOW)  # "nearly 300": short of it, never past it
    range_opener(sc, d)
    nxt = core.last + 1
    if (core.kind in ("digits", "spelled") and core.currency is None and core.unit is None
            and nxt < sc.t.n and (sc.t.kind[nxt] == "w" or sc.t.tx[nxt] in DASHES)):
        proportion(sc, core)  # "one in five", "one-in-five"
    d.last = core.last
    if core.kind == "digits" and core.currency is None:
        reject_non_quantity(sc, core, d.first)
        if len(core.digits) == 4:
            reject_year(sc, core, d.first)
    if not read_range(sc, core, d):
        return None
    d.currency = core.currency
    d.pos = d.last + 1 if after_of is None else after_of
    read_unit(sc, core, d)
    reject_bare_figure(sc, core, d)
    if d.is_range and (d.unit is not None or d.currency is not None):
        unit_after_range_end(sc, d)
    if d.unit is not None and d.unit.dimension == "duration":
        years_old(sc, d)
        _comparison_base(sc, d)
    if d.unit is not None or d.currency is not None or d.kind == "multiplier":
        rate_of_measure(sc, d)
    _qualifier_then_unit(sc, core, d)
    if not counted_subject(sc, core, d):
        return None
    change_of_figure(sc, d, previous, core.scale == 1.0)
    downward_move(core, d)
    return to_mention(sc, core, d)


_BASE_AFTER = frozenset(("before", "earlier", "ago", "prior", "previously"))


def _comparison_base(sc: Scan, d: Draft) -> None:
    """"2% lower than a year before", "11% lower than five years earlier": the span
    dates the base of a comparison; the comparative is the figure's, no bound on
    the span ("lower than a year" is no "under a year")."""
    t = sc.t
    if d.qfirst < d.first and t.low[d.qfirst] in wordlists.words("comparatives.txt") and (
        d.pos < t.n and t.low[d.pos] in _BASE_AFTER
    ):
        d.qual, d.change, d.qfirst = "exact", "=", d.first


def _qualifier_then_unit(sc: Scan, core: Core, d: Draft) -> None:
    """A qualifier after the figure, and the unit after it: "30-plus years", "40+
    km", "seven or more hours", "three or fewer goals" (the unit read before
    stopped at the qualifier)."""
    last = d.last
    qualifier_after_figure(sc, d)
    if d.last != last and d.unit is None and d.currency is None and d.kind in (
        "digits", "spelled"
    ):
        read_unit(sc, core, d)


TURNED_MOVE = "turned-move"  # "scores fell from 76.9 to 81.1 percent": the verb against the ends
TURNED_SCALE = 10.0  # ends this far apart may be scaled apart ("from 1.2 to 900 million")
# What is counted where a fall is a higher number: "fell from fifth to ninth place"
_RANKS = frozenset(("rank", "place", "position", "spot", "seed", "seeding", "ranking"))


def downward_move(core: Core, d: Draft) -> None:
    """No span runs downward: "a reduction in damages from $289 million to $78
    million" is a move down, each end a figure written. A verb of direction
    against the order of the ends is marked (``TURNED_MOVE``)."""
    if not d.from_to or d.second is None:
        return
    first, second = core.value, d.second.value
    if d.change == "=" and first > second:
        d.change = "down"
    elif (d.change == "down" and first < second) or (d.change == "up" and first > second):
        lo, hi = sorted((abs(first), abs(second)))
        ranked = bool(_RANKS.intersection(d.subject.split()))
        if lo > 0 and hi / lo < TURNED_SCALE and not ranked:
            d.attrs.append(TURNED_MOVE)


_SIGN_WORDS = frozenset(("minus", "negative"))


def signed(sc: Scan, core: Core) -> bool:
    """A sign stands before the number: "-1.3%", "minus 5", "negative ten"."""
    p = core.first - 1
    if p < 0:
        return False
    if core.kind == "digits":
        return sc.t.tx[p] in _SIGNS or sc.t.low[p] in _SIGN_WORDS
    return core.kind in ("spelled", "fraction") and sc.t.low[p] in _SIGN_WORDS


def read_unit(sc: Scan, core: Core, d: Draft) -> None:
    """What the figure is in: a unit or currency after it, or a multiplier word."""
    if d.currency is None and d.unit is None:
        unit_or_currency_after(sc, core, d)
    elif d.currency is not None:
        currency_name_after(sc, d)
    if d.currency is None and d.unit is None and core.kind == "digits" and d.pos < sc.t.n:
        currency_mark_after(sc, d)
    if d.currency is None and d.unit is None and core.kind in ("digits", "spelled") and (
        core.scale == 1.0
    ):
        unit_shared_after(sc, core, d)
    d.kind = core.kind
    if d.unit is None and d.currency is None and d.kind in ("digits", "spelled", "fraction"):
        times_or_fold_after(sc, d, whole=core.value == int(core.value))


_SIGNS = DASHES | {"−"}
_MULTIPLIER = units.UnitInfo("ratio", "", 1.0, 0.0, "times")
_BOUNDED = frozenset(("exact", "more_than", "at_least", "less_than", "at_most", "plus", "range"))


def final_qualifier(core: Core, d: Draft) -> str:
    """The qualifier the mention carries: "vague", "multiplier" or "range" where the
    figure is one and nothing stronger was written."""
    qualifier = d.qual or "exact"
    if d.kind == "vague" and core.vague is not None:
        return "vague" if qualifier == "exact" else qualifier
    if d.kind == "multiplier" and qualifier == "exact":
        return "multiplier"
    if d.is_range and qualifier in ("exact", "approx"):
        return "range"
    return qualifier


def interval(qualifier: str, lo: float, hi: float, tol: float) -> tuple[float, float, float]:
    """(low, high, tolerance) a figure stands for: "about" widens it, "more than" opens it."""
    low_v, high_v = min(lo, hi), max(lo, hi)
    if qualifier in _BOUNDED:
        tol = min(tol, EXACT_TOL_CAP)
    if qualifier == "approx":
        slack = max(tol, APPROX_SLACK)
        low_v, high_v = low_v - abs(low_v) * slack, high_v + abs(high_v) * slack
    elif qualifier in ("more_than", "at_least", "plus"):
        high_v = math.inf
    elif qualifier in ("less_than", "at_most"):
        low_v = 0.0 if low_v >= 0 else -math.inf
    return low_v, high_v, tol


SMALL_COUNT = 100  # below it, a count ending in zero is no rounding: "10 rebounds" is not 11


def _small_count_tolerance(qualifier: str, d: Draft, value: float, tol: float) -> float:
    """An exact count of a few things, written in digits or words: "20 people",
    "10 rebounds". News rounds amounts, not counts this small, so its last digit
    counts even where it is a zero."""
    small = (
        qualifier == "exact" and d.unit is None and d.currency is None
        and d.kind not in ("multiplier", "vague", "fraction") and not d.is_range
        and value == int(value) and 0 < abs(value) < SMALL_COUNT
    )
    return min(tol, 0.5 / abs(value)) if small else tol


def to_mention(sc: Scan, core: Core, d: Draft) -> Mention:
    """The Mention of a fully read draft: its numbers, interval and span."""
    t = sc.t
    second = d.second
    value = core.value
    lo = hi = value
    if second is not None:
        lo, hi = value, second.value
    if d.negative:
        # the sign is written on the first number only: "between negative ten and fifteen"
        value, lo, hi = -value, -lo, (hi if second is not None else -hi)
        if d.change == "=" and is_percent(d.unit):
            d.change = "down"  # "DAX -1.6%"
    written: Any = (lo, hi) if d.is_range else value
    if d.minor:
        value, lo, hi = value / 100, lo / 100, hi / 100
    tol = core.tol
    qualifier = final_qualifier(core, d)
    if qualifier == "approx" and core.kind == "fraction" and 0 < value < 1 and not core.digits:
        # "nearly a fifth" for 18%, "nearly a third" for 30.7%: a hedged share in
        # words rounds to a fraction a reader knows, a tenth of it either side
        tol = max(tol, HEDGED_FRACTION_TOL)
    if d.kind == "vague" and core.vague is not None:
        lo, hi = core.vague
        value = (lo + hi) / 2
        tol = sc.lx.vague_tol
    tol = _small_count_tolerance(qualifier, d, value, tol)
    low_v, high_v, tol = interval(qualifier, lo, hi, tol)
    start = min(d.first, d.qfirst)
    if d.is_range and d.between_word and start > 0 and t.low[start - 1] == d.between_word:
        start -= 1  # the claim reads "between 5 and 7", not "5 and 7"
    extras: dict[str, Any] = {"written": written}
    if d.from_to:
        extras["from_to"] = True
        d.attrs.append("from-to")
    return Mention(
        start=t.st[start],
        end=t.en[d.span_last],
        low=low_v,
        high=high_v,
        value=(lo + hi) / 2 if d.is_range else value,
        qualifier=qualifier,
        change=d.change or "=",
        unit=(
            units.currency(d.currency) if d.currency
            else d.unit if d.unit is not None
            else _MULTIPLIER if d.kind == "multiplier"
            else units.COUNT
        ),
        surface_unit=d.surface_unit,
        surface_value=sc.text[t.st[core.first] : t.en[second.last if second else core.last]],
        subject=d.subject,
        attributes=tuple(d.attrs),
        tolerance=tol,
        is_range=d.is_range,
        kind=d.kind,
        resume=max(d.resume, d.span_last + 1),
        extras=extras,
    )
