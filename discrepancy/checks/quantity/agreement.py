"""When two figures agree.

A figure is an interval widened by the rounding slack of how it was written;
two figures agree when their widened intervals overlap. Open bounds ("more
than two million") are read as far as a reader takes them, and ranges state
both their ends.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import cache

from ...model import Claim, Quantity
from ...recognizers.quantities.qualifiers import BELOW
from ...text import wordlists

HIGH_RATIO = 2.0  # a figure off by half or double misleads a reader
MEDIUM_RATIO = 1.1  # 10% off is beyond any rounding a writer would do
# "More than two million" is read as "two million and a bit", not "any number
# above two million": open bounds are capped at this factor for agreement.
OPEN_BOUND_CAP = 2.0
NUMBER_MATCH_REL = 1e-6  # the same number, up to float noise


def widened(q: Quantity, extra: float = 0.0) -> tuple[float, float]:
    slack = q.tolerance + extra
    low = q.low * (1 - slack) if q.low >= 0 else q.low * (1 + slack)
    high = q.high * (1 + slack) if q.high >= 0 else q.high * (1 - slack)
    return low, high


@cache
def _decade_words() -> frozenset[str]:
    return frozenset(wordlists.data("vague_quantities.json")["of_phrases"])


def _decade(q: Quantity) -> bool:
    """A vague order of magnitude: "dozens", "hundreds", "thousands of"."""
    words = q.surface_value.lower().split()
    return q.qualifier == "vague" and bool(words) and words[0] in _decade_words()


def known(q: Quantity) -> bool:
    return q.qualifier != "unknown"


def plausible(q: Quantity) -> Quantity:
    """The interval a reader takes from the figure: open bounds capped."""
    low, high = q.low, q.high
    if math.isinf(high) and low > 0:
        high = low * OPEN_BOUND_CAP
    if (low <= 0 or math.isinf(low)) and high > 0 and q.qualifier in ("less_than", "at_most"):
        low = high / OPEN_BOUND_CAP
    return q if (low, high) == (q.low, q.high) else replace(q, low=low, high=high)


def overlap(a: Quantity, b: Quantity, extra: float) -> bool:
    """Widened intervals share more than a boundary: "22" (21.5..22.5) and "21"
    (20.5..21.5) only touch, and no count is both."""
    alo, ahi = widened(a, extra)
    blo, bhi = widened(b, extra)
    lo, hi = max(alo, blo), min(ahi, bhi)
    if hi < lo:
        return False
    if alo == ahi or blo == bhi:  # a point lies in or on the other interval
        return True
    return hi - lo > 1e-9 * max(abs(hi), abs(lo), 1.0)


def agree(a: Quantity, b: Quantity, extra: float = 0.0) -> bool:
    if not known(a) or not known(b):
        return not (known(a) ^ known(b))
    if wrong_side(a, b, extra):
        return False
    if _decade(a) and _decade(b):
        # "hundreds of houses" against "dozens of houses": the words name orders
        # of magnitude, and their slack must not make neighbours meet
        return a.low <= b.high and b.low <= a.high
    if both_ranges(a, b):
        return ends_agree(a, b, extra)
    if {a.qualifier, b.qualifier} == {"range", "approx"}:
        return _range_meets_approx(*((a, b) if a.qualifier == "range" else (b, a)), extra)
    return overlap(plausible(a), plausible(b), extra)


def _range_meets_approx(r: Quantity, a: Quantity, extra: float) -> bool:
    """A range states its ends, and "about 2,000" already holds its slack
    (1,500 to 2,500): "3,000 to 4,000 people" is not about 2,000, though the
    two widened once more would overlap."""
    lo, hi = widened(r, extra)
    return lo <= a.high * (1 + extra) and a.low * (1 - extra) <= hi


CAP_SLACK = 0.1  # "up to 90mph" is no cap the source's 75mph stands near


def cap_far_above(cap: Quantity, other: Quantity) -> bool:
    """A cap ("up to 90mph", "as much as $5 billion") says the figure reaches
    it: well above every value the other figure allows, it says more than the
    source. "less than $3 billion" for "$2.6 billion" is a bound, and holds."""
    if cap.qualifier != "at_most" or cap.low > 0 or not math.isfinite(cap.high) or cap.high <= 0:
        return False
    if other.qualifier not in ("exact", "approx", "at_most", "less_than"):
        return False
    return math.isfinite(other.high) and 0 < other.high < cap.high * (1 - CAP_SLACK)


_UP = ("more_than", "at_least")
_DOWN = ("less_than", "at_most")


def wrong_side(a: Quantity, b: Quantity, extra: float = 0.0) -> bool:
    """A bound the other figure lies beyond: "under 600" against "more than
    600", "less than $3 billion" against "$3.1 billion". A bound's number is its
    edge, not a rounding: whatever slack widens the two figures elsewhere, a
    bound that points away from the other figure says the opposite of it."""
    return _beyond(a, b, extra) or _beyond(b, a, extra)


def _open_above(q: Quantity) -> bool:
    """A floor with no ceiling: "more than 300"; a share's floor ends at 100%
    ("more than a quarter" reads 25% to 100%)."""
    return math.isinf(q.high) or (q.dimension == "percent" and q.high >= 100.0 > q.low)


def _beyond(bound: Quantity, other: Quantity, extra: float) -> bool:
    if bound.qualifier == "approx" and BELOW in bound.attributes and bound.value > 0:
        # "nearly 300" stops short of 300: "more than 300" or "310" lie past it
        edge = bound.value
        if other.qualifier in _UP and _open_above(other):
            return other.low >= edge * (1 - NUMBER_MATCH_REL)
        return other.qualifier == "exact" and widened(other, extra)[0] > edge
    if bound.qualifier in _UP and _open_above(bound) and bound.low > 0:
        edge = bound.low
        if other.qualifier in _DOWN and other.low <= 0:
            # "at least 6%" against "up to 6%": they share 6%, but one is a floor
            # and the other a cap -- a summary that turns one into the other
            # says the opposite of its source
            return other.high <= edge * (1 + NUMBER_MATCH_REL)
        return other.qualifier == "exact" and widened(other, extra)[1] < edge
    if bound.qualifier in _DOWN and bound.low <= 0 and bound.high > 0:
        return other.qualifier == "exact" and widened(other, extra)[0] > bound.high
    return False


def implied(claim: Quantity, source: Quantity, extra: float = 0.0) -> bool:
    """Whether the source's figure says at least what the claim says. Two bounds
    open the same way overlap whatever their figures, but "more than 200 items"
    does not say "over 274", nor "more than two dozen" "over 25": the claim's
    bound must lie within the source's (to the claim's rounding)."""
    slack = claim.tolerance + extra
    if hedge_made_bound(claim, source):
        return False
    if source.qualifier == "vague" and claim.qualifier in _UP + _DOWN:
        # "thousands of passengers" says "more than 1,000", not "fewer than 5,000":
        # a vague amount says a bound only from inside it
        return source.low >= claim.low * (1 - slack) and source.high <= claim.high * (1 + slack)
    if not same_open_direction(claim, source):
        return True
    if math.isinf(claim.high):
        return source.low >= claim.low * (1 - slack)
    return source.high <= claim.high * (1 + slack)


def hedge_made_bound(claim: Quantity, source: Quantity | None) -> bool:
    """The claim bounds the very number the source only hedges: "more than 1,500"
    for "some 1,500", "less than $1.6 billion" for "about $1.6 billion". The
    source puts the figure on either side of its number; the claim picks one."""
    if source is None or source.qualifier != "approx" or BELOW in source.attributes:
        return False
    if claim.qualifier in _UP and math.isinf(claim.high):
        edge = claim.low
    elif claim.qualifier in _DOWN and claim.low <= 0:
        edge = claim.high
    else:
        return False
    return edge > 0 and math.isclose(edge, source.value, rel_tol=NUMBER_MATCH_REL)


def both_ranges(a: Quantity, b: Quantity | None) -> bool:
    return b is not None and a.qualifier == b.qualifier == "range"


def point(q: Quantity, x: float) -> Quantity:
    """``x`` as an exact figure written like ``q``. A range's rounding is read at
    its lower end ("50 to 70": to the nearest ten, 5 either side of 50), and that
    slack in units is the upper end's too: 70 is 65-75, not 63-77, so "50 to
    70 stores" is not "50 to 60 stores" restated."""
    tolerance = q.tolerance
    if q.qualifier == "range" and x and q.low and math.isfinite(q.low):
        tolerance = q.tolerance * abs(q.low) / abs(x)
    return replace(q, low=x, high=x, value=x, qualifier="exact", tolerance=tolerance)


