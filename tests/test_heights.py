"""Heights in feet and inches never fail to read. The rows (one figure however a
height is written; clock minutes and a unit letter beginning a name are no figure)
are in ``tests/corpora/recognizers/heights.yaml`` and ``tests/corpora/checks/DQ101.yaml``."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

import discrepancy


@given(st.text(alphabet="0123456789'\"’”′″ ftinchesad", max_size=40))
@example('0′0"')  # a height of nothing divided its rounding by zero
def test_heights_never_fail_and_stay_inside_the_text(text: str) -> None:
    for c in discrepancy.extract(text):
        assert text[c.start:c.end] == c.text
