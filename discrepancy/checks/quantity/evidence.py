"""Which source figure a conflict shows: the best match, or the figure of the
sentence that most nearly repeats the claim's statement."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...model import Claim, Match
from ...text.similarity import context_overlap
from .agreement import agree, gap_ratio, known
from .conflict import hedged_alike_apart


def best_match(matches: Sequence[Match]) -> Match:
    return max(
        matches,
        key=lambda m: (m.score, context_overlap(m.claim, m.evidence), -m.evidence.start),
    )


SAME_STATEMENT_CONTEXT = 0.3  # sentence overlap at which two figures are the same statement's


def closer(c: Claim, a: Claim, b: Claim) -> bool:
    """Whether ``a`` repeats the claim's statement more nearly than ``b``: more
    context in common, then the same form (a range against a range)."""
    q = c.quantity

    def key(s: Claim) -> tuple[float, bool]:
        sq = s.quantity
        return context_overlap(c, s), sq is not None and q is not None and (
            sq.qualifier == q.qualifier
        )

    if q is not None and q.qualifier == "range":
        # a range states two ends: another range shows which moved, a single
        # figure between them nothing ("$1.78 to $1.40" against "$1.30 to $1.40",
        # not last quarter's "$1.36")
        ra, rb = (s.quantity is not None and s.quantity.qualifier == "range" for s in (a, b))
        if ra != rb:
            return ra
    return key(a) > key(b)


def same_statement(
    c: Claim, pool: Sequence[Claim], same_subject: Callable[[Claim], bool] = lambda s: True
) -> Claim | None:
    """The source figure of the same dimension in the sentence that most
    nearly repeats the claim's ("demanding a 16% wage increase over two years"
    against "demanding a 14% wage increase over two years"); among a sentence's
    figures, one of the same form (a range for a range), then the nearest value.
    None when no sentence repeats it closely."""
    q = c.quantity
    assert q is not None
    best: tuple[float | bool, float | bool, float, int] | None = None
    found: Claim | None = None
    for k, s in enumerate(pool):
        sq = s.quantity
        if sq is None or sq.dimension != q.dimension or not known(sq):
            continue
        if ("age" in sq.attributes) != ("age" in q.attributes) or (
            agree(q, sq) and not hedged_alike_apart(q, sq)
        ):
            continue
        if not same_subject(s):
            continue
        overlap = context_overlap(c, s)
        if overlap < SAME_STATEMENT_CONTEXT:
            continue
        same_form = sq.qualifier == q.qualifier
        # a range's rival is a range first (``closer``), then the nearer sentence
        key = (
            (same_form, overlap, -gap_ratio(q, sq), -k) if q.qualifier == "range"
            else (overlap, same_form, -gap_ratio(q, sq), -k)
        )
        if best is None or key > best:
            best, found = key, s
    return found