def ends_agree(a: Quantity, b: Quantity, extra: float = 0.0) -> bool:
    """Two ranges state both their ends: "$1.28 to $1.40" is not "$1.30 to
    $1.40", however much the two intervals overlap. Range ``a`` (the claim)
    agrees when each of ``b``'s ends rounds to its end at its own finest
    written step: "$1.3 to $1.4" rounds "$1.28 to $1.40"; "20 to 25 new stores",
    written to the unit by its 25, is no rounding of "20 to 30"."""
    # the step is the written one: "12-16 inches" is read in metres, written to the inch
    unit = _written_unit(a)
    slack = min(_end_slack(a.low / unit, a.tolerance), _end_slack(a.high / unit, 0.5)) * unit
    return all(
        abs(x - y) <= slack + extra * max(abs(x), abs(y)) + 1e-9 * max(abs(x), abs(y), 1.0)
        for x, y in ((a.low, b.low), (a.high, b.high))
    )


FIRST_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _written_unit(q: Quantity) -> float:
    """What one of the range's written numbers is worth in its read unit: 0.0254 for
    "12-16 inches" (read in metres); 1 when the written number is the read one."""
    m = FIRST_NUMBER.search(q.surface_value or "")
    written = float(m.group().replace(",", "")) if m is not None else 0.0
    if not written or not q.low or not math.isfinite(q.low):
        return 1.0
    unit = q.low / written
    return unit if unit > 0 and math.isfinite(unit) and not math.isclose(unit, 1.0) else 1.0


