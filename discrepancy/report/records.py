"""One record per finding: the single source every output format is built from."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from ..checks.engine import sort_key
from ..model import CATEGORIES, KINDS, SEVERITY_RANK, Claim, Document, Finding

if TYPE_CHECKING:
    import pandas as pd

    from ..model import Report

SCHEMA_VERSION = 1


# A record quotes the claim's sentence; past this many characters (a table row or a
# whole document on one line) it quotes this much around the claim, marked with "…",
# so a report grows with its findings, not with findings × line length.
SENTENCE_EXCERPT = 1000


def sentence_excerpt(claim: Claim, doc: Document) -> str:
    """The claim's sentence, or an excerpt of SENTENCE_EXCERPT characters around it."""
    if not 0 <= claim.sentence < len(doc.sentences):
        return ""
    s = doc.sentences[claim.sentence]
    if s.end - s.start <= SENTENCE_EXCERPT:
        return s.text
    start = max(s.start, min(claim.start - SENTENCE_EXCERPT // 3, s.end - SENTENCE_EXCERPT))
    end = min(s.end, start + SENTENCE_EXCERPT)
    text = doc.text[start:end]
    return ("…" if start > s.start else "") + text + ("…" if end < s.end else "")


def claim_record(claim: Claim, doc: Document) -> dict[str, Any]:
    line, column = doc.location(claim.start)
    end_line, end_column = doc.location(claim.end)
    sentence = sentence_excerpt(claim, doc)
    return {
        "doc": claim.doc,
        "path": doc.path,
        "text": claim.text,
        "sentence": sentence,
        "start": claim.start,
        "end": claim.end,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "value": claim.value_dict(),
    }


def finding_record(f: Finding, docs: dict[str, Document]) -> dict[str, Any]:
    return {
        "code": f.code,
        "name": f.name,
        "kind": f.kind,
        "category": f.category,
        "severity": f.severity,
        "message": f.message,
        "claim": claim_record(f.claim, docs[f.claim.doc]),
        "evidence": [claim_record(e, docs[e.doc]) for e in f.evidence],
        "ratio": None if f.ratio is None else round(f.ratio, 4),
        "fingerprint": f.fingerprint,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    docs = {d.id: d for d in report.documents}
    findings = [finding_record(f, docs) for f in report.findings]
    by_sev = Counter(f.severity for f in report.findings)
    by_kind = Counter(f.kind for f in report.findings)
    by_cat = Counter(f.category for f in report.findings)
    return {
        "version": SCHEMA_VERSION,
        "documents": [{"id": d.id, "path": d.path, "role": d.role} for d in report.documents],
        "findings": findings,
        "summary": {
            "findings": len(findings),
            "claims": len(report.claims),
            "by_severity": {
                k: by_sev.get(k, 0)
                for k in sorted(SEVERITY_RANK, key=SEVERITY_RANK.get, reverse=True)
            },
            "by_kind": {k: by_kind.get(k, 0) for k in KINDS},
            "by_category": {k: by_cat.get(k, 0) for k in CATEGORIES},
            # only when it happened, so reports within the limit keep their bytes
            **({"over_limit": report.over_limit} if report.over_limit else {}),
            **({"limits_reached": list(report.limits)} if report.limits else {}),
        },
    }


# Findings reported per target. An article has a few dozen; a generated text of
# 22,000 bare numbers had 22,000 (a 59 MB JSON report). The most severe are kept.
MAX_FINDINGS_PER_TARGET = 1000


def limit_findings(report: Report, limit: int | None = None) -> Report:
    """``report`` with at most ``limit`` (MAX_FINDINGS_PER_TARGET) findings per target
    document, the most severe first (then by position), ``over_limit`` counting the rest."""
    from dataclasses import replace

    limit = MAX_FINDINGS_PER_TARGET if limit is None else limit

    by_doc: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_doc.setdefault(f.claim.doc, []).append(f)
    if all(len(fs) <= limit for fs in by_doc.values()):
        return report
    kept: list[Finding] = []
    for fs in by_doc.values():
        kept += sorted(fs, key=lambda f: (-SEVERITY_RANK[f.severity], sort_key(f)))[:limit]
    dropped = len(report.findings) - len(kept)
    return replace(report, findings=tuple(sorted(kept, key=sort_key)),
                   over_limit=report.over_limit + dropped)


def flat_record(rec: dict[str, Any]) -> dict[str, Any]:
    """A finding record flattened to one row (for CSV and DataFrames)."""
    c = rec["claim"]
    ev = rec["evidence"][0] if rec["evidence"] else None
    return {
        "code": rec["code"],
        "name": rec["name"],
        "kind": rec["kind"],
        "category": rec["category"],
        "severity": rec["severity"],
        "message": rec["message"],
        "doc": c["doc"],
        "path": c["path"],
        "line": c["line"],
        "column": c["column"],
        "claim": c["text"],
        "claim_sentence": c["sentence"],
        "evidence_doc": ev["doc"] if ev else None,
        "evidence_line": ev["line"] if ev else None,
        "evidence": ev["text"] if ev else None,
        "evidence_sentence": ev["sentence"] if ev else None,
        "ratio": rec["ratio"],
        "fingerprint": rec["fingerprint"],
    }


def report_to_frame(report: Report) -> pd.DataFrame:
    import pandas as pd

    rows = [flat_record(r) for r in report_to_dict(report)["findings"]]
    columns = list(flat_record(_EMPTY).keys())
    return pd.DataFrame(rows, columns=columns)


_EMPTY: dict[str, Any] = {
    "code": None, "name": None, "kind": None, "category": None, "severity": None,
    "message": None, "claim": {"doc": None, "path": None, "line": None, "column": None,
    "text": None, "sentence": None}, "evidence": [], "ratio": None, "fingerprint": None,
}
