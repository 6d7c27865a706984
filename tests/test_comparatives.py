"""Comparisons after a percent (checks/quantity/comparatives.py): cost on hostile runs."""

from __future__ import annotations

import time

import pytest

from discrepancy.checks.quantity.comparatives import _compared


@pytest.mark.parametrize(("text", "found"), [
    ("were 78% more likely to die", [("78", "more")]),
    ("a 3.5 percent lower rate and 20 per cent fewer visits", [("3.5", "lower"), ("20", "fewer")]),
    ("rose 5% to $3 billion", []),
])
def test_compared(text: str, found: list[tuple[str, str]]) -> None:
    assert [(n, w) for n, w, _, _ in _compared(text)] == found


@pytest.mark.parametrize("unit", ["1% ", "1.1", "9 per", "5 percent m"])
def test_linear_on_long_runs(unit: str) -> None:
    text = unit * 40_000
    t0 = time.perf_counter()
    _compared(text)
    assert time.perf_counter() - t0 < 2.0