def _end_slack(x: float, tolerance: float) -> float:
    """Half the step a range end is written to, at most its read ``tolerance``:
    25 -> 0.5, 30 -> 5, 1.35 -> 0.005, 1.4 billion -> 50 million."""
    if not math.isfinite(x) or not x:
        return 0.0
    read = tolerance * abs(x)
    if x != int(x):
        decimals = len(f"{abs(x):.10f}".rstrip("0").split(".")[1])
        return min(read, 0.5 * 10.0 ** -decimals)
    n, step = int(abs(x)), 1
    while n % (step * 10) == 0 and step < 10**15:
        step *= 10
    return min(read, 0.5 * step)


def understated(a: Quantity, b: Quantity, extra: float = 0.0) -> bool:
    """True when the figures agree only literally: one is an open bound the
    other lies far inside ("more than 500" against "1,200")."""
    return (_open(a) or _open(b)) and overlap(a, b, extra) and not same_open_direction(a, b)


def _open(q: Quantity) -> bool:
    return math.isinf(q.high) or (q.low <= 0 and q.qualifier in _DOWN)


def same_open_direction(a: Quantity, b: Quantity) -> bool:
    return (math.isinf(a.high) and math.isinf(b.high)) or (
        a.low <= 0 and b.low <= 0 and a.qualifier in ("less_than", "at_most")
        and b.qualifier in ("less_than", "at_most")
    )


def gap_ratio(a: Quantity, b: Quantity) -> float:
    """How many times apart two figures are (>= 1); inf across zero.

    Two bounds open the same way ("20 million+" and "more than two million")
    are compared by the figures written; otherwise by the gap between the
    plausible intervals."""
    if same_open_direction(a, b) and a.value > 0 and b.value > 0:
        return max(a.value, b.value) / min(a.value, b.value)
    if both_ranges(a, b) and min(a.low, a.high, b.low, b.high) > 0:
        # the end that moved: "$100 million to $120 million" against "$90
        # million to $100 million" is 1.2x apart, though the two overlap
        return max(
            max(a.low, b.low) / min(a.low, b.low), max(a.high, b.high) / min(a.high, b.high)
        )
    a, b = plausible(a), plausible(b)
    if a.low > b.high:
        lo, hi = b.high, a.low
    elif b.low > a.high:
        lo, hi = a.high, b.low
    else:
        return 1.0
    if lo <= 0 or hi <= 0:
        return math.inf
    return hi / lo


