"""DQ104: a figure the sources give only for another period.

Earnings summaries move a figure to the wrong quarter: "EPS of $1.30 to $1.40 for
Q3 2020" where the call guided "$1.30 to $1.40 for the fourth quarter of 2020".
The figure itself is in the source, so the quantity check finds it supported; the
date check finds "Q3 2020" everywhere in a third-quarter call. Only the figure's
own time frame shows the error: every source figure that states the same number
is framed in a quarter or half the claim's frame excludes.

Days are left out on purpose, and years count only for money and percents whose
year is written within a few words of them ("revenue of $4.2 billion for 2021"):
a figure's year is often attached from a neighbouring clause, and on news text
such frames raised false alarms.
"""

from __future__ import annotations

from collections.abc import Callable

from ...model import Claim, Document, Finding, Quantity
from ..base import Code
from ..findings import make_finding, quoted, sentence_of
from .agreement import both_ranges, ends_agree, same_written
from .support import SupportPool
from .time_frames import frames_compatible

PERIOD = Code("DQ104", "quantity.period", "conflict", "quantity",
              "A figure the sources give only for another period.")
# Frames precise and deliberate enough to contradict: fiscal periods.
PERIOD_GRANULARITIES = frozenset({"quarter", "half"})


def period_clash(
    c: Claim, pool: SupportPool, near_year: Callable[[Claim], bool] = lambda s: False
) -> Claim | None:
    """The source figure stating the claim's figure, when every source figure
    that states it is framed in a period the claim's frame excludes. A year
    frames a figure only when written in its clause (``near_year``)."""
    f, q = c.time_frame, c.quantity
    if f is None or q is None or not _framing(c, near_year):
        return None
    same = [
        s for s in pool.same_value(q)
        if s.quantity is not None and s.quantity.dimension == q.dimension and (
            ends_agree(q, s.quantity) if both_ranges(q, s.quantity)
            else q.qualifier != "range" and same_written(q, s.quantity)
        )
    ]
    if not same or any(
        s.time_frame is None or not _framing(s, near_year)
        or frames_compatible(f, s.time_frame)
        for s in same
    ):
        return None
    return same[0]


def _framing(c: Claim, near_year: Callable[[Claim], bool]) -> bool:
    f, q = c.time_frame, c.quantity
    if f is None or q is None:
        return False
    if f.granularity in PERIOD_GRANULARITIES:
        return True
    # "revenue of $4.2 billion for 2021": money and shares of an earnings year,
    # the year beside the figure (a news figure's year comes from anywhere)
    return f.granularity == "year" and _financial(q) and near_year(c)


def _financial(q: Quantity) -> bool:
    return q.dimension.startswith("currency:") or q.dimension == "percent"


def period_finding(c: Claim, evidence: Claim, doc: Document) -> Finding:
    frame = evidence.time_frame
    assert frame is not None
    return make_finding(
        PERIOD, "medium",
        f"{quoted(c)} is given for another period: the source gives {quoted(evidence)} "
        f"for {frame.start} to {frame.end}.",
        c, (evidence,), sentence_text=sentence_of(doc, c),
    )


def period_word_finding(c: Claim, evidence: Claim, theirs: str, doc: Document) -> Finding:
    """DQ104 by the words of the two sentences (``period_words``): ``theirs`` is
    the period the source names for the figure ("year", "quarter") or what it
    measures a change against ("the prior quarter", "a year before")."""
    if theirs in ("year", "quarter"):
        other = "the whole year" if theirs == "year" else "a quarter"
        message = (f"{quoted(c)} is given for another period: the source gives "
                   f"{quoted(evidence)} for {other}.")
    else:
        message = (f"{quoted(c)} is measured against another period: the source gives "
                   f"{quoted(evidence)} against {theirs}.")
    return make_finding(PERIOD, "medium", message, c, (evidence,),
                        sentence_text=sentence_of(doc, c))
