"""Small builders for hand-made claims, so comparison tests do not depend on extraction."""

from __future__ import annotations

import math

from discrepancy.checks.codes import RULES
from discrepancy.checks.findings import make_finding
from discrepancy.model import Claim, Finding, Period, Quantity


def qclaim(
    text: str,
    low: float,
    high: float | None = None,
    *,
    subject: str = "",
    dimension: str = "count",
    unit: str = "",
    qualifier: str = "exact",
    tolerance: float = 0.0,
    doc: str = "target",
    start: int = 0,
    frame: Period | None = None,
    context: str = "",
    sentence: int = 0,
) -> Claim:
    high = low if high is None else high
    value = low if math.isinf(high) else (low + high) / 2
    q = Quantity(
        low=low, high=high, value=value, unit=unit, dimension=dimension, qualifier=qualifier,
        subject=subject, tolerance=tolerance,
    )
    return Claim(
        doc=doc, category="quantity", text=text, start=start, end=start + len(text),
        sentence=sentence,
        subject=subject, quantity=q, time_frame=frame, context=tuple(context.split()),
    )


def fake_cell(value: str, subject: str) -> Quantity | None:
    """Stand-in for quantities.quantity_from_cell: tests the table reader alone."""
    v = value.strip().lower()
    if v == "unknown":
        return Quantity(0.0, math.inf, math.nan, qualifier="unknown", subject=subject)
    digits = "".join(ch for ch in v.split()[0] if ch.isdigit() or ch == ".")
    if not digits:
        return None
    n = float(digits) * (1e6 if "million" in v else 1.0)
    return Quantity(n, math.inf if v.endswith("+") else n, n, subject=subject,
                    qualifier="plus" if v.endswith("+") else "exact")


def example_finding(
    category: str,
    kind: str,
    severity: str,
    message: str,
    claim: Claim,
    evidence: tuple[Claim, ...] | list[Claim] = (),
    *,
    sentence_text: str = "",
    ratio: float | None = None,
) -> Finding:
    """A finding of the first registered code of ``category`` and ``kind``: for
    tests and examples that build findings by hand. Checks never use it: they
    name their own code."""
    code = next(r for r in RULES if (r.category, r.kind) == (category, kind))
    return make_finding(code, severity, message, claim, evidence,
                        sentence_text=sentence_text, ratio=ratio)