def severity_for_ratio(ratio: float) -> str:
    if ratio >= HIGH_RATIO:
        return "high"
    if ratio >= MEDIUM_RATIO:
        return "medium"
    return "low"


def inside(x: float, lo: float, hi: float) -> bool:
    """``x`` within a rounding interval, ends excluded ("$1bn" covers up to,
    not including, "$1.5bn"); a point interval holds its own value."""
    if lo == hi:
        return x == lo
    eps = 1e-9 * max(abs(lo), abs(hi))
    return lo + eps < x < hi - eps


def nominal(q: Quantity) -> Quantity:
    return replace(q, low=q.value, high=q.value)


def as_read(q: Quantity) -> Quantity:
    """The figure as written: an approximate one keeps its slack ("roughly a
    third" is 31.7-35%), an open bound reaches as far as a reader takes it
    ("more than £1bn" holds £1.3bn, not £5bn)."""
    if q.qualifier == "approx":
        return q
    if q.qualifier in ("more_than", "at_least", "plus", "less_than", "at_most"):
        return plausible(q)
    return nominal(q)


POUND_KG = 0.45359237


def pounds_as_sterling(c: Claim) -> Claim:
    """A weight written "pounds" read as the money it may be: "under three hundred
    pounds" against "£289". Asked only where the sources give sterling and no
    weight."""
    q = c.quantity
    if q is None or q.dimension != "mass" or q.surface_unit.lower() not in ("pounds", "pound"):
        return c
    k = 1 / POUND_KG
    return replace(c, quantity=replace(
        q, low=q.low * k, high=q.high * k, value=q.value * k,
        dimension="currency:GBP", unit="GBP",
    ))


def metres_as_millions(c: Claim) -> Claim:
    """A length written with a bare "m" read as the millions it may be: "passed
    3m in 2014" against "passing three million in 2014". Asked only where the
    sources give no length."""
    q = c.quantity
    if q is None or q.dimension != "length" or q.surface_unit not in ("m", "M"):
        return c
    k = 1e6
    return replace(c, quantity=replace(
        q, low=q.low * k, high=q.high * k, value=q.value * k, dimension="count", unit="",
        surface_unit="",
    ))


def degrees_as_celsius(c: Claim) -> Claim:
    """An angle written "degrees" read as the temperature it may be: "beat the
    record by a tenth of a degree" against "0.1 degree Celsius". Asked only where
    the sources give temperatures in Celsius and no angle."""
    q = c.quantity
    if q is None or q.dimension != "angle" or not q.surface_unit.lower().startswith("degree"):
        return c
    return replace(c, quantity=replace(q, dimension="temperature", unit="degree_Celsius"))


def degrees_as_fahrenheit(c: Claim) -> Claim:
    """An angle written "degrees" read as the Fahrenheit the summary writes for its
    number ("a record-breaking 129 degrees" for "a record 129F")."""
    q = c.quantity
    if q is None or q.dimension != "angle" or not q.surface_unit.lower().startswith("degree"):
        return c

    def celsius(f: float) -> float:
        return (f - 32.0) * 5.0 / 9.0

    return replace(c, quantity=replace(
        q, dimension="temperature", unit="degree_Celsius", low=celsius(q.low),
        high=celsius(q.high), value=celsius(q.value),
    ))


