"""A date a figure is compared with ("up from $2.39 in the third quarter of 2019")
is not the date of the sentence's event. Rows from SummEdits ECTSum earnings-call
transcripts; quarters as dates are rows of ``tests/corpora/recognizers/dates_quarters.yaml``
and ``tests/corpora/checks/DQ201.yaml``."""

from __future__ import annotations

import pytest

import discrepancy
from discrepancy.recognizers.dates import comparison_base


@pytest.mark.parametrize(("sentence", "base"), [
    ("EPS was $1.87, down from $2.39 in the third quarter of 2019.", True),
    ("This is an increase of 170% over the pre-pandemic first quarter of 2019.", True),
    ("Revenue was up from 2019.", True),
    ("Storm Irene arrived from the Atlantic on Sunday, March 9, 2020.", False),
    ("He moved from London in 2019.", False),
    # a phrasal verb's "up" is no move (fresh probe, round 182)
    ("It scooped up debris from the small rounded space rock in 2020.", False),
    ("Sales were up sharply from 2019.", True),
    ("Profit was down 4% from the first quarter of 2020.", True),
])
def test_comparison_base(sentence: str, base: bool) -> None:
    doc = discrepancy.Document.from_text(sentence)
    dates = [c for c in discrepancy.extract(doc) if c.category == "date"]
    assert [comparison_base(doc, c) for c in dates] == [base]


