"""Every row of ``tests/corpora/checks/<CODE>.yaml``: a summary, its sources, the findings.

A row is run through ``discrepancy.check`` unless it (or its file) names another
``via``: the check-level entry point the row was first written against. Row keys
(see ``corpora/README.md``): ``where`` filters the findings, ``count`` counts them,
``only`` is the whole list in order, ``has`` findings that must be there, ``not``
claim texts that must not be flagged, ``first`` the fields of the first finding.
"""

from __future__ import annotations

from typing import Any

import pytest
from corpora_entry_points import CODES, VIAS
from corpora_rows import CORPORA, Row, check_count, load_rows, matches

from discrepancy.model import Finding


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


def test_every_check_file_is_named_for_a_code() -> None:
    stems = {path.stem for path in (CORPORA / "checks").glob("*.yaml")}
    assert stems and stems <= CODES, sorted(stems - CODES)