PERIOD_DAYS = {"hour": 1 / 24, "day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25}


def period_of(q: Quantity) -> str | None:
    """The period a rate is told for: "year" for "$1 million a year"."""
    for a in q.attributes:
        if a.startswith("per ") and a[4:] in PERIOD_DAYS:
            return a[4:]
    return None


def rate_per(c: Claim, period: str) -> Claim:
    """A rate told for one period read for another: "roughly £1,650 a year" as
    £137.50 a month. Asked only where the sources tell that kind of rate for the
    other period alone."""
    q = c.quantity
    own = period_of(q) if q is not None else None
    if q is None or own is None or own == period:
        return c
    k = PERIOD_DAYS[period] / PERIOD_DAYS[own]
    return replace(c, quantity=replace(
        q, low=q.low * k, high=q.high * k, value=q.value * k,
        attributes=tuple(f"per {period}" if a == f"per {own}" else a for a in q.attributes),
    ))


_POINT_NOUNS = frozenset(("point", "points", "pt", "pts"))


def points_as_percentage_points(c: Claim) -> Claim:
    """A count of "points" ("Gross margin rose 0.4 points", "a 1-pt headwind")
    read as the percentage points it shortens. Asked only where the sources give
    percentage points."""
    q = c.quantity
    if q is None or q.dimension != "count" or q.subject.lower() not in _POINT_NOUNS:
        return c
    return replace(c, quantity=replace(
        q, dimension="percentage_point", unit="percentage_point", subject=""
    ))


def signed_as_change(c: Claim) -> Claim:
    """A signed percent or amount of money written as a change ("Interest
    expense -24%", "tons sold -13.1% YoY", "-$4.3 million") compared as the fall
    it states: against "decreased 24%", not as a level of minus 24. Other signed
    figures ("-5C") keep their sign."""
    q = c.quantity
    if q is None or q.value >= 0 or q.qualifier not in ("exact", "approx"):
        return c
    # "Employment rate -0.1 pts", "Dow -543.34 pts", "Initial claims -4K"
    points = q.dimension in ("percentage_point", "count")
    if q.dimension != "percent" and not q.dimension.startswith("currency:") and not points:
        return c
    if not _SIGN_BEFORE.search(c.text):
        return c
    return replace(c, quantity=replace(
        q, low=-q.high, high=-q.low, value=-q.value, change="down"
    ))


# the sign written on the figure itself: "-24%", "-$4.3 million", "−1.6%", or as a
# word, so that "minus 0.1 per cent" and "-0.1%" read alike
# (after a qualifier too: "only -42%")
_SIGN_BEFORE = re.compile(
    r"(?:^|\s)(?:[-\u2212\u2013]|minus\s|negative\s)\s*[$£€]?\s*\d", re.IGNORECASE
)


def share_as_percent(c: Claim) -> Claim:
    """A claim whose figure is a share written as a fraction ("roughly a third",
    "nine in ten") compared as the percent it is: against "33%", never against
    a count of 71 patients."""
    q = c.quantity
    if q is None or q.dimension == "percent":
        return c
    if c.subject and not _PROPORTION.search(c.text):
        # "a quarter point" counts points: a fraction of one, no share of a whole
        return c
    p = as_percent(q)
    return c if p is None else replace(c, quantity=p)


# "nine in ten people", "one out of three voters": a share whatever it counts
_PROPORTION = re.compile(r"\s(?:in|out\s+of)\s", re.IGNORECASE)


def as_percent(q: Quantity) -> Quantity | None:
    """A share as a percent: "roughly a third" (a count of 0.33) is "33%"."""
    if q.dimension == "percent":
        return q
    if q.dimension in ("count", "ratio") and 0 < q.low <= q.high < 1:
        return replace(q, low=q.low * 100, high=q.high * 100, value=q.value * 100,
                       dimension="percent", unit="percent")
    if (
        q.dimension in ("count", "ratio") and q.qualifier in ("more_than", "at_least")
        and 0 < q.value < 1 and math.isinf(q.high)
    ):
        # "more than a fifth": more than 20% (and at most all of it)
        return replace(q, low=q.low * 100, high=100.0, value=q.value * 100,
                       dimension="percent", unit="percent")
    if (
        q.dimension in ("count", "ratio") and q.qualifier in ("less_than", "at_most")
        and 0 < q.value < 1 and 0 <= q.low <= q.high < 1
    ):
        # "just under a quarter": under 25% (and no less than none of it)
        return replace(q, low=q.low * 100, high=q.high * 100, value=q.value * 100,
                       dimension="percent", unit="percent")
    return None


def same_written(a: Quantity, b: Quantity | None) -> bool:
    """``a``'s number is ``b``'s as written: its value, or an end of a move ("cut
    damages from $289 million to $78 million" writes $78 million; a span "5 to 10
    km" is one figure, its midpoint)."""
    if b is None:
        return False
    if math.isclose(a.value, b.value, rel_tol=NUMBER_MATCH_REL):
        return True
    return a.qualifier != "range" and _move(b) and any(
        math.isclose(a.value, end, rel_tol=NUMBER_MATCH_REL) for end in (b.low, b.high)
    )


def _move(q: Quantity) -> bool:
    return q.qualifier == "range" and q.change in ("up", "down") and math.isfinite(q.high)
