"""DQ101: a figure disagrees with the figure a source gives for the same thing."""

from __future__ import annotations

import math

from ...model import Claim, Document, Finding, Match, Quantity
from ..base import Code
from ..findings import make_finding, quoted, sentence_of
from .agreement import (
    both_ranges,
    gap_ratio,
    known,
    severity_for_ratio,
    understated,
    wrong_side,
)
from .number_index import significant_digits

CONFLICT = Code("DQ101", "quantity.conflict", "conflict", "quantity",
                "A figure disagrees with the figure a source gives for the same thing.")
# "More than 100 students" for 5,500 is literally true but misleads: an open
# bound this many times below the figure is reported like any gap.
UNDERSTATED_MEDIUM_RATIO = 5.0


# "several", "a few": a small vague amount sets a count within this many times of
# it no rival ("Two workers died" beside "several workers were caught")
FEW_RATIO = 2.0
FEW_MAX = 10.0


def _few_of_a_count(q: Quantity, e: Quantity, ratio: float) -> bool:
    """The source's rival is a small vague amount ("several workers"), the claim a
    figure near it: writers say "several" of two or three, and an editor reads no
    contradiction in it."""
    return (
        e.qualifier == "vague" and q.qualifier != "vague" and e.high <= FEW_MAX
        and ratio < FEW_RATIO
    )


def hedged_alike_apart(q: Quantity, e: Quantity) -> bool:
    """Two hedged figures written to the same significant digits (two or more) that
    differ by more than one unit of their last digit."""
    if q.qualifier != "approx" or e.qualifier != "approx" or q.value <= 0 or e.value <= 0:
        return False
    digits = significant_digits(q.surface_value)
    if digits < HEDGED_DIGITS or digits != significant_digits(e.surface_value):
        return False
    step = 10 ** (math.floor(math.log10(max(q.value, e.value))) - digits + 1)
    return abs(q.value - e.value) > step * (1 + 1e-9)


HEDGED_DIGITS = 2  # "some 5.6 million": one digit ("about 300") is the hedge's own rounding


def _apart(ratio: float, q: Quantity, e: Quantity) -> str:
    """ "10.0x apart" when the written figures are that far apart; "at least
    6.0x apart" when the ratio is the gap between two approximate readings
    ("around 20 million" and "about two million"). Close ratios get two
    decimals: "1.04x", not "1.0x"."""
    text = f"{ratio:.{2 if ratio < 1.5 else 1}f}x apart"
    written = (
        max(q.value, e.value) / min(q.value, e.value) if q.value > 0 and e.value > 0 else math.nan
    )
    return text if math.isclose(written, ratio, rel_tol=1e-9) else f"at least {text}"


def _ratio_and_severity(q: Quantity, e: Quantity) -> tuple[float, str]:
    """How far apart the two figures are, and how much that matters."""
    alike = hedged_alike_apart(q, e)
    # "nearly $273 million" for "nearly $253 million": the same hedge on the same
    # digits, as far apart as the numbers written (their hedges overlap)
    ratio = max(q.value, e.value) / min(q.value, e.value) if alike else gap_ratio(q, e)
    # two ranges state both ends: one end moved is no overlap that "agrees
    # only literally" ("$1.40 to $1.78" against "$1.30 to $1.40")
    literal = understated(q, e) and not both_ranges(q, e)
    sev = "low" if literal and ratio < UNDERSTATED_MEDIUM_RATIO else severity_for_ratio(ratio)
    if sev == "low" and ratio > 1 and q.qualifier == e.qualifier and q.qualifier in (
        "exact", "range"
    ):
        # Two exact figures beyond each other's rounding ("22 countries" and
        # "21 countries"): one of them is wrong, however close.
        sev = "medium"
    if sev == "low" and ratio > 1 and alike:
        # "some 5.6 million vehicles" for "some 6.5 million": the same hedge on
        # the same digits; the digits differ beyond their last place
        sev = "medium"
    if sev == "medium" and _few_of_a_count(q, e, ratio):
        sev = "low"
    return ratio, sev


def conflict_finding(
    m: Match, code: Code, doc: Document, who: str = "a source",
    written_elsewhere: Claim | None = None, loosely_related: bool = False,
) -> Finding:
    q, e = m.claim.quantity, m.evidence.quantity
    assert q is not None and e is not None
    if not known(q):
        sev, ratio = "medium", None
        msg = (
            f"{quoted(m.claim)} says the figure is unknown; "
            f"{who} gives {quoted(m.evidence)}."
        )
    else:
        ratio, sev = _ratio_and_severity(q, e)
        times = "" if math.isinf(ratio) else f" ({_apart(ratio, q, e)})"
        if wrong_side(q, e):
            # "under 600" for "more than 600": however close, the bound says
            # the opposite of the source
            sev = "medium" if sev == "low" else sev
            times = " (the other side of the bound)"
        msg = f"{quoted(m.claim)} disagrees with {who}: {quoted(m.evidence)}{times}."
        if loosely_related:
            # matched by the counted noun alone ("nearly 21,000 cases" against "741
            # cases" of a sentence about something else): shown, never "high"
            sev = "medium" if sev == "high" else sev
        if written_elsewhere is not None:
            # the number itself is the sources': the wrong thing, or a reading of
            # ours that put it on the wrong thing -- shown, and never "high"
            sev = "medium" if sev == "high" else sev
            msg += (" The sources write its number about something else: "
                    f"{quoted(written_elsewhere)}.")
    return make_finding(
        code, sev, msg, m.claim, (m.evidence,),
        sentence_text=sentence_of(doc, m.claim),
        ratio=None if ratio is None or math.isinf(ratio) else ratio,
    )
