"""Every row of ``tests/corpora/checks/<CODE>.yaml``: a summary, its sources, the findings.

A row is run through ``discrepancy.check`` unless it (or its file) names another
``via``: the check-level entry point the row was first written against. Row keys
(see ``corpora/README.md``): ``where`` filters the findings, ``count`` counts them,
``only`` is the whole list in order, ``has`` findings that must be there, ``not``
claim texts that must not be flagged, ``first`` the fields of the first finding.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from corpora_rows import Row, check_count, load_rows, matches

from discrepancy.model import Finding

Via = Callable[[str, list[str]], list[Finding]]


def _vias() -> dict[str, Via]:
    """The one place that names check modules: a module renamed changes only this."""
    import discrepancy
    from discrepancy.checks.attributions import find_attribution_findings
    from discrepancy.checks.dates import find_date_findings
    from discrepancy.model import Document
    from discrepancy.recognizers.attributions import extract_attributions
    from discrepancy.recognizers.dates import extract_dates

    def read(text: str, id: str) -> tuple[Document, list[Any]]:
        doc = Document.from_text(text, id=id)
        return doc, extract_dates(doc) + extract_attributions(doc)

    def attributions(summary: str, sources: list[str]) -> list[Finding]:
        t, tc = read(summary, "t")
        return find_attribution_findings(t, tc, [read(s, "s") for s in sources])

    def attributions_and_dates(summary: str, sources: list[str]) -> list[Finding]:
        t, tc = read(summary, "t")
        pairs = [read(s, "s") for s in sources]
        return find_attribution_findings(t, tc, pairs) + find_date_findings(t, tc, pairs)

    def dates(summary: str, sources: list[str]) -> list[Finding]:
        t = Document.from_text(summary, id="t", role="target")
        pairs = [(s, extract_dates(s)) for s in (Document.from_text(s, id="s") for s in sources)]
        return find_date_findings(t, extract_dates(t), pairs)

    return {
        "check": lambda summary, sources: list(discrepancy.check(summary, sources).findings),
        "attributions": attributions,
        "attributions_and_dates": attributions_and_dates,
        "dates": dates,
    }


VIAS = _vias()


def field(finding: Finding, key: str) -> Any:
    """A finding's field as rows name it: ``claim`` and ``evidence`` are texts."""
    if key == "claim":
        return finding.claim.text
    if key == "evidence":
        return finding.evidence[0].text if finding.evidence else None
    if key == "evidences":
        return [e.text for e in finding.evidence]
    return getattr(finding, key)


def _holds(finding: Finding, fields: str | dict[str, Any]) -> bool:
    if isinstance(fields, str):
        return finding.claim.text == fields
    for key, value in fields.items():
        if key == "message_has":
            if value not in finding.message:
                return False
        elif field(finding, key) != value:
            return False
    return True


def _show(findings: list[Finding]) -> list[str]:
    return [f"{f.code} {f.severity} {f.kind} {f.claim.text!r}: {f.message}" for f in findings]


@pytest.mark.parametrize("row", load_rows("checks"))
def test_check_row(row: Row) -> None:
    r = row.row
    findings = VIAS[row.get("via", "check")](r["summary"], r["sources"])
    findings = [f for f in findings if matches(row.get("where"), f, field)]
    texts = [f.claim.text for f in findings]
    if "count" in r:
        check_count(len(findings), r["count"], f"findings {_show(findings)}")
    if "only" in r:
        assert len(findings) == len(r["only"]), f"findings {_show(findings)}"
        for finding, fields in zip(findings, r["only"], strict=True):
            assert _holds(finding, fields), f"{fields} not in {_show(findings)}"
    for fields in r.get("has", []):
        assert any(_holds(f, fields) for f in findings), f"{fields} not in {_show(findings)}"
    if "not" in r:
        assert not set(texts) & set(r["not"]), f"findings {_show(findings)}"
    if "first" in r:
        assert findings, "no finding"
        assert _holds(findings[0], r["first"]), f"{r['first']} not in {_show(findings)}"
