"""Whether two figures could describe the same time: their frames overlap, and
neither is a running total that grew."""

from __future__ import annotations

from ...model import Claim, Match, Period


def frames_compatible(a: Period | None, b: Period | None) -> bool:
    """Figures are compared only when they could describe the same time.

    Vague relative frames ("in recent months") are compatible with anything:
    the writer did not commit to a period precise enough to contradict.
    """
    if a is None or b is None:
        return True
    if a.granularity == "relative" or b.granularity == "relative":
        return True
    return a.overlaps(b)


def _cumulative(p: Period) -> bool:
    return p.open_start or p.open_end  # "by mid-October", "since September"


def is_growth(a: Claim, b: Claim) -> bool:
    """Running totals stated at different times may differ without conflict.

    Both figures must be stated as totals up to a point ("by mid-October",
    "since September"), end at different times, and the later one must not
    be smaller. A figure merely reported on a day ("on Friday") is not a
    running total: treating it as one would excuse any inflated figure.
    """
    fa, fb = a.time_frame, b.time_frame
    if fa is None or fb is None or fa.end == fb.end:
        return False
    if not (_cumulative(fa) and _cumulative(fb)):
        return False
    qa, qb = a.quantity, b.quantity
    if qa is None or qb is None:
        return False
    early, late = (qa, qb) if fa.end < fb.end else (qb, qa)
    return late.high >= early.low


def comparable(m: Match) -> bool:
    if not frames_compatible(m.claim.time_frame, m.evidence.time_frame):
        return False
    return not is_growth(m.claim, m.evidence)
