"""Two ranges agree end by end, at the claim's finest written step (property
tests over written ranges; the sentences are in tests/corpora/checks/DQ101.yaml)."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import discrepancy
from discrepancy.checks.quantity.agreement import ends_agree
from discrepancy.model import Quantity


def _range(low: int, high: int) -> Quantity:
    claims = [c for c in discrepancy.extract(f"We will open {low:,} to {high:,} stores.")
              if c.quantity is not None]
    assert len(claims) == 1, claims
    q = claims[0].quantity
    assert q is not None and q.qualifier == "range"
    return q


ends = st.tuples(st.integers(1, 5_000), st.integers(1, 5_000)).filter(lambda t: t[0] < t[1])


@settings(max_examples=60, deadline=None)
@given(ends)
def test_a_range_agrees_with_itself(t: tuple[int, int]) -> None:
    q = _range(*t)
    assert ends_agree(q, q)


@settings(max_examples=60, deadline=None)
@given(ends, st.integers(1, 9))
def test_an_end_moved_off_the_claims_step_disagrees(t: tuple[int, int], units: int) -> None:
    low, high = t
    # "20 to 30" rounds to the ten: a 25 beside it may be its rounding
    assume(high % 10 != 0)
    # the claim writes its upper end to the unit; the source's differs by whole units
    claim, source = _range(low, high), _range(low, high + units)
    assert not ends_agree(claim, source)


def test_rounding_each_end_at_the_claims_step_agrees() -> None:
    claim = [c for c in discrepancy.extract("EPS of $1.3 to $1.4.") if c.quantity][0].quantity
    source = [c for c in discrepancy.extract("EPS of $1.28 to $1.40.") if c.quantity][0].quantity
    assert claim is not None and source is not None
    assert ends_agree(claim, source)
    assert not ends_agree(source, claim)  # "$1.28" is written to the cent
