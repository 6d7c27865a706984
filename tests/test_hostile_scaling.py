"""The linear-time rewrites give exactly what the quadratic code gave."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy.model import Claim
from discrepancy.recognizers.base import Spans as _Spans
from discrepancy.text.similarity import SparseOverlap, overlap_matrix, ranked

STEMS = st.lists(st.sampled_from([f"w{i}" for i in range(12)]), max_size=8).map(
    lambda ws: sorted(set(ws))
)


@settings(max_examples=200, deadline=None)
@given(st.lists(STEMS, min_size=1, max_size=8), st.lists(STEMS, min_size=1, max_size=12))
def test_sparse_overlap_rows_equal_the_dense_matrix(
    a: list[list[str]], b: list[list[str]]
) -> None:
    shared, coef = overlap_matrix(a, b)
    sparse = SparseOverlap(a, b)
    for i in range(len(a)):
        r = sparse.row(i)
        nonzero = np.flatnonzero(shared[i] > 0)
        assert r.cols.tolist() == nonzero.tolist()
        assert r.shared.dtype == shared.dtype and r.coef.dtype == coef.dtype
        assert r.shared.tolist() == shared[i][nonzero].tolist()
        assert r.coef.tolist() == coef[i][nonzero].tolist()
        for threshold in (1, 2, 3):
            dense = ranked(shared[i] >= threshold, (-shared[i], -coef[i]))
            assert r.ranked(r.shared >= threshold, (-r.shared, -r.coef)) == dense


SPAN = st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(SPAN, max_size=10), SPAN)
def test_span_index_answers_like_the_linear_scan(spans: list[tuple[int, int]],
                                                  claim: tuple[int, int]) -> None:
    c = Claim(doc="d", category="quantity", text="x", start=claim[0], end=claim[1], sentence=0)
    expected = any(c.start < b and a < c.end for a, b in spans)
    assert _Spans(spans).overlaps(c) == expected


def test_figure_table_groups_at_most_the_limit_per_document_and_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import discrepancy
    import discrepancy.figure_table as figures
    from discrepancy.report.figure_table import render_figures

    text = "".join(f"The port handled {i + 2} million tonnes in 2023.\n" for i in range(8))
    whole = discrepancy.compare([text, text])
    assert whole.left_out == 0 and "figures_left_out" not in whole.to_dict()["summary"]
    monkeypatch.setattr(figures, "MAX_FIGURES_PER_DOCUMENT", 3)
    table = discrepancy.compare([text, text])
    assert table.left_out == 10  # 5 of 8 in each of the two documents
    assert table.to_dict()["summary"]["figures_left_out"] == 10
    assert render_figures(table, "table").splitlines()[-1].endswith(
        "(10 figures left out: over the limit of 3 per document)")


def _calls(monkeypatch: pytest.MonkeyPatch, module: object, name: str, text: str) -> int:
    """How often ``module.name`` runs in one check of ``text`` against itself."""
    import discrepancy

    real = getattr(module, name)
    count = [0]

    def counted(*args: object, **kwargs: object) -> object:
        count[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    discrepancy.check(text, [text])
    monkeypatch.setattr(module, name, real)
    return count[0]


@pytest.mark.parametrize(("module_name", "name"), [
    ("discrepancy.checks.quantity.siblings", "words_after"),
    ("discrepancy.checks.quantity.check", "same_statement"),
    ("discrepancy.checks.quantity.check", "words_about"),
])
def test_judging_one_line_of_like_figures_is_linear_work(
    monkeypatch: pytest.MonkeyPatch, module_name: str, name: str
) -> None:
    # One sentence counting one noun hundreds of times ("and 12 boats went by and 13
    # boats went by ..."): the sibling, restating and words-about rules must do work
    # in proportion to the figures, not their square (this ran 160 s at 1,000 figures).
    import importlib

    module = importlib.import_module(module_name)

    def line(n: int) -> str:
        return "".join(f"and {i:>5} boats went by " for i in range(n))

    small, large = (_calls(monkeypatch, module, name, line(n)) for n in (60, 240))
    assert large <= 4 * small + 50


def test_a_date_of_a_giant_sentence_carries_a_bounded_context() -> None:
    """'they wed. In 1991' is not split ("Wed." is a weekday's abbreviation), so
    thousands of dates shared one sentence, and hashing each claim with every word
    of it made a check quadratic."""
    import discrepancy
    from discrepancy.recognizers.dates import CONTEXT_MAX

    text = "".join(f"In {1990 + i % 30} they met; two years later, they wed. " for i in range(400))
    dates = [c for c in discrepancy.extract(text) if c.category == "date"]
    assert len(dates) >= 400
    assert max(len(c.context) for c in dates) <= CONTEXT_MAX
