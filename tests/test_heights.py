"""Heights in feet and inches are one figure however they are written; other
forms that are no figure of their own: clock minutes, a unit letter that begins
a name. Rows from RAGTruth missing-person reports and FaithBench summaries."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import discrepancy

SOURCE = ("Tonee Turner is described as being 5 feet 3 inches tall and weighing 130 pounds. "
          "Scheduled for 2:20 p.m. EDT, this alert will roll out across time zones. "
          "In 2009 almost 300 people died in a quake in L'Aquila.")


def test_a_range_of_heights_with_the_inches_at_the_end() -> None:
    report = discrepancy.check(
        "At the time of her disappearance, she was between 5'3\" and 5'4\", weighed 120-130 "
        "pounds.",
        ["At the time of her disappearance, Wardi McDonald stood 5 feet 3 to 5 feet 4 inches "
         "tall and weighed 120 to 130 pounds."],
    )
    assert [f.claim.text for f in report.findings if f.severity != "low"] == []


def test_a_different_height_is_flagged() -> None:
    flagged = [f.claim.text for f in discrepancy.check("She is 5'6\" tall.", [SOURCE]).findings]
    assert flagged == ["5'6\""]


@given(st.text(alphabet="0123456789'\"’”′″ ftinchesad", max_size=40))
def test_heights_never_fail_and_stay_inside_the_text(text: str) -> None:
    for c in discrepancy.extract(text):
        assert text[c.start:c.end] == c.text
