"""What the reports of one run come to: one report, and the exit code it means."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import SEVERITY_RANK, Document, Report


def merge_reports(reports: Sequence[Report]) -> Report:
    """One report for many targets; each source appears once."""
    docs: dict[str, Document] = {}
    for r in reports:
        for d in r.documents:
            if d.role == "target":
                docs.setdefault(d.id, d)
    for r in reports:
        for d in r.documents:
            docs.setdefault(d.id, d)
    findings = tuple(f for r in reports for f in r.findings)
    claims = tuple(dict.fromkeys(c for r in reports for c in r.claims))
    return Report(documents=tuple(docs.values()), findings=findings, claims=claims,
                  over_limit=sum(r.over_limit for r in reports),
                  limits=tuple(sorted({x for r in reports for x in r.limits})))


def exit_code(report: Report, fail_on: str) -> int:
    """1 if any finding is at or above ``fail_on`` (low|medium|high|never), else 0."""
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    return int(any(SEVERITY_RANK[f.severity] >= floor for f in report.findings))
